"""Work off the GUI thread: one job class, the controller base that runs the latest job, and
``run_blocking`` for a call the caller sees as synchronous.

``Job`` runs ``work(should_cancel, progress)`` in a thread pool and reports through signals
tagged with its generation, so that whoever started it can drop what a newer job replaced. The
work gets everything it needs as arguments and never reads a widget. ``LatestJob`` holds the
plumbing every controller shares: a newer request cancels the older one, stale reports are
dropped, and ``shutdown()`` waits for the pool on close. ``run_blocking(work, window)`` disables
the window under a wait cursor and runs a local event loop until the work is done, so a long
export (8 s for a PDF of 100k words a side) does not freeze the window.

Imports: PySide6, core.errors.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from core.errors import ArticleComparerError, Cancelled

log = logging.getLogger(__name__)

T = TypeVar("T")
ShouldCancel = Callable[[], bool]
Progress = Callable[[float], None]
JobFunction = Callable[[ShouldCancel, Progress], T]

PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so the event loop is not flooded


class JobSignals(QObject):
    """What a job reports from its worker thread, each report tagged with its generation. The
    result goes to the owner's own signal (``finish`` of ``Job``), typed with its class."""

    progressed = Signal(int, float)
    failed = Signal(int, str)
    cancelled = Signal(int)


class Job(QRunnable, Generic[T]):
    """``work(should_cancel, progress)`` in a worker thread; its result goes to ``finish``.

    A ``Cancelled`` raised by the work, or a cancel flag set by the time it returns, becomes
    ``cancelled``; an expected error becomes ``failed`` with its message, any other exception
    ``failed`` with its type (logged with its traceback): a bug must not take the window down.
    """

    def __init__(
        self,
        generation: int,
        work: JobFunction[T],
        finish: Callable[[int, T], None],
        signals: JobSignals,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._work = work
        self._finish = finish
        self._signals = signals
        self._cancel = cancel
        self._last = 0.0

    def _progress(self, fraction: float) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or fraction >= 1.0:
            self._last = now
            self._signals.progressed.emit(self._generation, fraction)

    def run(self) -> None:
        try:
            result = self._work(self._cancel.is_set, self._progress)
            if self._cancel.is_set():
                raise Cancelled()
            self._finish(self._generation, result)
        except Cancelled:
            self._signals.cancelled.emit(self._generation)
        except ArticleComparerError as e:
            self._signals.failed.emit(self._generation, str(e))
        except Exception as e:
            log.exception("background job failed")
            self._signals.failed.emit(self._generation, f"internal error: {type(e).__name__}: {e}")


def scaled(progress: Progress, start: float, width: float) -> Progress:
    """``progress`` for one stage of a job: the stage's 0..1 drawn on ``start`` to ``start +
    width`` of the whole bar."""
    return lambda fraction: progress(start + width * min(1.0, fraction))


class LatestJob(QObject):
    """Runs jobs of one kind of which only the latest counts: a new request cancels the one
    running, and what a replaced job reports is dropped. A subclass adds its typed result
    signal and hands its emitter to ``_start``."""

    started = Signal()
    progressed = Signal(float)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None, threads: int, signals: JobSignals) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._signals = signals
        signals.setParent(self)
        signals.progressed.connect(self._on_job_progressed)
        signals.failed.connect(self._on_job_failed)
        signals.cancelled.connect(self._on_job_cancelled)
        self._generation = 0
        self._cancel: threading.Event | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def request_id(self) -> int:
        """The generation of the latest request (0 before the first)."""
        return self._generation

    def _start(self, work: JobFunction[T], finish: Callable[[int, T], None]) -> int:
        self.cancel()
        self._generation += 1
        self._cancel = threading.Event()
        self._busy = True
        self._pool.start(Job(self._generation, work, finish, self._signals, self._cancel))
        self.started.emit()
        return self._generation

    def _settle(self, generation: int) -> bool:
        """Whether a report of ``generation`` counts (the latest request's); it ends the job."""
        if generation != self._generation:
            log.debug("dropping what stale request %d reported", generation)
            return False
        self._busy = False
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancel what runs and wait for the pool (on window close)."""
        self.cancel()
        return bool(self._pool.waitForDone(msecs))

    @Slot(int, float)
    def _on_job_progressed(self, generation: int, fraction: float) -> None:
        if generation == self._generation:
            self.progressed.emit(fraction)

    @Slot(int, str)
    def _on_job_failed(self, generation: int, message: str) -> None:
        if self._settle(generation):
            self.failed.emit(message)

    @Slot(int)
    def _on_job_cancelled(self, generation: int) -> None:
        if self._settle(generation):
            self.cancelled.emit()


class _Done(JobSignals):
    finished = Signal(int)


def run_blocking(work: Callable[[], T], window: QWidget) -> T:
    """``work()`` in a worker thread; the window repaints but takes no input meanwhile. Its
    result is returned, or its exception raised, in the caller's thread."""
    loop = QEventLoop()
    signals = _Done()
    # Queued: quit() runs inside loop.exec() even when the work ends before exec() starts.
    signals.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    outcome: list[Callable[[], T]] = []  # returns the result or raises the exception
    done = threading.Event()

    def capture(_cancelled: ShouldCancel, _progress: Progress) -> Callable[[], T]:
        try:
            value = work()
        except BaseException as e:  # handed to the caller's thread, raised there
            error = e

            def reraise() -> T:
                raise error

            return reraise
        return lambda: value

    def finish(generation: int, result: Callable[[], T]) -> None:
        outcome.append(result)
        done.set()
        signals.finished.emit(generation)

    focus = QApplication.focusWidget()
    window.setEnabled(False)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        QThreadPool.globalInstance().start(Job(0, capture, finish, signals, threading.Event()))
        loop.exec()
        # The application quitting ends every event loop, this one too: the work is still
        # running (a report half written to its temporary file), so let it finish.
        done.wait()
    finally:
        QGuiApplication.restoreOverrideCursor()
        window.setEnabled(True)
        if focus is not None:
            focus.setFocus()
    return outcome[0]()
