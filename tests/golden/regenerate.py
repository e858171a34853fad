"""Rewrite tests/golden/findings.json from the current rules: `python -m tests.golden.regenerate`.

Run it from the repository root only when a change alters findings on purpose, and say in the
commit message which findings changed and why (review `git diff tests/golden/findings.json`).
"""

from __future__ import annotations

from tests.golden.collect import GOLDEN, collect, dumps


def regenerate() -> None:
    GOLDEN.write_text(dumps(collect()), encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    regenerate()
