"""Progress and cancelling for one run: a ``Work`` made once by compare() and handed down.

Long steps call ``work.check()`` between small pieces of work, however often (it costs a clock
read): at most every 10 ms it asks ``should_cancel`` (raising ``Cancelled``) and reports the
bar, so a window stays responsive and a cancel is seen within one piece of work. The bar is cut
into named stages whose shares of their enclosing stage are ``SHARES``, the time each stage took
on the benchmark pairs (``benchmarks/progress_accuracy.py --calibrate`` measures them), so the
bar moves with elapsed time rather than with counted steps. Inside a stage, ``advance(fraction)``
moves the bar through the stage's range, never backwards. ``paced`` and ``release`` walk and
free long lists in pieces with a check between.

Imports: standard library and core.errors only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from core.errors import Cancelled

_T = TypeVar("_T")

#: each stage's share of the stage it runs in (the run is the outermost), measured on the 10k,
#: 100k and 1M-word benchmark pairs; a stage's parts need not fill it (the rest is its own work)
SHARES: dict[str, float] = {
    # compare()
    "align": 0.45,
    "word diff": 0.17,
    "coverage": 0.02,
    "facts": 0.35,
    "summary": 0.01,
    # align
    "terms": 0.44,
    "sides": 0.03,
    "candidates": 0.28,
    "scoring": 0.16,
    "linking": 0.09,
    # facts
    "mentions of a": 0.43,
    "mentions of b": 0.42,
    "matching": 0.15,
    # the mentions of one article
    "dates": 0.12,
    "numbers": 0.61,
    "names": 0.25,
    "quotes": 0.02,
}


def no_check() -> None:
    """The check of work nobody watches: never cancels, reports nothing."""


def paced(items: Iterable[_T], check: Callable[[], None], every: int = 512) -> Iterator[_T]:
    """``items`` as they are, with ``check()`` run every ``every`` items (a short sequence is
    iterated directly after one ``check()``: no generator step per item)."""
    seq = items if isinstance(items, list | tuple) else list(items)
    if len(seq) <= every:
        check()
        return iter(seq)
    return _paced(seq, check, every)


def _paced(seq: Sequence[_T], check: Callable[[], None], every: int) -> Iterator[_T]:
    for k in range(0, len(seq), every):
        check()
        yield from seq[k : k + every]


def release(items: list[Any], check: Callable[[], None], chunk: int = 4096) -> None:
    """Empty ``items`` a chunk at a time, checking between: freeing a million small objects in
    one go holds the GIL for tens of milliseconds."""
    while items:
        check()
        del items[-chunk:]


class Work:
    """One run's cancel check and progress bar (see the module docstring).

    ``seconds`` records how long each stage took, for the calibration of ``SHARES``.
    """

    __slots__ = (
        "_cancel",
        "_interval",
        "_lo",
        "_next",
        "_progress",
        "_shown",
        "_span",
        "_stage",
        "bar",
        "seconds",
    )

    def __init__(
        self,
        progress: Callable[[float], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
        interval: float = 0.01,
    ) -> None:
        self._progress = progress
        self._cancel = should_cancel
        self._interval = interval
        self._next = 0.0  # the first check asks at once
        self._lo, self._span = 0.0, 1.0  # the current stage's range on the bar
        self._stage = ""  # its name ("" for the whole run)
        self.bar = 0.0
        self._shown = 0.0  # the bar as last reported
        self.seconds: list[tuple[str, str, float]] = []  # (stage, enclosing stage, seconds)

    def check(self) -> None:
        """Ask ``should_cancel`` and report the bar when 10 ms have passed since the last ask."""
        now = time.perf_counter()
        if now < self._next:
            return
        self._next = now + self._interval
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        if self._progress is not None:
            self._shown = self.bar
            self._progress(self.bar)

    def _moved(self) -> None:
        """Report at the next check once the bar has moved a point: a stage ending just after a
        report would otherwise show its old reading through the next stage's first step."""
        if self.bar - self._shown >= 0.01:
            self._next = 0.0

    def advance(self, fraction: float) -> None:
        """Move the bar to ``fraction`` (0 to 1) of the current stage, then ``check()``."""
        bar = self._lo + self._span * min(1.0, fraction)
        if bar > self.bar:
            self.bar = bar
            self._moved()
        self.check()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """A named part of the current stage: it takes ``SHARES[name]`` of the current stage's
        range, from where the bar is; the bar is at its end when it is left."""
        outer = self._lo, self._span, self._stage
        self._lo, self._span, self._stage = self.bar, outer[1] * SHARES[name], name
        started = time.perf_counter()
        try:
            yield
        finally:
            self.bar = max(self.bar, min(1.0, self._lo + self._span))
            self._lo, self._span, self._stage = outer
            self.seconds.append((name, outer[2], time.perf_counter() - started))
        self._moved()
        self.check()

    def done(self) -> None:
        """The bar at 100%, reported at once."""
        self.bar = 1.0
        if self._progress is not None:
            self._progress(1.0)
