"""Types are checked by mypy in CI (`.ci/run`: `mypy auditor`, configured in pyproject.toml):
at most 15 `# type: ignore` in the package, each narrowed to an error code and with its reason
in a comment on the line or just above."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO

IGNORE = re.compile(r"#\s*type:\s*ignore(\[[a-z-, ]+\])?")


def _ignores() -> list[tuple[str, int, list[str]]]:
    found = []
    for path in sorted((REPO / "auditor").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if IGNORE.search(line):
                found.append((f"{path.relative_to(REPO)}:{number + 1}", number, lines))
    return found


def test_at_most_15_type_ignores_in_the_package() -> None:
    assert len(_ignores()) <= 15


def test_every_type_ignore_names_its_error_and_says_why() -> None:
    for where, number, lines in _ignores():
        match = IGNORE.search(lines[number])
        assert match and match.group(1), f"{where}: name the error code, e.g. [arg-type]"
        before = lines[number][: match.start()]
        reason = "#" in before or lines[number - 1].strip().startswith("#")
        assert reason, f"{where}: say why in a comment"


def test_mypy_is_configured_and_run_in_ci() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["mypy"]["files"] == ["auditor"]
    assert any(d.startswith("mypy") for d in config["project"]["optional-dependencies"]["dev"])
    assert "mypy auditor" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
