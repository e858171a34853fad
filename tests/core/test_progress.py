"""Long imports show a real progress bar on a terminal and stay quiet when piped."""

from __future__ import annotations

import io

import pytest

from auditor.progress import Progress, duration, progress_line


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_count_of_total_percentage_rate_and_time_left() -> None:
    stream, clock = FakeTerminal(), Clock()
    bar = Progress("auditing x.zip", total=1000, stream=stream, clock=clock)
    clock.now += 4
    bar(500)
    line = stream.getvalue().rsplit("\r", 1)[-1]
    assert "[############............]" in line
    assert "500/1,000" in line and " 50%" in line and "125 posts/s" in line
    assert "0:04 left" in line


def test_the_final_line_says_how_long_it_took() -> None:
    stream, clock = FakeTerminal(), Clock()
    bar = Progress("auditing x.zip", total=1000, stream=stream, clock=clock)
    clock.now += 65
    bar(1000)
    bar.close()
    last = stream.getvalue().rstrip("\n").rsplit("\r", 1)[-1]
    assert "1,000/1,000" in last and "100%" in last and "in 1:05" in last
    assert stream.getvalue().endswith("\n")


def test_redraws_are_throttled() -> None:
    stream, clock = FakeTerminal(), Clock()
    bar = Progress("x", total=10_000, stream=stream, clock=clock)
    for _ in range(1000):
        bar(1)  # the clock does not move: one draw only
    assert stream.getvalue().count("\r") == 1


def test_an_unknown_total_shows_count_and_rate() -> None:
    assert progress_line("live: school-x", 300, None, 10, "posts") == (
        "live: school-x  300 posts  30 posts/s"
    )


def test_a_shrinking_line_leaves_no_old_characters() -> None:
    stream, clock = FakeTerminal(), Clock()
    bar = Progress("x", total=100_000, stream=stream, clock=clock)
    clock.now += 1
    bar(1)
    clock.now += 10_000
    bar(99_999)
    first, second = stream.getvalue().split("\r")[1:]
    assert len(second) >= len(first)


def test_progress_is_silent_when_piped() -> None:
    stream = io.StringIO()
    bar = Progress("auditing x.zip", total=1000, stream=stream)
    bar(1000)
    bar.close()
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("seconds", "shown"), [(7, "0:07"), (205, "3:25"), (3723, "1:02:03"), (-3, "0:00")]
)
def test_durations(seconds: float, shown: str) -> None:
    assert duration(seconds) == shown
