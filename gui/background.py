"""Runs one blocking call off the GUI thread while the event loop keeps the window painted.

``run_blocking(work, window)`` starts ``work()`` in the global thread pool, disables ``window``
(so nothing else starts meanwhile) under a wait cursor, runs a local event loop until the call
has finished, then returns its result or raises its exception in the caller's thread. Callers
read like a plain synchronous call, and a long export (8 s for a PDF of 100k words a side) no
longer freezes the window.

Imports: PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

T = TypeVar("T")


class _Signals(QObject):
    finished = Signal()


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], object],
        outcome: list[tuple[bool, object]],
        done: threading.Event,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self._done = done
        self.setAutoDelete(True)
        self._work = work
        self._outcome = outcome
        self._signals = signals

    def run(self) -> None:
        try:
            self._outcome.append((True, self._work()))
        except BaseException as e:  # handed to the caller's thread, raised there
            self._outcome.append((False, e))
        finally:
            self._done.set()
            self._signals.finished.emit()


def run_blocking(work: Callable[[], T], window: QWidget) -> T:
    """``work()`` in a worker thread; the window repaints but takes no input meanwhile."""
    loop = QEventLoop()
    signals = _Signals()
    # Queued: quit() runs inside loop.exec() even when the work ends before exec() starts.
    signals.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    outcome: list[tuple[bool, object]] = []
    done = threading.Event()
    focus = QApplication.focusWidget()
    window.setEnabled(False)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        QThreadPool.globalInstance().start(_Job(work, outcome, done, signals))
        loop.exec()
        # The application quitting ends every event loop, this one too: the work is still
        # running (a report half written to its temporary file), so let it finish.
        done.wait()
    finally:
        QGuiApplication.restoreOverrideCursor()
        window.setEnabled(True)
        if focus is not None:
            focus.setFocus()
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
