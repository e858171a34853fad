"""X (Twitter), live through API v2: the account's own posts, replies and reposts.

Reads `GET {base}/users/{user_id}/tweets` newest first, following `meta.next_token` until it is
absent. Media come from `includes.media` (joined on `attachments.media_keys`); reply targets
from `includes.users` (expanded `in_reply_to_user_id`, `author_id`, mentions) and the replied-to
post in `includes.tweets` (or `includes.posts`, the name since Aug 2026), so `reply_to` is
the bare username, as the archive writes it. Text follows formats.md 1.6: t.co links expanded
from `entities.urls`, media links dropped, HTML unescaped once. The post-fields parameter name
is `fields_param` in the config (`tweet.fields`, or `post.fields` after X's rename).

Choices, in plain words:

- **Cost**: X bills every post read (formats.md 4.1), so a nightly run asks only
  `since_id` = the newest post already stored, with no look-back: edits after the first read
  are not seen again. `--since DATE` asks `start_time` instead (history read again, billed).
  `max_posts_per_run` caps the posts read; the page size shrinks to what is left of the cap.
- **Edits**: only the final version of an edited post is audited.
- **Errors**: 401/403 fail the account with how to renew the Bearer token; a usage-capped
  problem stops at once (waiting does not help); 429 waits until `x-rate-limit-reset` within
  the budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self

from auditor.errors import ConfigError, SourceError, TokenError
from auditor.media_store import MediaStore
from auditor.models import Media, MediaKind, Platform, Post, PostKind
from auditor.sources.accounts import AccountSettings
from auditor.sources.api import ApiSource, LiveRead
from auditor.sources.base import AccountInfo, SkippedPost
from auditor.sources.http import RateLimited, Throttle, json_or_none, reset_wait, retry_after
from auditor.sources.media_fetch import KnownMedia, media_name
from auditor.sources.twitter_archive import expand_text

if TYPE_CHECKING:
    import requests  # imported where a request is made: start-up of every command

DEFAULT_BASE = "https://api.x.com/2"
POST_FIELDS = (
    "created_at,entities,referenced_tweets,in_reply_to_user_id,conversation_id,attachments,"
    "author_id,note_tweet,edit_history_tweet_ids,lang"
)
EXPANSIONS = (
    "attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id,"
    "in_reply_to_user_id,entities.mentions.username,author_id"
)
MEDIA_FIELDS = "media_key,type,url,preview_image_url,alt_text,width,height"
USER_FIELDS = "username,name"
MEDIA_KINDS = {"photo": MediaKind.PHOTO, "video": MediaKind.VIDEO, "animated_gif": MediaKind.GIF}
LEADING_HANDLE = re.compile(r"^\s*@(\w{1,50})")
MEDIA_LINK_HOSTS = ("pic.x.com", "pic.twitter.com")
MAX_PAGES = 1000


SNOWFLAKE_EPOCH_MS = 1288834974657


def parse_x_time(value: str) -> datetime:
    """`2024-03-12T08:15:02.000Z` to aware UTC."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def snowflake_time(post_id: str) -> datetime:
    """The creation time encoded in a post id (ids since Nov 2010 are snowflakes)."""
    millis = (int(post_id) >> 22) + SNOWFLAKE_EPOCH_MS
    return datetime.fromtimestamp(millis / 1000, UTC)


def v2_text(raw: str, entities: dict[str, Any]) -> str:
    """Apply formats.md 1.6 to a v2 post: expand t.co links, drop media links, unescape once."""
    urls: list[dict[str, Any]] = []
    media: list[dict[str, Any]] = []
    for u in entities.get("urls") or []:
        if not isinstance(u, dict) or not u.get("url"):
            continue
        entity = {
            "url": u["url"],
            "expanded_url": u.get("unwound_url") or u.get("expanded_url"),
            "indices": [u.get("start"), u.get("end")],
        }
        is_media = u.get("media_key") or str(u.get("display_url") or "").startswith(
            MEDIA_LINK_HOSTS
        )
        (media if is_media else urls).append(entity)
    return expand_text(raw, {"urls": urls}, {"media": media} if media else None)


@dataclass(frozen=True)
class XAccount(AccountSettings):
    """`[[accounts]]` with `platform = "twitter"`: an X account read through API v2.

    `user_id` is required. `api_base_url` empty means `https://api.x.com/2`. Set `handle` to the
    X username to share one stored account with `--archive` imports. `fields_param` is the
    post-fields parameter name (`tweet.fields`; X renamed it `post.fields` in Aug 2026).
    """

    user_id: str = ""
    fields_param: str = "tweet.fields"

    def check(self, where: str) -> None:
        if not self.user_id:
            raise ConfigError(f"{where}.user_id: required for a twitter account")
        super().check(where)


class XApiSource(ApiSource):
    """The posts of one X account, via `GET /2/users/{id}/tweets`."""

    kind: ClassVar[str] = "x-api"
    platform: ClassVar[Platform] = Platform.TWITTER
    settings: ClassVar[type[AccountSettings]] = XAccount
    token_name: ClassVar[str] = "X Bearer token"
    cursor_by_id: ClassVar[bool] = True  # post ids are snowflakes: newer means larger
    config: XAccount

    def __init__(
        self,
        config: XAccount,
        token: str,
        *,
        since_id: str | None = None,
        start_time: datetime | None = None,
        session: requests.Session | None = None,
        media_store: MediaStore | None = None,
        known_media: KnownMedia | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            config,
            token,
            session=session,
            media_store=media_store,
            known_media=known_media,
            sleep=sleep,
            clock=clock,
            rand=rand,
        )
        self.user_id = config.user_id
        self.base = (config.api_base_url or DEFAULT_BASE).rstrip("/")
        self.since_id = since_id
        self.start_time = start_time
        self.username = config.handle
        self.display_name = ""
        self.superseded = 0

    @classmethod
    def account_id(cls, config: AccountSettings) -> str:
        assert isinstance(config, XAccount)
        return config.user_id

    @classmethod
    def for_run(cls, config: AccountSettings, token: str, read: LiveRead) -> Self:
        """Ask `since_id` = the newest stored post, no look-back (X bills every post read); a
        date the user gave asks `start_time` instead."""
        assert isinstance(config, XAccount)
        return cls(
            config,
            token,
            since_id=None if read.since is not None else read.cursor.id,
            start_time=read.since,
            media_store=read.media_store,
            known_media=read.known_media,
        )

    def run_warnings(self) -> list[str]:
        if not self.superseded:
            return []
        return [f"{self.superseded} earlier version(s) of edited posts skipped"]

    def account(self) -> AccountInfo:
        info = self.info_for(self.config)
        return AccountInfo(info.platform, info.handle, self.display_name)

    # -- errors --

    def _check(self, response: requests.Response) -> Throttle | None:
        status = response.status_code
        if status < 400:
            if response.headers.get("x-rate-limit-remaining") == "0":
                wait = reset_wait(response.headers.get("x-rate-limit-reset"), self.client.clock)
                if wait:
                    return Throttle(wait, "x-rate-limit-remaining is 0")
            return None
        body = json_or_none(response)
        body = body if isinstance(body, dict) else {}
        problem = str(body.get("type") or "")
        detail = str(body.get("detail") or body.get("title") or "")
        env = self.config.token_env
        if problem.endswith("usage-capped"):
            raise SourceError(
                self.config.name,
                f"X usage cap reached ({problem}): the spending or monthly post-read cap of the "
                "X developer account is used up; raise it in the developer console or wait for "
                "the next period (nothing was stored for this account)",
            )
        if status == 401:
            raise TokenError(
                self.config.name,
                f"X rejected the Bearer token in ${env} (HTTP 401 {detail or 'Unauthorized'}); "
                "regenerate it in the X developer console (your app > Keys and tokens > Bearer "
                f"Token) and put it in ${env}",
            )
        if status == 403:
            reason = str(body.get("reason") or problem.rsplit("/", 1)[-1] or "Forbidden")
            raise TokenError(
                self.config.name,
                f"X refused the Bearer token in ${env} (HTTP 403 {reason}): the app lacks read "
                "access (attach it to a Project with a plan or credits that allow reading "
                f"posts), or the token was revoked: regenerate it and put it in ${env}",
            )
        codes = [e.get("code") for e in body.get("errors") or [] if isinstance(e, dict)]
        if status == 429 or 88 in codes:
            clock = self.client.clock
            raise RateLimited(
                "X rate limit (HTTP 429)",
                reset_wait(response.headers.get("x-rate-limit-reset"), clock)
                or retry_after(response, clock),
            )
        if status == 404:
            raise SourceError(
                self.config.name,
                f"X user {self.user_id} not found (HTTP 404): check user_id "
                "(GET /2/users/by/username/<name> gives it)",
            )
        if 400 <= status < 500:
            raise SourceError(
                self.config.name,
                f"X rejected the request (HTTP {status} {detail[:160]}); check user_id and "
                f"fields_param ({self.config.fields_param})",
            )
        return None

    # -- reading --

    def _params(self, pagination_token: str | None) -> dict[str, Any]:
        left = max(1, self.config.max_posts_per_run) - self.posts_read
        params: dict[str, Any] = {
            "max_results": max(5, min(self.config.page_size, 100, left)),
            self.config.fields_param: POST_FIELDS,
            "expansions": EXPANSIONS,
            "media.fields": MEDIA_FIELDS,
            "user.fields": USER_FIELDS,
        }
        if self.start_time is not None:
            params["start_time"] = self.start_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        elif self.since_id:
            params["since_id"] = self.since_id
        if pagination_token:
            params["pagination_token"] = pagination_token
        return params

    def collect(self) -> Iterator[Post]:
        """Yield the account's posts newest first, up to `max_posts_per_run`."""
        cap = max(1, self.config.max_posts_per_run)
        url = f"{self.base}/users/{self.user_id}/tweets"
        token: str | None = None
        for _page in range(MAX_PAGES):
            body = self.client.get_json(url, self._params(token))
            if not isinstance(body, dict):
                raise self.client.error("malformed page: not a JSON object", url)
            data = body.get("data", [])
            meta = body.get("meta") if isinstance(body.get("meta"), dict) else None
            if not isinstance(data, list) or meta is None:
                raise self.client.error("malformed page: no 'data' list or 'meta'", url)
            for problem in body.get("errors") or []:
                if isinstance(problem, dict):
                    self.warnings.append(
                        f"X partial error: {problem.get('title', '')}: {problem.get('detail', '')}"
                    )
            lookup = _Includes(body.get("includes"))
            own = lookup.users.get(self.user_id) or {}
            self.username = self.username or str(own.get("username") or "")
            self.display_name = self.display_name or str(own.get("name") or "")
            for index, item in enumerate(data):
                if self.posts_read >= cap:
                    return
                self.posts_read += 1
                ref = f"x-api:users/{self.user_id}/tweets#{self.posts_read}"
                try:
                    post = self._post(item, lookup, ref)
                except (KeyError, ValueError, TypeError, AttributeError) as exc:
                    where = item.get("id", index) if isinstance(item, dict) else index
                    self.skipped.append(
                        SkippedPost(f"{ref} ({where})", f"unreadable post ({exc!r})")
                    )
                    continue
                if post is not None:
                    yield post
            token = meta.get("next_token")
            if not token:
                self.complete = True
                return
            if self.posts_read >= cap:
                return
        raise self.client.error(f"paging does not end after {MAX_PAGES} pages", url)

    def _post(self, item: dict[str, Any], lookup: _Includes, ref: str) -> Post | None:
        post_id = str(item["id"])
        created = (
            parse_x_time(item["created_at"]) if item.get("created_at") else snowflake_time(post_id)
        )
        if self.newest_time is None or int(post_id) > int(self.newest_id or 0):
            self.newest_id, self.newest_time = post_id, created
        history = [str(i) for i in item.get("edit_history_tweet_ids") or []]
        if len(history) > 1 and history[-1] != post_id:
            self.superseded += 1
            return None
        note = item.get("note_tweet") if isinstance(item.get("note_tweet"), dict) else None
        raw = str(note.get("text")) if note and note.get("text") else str(item["text"])
        entities = (note.get("entities") if note else None) or item.get("entities") or {}
        refs = {r.get("type"): str(r.get("id")) for r in item.get("referenced_tweets") or []}
        kind = PostKind.POST
        reply_to = reply_to_id = reply_to_name = None
        if "retweeted" in refs:
            kind = PostKind.SHARE
        elif "replied_to" in refs or item.get("in_reply_to_user_id"):
            kind = PostKind.REPLY
            reply_to_id, user = self._reply_target(item, refs.get("replied_to"), lookup)
            # the bare screen name, as the archive writes it: one post, one stored form
            reply_to = user.get("username") or _leading_handle(raw) or None
            reply_to_name = user.get("name") or None
            if reply_to_id == self.user_id:  # the account's own thread, named as its posts are
                reply_to, reply_to_name = self.username or reply_to or self.user_id, None
        mentions = tuple(
            str(m["username"]) for m in entities.get("mentions") or [] if m.get("username")
        )
        return Post(
            platform=Platform.TWITTER,
            external_id=post_id,
            created_at=created,
            text=v2_text(raw, entities),
            kind=kind,
            account=self.username or self.user_id,
            url=f"https://x.com/{self.username or 'i'}/status/{post_id}",
            reply_to=reply_to,
            reply_to_id=reply_to_id,
            reply_to_name=reply_to_name,
            media=self._media(post_id, item, lookup),
            hashtags=tuple(str(h["tag"]) for h in entities.get("hashtags") or [] if h.get("tag")),
            mentions=mentions,
            source_ref=f"{ref} id={post_id}",
        )

    def _reply_target(
        self, item: dict[str, Any], replied_to: str | None, lookup: _Includes
    ) -> tuple[str | None, dict[str, Any]]:
        user_id = item.get("in_reply_to_user_id")
        if not user_id and replied_to:
            user_id = (lookup.posts.get(replied_to) or {}).get("author_id")
        if not user_id:
            return None, {}
        user = lookup.users.get(str(user_id)) or {}
        if str(user_id) == self.user_id and not user and self.username:
            user = {"username": self.username}
        return str(user_id), user

    def _media(self, post_id: str, item: dict[str, Any], lookup: _Includes) -> tuple[Media, ...]:
        keys = (item.get("attachments") or {}).get("media_keys") or []
        result = []
        for key in keys:
            found = lookup.media.get(str(key))
            if not found:
                self.warnings.append(f"post {post_id}: media {key} not in includes.media")
                continue
            kind = MEDIA_KINDS.get(str(found.get("type")), MediaKind.OTHER)
            url = found.get("url") or found.get("preview_image_url")
            if not url:
                continue
            result.append(self.media.fetch(kind, url, f"{post_id}-{media_name(url)}"))
        return tuple(result)


def _leading_handle(text: str) -> str | None:
    match = LEADING_HANDLE.match(text)
    return match.group(1) if match else None


class _Includes:
    """`includes` of one page, indexed: users by id, media by key, referenced posts by id."""

    def __init__(self, includes: Any) -> None:
        includes = includes if isinstance(includes, dict) else {}

        def index(name: str, key: str) -> dict[str, dict[str, Any]]:
            items = includes.get(name) or []
            return {str(i[key]): i for i in items if isinstance(i, dict) and key in i}

        self.users = index("users", "id")
        self.media = index("media", "media_key")
        self.posts = index("tweets", "id") or index("posts", "id")
