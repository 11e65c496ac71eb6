"""Runs an N-way comparison off the GUI thread: read every article once, then ``compare_many``.

Like ``CompareController`` for two (``gui.background.LatestJob``): a newer request cancels the
older one and what a stale one reports is dropped. The pairwise comparisons run on worker
processes when the articles are long enough to pay for them (``core.nway.pairs``).

Imports: PySide6.QtCore, core, gui.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from core.errors import Cancelled
from core.nway import NWayComparison, compare_many
from core.parallel import cores
from gui.background import JobSignals, LatestJob, Progress, ShouldCancel, scaled
from gui.compare_controller import read_source
from gui.comparison_model import Source

_READING = 0.1  # the share of the progress bar for reading the articles


def compare_all(
    sources: tuple[Source, ...], should_cancel: ShouldCancel, progress: Progress
) -> NWayComparison:
    """The work of an N-way job: read each article, then compare every pair."""
    docs = []
    for k, source in enumerate(sources):
        if should_cancel():
            raise Cancelled()
        docs.append(read_source(source))
        progress(_READING * (k + 1) / len(sources))
    return compare_many(
        docs,
        progress=scaled(progress, _READING, 1.0 - _READING),
        should_cancel=should_cancel,
        jobs=cores(),
    )


class _Signals(JobSignals):
    finished = Signal(int, NWayComparison, tuple)


class NWayController(LatestJob):
    """Starts N-way comparisons, reports progress, delivers only the latest result."""

    comparison_ready = Signal(NWayComparison, tuple)  # the sources: a tuple of Source

    def __init__(self, parent: QObject | None = None) -> None:
        signals = _Signals()
        super().__init__(parent, 1, signals)
        signals.finished.connect(self._on_job_finished)
        self._finished = signals.finished

    def request(self, sources: tuple[Source, ...]) -> int:
        return self._start(
            lambda should_cancel, progress: compare_all(sources, should_cancel, progress),
            lambda generation, nway: self._finished.emit(generation, nway, sources),
        )

    @Slot(int, NWayComparison, tuple)
    def _on_job_finished(
        self, generation: int, nway: NWayComparison, sources: tuple[Source, ...]
    ) -> None:
        if self._settle(generation):
            self.comparison_ready.emit(nway, sources)
