"""Facebook Page, live through the Graph API: the Page's published posts and its own replies.

Reads `GET {base}/{page_id}/posts` (or `published_posts`, setting `graph_edge`) newest first,
following `paging.next` verbatim until it is absent (an empty page can still have a next
page). For each post with comments it reads `GET {base}/{post_id}/comments?filter=stream` and
yields only the comments written as the Page (`from.id == page_id`): a reply to a comment
becomes kind REPLY with `reply_to` the name of the parent comment's author; a top-level comment
becomes kind COMMENT with `reply_to` the last other person who commented before it (the one it
most likely answers). Other people's comments are never yielded: they are not the school's words.

Choices, in plain words:

- **Media**: photos, album photos (`subattachments`) and video thumbnails are downloaded;
  link previews (`share`) are not: their picture belongs to the linked site.
- **Incremental**: `since` (Unix seconds) is the stored cursor time minus `lookback_days`, so
  edited posts and replies added to recent posts are read again (the Graph API costs nothing
  per read). Replies added later to posts older than the look-back are not seen.
- **Errors** are dispatched on the Graph `error.code` (formats.md 3.5), never on the text.
  Rate limits (codes 4, 17, 32, 613, 80001, 341 and the usage headers) are waited out within
  the budget; an expired token (190, 102) fails the account with how to renew it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Self

from auditor.errors import ConfigError, SourceError, TokenError
from auditor.media_store import MediaStore
from auditor.models import Media, MediaKind, Platform, Post, PostKind
from auditor.sources.accounts import AccountSettings
from auditor.sources.api import ApiSource, LiveRead
from auditor.sources.base import AccountInfo, SkippedPost
from auditor.sources.http import RateLimited, Throttle, Transient, json_or_none
from auditor.sources.media_fetch import KnownMedia

if TYPE_CHECKING:
    import requests  # imported where a request is made: start-up of every command

DEFAULT_HOST = "https://graph.facebook.com"
EDGES = ("posts", "published_posts")
POST_FIELDS = (
    "id,message,created_time,updated_time,permalink_url,status_type,from{id,name},message_tags,"
    "attachments{media,media_type,type,url,unshimmed_url,title,target,subattachments},"
    "comments.filter(stream).summary(true).limit(0)"
)
COMMENT_FIELDS = "id,from,message,created_time,permalink_url,parent{id}"
MAX_PAGES = 2000  # a paging loop, not a school Page, reaches this

TOKEN_CODES = {190, 102}
RATE_CODES = {4, 17, 32, 613, 80001, 341}
TRANSIENT_CODES = {1, 2}
TOKEN_SUBCODES = {
    458: "the app was removed from the Page or user",
    459: "the user is checkpointed (must log in to Facebook)",
    460: "the password of the admin changed",
    463: "the token expired",
    464: "the user is unconfirmed",
    467: "the token is invalid",
}
SLOWDOWN_PERCENT = 80
SLOWDOWN_SECONDS = 2.0


@dataclass(frozen=True)
class FacebookAccount(AccountSettings):
    """`[[accounts]]` with `platform = "facebook"`: a Page read through the Graph API.

    `page_id` is required. `api_base_url` empty means `https://graph.facebook.com/<graph_version>`.
    `graph_edge` is `posts` or `published_posts`. `lookback_days`: each run reads again from the
    cursor time minus this many days (re-reads are free on the Graph API). See docs/sources.md.
    """

    page_id: str = ""
    graph_version: str = "v25.0"
    graph_edge: str = "posts"
    lookback_days: int = 7

    def check(self, where: str) -> None:
        if not self.page_id:
            raise ConfigError(f"{where}.page_id: required for a facebook account")
        super().check(where)


class GraphPermissionError(TokenError):
    """The token lacks a permission (Graph codes 10, 200-299)."""


def parse_graph_time(value: str) -> datetime:
    """`2021-07-09T19:09:52+0000` to aware UTC."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z").astimezone(UTC)


def _usage_values(raw: str | None) -> tuple[float, float]:
    """(highest usage percentage, highest minutes to regain access) in one usage header."""
    if not raw:
        return 0.0, 0.0
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return 0.0, 0.0
    entries: list[Any] = []
    if isinstance(value, dict) and any(isinstance(v, list) for v in value.values()):
        for items in value.values():  # X-Business-Use-Case-Usage: {id: [ {...}, ... ]}
            entries.extend(items if isinstance(items, list) else [])
    else:
        entries.append(value)
    percent = regain = 0.0
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        for key in ("call_count", "total_time", "total_cputime"):
            if isinstance(entry.get(key), int | float):
                percent = max(percent, float(entry[key]))
        if isinstance(entry.get("estimated_time_to_regain_access"), int | float):
            regain = max(regain, float(entry["estimated_time_to_regain_access"]))
    return percent, regain


def usage_throttle(headers: Any) -> Throttle | None:
    """What the usage headers ask for: a wait at 100 % (or while access is blocked), a short
    unbudgeted pause above 80 %, else nothing (formats.md 3.6)."""
    percent = regain = 0.0
    for name in ("X-App-Usage", "X-Page-Usage", "X-Business-Use-Case-Usage"):
        p, r = _usage_values(headers.get(name))
        percent, regain = max(percent, p), max(regain, r)
    if regain > 0:
        return Throttle(regain * 60, f"usage headers: access regained in {regain:.0f} min")
    if percent >= 100:
        return Throttle(60.0, "usage headers at 100 %")
    if percent >= SLOWDOWN_PERCENT:
        return Throttle(SLOWDOWN_SECONDS, f"usage headers at {percent:.0f} %", budgeted=False)
    return None


def attachment_media(attachment: dict[str, Any]) -> list[tuple[MediaKind, str]]:
    """(kind, image URL) for the photos and video thumbnails in one attachment (and its
    subattachments); link previews and other types give nothing."""
    subs = (attachment.get("subattachments") or {}).get("data") or []
    if subs:
        return [m for sub in subs if isinstance(sub, dict) for m in attachment_media(sub)]
    kind_name = str(attachment.get("type") or "")
    media_type = str(attachment.get("media_type") or "")
    src = ((attachment.get("media") or {}).get("image") or {}).get("src")
    if not src:
        return []
    if media_type == "video" or kind_name.startswith("video"):
        return [(MediaKind.VIDEO, src)]
    if kind_name.startswith("animated_image"):
        return [(MediaKind.GIF, src)]
    if media_type in ("photo", "album") or kind_name in ("photo", "album", "cover_photo"):
        return [(MediaKind.PHOTO, src)]
    return []


class FacebookGraphSource(ApiSource):
    """A Facebook Page's published posts and the Page's own comments, via the Graph API."""

    kind: ClassVar[str] = "facebook-graph"
    platform: ClassVar[Platform] = Platform.FACEBOOK
    settings: ClassVar[type[AccountSettings]] = FacebookAccount
    token_name: ClassVar[str] = "Page access token"
    config: FacebookAccount

    def __init__(
        self,
        config: FacebookAccount,
        token: str,
        *,
        since: datetime | None = None,
        session: requests.Session | None = None,
        media_store: MediaStore | None = None,
        known_media: KnownMedia | None = None,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        if config.graph_edge not in EDGES:
            raise ConfigError(
                f"[[accounts]] {config.name}.graph_edge: use {' or '.join(EDGES)}, "
                f"not {config.graph_edge!r}"
            )
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
        self.page_id = config.page_id
        self.base = (config.api_base_url or f"{DEFAULT_HOST}/{config.graph_version}").rstrip("/")
        self.since = since
        self.page_name = ""
        self._comments_denied = False

    @classmethod
    def account_id(cls, config: AccountSettings) -> str:
        assert isinstance(config, FacebookAccount)
        return config.page_id

    @classmethod
    def for_run(cls, config: AccountSettings, token: str, read: LiveRead) -> Self:
        """Ask `since` = the cursor time minus `lookback_days` (or the date the user gave)."""
        assert isinstance(config, FacebookAccount)
        start = read.since
        if start is None and read.cursor.time is not None:
            start = read.cursor.time - timedelta(days=max(0, config.lookback_days))
        return cls(
            config, token, since=start, media_store=read.media_store, known_media=read.known_media
        )

    def account(self) -> AccountInfo:
        info = self.info_for(self.config)
        return AccountInfo(info.platform, info.handle, self.page_name)

    # -- errors --

    def _check(self, response: requests.Response) -> Throttle | None:
        throttle = usage_throttle(response.headers)
        if response.status_code < 400:
            return throttle
        body = json_or_none(response)
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, dict):
            return throttle  # not a Graph error body: the client's status handling decides
        code = error.get("code")
        sub = error.get("error_subcode")
        message = str(error.get("message") or "")
        label = f"Graph error {code}" + (f"/{sub}" if sub else "")
        env = self.config.token_env
        if code in TOKEN_CODES:
            why = TOKEN_SUBCODES.get(sub) if isinstance(sub, int) else None
            raise TokenError(
                self.config.name,
                f"Facebook rejected the Page access token in ${env} ({label}: "
                f"{why or message[:80]}); create a new Page access token for page "
                f"{self.page_id} (docs/sources.md, 'Renewing tokens') and put it in ${env}",
            )
        if code == 10 or (isinstance(code, int) and 200 <= code <= 299):
            raise GraphPermissionError(
                self.config.name,
                f"the token in ${env} lacks a permission for page {self.page_id} ({label}: "
                f"{message[:120]}); grant pages_read_engagement and pages_read_user_content "
                "and create a new Page access token",
            )
        if code in RATE_CODES:
            _percent, regain = _usage_values(response.headers.get("X-Business-Use-Case-Usage"))
            raise RateLimited(f"Facebook rate limit ({label})", max(regain * 60, 60.0))
        if code in TRANSIENT_CODES:
            raise Transient(f"Facebook service error ({label})")
        raise SourceError(self.config.name, f"Facebook refused the request ({label}: {message})")

    # -- paging --

    def _pages(self, url: str, params: dict[str, Any] | None) -> Iterator[tuple[list[Any], str]]:
        """Yield (items, next URL or "") for each page, following `paging.next` verbatim."""
        seen: set[str] = set()
        next_url: str | None = url
        pages = 0
        while next_url:
            key = next_url + json.dumps(params, sort_keys=True)
            if key in seen or pages >= MAX_PAGES:
                raise self.client.error("paging does not end (same next page twice)", next_url)
            seen.add(key)
            pages += 1
            body = self.client.get_json(next_url, params)
            if not isinstance(body, dict) or not isinstance(body.get("data"), list):
                raise self.client.error("malformed page: no 'data' list", next_url)
            paging = body.get("paging")
            following = paging.get("next") if isinstance(paging, dict) else None
            following = following if isinstance(following, str) else ""
            yield body["data"], following
            next_url, params = following, None

    # -- posts --

    def collect(self) -> Iterator[Post]:
        """Yield the Page's posts newest first, each followed by the Page's own comments on it."""
        params: dict[str, Any] = {
            "fields": POST_FIELDS,
            "limit": max(1, min(self.config.page_size, 100)),
        }
        if self.since is not None:
            params["since"] = int(self.since.timestamp())
        cap = max(1, self.config.max_posts_per_run)
        url = f"{self.base}/{self.page_id}/{self.config.graph_edge}"
        for items, following in self._pages(url, params):
            for index, item in enumerate(items):
                if self.posts_read >= cap:
                    return
                self.posts_read += 1
                ref = f"graph:{self.page_id}/{self.config.graph_edge}#{self.posts_read}"
                try:
                    post = self._post(item, ref)
                except (KeyError, ValueError, TypeError, AttributeError) as exc:
                    where = item.get("id", index) if isinstance(item, dict) else index
                    self.skipped.append(
                        SkippedPost(f"{ref} ({where})", f"unreadable post ({exc!r})")
                    )
                    continue
                self._track(post)
                yield post
                if self._has_comments(item):
                    yield from self._own_comments(post)
            if self.posts_read >= cap and following:
                return
        self.complete = True

    def _track(self, post: Post) -> None:
        if self.newest_time is None or post.created_at > self.newest_time:
            self.newest_time = post.created_at
            self.newest_id = post.external_id

    def _post(self, item: dict[str, Any], ref: str) -> Post:
        post_id = str(item["id"])
        author = item.get("from") or {}
        if not self.page_name and str(author.get("id") or "") == self.page_id:
            self.page_name = str(author.get("name") or "")
        text = str(item.get("message") or "")
        status = str(item.get("status_type") or "")
        media: list[Media] = []
        for attachment in (item.get("attachments") or {}).get("data") or []:
            if isinstance(attachment, dict):
                media.extend(self.media.fetch(k, u) for k, u in attachment_media(attachment))
        return Post(
            platform=Platform.FACEBOOK,
            external_id=post_id,
            created_at=parse_graph_time(item["created_time"]),
            text=text,
            kind=PostKind.SHARE if status == "shared_story" and not text else PostKind.POST,
            account=self.page_name or self.page_id,
            url=item.get("permalink_url"),
            media=tuple(media),
            hashtags=tuple(re.findall(r"#(\w+)", text)),
            mentions=tuple(str(t["name"]) for t in item.get("message_tags") or [] if t.get("name")),
            source_ref=f"{ref} id={post_id}",
        )

    @staticmethod
    def _has_comments(item: dict[str, Any]) -> bool:
        summary = ((item.get("comments") or {}).get("summary")) or {}
        count = summary.get("total_count")
        return not isinstance(count, int) or count > 0

    def _own_comments(self, post: Post) -> Iterator[Post]:
        if self._comments_denied:
            return
        params = {
            "filter": "stream",
            "fields": COMMENT_FIELDS,
            "order": "chronological",
            "limit": 100,
        }
        names: dict[str, str] = {}
        last_other: str | None = None
        url = f"{self.base}/{post.external_id}/comments"
        try:
            for items, _following in self._pages(url, params):
                for index, item in enumerate(items):
                    if not isinstance(item, dict):
                        continue
                    author = item.get("from")
                    author = author if isinstance(author, dict) else {}
                    author_id = str(author.get("id") or "")
                    author_name = str(author.get("name") or "") or None
                    if item.get("id") and author_name:
                        names[str(item["id"])] = author_name
                    if author_id != self.page_id:
                        last_other = author_name or last_other
                        continue
                    ref = f"graph:{post.external_id}/comments#{index}"
                    try:
                        yield self._comment(item, post, names, last_other, ref)
                    except (KeyError, ValueError, TypeError, AttributeError) as exc:
                        self.skipped.append(SkippedPost(ref, f"unreadable comment ({exc!r})"))
        except GraphPermissionError as exc:
            self._comments_denied = True
            self.warnings.append(f"comments not read: {exc.why}")

    def _comment(
        self,
        item: dict[str, Any],
        post: Post,
        names: dict[str, str],
        last_other: str | None,
        ref: str,
    ) -> Post:
        comment_id = str(item["id"])
        parent_id = (item.get("parent") or {}).get("id")
        text = str(item.get("message") or "")
        if parent_id:
            kind, reply_to, reply_to_id = PostKind.REPLY, names.get(str(parent_id)), str(parent_id)
        else:
            kind, reply_to, reply_to_id = PostKind.COMMENT, last_other, post.external_id
        return Post(
            platform=Platform.FACEBOOK,
            external_id=comment_id,
            created_at=parse_graph_time(item["created_time"]),
            text=text,
            kind=kind,
            account=self.page_name or self.page_id,
            url=item.get("permalink_url"),
            reply_to=reply_to,
            reply_to_id=reply_to_id,
            reply_to_name=reply_to,
            author_is_account=True,
            hashtags=tuple(re.findall(r"#(\w+)", text)),
            source_ref=f"{ref} id={comment_id}",
        )
