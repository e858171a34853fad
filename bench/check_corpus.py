#!/usr/bin/env python3
"""Validate a labelled corpus against the conventions of ../shared/corpus/README.md.

    python bench/check_corpus.py bench/corpus/independent.jsonl
    python bench/check_corpus.py bench/corpus2/posts.jsonl

Checks fields, sequential ids, unique created_at with the correct Amsterdam offset, one school
year, tweet length, labels as exact substrings in order, allowed types/roles, BSN 11-test, IBAN
mod-97, phone/postcode/plate formats; lists unlabelled look-alikes for a manual check (traps).
Exit 1 on errors."""

import collections
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers

from auditor.evaluation import PD_TYPES

PATH = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus2" / "posts.jsonl"
AMS = ZoneInfo("Europe/Amsterdam")
TYPES = set(PD_TYPES)
ROLES = {"pupil", "parent", "staff", "other"}
FIELDS = {"id", "platform", "created_at", "kind", "in_reply_to", "text", "labels"}
LFIELDS = {"personal_data", "commercial", "personal_title", "reply_to_parent", "hard"}
SCHOOL_YEAR_DAYS = 400  # every post falls within one school year of the first
SIDECODES = [
    r"[A-Z]{2}-\d{2}-\d{2}",
    r"\d{2}-\d{2}-[A-Z]{2}",
    r"\d{2}-[A-Z]{2}-\d{2}",
    r"[A-Z]{2}-\d{2}-[A-Z]{2}",
    r"[A-Z]{2}-[A-Z]{2}-\d{2}",
    r"\d{2}-[A-Z]{2}-[A-Z]{2}",
    r"\d{2}-[A-Z]{3}-\d",
    r"\d-[A-Z]{3}-\d{2}",
    r"[A-Z]{2}-\d{3}-[A-Z]",
    r"[A-Z]-\d{3}-[A-Z]{2}",
    r"[A-Z]{3}-\d{2}-[A-Z]",
    r"[A-Z]-\d{2}-[A-Z]{3}",
    r"\d-[A-Z]{2}-\d{3}",
    r"\d{3}-[A-Z]{2}-\d",
]


def elfproef(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(d[i] * (9 - i) for i in range(8)) - d[8]) % 11 == 0


def mod97(iban):
    s = re.sub(r"[\s.\-]", "", iban).upper()  # written with spaces, dots or dashes
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def foreign_phone(s):
    """A Belgian or German number (+32, 0032, +49 ...) that libphonenumber calls valid."""
    intl = re.sub(r"^00", "+", s.strip()).replace("(0)", "")
    if not intl.startswith("+") or intl.startswith("+31"):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(intl, None))
    except phonenumbers.NumberParseException:
        return False


errors, notes = [], []


def err(pid, msg):
    errors.append(f"{pid}: {msg}")


rows = [json.loads(l) for l in PATH.read_text(encoding="utf-8").splitlines()]
seen_ts, prev = set(), None
PREFIX = re.sub(r"\d+$", "", rows[0]["id"]) if rows else ""
FIRST_DAY = datetime.fromisoformat(rows[0]["created_at"]).date() if rows else date.today()
all_names = set()
for r in rows:
    for p in r["labels"]["personal_data"]:
        if p["type"] == "name":
            all_names.add(p["text"])
for i, r in enumerate(rows, 1):
    pid = r.get("id")
    if set(r) != FIELDS:
        err(pid, f"fields {sorted(r)}")
        continue
    if set(r["labels"]) != LFIELDS:
        err(pid, "label fields")
    if pid != f"{PREFIX}{i:04d}":
        err(pid, "id not sequential")
    if r["platform"] not in ("facebook", "twitter"):
        err(pid, "platform")
    dt = datetime.fromisoformat(r["created_at"])
    if r["created_at"] in seen_ts:
        err(pid, "duplicate created_at")
    seen_ts.add(r["created_at"])
    if dt.utcoffset() != dt.astimezone(AMS).utcoffset():
        err(pid, "wrong Amsterdam offset")
    if not 0 <= (dt.date() - FIRST_DAY).days <= SCHOOL_YEAR_DAYS:
        err(pid, "date out of range")
    if prev and dt <= prev:
        err(pid, "not in created_at order")
    prev = dt
    t = r["text"]
    if r["platform"] == "twitter" and len(t) > 280:
        err(pid, f"tweet {len(t)} chars")
    if r["kind"] == "post":
        if r["in_reply_to"] is not None:
            err(pid, "post with in_reply_to")
    elif r["kind"] == "reply":
        if r["in_reply_to"] not in ("parent", "staff", "organisation", "other"):
            err(pid, "bad in_reply_to")
    else:
        err(pid, "kind")
    L = r["labels"]
    if L["reply_to_parent"] != (r["kind"] == "reply" and r["in_reply_to"] == "parent"):
        err(pid, "reply_to_parent")
    for k in ("commercial", "personal_title", "reply_to_parent"):
        if not isinstance(L[k], bool):
            err(pid, f"{k} not bool")
    if not isinstance(L["hard"], str):
        err(pid, "hard not str")
    seen, lastpos = set(), -1
    for p in L["personal_data"]:
        if set(p) != {"type", "text", "role"}:
            err(pid, f"label fields {p}")
        ty, s, role = p["type"], p["text"], p["role"]
        if ty not in TYPES:
            err(pid, f"type {ty}")
        if ty in ("name", "social_handle"):
            if role not in ROLES:
                err(pid, f"role {role} for {s}")
        elif role != "n/a":
            err(pid, f"role should be n/a for {ty}")
        pos = t.find(s)
        if pos < 0:
            err(pid, f"label not a substring: {s!r}")
        if (ty, s) in seen or s in {x[1] for x in seen}:
            err(pid, f"duplicate label {s!r}")
        seen.add((ty, s))
        inside_earlier = any(s in x and s != x for _, x in seen if (_, x) != (ty, s))
        if pos < lastpos and not inside_earlier:
            err(pid, f"label out of order: {s!r}")
        lastpos = max(lastpos, pos)
        if ty == "bsn" and not elfproef(re.sub(r"\D", "", s)):
            err(pid, f"BSN fails 11-test {s}")
        if ty == "iban" and not mod97(s):
            err(pid, f"IBAN fails mod-97 {s}")
        if ty == "phone":
            d = re.sub(r"\D", "", s.replace("(0)", ""))
            for country in ("0031", "31"):  # +31 and 0031 both mean the Netherlands
                if d.startswith(country):
                    d = "0" + d[len(country) :]
                    break
            if len(d) != 10 and not foreign_phone(s):
                err(pid, f"phone is neither 10 Dutch digits nor a valid foreign number {s}")
        if ty == "postcode" and not re.fullmatch(r"[1-9]\d{3} ?[A-Z]{2}", s.upper()):
            err(pid, f"postcode {s}")
        if ty == "plate" and not any(re.fullmatch(sc, s.upper()) for sc in SIDECODES):
            err(pid, f"plate sidecode {s}")
    # every IBAN-like string in the text must pass mod-97
    for m in re.finditer(r"\bNL\d{2}(?: ?[A-Z]{4})(?: ?\d{2,4}){3,4}\b", t):
        if not mod97(m.group()):
            err(pid, f"IBAN in text fails mod-97 {m.group()}")
    # manual-check listing of unlabelled candidates
    labelled = {p["text"] for p in L["personal_data"]}

    def cover(x):
        return any(x in s or s in x for s in labelled)

    for rx, what in [
        (r"[\w.+-]+@[\w-]+\.[\w.]+", "email"),
        (r"(?<![\w.])@\w+", "handle"),
        (r"(?:\+31|0)[\d ()\-]{8,16}\d", "phone-like"),
        (r"\b[1-9]\d{3} ?[A-Z]{2}\b", "postcode-like"),
        (r"\b\d{9}\b", "9 digits"),
        (r"\bNL\d{2} ?[A-Z]{4}[\d ]{10,14}", "IBAN"),
    ]:
        for m in re.finditer(rx, t):
            g = m.group().strip()
            if what == "9 digits" and not elfproef(g):
                continue
            if not cover(g):
                notes.append(f"{pid}: unlabelled {what}: {g}")
    for n in all_names:
        if (
            len(n) > 2
            and re.search(r"\b" + re.escape(n) + r"\b", t)
            and n not in labelled
            and not cover(n)
        ):
            notes.append(f"{pid}: unlabelled name-like (labelled elsewhere): {n}")

for n in notes:
    print("CHECK", n)
for e in errors:
    print("ERROR", e)
c = collections.Counter()
types = collections.Counter()
tposts = collections.Counter()
roles = collections.Counter()
for r in rows:
    L = r["labels"]
    pd = L["personal_data"]
    c["posts"] += 1
    c[r["platform"]] += 1
    c["reply"] += r["kind"] == "reply"
    if r["kind"] == "reply":
        c["reply_" + r["in_reply_to"]] += 1
    clean = not pd and not L["commercial"] and not L["personal_title"] and not L["reply_to_parent"]
    c["clean"] += clean
    c["clean_hard"] += clean and bool(L["hard"])
    c["with_pd"] += bool(pd)
    c["commercial"] += L["commercial"]
    c["personal_title"] += L["personal_title"]
    c["reply_to_parent"] += L["reply_to_parent"]
    c["hard"] += bool(L["hard"])
    for p in pd:
        types[p["type"]] += 1
        if p["type"] in ("name", "social_handle"):
            roles[(p["type"], p["role"])] += 1
    for ty in {p["type"] for p in pd}:
        tposts[ty] += 1
print(dict(c))
print(
    {k: (types[k], tposts[k]) for k in sorted(TYPES, key=lambda k: -types[k])}, sum(types.values())
)
print(dict(roles))
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
