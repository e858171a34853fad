"""Start-up of a command loads only what every run needs: the HTTP client, the image stack and
the migration tool are imported where they are used (issue 17: start-up of `auditor check`
and of every audit)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

# what `auditor audit --archive` and `auditor check` import before they read a post
STARTUP = (
    "auditor.cli",
    "auditor.commands.audit",
    "auditor.commands.check",
    "auditor.archives",
    "auditor.pipeline",
    "auditor.sources",
)


@pytest.mark.parametrize("heavy", ["requests", "alembic", "cv2", "numpy", "onnxruntime"])
def test_a_command_starts_without_importing(heavy: str) -> None:
    assert not imports(STARTUP, heavy)


# what `auditor check` imports before it checks a draft: no archive, no database, no web site
CHECK = ("auditor.cli", "auditor.commands.check", "auditor.config", "auditor.draft")


@pytest.mark.parametrize(
    "heavy", ["auditor.sources", "auditor.store", "sqlalchemy", "jinja2", "waitress"]
)
def test_a_draft_check_starts_without_importing(heavy: str) -> None:
    assert not imports(CHECK, heavy)


def imports(modules: tuple[str, ...], heavy: str) -> bool:
    """Whether importing `modules` in a fresh interpreter loads `heavy` or one of its parts."""
    loaded = f"any(m == {heavy!r} or m.startswith({heavy + '.'!r}) for m in sys.modules)"
    script = f"import sys; import {', '.join(modules)}; print({loaded})"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    return out.stdout.strip() == "True"
