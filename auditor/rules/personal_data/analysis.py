"""One pass over a post that every personal-data rule reads from.

The finders depend on each other (an IBAN's digits are no phone, a name inside an e-mail is not
a second finding, a diagnosis counts only next to a name), so they run together once per post
and the rules pick their own kind. The last result is kept, so twelve rules cost one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.models import Hit, Post, Span
from auditor.rules.base import RuleContext
from auditor.rules.personal_data import contact, names, special


@dataclass(frozen=True)
class Analysis:
    hits: tuple[Hit, ...]

    def of(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if h.kind == kind]


_last: tuple[str, RuleContext, Analysis] | None = None


def analyse(post: Post, ctx: RuleContext) -> Analysis:
    """All personal-data hits of a post (cached for the most recent post and context)."""
    global _last
    if _last is not None and _last[0] == post.text and _last[1] is ctx:
        return _last[2]
    result = analyse_text(post.text, ctx)
    _last = (post.text, ctx, result)
    return result


def analyse_text(text: str, ctx: RuleContext) -> Analysis:
    emails = contact.find_emails(text, ctx)
    handles = contact.find_handles(text, ctx)
    urls = contact.find_urls(text)
    all_emails = (
        [Span(m.start(), m.end()) for m in contact.EMAIL.finditer(text)] if "@" in text else []
    )
    ibans = contact.find_ibans(text, ctx)
    taken = [h.span for h in ibans if h.span] + all_emails + urls
    phones = contact.find_phones(text, ctx, taken)
    taken += [h.span for h in phones if h.span]
    bsns = contact.find_bsns(text, taken)
    postcodes = contact.find_postcodes(text, taken)
    plates = contact.find_plates(text)
    addresses = contact.find_addresses(text, taken)
    handle_spans = (
        [Span(m.start(), m.end()) for m in contact.HANDLE.finditer(text)] if "@" in text else []
    )
    skip = all_emails + urls + handle_spans + [h.span for h in addresses if h.span]
    name_hits = names.find_names(text, ctx, skip)
    people = [h.span for h in name_hits if h.span] + [
        h.span for h in handles if h.span and not h.allowed
    ]
    hits = (*emails, *handles, *ibans, *phones, *bsns, *postcodes, *plates, *addresses, *name_hits)
    if people:  # facts about a person need a person
        hits += (
            *special.find_birthdates(text, people),
            *special.find_health(text, people),
            *special.find_other(text, people),
        )
    return Analysis(hits=tuple(hits))
