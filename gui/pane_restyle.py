"""Restyle the sentences a hand edit touched in a pane's text, in place.

A hand edit changes the coverage of a few sentences and perhaps a few conflicting facts, never
the text; rebuilding the whole document would cost a layout of the article and lose the scroll
position. This sets the touched sentences' formats as ``gui.pane_document.build_document`` does,
and the conflict underline where conflicts appeared or went.

Imports: PySide6.QtGui, core.model, gui.positions, gui.style.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QTextCursor, QTextDocument

from core.model import Comparison, FactStatus, Side, Span
from gui.positions import PositionMap
from gui.style import Style


def _conflict_spans(comparison: Comparison, side: Side) -> set[Span]:
    return {
        span
        for fact in comparison.facts
        if fact.status is FactStatus.CONFLICT
        for span in fact.side(side)
    }


def restyle(
    document: QTextDocument,
    positions: PositionMap,
    old: Comparison,
    new: Comparison,
    side: Side,
    style: Style,
    sentences: Iterable[int],
) -> set[int]:
    """Give ``sentences`` (and those whose conflicts changed) ``new``'s formats; returns the
    sentences restyled."""
    doc = new.document(side)
    before, after = _conflict_spans(old, side), _conflict_spans(new, side)
    todo = set(sentences)
    for span in before ^ after:
        todo.add(doc.sentence_near(span.start))
    if not todo:
        return todo
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    coverage = new.coverage(side)
    for i in sorted(todo):
        role = doc.sentence_role(i)
        base = style.role_format(role)
        cov = coverage[i]
        fmt = style.coverage_format(base, cov.status) if cov.counted else base
        qs, qe = positions.to_qt_span(doc.sentences[i].span)
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    conflict = style.conflict_format()
    spans = [doc.sentences[i].span for i in todo]
    for span in after:
        if any(span.overlaps(s) for s in spans):
            qs, qe = positions.to_qt_span(span)
            cursor.setPosition(qs)
            cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(conflict)
    cursor.endEditBlock()
    return todo
