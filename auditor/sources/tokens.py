"""Tokens never leave the live sources in a message: `redact` removes them from any text.

It removes the configured secrets (also URL-encoded) and any `access_token=...` style query value
(the Graph API puts the token in its `paging.next` URLs) and `Bearer ...` header values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

REDACTED = "***"
TOKEN_QUERY = re.compile(
    r"(?i)\b((?:access_token|input_token|client_secret|fb_exchange_token|bearer_token)=)[^&\s'\"#]+"
)
BEARER = re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=%-]+")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the given secrets (plain or URL-encoded) and without token query values."""
    for secret in secrets:
        if not secret:
            continue
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            text = text.replace(form, REDACTED)
    text = TOKEN_QUERY.sub(lambda m: m.group(1) + REDACTED, text)
    return BEARER.sub(lambda m: m.group(1) + REDACTED, text)
