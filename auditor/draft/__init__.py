"""Check a draft before it is posted: the rules on text and photos, and a compliant suggestion.

One service for the command line (`auditor check`) and the review site (`auditor serve`).
Nothing of the draft is stored or logged: no database is opened (fingerprints use a throw-away
key), photos are read from where the caller put them, and the result lives only in memory.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.draft.suggest import SchoolContact, Suggestion, drop_sentences, pd_kind, suggest
from auditor.models import Finding, Media, MediaKind, Platform, Post, PostKind, Severity

if TYPE_CHECKING:
    from auditor.config import Config
    from auditor.engine import Engine

PLATFORMS = (Platform.FACEBOOK, Platform.TWITTER, Platform.WHATSAPP)
MAX_ROUNDS = 3


@dataclass(frozen=True)
class DraftResult:
    """What a draft check found, and the suggestion (None: nothing needs rewriting)."""

    text: str
    platform: Platform
    findings: tuple[Finding, ...]
    suggestion: str | None
    notes: tuple[str, ...] = ()
    suggestion_findings: tuple[Finding, ...] = ()  # what the rules still say about it
    anonymised: tuple[Path, ...] = field(default=())

    @property
    def high(self) -> bool:
        return any(f.severity == Severity.HIGH for f in self.findings)

    def json(self) -> dict[str, Any]:
        """The contract of `auditor check --format json`."""
        return {
            "findings": [finding_json(f) for f in self.findings],
            "suggestion": self.suggestion,
            "notes": list(self.notes),
        }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "category": finding.category.value,
        "article": finding.article,
        "severity": finding.severity.value,
        "excerpt": finding.excerpt,
        "reason": finding.reason,
        "span": ({"start": finding.span.start, "end": finding.span.end} if finding.span else None),
    }


class DraftChecker:
    """Checks drafts with the configured rules. Build once (the rules load once), check often."""

    def __init__(self, config: Config) -> None:
        from auditor.engine import Engine, select_rules
        from auditor.rules import all_rules

        self.config = config
        rules = select_rules(all_rules(), config.rules.enable, config.rules.disable)
        # a fresh random key: fingerprints of drafts are never stored or compared
        self.engine: Engine = Engine(
            rules, config.rule_context(), os.urandom(32), config.severities()
        )
        allow = config.allow
        self.school = SchoolContact(
            name=config.school.name,
            phone=allow.phones[0] if allow.phones else "",
            email=allow.emails[0] if allow.emails else "",
            iban=allow.ibans[0] if allow.ibans else "",
        )
        self.language = config.mail.language

    def findings(
        self, text: str, platform: Platform, media: tuple[Media, ...] = ()
    ) -> tuple[Finding, ...]:
        post = Post(
            platform=platform,
            external_id="draft",
            created_at=datetime.now(UTC),
            text=text,
            kind=PostKind.POST,
            media=media,
        )
        return tuple(self.engine.audit(post).findings)

    def check(
        self,
        text: str,
        platform: Platform = Platform.FACEBOOK,
        images: Sequence[Path] = (),
        anonymise_to: Path | None = None,
    ) -> DraftResult:
        media = tuple(self._media(path) for path in images)
        findings = self.findings(text, platform, media)
        anonymised = tuple(self._anonymise(images, anonymise_to)) if anonymise_to else ()
        suggestion, left = self.suggestion(text, platform, findings)
        return DraftResult(
            text=text,
            platform=platform,
            findings=findings,
            suggestion=suggestion.text if suggestion.changed else None,
            notes=suggestion.notes,
            suggestion_findings=left,
            anonymised=anonymised,
        )

    def suggestion(
        self, text: str, platform: Platform, findings: Sequence[Finding]
    ) -> tuple[Suggestion, tuple[Finding, ...]]:
        """Rewrite until the rules find no personal data in the text any more."""
        current = suggest(text, findings, self.school, self.language)
        if not current.changed:
            return current, ()
        notes = list(current.notes)
        left: tuple[Finding, ...] = ()
        for _ in range(MAX_ROUNDS):
            left = self.findings(current.text, platform)
            personal = [f for f in left if pd_kind(f)]
            if not personal:
                break
            again = suggest(current.text, personal, self.school, self.language)
            if not again.changed:
                break
            notes += [n for n in again.notes if n not in notes]
            current = Suggestion(again.text, tuple(notes), changed=True)
        personal = [f for f in left if pd_kind(f)]
        if personal:
            spans = [f.span for f in personal if f.span]
            last = drop_sentences(current.text, spans, self.language)
            notes += [n for n in last.notes if n not in notes]
            current = Suggestion(last.text, tuple(notes), changed=True)
            left = self.findings(current.text, platform)
        return current, left

    def _media(self, path: Path) -> Media:
        from auditor.images import analyse_file
        from auditor.images.frames import VIDEO_SUFFIXES

        kind = MediaKind.VIDEO if path.suffix.lower() in VIDEO_SUFFIXES else MediaKind.PHOTO
        analysis = analyse_file(path, self.config.images)
        return Media(kind=kind, name=path.name, path=path, analysis=analysis)

    def _anonymise(self, images: Sequence[Path], folder: Path) -> list[Path]:
        from auditor.images import anonymise_file

        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for path in images:
            target = folder / path.name
            if target.resolve() == path.resolve():
                target = folder / f"{path.stem}.anonymised{path.suffix}"
            anonymise_file(path, target, self.config.images)
            written.append(target)
        return written
