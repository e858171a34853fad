"""The review site: login, CSRF, draft check, findings review (Flask's test client; the real
browser tests are in test_browser.py)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from auditor.web.security import Throttle, is_loopback
from tests.conftest import SHARED
from tests.web.conftest import PASSWORD, login, token


def test_pages_need_a_login(client: Any) -> None:
    for path in ("/", "/findings", "/findings/1"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/login")


def test_right_password_logs_in_with_strict_httponly_cookie(client: Any) -> None:
    response = login(client)
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").status_code == 200


def test_wrong_password_is_refused(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("auditor.web.security.FAILURE_DELAY_SECONDS", 0)
    response = login(client, password="fout")
    assert response.status_code == 401
    assert client.get("/").status_code == 302


def test_repeated_wrong_passwords_must_wait(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("auditor.web.security.FAILURE_DELAY_SECONDS", 0)
    for _ in range(3):
        assert login(client, password="fout").status_code == 401
    blocked = login(client, password=PASSWORD)  # even the right one waits its turn
    assert blocked.status_code == 429
    assert "seconden" in blocked.get_data(as_text=True)


def test_throttle_doubles_the_wait() -> None:
    throttle = Throttle()
    waits = []
    for _ in range(6):
        throttle.failed("1.2.3.4", now=100.0)
        waits.append(throttle.wait_seconds("1.2.3.4", now=100.0))
    assert waits == [0, 0, 2, 4, 8, 16]
    assert throttle.wait_seconds("5.6.7.8", now=100.0) == 0


def test_post_without_csrf_token_is_refused(client: Any) -> None:
    login(client)
    response = client.post("/", data={"text": "Sanne uit groep 5 won!"})
    assert response.status_code == 403
    response = client.post("/", data={"text": "x", "csrf_token": "wrong"})
    assert response.status_code == 403


def test_login_form_without_token_is_refused(client: Any) -> None:
    response = client.post("/login", data={"password": PASSWORD})
    assert response.status_code == 403


def test_draft_check_shows_masked_findings_and_suggestion(client: Any) -> None:
    login(client)
    page = client.get("/").get_data(as_text=True)
    response = client.post(
        "/",
        data={
            "csrf_token": token(page),
            "text": "Vragen? Bel juf Anouk op 06-41872963.",
            "platform": "facebook",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<mark" in html and "06-******63" in html
    assert "Bel de school op 0571-123456." in html  # the suggestion
    assert "Privé telefoonnummer" in html  # a human title, not the rule id
    # the marked draft never repeats the number in full (the text box keeps the user's own draft)
    marked = html.split('id="marked"')[1].split("</p>")[0]
    assert "41872963" not in marked and "Anouk" not in marked


def test_draft_with_a_photo_offers_a_blurred_download(client: Any, tmp_path: Any) -> None:
    login(client)
    page = client.get("/").get_data(as_text=True)
    photo = (SHARED / "images" / "fr_two_people.jpg").read_bytes()
    response = client.post(
        "/",
        data={
            "csrf_token": token(page),
            "text": "Wat een mooie dag!",
            "platform": "facebook",
            "photo": (io.BytesIO(photo), "klas.jpg"),
        },
        content_type="multipart/form-data",
    )
    html = response.get_data(as_text=True)
    assert "2 herkenbare gezichten" in html
    assert 'href="data:image/jpeg;base64,' in html
    assert 'download="vervaagd.jpg"' in html


def test_draft_is_not_stored(client: Any, store: Any) -> None:
    from sqlalchemy import func, select

    from auditor.store.models import FindingRow, PostRow

    login(client)
    page = client.get("/").get_data(as_text=True)
    client.post("/", data={"csrf_token": token(page), "text": "Bel juf Anouk op 06-41872963."})
    with store.session() as s:
        assert s.scalar(select(func.count(PostRow.id))) == 0
        assert s.scalar(select(func.count(FindingRow.id))) == 0


def test_findings_are_listed_per_article_with_masked_context(
    client: Any, seeded: dict[str, int]
) -> None:
    login(client)
    html = client.get("/findings").get_data(as_text=True)
    assert "Artikel 1a" in html and "Artikel 2b" in html
    assert "[…] juf S*** V*** op 06-******78." in html  # a sentence about a person: shape only
    assert "Sanne" not in html and "12345678" not in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("platform=twitter", "Persoonlijke mening", "Privé telefoonnummer"),
        ("article=1a", "Privé telefoonnummer", "Persoonlijke mening"),
        ("rule=personal-data.name", "Naam van een persoon", "Privé telefoonnummer"),
        ("since=2026-02-25", "Privé telefoonnummer", "Persoonlijke mening"),
        ("until=2026-02-20", "Persoonlijke mening", "Privé telefoonnummer"),
    ],
)
def test_findings_filters(
    client: Any, seeded: dict[str, int], query: str, present: str, absent: str
) -> None:
    login(client)
    body = client.get(f"/findings?{query}").get_data(as_text=True)
    listed = body.split('id="review-form"')[1]
    assert present in listed and absent not in listed


def test_dismiss_one_with_a_note_shows_in_its_history(
    client: Any, seeded: dict[str, int], store: Any
) -> None:
    login(client)
    fid = seeded["phone"]
    page = client.get(f"/findings/{fid}").get_data(as_text=True)
    client.post(
        f"/findings/{fid}/review",
        data={"csrf_token": token(page), "action": "dismiss", "note": "nummer van de school"},
    )
    html = client.get(f"/findings/{fid}").get_data(as_text=True)
    assert "afgewezen" in html and "nummer van de school" in html and "Juf Test" in html
    from auditor.store.models import FindingRow
    from auditor.store.reviews import history

    with store.session() as s:
        assert s.get(FindingRow, fid).status == "dismissed"
        trail = history(s, fid)
    assert [(a["action"], a["by"], a["note"]) for a in trail] == [
        ("dismiss", "Juf Test", "nummer van de school")
    ]


def test_resolve_selected_findings_together(
    client: Any, seeded: dict[str, int], store: Any
) -> None:
    login(client)
    page = client.get("/findings").get_data(as_text=True)
    ids = [str(seeded["phone"]), str(seeded["name"])]
    response = client.post(
        "/findings/review",
        data={"csrf_token": token(page), "ids": ids, "action": "resolve", "note": "aangepast"},
    )
    assert response.status_code == 302
    from auditor.store.models import FindingRow

    with store.session() as s:
        assert {s.get(FindingRow, int(i)).status for i in ids} == {"resolved"}
        assert s.get(FindingRow, seeded["opinion"]).status == "open"


def test_english_with_mail_language(site_config: Any, store: Any) -> None:
    import dataclasses

    from auditor.web import create_app

    config = dataclasses.replace(
        site_config, mail=dataclasses.replace(site_config.mail, language="en")
    )
    client = create_app(config, store, PASSWORD).test_client()
    assert "Password" in client.get("/login").get_data(as_text=True)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("10.0.0.5", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_refuses_a_public_address_without_password(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.cli import main

    monkeypatch.delenv("AUDITOR_WEB_PASSWORD", raising=False)
    code = main(["serve", "--host", "0.0.0.0"])
    assert code == 2
    assert "AUDITOR_WEB_PASSWORD" in capsys.readouterr().err


def test_security_headers(client: Any) -> None:
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"


def test_a_purged_post_says_its_text_is_no_longer_kept(
    client: Any, seeded: dict[str, int], store: Any
) -> None:
    from auditor.store.models import FindingRow, utcnow

    with store.session() as s:
        post = s.get(FindingRow, seeded["phone"]).post
        post.text, post.text_purged_at = "", utcnow()
    login(client)
    html = client.get(f"/findings/{seeded['phone']}").get_data(as_text=True)
    assert "niet meer bewaard" in html
