"""CI runs the tests that need ../shared: missing, they skip locally but fail in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, require_shared


def test_missing_shared_skips_locally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match="is not beside the repo"):
        require_shared(tmp_path / "shared")


def test_missing_shared_fails_when_ci_requires_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITOR_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="AUDITOR_REQUIRE_SHARED is set"):
        require_shared(tmp_path / "shared")


def test_ci_requires_shared_and_postgresql() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "export AUDITOR_REQUIRE_SHARED=1" in script
    assert "export AUDITOR_REQUIRE_PG=1" in script
