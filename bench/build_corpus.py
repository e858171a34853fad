#!/usr/bin/env python3
"""Build a labelled JSONL corpus from a marked-up source file.

    python bench/build_corpus.py bench/corpus3/posts.src bench/corpus3/posts.jsonl

The source is easier to write and review than JSONL. Posts are separated by header lines:

    === fb post [C] [T] | hard note
    === tw reply parent | hard note

`fb`/`tw` is the platform, `post` or `reply ROLE` the kind, `C` marks commercial and `T`
personal title. A labelled span is written `[[text|code]]`: `np na ns no` are names of a pupil,
parent, staff member or other person, `hp ha hs ho` social handles with those roles, and
`ph em ad pc bd bsn ib he pl ot` are phone, email, address, postcode, birthdate, bsn, iban,
health, plate and other. Each distinct string is labelled once per post (first occurrence).
The header `@@ prefix START END` (first line) gives the id prefix and the date range; posts are
spread evenly over it, between 07:00 and 21:00 Amsterdam time, in file order.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
CODES = {
    "ph": "phone",
    "em": "email",
    "ad": "address",
    "pc": "postcode",
    "bd": "birthdate",
    "bsn": "bsn",
    "ib": "iban",
    "he": "health",
    "pl": "plate",
    "ot": "other",
}
ROLES = {"p": "pupil", "a": "parent", "s": "staff", "o": "other"}
SPAN = re.compile(r"\[\[(.+?)\|(\w+)\]\]", re.S)


def label(code: str) -> tuple[str, str]:
    if code in CODES:
        return CODES[code], "n/a"
    kind = {"n": "name", "h": "social_handle"}[code[0]]
    return kind, ROLES[code[1]]


def build(src: str) -> list[dict]:
    lines = src.split("\n")
    _, prefix, start, end = lines[0].split()
    blocks: list[tuple[str, list[str]]] = []
    for line in lines[1:]:
        if line.startswith("=== "):
            blocks.append((line[4:], []))
        elif blocks:
            blocks[-1][1].append(line)
    first = datetime.fromisoformat(start)
    days = (datetime.fromisoformat(end) - first).days
    rows = []
    for i, (header, body) in enumerate(blocks):
        head, _, hard = header.partition("|")
        words = head.split()
        platform = {"fb": "facebook", "tw": "twitter"}[words[0]]
        kind = words[1]
        in_reply_to = words[2] if kind == "reply" else None
        raw = "\n".join(body).strip("\n")
        labels: list[dict] = []
        seen: set[str] = set()
        for m in SPAN.finditer(raw):
            text, code = m.group(1), m.group(2)
            if text in seen:
                continue
            seen.add(text)
            ty, role = label(code)
            labels.append({"type": ty, "text": text, "role": role})
        text = SPAN.sub(lambda m: m.group(1), raw)
        day = first + timedelta(days=days * i // max(1, len(blocks) - 1))
        minutes = 7 * 60 + (i * 137) % (14 * 60)
        local = datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=AMS)
        rows.append(
            {
                "id": f"{prefix}{i + 1:04d}",
                "platform": platform,
                "created_at": local.isoformat(),
                "kind": kind,
                "in_reply_to": in_reply_to,
                "text": text,
                "labels": {
                    "personal_data": labels,
                    "commercial": "C" in words[2:],
                    "personal_title": "T" in words[2:],
                    "reply_to_parent": kind == "reply" and in_reply_to == "parent",
                    "hard": hard.strip(),
                },
            }
        )
    # created_at must increase: nudge equal or earlier times by a minute
    for a, b in zip(rows, rows[1:], strict=False):
        ta, tb = datetime.fromisoformat(a["created_at"]), datetime.fromisoformat(b["created_at"])
        if tb <= ta:
            b["created_at"] = (ta + timedelta(minutes=7)).astimezone(AMS).isoformat()
    return rows


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    rows = build(src.read_text(encoding="utf-8"))
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"{out}: {len(rows)} posts")


if __name__ == "__main__":
    main()
