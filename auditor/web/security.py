"""Login, CSRF tokens, slowed wrong passwords and security headers of the review site."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from dataclasses import dataclass, field

CSRF_FIELD = "csrf_token"
FREE_FAILURES = 3  # wrong passwords before waiting starts
MAX_WAIT_SECONDS = 300
FAILURE_DELAY_SECONDS = 1.0  # every wrong password answers this much later

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost: the server is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison (of digests, so the length leaks nothing either)."""
    a = hashlib.sha256(given.encode("utf-8")).digest()
    b = hashlib.sha256(expected.encode("utf-8")).digest()
    return hmac.compare_digest(a, b)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_matches(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(str(given), str(expected))


@dataclass
class Throttle:
    """Wrong passwords per client address: after a few, each next try must wait longer
    (2, 4, 8 ... seconds, at most five minutes). Kept in memory: a restart forgets."""

    failures: dict[str, tuple[int, float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, client: str, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self.lock:
            count, last = self.failures.get(client, (0, 0.0))
        if count < FREE_FAILURES:
            return 0
        wait = min(2 ** (count - FREE_FAILURES + 1), MAX_WAIT_SECONDS)
        return max(0, int(last + wait - now + 0.999))

    def failed(self, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self.lock:
            count, _ = self.failures.get(client, (0, 0.0))
            self.failures[client] = (count + 1, now)

    def succeeded(self, client: str) -> None:
        with self.lock:
            self.failures.pop(client, None)


def session_secret(fingerprint_key: bytes) -> bytes:
    """The key that signs session cookies, derived from the database's secret key, so that
    sessions survive a restart and differ per installation."""
    return hmac.new(fingerprint_key, b"auditor web session", hashlib.sha256).digest()
