"""Runs an N-way comparison off the GUI thread: read every article once, then ``compare_many``.

Like ``CompareController`` for two: each request has an id, a newer one cancels the older, stale
results are dropped, a job never touches widgets and turns every exception into ``failed(str)``.
The pairwise comparisons run on worker processes when the articles are long enough to pay for
them (``core.nway.pairs``).

Imports: PySide6.QtCore, core, gui.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.errors import ArticleComparerError, Cancelled
from core.nway import NWayComparison, compare_many
from core.parallel import cores
from gui.compare_controller import read_source
from gui.comparison_model import Source

log = logging.getLogger(__name__)

_PROGRESS_INTERVAL = 0.05


class _Signals(QObject):
    progressed = Signal(int, float)
    finished = Signal(int, object, object)  # request id, NWayComparison, sources
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(
        self,
        request_id: int,
        sources: tuple[Source, ...],
        cancel: threading.Event,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._sources, self._cancel, self._signals = request_id, sources, cancel, signals
        self._last = 0.0

    def _progress(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL or fraction >= 1.0:
            self._last = now
            self._signals.progressed.emit(self._id, 0.1 + 0.9 * fraction)

    def run(self) -> None:
        try:
            docs = []
            for k, source in enumerate(self._sources):
                if self._cancel.is_set():
                    raise Cancelled()
                docs.append(read_source(source))
                self._signals.progressed.emit(self._id, 0.1 * (k + 1) / len(self._sources))
            nway = compare_many(
                docs, progress=self._progress, should_cancel=self._cancel.is_set, jobs=cores()
            )
            self._signals.finished.emit(self._id, nway, self._sources)
        except Cancelled:
            self._signals.cancelled.emit(self._id)
        except ArticleComparerError as e:
            self._signals.failed.emit(self._id, str(e))
        except Exception as e:  # a bug in core must not take the window down
            log.exception("N-way comparison failed")
            self._signals.failed.emit(self._id, f"internal error: {type(e).__name__}: {e}")


class NWayController(QObject):
    """Starts N-way comparisons, reports progress, delivers only the latest result."""

    started = Signal()
    progressed = Signal(float)
    comparison_ready = Signal(object, object)  # NWayComparison, tuple of Sources
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._on_job_progressed)
        self._signals.finished.connect(self._on_job_finished)
        self._signals.failed.connect(self._on_job_failed)
        self._signals.cancelled.connect(self._on_job_cancelled)
        self._request_id = 0
        self._cancel: threading.Event | None = None
        self.busy = False

    def request(self, sources: tuple[Source, ...]) -> int:
        self.cancel()
        self._request_id += 1
        self._cancel = threading.Event()
        self.busy = True
        self._pool.start(_Job(self._request_id, sources, self._cancel, self._signals))
        self.started.emit()
        return self._request_id

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, msecs: int = 10_000) -> bool:
        self.cancel()
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, float)
    def _on_job_progressed(self, request_id: int, fraction: float) -> None:
        if request_id == self._request_id:
            self.progressed.emit(fraction)

    @Slot(int, object, object)
    def _on_job_finished(self, request_id: int, nway: NWayComparison, sources: object) -> None:
        if request_id != self._request_id:
            return
        self.busy = False
        self.comparison_ready.emit(nway, sources)

    @Slot(int, str)
    def _on_job_failed(self, request_id: int, message: str) -> None:
        if request_id != self._request_id:
            return
        self.busy = False
        self.failed.emit(message)

    @Slot(int)
    def _on_job_cancelled(self, request_id: int) -> None:
        if request_id != self._request_id:
            return
        self.busy = False
        self.cancelled.emit()
