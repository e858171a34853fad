"""Other platforms (article 4): the school does not post at all on Instagram, LinkedIn, TikTok....

The Instagram and LinkedIn sources yield the account's own posts; every one of them breaks
article 4, whatever it says. The article has no clauses, so the rule's clause is "".
"""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

from auditor.models import Category, Hit, Platform, Post, Severity, Span
from auditor.rules.base import RuleContext, rule

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
PLATFORM_NAMES = {
    Platform.INSTAGRAM: "Instagram",
    Platform.LINKEDIN: "LinkedIn",
    Platform.TIKTOK: "TikTok",
}
EXCERPT_CHARS = 40


@rule(
    "other-platform.post",
    category=Category.OTHER_PLATFORM,
    clause="",
    severity=Severity.HIGH,
    platforms=(Platform.INSTAGRAM, Platform.LINKEDIN, Platform.TIKTOK),
)
def post_on_other_platform(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A post by the school on Instagram, LinkedIn or TikTok, where it does not post at all.

    Why: the protocol lets the school use only Facebook, X and (for work groups) WhatsApp. On
    other platforms it posts nothing, so any post there is a finding, whatever it says.

    Flagged: every own post, story, reel, share or video in an Instagram, LinkedIn or TikTok
    export, with its date (Dutch time); the excerpt is the start of the caption.

    Fine: nothing: an export without posts gives no findings.
    """
    name = PLATFORM_NAMES.get(post.platform, post.platform.value)
    day = post.created_at.astimezone(LOCAL_TZ).strftime("%d-%m-%Y")
    caption = post.text.strip()
    span = None
    if caption:
        start = post.text.index(caption[0])
        span = Span(start, start + min(EXCERPT_CHARS, len(caption)))
    yield Hit(
        span=span,
        value="",
        reason=f"post als school op {name} ({day})",
        kind="other-platform",
    )
