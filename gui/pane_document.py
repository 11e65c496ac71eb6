"""A pane's text document: built on the GUI thread, in slices, from a comparison.

Each paragraph of a side's Document is one text block, formatted by role and coverage, with
conflicting facts underlined. The document is built on the GUI thread, which owns it from the
start: a document built in a worker would have to be moved across threads, and that move can
deadlock against the interpreter lock. Building costs 25-40 ms a side at 100k words, so a new
comparison's two documents are built in slices of about 10 ms (``PaneBuild``), between which the
window keeps painting and answering; the worker has computed the offset maps already.

Imports: PySide6, core.model, gui.positions, gui.style.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextFrameFormat

from core.model import Comparison, Coverage, FactStatus, Role, Side
from gui.positions import PositionMap
from gui.style import Style

MARGIN_LEFT = 22  # room for the unique-passage bar
_SLICE_PARAGRAPHS = 40  # paragraphs built between two looks at the clock
_SLICE_SECONDS = 0.010  # GUI-thread time per slice of a build in steps


@dataclass(frozen=True)
class PaneDocument:
    """A pane's text document for one side of a comparison, ready to install."""

    comparison: Comparison
    document: QTextDocument
    positions: PositionMap
    dark: bool
    font_size: float


def build_steps(
    comparison: Comparison,
    side: Side,
    style: Style,
    font_size: float,
    positions: PositionMap | None = None,
) -> Generator[None, None, PaneDocument]:
    """Build one pane's document, pausing (``yield``) every few paragraphs; the generator's
    return value is the finished ``PaneDocument``."""
    document = comparison.document(side)
    coverage = comparison.coverage(side)
    pmap = positions if positions is not None else PositionMap(document)
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(style.reading_font(font_size))
    root = QTextFrameFormat(doc.rootFrame().frameFormat())
    root.setLeftMargin(MARGIN_LEFT)
    root.setRightMargin(14)
    root.setTopMargin(12)
    root.setBottomMargin(24)
    doc.rootFrame().setFrameFormat(root)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    formats: dict[tuple[Role, Coverage | None], QTextCharFormat] = {}

    def fmt(role: Role, status: Coverage | None) -> QTextCharFormat:
        key = (role, status)
        if key not in formats:
            base = style.role_format(role)
            formats[key] = base if status is None else style.coverage_format(base, status)
        return formats[key]

    block_formats = {role: style.block_format(role) for role in Role}
    sentences = document.sentences
    si = 0
    for pi, paragraph in enumerate(document.paragraphs):
        if pi % _SLICE_PARAGRAPHS == _SLICE_PARAGRAPHS - 1:
            yield
        if pi == 0:
            cursor.setBlockFormat(block_formats[paragraph.role])
        else:
            cursor.insertBlock(block_formats[paragraph.role])
        text = pmap.block_text(pi)
        start = paragraph.span.start
        pos = 0  # local code-point offset already inserted
        while si < len(sentences) and sentences[si].paragraph < pi:
            si += 1
        while si < len(sentences) and sentences[si].paragraph == pi:
            span = sentences[si].span
            s, e = span.start - start, span.end - start
            if s > pos:
                cursor.setCharFormat(fmt(paragraph.role, None))
                cursor.insertText(text[pos:s])
            cov = coverage[si]
            cursor.setCharFormat(fmt(paragraph.role, cov.status if cov.counted else None))
            cursor.insertText(text[s:e])
            pos = e
            si += 1
        if pos < len(text):
            cursor.setCharFormat(fmt(paragraph.role, None))
            cursor.insertText(text[pos:])
    conflict = style.conflict_format()
    for fact in comparison.facts:
        if fact.status is FactStatus.CONFLICT:
            for span in fact.side(side):
                qs, qe = pmap.to_qt_span(span)
                cursor.setPosition(qs)
                cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(conflict)
    cursor.endEditBlock()
    return PaneDocument(comparison, doc, pmap, style.dark, font_size)


def build_document(
    comparison: Comparison,
    side: Side,
    style: Style,
    font_size: float,
    positions: PositionMap | None = None,
) -> PaneDocument:
    """Build one pane's document at once (a restyle, a font change, a hand-made comparison)."""
    steps = build_steps(comparison, side, style, font_size, positions)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


class PaneBuild(QObject):
    """Both panes' documents for a new comparison, built in slices of the event loop.

    ``done(documents)`` is called once both are built; ``stop()`` (or deleting the object)
    abandons the build, e.g. when a newer comparison arrives first.
    """

    def __init__(
        self,
        comparison: Comparison,
        positions: dict[Side, PositionMap],
        style: Style,
        font_size: float,
        done: Callable[[dict[Side, PaneDocument]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._done = done
        self._built: dict[Side, PaneDocument] = {}
        sides: tuple[Side, Side] = ("a", "b")
        self._steps = [
            (side, build_steps(comparison, side, style, font_size, positions.get(side)))
            for side in sides
        ]
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._steps = []

    def _slice(self) -> None:
        deadline = time.perf_counter() + _SLICE_SECONDS
        while self._steps and time.perf_counter() < deadline:
            side, steps = self._steps[0]
            try:
                next(steps)
            except StopIteration as finished:
                self._built[side] = finished.value
                self._steps.pop(0)
        if not self._steps and self._timer.isActive():
            self._timer.stop()
            self._done(self._built)
