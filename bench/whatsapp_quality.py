"""Score the WhatsApp rules (article 3) message by message on the labelled exports in
bench/whatsapp/chats/.

Each labelled file is a real chat export plus label lines the scorer strips before auditing:

    #! file = "WhatsApp-chat met Ouders groep 5b.txt"   export's file name (TOML, one key a line)
    #! package = "zip"        txt (default) or zip; member = the chat file's name inside the zip
    #! newline = "crlf"       line endings (default lf); bom = true puts a BOM first
    #! media = { "IMG-20241115-WA0001.jpg" = "fdlite_group.jpg" }   zip members: a photo of
                              ../shared/images, or "" for a small non-image file; a marker whose
                              file is not listed is missing from the zip
    ## group 3a 3c            labels of the group itself
    ## staff 3f pd            after a message: written by staff, and its labels

`{LRM}`, `{NNBSP}`, `{LRE}`, `{PDF}` stand for U+200E, U+202F, U+202A, U+202C. A message
without a `## staff` line is a parent's message or a system line.

Labels: 3a (group made by staff, not a work group), 3c (staff write in a group that is not
theirs), 3e (photo with recognisable faces), 3e? (attachment not checked: missing from the
export), 3f (essential information without the official channel), pd (personal data).

Every export is built in a temporary folder, audited with `auditor audit --archive` (a fresh
SQLite database each time) and the stored findings are read back. Prints message-level
precision / recall / F1 over (message, label) pairs, recall per label, and the findings on
parents' and system messages (must be 0).

    python bench/whatsapp_quality.py                        # every chat, bench/whatsapp config
    python bench/whatsapp_quality.py --no-images --verbose  # text only, list every error
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHATS = HERE / "whatsapp" / "chats"
CONFIG = HERE / "whatsapp" / "auditor.toml"
IMAGES = HERE.parent.parent / "shared" / "images"
LABELS = ("3a", "3c", "3e", "3e?", "3f", "pd")
TOKENS = {"{LRM}": "\u200e", "{NNBSP}": "\u202f", "{LRE}": "\u202a", "{PDF}": "\u202c"}
HEADER = re.compile(r"^\u200e?\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}[:.]\d{2}")

# rule id -> label; old ids are mapped too, so the code before issue 11 can be scored
RULE_LABELS = {
    "whatsapp.group-created": "3a",
    "whatsapp.staff-in-parents-group": "3c",
    "whatsapp.pupil-photo": "3e",
    "whatsapp.photo-unchecked": "3e?",
    "image.unanalysed": "3e?",
    "whatsapp.essential-info": "3f",
}


@dataclass
class LabelledChat:
    name: str
    meta: dict
    lines: list[str]  # the export's lines (label lines removed, tokens replaced)
    labels: dict[int, set[str]] = field(default_factory=dict)  # header line (1-based) -> labels
    staff: set[int] = field(default_factory=set)  # header lines of staff messages
    messages: set[int] = field(default_factory=set)  # every header line
    group: set[str] = field(default_factory=set)

    @property
    def file_name(self) -> str:
        return str(self.meta["file"])


def load_chat(path: Path) -> LabelledChat:
    meta_lines, lines = [], []
    chat = LabelledChat(path.stem, {}, lines)
    last_header = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#! "):
            meta_lines.append(raw[3:])
            continue
        if raw.startswith("## "):
            words = raw[3:].split()
            if words[0] == "group":
                chat.group.update(words[1:])
            elif words[0] == "staff":
                chat.staff.add(last_header)
                chat.labels[last_header] = set(words[1:])
            else:
                raise ValueError(f"{path}: unknown label line {raw!r}")
            continue
        for token, char in TOKENS.items():
            raw = raw.replace(token, char)
        lines.append(raw)
        if HEADER.match(raw):
            last_header = len(lines)
            chat.messages.add(last_header)
    chat.meta = tomllib.loads("\n".join(meta_lines))
    unknown = {label for labels in chat.labels.values() for label in labels} | chat.group
    if unknown - set(LABELS):
        raise ValueError(f"{path}: unknown labels {sorted(unknown - set(LABELS))}")
    return chat


def load_chats(folder: Path = CHATS) -> list[LabelledChat]:
    return [load_chat(p) for p in sorted(folder.glob("*.txt"))]


def chat_text(chat: LabelledChat) -> bytes:
    newline = "\r\n" if chat.meta.get("newline") == "crlf" else "\n"
    text = newline.join(chat.lines) + newline
    return (b"\xef\xbb\xbf" if chat.meta.get("bom") else b"") + text.encode("utf-8")


def build_export(chat: LabelledChat, folder: Path, images: Path = IMAGES) -> Path:
    """Write the chat as the export its meta describes; returns the path to audit."""
    out = folder / chat.file_name
    if chat.meta.get("package", "txt") == "txt":
        out.write_bytes(chat_text(chat))
        return out
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(chat.meta.get("member", "_chat.txt"), chat_text(chat))
        for member, image in chat.meta.get("media", {}).items():
            data = (images / image).read_bytes() if image else b"not an image\n"
            zf.writestr(member, data)
    return out


def audit(export: Path, config: Path, workdir: Path, images: bool) -> list[tuple[str, str]]:
    """Audit one export in a fresh database; returns (rule, post source_ref) per finding."""
    db = workdir / "audit.db"
    if db.exists():
        db.unlink()
    env = dict(os.environ, AUDITOR_DATABASE_URL=f"sqlite:///{db}")
    command = [sys.executable, "-m", "auditor", "--config", str(config), "audit"]
    command += ["--archive", str(export)] + ([] if images else ["--no-images"])
    done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode == 2:
        raise RuntimeError(f"{export.name}: {done.stderr.strip()}")
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT f.rule, p.source_ref, p.text FROM findings f JOIN posts p ON p.id = f.post_id"
        ).fetchall()
    return [(rule, ref if ref else "") for rule, ref, _text in rows]


def item_of(rule: str, ref: str) -> str:
    """ "group" for a finding on the group, else the chat line of the message ("L12")."""
    if ref.endswith("#group") or rule == "whatsapp.group-created":
        return "group"
    m = re.search(r"#L(\d+)$", ref)
    return f"L{m.group(1)}" if m else ref


def label_of(rule: str) -> str:
    if rule.startswith("personal-data."):
        return "pd"
    return RULE_LABELS.get(rule, rule)


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    on_parents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, chat: LabelledChat, findings: list[tuple[str, str]]) -> None:
        expected = {("group", label) for label in chat.group}
        expected |= {(f"L{n}", label) for n, labels in chat.labels.items() for label in labels}
        found: set[tuple[str, str]] = set()
        for rule, ref in findings:
            item = item_of(rule, ref)
            found.add((item, label_of(rule)))
            if item != "group" and int(item[1:] or 0) not in chat.staff:
                self.on_parents.append(f"{chat.name} {item} {rule}")
        for item, label in sorted(found | expected):
            if (item, label) in found and (item, label) in expected:
                self.tp[label] += 1
            elif (item, label) in found:
                self.fp[label] += 1
                self.errors.append(f"FP {chat.name} {item} {label}: {self._line(chat, item)}")
            else:
                self.fn[label] += 1
                self.errors.append(f"FN {chat.name} {item} {label}: {self._line(chat, item)}")

    @staticmethod
    def _line(chat: LabelledChat, item: str) -> str:
        if item == "group":
            return chat.file_name
        return chat.lines[int(item[1:]) - 1][:100]

    def report(self) -> str:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out = [
            f"message level: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
            f"  (tp {tp}, fp {fp}, fn {fn})",
            "recall per label:",
        ]
        for label in LABELS:
            total = self.tp[label] + self.fn[label]
            rec = self.tp[label] / total if total else 1.0
            out.append(f"  {label:<4} {rec:.3f}  ({self.tp[label]}/{total}, fp {self.fp[label]})")
        extra = sorted(set(self.fp) - set(LABELS))
        if extra:
            out.append("other rules (all false): " + ", ".join(f"{r} {self.fp[r]}" for r in extra))
        out.append(f"findings on parents' or system messages: {len(self.on_parents)}")
        return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--chats", type=Path, default=CHATS)
    parser.add_argument("--no-images", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    score = Score()
    chats = load_chats(args.chats)
    with tempfile.TemporaryDirectory() as tmp:
        for chat in chats:
            workdir = Path(tmp) / chat.name
            workdir.mkdir()
            export = build_export(chat, workdir)
            score.add(chat, audit(export, args.config.resolve(), workdir, not args.no_images))
    print(f"{len(chats)} exports, {sum(len(c.messages) for c in chats)} messages")
    print(score.report())
    if args.verbose:
        print("\n".join(score.errors + [f"ON PARENT/SYSTEM {x}" for x in score.on_parents]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
