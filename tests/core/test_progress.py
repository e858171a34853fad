"""Long imports show progress on a terminal and stay quiet when piped."""

from __future__ import annotations

import io

from auditor.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal() -> None:
    stream = FakeTerminal()
    bar = Progress("auditing x.zip", total=1000, stream=stream)
    bar(500)
    bar.close()
    assert "500/1000" in stream.getvalue()


def test_progress_is_silent_when_piped() -> None:
    stream = io.StringIO()
    bar = Progress("auditing x.zip", total=1000, stream=stream)
    bar(1000)
    bar.close()
    assert stream.getvalue() == ""
