"""The facts of the current Comparison as a Qt table model, plus its status/text filter proxy.

Rows are ``Comparison.facts`` in order (the row is the fact index); the model never changes a
fact. Columns: status, kind, value, what A says, what B says. The filter proxy sorts by status
(conflicts first, then text order); the tooltip says why the two sides were matched.

Imports: PySide6.QtCore, PySide6.QtGui, core.model, gui.wording.
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

from core.labels import FACT_STATUS_LABEL
from core.model import Fact, FactStatus
from gui.wording import Texts, counted, fact_label, fact_words

STATUS_LABELS = FACT_STATUS_LABEL  # the reports' words, so window and report agree
COLUMNS = ("Status", "Kind", "Fact", "A", "B")
FACT_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _side_text(fact: Fact, side: int, texts: Texts | None) -> str:
    words = fact_words(fact, texts)
    if words is not None:
        return words[side]
    spans = fact.a if side == 0 else fact.b
    if not spans:
        return "—"
    return f"{len(spans)}×"


class FactsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._facts: tuple[Fact, ...] = ()
        self._texts: Texts | None = None
        self.status_keys: list[tuple[int, int]] = []  # by row: how the status column sorts

    def set_facts(self, facts: tuple[Fact, ...], texts: Texts | None = None) -> None:
        """``texts`` (A's and B's plain text) lets conflicts show each article's own words."""
        self.beginResetModel()
        self._facts = facts
        self._texts = texts
        # The proxy sorts on every reset; computed once here, its comparisons are list lookups
        # (asking data() for the status of both rows of each of ~18,000 comparisons took half
        # a second at 100k words a side, on the GUI thread).
        order = {status: n for n, status in enumerate(STATUS_LABELS)}
        self.status_keys = [(order[fact.status], row) for row, fact in enumerate(facts)]
        self.endResetModel()

    def append_facts(self, facts: tuple[Fact, ...]) -> None:
        """Add rows at the end (the next facts of the same comparison, so a long list fills
        over several event-loop turns; see ``gui.facts_dock``)."""
        if not facts:
            return
        first = len(self._facts)
        self.beginInsertRows(QModelIndex(), first, first + len(facts) - 1)
        self._facts = self._facts + facts
        order = {status: n for n, status in enumerate(STATUS_LABELS)}
        self.status_keys.extend(
            (order[fact.status], row) for row, fact in enumerate(facts, start=first)
        )
        self.endInsertRows()

    def fact(self, row: int) -> Fact:
        return self._facts[row]

    def counts(self, facts: tuple[Fact, ...] | None = None) -> dict[FactStatus, int]:
        """Facts by status: of the rows shown, or of ``facts``."""
        out = dict.fromkeys(FactStatus, 0)
        for f in self._facts if facts is None else facts:
            out[f.status] += 1
        return out

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._facts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._facts):
            return None
        fact = self._facts[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return STATUS_LABELS[fact.status]
            if col == 1:
                return fact.kind.value
            if col == 2:
                return fact_label(fact, self._texts)
            return _side_text(fact, col - 3, self._texts)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = fact_label(fact, self._texts)
            parts = [f"{fact.kind.value}: {label} ({STATUS_LABELS[fact.status]})"]
            words = fact_words(fact, self._texts)
            if words is not None:
                parts.append(f"A says {words[0]!r}, B says {words[1]!r}")
            parts.append(f"{counted(len(fact.a), 'occurrence')} in A, {len(fact.b)} in B")
            if not fact.content:
                parts.append("only in captions, bylines or boilerplate")
            if fact.why:
                parts.append(f"Why: {fact.why}")
            if fact.note:
                parts.append(fact.note)
            return "\n".join(parts)
        if role == FACT_INDEX_ROLE:
            return index.row()
        if role == STATUS_ROLE:
            return fact.status.value
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class FactsFilter(QSortFilterProxyModel):
    """Keeps facts of one status (or all) whose text contains the filter string."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: FactStatus | None = None
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status(self, status: FactStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def lessThan(self, left: _Index, right: _Index) -> bool:
        """The status column sorts conflicts first, then shared, only in A, only in B, each in
        text order; other columns sort by their text."""
        if left.column() != 0:
            return super().lessThan(left, right)
        model = self.sourceModel()
        if isinstance(model, FactsModel):
            keys = model.status_keys
            return keys[left.row()] < keys[right.row()]
        order = list(STATUS_LABELS)

        def key(index: _Index) -> tuple[int, int]:
            status = FactStatus(model.data(index, STATUS_ROLE))
            return order.index(status), index.row()

        return key(left) < key(right)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self._status is not None:
            status = model.data(model.index(source_row, 0, source_parent), STATUS_ROLE)
            if status != self._status.value:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
