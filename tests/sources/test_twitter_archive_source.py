"""X/Twitter archive: formats of 2018-2025, text expansion, media, replies and bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import MediaKind, PostKind
from auditor.sources import twitter_archive
from auditor.sources.twitter_archive import (
    TwitterArchiveSource,
    expand_text,
    parse_twitter_time,
)


def posts_of(path: Path, media_store: MediaStore | None = None):
    source = TwitterArchiveSource(path, media_store)
    return source, list(source.collect())


def archive(build, tweets, *, name="tweets.js", wrap=True, manifest=True, extra=None):
    items = [{"tweet": t} for t in tweets] if wrap else tweets
    files = {f"data/{name}": build.js("YTD.tweets.part0", items)}
    if manifest:
        files["data/manifest.js"] = build.manifest_js({name: len(tweets)})
    files.update(extra or {})
    return files


# -- the real 2022 fixture -------------------------------------------------------------------


@pytest.fixture
def real_fixture(shared_dir, make_archive):
    folder = shared_dir / "fixtures" / "twitter-archive"
    return make_archive(
        {
            "data/tweet.js": (folder / "tweet.js").read_bytes(),
            "data/manifest.js": (folder / "manifest.js").read_bytes(),
        }
    )


def test_real_fixture_ids_times_and_text(real_fixture):
    source, posts = posts_of(real_fixture)
    assert [p.external_id for p in posts] == ["254848497235398656", "1276916896974110721"]
    assert posts[0].created_at == datetime(2012, 10, 7, 7, 39, 51, tzinfo=UTC)
    assert posts[1].created_at == datetime(2020, 6, 27, 16, 34, 46, tzinfo=UTC)
    assert posts[1].text.startswith("I just found @syncthing and I'm really liking it")
    assert posts[1].mentions == ("syncthing",)
    assert posts[1].url == "https://x.com/mrled/status/1276916896974110721"
    assert posts[0].source_ref == "data/tweet.js#1"


def test_real_fixture_retweet_is_a_share(real_fixture):
    _, posts = posts_of(real_fixture)
    assert [p.kind for p in posts] == [PostKind.SHARE, PostKind.POST]


def test_real_fixture_account_and_estimate_from_manifest(real_fixture):
    source, _ = posts_of(real_fixture)
    assert source.account().handle == "mrled"
    assert source.account().name.startswith("Micah R Ledbetter")
    assert source.estimated_total() == 938
    assert any("manifest says 938 posts, file has 2" in w for w in source.warnings)


# -- file variants -----------------------------------------------------------------------------


def test_tweets_js_and_parts_are_read_in_order(build, make_archive):
    files = {
        "data/tweets-part1.js": build.js("YTD.tweets.part1", [{"tweet": build.tweet("2")}]),
        "data/tweets.js": build.js("YTD.tweets.part0", [{"tweet": build.tweet("1")}]),
        "data/tweets-part2.js": build.js("YTD.tweets.part2", [{"tweet": build.tweet("3")}]),
        "data/manifest.js": build.manifest_js(),
    }
    _, posts = posts_of(make_archive(files))
    assert [p.external_id for p in posts] == ["1", "2", "3"]


def test_bare_tweet_objects_of_2019_archives(build, make_archive):
    files = archive(build, [build.tweet("11"), build.tweet("12")], name="tweet.js", wrap=False)
    _, posts = posts_of(make_archive(files))
    assert [p.external_id for p in posts] == ["11", "12"]


@pytest.mark.parametrize(
    "content",
    [
        'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "5", "created_at": '
        '"Tue Mar 12 08:15:02 +0000 2024", "full_text": "x", "entities": {}}} ];\n',
        '\ufeffwindow.YTD.tweets.part0 =\n[{"tweet": {"id_str": "5", "created_at": '
        '"Tue Mar 12 08:15:02 +0000 2024", "full_text": "x", "entities": {}}}]',
    ],
    ids=["trailing-semicolon", "bom-and-newline"],
)
def test_wrapper_variations(make_archive, content):
    _, posts = posts_of(make_archive({"data/tweets.js": content}))
    assert [p.external_id for p in posts] == ["5"]


def test_empty_data_file(make_archive):
    _, posts = posts_of(make_archive({"data/tweets.js": "window.YTD.tweets.part0 = [ ]"}))
    assert posts == []


def test_items_split_across_read_chunks(build, make_archive, monkeypatch):
    monkeypatch.setattr(twitter_archive, "CHUNK_CHARS", 7)
    tweets = [build.tweet(str(i), full_text=f"Bericht {i} met é en 🎒") for i in range(1, 30)]
    _, posts = posts_of(make_archive(archive(build, tweets)))
    assert [p.external_id for p in posts] == [str(i) for i in range(1, 30)]
    assert posts[-1].text == "Bericht 29 met é en 🎒"


def test_account_from_account_js_without_manifest(build, make_archive):
    files = archive(build, [build.tweet()], manifest=False)
    files["data/account.js"] = build.js(
        "YTD.account.part0",
        [
            {
                "account": {
                    "username": "cbsdebron",
                    "accountId": "77",
                    "accountDisplayName": "CBS De Bron",
                }
            }
        ],
    )
    source, posts = posts_of(make_archive(files))
    assert source.account().handle == "cbsdebron"
    assert posts[0].url == "https://x.com/cbsdebron/status/1790000000000000001"
    assert source.estimated_total() is None


def test_deleted_tweets_are_not_imported(build, make_archive):
    files = archive(build, [build.tweet("1")])
    files["data/deleted-tweets.js"] = build.js(
        "YTD.deleted_tweets.part0", [{"tweet": build.tweet("99")}]
    )
    _, posts = posts_of(make_archive(files))
    assert [p.external_id for p in posts] == ["1"]


def test_only_final_version_of_edited_post(build, make_archive):
    chain = {"editTweetIds": ["1", "2"]}
    first = build.tweet("1", full_text="Versie 1", edit_info={"initial": chain})
    final = build.tweet(
        "2",
        full_text="Versie 2",
        edit_info={"edit": {"initialTweetId": "1", "editControlInitial": chain}},
    )
    source, posts = posts_of(make_archive(archive(build, [final, first])))
    assert [p.text for p in posts] == ["Versie 2"]
    assert any("edited" in w for w in source.warnings)


# -- time and text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue Mar 12 08:15:02 +0000 2024", datetime(2024, 3, 12, 8, 15, 2, tzinfo=UTC)),
        ("Sun Oct 07 07:39:51 +0000 2012", datetime(2012, 10, 7, 7, 39, 51, tzinfo=UTC)),
        ("Wed Dec 31 23:30:00 -0100 2025", datetime(2026, 1, 1, 0, 30, tzinfo=UTC)),
        ("2015-01-24 02:02:37 +0000", datetime(2015, 1, 24, 2, 2, 37, tzinfo=UTC)),
    ],
)
def test_created_at_is_utc_aware(raw, expected):
    parsed = parse_twitter_time(raw)
    assert parsed == expected and parsed.tzinfo is UTC


def test_created_at_ignores_process_locale(monkeypatch):
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "nl_NL.UTF-8")
    except locale.Error:
        pytest.skip("nl_NL locale not installed")
    try:
        assert parse_twitter_time("Tue May 14 08:00:00 +0000 2024").month == 5
    finally:
        locale.setlocale(locale.LC_TIME, "C")


def _url(tco, expanded, start):
    return {
        "url": tco,
        "expanded_url": expanded,
        "display_url": expanded[8:],
        "indices": [str(start), str(start + len(tco))],
    }


def test_links_expanded_by_indices_and_text_unescaped_once():
    raw = "Juf &amp; groep 5 &lt;3 &amp;amp; meer: https://t.co/AbCdEf12"
    at = raw.index("https://t.co/")
    entities = {"urls": [_url("https://t.co/AbCdEf12", "https://school.example/a?b=1&amp=2", at)]}
    assert expand_text(raw, entities, None) == (
        "Juf & groep 5 <3 &amp; meer: https://school.example/a?b=1&amp=2"
    )


def test_indices_count_code_points_of_the_escaped_text():
    raw = "🎒 &amp; https://t.co/x1 en https://t.co/x2"
    entities = {
        "urls": [
            _url("https://t.co/x1", "https://een.example", 8),
            _url("https://t.co/x2", "https://twee.example", 27),
        ]
    }
    assert expand_text(raw, entities, None) == "🎒 & https://een.example en https://twee.example"


def test_wrong_indices_fall_back_to_string_replacement():
    raw = "Lees https://t.co/AbC op de site"
    entities = {
        "urls": [
            {"url": "https://t.co/AbC", "expanded_url": "https://x.example", "indices": ["0", "3"]}
        ]
    }
    assert expand_text(raw, entities, None) == "Lees https://x.example op de site"


def test_missing_expanded_url_keeps_the_tco_link():
    raw = "Zie https://t.co/Q1"
    entities = {"urls": [{"url": "https://t.co/Q1", "indices": ["4", "19"]}]}
    assert expand_text(raw, entities, None) == "Zie https://t.co/Q1"


def test_media_link_is_removed_from_text():
    raw = "Groep 6 op pad https://t.co/Med1a"
    media = {"media": [{"url": "https://t.co/Med1a", "indices": ["15", "33"], "type": "photo"}]}
    assert expand_text(raw, {"media": media["media"]}, media) == "Groep 6 op pad"


# -- media -----------------------------------------------------------------------------------


def _photo(tweet_id, key, ext="jpg"):
    tco = "https://t.co/Ph0to"
    item = {
        "id_str": "9",
        "type": "photo",
        "url": tco,
        "media_url": f"http://pbs.twimg.com/media/{key}.{ext}",
        "media_url_https": f"https://pbs.twimg.com/media/{key}.{ext}",
        "indices": ["6", "24"],
    }
    entities = {"hashtags": [], "user_mentions": [], "urls": [], "media": [item]}
    return {
        "entities": entities,
        "extended_entities": {"media": [item]},
        "full_text": f"Foto! {tco}",
    }


def _video(key, kind="video"):
    return {
        "type": kind,
        "url": "https://t.co/V1d",
        "indices": ["0", "0"],
        "media_url_https": f"https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/{key}.jpg",
        "video_info": {
            "variants": [
                {
                    "content_type": "application/x-mpegURL",
                    "url": f"https://video.twimg.com/ext_tw_video/1/pu/pl/{key}.m3u8?tag=12",
                },
                {
                    "bitrate": "2176000",
                    "content_type": "video/mp4",
                    "url": f"https://video.twimg.com/ext_tw_video/1/pu/vid/1280x720/{key}.mp4?tag=12",
                },
            ]
        },
    }


def test_photo_is_matched_and_copied_into_the_media_store(build, make_archive, tmp_path):
    t = build.tweet("700", **_photo("700", "GxAbC"))
    files = archive(build, [t], extra={"data/tweets_media/700-GxAbC.jpg": b"\xff\xd8jpeg"})
    store = MediaStore(tmp_path / "media")
    _, posts = posts_of(make_archive(files), store)
    (media,) = posts[0].media
    assert media.kind is MediaKind.PHOTO and media.name == "700-GxAbC.jpg"
    assert media.path is not None and media.path.read_bytes() == b"\xff\xd8jpeg"
    assert media.sha256 and not media.missing
    assert posts[0].text == "Foto!"


def test_without_media_store_media_is_recorded_without_path(build, make_archive):
    t = build.tweet("700", **_photo("700", "GxAbC"))
    files = archive(build, [t], extra={"data/tweets_media/700-GxAbC.jpg": b"\xff\xd8jpeg"})
    _, posts = posts_of(make_archive(files), None)
    (media,) = posts[0].media
    assert media.path is None and not media.missing
    assert media.url == "https://pbs.twimg.com/media/GxAbC.jpg"


def test_missing_media_file_is_marked_missing(build, make_archive, tmp_path):
    t = build.tweet("700", **_photo("700", "GxAbC"))
    _, posts = posts_of(make_archive(archive(build, [t])), MediaStore(tmp_path / "m"))
    (media,) = posts[0].media
    assert media.missing and media.path is None and media.name == "700-GxAbC.jpg"


def test_deleted_tweets_media_is_not_taken_for_tweets_media(build, make_archive, tmp_path):
    t = build.tweet("700", **_photo("700", "GxAbC"))
    files = archive(build, [t], extra={"data/deleted_tweets_media/700-GxAbC.jpg": b"old"})
    _, posts = posts_of(make_archive(files), MediaStore(tmp_path / "m"))
    assert posts[0].media[0].missing


def test_older_tweet_media_folder(build, make_archive):
    t = build.tweet("700", **_photo("700", "GxAbC", "png"))
    files = archive(build, [t], name="tweet.js", extra={"data/tweet_media/700-GxAbC.png": b"p"})
    _, posts = posts_of(make_archive(files))
    assert not posts[0].media[0].missing


@pytest.mark.parametrize(
    ("kind", "file_name"),
    [
        ("video", "800-Vk3y.mp4"),
        ("video", "800-SomethingElse.mp4"),
        ("animated_gif", "800-G1f.mp4"),
    ],
)
def test_video_and_gif_match_any_mp4_of_the_tweet(build, make_archive, kind, file_name):
    item = _video("Vk3y", kind)
    t = build.tweet("800", extended_entities={"media": [item]})
    files = archive(build, [t], extra={f"data/tweets_media/{file_name}": b"mp4"})
    _, posts = posts_of(make_archive(files))
    (media,) = posts[0].media
    assert not media.missing and media.name == file_name
    assert media.kind is (MediaKind.VIDEO if kind == "video" else MediaKind.GIF)


# -- replies and retweets ----------------------------------------------------------------------


def test_reply_to_a_parent_handle(build, make_archive):
    t = build.tweet(
        "1",
        full_text="@ouder_anna Dank je, tot morgen!",
        in_reply_to_status_id_str="55",
        in_reply_to_user_id_str="42",
        in_reply_to_screen_name="ouder_anna",
        entities={
            "user_mentions": [
                {
                    "screen_name": "ouder_anna",
                    "name": "Anna B.",
                    "indices": ["0", "11"],
                    "id_str": "42",
                }
            ]
        },
    )
    _, (post,) = posts_of(make_archive(archive(build, [t])))
    assert post.kind is PostKind.REPLY
    assert (post.reply_to, post.reply_to_id, post.reply_to_name) == ("ouder_anna", "42", "Anna B.")
    assert post.text == "@ouder_anna Dank je, tot morgen!"


def test_reply_without_screen_name_uses_leading_handle(build, make_archive):
    t = build.tweet("1", full_text="@papa_tim @juf_x Komt goed!", in_reply_to_status_id_str="55")
    _, (post,) = posts_of(make_archive(archive(build, [t])))
    assert post.kind is PostKind.REPLY and post.reply_to == "papa_tim"


def test_self_thread_reply_targets_own_handle(build, make_archive):
    t = build.tweet(
        "2",
        full_text="Vervolg van de draad.",
        in_reply_to_status_id_str="1",
        in_reply_to_user_id_str=build.account["accountId"],
        in_reply_to_screen_name="OBSdeVlinder",
    )
    _, (post,) = posts_of(make_archive(archive(build, [t])))
    assert post.kind is PostKind.REPLY and post.reply_to == "obsdevlinder"


def test_retweet_is_a_share(build, make_archive):
    t = build.tweet("3", full_text="RT @GGD_Regio: Prik halen kan nu ook op zaterdag…")
    _, (post,) = posts_of(make_archive(archive(build, [t])))
    assert post.kind is PostKind.SHARE and post.reply_to is None


def test_hashtags_and_mentions(build, make_archive):
    t = build.tweet(
        "4",
        full_text="#buitenles met @natuurmonumenten",
        entities={
            "hashtags": [{"text": "buitenles", "indices": ["0", "10"]}],
            "user_mentions": [{"screen_name": "natuurmonumenten", "indices": ["15", "32"]}],
        },
    )
    _, (post,) = posts_of(make_archive(archive(build, [t])))
    assert post.hashtags == ("buitenles",) and post.mentions == ("natuurmonumenten",)


# -- bad input -------------------------------------------------------------------------------


def test_missing_tweets_file_names_the_archive(build, make_archive):
    path = make_archive({"data/manifest.js": build.manifest_js()})
    with pytest.raises(SourceError, match=r"export.*no data/tweets\.js"):
        TwitterArchiveSource(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"tweet": 1}', "no 'window.YTD"),
        ("", "no 'window.YTD"),
        ("window.YTD.tweets.part0 = {}", "expected a JSON array"),
        ('window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1"', "invalid JSON in item 1"),
        ('window.YTD.tweets.part0 = [ {"tweet": {}} {"tweet": {}} ]', "invalid JSON after item 1"),
        ('window.YTD.tweets.part0 = [ {"tweet": {}}, ', "file ends"),
        ("window.YTD.tweets.part0 = [ {'tweet': 1} ]", "invalid JSON in item 1"),
    ],
    ids=[
        "no-assignment",
        "empty-file",
        "object-not-array",
        "truncated",
        "missing-comma",
        "ends",
        "js-not-json",
    ],
)
def test_malformed_tweets_file_names_the_member(make_archive, content, message):
    source = TwitterArchiveSource(make_archive({"data/tweets.js": content}))
    with pytest.raises(SourceError, match=message) as info:
        list(source.collect())
    assert "data/tweets.js" in str(info.value) and "\n" not in str(info.value)


def test_invalid_utf8_in_tweets_file_names_the_member(make_archive):
    content = b'window.YTD.tweets.part0 = [ {"tweet": {"full_text": "caf\xe9"}} ]'
    source = TwitterArchiveSource(make_archive({"data/tweets.js": content}))
    with pytest.raises(SourceError, match="data/tweets.js.*not UTF-8"):
        list(source.collect())


def test_invalid_manifest_names_it(make_archive, build):
    files = archive(build, [build.tweet()], manifest=False)
    files["data/manifest.js"] = "window.__THAR_CONFIG = { not json"
    with pytest.raises(SourceError, match="data/manifest.js"):
        TwitterArchiveSource(make_archive(files))


def test_unreadable_tweet_is_skipped_not_fatal(build, make_archive):
    bad = build.tweet("2", created_at="gisteren")
    source, posts = posts_of(make_archive(archive(build, [build.tweet("1"), bad, "oops"])))
    assert [p.external_id for p in posts] == ["1"]
    assert [s.where for s in source.skipped] == ["data/tweets.js#2", "data/tweets.js#3"]
