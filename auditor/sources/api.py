"""The live-source seam: what every platform API source shares, and what the registry asks of it.

A live platform is one module with an `AccountSettings` subclass (its `[[accounts]]` keys) and
an `ApiSource` subclass that names it in `settings`, plus one line in `LIVE_SOURCES` in
`auditor/sources/__init__.py`. Everything platform-specific (which id key is required, how the
cursor becomes a request parameter, extra warnings) stays in that module.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, Self

from auditor.media_store import MediaStore
from auditor.sources.accounts import AccountSettings, Cursor
from auditor.sources.base import AccountInfo, Source
from auditor.sources.http import HttpClient, HttpPolicy, Throttle
from auditor.sources.media_fetch import KnownMedia, MediaFetcher

if TYPE_CHECKING:
    import requests  # imported where a request is made: start-up of every command


@dataclass(frozen=True)
class LiveRead:
    """What one run asks of a live source: read on from the stored `cursor`, or from `since` (a
    date the user gave, which overrides the cursor); copy media into `media_store` (None: record
    URLs only), reusing copies `known_media` finds."""

    cursor: Cursor
    since: datetime | None = None
    media_store: MediaStore | None = None
    known_media: KnownMedia | None = None


class ApiSource(Source):
    """What the live sources share: the account's config, an HTTP client that knows its token
    (sent only in the Authorization header, redacted from every message), a media fetcher, and
    the progress the cursor logic reads (`posts_read`, `complete`, `newest_id`, `newest_time`).

    A platform sets `settings` (its `AccountSettings` subclass), `token_name` (what the token is
    called in the "not set" message) and `cursor_by_id` (True: the cursor compares post ids,
    False: times), and implements `for_run` (cursor to request parameters), `_check(response)`
    (the platform's error mapping), `account()` and `collect()`.
    """

    settings: ClassVar[type[AccountSettings]]
    token_name: ClassVar[str]
    cursor_by_id: ClassVar[bool] = False

    def __init__(
        self,
        config: AccountSettings,
        token: str,
        *,
        session: requests.Session | None = None,
        media_store: MediaStore | None = None,
        known_media: KnownMedia | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        if session is None:
            import requests

            session = requests.Session()
        self.client = HttpClient(
            session,
            config.name,
            policy=HttpPolicy(
                timeout=config.timeout_seconds,
                max_retries=config.max_retries,
                rate_limit_budget=config.rate_limit_budget_seconds,
            ),
            secrets=(token,),
            headers={"Authorization": f"Bearer {token}"},
            check=self._check,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )
        self.media = MediaFetcher(
            self.client, media_store, max_bytes=config.media_max_bytes, known=known_media
        )
        self.posts_read = 0
        self.complete = False
        self.newest_id: str | None = None
        self.newest_time: datetime | None = None

    @classmethod
    def info_for(cls, config: AccountSettings) -> AccountInfo:
        """The stored identity of a configured account: platform and handle (default: its id)."""
        return AccountInfo(cls.platform, config.handle or cls.account_id(config))

    @classmethod
    @abstractmethod
    def account_id(cls, config: AccountSettings) -> str:
        """The platform's id of the account (page id, user id)."""

    @classmethod
    @abstractmethod
    def for_run(cls, config: AccountSettings, token: str, read: LiveRead) -> Self:
        """The source for one run: the platform turns the cursor into its request parameters."""

    def run_warnings(self) -> list[str]:
        """Platform-specific notes for the run summary besides `warnings` (none by default)."""
        return []

    def close(self) -> None:
        self.client.session.close()

    @abstractmethod
    def _check(self, response: requests.Response) -> Throttle | None:
        """Map a response to the platform's error or throttle signal (subclasses know the
        codes); None when it is fine."""
