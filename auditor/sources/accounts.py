"""What every live account has, whatever its platform: the shared `[[accounts]]` keys and the
cursor that remembers how far the account was read.

Each live platform extends `AccountSettings` with its own keys in its own module (a Facebook
Page has `page_id`, an X account `user_id`); the live-source registry in `auditor.sources`
picks the class by the table's `platform` key and the config builds it, so an unknown or
misspelt key is refused with the file and key named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from auditor.errors import ConfigError


@dataclass(frozen=True)
class AccountSettings:
    """`[[accounts]]` keys of every platform (contract keys: name, platform, token_env,
    api_base_url; each platform adds its id key).

    `api_base_url` empty means the platform's own API; set it to use a proxy or test server.
    `handle` is the stored account handle (default: the platform's id of the account).
    """

    name: str
    platform: str
    token_env: str = ""
    api_base_url: str = ""
    handle: str = ""
    max_posts_per_run: int = 500
    page_size: int = 100
    timeout_seconds: float = 30.0
    max_retries: int = 4
    rate_limit_budget_seconds: float = 900.0
    media_max_bytes: int = 50 * 1024 * 1024

    def check(self, where: str) -> None:
        """Refuse settings that parse but cannot work (`where` names the file and entry).

        Platforms extend this for their own required keys.
        """
        if not self.token_env:
            raise ConfigError(f"{where}.token_env: name the environment variable with the token")


@dataclass(frozen=True)
class Cursor:
    """How far an account was read: the newest post id and its time."""

    id: str | None = None
    time: datetime | None = None
