"""No refactoring changes a finding: the findings on the corpora and sample archives are pinned.

When a change alters findings on purpose: `python -m tests.golden.regenerate`, then review the
diff of tests/golden/findings.json and explain it in the commit message.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import require_shared
from tests.golden.collect import (
    ARCHIVE_CONFIG,
    ARCHIVES,
    CORPORA,
    GOLDEN,
    archive_findings,
    corpus_findings,
)

HINT = "findings changed; if on purpose: python -m tests.golden.regenerate (see tests/golden)"


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_golden_file_covers_every_input(golden: dict) -> None:
    assert sorted(golden) == sorted([c[0] for c in CORPORA] + [a[0] for a in ARCHIVES])


@pytest.mark.parametrize("name,corpus,config", CORPORA, ids=[c[0] for c in CORPORA])
def test_corpus_findings_are_unchanged(name, corpus, config, golden: dict) -> None:  # type: ignore[no-untyped-def]
    require_shared(corpus)
    assert corpus_findings(corpus, config) == golden[name], HINT


@pytest.mark.parametrize("name,archive", ARCHIVES, ids=[a[0] for a in ARCHIVES])
def test_sample_archive_findings_are_unchanged(name, archive, golden: dict) -> None:  # type: ignore[no-untyped-def]
    require_shared(archive)
    assert archive_findings(archive, ARCHIVE_CONFIG) == golden[name], HINT
