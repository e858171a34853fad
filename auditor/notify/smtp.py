"""Sending one `EmailMessage` over SMTP: STARTTLS or implicit TLS, verified, with timeouts.

The login comes from the environment variables that `[mail]` names, and only when they are set.
Errors become `NotifyError`: `permanent=True` for 5xx answers (the same mail would be refused
again), `permanent=False` for everything that may pass (4xx, refused connections, timeouts).
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from auditor.config import MailConfig
from auditor.errors import ConfigError, NotifyError

REQUIRED = ("host", "sender", "to")


def missing_setting(mail: MailConfig) -> str | None:
    """The first `[mail]` key that sending needs but is empty, or None."""
    return next((key for key in REQUIRED if not getattr(mail, key)), None)


def require_mail_config(mail: MailConfig, source: str = "config") -> None:
    """Raise a ConfigError naming the first `[mail]` key that sending needs but is empty."""
    key = missing_setting(mail)
    if key:
        raise ConfigError(f"{source}: [mail].{key}: required to send mail (see reports/README.md)")


def new_message_id(sender: str) -> str:
    """A fresh Message-ID in the sender's domain; stored with the mail so retries reuse it."""
    domain = sender.rpartition("@")[2] or "auditor.invalid"
    return make_msgid(idstring="auditor", domain=domain)


def build_message(
    *,
    subject: str,
    sender: str,
    to: Sequence[str],
    text: str,
    html: str,
    message_id: str,
    date: datetime,
) -> EmailMessage:
    """multipart/alternative: the text part first, the HTML part last (the preferred one)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to a robot
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message


def _connect(mail: MailConfig) -> smtplib.SMTP:
    timeout = mail.timeout_seconds
    if mail.security == "ssl":
        return smtplib.SMTP_SSL(
            mail.host, mail.port, timeout=timeout, context=ssl.create_default_context()
        )
    client = smtplib.SMTP(mail.host, mail.port, timeout=timeout)
    if mail.security == "starttls":
        client.ehlo()
        if not client.has_extn("starttls"):
            client.close()
            # a settings error, not an outage: retrying would never get further
            raise ConfigError(
                f'[mail].security = "starttls": {mail.host}:{mail.port} does not offer '
                'STARTTLS; use the port that does (587), security = "ssl" for implicit TLS '
                '(465), or "none" only for a local test server'
            )
        client.starttls(context=ssl.create_default_context())
        client.ehlo()
    return client


def _first_line(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return text.strip().splitlines()[0] if text.strip() else ""


def send(
    message: EmailMessage, mail: MailConfig, env: Mapping[str, str] | None = None
) -> list[str]:
    """Deliver `message` to its To addresses through `[mail]`'s server, or raise NotifyError.

    Returns the recipients the server refused while accepting the others (usually none).
    """
    env = os.environ if env is None else env
    where = f"{mail.host}:{mail.port}"
    user = env.get(mail.username_env, "") if mail.username_env else ""
    password = env.get(mail.password_env, "") if mail.password_env else ""
    try:
        with _connect(mail) as client:
            if user:
                client.login(user, password)
            refused = client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _text in exc.recipients.values()]
        permanent = all(code >= 500 for code in codes)
        detail = "; ".join(
            f"{rcpt}: {code} {_first_line(text)}" for rcpt, (code, text) in exc.recipients.items()
        )
        raise NotifyError(f"{where}: recipients refused ({detail})", permanent=permanent) from None
    except smtplib.SMTPResponseException as exc:
        detail = f"{exc.smtp_code} {_first_line(exc.smtp_error)}"
        raise NotifyError(f"{where}: {detail}", permanent=exc.smtp_code >= 500) from None
    except (smtplib.SMTPException, OSError) as exc:  # refused, timeout, TLS, disconnect
        raise NotifyError(f"{where}: {type(exc).__name__}: {_first_line(exc)}") from None
    return sorted(refused)
