"""A review site on a real database (SQLite, and PostgreSQL when reachable) with invented
findings; the helpers of tests/report/mailseed.py seed them."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))

from mailseed import add_account, add_finding, add_post  # noqa: E402

from auditor import config as config_module  # noqa: E402

PASSWORD = "geheim-wachtwoord-42"
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
CONFIG = """
[school]
name = "OBS De Regenboog"
[allow]
phones = ["0571-123456"]
"""


@pytest.fixture
def site_config(tmp_path: Path, database_url: str) -> Any:
    path = tmp_path / "auditor.toml"
    path.write_text(CONFIG + f'[database]\nurl = "{database_url}"\n')
    return config_module.load(str(path))


@pytest.fixture
def seeded(store: Any) -> dict[str, int]:
    with store.session() as s:
        account = add_account(s)
        post = add_post(s, account, created_at=NOW - timedelta(days=2))
        phone = add_finding(s, post, detected_at=NOW - timedelta(days=1))
        name = add_finding(
            s,
            post,
            detected_at=NOW - timedelta(days=1),
            rule="personal-data.name",
            reason="naam na 'juf'",
        )
        tweet_account = add_account(s, platform="twitter", handle="regenboog")
        tweet = add_post(
            s, tweet_account, created_at=NOW - timedelta(days=20), text="Ik vind dit persoonlijk!"
        )
        opinion = add_finding(
            s,
            tweet,
            detected_at=NOW - timedelta(days=19),
            article="2b",
            rule="personal-title.opinion",
            severity="medium",
            excerpt="Ik vind dit persoonlijk!",
            reason="persoonlijke mening",
        )
        s.flush()
        # spans point into the post text: "Sanne Verbeek" and the phone number
        text = post.text
        name.span_start, name.span_end = text.index("Sanne"), text.index("Sanne") + 13
        phone.span_start = text.index("06-")
        phone.span_end = phone.span_start + 11
        return {"phone": phone.id, "name": name.id, "opinion": opinion.id}


@pytest.fixture
def app(site_config: Any, store: Any) -> Any:
    from auditor.web import create_app

    site = create_app(site_config, store, PASSWORD)
    site.testing = True
    return site


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client: Any, password: str = PASSWORD, name: str = "Juf Test") -> Any:
    page = client.get("/login").get_data(as_text=True)
    return client.post(
        "/login", data={"csrf_token": token(page), "password": password, "name": name}
    )
