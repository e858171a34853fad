"""A progress bar on a terminal (count of total, percentage, rate, time left); silence when the
output is piped or redirected, so scripts and logs get only the summary."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

REDRAW_SECONDS = 0.2
BAR_WIDTH = 24


def duration(seconds: float) -> str:
    """0:07, 3:25, 1:02:03."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_line(
    label: str, done: int, total: int | None, elapsed: float, unit: str, final: bool = False
) -> str:
    """`auditing x.zip [#####.....]  500/1,000  50%  120 posts/s  0:04 left` (pure)."""
    rate = done / elapsed if elapsed > 0 else 0.0
    speed = f"{rate:,.0f} {unit}/s" if rate >= 1 else f"{rate:.1f} {unit}/s"
    if total:
        share = min(done / total, 1.0)
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        parts = [f"{label} [{bar}]", f"{done:,}/{total:,}", f"{share:4.0%}", speed]
        if final:
            parts.append(f"in {duration(elapsed)}")
        elif rate > 0 and done < total:
            parts.append(f"{duration((total - done) / rate)} left")
    else:
        parts = [label, f"{done:,} {unit}", speed]
        if final:
            parts.append(f"in {duration(elapsed)}")
    return "  ".join(parts)


class Progress:
    """Call it with the number of items just done; `close()` draws the final line."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        unit: str = "posts",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self.total = total
        self.unit = unit
        self.done = 0
        self._clock = clock
        self._start = clock()
        self._last = float("-inf")
        self._width = 0

    def __call__(self, n: int = 1) -> None:
        self.done += n
        now = self._clock()
        if self.enabled and now - self._last >= REDRAW_SECONDS:
            self._last = now
            self._draw(now)

    def _draw(self, now: float, final: bool = False) -> None:
        text = progress_line(
            self.label, self.done, self.total, now - self._start, self.unit, final=final
        )
        columns = shutil.get_terminal_size((100, 20)).columns - 1
        text = text[:columns]
        self.stream.write("\r" + text + " " * max(0, self._width - len(text)))
        self._width = len(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self._draw(self._clock(), final=True)
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False
