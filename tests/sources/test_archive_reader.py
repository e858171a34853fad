"""ArchiveReader: a safe view over a zip or a folder; bad input is a one-line SourceError."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from auditor.errors import SourceError
from auditor.sources.archive import ArchiveLimits, ArchiveReader, normalise_member_name

FILES = {
    "data/tweets.js": "window.YTD.tweets.part0 = [ ]",
    "data/tweets_media/1-a.jpg": b"\xff\xd8photo",
    "data/deleted_tweets_media/1-b.jpg": b"\xff\xd8old",
    "data/mytweets_media/1-c.jpg": b"x",
}


def test_zip_and_folder_list_the_same_members(make_zip, make_folder):
    with ArchiveReader(make_zip(FILES)) as z, ArchiveReader(make_folder(FILES)) as f:
        assert sorted(z.names()) == sorted(f.names()) == sorted(FILES)


def test_find_matches_whole_segments_only(make_archive):
    with ArchiveReader(make_archive(FILES)) as reader:
        assert reader.find("tweets_media", r"\d+-.+") == ["data/tweets_media/1-a.jpg"]
        assert reader.find(r"tweets\.js") == ["data/tweets.js"]
        assert reader.under("tweets_media") == ["data/tweets_media/1-a.jpg"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("data/tweets.js", "data/tweets.js"),
        ("data\\tweets.js", "data/tweets.js"),
        ("./data//tweets.js", "data/tweets.js"),
    ],
)
def test_member_names_are_normalised(raw, expected):
    assert normalise_member_name(raw) == expected


@pytest.mark.parametrize("raw", ["../evil.sh", "data/../../evil.sh", "/etc/passwd", "C:/x.js"])
def test_unsafe_member_names_are_refused(raw):
    with pytest.raises(ValueError):
        normalise_member_name(raw)


def test_read_text_strips_bom(make_archive):
    with ArchiveReader(make_archive({"a.txt": "\ufeffhallo".encode()})) as reader:
        assert reader.read_text("a.txt") == "hallo"


def test_a_members_stamp_changes_with_its_content_and_only_then(make_archive):
    photo = "data/tweets_media/1-a.jpg"
    with ArchiveReader(make_archive(FILES, name="one")) as first:
        before = first.stamp(photo)
    with ArchiveReader(make_archive(FILES, name="two")) as same:
        assert same.stamp(photo) == before or not same.is_zip  # a new file: a new time
    with ArchiveReader(make_archive({**FILES, photo: b"\xff\xd8other"}, name="three")) as other:
        assert other.stamp(photo) != before


def test_open_streams_bytes(make_archive):
    with (
        ArchiveReader(make_archive(FILES)) as reader,
        reader.open("data/tweets_media/1-a.jpg") as s,
    ):
        assert s.read() == b"\xff\xd8photo"


def test_display_name_is_zip_stem_or_folder_name(make_zip, make_folder):
    assert ArchiveReader(make_zip(FILES, "facebook-school-2025.zip")).display_name == (
        "facebook-school-2025"
    )
    assert ArchiveReader(make_folder(FILES, "export-folder")).display_name == "export-folder"


# -- bad inputs: one SourceError naming the file ------------------------------------------------


def _error(path: Path, **kw) -> SourceError:
    with pytest.raises(SourceError) as info:
        ArchiveReader(path, **kw)
    assert "\n" not in str(info.value)
    return info.value


def test_missing_path_names_the_file(tmp_path):
    err = _error(tmp_path / "nope.zip")
    assert "nope.zip" in str(err) and "no such file" in str(err)


def test_zero_byte_file_names_the_file(tmp_path):
    path = tmp_path / "empty.zip"
    path.write_bytes(b"")
    assert "empty.zip" in str(_error(path)) and "0 bytes" in str(_error(path))


def test_non_zip_with_zip_name_names_the_file(tmp_path):
    path = tmp_path / "export.zip"
    path.write_text("this is not a zip at all", encoding="utf-8")
    assert "export.zip" in str(_error(path)) and "not a zip" in str(_error(path))


def test_truncated_zip_names_the_file(make_zip):
    path = make_zip({"data/tweets.js": "window.YTD.tweets.part0 = [ ]" * 200})
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "export.zip" in str(_error(path)) and "truncated" in str(_error(path))


@pytest.mark.parametrize("evil", ["../../etc/cron.d/evil", "/etc/passwd", "data/../../x.js"])
def test_zip_slip_member_is_refused_naming_it(tmp_path, evil):
    path = tmp_path / "slip.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = [ ]")
        zf.writestr(zipfile.ZipInfo(evil), "boom")
    err = _error(path)
    assert "slip.zip" in str(err) and evil.lstrip("/") in str(err)


def test_zip_bomb_by_compression_ratio_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data/tweets.js", b"\0" * (4 * 1024 * 1024))
    err = _error(path)
    assert "bomb.zip: data/tweets.js" in str(err) and "ratio" in str(err)


def test_total_uncompressed_size_is_capped(make_zip):
    path = make_zip({f"f{i}.bin": os.urandom(2000) for i in range(5)})
    err = _error(path, limits=ArchiveLimits(max_total_bytes=5000))
    assert "export.zip" in str(err) and "uncompressed" in str(err)


def test_member_size_is_capped(make_zip):
    path = make_zip({"big.bin": os.urandom(5000)})
    assert "big.bin" in str(_error(path, limits=ArchiveLimits(max_member_bytes=4000)))


def test_whole_file_reads_are_capped(make_archive):
    reader = ArchiveReader(make_archive({"a.json": "[]" * 100}), ArchiveLimits(max_json_bytes=50))
    with pytest.raises(SourceError, match="a.json"):
        reader.read_text("a.json")


def test_invalid_utf8_names_the_member(make_archive):
    reader = ArchiveReader(make_archive({"data/account.js": b"window.x = \xff\xfe["}))
    with pytest.raises(SourceError, match="data/account.js.*not UTF-8"):
        reader.read_text("data/account.js")


def test_damaged_member_data_names_the_member(tmp_path):
    path = tmp_path / "damaged.zip"
    payload = b"window.YTD.tweets.part0 = [ ]" + bytes(range(256)) * 20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("data/tweets.js", payload)
    raw = bytearray(path.read_bytes())
    at = raw.index(payload) + 100
    raw[at] ^= 0xFF  # flip a byte inside the stored data: the CRC check fails on reading
    path.write_bytes(bytes(raw))
    reader = ArchiveReader(path)
    with pytest.raises(SourceError, match="damaged.zip: data/tweets.js"):
        reader.read_bytes("data/tweets.js")


def test_unknown_member_names_it(make_archive):
    with pytest.raises(SourceError, match="nothing.json"):
        ArchiveReader(make_archive(FILES)).open("nothing.json")


def test_symlink_out_of_folder_is_refused(tmp_path, make_folder):
    folder = make_folder(FILES)
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    (folder / "data" / "link.txt").symlink_to(secret)
    assert "link.txt" in str(_error(folder))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_unreadable_zip_names_the_file(make_zip):
    path = make_zip(FILES)
    path.chmod(0)
    try:
        assert "export.zip" in str(_error(path))
    finally:
        path.chmod(0o644)
