"""TikTok data export (user_data.json): the school's own videos, for article 4."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.errors import SourceError
from auditor.models import Platform, PostKind
from auditor.sources import open_archive_source
from auditor.sources.other_platforms import TikTokExportSource, tiktok_videos

VIDEO = {
    "Date": "2024-03-12 08:15:02",
    "Link": "https://www.tiktokv.com/share/video/7345678901234567890/",
    "Likes": "12",
    "Title": "Groep 8 oefent de musical #schoolleven",
}


def user_data(videos: list, newer: bool = True, user: str = "obsdevlinder") -> str:
    data: dict = {
        "Profile": {"Profile Information": {"ProfileMap": {"userName": user}}},
        "Activity": {"Video Browsing History": {"VideoList": [{"Date": "x", "Link": "y"}]}},
        "Direct Message": {"Direct Messages": {"ChatHistory": {"ouder": [{"Content": "privé"}]}}},
    }
    if newer:
        data["Post"] = {"Posts": {"VideoList": videos}}
    else:
        data["Video"] = {"Videos": {"VideoList": videos}}
    return json.dumps(data)


@pytest.mark.parametrize("newer", [True, False], ids=["Post.Posts", "Video.Videos"])
def test_own_videos_are_read_from_both_layouts(make_archive, newer):
    path = make_archive({"user_data.json": user_data([VIDEO], newer)})
    with TikTokExportSource(path) as source:
        [post] = source.collect()
        assert source.account().handle == "obsdevlinder"
    assert (post.platform, post.kind) == (Platform.TIKTOK, PostKind.POST)
    assert post.external_id == "tt-7345678901234567890"
    assert post.created_at == datetime(2024, 3, 12, 8, 15, 2, tzinfo=UTC)
    assert post.text == VIDEO["Title"] and post.hashtags == ("schoolleven",)
    assert post.url == VIDEO["Link"] and post.source_ref == "user_data.json#1"


def test_watch_history_and_messages_are_not_posts(make_archive):
    path = make_archive({"user_data_tiktok.json": user_data([])})
    with TikTokExportSource(path) as source:
        assert list(source.collect()) == []


def test_a_plain_user_data_file_is_detected_and_read(tmp_path: Path):
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(user_data([VIDEO, {**VIDEO, "Link": "", "Title": "Zonder link"}]))
    with open_archive_source(path) as source:
        assert source.kind == "tiktok-export"
        posts = list(source.collect())
    assert [p.text for p in posts] == [VIDEO["Title"], "Zonder link"]
    assert posts[1].external_id.startswith("tt-") and posts[1].url is None


def test_zip_with_user_data_is_detected(make_zip):
    with open_archive_source(make_zip({"TikTok/user_data.json": user_data([VIDEO])})) as source:
        assert source.kind == "tiktok-export"


def test_unreadable_date_is_skipped_with_its_entry(make_archive):
    path = make_archive({"user_data.json": user_data([{**VIDEO, "Date": "gisteren"}, VIDEO])})
    with TikTokExportSource(path) as source:
        assert len(list(source.collect())) == 1
        [skipped] = source.skipped
    assert skipped.where == "user_data.json#1" and "gisteren" in skipped.reason


@pytest.mark.parametrize(("content", "why"), [("{nope", "invalid JSON"), ("[1, 2]", "JSON object")])
def test_broken_user_data_is_an_error_naming_the_file(tmp_path: Path, content, why):
    path = tmp_path / "user_data.json"
    path.write_text(content)
    with pytest.raises(SourceError, match=why) as caught:
        TikTokExportSource(path)
    assert "user_data.json" in str(caught.value)


def test_video_list_is_empty_when_the_export_has_none():
    assert tiktok_videos({"Profile": {}}) == []
