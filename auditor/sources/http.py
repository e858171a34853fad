"""A small HTTP client for the live sources: timeouts, retries, rate-limit waits, no token leaks.

Every request has a timeout. Timeouts, connection errors, 5xx answers and bodies that are not
complete JSON are retried with exponential backoff, at most `max_retries` times. Rate limits
(HTTP 429, or whatever a platform hook reports) are waited out, but the total waiting per
client stays within `rate_limit_budget`: a wait that would pass it fails the account with a
clear message instead of hanging the nightly run. The platform hook (`check`) sees every
response first and may raise `RateLimited`, `Transient`, a `SourceError`/`TokenError`, or return
a `Throttle` (pause before the next call, e.g. when usage headers say 100 %).

Every error text and log line goes through `auditor.sources.tokens.redact`. `sleep`, `clock` and
`rand` are injectable so tests never sleep.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from auditor.errors import SourceError
from auditor.sources.tokens import redact

if TYPE_CHECKING:
    import requests  # imported where a request is made: start-up of every command

log = logging.getLogger("auditor.live")

# What a client sleeps with when none is injected; tests of the whole live run replace it.
default_sleep: Callable[[float], None] = time.sleep


class RateLimited(Exception):
    """A platform said "too many requests": wait `seconds` (None: exponential backoff), retry."""

    def __init__(self, why: str, seconds: float | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.seconds = seconds


class Transient(Exception):
    """A failure worth retrying with backoff (5xx, service errors, a truncated body)."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@dataclass(frozen=True)
class Throttle:
    """Pause `seconds` before the next request. `budgeted` pauses count toward the wait budget."""

    seconds: float
    why: str
    budgeted: bool = True


Check = Callable[["requests.Response"], "Throttle | None"]


@dataclass(frozen=True)
class HttpPolicy:
    """Timeouts, retries and the rate-limit budget (from the account's config)."""

    timeout: float = 30.0
    max_retries: int = 4
    rate_limit_budget: float = 900.0
    backoff_base: float = 2.0
    backoff_cap: float = 120.0
    min_rate_wait: float = 5.0
    jitter: float = 0.1


def retry_after(response: requests.Response, clock: Callable[[], float]) -> float | None:
    """Seconds from a `Retry-After` header (seconds or an HTTP date), or None."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - clock())


def reset_wait(value: str | None, clock: Callable[[], float]) -> float | None:
    """Seconds until an epoch-seconds reset header (`x-rate-limit-reset`), plus one; or None."""
    if not value:
        return None
    try:
        reset = float(value)
    except ValueError:
        return None
    return max(0.0, reset - clock()) + 1.0


def json_or_none(response: requests.Response) -> Any:
    try:
        return response.json()
    except (ValueError, RecursionError):
        return None


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HttpClient:
    """GET with timeouts, retries, rate-limit waits and redacted messages, for one account.

    `where` names the account in errors. `headers` (e.g. the Authorization header) are sent to
    the API only, never with `download` (media lives on CDNs that must not see the token).
    `waited` is the rate-limit time spent so far; `requests_made` counts HTTP calls.
    """

    def __init__(
        self,
        session: requests.Session,
        where: str,
        *,
        policy: HttpPolicy | None = None,
        secrets: Iterable[str] = (),
        headers: Mapping[str, str] | None = None,
        check: Check | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        self.session = session
        self.where = where
        self.policy = policy or HttpPolicy()
        self.secrets = tuple(s for s in secrets if s)
        self.headers = dict(headers or {})
        self.check = check
        self.sleep = sleep or default_sleep
        self.clock = clock or time.time
        self.rand = rand or random.random
        self.waited = 0.0
        self.requests_made = 0
        self._pending: Throttle | None = None
        self._rate_hits = 0

    # -- messages --

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)

    def show(self, url: str) -> str:
        """The URL as it may appear in a message: host and path, token values removed."""
        return self.redact(url)

    def error(self, why: str, url: str | None = None) -> SourceError:
        text = f"{self.show(url)}: {why}" if url else why
        return SourceError(self.redact(self.where), self.redact(text))

    # -- waiting --

    def _backoff(self, attempt: int) -> float:
        base = min(self.policy.backoff_cap, self.policy.backoff_base * 2 ** (attempt - 1))
        return base * (1 + self.policy.jitter * self.rand())

    def wait_rate_limit(self, seconds: float, why: str) -> None:
        """Sleep `seconds` for a rate limit, or fail when that would pass the budget."""
        seconds = max(0.0, seconds) * (1 + self.policy.jitter * self.rand())
        budget = self.policy.rate_limit_budget
        if self.waited + seconds > budget:
            raise self.error(
                f"rate limited ({self.redact(why)}); waiting {seconds:.0f} s more would pass "
                f"rate_limit_budget_seconds={budget:.0f} (already waited {self.waited:.0f} s); "
                "nothing of this account was stored, the next run picks it up"
            )
        log.warning("%s: rate limited (%s): waiting %.0f s", self.where, self.redact(why), seconds)
        self.waited += seconds
        self.sleep(seconds)

    def _pause_if_needed(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None or pending.seconds <= 0:
            return
        if pending.budgeted:
            self.wait_rate_limit(pending.seconds, pending.why)
        else:
            log.info(
                "%s: slowing down (%s): %.1f s",
                self.where,
                self.redact(pending.why),
                pending.seconds,
            )
            self.sleep(pending.seconds)

    # -- requests --

    def _default_check(self, response: requests.Response) -> None:
        status = response.status_code
        if status == 429:
            raise RateLimited("HTTP 429 Too Many Requests", retry_after(response, self.clock))
        if status >= 500:
            raise Transient(f"HTTP {status}")
        if status >= 400:
            raise SourceError(self.where, f"HTTP {status}: {_short(response.text)}")

    def _send(
        self,
        url: str,
        params: Mapping[str, Any] | None,
        *,
        api: bool,
        stream: bool,
        parse: Callable[[requests.Response], Any],
    ) -> Any:
        import requests

        failures = 0
        while True:
            self._pause_if_needed()
            response: requests.Response | None = None
            try:
                response = self.session.get(
                    url,
                    params=params,
                    headers=self.headers if api else None,
                    timeout=self.policy.timeout,
                    stream=stream,
                )
                self.requests_made += 1
                throttle = self.check(response) if (api and self.check) else None
                self._default_check(response)
                result = parse(response)
            except RateLimited as exc:
                _close(response)
                self._rate_hits += 1
                seconds = exc.seconds
                if seconds is None:
                    seconds = min(
                        self.policy.backoff_cap, self.policy.backoff_base * 2**self._rate_hits
                    )
                self.wait_rate_limit(max(seconds, self.policy.min_rate_wait), exc.why)
                continue
            except (
                Transient,
                requests.Timeout,
                requests.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError,
            ) as exc:
                _close(response)
                failures += 1
                why = exc.why if isinstance(exc, Transient) else type(exc).__name__
                if failures > self.policy.max_retries:
                    raise self.error(
                        f"{why} (gave up after {failures} attempts, max_retries="
                        f"{self.policy.max_retries})",
                        url,
                    ) from None
                delay = self._backoff(failures)
                log.warning(
                    "%s: %s: %s; retry %d in %.0f s",
                    self.where,
                    self.show(url),
                    self.redact(why),
                    failures,
                    delay,
                )
                self.sleep(delay)
                continue
            except SourceError as exc:
                _close(response)
                raise type(exc)(self.redact(exc.where), self.redact(exc.why)) from None
            except requests.RequestException as exc:
                _close(response)
                raise self.error(f"request failed ({type(exc).__name__})", url) from None
            self._pending = throttle
            return result

    def get_json(self, url: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET an API URL (with the API headers) and return its JSON body."""

        def parse(response: requests.Response) -> Any:
            try:
                return response.json()
            except ValueError:
                raise Transient("malformed response: not complete JSON") from None
            except RecursionError:
                raise self.error("malformed response: JSON nested too deeply", url) from None

        return self._send(url, params, api=True, stream=False, parse=parse)

    @contextmanager
    def download(self, url: str) -> Iterator[requests.Response]:
        """GET a media URL as a stream, without the API headers; the caller reads it."""
        response = self._send(url, None, api=False, stream=True, parse=lambda r: r)
        try:
            yield response
        finally:
            response.close()


def _close(response: requests.Response | None) -> None:
    if response is not None:
        response.close()
