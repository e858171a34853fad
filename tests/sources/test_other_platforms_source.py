"""Instagram and LinkedIn exports: where the posts are, encodings, ids, media and bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.errors import SourceError
from auditor.media_store import MediaStore
from auditor.models import MediaKind, Platform, PostKind
from auditor.sources.archive import ArchiveReader
from auditor.sources.other_platforms import (
    InstagramExportSource,
    LinkedInExportSource,
    instagram_post_fields,
    linkedin_share_id,
    parse_linkedin_date,
)

TS = 1710231302  # 2024-03-12 08:15:02 UTC
IG_2025 = "your_instagram_activity/media/posts_1.json"
IG_2024 = "your_instagram_activity/content/posts_1.json"
IG_OLD = "content/posts_1.json"


def ig_post(caption="Groep 5 op de kinderboerderij 🐐", uri="media/posts/202403/1791_n.jpg"):
    return {
        "media": [{"uri": uri, "creation_timestamp": TS, "title": caption}],
        "title": caption,
        "creation_timestamp": TS,
    }


# -- Instagram ----------------------------------------------------------------------------------


@pytest.mark.parametrize("posts_file", [IG_2025, IG_2024, IG_OLD])
def test_instagram_posts_are_found_in_every_known_layout(build, make_archive, posts_file):
    path = make_archive({posts_file: build.fb_json([ig_post()])})
    source = InstagramExportSource(path)
    [post] = source.collect()
    assert post.platform == Platform.INSTAGRAM and post.kind == PostKind.POST
    assert post.created_at == datetime(2024, 3, 12, 8, 15, 2, tzinfo=UTC)
    assert post.source_ref == f"{posts_file}#1"


def test_instagram_mojibake_is_repaired(build, make_archive):
    path = make_archive({IG_2025: build.fb_json([ig_post("Wat een feëriek café 🐐")])})
    [post] = InstagramExportSource(path).collect()
    assert post.text == "Wat een feëriek café 🐐"


def test_instagram_caption_and_time_may_sit_on_the_first_media_item():
    entry = {"media": [{"uri": "media/posts/1.jpg", "creation_timestamp": TS, "title": "Hoi"}]}
    assert instagram_post_fields(entry) == (TS, "Hoi", ["media/posts/1.jpg"])


def test_instagram_stories_and_reels_are_posts_too(build, make_archive):
    files = {
        IG_2025: build.fb_json([ig_post()]),
        "your_instagram_activity/media/stories.json": build.fb_json(
            {"ig_stories": [{"uri": "media/stories/1.mp4", "creation_timestamp": TS, "title": ""}]}
        ),
        "your_instagram_activity/media/reels.json": build.fb_json(
            {"ig_reels_media": [ig_post("Reel", "media/reels/2.mp4")]}
        ),
    }
    posts = list(InstagramExportSource(make_archive(files)).collect())
    assert len(posts) == 3
    assert {m.kind for p in posts for m in p.media} == {MediaKind.PHOTO, MediaKind.VIDEO}


def test_instagram_media_are_copied_into_the_store(build, make_archive, tmp_path):
    files = {
        IG_2025: build.fb_json([ig_post(), ig_post("Tweede", "media/posts/202403/gone.jpg")]),
        "media/posts/202403/1791_n.jpg": b"\xff\xd8insta",
    }
    source = InstagramExportSource(make_archive(files), MediaStore(tmp_path / "store"))
    first, second = source.collect()
    assert first.media[0].path is not None and first.media[0].path.read_bytes() == b"\xff\xd8insta"
    assert second.media[0].missing


def test_instagram_ids_are_stable_and_unique(build, make_archive):
    path = make_archive({IG_2025: build.fb_json([ig_post(), ig_post()])})
    ids = [p.external_id for p in InstagramExportSource(path).collect()]
    again = [p.external_id for p in InstagramExportSource(path).collect()]
    assert ids == again and len(set(ids)) == 2 and ids[0].startswith("ig-")


def test_instagram_account_from_personal_information(build, make_archive):
    profile = {
        "profile_user": [
            {
                "string_map_data": {
                    "Username": {"value": "obsdevlinder"},
                    "Name": {"value": "OBS De Vlinder"},
                }
            }
        ]
    }
    files = {
        IG_2025: build.fb_json([ig_post()]),
        "personal_information/personal_information/personal_information.json": build.fb_json(
            profile
        ),
    }
    source = InstagramExportSource(make_archive(files))
    assert source.account().handle == "obsdevlinder"
    assert next(iter(source.collect())).account == "obsdevlinder"


def test_instagram_entry_without_time_is_skipped(build, make_archive):
    path = make_archive({IG_2025: build.fb_json([{"media": [{"uri": "x.jpg"}]}, ig_post()])})
    source = InstagramExportSource(path)
    assert len(list(source.collect())) == 1
    assert source.skipped[0].where == f"{IG_2025}#1"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"your_instagram_activity/media/posts_1.html": "<html>"}, "an HTML export"),
        ({"your_instagram_activity/messages/inbox.json": "{}"}, "no posts_1.json"),
    ],
)
def test_instagram_export_without_json_posts_is_an_error(make_archive, files, message):
    with pytest.raises(SourceError, match=message):
        InstagramExportSource(make_archive(files))


def test_instagram_invalid_json_names_the_file(make_archive):
    source = InstagramExportSource(make_archive({IG_2025: "[{"}))
    with pytest.raises(SourceError, match=r"posts_1\.json: invalid JSON"):
        list(source.collect())


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({IG_2025: "[]"}, True),
        ({IG_OLD: "[]"}, True),
        ({"your_instagram_activity/likes/liked_posts.json": "{}"}, True),
        ({"your_facebook_activity/posts/your_posts_1.json": "[]"}, False),
        ({"Shares.csv": "Date"}, False),
    ],
)
def test_instagram_detection(make_archive, files, expected):
    with ArchiveReader(make_archive(files)) as reader:
        assert InstagramExportSource.detect(reader) is expected


# -- LinkedIn ------------------------------------------------------------------------------------

SHARES = (
    "\ufeffDate,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
    "2025-11-19 09:59:30,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7123456789012,"
    '"Trots op onze ""Kanjers""!\r\nGroep 8 won de voorleeswedstrijd.",,,MEMBER_NETWORK\r\n'
    "2025-11-20 10:00:00,,Vacature: leerkracht groep 3,https://example.org/vacature,,PUBLIC\r\n"
)


def test_linkedin_shares_become_posts(make_archive):
    path = make_archive({"Basic_LinkedInDataExport_11-20-2025/Shares.csv": SHARES})
    first, second = LinkedInExportSource(path).collect()
    assert first.platform == Platform.LINKEDIN
    assert first.text == 'Trots op onze "Kanjers"!\nGroep 8 won de voorleeswedstrijd.'
    assert first.created_at == datetime(2025, 11, 19, 9, 59, 30, tzinfo=UTC)
    assert first.external_id == "li-7123456789012"
    assert first.url and first.url.startswith("https://www.linkedin.com/")
    assert second.text == "Vacature: leerkracht groep 3" and second.url is None
    assert second.external_id.startswith("li-") and second.source_ref.endswith("#L4")


def test_linkedin_split_shares_files_are_all_read(make_archive):
    files = {"Shares_1.csv": SHARES, "Shares_2.csv": SHARES.replace("2025-11-20", "2025-12-01")}
    assert len(list(LinkedInExportSource(make_archive(files)).collect())) == 4


def test_linkedin_unreadable_date_is_skipped(make_archive):
    text = "Date,ShareLink,ShareCommentary\nmorgen,,Hallo\n2025-11-19 09:59:30,,Dag\n"
    source = LinkedInExportSource(make_archive({"Shares.csv": text}))
    assert [p.text for p in source.collect()] == ["Dag"]
    assert "morgen" in source.skipped[0].reason


def test_linkedin_file_without_the_columns_is_an_error(make_archive):
    source = LinkedInExportSource(make_archive({"Shares.csv": "Naam,Tekst\nA,B\n"}))
    with pytest.raises(SourceError, match="Shares.csv: not a LinkedIn Shares file"):
        list(source.collect())


def test_linkedin_export_without_shares_is_an_error(make_archive):
    with pytest.raises(SourceError, match="no Shares.csv"):
        LinkedInExportSource(make_archive({"Comments.csv": "Date,Link,Message\n"}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-19 09:59:30", datetime(2025, 11, 19, 9, 59, 30, tzinfo=UTC)),
        ("2025-11-19 09:59:30 UTC", datetime(2025, 11, 19, 9, 59, 30, tzinfo=UTC)),
        ("2025-11-19T10:59:30+01:00", datetime(2025, 11, 19, 9, 59, 30, tzinfo=UTC)),
    ],
)
def test_linkedin_dates(value, expected):
    assert parse_linkedin_date(value) == expected


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A712", "li-712"),
        ("https://www.linkedin.com/feed/update/urn:li:activity:713/", "li-713"),
        ("https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A714", "li-714"),
    ],
)
def test_linkedin_share_id_from_the_link(link, expected):
    assert linkedin_share_id(link, "2025-11-19 09:59:30", "x") == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"Shares.csv": "x"}, True),
        ({"export/Shares_20251120.csv": "x"}, True),
        ({"Comments.csv": "x"}, False),
        ({"SharesOld.txt": "x"}, False),
    ],
)
def test_linkedin_detection(make_archive, files, expected):
    with ArchiveReader(make_archive(files)) as reader:
        assert LinkedInExportSource.detect(reader) is expected
