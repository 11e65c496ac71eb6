"""Runs reading and comparing off the GUI thread (CONVENTIONS.md 5 and 6).

One controller owns the jobs: each request gets an id, a newer request cancels the older one,
results of stale requests are dropped, and ``shutdown()`` waits for the pool on close. A job
never touches widgets: it reports through signals living on a separate QObject, and turns every
exception into ``failed(str)``.

Imports: PySide6.QtCore, core.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.compare import compare
from core.errors import ArticleComparerError, Cancelled
from core.fetch import read_url
from core.inputs import read_pasted
from core.model import Comparison, Document
from core.options import CompareOptions
from core.reading.dispatch import read_path
from gui.comparison_model import Source

log = logging.getLogger(__name__)

Prepare = Callable[[Comparison], object]

_PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so the event loop is not flooded


class _JobSignals(QObject):
    progressed = Signal(int, float)
    finished = Signal(int, object, object, object)  # request id, Comparison, sources, prepared
    failed = Signal(int, str)
    cancelled = Signal(int)


def read_source(
    source: Source,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """Read one side (in the worker): a file, a web page (cancellable, with progress), or
    pasted text."""
    if source.url is not None:
        return read_url(source.url, should_cancel=should_cancel, progress=progress)
    if source.path is not None:
        return read_path(source.path)
    return read_pasted(source.name, source.text, source.html)


class _CompareJob(QRunnable):
    def __init__(
        self,
        request_id: int,
        sources: tuple[Source, Source],
        cancel: threading.Event,
        signals: _JobSignals,
        prepare: Prepare | None,
        options: CompareOptions | None = None,
    ) -> None:
        super().__init__()
        self._options = options
        self._prepare = prepare
        self.setAutoDelete(True)
        self._id = request_id
        self._sources = sources
        self._cancel = cancel
        self._signals = signals
        self._last = 0.0

    def _progress(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_INTERVAL or fraction >= 1.0:
            self._last = now
            self._signals.progressed.emit(self._id, 0.1 + 0.9 * fraction)

    def _reading(self, side: int) -> Callable[[float], None]:
        """Progress of fetching one side's page: the first 10% of the bar, 5% per side."""

        def report(fraction: float) -> None:
            now = time.monotonic()
            if now - self._last >= _PROGRESS_INTERVAL:
                self._last = now
                self._signals.progressed.emit(self._id, 0.05 * (side + min(1.0, fraction)))

        return report

    def run(self) -> None:
        try:
            cancel = self._cancel.is_set
            a = read_source(self._sources[0], cancel, self._reading(0))
            if self._cancel.is_set():
                raise Cancelled()
            b = read_source(self._sources[1], cancel, self._reading(1))
            self._signals.progressed.emit(self._id, 0.1)
            comparison = compare(
                a, b, self._options, progress=self._progress, should_cancel=self._cancel.is_set
            )
            if self._cancel.is_set():
                raise Cancelled()
            prepared = self._prepare(comparison) if self._prepare is not None else None
            self._signals.finished.emit(self._id, comparison, self._sources, prepared)
        except Cancelled:
            self._signals.cancelled.emit(self._id)
        except ArticleComparerError as e:
            self._signals.failed.emit(self._id, str(e))
        except Exception as e:  # a bug in core must not take the window down
            log.exception("comparison failed")
            self._signals.failed.emit(self._id, f"internal error: {type(e).__name__}: {e}")


class CompareController(QObject):
    """Starts comparisons, reports progress, delivers only the latest result."""

    started = Signal()
    progressed = Signal(float)
    comparison_ready = Signal(object, object, object)  # Comparison, (Source, Source), prepared
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, prepare: Prepare | None = None) -> None:
        """``prepare(comparison)`` runs in the worker after compare() (e.g. to build the panes'
        offset maps off the GUI thread); its result travels with ``comparison_ready``."""
        super().__init__(parent)
        self._prepare = prepare
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _JobSignals(self)
        self._signals.progressed.connect(self._on_job_progressed)
        self._signals.finished.connect(self._on_job_finished)
        self._signals.failed.connect(self._on_job_failed)
        self._signals.cancelled.connect(self._on_job_cancelled)
        self._request_id = 0
        self._cancel: threading.Event | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def request_id(self) -> int:
        return self._request_id

    def request(self, sources: tuple[Source, Source], options: CompareOptions | None = None) -> int:
        """Start comparing ``sources`` (with ``options``, default ones if None); an earlier
        request still running is cancelled."""
        if self._cancel is not None:
            self._cancel.set()
        self._request_id += 1
        self._cancel = threading.Event()
        self._busy = True
        job = _CompareJob(
            self._request_id, sources, self._cancel, self._signals, self._prepare, options
        )
        self._pool.start(job)
        self.started.emit()
        return self._request_id

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancel what runs and wait for the pool (on window close)."""
        self.cancel()
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, float)
    def _on_job_progressed(self, request_id: int, fraction: float) -> None:
        if request_id == self._request_id:
            self.progressed.emit(fraction)

    @Slot(int, object, object, object)
    def _on_job_finished(
        self, request_id: int, comparison: Comparison, sources: object, prepared: object
    ) -> None:
        if request_id != self._request_id:
            log.debug("dropping stale result of request %d", request_id)
            return
        self._busy = False
        self.comparison_ready.emit(comparison, sources, prepared)

    @Slot(int, str)
    def _on_job_failed(self, request_id: int, message: str) -> None:
        if request_id != self._request_id:
            return
        self._busy = False
        self.failed.emit(message)

    @Slot(int)
    def _on_job_cancelled(self, request_id: int) -> None:
        if request_id != self._request_id:
            return
        self._busy = False
        self.cancelled.emit()
