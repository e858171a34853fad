"""`auditor mail test`: send a test message through `[mail]`, without touching the outbox."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

NAME = "mail"
HELP = "Try the mail settings: `mail test` sends a test message to [mail].to now."

SUBJECT = {
    "nl": "Testbericht van de social-media-auditor",
    "en": "Test message from the social media auditor",
}
BODY = {
    "nl": (
        "Dit is een testbericht van de auditor op {host}:{port} ({security}).\n"
        "Komt het aan, dan komen het weekoverzicht en de meldingen ook aan.\n"
    ),
    "en": (
        "This is a test message from the auditor via {host}:{port} ({security}).\n"
        "If it arrives, the weekly digest and the alerts will arrive too.\n"
    ),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("test",), help="test: send a test message now")
    parser.add_argument(
        "--to", metavar="ADDRESS", action="append", help="send to this address instead of [mail].to"
    )
    parser.epilog = (
        "examples:\n"
        "  auditor mail test\n"
        "  auditor mail test --to ict@school.example\n\n"
        "The digest outbox is not touched: this week's digest is still sent once, later.\n"
        "A wrong setting (host, port, security, login) is one line naming it, exit 2."
    )


def run(args: argparse.Namespace, app: Any) -> int:
    from email.utils import make_msgid
    from html import escape

    from auditor.notify import smtp

    config = app.config
    mail = config.mail
    recipients = tuple(args.to or mail.to)
    missing = smtp.missing_setting(mail)
    if missing and not (missing == "to" and recipients):
        smtp.require_mail_config(mail, config.source)
    language = mail.language if mail.language in SUBJECT else "nl"
    text_body = BODY[language].format(host=mail.host, port=mail.port, security=mail.security)
    message = smtp.build_message(
        subject=SUBJECT[language],
        sender=mail.sender,
        to=recipients,
        text=text_body,
        html="<p>" + escape(text_body).replace("\n", "<br>") + "</p>",
        message_id=make_msgid(idstring="auditor-test", domain=mail.sender.rpartition("@")[2]),
        date=datetime.now(UTC),
    )
    refused = smtp.send(message, mail)
    accepted = [r for r in recipients if r not in refused]
    print(
        f"test mail sent to {', '.join(accepted)} via {mail.host}:{mail.port} ({mail.security})"
        + (f"; refused for {', '.join(refused)}" if refused else "")
    )
    return 0
