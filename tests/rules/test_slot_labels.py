"""The labels of a list of places or groups (`names.SLOT_LABELS`), written for speed, find what
their plain forms find: a rank or a medal before a name, a group before a name."""

from __future__ import annotations

import re

import pytest

from auditor.rules.personal_data.names import SLOT_LABELS

PLAIN = (
    re.compile(
        r"(?<![\w.,])(?:[1-9]\d?(?:e|ste|de)(?:\s+(?:plaats|plek|prijs))?\s*[:.–-]?\s*"
        r"|[🥇🥈🥉]\s*)(?=\w)"
    ),
    re.compile(
        r"(?<!\w)(?:groep|gr\.?|klas)\s?\d{1,2}(?:\s?/\s?\d{1,2})?(?:[a-z]\b)?\s*[:–-]?\s*(?=\w)",
        re.IGNORECASE,
    ),
)

POSTS = [
    "Uitslag schaaktoernooi: 1e mila, 2e yaroslav, 3e plaats: joep!",
    "🥇jurensley 🥈tsjalle 🥉oliwia, wat een finale",
    "Voorleeskampioenen: groep 1/2 merhawit, Groep 3 lujain, gr. 5 - ruthmila, klas 6b: daan",
    "12ste plek voor ons team, 10de prijs: de tombola. Om 8.30 uur 2e bel.",
    "Sportdag a1e b,2e c.3e 4e, 5de   sem en GR 7 anna, GROEP 8 fenna",
    "agroep 5 piet, x🥇 luuk, 1.2e ronde, ,3e ronde, nagr 4 bas",
    "Kerstviering: groepen 5 en 6 zingen, klaslokaal 7 is vrij, groep 77 bestaat niet",
    "",
]


@pytest.mark.parametrize("post", POSTS)
@pytest.mark.parametrize("kind", [0, 1])
def test_a_slot_label_is_found_where_its_plain_form_finds_one(post: str, kind: int) -> None:
    fast, plain = SLOT_LABELS[kind], PLAIN[kind]
    assert [m.span() for m in fast.finditer(post)] == [m.span() for m in plain.finditer(post)]
