"""Fixtures for the live-source tests: no real sleeps, an App on the test database."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from live_helpers import FB_TOKEN, X_TOKEN

from auditor.sources.accounts import AccountSettings


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every sleep of the live sources, recorded instead of slept."""
    from auditor.sources import http

    slept: list[float] = []
    monkeypatch.setattr(http, "default_sleep", slept.append)
    return slept


@pytest.fixture
def make_app(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch):
    """Build an `App` with a TOML config holding the given accounts and the test database."""
    from auditor.cli import App

    def build(*accounts: AccountSettings, tokens: bool = True) -> Any:
        lines = [
            f'[database]\nurl = "{database_url}"\n',
            f'[storage]\ndata_dir = "{tmp_path}/data"\n',
        ]
        for account in accounts:
            lines.append("[[accounts]]")
            for field in dataclasses.fields(account):
                value = getattr(account, field.name)
                if value != field.default:
                    lines.append(f"{field.name} = {json.dumps(value)}")
            lines.append("")
        path = tmp_path / "auditor.toml"
        path.write_text("\n".join(lines), encoding="utf-8")
        if tokens:
            monkeypatch.setenv("FB_PAGE_TOKEN", FB_TOKEN)
            monkeypatch.setenv("X_BEARER_TOKEN", X_TOKEN)
        app = App(argparse.Namespace(config=str(path)))
        return app

    built: list[Any] = []

    def tracked(*accounts: AccountSettings, tokens: bool = True) -> Any:
        app = build(*accounts, tokens=tokens)
        built.append(app)
        return app

    yield tracked
    for app in built:
        if "store" in app.__dict__:
            app.store.engine.dispose()
