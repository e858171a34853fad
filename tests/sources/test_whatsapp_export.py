"""WhatsApp chat export: header layouts, date order, local time, system lines, media, bad input."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import AuthorRole, MediaKind, Platform, PostKind
from auditor.sources.archive import ArchiveReader
from auditor.sources.whatsapp_export import (
    DEFAULT_PHRASES,
    ChatPhrases,
    DateOrder,
    WhatsAppExportSource,
    WhatsAppSettings,
    amsterdam_to_utc,
    chat_name_from_file,
    classify_system,
    decide_date_order,
    parse_body,
    split_media,
)
from tests.conftest import require_shared

LRM = "\u200e"
DUTCH_ANDROID = (
    "12-03-2024 08:59 - Berichten en gesprekken worden end-to-end versleuteld. Niemand buiten "
    "deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet. Tik voor meer informatie.\n"
    "12-03-2024 09:00 - Juf Anne heeft de groep aangemaakt\n"
    "12-03-2024 09:01 - Juf Anne heeft Meester Bram toegevoegd\n"
    "12-03-2024 09:15 - Juf Anne: Goedemorgen ouders van groep 5!\n"
    "Vandaag gaan we naar de kinderboerderij.\n"
    "12-03-2024 09:16 - Juf Anne: IMG-20240312-WA0003.jpg (bestand bijgevoegd)\n"
    "Even op de foto voor vertrek\n"
    "12-03-2024 09:20 - +31 6 12345678: <Media weggelaten>\n"
)


def write_chat(tmp_path: Path, text: str, name: str = "WhatsApp-chat met Groep 5b.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# everyone who writes in these format tests is staff: parents' messages are never yielded
STAFF = WhatsAppSettings(staff=("Juf Anne", "Meester Bram", "A", "+31 6 12345678"))


def posts_of(path: Path, **kw):  # type: ignore[no-untyped-def]
    """The messages a chat yields (without the group record that comes last)."""
    kw.setdefault("settings", STAFF)
    source = WhatsAppExportSource(path, **kw)
    posts = list(source.collect())
    assert posts[-1].kind == PostKind.GROUP
    return source, posts[:-1]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- a Dutch Android export, end to end ---------------------------------------------------------


def test_dutch_android_export_yields_one_post_per_message(tmp_path):
    source, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    assert [p.text for p in posts] == [
        "Goedemorgen ouders van groep 5!\nVandaag gaan we naar de kinderboerderij.",
        "Even op de foto voor vertrek",
        "",
    ]
    assert all(p.platform == Platform.WHATSAPP and p.kind == PostKind.POST for p in posts)
    assert all(p.author_is_account for p in posts)
    assert {p.account for p in posts} == {"Groep 5b"}
    assert source.account().handle == "Groep 5b"


def test_message_times_are_amsterdam_local_converted_to_utc(tmp_path):
    _, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    assert posts[0].created_at == utc(2024, 3, 12, 8, 15)


def test_source_ref_names_the_chat_file_and_line(tmp_path):
    _, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    assert [p.source_ref for p in posts] == [
        "WhatsApp-chat met Groep 5b.txt#L4",
        "WhatsApp-chat met Groep 5b.txt#L6",
        "WhatsApp-chat met Groep 5b.txt#L8",
    ]


def test_sender_names_are_not_stored_in_any_field(tmp_path):
    text = "12-03-2024 09:15 - Meester Bram: Fijne dag allemaal\n"
    _, [post] = posts_of(write_chat(tmp_path, text))
    fields = {f.name: getattr(post, f.name) for f in dataclasses.fields(post)}
    assert "Bram" not in repr(fields)


def test_media_left_out_of_the_export_is_a_missing_media_item(tmp_path):
    _, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    [omitted] = posts[2].media
    assert omitted.missing and omitted.kind == MediaKind.OTHER
    assert omitted.name == "<Media weggelaten>"


def test_media_missing_from_the_export_give_one_warning(tmp_path):
    source, _ = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    [warning] = source.warnings
    assert "2 photos/videos of staff are not in the export" in warning


def test_attached_photo_without_its_zip_is_missing(tmp_path):
    _, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    [photo] = posts[1].media
    assert (photo.name, photo.kind, photo.missing) == (
        "IMG-20240312-WA0003.jpg",
        MediaKind.PHOTO,
        True,
    )


def test_estimated_total_counts_headers(tmp_path):
    source, _ = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    assert source.estimated_total() == 6


# -- header layouts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12-03-2024 09:15 - Juf Anne: Hallo", utc(2024, 3, 12, 8, 15)),  # Android NL
        ("[12-03-2024 09:15:02] Juf Anne: Hallo", utc(2024, 3, 12, 8, 15, 2)),  # iOS NL
        ("[22-11-13 19:08:14] Juf Anne: Hallo", utc(2013, 11, 22, 18, 8, 14)),  # iOS 2013
        ("12-03-17, 09:15 - Juf Anne: Hallo", utc(2017, 3, 12, 8, 15)),
        ("12-03-17 09:15:02: Juf Anne: Hallo", utc(2017, 3, 12, 8, 15, 2)),
        ("12/03/2024, 09:15 - Juf Anne: Hallo", utc(2024, 3, 12, 8, 15)),  # English UI
        ("[12/03/2024, 09:15:02] Juf Anne: Hallo", utc(2024, 3, 12, 8, 15, 2)),
        ("3/12/24, 9:15 AM - Juf Anne: Hallo\n3/13/24, 9:15 PM - Juf Anne: Hallo", None),
        ("12.03.24, 09:15 - Juf Anne: Hallo", utc(2024, 3, 12, 8, 15)),
        ("2024-03-12 09:15 - Juf Anne: Hallo", utc(2024, 3, 12, 8, 15)),
        (f"{LRM}[12-03-2024 09:15:02]{LRM} Juf Anne: Hallo", utc(2024, 3, 12, 8, 15, 2)),
    ],
)
def test_header_layouts_are_recognised(tmp_path, line, expected):
    _, posts = posts_of(write_chat(tmp_path, line + "\n"))
    assert posts[0].text == "Hallo"
    if expected is not None:
        assert posts[0].created_at == expected
    else:  # US layout: the 13 in the second field makes the whole file month-first
        assert [p.created_at for p in posts] == [utc(2024, 3, 12, 8, 15), utc(2024, 3, 13, 20, 15)]


@pytest.mark.parametrize(
    ("fields", "order"),
    [
        ([("12", "03", "24"), ("13", "03", "24")], DateOrder.DAY_FIRST),
        ([("03", "12", "24"), ("03", "13", "24")], DateOrder.MONTH_FIRST),
        ([("03", "04", "24"), ("05", "06", "24")], DateOrder.DAY_FIRST),  # undecided: Dutch
        ([("2024", "03", "12")], DateOrder.YEAR_FIRST),
    ],
)
def test_date_order_is_decided_per_file(fields, order):
    assert decide_date_order(fields) == order


def test_a_late_day_above_twelve_decides_the_order_of_earlier_lines(tmp_path):
    text = "01-02-2024 10:00 - A: een\n25-02-2024 10:00 - A: twee\n"
    _, posts = posts_of(write_chat(tmp_path, text))
    assert posts[0].created_at == utc(2024, 2, 1, 9, 0)


@pytest.mark.parametrize(
    ("clock", "hour"),
    [("12:05 AM", 0), ("12:05 PM", 12), ("1:05 PM", 13), ("9:05 a.m.", 9), ("9:05\u202fPM", 21)],
)
def test_twelve_hour_clock(tmp_path, clock, hour):
    _, [post] = posts_of(write_chat(tmp_path, f"1/20/24, {clock} - A: Hallo\n"))
    assert post.created_at == amsterdam_to_utc(datetime(2024, 1, 20, hour, 5))


# -- local time ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        (datetime(2024, 1, 15, 9, 15), utc(2024, 1, 15, 8, 15)),  # winter: +1
        (datetime(2024, 6, 15, 9, 15), utc(2024, 6, 15, 7, 15)),  # summer: +2
        (datetime(2024, 10, 27, 2, 30), utc(2024, 10, 27, 0, 30)),  # twice: first (summer)
        (datetime(2024, 3, 31, 2, 30), utc(2024, 3, 31, 1, 30)),  # skipped hour
    ],
)
def test_amsterdam_local_time_to_utc(local, expected):
    assert amsterdam_to_utc(local) == expected


# -- text handling -------------------------------------------------------------------------------


def test_continuation_lines_that_look_like_name_colon_text_stay_in_the_message(tmp_path):
    text = "12-03-2024 09:15 - Juf Anne: Meenemen:\nGymschoenen: ja\nDrinken: ook\n"
    _, [post] = posts_of(write_chat(tmp_path, text))
    assert post.text == "Meenemen:\nGymschoenen: ja\nDrinken: ook"


def test_ios_export_with_crlf_bom_and_direction_marks(tmp_path):
    text = (
        "\ufeff[12-03-2024 09:00:00] Groep 5b: "
        f"{LRM}Berichten en gesprekken worden end-to-end versleuteld.\r\n"
        f"[12-03-2024 09:00:01] Groep 5b: {LRM}Juf Anne heeft de groep aangemaakt\r\n"
        f"[12-03-2024 09:15:02] \u202a+31 6 12345678\u202c: Dank je!\r\nTot straks\r\n"
    )
    _, posts = posts_of(write_chat(tmp_path, text, "_chat.txt"))
    assert [p.text for p in posts] == ["Dank je!\nTot straks"]


def test_empty_and_view_once_messages_are_kept(tmp_path):
    text = "12-03-2024 09:15 - Juf Anne:.\n12-03-2024 09:16 - Juf Anne:\n"
    _, posts = posts_of(write_chat(tmp_path, text))
    assert [p.text for p in posts] == [".", ""]


def test_deleted_messages_are_dropped_and_edit_markers_removed(tmp_path):
    text = (
        "12-03-2024 09:15 - Juf Anne: Dit bericht is verwijderd\n"
        "12-03-2024 09:16 - Juf Anne: Je hebt dit bericht verwijderd\n"
        "12-03-2024 09:17 - Juf Anne: Gym om 10 uur <Dit bericht is bewerkt>\n"
    )
    _, posts = posts_of(write_chat(tmp_path, text))
    assert [p.text for p in posts] == ["Gym om 10 uur"]


# -- system lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "category"),
    [
        ("Juf Anne heeft de groep aangemaakt", "created"),
        ('Juf Anne heeft groep "Groep 5b" aangemaakt', "created"),
        ("Juf Anne heeft deze groep aangemaakt", "created"),
        ("U hebt de groep aangemaakt", "created"),
        ('+12 345 578 created group "Groupname"', "created"),
        ("Juf Anne heeft Meester Bram toegevoegd", "added"),
        ("Juf Anne heeft je toegevoegd", "added"),
        ("You were added", "added"),
        ("Meester Bram heeft de groep verlaten", "left"),
        ("Meester Bram is toegetreden via de uitnodigingslink", "joined"),
        ("Juf Anne heeft de groepsafbeelding gewijzigd", "changed"),
        ('Juf Anne heeft het onderwerp gewijzigd naar "Groep 5: info"', "changed"),
        ("Iets nieuws dat WhatsApp morgen bedenkt", "other"),
    ],
)
def test_system_lines_are_classified(body, category):
    parsed = parse_body(body, "Groep 5b")
    assert parsed.system == category and parsed.sender == ""


@pytest.mark.parametrize(
    "body",
    ["Juf Anne: Wie heeft de groep aangemaakt?", "Groep 5b: Fijne vakantie!", "Mama Tim: Hoi"],
)
def test_messages_are_not_system_lines(body):
    assert parse_body(body, "Groep 5b").system is None


def test_system_lines_never_become_posts(tmp_path):
    source, posts = posts_of(write_chat(tmp_path, DUTCH_ANDROID))
    assert not any(w in p.text for p in posts for w in ("aangemaakt", "toegevoegd", "versleuteld"))
    assert source.created_by == AuthorRole.STAFF  # "Juf Anne heeft de groep aangemaakt"


def test_system_phrases_are_configurable():
    phrases = ChatPhrases(system={**DEFAULT_PHRASES.system, "created": (r"\bstartte de groep\b",)})
    assert classify_system("Juf Anne startte de groep", phrases) == "created"
    assert classify_system("Juf Anne startte de groep") is None


# -- media ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rest", "names", "kinds"),
    [
        ("<Media weggelaten>", "", [None], [MediaKind.OTHER]),
        ("<Media omitted>", "", [None], [MediaKind.OTHER]),
        ("afbeelding weggelaten", "", [None], [MediaKind.PHOTO]),
        ("video omitted", "", [None], [MediaKind.VIDEO]),
        ("GIF weggelaten", "", [None], [MediaKind.GIF]),
        ("audio weggelaten", "audio weggelaten", [], []),
        ("IMG-20240312-WA0003.jpg (bestand bijgevoegd)\nKijk!", "Kijk!",
         ["IMG-20240312-WA0003.jpg"], [MediaKind.PHOTO]),
        ("VID-20240312-WA0001.mp4 (file attached)", "", ["VID-20240312-WA0001.mp4"],
         [MediaKind.VIDEO]),
        ("<bijgevoegd: 00000012-PHOTO-2024-03-12-09-15-02.jpg>", "",
         ["00000012-PHOTO-2024-03-12-09-15-02.jpg"], [MediaKind.PHOTO]),
        ("<attached: 00000013-GIF-2024-03-12-09-15-02.mp4>", "",
         ["00000013-GIF-2024-03-12-09-15-02.mp4"], [MediaKind.GIF]),
        ("Rooster.pdf • 2 pagina's <bijgevoegd: 00000017-Rooster.pdf>",
         "Rooster.pdf • 2 pagina's <bijgevoegd: 00000017-Rooster.pdf>", [], []),
        ("PTT-20240312-WA0001.opus (bestand bijgevoegd)",
         "PTT-20240312-WA0001.opus (bestand bijgevoegd)", [], []),
        ("STK-20240312-WA0001.webp (bestand bijgevoegd)",
         "STK-20240312-WA0001.webp (bestand bijgevoegd)", [], []),
        ("Ik heb de video weggelaten omdat hij te groot was", None, [], []),
    ],
)  # fmt: skip
def test_media_markers(text, rest, names, kinds):
    remaining, markers = split_media(text)
    assert remaining == (text if rest is None else rest)
    assert [m.name for m in markers] == names
    assert [m.kind for m in markers] == kinds


def android_zip(tmp_path: Path, chat: str, files: dict[str, bytes]) -> Path:
    path = tmp_path / "WhatsApp Chat met Groep 5b.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("WhatsApp Chat met Groep 5b.txt", chat)
        for name, data in files.items():
            zf.writestr(name, data)
    return path


ZIP_CHAT = (
    "12-03-2024 09:16 - Juf Anne: IMG-20240312-WA0003.jpg (bestand bijgevoegd)\n"
    "Even op de foto\n"
    "12-03-2024 09:17 - Juf Anne: IMG-20240312-WA0004.jpg (bestand bijgevoegd)\n"
)


def test_zip_media_are_copied_into_the_media_store(tmp_path):
    store = MediaStore(tmp_path / "media")
    path = android_zip(tmp_path, ZIP_CHAT, {"IMG-20240312-WA0003.jpg": b"\xff\xd8fake-jpeg"})
    source, posts = posts_of(path, media_store=store)
    [photo] = posts[0].media
    assert photo.path is not None and photo.path.read_bytes() == b"\xff\xd8fake-jpeg"
    assert photo.sha256 and not photo.missing
    [absent] = posts[1].media
    assert absent.missing and absent.path is None
    assert source.chat_name == "Groep 5b"


def test_zip_media_without_a_store_are_listed_without_a_file(tmp_path):
    path = android_zip(tmp_path, ZIP_CHAT, {"IMG-20240312-WA0003.jpg": b"\xff\xd8"})
    _, posts = posts_of(path)
    assert posts[0].media[0].path is None and not posts[0].media[0].missing


def test_ios_zip_with_chat_txt(make_archive, tmp_path):
    photo = "00000012-PHOTO-2024-03-12-09-16-00.jpg"
    chat = f"[12-03-2024 09:16:00] Juf Anne: {LRM}<bijgevoegd: {photo}>\r\n"
    path = make_archive(
        {"_chat.txt": chat, photo: b"\xff\xd8ios"},
        name="WhatsApp Chat - Werkgroep Musical",
    )
    source, [post] = posts_of(path, media_store=MediaStore(tmp_path / "media"))
    assert source.chat_name == "Werkgroep Musical"
    assert post.media[0].path is not None and post.text == ""


# -- ids, names, detection -------------------------------------------------------------------------


def test_ids_are_stable_across_reads_and_longer_exports(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    _, first = posts_of(write_chat(tmp_path / "old", DUTCH_ANDROID))
    _, again = posts_of(write_chat(tmp_path / "old", DUTCH_ANDROID))
    longer = DUTCH_ANDROID + "13-03-2024 10:00 - Juf Anne: Nog iets\n"
    _, second = posts_of(write_chat(tmp_path / "new", longer))
    ids = [p.external_id for p in first]
    assert [p.external_id for p in again] == ids
    assert [p.external_id for p in second][: len(ids)] == ids
    assert all(i.startswith("wa-") for i in ids)


def test_identical_messages_in_the_same_minute_get_distinct_ids(tmp_path):
    text = "12-03-2024 09:15 - Juf Anne: Ja\n12-03-2024 09:15 - Juf Anne: Ja\n"
    _, posts = posts_of(write_chat(tmp_path, text))
    assert posts[0].external_id != posts[1].external_id
    assert posts[1].external_id == posts[0].external_id + "-2"


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("WhatsApp Chat met Groep 5b", "Groep 5b"),
        ("WhatsApp-chat met Groep 5b", "Groep 5b"),
        ("WhatsApp Chat with Werkgroep Musical", "Werkgroep Musical"),
        ("WhatsApp Chat - Werkgroep Musical", "Werkgroep Musical"),
        ("WhatsApp Chat met Groep 5b (1)", "Groep 5b"),
        ("_chat", None),
        ("export", None),
    ],
)
def test_chat_name_from_file_name(stem, name):
    assert chat_name_from_file(stem) == name


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"_chat.txt": "x"}, True),
        ({"WhatsApp Chat met Groep 5b.txt": "x", "IMG-1.jpg": b"x"}, True),
        ({"chats/WhatsApp-chat met Ouders.txt": "x"}, True),
        ({"data/tweets.js": "x"}, False),
        ({"notes.txt": "x"}, False),
    ],
)
def test_detects_chat_exports_by_member_name(make_archive, files, expected):
    with ArchiveReader(make_archive(files)) as reader:
        assert WhatsAppExportSource.detect(reader) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (DUTCH_ANDROID, "chat.txt", True),
        ("\ufeff\n[12-03-2024 09:15:02] A: Hallo\n", "chat.txt", True),
        ("Boodschappen: melk\n12-03-2024 09:15 - A: Hallo\n", "chat.txt", False),
        (DUTCH_ANDROID, "chat.csv", False),
    ],
)
def test_detects_a_plain_chat_text_file_by_its_first_line(tmp_path, text, name, expected):
    assert WhatsAppExportSource.detect_file(write_chat(tmp_path, text, name)) is expected


# -- bad input -------------------------------------------------------------------------------------


def test_impossible_date_is_skipped_with_its_line(tmp_path):
    text = "25-02-2024 10:00 - A: goed\n31-02-2024 10:00 - A: kapot\nvervolg\n"
    source, posts = posts_of(write_chat(tmp_path, text))
    assert [p.text for p in posts] == ["goed"]
    [skip] = source.skipped
    assert skip.where.endswith("#L2") and "date" in skip.reason


def test_text_without_any_header_is_an_error_naming_the_file(tmp_path):
    with pytest.raises(SourceError, match=r"boodschappen\.txt.*no WhatsApp message"):
        WhatsAppExportSource(write_chat(tmp_path, "melk\nbrood\n", "boodschappen.txt"))


def test_non_utf8_chat_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "chat.txt"
    path.write_bytes("12-03-2024 09:15 - A: café\n".encode("utf-16"))
    with pytest.raises(SourceError, match=r"chat\.txt.*not UTF-8"):
        WhatsAppExportSource(path)


def test_zip_without_chat_file_is_an_error(make_zip):
    with pytest.raises(SourceError, match="no WhatsApp chat file"):
        WhatsAppExportSource(make_zip({"IMG-1.jpg": b"x"}))


def test_zip_with_two_chats_is_an_error(make_zip):
    files = {"a/_chat.txt": "12-03-2024 09:15 - A: x", "b/_chat.txt": "12-03-2024 09:15 - A: x"}
    with pytest.raises(SourceError, match="2 chat files"):
        WhatsAppExportSource(make_zip(files))


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        WhatsAppExportSource(tmp_path / "WhatsApp Chat met Niemand.txt")


# -- the real (English, Android) fixture ----------------------------------------------------------


def test_real_english_android_export(shared_dir):
    path = require_shared(shared_dir / "fixtures" / "whatsapp" / "test_ddmmyy_24hrs.txt")
    staff = ("John Doe", "Jahn Doe", "John-John Doe", "John Doe 🤓", "+12 345 578")
    source, posts = posts_of(path, settings=WhatsAppSettings(staff=staff))
    assert source.order == DateOrder.DAY_FIRST
    assert len(posts) == 6  # 9 headers minus two system lines; "🤓" is a parent (not staff)
    assert posts[0].created_at == utc(2019, 1, 1, 10, 25)
    assert posts[2].text == "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero."
    assert posts[3].text == "Lorem ipsum : dolor sit amet."  # sender "John-John Doe"
    assert posts[4].created_at == utc(2021, 12, 10, 9, 10)
    assert posts[-1].text.endswith("Duis libero.")  # no trailing newline in the file
    assert source.chat_name == "Groupname"  # the file name does not say: the system line does
    assert source.created_by == AuthorRole.STAFF  # "+12 345 578" is in the staff list
    assert not source.skipped
