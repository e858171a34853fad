"""`auditor mail test`, `digest --send` saying what happened before, and a server without
STARTTLS: a settings error naming `[mail].security`, not a retry forever."""

from __future__ import annotations

from mailseed import configure_mail

from auditor.cli import main
from auditor.notify import outbox

configure = configure_mail


def test_mail_test_sends_one_message_and_leaves_the_outbox_alone(
    store, smtp_server, tmp_path, capsys
):  # type: ignore[no-untyped-def]
    configure(tmp_path, store, smtp_server.port, language="en")
    assert main(["mail", "test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("test mail sent to beheerder@regenboog.example via 127.0.0.1:")
    [message] = smtp_server.messages
    assert message["Subject"] == "Test message from the social media auditor"
    assert message["To"] == "beheerder@regenboog.example"
    assert outbox.entries(store) == []
    assert main(["digest", "--send"]) == 0  # the week's digest still goes out
    assert len(smtp_server.messages) == 2


def test_mail_test_to_another_address(store, smtp_server, tmp_path, capsys):  # type: ignore[no-untyped-def]
    configure(tmp_path, store, smtp_server.port)
    assert main(["mail", "test", "--to", "ict@regenboog.example"]) == 0
    assert smtp_server.messages[0]["To"] == "ict@regenboog.example"


def test_mail_test_with_the_server_down_is_one_line_exit_2(store, smtp_server, tmp_path, capsys):  # type: ignore[no-untyped-def]
    configure(tmp_path, store, smtp_server.port)
    smtp_server.stop()
    assert main(["mail", "test"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{smtp_server.port}" in err


def test_a_server_without_starttls_is_a_settings_error_naming_mail_security(
    store, smtp_server, tmp_path, capsys
):  # type: ignore[no-untyped-def]
    configure(tmp_path, store, smtp_server.port, security="starttls")
    for command in (["mail", "test"], ["digest", "--send"], ["outbox", "--flush"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "[mail].security" in err and "STARTTLS" in err, err
    [entry] = outbox.entries(store)
    assert entry.status == "queued" and "[mail].security" in (entry.last_error or "")
    assert smtp_server.messages == []


def test_a_second_send_while_the_first_waits_says_it_is_queued(
    store, smtp_server, tmp_path, capsys
):  # type: ignore[no-untyped-def]
    configure(tmp_path, store, smtp_server.port)
    smtp_server.stop()
    assert main(["digest", "--send"]) == 0
    capsys.readouterr()
    assert main(["digest", "--send"]) == 0
    out = capsys.readouterr().out
    assert "already queued on" in out and "not delivered yet" in out and "not queued again" in out
    assert "auditor outbox --flush" in out
