#!/usr/bin/env python3
"""Validate bench/corpus/independent.jsonl (or another corpus file given as argument).

Hard checks (any failure -> exit code 1):
  * every line is valid JSON with exactly the expected fields (top level, labels, label items);
  * ids are sequential (prefix + 0001..N) and in created_at order;
  * created_at values are unique, ISO 8601, inside the school year and carry the
    correct Europe/Amsterdam UTC offset for that local time;
  * platform / kind / in_reply_to values are allowed and reply_to_parent agrees with them;
  * tweets are at most 280 characters;
  * every label text is an exact substring of the post, listed once, in order of first occurrence;
  * label types and roles are allowed (role only for name/social_handle, otherwise "n/a");
  * every BSN label passes the 11-test, every IBAN label and every IBAN-looking string in any
    text passes mod-97;
  * phone labels normalise to 10 Dutch digits, postcode labels and plate labels have valid formats.

It then prints counts and, for a manual look, unlabelled strings that look like personal data
(e-mail addresses, @handles, profile links, phone-like numbers, postcodes, 11-test-valid 9-digit
numbers, IBANs, plates) and names that are labelled elsewhere in the corpus.
"""

import collections
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
PATH = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "independent.jsonl"
ID_PREFIX = "i"
START, END = "2025-08-01", "2026-08-31"

TOP = ["id", "platform", "created_at", "kind", "in_reply_to", "text", "labels"]
LAB = ["personal_data", "commercial", "personal_title", "reply_to_parent", "hard"]
ITEM = ["type", "text", "role"]
TYPES = {
    "name",
    "phone",
    "email",
    "address",
    "postcode",
    "birthdate",
    "bsn",
    "iban",
    "health",
    "plate",
    "social_handle",
    "other",
}
ROLES = {"pupil", "parent", "staff", "other"}
ROLE_TYPES = {"name", "social_handle"}
IRT = {None, "parent", "staff", "organisation", "other"}
TZ = ZoneInfo("Europe/Amsterdam")

L, D = "[A-Z]", r"\d"
SIDECODES = [  # Dutch licence plate sidecodes 1-14
    (L * 2, D * 2, D * 2),
    (D * 2, D * 2, L * 2),
    (D * 2, L * 2, D * 2),
    (L * 2, D * 2, L * 2),
    (L * 2, L * 2, D * 2),
    (D * 2, L * 2, L * 2),
    (D * 2, L * 3, D),
    (D, L * 3, D * 2),
    (L * 2, D * 3, L),
    (L, D * 3, L * 2),
    (L * 3, D * 2, L),
    (L, D * 2, L * 3),
    (D, L * 2, D * 3),
    (D * 3, L * 2, D),
]
PLATE_RES = [re.compile("^" + "-".join(p) + "$") for p in SIDECODES]
PLATE_ANY = re.compile(r"(?<![\w-])(?:" + "|".join("-".join(p) for p in SIDECODES) + r")(?![\w-])")
IBAN_RE = re.compile(r"\bNL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_.]{2,}")
PROFILE_RE = re.compile(r"\b(?:facebook|instagram|tiktok|youtube|x|twitter|linkedin)\.com/\S+")
PHONE_RE = re.compile(r"(?:\+31|0031|\(0\d{2,3}\)|\b0)[\d\s()\-]{8,16}\d")
POSTCODE_RE = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")
NINE_RE = re.compile(r"(?<![\d.])\d(?:[ .]?\d){8}(?![\d])")


def elf_proef(digits):
    if len(digits) != 9:
        return False
    s = sum(int(digits[i]) * (9 - i) for i in range(8)) - int(digits[8])
    return s % 11 == 0


def mod97(iban):
    s = re.sub(r"\s", "", iban).upper()
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def norm_phone(p):
    p = p.replace("(0)", "")
    digits = re.sub(r"\D", "", p)
    if p.strip().startswith("+31"):
        digits = "0" + digits[2:]
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits


def main():
    errors = []
    posts = []
    raw = PATH.read_text(encoding="utf-8").split("\n")
    if raw and raw[-1] == "":
        raw = raw[:-1]
    for n, line in enumerate(raw, 1):
        try:
            posts.append(json.loads(line))
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON ({e})")
    if errors:
        print("\n".join(errors))
        sys.exit(1)

    def err(p, msg):
        errors.append(f"{p.get('id', '?')}: {msg}")

    seen_ts = set()
    prev_dt = None
    for n, p in enumerate(posts, 1):
        if list(p.keys()) != TOP:
            err(p, f"fields {list(p.keys())} != {TOP}")
            continue
        if p["id"] != f"{ID_PREFIX}{n:04d}":
            err(p, f"id out of sequence, expected {ID_PREFIX}{n:04d}")
        if p["platform"] not in ("facebook", "twitter"):
            err(p, f"bad platform {p['platform']!r}")
        text = p["text"]
        if not isinstance(text, str) or not text.strip():
            err(p, "empty text")
            continue
        if p["platform"] == "twitter" and len(text) > 280:
            err(p, f"tweet is {len(text)} characters")
        # created_at
        try:
            dt = datetime.fromisoformat(p["created_at"])
        except (TypeError, ValueError):
            err(p, f"bad created_at {p['created_at']!r}")
            dt = None
        if dt is not None:
            if dt.tzinfo is None:
                err(p, "created_at without offset")
            else:
                local = dt.replace(tzinfo=None).replace(tzinfo=TZ)
                if local.utcoffset() != dt.utcoffset():
                    err(p, f"offset {dt.utcoffset()} wrong, Amsterdam has {local.utcoffset()}")
                if not (START <= dt.date().isoformat() <= END):
                    err(p, "created_at outside the school year")
                if p["created_at"] in seen_ts or dt in seen_ts:
                    err(p, "duplicate created_at")
                seen_ts.update({p["created_at"], dt})
                if prev_dt is not None and dt <= prev_dt:
                    err(p, "not in created_at order")
                prev_dt = dt
        # kind / reply
        if p["kind"] not in ("post", "reply"):
            err(p, f"bad kind {p['kind']!r}")
        if p["in_reply_to"] not in IRT:
            err(p, f"bad in_reply_to {p['in_reply_to']!r}")
        if (p["kind"] == "post") != (p["in_reply_to"] is None):
            err(p, "kind and in_reply_to disagree")
        lab = p["labels"]
        if not isinstance(lab, dict) or list(lab.keys()) != LAB:
            err(p, f"label fields {list(lab.keys()) if isinstance(lab, dict) else lab} != {LAB}")
            continue
        for k in ("commercial", "personal_title", "reply_to_parent"):
            if not isinstance(lab[k], bool):
                err(p, f"{k} is not a boolean")
        if not isinstance(lab["hard"], str):
            err(p, "hard is not a string")
        if lab["reply_to_parent"] != (p["kind"] == "reply" and p["in_reply_to"] == "parent"):
            err(p, "reply_to_parent disagrees with kind/in_reply_to")
        # personal data
        seen_txt = set()
        last_pos = -1
        for item in lab["personal_data"]:
            if not isinstance(item, dict) or list(item.keys()) != ITEM:
                err(p, f"label item fields wrong: {item}")
                continue
            t, s, r = item["type"], item["text"], item["role"]
            if t not in TYPES:
                err(p, f"bad type {t!r}")
            if t in ROLE_TYPES:
                if r not in ROLES:
                    err(p, f"bad role {r!r} for {t}")
            elif r != "n/a":
                err(p, f"role must be n/a for {t}, got {r!r}")
            if not s or s not in text:
                err(p, f"label text not in post: {s!r}")
                continue
            if s in seen_txt:
                err(p, f"label text listed twice: {s!r}")
            seen_txt.add(s)
            pos = text.find(s)
            if pos < last_pos:
                err(p, f"labels not in order of first occurrence at {s!r}")
            last_pos = pos
            if t == "bsn" and not elf_proef(re.sub(r"\D", "", s)):
                err(p, f"BSN fails the 11-test: {s}")
            if t == "iban" and not mod97(s):
                err(p, f"IBAN fails mod-97: {s}")
            if t == "phone":
                d = norm_phone(s)
                if not (len(d) == 10 and d.startswith("0")):
                    err(p, f"phone does not normalise to 10 Dutch digits: {s} -> {d}")
            if t == "postcode" and not re.fullmatch(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}", s):
                err(p, f"bad postcode {s}")
            if t == "plate" and not any(rx.match(s.upper()) for rx in PLATE_RES):
                err(p, f"plate not in a valid sidecode: {s}")
            if t == "email" and not EMAIL_RE.fullmatch(s):
                err(p, f"bad e-mail {s}")
        for m in IBAN_RE.finditer(text):
            if not mod97(m.group()):
                err(p, f"IBAN in text fails mod-97: {m.group()}")

    if errors:
        print(f"{len(errors)} ERROR(S) in {PATH}:")
        print("\n".join(errors))
        sys.exit(1)

    # ---- counts ----
    lb = [p["labels"] for p in posts]
    clean = [
        p
        for p in posts
        if not p["labels"]["personal_data"]
        and not p["labels"]["commercial"]
        and not p["labels"]["personal_title"]
        and not p["labels"]["reply_to_parent"]
    ]
    print(f"OK: {len(posts)} posts in {PATH.name}, no errors\n")
    print("platform:", dict(collections.Counter(p["platform"] for p in posts)))
    print(
        "kind/in_reply_to:",
        dict(collections.Counter(f"{p['kind']}/{p['in_reply_to']}" for p in posts)),
    )
    print(
        f"clean: {len(clean)} (with hard note: {sum(1 for p in clean if p['labels']['hard'])},"
        f" replies to non-parents: {sum(1 for p in clean if p['kind'] == 'reply')})"
    )
    pdp = [p for p in posts if p["labels"]["personal_data"]]
    only_pd = [
        p
        for p in pdp
        if not (
            p["labels"]["commercial"]
            or p["labels"]["personal_title"]
            or p["labels"]["reply_to_parent"]
        )
    ]
    print(f"with personal data: {len(pdp)} ({len(only_pd)} with personal data only)")
    for k in ("commercial", "personal_title", "reply_to_parent"):
        tot = sum(1 for x in lb if x[k])
        both = sum(1 for x in lb if x[k] and x["personal_data"])
        print(f"{k}: {tot} ({both} also with personal data)")
    print("hard non-empty:", sum(1 for x in lb if x["hard"]))
    nlab = collections.Counter()
    npost = collections.Counter()
    roles = collections.defaultdict(collections.Counter)
    for x in lb:
        for it in x["personal_data"]:
            nlab[it["type"]] += 1
            if it["type"] in ROLE_TYPES:
                roles[it["type"]][it["role"]] += 1
        for t in {it["type"] for it in x["personal_data"]}:
            npost[t] += 1
    print(f"\npersonal-data labels: {sum(nlab.values())}")
    for t, c in nlab.most_common():
        print(f"  {t:14s} {c:4d} labels in {npost[t]:3d} posts")
    for t in ROLE_TYPES:
        print(f"  roles {t}: {dict(roles[t])}")

    # ---- manual review: unlabelled look-alikes ----
    names = {
        it["text"]
        for x in lb
        for it in x["personal_data"]
        if it["type"] == "name" and len(it["text"]) >= 3
    }
    print("\nUnlabelled look-alikes (intended traps? check by hand):")
    for p in posts:
        text = p["text"]
        spans = [
            (text.find(it["text"]), text.find(it["text"]) + len(it["text"]))
            for it in p["labels"]["personal_data"]
        ]
        labelled = {it["text"] for it in p["labels"]["personal_data"]}

        def covered(a, b):
            return any(x <= a and b <= y for x, y in spans) or any(text[a:b] in s for s in labelled)

        hits = []
        for kind, rx in (
            ("email", EMAIL_RE),
            ("handle", HANDLE_RE),
            ("profile", PROFILE_RE),
            ("phone?", PHONE_RE),
            ("postcode?", POSTCODE_RE),
            ("iban", IBAN_RE),
            ("plate?", PLATE_ANY),
        ):
            for m in rx.finditer(text):
                if not covered(m.start(), m.end()):
                    hits.append(f"{kind} {m.group().strip()!r}")
        for m in NINE_RE.finditer(text):
            d = re.sub(r"\D", "", m.group())
            if elf_proef(d) and not covered(m.start(), m.end()):
                hits.append(f"11-test-valid {m.group()!r}")
        for nm in sorted(names):
            for m in re.finditer(r"(?<!\w)" + re.escape(nm) + r"(?!\w)", text, re.I):
                if not covered(m.start(), m.end()):
                    hits.append(f"name-elsewhere {m.group()!r}")
        if hits:
            print(f"  {p['id']}: " + "; ".join(dict.fromkeys(hits)))


if __name__ == "__main__":
    main()
