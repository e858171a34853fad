"""docs/extending.md, tried: each recipe plugs a small example in through its registry only.

Every example here is what the docs tell a contributor to write: one class or function, plus
the one registry line (done with monkeypatch, so the example is gone after the test).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Self, TextIO

import pytest
import requests

import auditor.sources as sources
from auditor.cli import main
from auditor.errors import ConfigError, TokenError
from auditor.models import Category, Hit, Platform, Post, Severity, Span
from auditor.report import findings_formats, render
from auditor.report.digest import Alert, Digest
from auditor.rules.base import REGISTRY, RuleContext, rule
from auditor.sources.accounts import AccountSettings
from auditor.sources.api import ApiSource, LiveRead
from auditor.sources.archive import ArchiveReader
from auditor.sources.base import AccountInfo, ArchiveSource
from auditor.sources.http import Throttle

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def write_config(path: Path, database_url: str, extra: str = "") -> Path:
    path.write_text(
        f'[database]\nurl = "{database_url}"\n[storage]\ndata_dir = "{path.parent}/data"\n'
        f'reports_dir = "{path.parent}/reports"\n{extra}',
        encoding="utf-8",
    )
    return path


# -- an export format ---------------------------------------------------------------------------


class BusinessSuiteExport(ArchiveSource):
    """Posts of a Facebook Page from a Meta Business Suite export (`posts.csv`)."""

    kind: ClassVar[str] = "facebook-business-suite"
    platform: ClassVar[Platform] = Platform.FACEBOOK
    format_hint: ClassVar[str] = "a Meta Business Suite export (posts.csv)"

    def __init__(self, archive: ArchiveReader | Path | None = None, media_store: Any = None):
        super().__init__()
        assert archive is not None
        self.reader = archive if isinstance(archive, ArchiveReader) else ArchiveReader(archive)
        [self.member] = self.reader.find(r"posts\.csv")

    @classmethod
    def detect(cls, reader: ArchiveReader) -> bool:
        return bool(reader.find(r"posts\.csv"))

    def account(self) -> AccountInfo:
        return AccountInfo(Platform.FACEBOOK, "obsdelinde", "OBS De Linde")

    def collect(self) -> Iterator[Post]:
        rows = csv.DictReader(io.StringIO(self.reader.read_text(self.member)))
        for number, row in enumerate(rows, 1):
            yield Post(
                platform=Platform.FACEBOOK,
                external_id=f"bss-{number}",
                created_at=datetime.fromisoformat(row["Publish time"]).astimezone(UTC),
                text=row["Description"],
                account="obsdelinde",
                source_ref=f"posts.csv#{number}",
            )

    def close(self) -> None:
        self.reader.close()


def test_recipe_export_format(tmp_path: Path, database_url: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sources, "ARCHIVE_SOURCES", (*sources.ARCHIVE_SOURCES, BusinessSuiteExport))
    sources.check_registries(sources.ARCHIVE_SOURCES, sources.LIVE_SOURCES)
    export = tmp_path / "business-suite"
    export.mkdir()
    (export / "posts.csv").write_text(
        "Publish time,Description\n"
        "2026-03-02T08:00:00+01:00,Bel meester Tom op 06-12345678 voor de schoolreis.\n",
        encoding="utf-8",
    )
    config = write_config(tmp_path / "auditor.toml", database_url)

    code = main(["audit", "--config", str(config), "--archive", str(export), "--no-images"])

    out = capsys.readouterr().out
    assert code == 1, out
    assert "(facebook, OBS De Linde)" in out and "personal-data.phone" in out and " 1a " in out


def test_recipe_export_format_is_named_when_nothing_matches(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sources, "ARCHIVE_SOURCES", (*sources.ARCHIVE_SOURCES, BusinessSuiteExport))
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("hallo", encoding="utf-8")
    with pytest.raises(Exception, match=r"or a Meta Business Suite export \(posts.csv\)"):
        sources.open_archive_source(tmp_path / "empty")


# -- a live platform ----------------------------------------------------------------------------

API = "https://api.linkedin.test/rest"


@dataclass(frozen=True)
class LinkedInAccount(AccountSettings):
    """`[[accounts]]` with `platform = "linkedin"`: an organisation page."""

    organization_id: str = ""

    def check(self, where: str) -> None:
        if not self.organization_id:
            raise ConfigError(f"{where}.organization_id: required for a linkedin account")
        super().check(where)


class LinkedInApiSource(ApiSource):
    """An organisation's posts via `GET /rest/posts?author=urn:li:organization:<id>`."""

    kind: ClassVar[str] = "linkedin-api"
    platform: ClassVar[Platform] = Platform.LINKEDIN
    settings: ClassVar[type[AccountSettings]] = LinkedInAccount
    token_name: ClassVar[str] = "LinkedIn access token"
    config: LinkedInAccount

    @classmethod
    def account_id(cls, config: AccountSettings) -> str:
        assert isinstance(config, LinkedInAccount)
        return config.organization_id

    @classmethod
    def for_run(cls, config: AccountSettings, token: str, read: LiveRead) -> Self:
        return cls(config, token, media_store=read.media_store, known_media=read.known_media)

    def account(self) -> AccountInfo:
        return self.info_for(self.config)

    def _check(self, response: requests.Response) -> Throttle | None:
        if response.status_code == 401:
            raise TokenError(
                self.config.name, f"LinkedIn rejected the token in ${self.config.token_env}"
            )
        return None

    def collect(self) -> Iterator[Post]:
        author = f"urn:li:organization:{self.config.organization_id}"
        body = self.client.get_json(f"{API}/posts", {"author": author})
        for item in body["elements"]:
            created = datetime.fromtimestamp(item["createdAt"] / 1000, UTC)
            if self.newest_time is None or created > self.newest_time:
                self.newest_id, self.newest_time = item["id"], created
            yield Post(
                platform=Platform.LINKEDIN,
                external_id=item["id"],
                created_at=created,
                text=item["commentary"],
                account=self.config.organization_id,
            )
        self.complete = True


def test_recipe_live_platform(tmp_path: Path, database_url: str, monkeypatch, no_http) -> None:  # type: ignore[no-untyped-def]
    from auditor.cli import App
    from auditor.live import audit_accounts

    monkeypatch.setattr(sources, "LIVE_SOURCES", (*sources.LIVE_SOURCES, LinkedInApiSource))
    monkeypatch.setitem(sources.LIVE_BY_PLATFORM, "linkedin", LinkedInApiSource)
    sources.check_registries(sources.ARCHIVE_SOURCES, sources.LIVE_SOURCES)
    monkeypatch.setenv("LINKEDIN_TOKEN", "li-secret-token")
    config = write_config(
        tmp_path / "auditor.toml",
        database_url,
        '[[accounts]]\nname = "linkedin"\nplatform = "linkedin"\n'
        'organization_id = "5515715"\ntoken_env = "LINKEDIN_TOKEN"\n',
    )
    no_http.add(
        "GET",
        f"{API}/posts",
        json={
            "elements": [
                {"id": "urn:li:share:1", "commentary": "Open dag!", "createdAt": 1772000000000}
            ]
        },
    )
    app = App(argparse.Namespace(config=str(config)))
    try:
        [account] = app.config.accounts
        assert isinstance(account, LinkedInAccount) and account.organization_id == "5515715"

        result = audit_accounts(app, images=False)

        assert result.error() is None and result.summary.posts_new == 1
        assert result.summary.per_article == {"4": 1}  # the school does not post on LinkedIn
        assert no_http.calls[0].request.headers["Authorization"] == "Bearer li-secret-token"
    finally:
        app.store.engine.dispose()


# -- a rule -------------------------------------------------------------------------------------


def test_recipe_rule(request: pytest.FixtureRequest) -> None:
    from auditor.engine import Engine

    request.addfinalizer(lambda: REGISTRY.pop("commercial.raffle", None))

    @rule("commercial.raffle", category=Category.COMMERCIAL, clause="f", severity=Severity.LOW)
    def raffle(post: Post, ctx: RuleContext) -> Iterator[Hit]:
        """Selling raffle tickets for a business.

        Why: article 1f/2f, never commercial. Flagged: "loten te koop". Fine: a school raffle.
        """
        start = post.text.find("loten te koop")
        if start >= 0:
            yield Hit(Span(start, start + 13), "loten te koop", "verkoop van loten")

    from auditor.rules import all_rules

    assert "commercial.raffle" in {r.id for r in all_rules()}
    engine = Engine([REGISTRY["commercial.raffle"]], RuleContext(), b"k" * 32)
    post = Post(Platform.TWITTER, "1", datetime(2026, 3, 2, tzinfo=UTC), "Nu loten te koop!")
    [finding] = engine.audit(post).findings
    assert (finding.rule, finding.article, finding.severity) == ("commercial.raffle", "2f", "low")


# -- a report format ----------------------------------------------------------------------------


class MarkdownFormat:
    name = "markdown"
    suffix = ".md"

    def render(self, digest: Digest) -> str:
        return f"# {digest.period.label}\n\n{digest.new_total} new, {digest.open_total} open\n"

    def render_alert(self, alert: Alert) -> str:
        return f"# {alert.total} new high-severity findings\n"


def test_recipe_report_format(tmp_path: Path, database_url: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(render.FORMATS, "markdown", MarkdownFormat())
    render.check_formats(render.FORMATS)
    config = write_config(tmp_path / "auditor.toml", database_url)

    assert main(["digest", "--config", str(config), "--format", "markdown"]) == 0

    [saved] = (tmp_path / "reports" / "out").iterdir()
    assert saved.suffix == ".md" and saved.read_text(encoding="utf-8").startswith("# ")


# -- a findings format --------------------------------------------------------------------------


def write_ndjson(rows: list[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_history_ndjson(finding_id: int, actions: list[dict[str, Any]], out: TextIO) -> None:
    write_ndjson(actions, out)


def test_recipe_findings_format(tmp_path: Path, database_url: str, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    ndjson = findings_formats.FindingsFormat(
        "ndjson", "one JSON object per line", write_ndjson, write_history_ndjson
    )
    monkeypatch.setitem(findings_formats.FINDINGS_FORMATS, "ndjson", ndjson)
    findings_formats.check_findings_formats(findings_formats.FINDINGS_FORMATS)
    config = write_config(tmp_path / "auditor.toml", database_url)
    archive = EXAMPLES / "twitter-archive-sample.zip"
    main(["audit", "--config", str(config), "--archive", str(archive), "--no-images"])
    capsys.readouterr()

    assert main(["findings", "--config", str(config), "--format", "ndjson"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["rule"] for line in lines)


def test_the_docs_name_every_registry() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "extending.md").read_text("utf-8")
    for name in (
        "ARCHIVE_SOURCES",
        "LIVE_SOURCES",
        "CONCERNS",
        "FORMATS",
        "FINDINGS_FORMATS",
        "COMMANDS",
        "tests/extending/test_recipes.py",
    ):
        assert f"`{name}`" in text or name in text
