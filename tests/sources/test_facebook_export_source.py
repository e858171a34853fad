"""Facebook JSON export: layouts, mojibake repair, stable ids, media, comments and bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import MediaKind, PostKind
from auditor.sources.facebook_export import (
    FacebookExportSource,
    fix_meta_text,
    parse_comment_title,
    repair_strings,
    stable_post_id,
)

PAGE_ROOT = "this_profile's_activity_across_facebook"
PROFILE_ROOT = "your_facebook_activity"
TS = 1710231302  # 2024-03-12 08:15:02 UTC


def post(text=None, ts=TS, media=(), title="OBS De Vlinder heeft een bericht geplaatst.", **kw):
    entry = {"timestamp": ts, "title": title, "data": [{"update_timestamp": ts}]}
    if text is not None:
        entry["data"].insert(0, {"post": text})
    items = [{"media": m} for m in media] + kw.pop("items", [])
    if items:
        entry["attachments"] = [{"data": items}]
    entry.update(kw)
    return entry


def comment(text, title, ts=TS, author="OBS De Vlinder"):
    return {
        "timestamp": ts,
        "title": title,
        "data": [{"comment": {"timestamp": ts, "comment": text, "author": author}}],
    }


def page_export(build, posts, comments=None, page="OBS De Vlinder", extra=None):
    files = {f"{PAGE_ROOT}/posts/profile_posts_1.json": build.fb_json(posts)}
    if comments is not None:
        files[f"{PAGE_ROOT}/comments_and_reactions/comments.json"] = build.fb_json(
            {"comments_v2": comments}
        )
    if page:
        files[
            "logged_information/professional_dashboard/your_professional_dashboard_activity.json"
        ] = build.fb_json({"prodash_activity": [{"page_name": page}]})
    files.update(extra or {})
    return files


def collect(path, store=None):
    source = FacebookExportSource(path, store)
    return source, list(source.collect())


# -- mojibake ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("caf\u00c3\u00a9", "café"),
        ("\u00f0\u009f\u0090\u0090 geit", "🐐 geit"),
        ("foto\u00e2\u0080\u0099s", "foto’s"),
        ("Zo\u00c3\u00abl en Ma\u00c3\u00afssa", "Zoël en Maïssa"),
        ("plain ascii", "plain ascii"),
        ("café", "café"),  # real latin-1 text, not mojibake: kept
        ("al echt 🎒 é", "al echt 🎒 é"),  # real Unicode above U+00FF: kept
    ],
)
def test_fix_meta_text(stored, expected):
    assert fix_meta_text(stored) == expected


def test_repair_is_applied_once_to_every_string():
    once = repair_strings({"a": ["\u00c3\u0083\u00c2\u00a9"], "b": {"c": "x"}, "n": 3})
    assert once == {"a": ["\u00c3\u00a9"], "b": {"c": "x"}, "n": 3}  # double-encoded stays once


def test_mojibake_in_posts_is_repaired(build, make_archive):
    text = "Groep 5 bij de kinderboerderij 🐐 – café ’t Hoekje, Zoë’s idee"
    _, (p,) = collect(make_archive(page_export(build, [post(text)])))
    assert p.text == text


# -- layouts --------------------------------------------------------------------------------


def test_page_layout_posts_and_comments(build, make_archive):
    files = page_export(
        build,
        [post("Eerste bericht", ts=TS), post("Tweede bericht", ts=TS + 60)],
        [comment("Dank u wel!", "OBS De Vlinder heeft gereageerd op het bericht van Anna Smit.")],
    )
    source, posts = collect(make_archive(files))
    assert [p.text for p in posts] == ["Eerste bericht", "Tweede bericht", "Dank u wel!"]
    assert [p.kind for p in posts] == [PostKind.POST, PostKind.POST, PostKind.COMMENT]
    assert posts[2].reply_to == "Anna Smit"
    assert source.account().name == "OBS De Vlinder" and posts[0].account == "OBS De Vlinder"
    assert posts[0].created_at == datetime(2024, 3, 12, 8, 15, 2, tzinfo=UTC)
    assert posts[0].url is None and posts[0].source_ref.endswith("profile_posts_1.json#1")


def test_2024_profile_layout(build, make_archive):
    files = {
        f"{PROFILE_ROOT}/posts/your_posts__check_ins__photos_and_videos_1.json": build.fb_json(
            [post("Bericht één")]
        ),
        f"{PROFILE_ROOT}/posts/your_posts__check_ins__photos_and_videos_2.json": build.fb_json(
            [post("Bericht twee", ts=TS - 100)]
        ),
        f"{PROFILE_ROOT}/comments_and_reactions/comments.json": build.fb_json(
            {"comments_v2": [comment("Graag gedaan", "Jan Visser commented on Eva Jansen's post.",
                                     author="Jan Visser")]}
        ),
        "personal_information/profile_information/profile_information.json": build.fb_json(
            {"profile_v2": {"name": {"full_name": "Basisschool Het Anker"},
                            "profile_uri": "https://www.facebook.com/bshetanker"}}
        ),
    }  # fmt: skip
    source, posts = collect(make_archive(files))
    assert [p.text for p in posts] == ["Bericht één", "Bericht twee", "Graag gedaan"]
    assert posts[2].reply_to == "Eva Jansen"
    assert source.account().name == "Basisschool Het Anker"
    assert source.account().handle == "bshetanker"


def test_old_layout_with_status_updates_and_comments_key(build, make_archive):
    files = {
        "posts/your_posts_1.json": build.fb_json({"status_updates": [post("Oud bericht")]}),
        "comments/comments.json": build.fb_json(
            {"comments": [comment("Oude reactie", "X commented on his own post.", author="X")]}
        ),
    }
    source, posts = collect(make_archive(files, name="facebook-cbsdebron"))
    assert [p.text for p in posts] == ["Oud bericht", "Oude reactie"]
    assert source.account().name == "facebook-cbsdebron"  # no profile file: the export's name
    assert posts[1].reply_to == "facebook-cbsdebron"  # own post: the rule ignores it


def test_text_falls_back_to_media_description(build, make_archive):
    media = {"uri": f"{PAGE_ROOT}/posts/media/album/1.jpg", "description": "Juf Eva’s klas"}
    _, (p,) = collect(make_archive(page_export(build, [post(None, media=[media])])))
    assert p.text == "Juf Eva’s klas"


def test_reshare_without_own_words_is_a_share(build, make_archive):
    share = post(None, items=[{"external_context": {"url": ""}}])
    _, (p,) = collect(make_archive(page_export(build, [share])))
    assert p.kind is PostKind.SHARE


# -- stable ids -----------------------------------------------------------------------------


def test_external_id_is_stable_across_exports(build, make_zip, make_folder):
    files = page_export(build, [post("Zelfde bericht 🎉")])
    _, (a,) = collect(make_zip(files, "first.zip"))
    _, (b,) = collect(make_folder(files, "second"))
    assert a.external_id == b.external_id == stable_post_id(TS, "Zelfde bericht 🎉")
    assert a.external_id.startswith("fb-") and len(a.external_id) == 19


def test_external_id_uses_nfc_text():
    assert stable_post_id(TS, "Zoe\u0308") == stable_post_id(TS, "Zo\u00eb")


@pytest.mark.parametrize(("ts", "text"), [(TS + 1, "Bericht"), (TS, "Bericht!")])
def test_external_id_changes_with_time_or_text(ts, text):
    assert stable_post_id(ts, text) != stable_post_id(TS, "Bericht")


def test_identical_posts_get_distinct_ids(build, make_archive):
    _, posts = collect(make_archive(page_export(build, [post("Foto"), post("Foto")])))
    assert len({p.external_id for p in posts}) == 2


# -- media ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "stored_at"),
    [
        (f"{PAGE_ROOT}/posts/media/Tijdlijnfotos_1/431_n.jpg",
         f"{PAGE_ROOT}/posts/media/Tijdlijnfotos_1/431_n.jpg"),
        ("your_activity_across_facebook/posts/media/Tijdlijnfotos_1/431_n.jpg",
         f"{PROFILE_ROOT}/posts/media/Tijdlijnfotos_1/431_n.jpg"),
        ("photos_and_videos/Album_9/431_n.jpg", "elders/431_n.jpg"),
    ],
    ids=["as-given", "first-segment-swapped", "basename-search"],
)  # fmt: skip
def test_media_uri_resolution(build, make_archive, tmp_path, uri, stored_at):
    files = page_export(build, [post("Foto’s", media=[{"uri": uri}])], extra={stored_at: b"jpg"})
    _, (p,) = collect(make_archive(files), MediaStore(tmp_path / "store"))
    (m,) = p.media
    assert not m.missing and m.path is not None and m.path.read_bytes() == b"jpg"
    assert m.kind is MediaKind.PHOTO and m.name == "431_n.jpg"


def test_media_in_wrapped_zip_folder(build, make_zip, tmp_path):
    uri = f"{PAGE_ROOT}/posts/media/a/1_n.mp4"
    inner = page_export(build, [post("Film", media=[{"uri": uri}])], extra={uri: b"mp4"})
    files = {f"facebook-obs-2025/{k}": v for k, v in inner.items()}
    _, (p,) = collect(make_zip(files), MediaStore(tmp_path / "store"))
    assert p.media[0].kind is MediaKind.VIDEO and p.media[0].path is not None


def test_missing_media_and_remote_thumbnail(build, make_archive):
    media = [{"uri": f"{PAGE_ROOT}/posts/media/a/weg.jpg"},
             {"uri": "https://scontent.xx.fbcdn.net/v/t1/abc.jpg"}]  # fmt: skip
    _, (p,) = collect(make_archive(page_export(build, [post("x", media=media)])))
    assert p.media[0].missing and p.media[1].url and not p.media[1].missing


def test_no_media_store_records_media_without_path(build, make_archive):
    uri = f"{PAGE_ROOT}/posts/media/a/1.jpg"
    files = page_export(build, [post("x", media=[{"uri": uri}])], extra={uri: b"jpg"})
    _, (p,) = collect(make_archive(files), None)
    assert p.media[0].path is None and not p.media[0].missing


# -- comment titles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "author", "expected"),
    [
        ("OBS De Vlinder commented on Anna Smit's post.", "OBS De Vlinder",
         ("Anna Smit", False, False)),
        ("OBS De Vlinder commented on Kees’ photo.", "OBS De Vlinder", ("Kees", False, False)),
        ("OBS De Vlinder replied to Anna Smit's comment.", "OBS De Vlinder",
         ("Anna Smit", True, False)),
        ("OBS De Vlinder heeft gereageerd op het bericht van Jan van Dijk.", "OBS De Vlinder",
         ("Jan van Dijk", False, False)),
        ("OBS De Vlinder heeft gereageerd op de reactie van Fatima El Amrani.", "OBS De Vlinder",
         ("Fatima El Amrani", True, False)),
        ("OBS De Vlinder heeft gereageerd op de foto van Sanne.", "", ("Sanne", False, False)),
        ("OBS De Vlinder hat den Beitrag von Lena Vogel kommentiert.", "OBS De Vlinder",
         ("Lena Vogel", False, False)),
        ("OBS De Vlinder a commenté la publication de Chloé Martin.", "OBS De Vlinder",
         ("Chloé Martin", False, False)),
        ("OBS De Vlinder commented on his own post.", "OBS De Vlinder", (None, False, True)),
        ("OBS De Vlinder heeft gereageerd op zijn eigen bericht.", "OBS De Vlinder",
         (None, False, True)),
        ("OBS De Vlinder commented on a post.", "OBS De Vlinder", (None, False, False)),
        ("", "", (None, False, False)),
    ],
)  # fmt: skip
def test_parse_comment_title(title, author, expected):
    assert parse_comment_title(title, author) == expected


def test_reply_to_a_comment_is_kind_reply(build, make_archive):
    c = comment("Klopt!", "OBS De Vlinder heeft gereageerd op de reactie van Kees Bakker.")
    _, posts = collect(make_archive(page_export(build, [post("x")], [c])))
    assert posts[-1].kind is PostKind.REPLY and posts[-1].reply_to == "Kees Bakker"


# -- bad input -------------------------------------------------------------------------------


def test_html_export_is_refused_with_advice(make_archive):
    files = {f"{PAGE_ROOT}/posts/profile_posts_1.html": "<html></html>", "index.html": "<html>"}
    with pytest.raises(SourceError, match="HTML export; request the export in JSON format"):
        FacebookExportSource(make_archive(files))


def test_export_without_posts_names_the_file(make_archive):
    with pytest.raises(SourceError, match=r"export.*no posts file"):
        FacebookExportSource(make_archive({f"{PAGE_ROOT}/events/events.json": "[]"}))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"timestamp": 1, ', "invalid JSON"),
        ('{"something_else": {"a": 1}}', "not a Facebook export file"),
        ('"just a string"', "not a Facebook export file"),
        (b'[{"timestamp": 1, "data": [{"post": "caf\xe9"}]}]', "not UTF-8"),
        (b"", "invalid JSON"),
    ],
    ids=["truncated", "wrong-object", "wrong-type", "invalid-utf8", "empty-file"],
)
def test_malformed_posts_file_names_the_member(make_archive, content, message):
    source = FacebookExportSource(make_archive({"posts/your_posts_1.json": content}))
    with pytest.raises(SourceError, match=message) as info:
        list(source.collect())
    assert "posts/your_posts_1.json" in str(info.value) and "\n" not in str(info.value)


def test_unreadable_post_is_skipped(build, make_archive):
    files = page_export(build, [post("goed"), {"title": "geen tijd"}, "oops"])
    source, posts = collect(make_archive(files))
    assert [p.text for p in posts] == ["goed"]
    assert len(source.skipped) == 2


def test_posts_file_is_loaded_as_json_array(build, make_archive):
    # the fixture helper itself writes \u00XX escapes, as Facebook does
    raw = build.fb_json([post("é")])
    assert "\\u00c3\\u00a9" in raw and json.loads(raw)[0]["data"][0]["post"] == "Ã©"
