"""What the panes show of a comparison that can be computed off the GUI thread, and ``prepare``.

``prepare(comparison)`` is pure: from the comparison alone it computes each side's offset map
and overview-map rows (plain data, no Qt object), so the compare job runs it in its worker. Each
pane's text document is added on the GUI thread, which must own it (``gui.pane_document``).

Imports: core.model, gui.pane_document, gui.positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model import Comparison, Coverage, FactStatus, Side, Sides
from gui.pane_document import PaneDocument
from gui.positions import PositionMap

Row = tuple[float, float, str]  # (top, bottom) as fractions of the text, a colour name

_COVERAGE_COLOR = {
    Coverage.SHARED: "band_same",
    Coverage.PARTIAL: "band_partial",
    Coverage.UNIQUE: "unique_mark",
}


@dataclass(frozen=True)
class PreparedPane:
    """What is ready for one pane of a comparison before it is shown: the offset map and the
    overview map's rows, and the text document once it is built on the GUI thread."""

    comparison: Comparison
    positions: PositionMap
    overview: list[Row]
    document: PaneDocument | None = None


class PreparedPanes(Sides[PreparedPane]):
    """Both panes' prepared data for one comparison; a named class so Qt signals can carry it."""

    __slots__ = ()

    def __getitem__(self, side: Side) -> PreparedPane:
        return self.get(side)


def prepare(comparison: Comparison) -> PreparedPanes:
    """Both panes' offset maps and overview rows, from the comparison alone."""
    return PreparedPanes(_prepare_pane(comparison, "a"), _prepare_pane(comparison, "b"))


def _prepare_pane(comparison: Comparison, side: Side) -> PreparedPane:
    positions = PositionMap(comparison.document(side))
    return PreparedPane(comparison, positions, overview_rows(comparison, side))


def overview_rows(comparison: Comparison, side: Side) -> list[Row]:
    """Overview-map rows of one side: counted sentences coloured by coverage (neighbours of one
    colour merged, fewer rectangles to paint), then a line at each conflicting fact."""
    document = comparison.document(side)
    coverage = comparison.coverage(side)
    total = max(1, len(document.text))
    rows: list[Row] = []
    for i, sentence in enumerate(document.sentences):
        cov = coverage[i]
        if not cov.counted:
            continue
        name = _COVERAGE_COLOR[cov.status]
        top, bottom = sentence.span.start / total, sentence.span.end / total
        if rows and rows[-1][2] == name and top - rows[-1][1] < 0.002:
            rows[-1] = (rows[-1][0], bottom, name)
        else:
            rows.append((top, bottom, name))
    for fact in comparison.facts:
        if fact.status is FactStatus.CONFLICT:
            for span in fact.side(side):
                y = span.start / total
                rows.append((y, y, "conflict_line"))
    return rows
