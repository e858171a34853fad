"""Done-when check of the foundation: archives built from the labelled corpus, audited through
the CLI, find the corpus's labelled problems, and re-runs are idempotent."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from auditor.cli import main
from tests.conftest import require_shared

REPO = Path(__file__).resolve().parents[2]
CATEGORY_OF_LABEL = {
    "personal_data": "personal_data",
    "commercial": "commercial",
    "personal_title": "personal_title",
    "reply_to_parent": "reply_to_parent",
}


def build(corpus: Path, out: Path, fmt: str) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "make_archive.py"),
            str(corpus),
            str(out),
            "--format",
            fmt,
        ],
        check=True,
        capture_output=True,
    )
    return out


def expected(row: dict) -> set[str]:
    labels = row["labels"]
    found = {"personal_data"} if labels["personal_data"] else set()
    found |= {k for k in ("commercial", "personal_title", "reply_to_parent") if labels[k]}
    return found


def utc_key(value: str) -> str:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture(scope="module")
def audited(tmp_path_factory, request) -> tuple[list[dict], list[dict], tuple[int, int]]:  # type: ignore[no-untyped-def]
    shared = REPO.parent / "shared"
    corpus = shared / "corpus" / "posts.jsonl"
    require_shared(corpus)
    tmp = tmp_path_factory.mktemp("corpus")
    url = f"sqlite:///{tmp / 'corpus.db'}"
    config = tmp / "auditor.toml"
    config.write_text(
        "[allow]\n"
        'phones = ["0571-27 64 18", "0529-48 22 07", "0172-61 53 20"]\n'
        'emails = ["administratie@cbsdewegwijzer.nl", "info@klavertje-nieuwleusen.nl",'
        ' "mr@obsdezonnewijzer.nl"]\n'
        'ibans = ["NL09 RABO 0343 8487 91", "NL14 ABNA 0789 3059 92", "NL87 INGB 0002 7440 39"]\n'
        f'[database]\nurl = "{url}"\n',
        encoding="utf-8",
    )
    codes = []
    for fmt in ("twitter", "facebook"):
        archive = build(corpus, tmp / f"{fmt}.zip", fmt)
        codes.append(main(["--config", str(config), "audit", "--archive", str(archive)]))
    first = _findings(config)
    rerun = [
        main(["--config", str(config), "audit", "--archive", str(tmp / f"{f}.zip")])
        for f in ("twitter", "facebook")
    ]
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert codes == rerun == [1, 1]
    return rows, first, (len(first), len(_findings(config)))


def _findings(config: Path) -> list[dict]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["--config", str(config), "findings", "--format", "json"])
    return json.loads(out.getvalue())


def test_rerun_of_both_archives_adds_no_findings(audited) -> None:  # type: ignore[no-untyped-def]
    _, _, (before, after) = audited
    assert before == after > 0


def test_labelled_problems_are_found_per_category(audited) -> None:  # type: ignore[no-untyped-def]
    rows, findings, _ = audited
    by_post: dict[tuple[str, str], set[str]] = {}
    for f in findings:
        key = (f["post"]["platform"], utc_key(f["post"]["created_at"]))
        by_post.setdefault(key, set()).add(f["category"])
    recall = {}
    for category in CATEGORY_OF_LABEL.values():
        positives = [r for r in rows if category in expected(r)]
        hits = [
            r
            for r in positives
            if category in by_post.get((r["platform"], utc_key(r["created_at"])), set())
        ]
        recall[category] = len(hits) / len(positives)
    clean = [r for r in rows if not expected(r)]
    flagged = [r for r in clean if by_post.get((r["platform"], utc_key(r["created_at"])))]
    false_alarm = len(flagged) / len(clean)
    print(f"recall per category {recall}, clean posts flagged {false_alarm:.1%}")
    assert min(recall.values()) >= 0.9, recall
    assert false_alarm <= 0.10
