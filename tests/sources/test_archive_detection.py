"""open_archive_source: picks the format from the member names, or says why it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import SourceError
from auditor.models import PostKind
from auditor.sources import SOURCES, open_archive_source
from auditor.sources.facebook_export import FacebookExportSource
from auditor.sources.twitter_archive import TwitterArchiveSource

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_registry_lists_both_archive_kinds():
    assert SOURCES["twitter-archive"] is TwitterArchiveSource
    assert SOURCES["facebook-export"] is FacebookExportSource


def test_detects_twitter_archive(build, make_archive):
    files = {
        "data/tweets.js": build.js("YTD.tweets.part0", [{"tweet": build.tweet()}]),
        "data/manifest.js": build.manifest_js(),
        "Your archive.html": "<html></html>",
    }
    source = open_archive_source(make_archive(files), None)
    assert source.kind == "twitter-archive" and len(list(source.collect())) == 1


def test_detects_facebook_export(build, make_archive):
    files = {"your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": "[]"}
    assert open_archive_source(make_archive(files), None).kind == "facebook-export"


def test_twitter_archive_without_tweets_file_is_an_error(build, make_archive):
    path = make_archive({"data/manifest.js": build.manifest_js()})
    with pytest.raises(SourceError, match="no data/tweets.js"):
        open_archive_source(path, None)


def test_pre_2019_archive_gets_a_clear_message(make_archive):
    path = make_archive({"data/js/tweets/2015_01.js": "Grailbird.data.tweets_2015_01 = []"})
    with pytest.raises(SourceError, match="pre-2019"):
        open_archive_source(path, None)


def test_facebook_html_export_is_an_error(make_archive):
    path = make_archive({"your_facebook_activity/posts/your_posts_1.html": "<html></html>"})
    with pytest.raises(SourceError, match="HTML export"):
        open_archive_source(path, None)


def test_neither_format_names_the_file(make_archive):
    path = make_archive({"notes.txt": "hallo"}, name="holiday-photos")
    with pytest.raises(SourceError, match="holiday-photos.*not a Twitter/X archive") as info:
        open_archive_source(path, None)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", b"%PDF-1.4"])
def test_bad_files_name_the_file(tmp_path, content):
    path = tmp_path / "export.zip"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="export.zip"):
        open_archive_source(path, None)


# -- the committed examples ---------------------------------------------------------------------


@pytest.fixture
def examples() -> Path:
    if not (EXAMPLES / "twitter-archive-sample.zip").exists():
        pytest.skip("examples not built")
    return EXAMPLES


def test_twitter_example_imports(examples):
    source = open_archive_source(examples / "twitter-archive-sample.zip", None)
    posts = list(source.collect())
    assert source.kind == "twitter-archive" and len(posts) == source.estimated_total() == 18
    assert {p.kind for p in posts} == {PostKind.POST, PostKind.REPLY, PostKind.SHARE}
    photo = next(p for p in posts if p.media and p.media[0].kind == "photo")
    assert not photo.media[0].missing
    assert not source.skipped and not source.warnings


def test_facebook_example_imports(examples):
    source = open_archive_source(examples / "facebook-export-sample.zip", None)
    posts = list(source.collect())
    assert source.kind == "facebook-export" and source.account().name == "OBS De Vlinder"
    assert len([p for p in posts if p.kind is PostKind.POST]) == 10
    assert any("café" in p.text for p in posts) and any("’" in p.text for p in posts)
    assert not source.skipped and not source.warnings
