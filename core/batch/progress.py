"""How far a batch run is: done and failed counts, items per second, time left.

Pure arithmetic on a clock the caller passes, so it is tested without waiting; the CLI prints
``line()`` on stderr.

Imports: standard library only.
"""

from __future__ import annotations

import time
from collections.abc import Callable

_BAR = 24


def duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h10m``."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Progress:
    """Counts finished items of ``total`` since ``start`` (items skipped on resume not counted)."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self._clock = clock
        self._start = clock()

    def add(self, ok: bool) -> None:
        self.done += 1
        if not ok:
            self.failed += 1

    @property
    def elapsed(self) -> float:
        return self._clock() - self._start

    @property
    def rate(self) -> float:
        """Items per second so far (0 before the first)."""
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 and self.done else 0.0

    @property
    def eta(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None

    def line(self) -> str:
        fraction = self.done / self.total if self.total else 1.0
        filled = round(_BAR * fraction)
        eta = self.eta
        parts = [
            f"[{'#' * filled}{'.' * (_BAR - filled)}] {self.done}/{self.total} ({fraction:.0%})",
            f"{self.rate:.1f} items/s",
            "ETA " + (duration(eta) if eta is not None else "--"),
        ]
        if self.failed:
            parts.append(f"{self.failed} failed")
        return " · ".join(parts)
