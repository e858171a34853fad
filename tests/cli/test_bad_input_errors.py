"""Every bad input a school's IT person can meet: one line on stderr, exit 2, nothing lost.

Each test first audits the Facebook sample, then feeds the bad input, then checks that the
stored findings are exactly what they were.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from auditor.cli import main

REPO = Path(__file__).resolve().parents[2]
TWITTER = REPO / "examples" / "twitter-archive-sample.zip"
FACEBOOK = REPO / "examples" / "facebook-export-sample.zip"
DEEP = 100_000

Cli = Callable[..., tuple[int, str, str]]


def _findings(cli: Cli) -> list[dict]:  # type: ignore[type-arg]
    code, out, _ = cli("findings", "--format", "json")
    assert code == 0
    return json.loads(out)


def _one_line_exit_2(code: int, err: str, *needles: str) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("auditor: error: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err


def _replace_member(source: Path, out: Path, name: str, data: str | bytes) -> Path:
    """A copy of `source` with one member's content replaced (stored, not compressed)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = data if info.filename == name else zin.read(info)
            zout.writestr(info.filename, body, compress_type=zipfile.ZIP_STORED)
    return out


def _twitter_with_tweets(tmp: Path, body: str, name: str = "deep.zip") -> Path:
    return _replace_member(TWITTER, tmp / name, "data/tweets.js", body)


FB_POSTS = "this_profile's_activity_across_facebook/posts/profile_posts_1.json"


@pytest.fixture
def audited(cli: Cli) -> list[dict]:  # type: ignore[type-arg]
    code, _, err = cli("audit", "--archive", str(FACEBOOK), "--no-images")
    assert code in (0, 1), err
    return _findings(cli)


def _deep_tweet(tmp: Path) -> Path:
    return _twitter_with_tweets(tmp, "window.YTD.tweets.part0 = [" + "[" * DEEP + "]" * DEEP + "]")


def _deep_facebook(tmp: Path) -> Path:
    return _replace_member(FACEBOOK, tmp / "deep-fb.zip", FB_POSTS, "[" * DEEP + "]" * DEEP)


@pytest.mark.parametrize("make", [_deep_tweet, _deep_facebook])
def test_json_nested_100000_deep_is_one_line(cli, audited, tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    bad = make(tmp_path)
    code, _, err = cli("audit", "--archive", str(bad), "--no-images")
    _one_line_exit_2(code, err, bad.name, "nested too deeply")
    assert _findings(cli) == audited


def test_an_oversized_item_names_the_limit(cli, audited, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from auditor.sources import twitter_archive

    monkeypatch.setattr(twitter_archive, "MAX_ITEM_CHARS", 1024 * 1024)
    huge = json.dumps({"tweet": {"full_text": "x" * (3 * 1024 * 1024)}})
    bad = _twitter_with_tweets(tmp_path, f"window.YTD.tweets.part0 = [{huge}]", "huge.zip")
    code, _, err = cli("audit", "--archive", str(bad), "--no-images")
    _one_line_exit_2(code, err, "huge.zip", "item 1 is larger than the 1 MiB allowed")
    assert "Unterminated" not in err
    assert _findings(cli) == audited


def test_an_archive_whose_items_are_all_unreadable_exits_2(cli, audited, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = _twitter_with_tweets(tmp_path, 'window.YTD.tweets.part0 = [1, "twee", null]', "x.zip")
    code, out, err = cli("audit", "--archive", str(bad), "--no-images")
    _one_line_exit_2(code, err, "x.zip", "none of its 3 item(s) could be read")
    assert "follows the protocol" not in out
    assert _findings(cli) == audited


def test_a_zip_with_two_tweets_js_members_is_refused(cli, audited, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "twice.zip"
    with zipfile.ZipFile(TWITTER) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            zout.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    code, _, err = cli("audit", "--archive", str(bad), "--no-images")
    _one_line_exit_2(code, err, "twice.zip: data/tweets.js", "two files with this name")
    assert _findings(cli) == audited


CHAT = (
    "[12-03-2024 08:15:02] Juf Anouk: Morgen gym, denk aan de gymschoenen!\n"
    "[12-03-2024 08:16:40] Meester Bas: Top, dank je.\n"
)


@pytest.mark.parametrize("bom", [True, False], ids=["with-bom", "without-bom"])
def test_a_utf16_chat_says_not_utf8(cli, audited, tmp_path: Path, bom: bool) -> None:  # type: ignore[no-untyped-def]
    chat = tmp_path / "WhatsApp Chat met Werkgroep.txt"
    chat.write_bytes(CHAT.encode("utf-16" if bom else "utf-16-le"))
    code, _, err = cli("audit", "--archive", str(chat), "--no-images")
    _one_line_exit_2(code, err, "WhatsApp Chat met Werkgroep.txt", "not UTF-8")
    assert "not a zip" not in err
    assert _findings(cli) == audited


def test_a_database_of_a_newer_schema_is_one_line(cli, audited, database_url: str) -> None:  # type: ignore[no-untyped-def]
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()
    for command in (("findings",), ("audit", "--archive", str(TWITTER), "--no-images")):
        code, _, err = cli(*command)
        _one_line_exit_2(code, err, "0099_from_the_future", "newer than this auditor")
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": _head()})
    engine.dispose()
    assert _findings(cli) == audited


def _head() -> str:
    from auditor.store import open_store

    return open_store("sqlite://", migrate=False).head_revision() or ""


def test_a_full_disk_is_one_line_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite's own "database or disk is full", from a page limit at the size it has now."""
    from auditor.store import db

    url = f"sqlite:///{tmp_path / 'auditor.db'}"
    monkeypatch.setenv("AUDITOR_DATABASE_URL", url)
    assert main(["audit", "--archive", str(FACEBOOK), "--no-images"]) == 1
    capsys.readouterr()
    assert main(["findings", "--format", "json"]) == 0
    before = json.loads(capsys.readouterr().out)
    pragmas = db._sqlite_pragmas

    def full_disk(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        pragmas(dbapi_connection, record)
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    monkeypatch.setattr(db, "_sqlite_pragmas", full_disk)
    code = main(["audit", "--archive", str(TWITTER), "--no-images"])
    err = capsys.readouterr().err
    _one_line_exit_2(code, err, "auditor.db", "full")
    monkeypatch.setattr(db, "_sqlite_pragmas", pragmas)
    assert main(["findings", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == before


def _read_only(database_url: str, tmp_path: Path) -> str:
    if database_url.startswith("sqlite"):
        return f"sqlite:///file:{tmp_path / 'auditor.db'}?mode=ro&uri=true"
    return database_url + "?options=-c%20default_transaction_read_only%3Don"


def test_review_on_a_read_only_database_fails_before_saying_dismissed(
    cli, audited, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AUDITOR_DATABASE_URL", _read_only(database_url, tmp_path))
    first = audited[0]["id"]
    code, out, err = cli("review", str(first), "--dismiss", "--note", "publiek figuur")
    _one_line_exit_2(code, err, "read")
    assert "dismissed" not in out and out == ""
    code, _, err = cli("audit", "--archive", str(TWITTER), "--no-images")
    _one_line_exit_2(code, err, "read")
    monkeypatch.setenv("AUDITOR_DATABASE_URL", database_url)
    assert _findings(cli) == audited


def test_no_unexpected_error_ends_in_a_traceback(cli, audited, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A bug is one line naming its type and place, exit 2 (never exit 1, "findings")."""
    from auditor.commands import findings

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise KeyError("Sanne de Vries")

    monkeypatch.setattr(findings, "run", broken)
    code, _, err = cli("findings")
    _one_line_exit_2(code, err, "internal error (KeyError at test_bad_input_errors.py:")
    assert "Sanne" not in err
