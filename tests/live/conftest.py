"""Fixtures for the live-source tests: no real sleeps, an App on the test database."""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from live_helpers import FB_TOKEN, X_TOKEN

from auditor.config import AccountConfig


@pytest.fixture(autouse=True)
def only_present_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule concerns and CLI commands other helpers are still writing are left out, so these
    tests run before the whole tree has landed (and unchanged after)."""
    from auditor import cli, rules

    monkeypatch.setattr(
        rules, "CONCERNS", tuple(m for m in rules.CONCERNS if importlib.util.find_spec(m))
    )
    monkeypatch.setattr(
        cli,
        "COMMANDS",
        tuple(c for c in cli.COMMANDS if importlib.util.find_spec(f"auditor.commands.{c}")),
    )


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

    def build(*accounts: AccountConfig, tokens: bool = True) -> Any:
        lines = [
            f'[database]\nurl = "{database_url}"\n',
            f'[storage]\ndata_dir = "{tmp_path}/data"\n',
        ]
        for account in accounts:
            lines.append("[[accounts]]")
            for field in dataclasses.fields(AccountConfig):
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

    def tracked(*accounts: AccountConfig, tokens: bool = True) -> Any:
        app = build(*accounts, tokens=tokens)
        built.append(app)
        return app

    yield tracked
    for app in built:
        if "store" in app.__dict__:
            app.store.engine.dispose()


