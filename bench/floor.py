"""The floor of an archive audit: what plain CPython does with the same archive in the least work.

Reads every `data/tweets*.js` of an X archive zip, parses it with `json`, runs five regexes
(phone, e-mail, postcode, a capitalised name after a title, a reply handle) over each tweet's
text and inserts the posts and the matches into a fresh SQLite file in one transaction. The
end-to-end benchmark (`bench/audit_e2e.py`) runs it on the same archive in the same run and
prints the audit's time as a multiple of this one (issue 17: <= 5x).

    python bench/floor.py archive.zip out.db
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import zipfile

PATTERNS = [
    re.compile(r"\b0[1-9][\d -]{7,11}\d\b"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b"),
    re.compile(r"\b(?:juf|meester|mevrouw|meneer) [A-Z][a-z]+", re.IGNORECASE),
    re.compile(r"^@\w{1,15}"),
]


def main(archive: str, database: str) -> int:
    db = sqlite3.connect(database)
    db.execute(
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, created_at TEXT, "
        "text TEXT)"
    )
    db.execute(
        "CREATE TABLE findings (id INTEGER PRIMARY KEY, post_id INTEGER, rule INTEGER, "
        "span_start INTEGER, span_end INTEGER)"
    )
    posts = 0
    with zipfile.ZipFile(archive) as zf, db:
        for name in sorted(zf.namelist()):
            if not re.fullmatch(r"data/tweets(-part\d+)?\.js", name):
                continue
            raw = zf.read(name).decode("utf-8")
            for item in json.loads(raw[raw.index("[") :]):
                tweet = item["tweet"]
                text = tweet["full_text"]
                cursor = db.execute(
                    "INSERT INTO posts (external_id, created_at, text) VALUES (?, ?, ?)",
                    (tweet["id_str"], tweet["created_at"], text),
                )
                found = [
                    (cursor.lastrowid, rule, m.start(), m.end())
                    for rule, pattern in enumerate(PATTERNS)
                    for m in pattern.finditer(text)
                ]
                db.executemany("INSERT INTO findings VALUES (NULL, ?, ?, ?, ?)", found)
                posts += 1
    print(posts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
