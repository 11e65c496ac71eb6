"""The coverage matrix of an N-way comparison as a Qt table model.

One row per statement, in the order of a chosen reference article (then the rest); columns: the
statement's text, one column per article (a mark and a colour: shared, partly shared,
conflicting fact, only here), "Only here" (the one article that carries it) and "Articles" (how
many carry it). ``SORT_ROLE`` gives each column a sort key, and ``CoverageMatrixProxy`` sorts by it
(by how many articles carry a statement, back to the reference order, or by how one article
carries it) with ties always in the reference order, whichever way the sort goes. The model
never changes the comparison.

Imports: PySide6.QtCore, PySide6.QtGui, core, gui.style.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from core.export.nway_view_model import article_name, shorten
from core.labels import CELL_LABEL, CELL_MARK, label
from core.nway import Cell, NWayComparison
from gui.style import Style

STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the statement index of a row
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the article of a column (None for the others)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_CELL_COLOUR = {
    Cell.SHARED: "shared",
    Cell.PARTIAL: "partial",
    Cell.CONFLICT: "conflict",
    Cell.UNIQUE: "unique",
}
_CELL_RANK = {Cell.CONFLICT: 0, Cell.UNIQUE: 1, Cell.PARTIAL: 2, Cell.SHARED: 3, Cell.ABSENT: 4}
_Index = QModelIndex | QPersistentModelIndex


class CoverageMatrixModel(QAbstractTableModel):
    def __init__(self, style: Style, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self._nway: NWayComparison | None = None
        self._order: tuple[int, ...] = ()
        self._texts: list[str] = []
        self.reference = 0

    # -- setting ------------------------------------------------------------------------------
    def set_comparison(self, nway: NWayComparison | None, reference: int = 0) -> None:
        self.beginResetModel()
        self._nway = nway
        self.reference = reference
        self._order = nway.order_by(reference) if nway is not None else ()
        self._texts = [self._text(k) for k in self._order]
        self.endResetModel()

    def set_reference(self, reference: int) -> None:
        self.set_comparison(self._nway, reference)

    def set_style(self, style: Style) -> None:
        self._style = style
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def _text(self, k: int) -> str:
        assert self._nway is not None
        st = self._nway.statements[k]
        shown = self.reference if st.sentences[self.reference] else st.carriers[0]
        doc = self._nway.documents[shown]
        return " ".join(doc.sentence_text(s) for s in st.sentences[shown])

    # -- queries ------------------------------------------------------------------------------
    @property
    def comparison(self) -> NWayComparison | None:
        return self._nway

    @property
    def documents(self) -> int:
        return len(self._nway.documents) if self._nway is not None else 0

    def statement_at(self, row: int) -> int:
        return self._order[row]

    def row_of(self, statement: int) -> int:
        return self._order.index(statement)

    def document_of(self, column: int) -> int | None:
        """The article shown in ``column``, or None for the text, only-here and count columns."""
        return column - 1 if 1 <= column <= self.documents else None

    def only_column(self) -> int:
        return self.documents + 1

    def count_column(self) -> int:
        return self.documents + 2

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._nway is None else self.documents + 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._nway is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
                return str(section + 1)
            return None
        if not 0 <= section < self.columnCount():
            return None
        d = self.document_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if d is not None:
                return label(d)
            if section == 0:
                return f"Statement (in the order of {label(self.reference)})"
            return "Only here" if section == self.only_column() else "Articles"
        if role == Qt.ItemDataRole.ToolTipRole:
            if d is not None:
                return f"{label(d)}: {article_name(self._nway, d)}"
            if section == self.count_column():
                return "How many articles carry the statement (click to sort)"
            if section == self.only_column():
                return "The one article that carries the statement"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        nway = self._nway
        if nway is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._order) and 0 <= column < self.columnCount()):
            return None
        k = self._order[row]
        st = nway.statements[k]
        d = self.document_of(column)
        if role == STATEMENT_ROLE:
            return k
        if role == DOCUMENT_ROLE:
            return d
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return shorten(self._texts[row], 160)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._texts[row]
            if role == SORT_ROLE:
                return row
            return None
        if d is not None:
            cell = st.cells[d]
            if role == Qt.ItemDataRole.DisplayRole:
                return CELL_MARK[cell]
            if role == Qt.ItemDataRole.BackgroundRole:
                name = _CELL_COLOUR.get(cell)
                return QBrush(self._style.color(name)) if name else None
            if role == Qt.ItemDataRole.ToolTipRole:
                if cell is Cell.ABSENT:
                    return f"{label(d)} does not carry this statement"
                text = " ".join(nway.documents[d].sentence_text(s) for s in st.sentences[d])
                return f"{label(d)} ({CELL_LABEL[cell]}): {text}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == SORT_ROLE:
                return _CELL_RANK[cell]
            return None
        if column == self.only_column():
            only = st.only_here
            if role == Qt.ItemDataRole.DisplayRole:
                return label(only) if only is not None else ""
            if role == Qt.ItemDataRole.BackgroundRole and only is not None:
                return QBrush(self._style.color("unique"))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == SORT_ROLE:
                return only if only is not None else self.documents
            return None
        # the count column
        if role == Qt.ItemDataRole.DisplayRole:
            return str(st.count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"carried by {st.count} of {self.documents} articles"
        if role == SORT_ROLE:
            return st.count
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CoverageMatrixProxy(QSortFilterProxyModel):
    """Sorts the matrix by ``SORT_ROLE``; ties stay in the reference order in both directions."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a != b:
            return bool(a < b)
        # Qt reverses lessThan for a descending sort: reverse the tie-break too, so it cancels
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        return left.row() < right.row() if ascending else left.row() > right.row()
