"""Test helpers for the digest, mail and worker tests: invented findings and a real SMTP server.

Shared by tests/report, tests/notify and tests/schedule (their conftest.py put this folder on
sys.path). All names, numbers and addresses are invented.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from auditor import config as config_module
from auditor.store.models import Account, AuditRun, FindingRow, PostRow

# The raw values below exist only in the post texts, as a real post would have them; a finding
# holds the masked excerpt only. Tests assert that no raw value reaches a digest or a mail.
RAW_PHONE = "06-12345678"
RAW_NAME = "Sanne Verbeek"
POST_TEXT = f"Vraag over de schoolreis? Bel juf {RAW_NAME} op {RAW_PHONE}."
MASKED_EXCERPT = "...Bel juf S*** V*** op 06-****-**78."

_ids = itertools.count(1)


def add_account(
    session: Any, platform: str = "facebook", handle: str = "obsderegenboog"
) -> Account:
    account = Account(platform=platform, handle=handle, name="OBS De Regenboog")
    session.add(account)
    session.flush()
    return account


def add_post(
    session: Any,
    account: Account,
    *,
    created_at: datetime,
    text: str = POST_TEXT,
    url: str | None = "https://www.facebook.com/obsderegenboog/posts/1001",
) -> PostRow:
    external_id = f"post-{next(_ids)}"
    post = PostRow(
        account_id=account.id,
        platform=account.platform,
        external_id=external_id,
        identity=external_id,
        created_at=created_at,
        text=text,
        url=url,
        content_hash="0" * 64,
    )
    session.add(post)
    session.flush()
    return post


def add_finding(
    session: Any,
    post: PostRow,
    *,
    detected_at: datetime,
    article: str = "1a",
    rule: str = "personal-data.phone",
    severity: str = "high",
    excerpt: str = MASKED_EXCERPT,
    reason: str = "Telefoonnummer van een persoon",
    status: str = "open",
    reviewed_at: datetime | None = None,
    run_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> FindingRow:
    finding = FindingRow(
        post_id=post.id,
        run_id=run_id,
        rule=rule,
        category="personal_data",
        article=article,
        severity=severity,
        excerpt=excerpt,
        reason=reason,
        details=details or {},
        fingerprint=f"fp-{next(_ids):08d}",
        status=status,
        reviewed_at=reviewed_at,
        detected_at=detected_at,
    )
    session.add(finding)
    session.flush()
    return finding


def add_run(
    session: Any,
    *,
    started_at: datetime,
    source: str = "facebook",
    trigger: str = "worker",
    status: str = "done",
    posts_seen: int = 12,
    findings_new: int = 1,
) -> AuditRun:
    run = AuditRun(
        started_at=started_at,
        finished_at=started_at + timedelta(minutes=2),
        status=status,
        trigger=trigger,
        source=source,
        posts_seen=posts_seen,
        findings_new=findings_new,
    )
    session.add(run)
    session.flush()
    return run


def seed_week(store: Any, now: datetime) -> dict[str, int]:
    """A realistic week: new findings under two articles, an old open one, a dismissed one."""
    with store.session() as s:
        account = add_account(s)
        run = add_run(s, started_at=now - timedelta(days=1))
        add_run(
            s,
            started_at=now - timedelta(days=2),
            source="/home/beheer/twitter-2026.zip",
            trigger="cli",
            posts_seen=40,
            findings_new=0,
        )
        new_post = add_post(s, account, created_at=now - timedelta(days=2))
        phone = add_finding(s, new_post, detected_at=now - timedelta(days=1), run_id=run.id)
        shop = add_finding(
            s,
            add_post(
                s,
                account,
                created_at=now - timedelta(days=3),
                text="Actie bij Bakkerij Zoet",
                url=None,
            ),
            detected_at=now - timedelta(days=1),
            article="1f",
            rule="commercial.promotion",
            severity="medium",
            excerpt="Actie bij Bakkerij Zoet",
            reason="Reclame voor een bedrijf",
            run_id=run.id,
        )
        photo = add_finding(
            s,
            add_post(s, account, created_at=now - timedelta(days=4), text="Sportdag!"),
            detected_at=now - timedelta(days=2),
            article="1c",
            rule="image.recognisable-faces",
            severity="high",
            excerpt="[photo 1: sportdag.jpg] Sportdag!",
            reason="Herkenbare leerlingen op de foto",
            details={"faces": 3},
            run_id=run.id,
        )
        old_post = add_post(s, account, created_at=now - timedelta(days=30))
        old = add_finding(s, old_post, detected_at=now - timedelta(days=20), severity="medium")
        dismissed = add_finding(
            s,
            add_post(s, account, created_at=now - timedelta(days=40)),
            detected_at=now - timedelta(days=35),
            status="dismissed",
            reviewed_at=now - timedelta(days=3),
            severity="low",
        )
        return {
            "phone": phone.id,
            "shop": shop.id,
            "photo": photo.id,
            "old": old.id,
            "dismissed": dismissed.id,
            "run": run.id,
        }


@dataclass
class FakeApp:
    """What the commands and jobs use of `auditor.cli.App`: a config and a store."""

    config: Any
    store: Any
    args: Any = None


def make_config(**sections: dict[str, Any]) -> Any:
    return config_module.parse(sections, "test.toml")


def mail_section(port: int, **overrides: Any) -> dict[str, Any]:
    mail = {
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "sender": "auditor@regenboog.example",
        "to": ["beheerder@regenboog.example"],
        "timeout_seconds": 5,
    }
    mail.update(overrides)
    return mail


# -- a real SMTP server on 127.0.0.1 ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Sink:
    """aiosmtpd handler keeping every message; `reply` lets a test make the server refuse."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[Any] = field(default_factory=list)
    reply: str = "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if not self.reply.startswith("250"):
            return self.reply
        self.envelopes.append(envelope)
        self.messages.append(
            email.message_from_bytes(
                envelope.original_content or envelope.content, policy=email.policy.default
            )  # type: ignore[arg-type]
        )
        return self.reply


class SmtpServer:
    """A started aiosmtpd Controller that tests can stop (outage) and start again."""

    def __init__(self) -> None:
        self.sink = Sink()
        self.port = free_port()
        self.controller: Any = None
        self.up = False

    @property
    def messages(self) -> list[EmailMessage]:
        return self.sink.messages

    def start(self) -> None:
        if not self.up:
            from aiosmtpd.controller import Controller

            # a stopped Controller cannot start again: a new one on the same port and sink
            self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)
            self.controller.start()
            self.up = True

    def stop(self) -> None:
        if self.up:
            self.controller.stop()
            self.up = False


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    for name in ("AUDITOR_SMTP_USER", "AUDITOR_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def now() -> datetime:
    """Monday 30 November 2026, 07:00 in Amsterdam: the digest of ISO week 48 is due."""
    return datetime(2026, 11, 30, 6, 0, tzinfo=UTC)


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    return tmp_path / "reports"


def write_config(path: Path, **sections: dict[str, Any]) -> Path:
    """Write a small TOML config (strings, numbers, booleans and lists of strings)."""
    import json

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list | tuple):
            return "[" + ", ".join(value(x) for x in v) + "]"
        if isinstance(v, str):
            return json.dumps(v)
        return str(v)

    lines = []
    for name, table in sections.items():
        lines.append(f"[{name}]")
        lines.extend(f"{key} = {value(v)}" for key, v in table.items())
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def configure_mail(tmp_path: Path, store, port: int, **mail) -> Path:  # type: ignore[no-untyped-def]
    """A config with the test database and `[mail]` pointing at the test SMTP server."""
    return write_config(
        tmp_path / "auditor.toml",
        database={"url": store.url},
        school={"name": "OBS De Regenboog"},
        storage={"reports_dir": str(tmp_path / "reports")},
        mail=mail_section(port, **mail),
    )
