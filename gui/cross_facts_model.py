"""The facts across N articles as a Qt table model: conflicts first, then shared, then single.

Columns: status, kind, the fact (for a conflict: which articles say which value), then what each
article says. The model never changes the comparison.

Imports: PySide6.QtCore, PySide6.QtGui, core, gui.style.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from core.export.nway_view_model import article_name, conflict_text, facts_in_order
from core.labels import label
from core.nway import CrossFact, CrossStatus, NWayComparison
from gui.style import Style

FACT_ROLE = Qt.ItemDataRole.UserRole + 1  # the CrossFact of a row
_STATUS = {CrossStatus.CONFLICT: "conflict", CrossStatus.SHARED: "shared", CrossStatus.ONLY: "one"}
_COLOUR = {
    CrossStatus.CONFLICT: "conflict",
    CrossStatus.SHARED: "shared",
    CrossStatus.ONLY: "unique",
}
_Index = QModelIndex | QPersistentModelIndex


class CrossFactsModel(QAbstractTableModel):
    def __init__(self, style: Style, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self._nway: NWayComparison | None = None
        self._facts: list[CrossFact] = []

    def set_comparison(self, nway: NWayComparison | None) -> None:
        self.beginResetModel()
        self._nway = nway
        self._facts = [f for f in facts_in_order(nway) if f.content] if nway is not None else []
        self.endResetModel()

    def set_style(self, style: Style) -> None:
        self._style = style
        if self._facts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def fact(self, row: int) -> CrossFact:
        return self._facts[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._facts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._nway is None:
            return 0
        return 3 + len(self._nway.documents)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        nway = self._nway
        if nway is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("Status", "Kind", "Fact")[section] if section < 3 else label(section - 3)
        if role == Qt.ItemDataRole.ToolTipRole and section >= 3:
            return f"{label(section - 3)}: {article_name(nway, section - 3)}"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._nway is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._facts) and 0 <= column < self.columnCount()):
            return None
        fact = self._facts[row]
        if role == FACT_ROLE:
            return fact
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return _STATUS[fact.status]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(self._style.color(_COLOUR[fact.status]))
            if role == Qt.ItemDataRole.ToolTipRole:
                n = len(fact.carriers)
                return f"carried by {n} of {len(self._nway.documents)} articles"
            return None
        if column == 1:
            return str(fact.kind) if role == Qt.ItemDataRole.DisplayRole else None
        if column == 2:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return conflict_text(fact) if fact.status is CrossStatus.CONFLICT else fact.value
            return None
        value = fact.values[column - 3]
        if role == Qt.ItemDataRole.DisplayRole:
            return value if value is not None else "—"
        if role == Qt.ItemDataRole.BackgroundRole and value is not None:
            if fact.status is CrossStatus.CONFLICT:
                return QBrush(self._style.color("conflict"))
            return QBrush(self._style.color("shared" if len(fact.carriers) > 1 else "unique"))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
