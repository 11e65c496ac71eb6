"""Progress and cancelling for the aligner's long steps.

Every stage works in bounded batches and calls a ``Ticker`` between them, so a window stays
responsive (progress at most every 10 ms) and a cancel is seen within one batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from core.errors import Cancelled


class Ticker:
    """Calls ``progress`` at most every 10 ms and checks ``should_cancel`` on every tick.

    The longest wait for progress is this interval plus the longest step between two ticks."""

    def __init__(
        self,
        progress: Callable[[float], None] | None,
        should_cancel: Callable[[], bool] | None,
    ) -> None:
        self._progress = progress
        self._cancel = should_cancel
        self._last = 0.0
        self.fraction = 0.0

    def __call__(self, fraction: float | None = None) -> None:
        if fraction is not None:
            self.fraction = max(self.fraction, min(1.0, fraction))
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        if self._progress is not None:
            now = time.monotonic()
            if now - self._last >= 0.01:
                self._last = now
                self._progress(self.fraction)

    def done(self) -> None:
        self.fraction = 1.0
        if self._progress is not None:
            self._progress(1.0)
