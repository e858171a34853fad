"""Mail: a real SMTP server on 127.0.0.1 receives the digest exactly once, outage or not."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from mailseed import (
    RAW_NAME,
    RAW_PHONE,
    configure_mail,
    mail_section,
    make_config,
    seed_week,
    write_config,
)

from auditor.cli import main
from auditor.config import MailConfig
from auditor.errors import NotifyError
from auditor.notify import outbox, smtp
from auditor.store.models import OutboxRow

configure = configure_mail


def queue_one(store, key="digest:week:2026-W48", message_id="<fixed.1@regenboog.example>"):  # type: ignore[no-untyped-def]
    return outbox.queue(
        store,
        key=key,
        kind="digest",
        subject="Weekoverzicht social media 2026-W48",
        recipients=["beheerder@regenboog.example"],
        text="Alles in orde.",
        html="<p>Alles in orde.</p>",
        message_id=message_id,
    )


def test_digest_send_delivers_one_multipart_mail_with_headers(store, smtp_server, tmp_path, capsys):
    seed_week(store, smtp_now())
    configure(tmp_path, store, smtp_server.port)
    assert main(["digest", "--period", "week", "--send"]) == 0
    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["From"] == "auditor@regenboog.example"
    assert message["To"] == "beheerder@regenboog.example"
    assert message["Subject"].startswith("OBS De Regenboog: Weekoverzicht social media 20")
    assert message["Date"] and message["Message-ID"].endswith("@regenboog.example>")
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part.get_content() for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "sent to beheerder@regenboog.example" in capsys.readouterr().out


def test_mailed_digest_holds_masked_data_and_post_links_only(store, smtp_server, tmp_path):
    seed_week(store, smtp_now())
    configure(tmp_path, store, smtp_server.port)
    main(["digest", "--send"])
    raw = smtp_server.sink.envelopes[0].content.decode("utf-8", "replace")
    message = smtp_server.messages[0]
    bodies = [part.get_content() for part in message.iter_parts()]
    for body in [raw, *bodies]:
        assert RAW_PHONE not in body and RAW_NAME not in body
    text, html = bodies
    assert "06-****-**78" in text and "06-****-**78" in html
    assert "https://www.facebook.com/obsderegenboog/posts/1001" in text
    assert 'href="https://www.facebook.com/obsderegenboog/posts/1001"' in html


def test_a_second_send_in_the_same_week_sends_nothing_and_says_so(
    store, smtp_server, tmp_path, capsys
):
    configure(tmp_path, store, smtp_server.port)
    assert main(["digest", "--period", "week", "--send"]) == 0
    capsys.readouterr()
    assert main(["digest", "--period", "week", "--send"]) == 0
    out = capsys.readouterr().out
    assert ": already sent on " in out and "not sent again" in out
    assert len(smtp_server.messages) == 1


def test_outage_keeps_the_mail_queued_until_a_flush_sends_it_exactly_once(
    store, smtp_server, tmp_path, capsys
):
    configure(tmp_path, store, smtp_server.port)
    smtp_server.stop()
    assert main(["digest", "--send"]) == 0
    assert "queued, not sent yet" in capsys.readouterr().out
    assert main(["outbox", "--flush"]) == 0  # still down
    out = capsys.readouterr().out
    assert "0 sent, 1 still queued" in out and "digest:week:" in out and "last error:" in out
    [entry] = outbox.entries(store)
    assert (entry.status, entry.attempts) == ("queued", 2)

    smtp_server.start()
    assert main(["outbox", "--flush"]) == 0
    assert "1 sent" in capsys.readouterr().out
    assert main(["outbox", "--flush"]) == 0
    assert "0 sent" in capsys.readouterr().out
    assert len(smtp_server.messages) == 1
    assert outbox.entries(store)[0].status == "sent"


def test_retries_reuse_the_message_id(store, smtp_server):
    mail = MailConfig(**mail_section(smtp_server.port, to=("beheerder@regenboog.example",)))
    queue_one(store)
    smtp_server.stop()
    outbox.flush(store, mail)
    smtp_server.start()
    outbox.flush(store, mail)
    assert smtp_server.messages[0]["Message-ID"] == "<fixed.1@regenboog.example>"


def test_queueing_the_same_key_twice_queues_once(store):
    assert queue_one(store) is True
    assert queue_one(store, message_id="<other@regenboog.example>") is False
    assert len(outbox.entries(store)) == 1


def test_only_one_of_two_concurrent_claims_wins(store):
    queue_one(store)
    [entry] = outbox.entries(store)
    results: list[bool] = []
    barrier = threading.Barrier(2)

    def contend() -> None:
        barrier.wait()
        results.append(outbox.claim(store, entry.id, smtp_now()))

    threads = [threading.Thread(target=contend) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]


@pytest.mark.parametrize(
    ("age", "claimed"), [(timedelta(minutes=5), False), (timedelta(hours=2), True)]
)
def test_a_row_stuck_in_sending_is_retried_only_after_the_timeout(store, age, claimed):
    queue_one(store)
    [entry] = outbox.entries(store)
    now = smtp_now()
    assert outbox.claim(store, entry.id, now - age)  # a sender that then crashed
    assert outbox.claim(store, entry.id, now) is claimed


def test_a_crashed_sender_s_mail_is_sent_by_the_next_flush_after_the_timeout(store, smtp_server):
    mail = MailConfig(**mail_section(smtp_server.port, to=("beheerder@regenboog.example",)))
    queue_one(store)
    [entry] = outbox.entries(store)
    now = smtp_now()
    outbox.claim(store, entry.id, now - timedelta(hours=1))
    assert outbox.flush(store, mail, now=now).sent == ["digest:week:2026-W48"]
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(
    ("reply", "status", "attempts_left"),
    [
        ("550 5.1.1 mailbox unknown", "failed", False),
        ("451 4.3.0 try again later", "queued", True),
    ],
)
def test_permanent_errors_fail_and_transient_ones_stay_queued(
    store, smtp_server, reply, status, attempts_left
):
    mail = MailConfig(**mail_section(smtp_server.port, to=("beheerder@regenboog.example",)))
    smtp_server.sink.reply = reply
    queue_one(store)
    result = outbox.flush(store, mail)
    [entry] = outbox.entries(store)
    assert entry.status == status
    assert reply.split()[0] in (entry.last_error or "")
    assert bool(result.retry) is attempts_left


def test_a_refused_connection_is_a_transient_error(smtp_server):
    smtp_server.stop()
    mail = MailConfig(**mail_section(smtp_server.port, to=("beheerder@regenboog.example",)))
    message = smtp.build_message(
        subject="x",
        sender=mail.sender,
        to=mail.to,
        text="x",
        html="<p>x</p>",
        message_id="<a@b>",
        date=smtp_now(),
    )
    with pytest.raises(NotifyError) as info:
        smtp.send(message, mail)
    assert info.value.permanent is False
    assert f"127.0.0.1:{smtp_server.port}" in str(info.value)


@pytest.mark.parametrize("missing", ["host", "sender", "to"])
def test_send_without_mail_settings_is_a_one_line_error_naming_the_key(
    store, tmp_path, capsys, missing
):
    mail = mail_section(2525)
    del mail[missing]
    write_config(tmp_path / "auditor.toml", database={"url": store.url}, mail=mail)
    assert main(["digest", "--send"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"[mail].{missing}" in err


def test_login_uses_the_named_environment_variables_only_when_set():
    calls = []

    class FakeSMTP:
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            pass

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            return False

        def login(self, user, password):  # type: ignore[no-untyped-def]
            calls.append((user, password))

        def send_message(self, message):  # type: ignore[no-untyped-def]
            return {}

    import smtplib

    original = smtplib.SMTP
    smtplib.SMTP = FakeSMTP  # type: ignore[misc,assignment]
    try:
        mail = make_config(mail=mail_section(2525)).mail
        message = smtp.build_message(
            subject="x",
            sender=mail.sender,
            to=mail.to,
            text="x",
            html="x",
            message_id="<a@b>",
            date=smtp_now(),
        )
        smtp.send(message, mail, env={})
        login = {"AUDITOR_SMTP_USER": "auditor", "AUDITOR_SMTP_PASSWORD": "pw"}
        smtp.send(message, mail, env=login)
    finally:
        smtplib.SMTP = original  # type: ignore[misc]
    assert calls == [("auditor", "pw")]


def smtp_now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_outbox_lists_nothing_when_empty(store, tmp_path, capsys):
    write_config(tmp_path / "auditor.toml", database={"url": store.url})
    assert main(["outbox"]) == 0
    assert "nothing queued" in capsys.readouterr().out
    with store.session() as session:
        assert session.query(OutboxRow).count() == 0
