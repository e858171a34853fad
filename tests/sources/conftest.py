"""Builders for test archives: every archive is made in a tmp dir from invented data."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import require_shared

Files = dict[str, "str | bytes"]

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ACCOUNT = {
    "accountId": "1400000000000000001",
    "userName": "obsdevlinder",
    "displayName": "OBS De Vlinder",
}


def js(global_name: str, value: Any) -> str:
    """An X archive data file: `window.<global> = <json>` as X writes it (no trailing newline)."""
    return f"window.{global_name} = " + json.dumps(
        value, indent=2, separators=(",", " : "), ensure_ascii=False
    )


def manifest_js(counts: dict[str, int] | None = None, account: dict[str, str] = ACCOUNT) -> str:
    files = [
        {"fileName": f"data/{name}", "globalName": "YTD.tweets.part0", "count": str(n)}
        for name, n in (counts or {}).items()
    ]
    return js(
        "__THAR_CONFIG",
        {
            "userInfo": account,
            "dataTypes": {"tweets": {"mediaDirectory": "data/tweets_media", "files": files}},
        },
    )


def tweet(
    tweet_id: str = "1790000000000000001",
    full_text: str = "Hallo",
    created_at: str = "Tue Mar 12 08:15:02 +0000 2024",
    **extra: Any,
) -> dict[str, Any]:
    """A minimal tweet object with string numbers, as in real archives."""
    value: dict[str, Any] = {
        "id_str": tweet_id,
        "id": tweet_id,
        "created_at": created_at,
        "full_text": full_text,
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "favorite_count": "0",
        "retweet_count": "0",
        "retweeted": False,
        "lang": "nl",
    }
    value.update(extra)
    return value


def fb_json(value: Any) -> str:
    """JSON as Facebook writes it: each UTF-8 byte of non-ASCII text as one \\u00XX escape."""

    def mangle(v: Any) -> Any:
        if isinstance(v, str):
            return v.encode("utf-8").decode("latin-1")
        if isinstance(v, list):
            return [mangle(x) for x in v]
        if isinstance(v, dict):
            return {k: mangle(x) for k, x in v.items()}
        return v

    return json.dumps(mangle(value), indent=2, ensure_ascii=True)


def _write_zip(path: Path, files: Files) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _write_folder(path: Path, files: Files) -> Path:
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    return path


@pytest.fixture
def make_zip(tmp_path: Path) -> Callable[..., Path]:
    """make_zip(files, name="export.zip") -> path of a zip holding `files`."""

    def build(files: Files, name: str = "export.zip") -> Path:
        return _write_zip(tmp_path / name, files)

    return build


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[..., Path]:
    """make_folder(files, name="export") -> path of an unpacked export holding `files`."""

    def build(files: Files, name: str = "export") -> Path:
        return _write_folder(tmp_path / name, files)

    return build


@pytest.fixture(params=["zip", "folder"])
def make_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., Path]:
    """Both shapes an export arrives in: a .zip and an unpacked folder."""

    def build(files: Files, name: str = "export") -> Path:
        if request.param == "zip":
            return _write_zip(tmp_path / f"{name}.zip", files)
        return _write_folder(tmp_path / name, files)

    return build


@pytest.fixture
def shared_dir() -> Path:
    return require_shared(SHARED)


@pytest.fixture
def build() -> SimpleNamespace:
    """The format helpers above: build.js, build.manifest_js, build.tweet, build.fb_json."""
    return SimpleNamespace(
        js=js, manifest_js=manifest_js, tweet=tweet, fb_json=fb_json, account=ACCOUNT
    )
