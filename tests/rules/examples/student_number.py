"""An added personal-data type, as docs/extending.md shows it: a pupil's student number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.models import Category, Hit, Post, Severity, Span
from auditor.rules.base import RuleContext, rule

STUDENT_NUMBER = re.compile(r"\bleerlingnummer\s*:?\s*(\d{5,8})\b", re.IGNORECASE)


@rule(
    "personal-data.student_number",
    category=Category.PERSONAL_DATA,
    clause="a",
    severity=Severity.HIGH,
)
def student_number(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """A pupil's student number ("leerlingnummer 482913").

    Why: The number identifies one pupil in the school's systems.
    """
    for m in STUDENT_NUMBER.finditer(post.text):
        span = Span(m.start(1), m.end(1))
        yield Hit(span=span, value=m.group(1), reason="leerlingnummer", kind="student_number")
