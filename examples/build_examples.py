"""Build the small sample exports in examples/ (deterministic: same bytes on every run).

    .venv/bin/python examples/build_examples.py

Writes `twitter-archive-sample.zip` (an X archive, 2025 layout) and `facebook-export-sample.zip`
(a Facebook Page export, JSON, with Facebook's mojibake). Every school, person, handle and number
in them is invented; the photo is a generated colour gradient, not a real picture.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.make_archive import (  # noqa: E402
    account_js,
    facebook_json,
    js_assignment,
    manifest,
    tweet_object,
    write_member,
)

SCHOOL = {"accountId": "1400000000000000001", "userName": "obsdevlinder",
          "displayName": "OBS De Vlinder"}  # fmt: skip
PAGE = "OBS De Vlinder"


def tiny_png(width: int = 24, height: int = 16) -> bytes:
    """A small RGB gradient PNG built by hand (no imaging library, no real photo)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 10 % 256, y * 15 % 256, 160)) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


# (id suffix, time, text, options): invented posts of an invented school.
TWEETS: list[tuple[int, str, str, dict]] = [
    (
        1,
        "2024-08-30T10:00:00+02:00",
        "Maandag begint het nieuwe schooljaar! De deuren gaan om "
        "8.20 uur open. Wij hebben er zin in! #nieuwschooljaar",
        {},
    ),
    (
        2,
        "2024-09-04T14:30:00+02:00",
        "Wat knap gedaan door Sem uit groep 5: hij won de tekenwedstrijd van de bibliotheek! 🎨",
        {},
    ),
    (
        3,
        "2024-09-10T09:15:00+02:00",
        "Vragen over de overblijf? Bel gerust juf Ineke op 06-12 34 56 78.",
        {},
    ),
    (
        4,
        "2024-09-12T20:15:00+02:00",
        "@pietjanssen82 Goede vraag! De fietsenstalling is vanaf 8.15 uur open.",
        {"reply": ("pietjanssen82", "90000000001")},
    ),
    (
        5,
        "2024-09-20T11:00:00+02:00",
        "Dank aan Bakkerij De Korenaar voor de traktatie! Hun "
        "appeltaart is deze week in de aanbieding voor maar €7,50 👉 "
        "https://bakkerij-korenaar.example/actie?x=1&y=2",
        {},
    ),
    (
        6,
        "2024-10-01T19:45:00+02:00",
        "Ik vind persoonlijk dat er veel te weinig geld naar het "
        "onderwijs gaat. Groetjes, juf Marloes",
        {},
    ),
    (
        7,
        "2024-10-04T13:00:00+02:00",
        "Groep 6 bij de kinderboerderij #buitenles",
        {"media": [{"key": "GxVlInDeR01", "type": "photo", "ext": "png"}]},
    ),
    (
        8,
        "2024-10-08T08:30:00+02:00",
        "Ziekmelden kan elke ochtend tussen 7.45 en 8.15 uur via 0546-58 31 20 (administratie).",
        {},
    ),
    (
        9,
        "2024-10-15T16:00:00+02:00",
        "Ouderavond op donderdag 24 oktober & de "
        "informatiemarkt: meer info op https://obsdevlinder.example/nieuws",
        {},
    ),
    (
        10,
        "2024-10-15T16:02:00+02:00",
        "Aanmelden kan tot 20 oktober via Parro.",
        {"self_reply": True},
    ),
    (
        11,
        "2024-10-21T10:00:00+02:00",
        "RT @GGD_Regio: Griepprik voor 60-plussers: maak nu een "
        "afspraak. Wij zijn er ook op zaterdag.",
        {},
    ),
    (
        12,
        "2024-11-05T09:00:00+02:00",
        "De Kinderboekenweek was een feest! Bedankt voor alle "
        "boeken die de kinderen meebrachten 📚",
        {},
    ),
    (
        13,
        "2024-11-11T17:30:00+01:00",
        "Sint-Maarten: lampionnen maken in alle groepen. "
        "Vanavond om 18.00 uur lopen we door de Dorpsstraat.",
        {},
    ),
    (
        14,
        "2024-11-20T08:00:00+01:00",
        "@BrandweerDorp Bedankt voor de stoere les brandveiligheid in groep 7 en 8! 🚒",
        {"reply": ("BrandweerDorp", "90000000002")},
    ),
    (
        15,
        "2024-12-02T12:00:00+01:00",
        "Filmpje van de Sinterklaasviering in de hal.",
        {"media": [{"key": "VsInTeRk123", "type": "video"}]},
    ),
    (
        16,
        "2024-12-16T19:00:00+01:00",
        "Kerstmarkt vrijdag: zelfgemaakte kerststukjes voor €4 en warme chocomel voor €1. Tot dan!",
        {},
    ),
    (
        17,
        "2025-01-08T07:30:00+01:00",
        "Let op: vanwege gladheid gaat de school vandaag pas om 10.00 uur open. <3 van het team",
        {},
    ),
    (
        18,
        "2025-02-03T15:00:00+01:00",
        "@moeder_vanlisa Wat fijn om te horen, dank u wel!",
        {"reply": ("moeder_vanlisa", "90000000003")},
    ),
]


def build_twitter(out: Path) -> None:
    base = 1_840_000_000_000_000_000
    png = tiny_png()
    tweets = []
    for suffix, when, text, opts in reversed(TWEETS):  # the archive lists newest first
        tweet_id = str(base + suffix)
        reply = opts.get("reply")
        if opts.get("self_reply"):
            reply = (SCHOOL["userName"], SCHOOL["accountId"])
        tweets.append(
            {
                "tweet": tweet_object(
                    tweet_id,
                    at(when),
                    text,
                    reply_to=reply,
                    media=opts.get("media"),
                    account=SCHOOL,
                )
            }  # fmt: skip
        )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        write_member(zf, "data/manifest.js", manifest([("tweets.js", len(tweets))], SCHOOL))
        write_member(zf, "data/account.js", account_js(SCHOOL))
        write_member(zf, "data/tweets.js", js_assignment("YTD.tweets.part0", tweets))
        write_member(zf, "data/deleted-tweets.js", js_assignment("YTD.deleted_tweets.part0", []))
        # Photo of tweet 7 is present; the video of tweet 15 is missing (as happens in real
        # archives). A file in deleted_tweets_media with tweet 7's id must be ignored.
        write_member(zf, f"data/tweets_media/{base + 7}-GxVlInDeR01.png", png)
        write_member(zf, f"data/deleted_tweets_media/{base + 7}-OldPhoto999.png", png)


def fb_post(ts: str, text: str | None, title: str, media: list[dict] | None = None,
            link: str | None = None) -> dict:  # fmt: skip
    stamp = int(at(ts).timestamp())
    entry: dict = {"timestamp": stamp, "title": title, "data": []}
    if text is not None:
        entry["data"].append({"post": text})
    entry["data"].append({"update_timestamp": stamp})
    items: list[dict] = [{"media": m | {"creation_timestamp": stamp}} for m in media or []]
    if link is not None:
        items.append({"external_context": {"url": link}})
    if items:
        entry["attachments"] = [{"data": items}]
    return entry


ROOT = "this_profile's_activity_across_facebook"
PHOTO_URI = f"{ROOT}/posts/media/Tijdlijnfotos_a1B2c3/101_n.png"
# Older URI prefix than the folder on disk: the importer must still find the file.
SWAPPED_URI = "your_activity_across_facebook/posts/media/Tijdlijnfotos_a1B2c3/102_n.png"


def build_facebook(out: Path) -> None:
    posts = [
        fb_post(
            "2024-08-30T10:00:00+02:00",
            "Maandag gaan we weer beginnen! ☀️ We hebben er zin in.",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-09-06T15:00:00+02:00",
            "Groep 4 leerde deze week over het café van vroeger. Daarna maakten ze zelf crêpes 🥞",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-09-13T12:00:00+02:00",
            "Hoera! Noor uit groep 2 is vandaag 6 jaar geworden 🎉",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-09-20T09:00:00+02:00",
            "Onze schoolfotograaf komt op 3 oktober. Bestel nu "
            "met korting: een fotopakket voor €19,95!",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-10-04T13:30:00+02:00",
            "De kinderboerderij was geweldig! 🐐",
            f"{PAGE} heeft 2 nieuwe foto’s toegevoegd.",
            media=[
                {
                    "uri": PHOTO_URI,
                    "title": "Tijdlijnfoto’s",
                    "description": "De kinderboerderij was geweldig! 🐐",
                },
                {"uri": SWAPPED_URI, "title": "Tijdlijnfoto’s", "description": ""},
            ],
        ),
        fb_post(
            "2024-10-11T10:00:00+02:00",
            None,
            f"{PAGE} heeft een foto toegevoegd.",
            media=[
                {
                    "uri": f"{ROOT}/posts/media/Tijdlijnfotos_a1B2c3/103_n.jpg",
                    "title": "Tijdlijnfoto’s",
                    "description": "Juf Ellen’s klas tijdens de Kinderboekenweek",
                }
            ],
        ),
        fb_post(
            "2024-10-25T16:00:00+02:00",
            "Vragen over de ouderbijdrage? Bel de administratie: 0546-58 31 20.",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-11-08T19:30:00+01:00",
            "Ik vind het persoonlijk jammer dat zo weinig "
            "ouders naar de ouderavond kwamen. Groet, meester Bram",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
        fb_post(
            "2024-11-15T11:00:00+01:00",
            "Lees hier de nieuwsbrief van november 📰",
            f"{PAGE} heeft een link gedeeld.",
            link="https://obsdevlinder.example/nieuwsbrief",
        ),
        fb_post(
            "2024-12-20T14:00:00+01:00",
            "Fijne kerstvakantie en tot 6 januari! 🎄✨",
            f"{PAGE} heeft een bericht geplaatst.",
        ),
    ]
    comments = {"comments_v2": [
        {"timestamp": int(at("2024-09-14T10:20:00+02:00").timestamp()),
         "data": [{"comment": {"timestamp": int(at("2024-09-14T10:20:00+02:00").timestamp()),
                               "comment": "Hoi Marloes, de informatieavond is alleen voor "
                               "ouders. Groet, het team", "author": PAGE}}],
         "title": f"{PAGE} heeft gereageerd op het bericht van Marloes de Wit."},
        {"timestamp": int(at("2024-10-05T09:00:00+02:00").timestamp()),
         "data": [{"comment": {"timestamp": int(at("2024-10-05T09:00:00+02:00").timestamp()),
                               "comment": "Dank je wel! De foto’s staan ook in Parro.",
                               "author": PAGE}}],
         "title": f"{PAGE} heeft gereageerd op de reactie van Kees Bakker."},
        {"timestamp": int(at("2024-10-04T14:00:00+02:00").timestamp()),
         "data": [{"comment": {"timestamp": int(at("2024-10-04T14:00:00+02:00").timestamp()),
                               "comment": "Meer foto’s volgen morgen!", "author": PAGE}}],
         "title": f"{PAGE} heeft gereageerd op zijn eigen bericht."},
    ]}  # fmt: skip
    png = tiny_png()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        write_member(zf, f"{ROOT}/posts/profile_posts_1.json", facebook_json(posts))
        write_member(zf, f"{ROOT}/comments_and_reactions/comments.json", facebook_json(comments))
        write_member(
            zf,
            "logged_information/professional_dashboard/your_professional_dashboard_activity.json",
            facebook_json({"prodash_activity": [{"page_name": PAGE, "timestamp": 1725000000}]}),
        )
        write_member(zf, PHOTO_URI, png)
        write_member(zf, f"{ROOT}/posts/media/Tijdlijnfotos_a1B2c3/102_n.png", tiny_png(16, 12))
        # 103_n.jpg is deliberately absent: the importer reports it as missing media.


def main() -> int:
    build_twitter(HERE / "twitter-archive-sample.zip")
    build_facebook(HERE / "facebook-export-sample.zip")
    for name in ("twitter-archive-sample.zip", "facebook-export-sample.zip"):
        print(f"wrote examples/{name} ({(HERE / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
