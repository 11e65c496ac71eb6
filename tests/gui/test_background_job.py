"""``Job`` and ``LatestJob``: one job class for every background task, only the latest counts."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from core.errors import ArticleComparerError, Cancelled
from gui.background import JobSignals, LatestJob, Progress, ShouldCancel


class _Signals(JobSignals):
    finished = Signal(int, int)


class _Doubler(LatestJob):
    ready = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        signals = _Signals()
        super().__init__(parent, 2, signals)
        signals.finished.connect(self._on_job_finished)
        self._finished = signals.finished

    def request(self, value: int, gate: threading.Event | None = None) -> int:
        def work(should_cancel: ShouldCancel, progress: Progress) -> int:
            if gate is not None:
                gate.wait(10)
            if value < 0:
                raise ArticleComparerError("negative")
            if value == 0:
                raise ZeroDivisionError("zero")
            if should_cancel():
                raise Cancelled()
            progress(1.0)
            return value * 2

        return self._start(work, lambda generation, result: self._finished.emit(generation, result))

    @Slot(int, int)
    def _on_job_finished(self, generation: int, result: int) -> None:
        if self._settle(generation):
            self.ready.emit(result)


def test_result_error_and_bug_each_reach_their_signal(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = _Doubler()
    with qtbot.waitSignal(jobs.ready, timeout=10_000) as ready:
        jobs.request(21)
    assert ready.args == [42] and not jobs.busy
    with qtbot.waitSignal(jobs.failed, timeout=10_000) as failed:
        jobs.request(-1)
    assert failed.args == ["negative"]
    with qtbot.waitSignal(jobs.failed, timeout=10_000) as failed:
        jobs.request(0)
    assert failed.args[0].startswith("internal error: ZeroDivisionError")
    assert jobs.shutdown()


def test_a_newer_request_cancels_and_replaces_the_older(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = _Doubler()
    results: list[int] = []
    cancelled: list[bool] = []
    jobs.ready.connect(results.append)
    jobs.cancelled.connect(lambda: cancelled.append(True))
    gate = threading.Event()
    first = jobs.request(1, gate)
    with qtbot.waitSignal(jobs.ready, timeout=10_000):
        second = jobs.request(5)
        gate.set()
    assert second == first + 1 == jobs.request_id
    assert jobs.shutdown()
    qtbot.wait(50)
    assert results == [10] and not cancelled  # the first one's report was stale: dropped


def test_cancel_ends_the_latest_request_as_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    jobs = _Doubler()
    gate = threading.Event()
    with qtbot.waitSignal(jobs.cancelled, timeout=10_000):
        jobs.request(3, gate)
        jobs.cancel()
        gate.set()
    assert not jobs.busy
    assert jobs.shutdown()
