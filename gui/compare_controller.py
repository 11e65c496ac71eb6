"""Reads and compares two articles off the GUI thread, and prepares the panes' data there too.

Each request gets a generation; a newer request cancels the older one and what a stale one
reports is dropped (``gui.background.LatestJob``). The job reads nothing of the window: the
sources and options are its arguments, and it delivers a ``Comparison``, the sources it came
from and the panes' ``PreparedPanes``.

Imports: PySide6.QtCore, core, gui.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from core.compare import compare
from core.errors import Cancelled
from core.fetch import read_url
from core.inputs import read_pasted
from core.model import Comparison, Document
from core.options import CompareOptions
from core.reading.dispatch import read_path
from gui.background import JobSignals, LatestJob, Progress, ShouldCancel, scaled
from gui.comparison_model import Source
from gui.prepared_panes import PreparedPanes, prepare

# What a compare job delivers: the comparison, the sources it read, the panes' prepared data.
Compared = tuple[Comparison, tuple[Source, Source], PreparedPanes]

_READING = 0.1  # the share of the progress bar for reading both sides (fetching a page)


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


def compare_sources(
    sources: tuple[Source, Source],
    options: CompareOptions | None,
    should_cancel: ShouldCancel,
    progress: Progress,
) -> Compared:
    """The work of a compare job: read both sides, compare them, prepare the panes."""
    half = _READING / 2
    a = read_source(sources[0], should_cancel, scaled(progress, 0.0, half))
    if should_cancel():
        raise Cancelled()
    b = read_source(sources[1], should_cancel, scaled(progress, half, half))
    progress(_READING)
    comparison = compare(
        a,
        b,
        options,
        progress=scaled(progress, _READING, 1.0 - _READING),
        should_cancel=should_cancel,
    )
    if should_cancel():
        raise Cancelled()
    return comparison, sources, prepare(comparison)


class _Signals(JobSignals):
    finished = Signal(int, Comparison, tuple, PreparedPanes)


class CompareController(LatestJob):
    """Starts comparisons, reports progress, delivers only the latest result."""

    comparison_ready = Signal(Comparison, tuple, PreparedPanes)  # the sources: (Source, Source)

    def __init__(self, parent: QObject | None = None) -> None:
        signals = _Signals()
        super().__init__(parent, 2, signals)
        signals.finished.connect(self._on_job_finished)
        self._finished = signals.finished

    def request(self, sources: tuple[Source, Source], options: CompareOptions | None = None) -> int:
        """Start comparing ``sources`` (with ``options``, default ones if None); an earlier
        request still running is cancelled."""
        return self._start(
            lambda should_cancel, progress: compare_sources(
                sources, options, should_cancel, progress
            ),
            lambda generation, done: self._finished.emit(generation, *done),
        )

    @Slot(int, Comparison, tuple, PreparedPanes)
    def _on_job_finished(
        self,
        generation: int,
        comparison: Comparison,
        sources: tuple[Source, Source],
        prepared: PreparedPanes,
    ) -> None:
        if self._settle(generation):
            self.comparison_ready.emit(comparison, sources, prepared)
