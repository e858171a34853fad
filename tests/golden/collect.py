"""The findings the golden file pins: every labelled corpus through the engine, every sample
archive through `auditor audit`, each with a fixed config.

A finding is kept as what a user sees of it (rule, article, severity, post, span, masked
excerpt, reason); fingerprints, database ids and timestamps are left out, as they depend on the
key and the moment. See README.md next to this file for how to regenerate the golden file.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditor import config as config_module
from auditor.cli import main
from auditor.engine import Engine, select_rules
from auditor.evaluation import load_corpus
from auditor.rules import all_rules

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
GOLDEN = HERE / "findings.json"

# (name in the golden file, corpus, config)
CORPORA = (
    ("shared/corpus/posts.jsonl", SHARED / "corpus" / "posts.jsonl", HERE / "shared-corpus.toml"),
    (
        "bench/corpus/independent.jsonl",
        REPO / "bench" / "corpus" / "independent.jsonl",
        REPO / "bench" / "corpus" / "auditor.toml",
    ),
    (
        "bench/corpus2/posts.jsonl",
        REPO / "bench" / "corpus2" / "posts.jsonl",
        REPO / "bench" / "corpus2" / "auditor.toml",
    ),
)
WHATSAPP_CHAT = "WhatsApp-chat met Ouders groep 6.txt"  # invented, for the article 3 rules
ARCHIVES = (
    ("examples/twitter-archive-sample.zip", REPO / "examples" / "twitter-archive-sample.zip"),
    ("examples/facebook-export-sample.zip", REPO / "examples" / "facebook-export-sample.zip"),
    (f"tests/golden/{WHATSAPP_CHAT}", HERE / WHATSAPP_CHAT),
    (
        "shared/fixtures/whatsapp/test_ddmmyy_24hrs.txt",
        SHARED / "fixtures" / "whatsapp" / "test_ddmmyy_24hrs.txt",
    ),
)
ARCHIVE_CONFIG = REPO / "examples" / "auditor.toml"
KEPT = ("rule", "article", "severity", "span", "excerpt", "reason")


def _sorted(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """By post, rule and place, so a diff of the golden file reads post by post."""
    return sorted(
        findings,
        key=lambda f: (f["post"], f["rule"], f["span"] or [-1, -1], _line(f)),
    )


def _line(finding: dict[str, Any]) -> str:
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def corpus_findings(corpus: Path, config_file: Path) -> list[dict[str, Any]]:
    """Every finding of the enabled rules on a labelled corpus, as `auditor eval` runs them."""
    config = config_module.load(config_file, env={})
    rules = select_rules(all_rules(), config.rules.enable, config.rules.disable)
    engine = Engine(rules, config.rule_context(), key=b"golden", severities=config.severities())
    out = [
        {
            "post": item.post.external_id,
            "rule": f.rule,
            "article": f.article,
            "severity": f.severity.value,
            "span": [f.span.start, f.span.end] if f.span else None,
            "excerpt": f.excerpt,
            "reason": f.reason,
            "media_index": f.media_index,
        }
        for item in load_corpus(corpus)
        for f in engine.audit(item.post).findings
    ]
    return _sorted(out)


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def archive_findings(archive: Path, config_file: Path) -> list[dict[str, Any]]:
    """Every finding `auditor audit --archive` stores for one archive (images analysed too)."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'golden.db'}"
        with _environment(AUDITOR_DATABASE_URL=url, AUDITOR_SECRET_KEY="golden"):
            cwd = Path.cwd()
            os.chdir(tmp)  # media copies and reports land in the temporary folder
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    code = main(["--config", str(config_file), "audit", "--archive", str(archive)])
                if code not in (0, 1):
                    raise RuntimeError(f"auditing {archive} exited with {code}")
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    main(["--config", str(config_file), "findings", "--format", "json"])
            finally:
                os.chdir(cwd)
    rows = json.loads(out.getvalue())
    findings = []
    for row in rows:
        kept = {key: row[key] for key in KEPT}
        span = row["span"]
        kept["span"] = [span["start"], span["end"]] if span else None
        kept["post"] = row["post"]["external_id"]
        kept["media_faces"] = row["media"]["faces"] if row["media"] else None
        findings.append(kept)
    return _sorted(findings)


def collect() -> dict[str, list[dict[str, Any]]]:
    """The findings of every corpus and sample archive, keyed by its path."""
    if not SHARED.exists():
        raise FileNotFoundError(f"{SHARED}: the shared corpus must be beside the repo")
    result = {name: corpus_findings(path, cfg) for name, path, cfg in CORPORA}
    for name, path in ARCHIVES:
        result[name] = archive_findings(path, ARCHIVE_CONFIG)
    return result


def dumps(findings: dict[str, list[dict[str, Any]]]) -> str:
    """The golden file: valid JSON with one finding per line."""
    blocks = []
    for name in sorted(findings):
        lines = ",\n".join(f"  {_line(f)}" for f in findings[name])
        blocks.append(f"{json.dumps(name)}: [\n{lines}\n]" if lines else f"{json.dumps(name)}: []")
    return "{\n" + ",\n".join(blocks) + "\n}\n"
