"""What an audit of a post depends on, as digests: the rule set, and the post's own input.

A re-audit skips a post whose stored digests equal these (see `pipeline.audit_posts`): the
findings would be the same. Anything that can change a finding belongs in one of the two:
- the rule set: rule ids and their `version`, the package version, the code and data files
  the rules run (`code_digest`), the rule context (allow-lists, the school's handles, rule
  options), effective severities, the word lists the rules read (package lexicons and the
  versions of the packages they and the finders come from), the image detector;
- the post: its text, kind, reply target, media (kind, name, hash, whether a copy exists), the
  identity its fingerprints use, and the other fields rules read (time, account, chat context).
A change of the rules' code or data re-audits every post (the rules share their finders); a
rule's `version`, raised alone, re-audits only the posts that rule applies to.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from typing import Any

from auditor import __version__
from auditor.engine import Engine
from auditor.models import Platform, Post, PostKind
from auditor.nlp.lexicon import school_lexicons
from auditor.rules.base import Rule

# the packages whose data or behaviour the rules' findings follow: names, words, phone numbers,
# bank and citizen service numbers, typo distances
LEXICON_PACKAGES = ("deduce", "wordfreq", "phonenumbers", "python-stdnum", "rapidfuzz")
# what the rules run, in the package: their code, the finders and word tools they share, the
# engine that masks excerpts and the shipped data (the sentence classifier, the protocol)
RULE_CODE = ("rules", "nlp", "data", "engine.py", "redact.py", "models.py")
CODE_SUFFIXES = (".py", ".toml", ".json", ".msgpack", ".txt")


def _sha(parts: Any) -> str:
    raw = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def lexicon_digest() -> str:
    """The word lists the rules read: auditor's own files, the school's own folder
    (`[lexicons] dir`) and the versions of the packages the name lists come from."""
    digest = hashlib.sha256()
    shipped = resources.files("auditor.lexicons")
    for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".txt", ".toml")):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    folder = school_lexicons()
    if folder is not None and folder.is_dir():
        digest.update(b"school\0")
        for path in sorted([*folder.glob("*.txt"), *folder.glob("*.toml")]):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in LEXICON_PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{package}={version}\0".encode())
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """The code and data files the rules run (`RULE_CODE`): a rule changed without raising its
    `version`, or a retrained classifier, still re-audits every post. Read once a process."""
    return files_digest(resources.files("auditor"), RULE_CODE)


def files_digest(root: Traversable, names: Sequence[str]) -> str:
    """A digest of the files `names` under `root` (folders read whole, caches skipped)."""
    digest = hashlib.sha256()
    for name in names:
        for path, data in _files(root / name, name):
            digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def _files(entry: Traversable, path: str) -> list[tuple[str, bytes]]:
    if entry.is_file():
        return [(path, entry.read_bytes())] if path.endswith(CODE_SUFFIXES) else []
    if not entry.is_dir() or entry.name == "__pycache__":
        return []
    children = sorted(entry.iterdir(), key=lambda e: e.name)
    return [found for child in children for found in _files(child, f"{path}/{child.name}")]


def ruleset_digest(engine: Engine, detector: str = "", rules: Sequence[Rule] | None = None) -> str:
    """One digest of everything besides the post that decides the findings of an audit, for
    `rules` (default: all of the engine's; a post's are the rules that apply to it)."""
    return _rules_part(
        _common_part(engine, detector), engine, engine.rules if rules is None else rules
    )


def _common_part(engine: Engine, detector: str) -> str:
    return _sha(
        {
            "package": __version__,
            "code": code_digest(),
            "context": dataclasses.asdict(engine.ctx),
            "lexicons": lexicon_digest(),
            "key": hashlib.sha256(engine.key).hexdigest(),
            "detector": detector,
        }
    )


def _rules_part(common: str, engine: Engine, rules: Sequence[Rule]) -> str:
    return _sha(
        {
            "common": common,
            "rules": [[r.id, r.version] for r in rules],
            "severities": {r.id: engine.severities.get(r.id, r.severity).value for r in rules},
        }
    )


class PostRulesetDigests:
    """The rule-set digest of each post: of the rules that apply to its platform and kind, so
    a change of a rule re-audits the posts that rule reads and no others."""

    def __init__(self, engine: Engine, detector: str = "") -> None:
        self._engine = engine
        self._common = _common_part(engine, detector)
        self._by_kind: dict[tuple[str, str], str] = {}

    def __call__(self, post: Post) -> str:
        key = (post.platform.value, post.kind.value)
        found = self._by_kind.get(key)
        if found is None:
            rules = self._engine.rules_for(post)
            found = self._by_kind[key] = _rules_part(self._common, self._engine, rules)
        return found

    def of_kind(self, platform: Platform, kind: str) -> str:
        """The digest for a post of `platform` stored with `kind` (a `PostKind` value)."""
        found = self._by_kind.get((platform.value, kind))
        if found is None:
            stand_in = Post(platform, "", datetime.min.replace(tzinfo=UTC), "", PostKind(kind))
            found = self(stand_in)
        return found


def post_ruleset_digests(engine: Engine, detector: str = "") -> PostRulesetDigests:
    """The rule-set digest of each post (`PostRulesetDigests`)."""
    return PostRulesetDigests(engine, detector)


def post_input_digest(post: Post, identity: str | None) -> str:
    """A digest of what the rules see of `post` (not where its files happen to lie).

    The repr of a tuple of strings, numbers and None is unambiguous and about ten times
    cheaper than a JSON dump; this runs once per post on every re-audit.
    """
    parts = (
        post.platform.value,
        post.external_id,
        identity or "",
        post.created_at.isoformat(),
        post.text,
        post.kind.value,
        post.account,
        post.reply_to,
        post.reply_to_id,
        post.reply_to_name,
        post.author_is_account,
        tuple((m.kind.value, m.name, m.sha256, m.missing, m.path is None) for m in post.media),
        tuple(post.hashtags),
        tuple(post.mentions),
        _sha(dataclasses.asdict(post.chat)) if post.chat is not None else None,
    )
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
