"""`auditor check`: check a draft post (and its photos) before it is published."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditor.errors import AuditorError

NAME = "check"
HELP = "Check a draft before it is posted: findings and a suggestion that complies."
PLATFORM_CHOICES = ("facebook", "twitter", "whatsapp")

TEXTS = {
    "nl": {
        "clean": "Geen bevindingen: dit concept past binnen het protocol.",
        "found": "{n} bevinding(en), {high} hoog, in dit concept ({platform}):",
        "suggestion": "Voorstel (zonder persoonsgegevens):",
        "no_suggestion": "Geen herschrijving nodig.",
        "notes": "Let op:",
        "left": "Het voorstel heeft zelf nog bevindingen: {rules}",
        "article": "artikel",
        "anonymised": "Vervaagde kopie: {path}",
    },
    "en": {
        "clean": "No findings: this draft is within the protocol.",
        "found": "{n} finding(s), {high} high, in this draft ({platform}):",
        "suggestion": "Suggestion (without personal data):",
        "no_suggestion": "Nothing to rewrite.",
        "notes": "Note:",
        "left": "The suggestion itself still has findings: {rules}",
        "article": "article",
        "anonymised": "Blurred copy: {path}",
    },
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="?",
        default="-",
        metavar="TEXT",
        help="the draft; '-' or absent: read it from standard input",
    )
    parser.add_argument(
        "--platform",
        choices=PLATFORM_CHOICES,
        default="facebook",
        help="where it will be posted (default facebook): decides the rules and articles",
    )
    parser.add_argument(
        "--image",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a photo or video that goes with the draft (repeatable): checked for faces",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default text)"
    )
    parser.add_argument(
        "--anonymise-to",
        type=Path,
        metavar="DIR",
        help="also write copies of the --image files with every face blurred into DIR",
    )
    parser.epilog = (
        "Nothing of the draft is stored or logged. exit codes: 0 nothing of high severity, "
        "1 high-severity findings, 2 bad input.\nexamples:\n"
        '  auditor check "Sanne uit groep 5 won de voorleeswedstrijd!"\n'
        "  auditor check --platform twitter --image klas.jpg --anonymise-to veilig/ < concept.txt\n"
        '  echo "Bel juf Anouk op 06-12345678" | auditor check --format json -'
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.draft import DraftChecker
    from auditor.models import Platform

    text = _read_text(args.text)
    for image in args.image:
        if not image.is_file():
            raise AuditorError(f"{image}: no such photo")
    checker = DraftChecker(app.config)
    result = checker.check(text, Platform(args.platform), args.image, args.anonymise_to)
    if args.format == "json":
        print(json.dumps(result.json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, app.config.mail.language))
    return 1 if result.high else 0


def _read_text(value: str) -> str:
    if value != "-":
        return value
    if sys.stdin is None or sys.stdin.isatty():
        raise AuditorError("no draft: give the text as an argument or on standard input")
    try:
        return sys.stdin.read()
    except UnicodeDecodeError as exc:
        raise AuditorError(f"standard input: not UTF-8 text ({exc.reason})") from exc


def render_text(result, language: str) -> str:
    t = TEXTS.get(language, TEXTS["nl"])
    lines: list[str] = []
    if not result.findings:
        lines.append(t["clean"])
    else:
        high = sum(1 for f in result.findings if f.severity.value == "high")
        lines.append(t["found"].format(n=len(result.findings), high=high, platform=result.platform))
        for f in result.findings:
            lines.append(
                f"  [{f.severity.value}] {t['article']} {f.article} · {f.rule}: {f.reason}"
            )
            lines.append(f"      {f.excerpt}")
    if result.suggestion is not None:
        lines += ["", t["suggestion"], *(f"  {line}" for line in result.suggestion.splitlines())]
    elif result.findings:
        lines += ["", t["no_suggestion"]]
    if result.notes:
        lines += ["", t["notes"], *(f"  - {n}" for n in result.notes)]
    left = [f.rule for f in result.suggestion_findings if f.category.value == "personal_data"]
    if left:
        lines.append(t["left"].format(rules=", ".join(sorted(set(left)))))
    for path in result.anonymised:
        lines.append(t["anonymised"].format(path=path))
    return "\n".join(lines)
