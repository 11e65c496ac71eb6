"""The facts panel: conflicts first, then shared facts and facts only in A or B, with counts
and a filter. A conflict shows each article's own words in the A and B columns.

Activating a fact asks the model to select it; the panes then highlight every occurrence and the
window scrolls to the first.

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model import Fact, FactStatus
from gui.comparison_model import ComparisonModel
from gui.facts_model import FACT_INDEX_ROLE, STATUS_LABELS, FactsFilter, FactsModel
from gui.wording import counted

_FILTERS: tuple[FactStatus | None, ...] = (
    None,
    FactStatus.CONFLICT,
    FactStatus.SHARED,
    FactStatus.ONLY_A,
    FactStatus.ONLY_B,
)
# Rows added to the table per event-loop turn. The sorted proxy calls Python (lessThan, index,
# rowCount, columnCount) for every comparison, ~5 calls each: one reset with the ~2,000 facts of
# a 100k-word pair stalled the window 0.5 s; 200 rows a turn take ~20 ms.
FILL_CHUNK = 200


class FactsDock(QDockWidget):
    fact_activated = Signal(int)

    def __init__(self, model: ComparisonModel, parent: QWidget | None = None) -> None:
        super().__init__("Facts", parent)
        self.setObjectName("facts_dock")
        self.model = model
        self.facts_model = FactsModel(self)
        self.proxy = FactsFilter(self)
        self.proxy.setSourceModel(self.facts_model)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        row = QHBoxLayout()
        self.status_box = QComboBox(body)
        self.status_box.setObjectName("facts_status")
        self.status_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText("Filter facts…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setObjectName("facts_filter")
        row.addWidget(self.status_box)
        row.addWidget(self.filter_edit, 1)
        layout.addLayout(row)
        self.counts_label = QLabel(body)
        self.counts_label.setObjectName("facts_counts")
        layout.addWidget(self.counts_label)
        self.table = QTableView(body)
        self.table.setObjectName("facts_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # conflicts first
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths, not ResizeToContents: that asks every row for its size on each change,
        # which stalls the window for thousands of facts.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((90, 100, 0, 220, 220)):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.status_box.currentIndexChanged.connect(self._on_status_box_changed)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.clicked.connect(self._on_table_activated)
        self.table.activated.connect(self._on_table_activated)
        model.comparison_changed.connect(self._on_model_comparison_changed)
        self._facts: tuple[Fact, ...] = ()  # all facts of the comparison, shown or still to add
        self._fill_generation = 0
        self._fill_status_box()

    def _fill_status_box(self) -> None:
        counts = self.facts_model.counts(self._facts)
        total = sum(counts.values())
        current = max(0, self.status_box.currentIndex())
        self.status_box.blockSignals(True)
        self.status_box.clear()
        for status in _FILTERS:
            if status is None:
                self.status_box.addItem(f"All facts ({total})")
            else:
                self.status_box.addItem(f"{STATUS_LABELS[status].capitalize()} ({counts[status]})")
        self.status_box.setCurrentIndex(current)
        self.status_box.blockSignals(False)
        conflicts = counted(counts[FactStatus.CONFLICT], "conflict")
        self.counts_label.setText(
            f"{counts[FactStatus.SHARED]} shared · {counts[FactStatus.ONLY_A]} only in A · "
            f"{counts[FactStatus.ONLY_B]} only in B · {conflicts}"
        )

    def _on_model_comparison_changed(self) -> None:
        comparison = self.model.comparison
        self._fill_generation += 1  # a fill of an earlier comparison still running stops
        if comparison is None:
            self._facts = ()
            self.facts_model.set_facts(())
        else:
            self._facts = comparison.facts
            first = comparison.facts[:FILL_CHUNK]
            self.facts_model.set_facts(first, (comparison.a.text, comparison.b.text))
            if len(comparison.facts) > FILL_CHUNK:
                self._schedule_fill(self._fill_generation)
        self._fill_status_box()

    def _schedule_fill(self, generation: int) -> None:
        QTimer.singleShot(0, self, lambda: self._fill_more(generation))

    def _fill_more(self, generation: int) -> None:
        """Add the next rows of a long list (one chunk per event-loop turn)."""
        if generation != self._fill_generation:
            return
        shown = self.facts_model.rowCount()
        self.facts_model.append_facts(self._facts[shown : shown + FILL_CHUNK])
        if self.facts_model.rowCount() < len(self._facts):
            self._schedule_fill(generation)

    def filling(self) -> bool:
        """Whether rows of the current comparison are still being added."""
        return self.facts_model.rowCount() < len(self._facts)

    def _on_status_box_changed(self, index: int) -> None:
        self.proxy.set_status(_FILTERS[index] if 0 <= index < len(_FILTERS) else None)

    def set_status_filter(self, status: FactStatus | None) -> None:
        self.status_box.setCurrentIndex(_FILTERS.index(status))

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, FACT_INDEX_ROLE)
        if row is not None:
            self.fact_activated.emit(int(row))

    def show_fact(self, fact_index: int) -> None:
        """Select the row of a fact (e.g. after next/previous conflict) without re-emitting."""
        shown = self.facts_model.rowCount()
        if fact_index >= shown:  # still being added: add it (and those before it) now
            self.facts_model.append_facts(self._facts[shown : fact_index + 1])
        source = self.facts_model.index(fact_index, 0)
        proxy_index = self.proxy.mapFromSource(source)
        if proxy_index.isValid():
            self.table.selectRow(proxy_index.row())
            self.table.scrollTo(proxy_index)
