"""The source registries: every member complete, incomplete ones refused, config by platform."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from auditor import config as config_module
from auditor.errors import ConfigError
from auditor.models import Platform, Post
from auditor.rules import base as rules_base
from auditor.sources import (
    ARCHIVE_SOURCES,
    LIVE_SOURCES,
    RegistryError,
    check_registries,
    live_source_for,
)
from auditor.sources.accounts import AccountSettings
from auditor.sources.archive import ArchiveReader
from auditor.sources.base import AccountInfo, ArchiveSource


def test_every_platform_has_its_protocol_section() -> None:
    assert set(rules_base.SECTION_BY_PLATFORM) == set(Platform)


@pytest.mark.parametrize("cls", ARCHIVE_SOURCES, ids=lambda c: c.kind)
def test_every_archive_source_is_complete(cls: type[ArchiveSource]) -> None:
    assert cls.kind and cls.format_hint
    assert cls.platform in rules_base.SECTION_BY_PLATFORM
    assert not getattr(cls, "__abstractmethods__", None)
    assert callable(cls.detect) and callable(cls.detect_file)


@pytest.mark.parametrize("cls", LIVE_SOURCES, ids=lambda c: c.kind)
def test_every_live_source_is_complete(cls) -> None:  # type: ignore[no-untyped-def]
    assert cls.kind and cls.token_name
    assert issubclass(cls.settings, AccountSettings) and cls.settings is not AccountSettings
    assert dataclasses.is_dataclass(cls.settings)
    assert live_source_for(cls.platform.value, "x") is cls
    assert not getattr(cls, "__abstractmethods__", None)


def test_kinds_are_unique() -> None:
    kinds = [cls.kind for cls in (*ARCHIVE_SOURCES, *LIVE_SOURCES)]
    assert len(kinds) == len(set(kinds))


class _NoHint(ArchiveSource):
    kind: ClassVar[str] = "no-hint"
    platform: ClassVar[Platform] = Platform.TWITTER

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        return False

    def account(self) -> AccountInfo:
        return AccountInfo(Platform.TWITTER, "x")

    def collect(self) -> Iterator[Post]:
        yield from ()


class _NoDetect(ArchiveSource):
    kind: ClassVar[str] = "no-detect"
    platform: ClassVar[Platform] = Platform.TWITTER
    format_hint: ClassVar[str] = "a thing"

    def account(self) -> AccountInfo:
        return AccountInfo(Platform.TWITTER, "x")

    def collect(self) -> Iterator[Post]:
        yield from ()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (_NoHint, "no format_hint"),
        (_NoDetect, "does not implement"),
        (ARCHIVE_SOURCES[0], "registered twice"),
    ],
)
def test_an_incomplete_archive_source_is_refused(extra: type[ArchiveSource], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        check_registries((*ARCHIVE_SOURCES, extra), LIVE_SOURCES)


def test_a_platform_without_a_protocol_section_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sections = dict(rules_base.SECTION_BY_PLATFORM)
    del sections[Platform.LINKEDIN]
    monkeypatch.setattr("auditor.sources.SECTION_BY_PLATFORM", sections)
    with pytest.raises(RegistryError, match="'linkedin' has no protocol section"):
        check_registries(ARCHIVE_SOURCES, LIVE_SOURCES)


def test_a_live_source_without_settings_is_refused() -> None:
    class Broken(LIVE_SOURCES[0]):  # type: ignore[valid-type,misc]
        kind: ClassVar[str] = "broken-api"
        settings = dict

    with pytest.raises(RegistryError, match="settings is not an AccountSettings"):
        check_registries(ARCHIVE_SOURCES, (*LIVE_SOURCES, Broken))


# -- [[accounts]]: each platform's own settings class, keys as documented -------------------------

README_ACCOUNTS = {
    "facebook": {
        "name": "facebook",
        "platform": "facebook",
        "page_id": "104857600123456",
        "token_env": "AUDITOR_FACEBOOK_TOKEN",
        "api_base_url": "https://graph.facebook.com/v25.0",
    },
    "twitter": {
        "name": "twitter",
        "platform": "twitter",
        "user_id": "1187654321098765432",
        "token_env": "AUDITOR_TWITTER_TOKEN",
        "api_base_url": "https://api.x.com/2",
    },
}


@pytest.mark.parametrize("platform", sorted(README_ACCOUNTS))
def test_the_documented_account_keys_build_the_platforms_settings_class(platform: str) -> None:
    config = config_module.parse({"accounts": [README_ACCOUNTS[platform]]}, "auditor.toml")
    [account] = config.accounts
    assert type(account) is live_source_for(platform, "x").settings
    assert dataclasses.asdict(account).items() >= README_ACCOUNTS[platform].items()


def test_every_live_platform_is_in_the_documented_example() -> None:
    assert {cls.platform.value for cls in LIVE_SOURCES} <= set(README_ACCOUNTS)


def test_a_key_of_another_platform_is_refused_naming_it() -> None:
    table = dict(README_ACCOUNTS["twitter"], page_id="1")
    with pytest.raises(ConfigError, match=r"auditor.toml: \[\[accounts\]\] #1.page_id: unknown"):
        config_module.parse({"accounts": [table]}, "auditor.toml")


def test_an_unknown_platform_names_the_registered_ones() -> None:
    table = dict(README_ACCOUNTS["twitter"], platform="myspace")
    with pytest.raises(ConfigError, match=r"#1 \(twitter\)\.platform: use facebook or twitter"):
        config_module.parse({"accounts": [table]}, "auditor.toml")


def test_readme_shows_the_contract_keys() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for table in README_ACCOUNTS.values():
        for key, value in table.items():
            assert f'{key} = "{value}"' in readme
