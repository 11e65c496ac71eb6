"""The N-way panel: which two articles the panes show, the coverage matrix, a statement in full.

A dock beside the panes. Two combo boxes pick the pair shown in the panes (any two of the N, in
either order); a third picks the reference article whose order the matrix rows follow. The
matrix sorts by any column (click a header: "Articles" sorts by how many carry a statement).
Clicking an article's cell asks for that sentence (``cell_activated``); clicking the statement
text asks for the statement in every article (``statement_activated``), which the panel also
shows below the matrix, one line per article. A second tab lists the facts across all
articles (conflicts first, naming which articles say which value); clicking one shows it in
the panes (``fact_activated``).

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.export.nway_view_model import article_name
from core.labels import CELL_LABEL, CELL_MARK, label
from core.nway import Cell, CrossFact, CrossStatus, NWayComparison
from gui.coverage_matrix import STATEMENT_ROLE, CoverageMatrixModel, CoverageMatrixProxy
from gui.cross_facts_model import FACT_ROLE, CrossFactsModel
from gui.style import Style, is_dark
from gui.wording import counted

_NAME_CHARS = 38


def _short(text: str) -> str:
    return text if len(text) <= _NAME_CHARS else text[: _NAME_CHARS - 1].rstrip() + "…"


class NWayPanel(QDockWidget):
    pair_chosen = Signal(int, int)  # left article, right article
    cell_activated = Signal(int, int)  # article, statement
    statement_activated = Signal(int)
    export_requested = Signal()
    fact_activated = Signal(CrossFact)

    def __init__(self, style: Style, parent: QWidget | None = None) -> None:
        super().__init__("All articles", parent)
        self.setObjectName("nway_panel")
        self._style = style
        self.nway: NWayComparison | None = None
        self.matrix = CoverageMatrixModel(style, self)
        self.proxy = CoverageMatrixProxy(self)
        self.proxy.setSourceModel(self.matrix)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        grid = QGridLayout()
        self.left_box = QComboBox(body)
        self.left_box.setObjectName("nway_left")
        self.right_box = QComboBox(body)
        self.right_box.setObjectName("nway_right")
        self.reference_box = QComboBox(body)
        self.reference_box.setObjectName("nway_reference")
        self.export_button = QPushButton("Export all…", body)
        self.export_button.setToolTip("Report of all articles: HTML, Markdown or JSON")
        grid.addWidget(QLabel("Left pane:"), 0, 0)
        grid.addWidget(self.left_box, 0, 1)
        grid.addWidget(QLabel("Right pane:"), 1, 0)
        grid.addWidget(self.right_box, 1, 1)
        grid.addWidget(QLabel("Rows follow:"), 2, 0)
        grid.addWidget(self.reference_box, 2, 1)
        grid.addWidget(self.export_button, 2, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.summary_label = QLabel(body)
        self.summary_label.setObjectName("nway_summary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("nway_tabs")
        layout.addWidget(self.tabs, 1)

        statements = QWidget(self.tabs)
        inner = QVBoxLayout(statements)
        inner.setContentsMargins(0, 4, 0, 0)
        self.legend = QLabel(statements)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        inner.addWidget(self.legend)
        self.table = QTableView(statements)
        self.table.setObjectName("coverage_matrix")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        inner.addWidget(self.table, 1)
        self.detail = QTextBrowser(statements)
        self.detail.setObjectName("nway_detail")
        self.detail.setMaximumHeight(170)
        self.detail.setPlaceholderText(
            "Click a statement to read it in every article, or a cell for that article's sentence."
        )
        inner.addWidget(self.detail)
        self.tabs.addTab(statements, "Statements")

        self.facts = CrossFactsModel(style, self)
        self.facts_table = QTableView(self.tabs)
        self.facts_table.setObjectName("cross_facts")
        self.facts_table.setModel(self.facts)
        self.facts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.facts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.facts_table.setWordWrap(False)
        self.facts_table.verticalHeader().setDefaultSectionSize(22)
        self.facts_table.verticalHeader().hide()
        self.tabs.addTab(self.facts_table, "Facts across articles")
        self.setWidget(body)

        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_clicked)
        self.facts_table.clicked.connect(self._on_facts_table_clicked)
        self.left_box.activated.connect(self._on_pair_box_activated)
        self.right_box.activated.connect(self._on_pair_box_activated)
        self.reference_box.activated.connect(self._on_reference_box_activated)
        self.export_button.clicked.connect(self.export_requested)
        self._paint_legend()

    # -- setting ------------------------------------------------------------------------------
    def set_comparison(self, nway: NWayComparison) -> None:
        self.nway = nway
        names = [
            f"{label(d)} — {_short(article_name(nway, d))}" for d in range(len(nway.documents))
        ]
        for box in (self.left_box, self.right_box, self.reference_box):
            box.clear()
            box.addItems(names)
        self.reference_box.setCurrentIndex(0)
        self.matrix.set_comparison(nway, 0)
        self.facts.set_comparison(nway)
        self._size_fact_columns()
        conflicts = sum(1 for f in nway.facts if f.status is CrossStatus.CONFLICT)
        self.tabs.setTabText(1, f"Facts across articles ({counted(conflicts, 'conflict')})")
        self.proxy.sort(-1)  # reference order
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self._size_columns()
        self.detail.clear()
        n = len(nway.documents)
        by_count = [st.count for st in nway.statements]
        self.summary_label.setText(
            f"{counted(len(by_count), 'statement')}: {by_count.count(n)} carried by all {n}, "
            f"{by_count.count(1)} by one article only. Click “Articles” to sort by how many "
            "carry a statement."
        )
        self.show_pair(0, 1)

    def set_style(self, style: Style) -> None:
        self._style = style
        self.matrix.set_style(style)
        self.facts.set_style(style)
        self._paint_legend()
        if self.nway is not None and self.detail.toPlainText():
            selected = self.table.selectionModel().selectedRows()
            if selected:
                self._show_detail(int(selected[0].data(STATEMENT_ROLE)))

    def changeEvent(self, event: QEvent) -> None:
        """Follow the window's theme: a new application palette recolours the matrix."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            dark = is_dark(QApplication.palette())
            if dark != self._style.dark:
                self.set_style(Style(dark))

    def show_pair(self, left: int, right: int) -> None:
        """Reflect the pair on screen in the combo boxes (no signal)."""
        self.left_box.setCurrentIndex(left)
        self.right_box.setCurrentIndex(right)

    @property
    def pair(self) -> tuple[int, int]:
        return self.left_box.currentIndex(), self.right_box.currentIndex()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.matrix.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = 66 if column >= self.matrix.only_column() else 28
            header.resizeSection(column, width)

    def _size_fact_columns(self) -> None:
        header = self.facts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 64)
        header.resizeSection(1, 90)
        header.resizeSection(2, 200)
        for column in range(3, self.facts.columnCount()):
            header.resizeSection(column, 90)
        header.setStretchLastSection(True)

    def _paint_legend(self) -> None:
        chips = []
        for cell in (Cell.SHARED, Cell.PARTIAL, Cell.CONFLICT, Cell.UNIQUE):
            colour = self._style.color(
                {
                    Cell.SHARED: "shared",
                    Cell.PARTIAL: "partial",
                    Cell.CONFLICT: "conflict",
                    Cell.UNIQUE: "unique",
                }[cell]
            ).name()
            chips.append(
                f'<span style="background:{colour}">&nbsp;{CELL_MARK[cell]}&nbsp;</span>'
                f"&nbsp;{html.escape(CELL_LABEL[cell])}"
            )
        self.legend.setText("&nbsp;&nbsp; ".join(chips))

    # -- selecting ----------------------------------------------------------------------------
    def select_statement(self, statement: int) -> None:
        """Select the statement's row and show it in every article below the matrix."""
        if self.nway is None:
            return
        source_row = self.matrix.row_of(statement)
        row = self.proxy.mapFromSource(self.matrix.index(source_row, 0))
        self.table.selectRow(row.row())
        self.table.scrollTo(row)
        self._show_detail(statement)

    def _show_detail(self, statement: int) -> None:
        nway = self.nway
        assert nway is not None
        st = nway.statements[statement]
        lines = []
        for d, doc in enumerate(nway.documents):
            cell = st.cells[d]
            if cell is Cell.ABSENT:
                text = "<i>— not in this article</i>"
            else:
                text = html.escape(" ".join(doc.sentence_text(s) for s in st.sentences[d]))
            colour = {
                Cell.SHARED: "shared",
                Cell.PARTIAL: "partial",
                Cell.CONFLICT: "conflict",
                Cell.UNIQUE: "unique",
            }.get(cell)
            chip = (
                f'<span style="background:{self._style.color(colour).name()}">'
                f"&nbsp;{label(d)}&nbsp;</span>"
                if colour
                else f"&nbsp;{label(d)}&nbsp;"
            )
            lines.append(f"<p style='margin:2px 0'><b>{chip}</b> {text}</p>")
        self.detail.setHtml("".join(lines))

    @Slot(QModelIndex)
    def _on_table_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        found = self.matrix.data(source, STATEMENT_ROLE)
        if found is None:
            return
        statement = int(found)
        self._show_detail(statement)
        document = self.matrix.document_of(source.column())
        nway = self.nway
        if (
            document is not None
            and nway is not None
            and nway.statements[statement].sentences[document]
        ):
            self.cell_activated.emit(document, statement)
            return
        self.statement_activated.emit(statement)

    @Slot(QModelIndex)
    def _on_facts_table_clicked(self, index: QModelIndex) -> None:
        fact = self.facts.data(index, FACT_ROLE)
        if fact is not None:
            self.fact_activated.emit(fact)

    @Slot(int)
    def _on_pair_box_activated(self, _index: int) -> None:
        left, right = self.pair
        if left == right:  # keep two different articles: move the other box away
            n = self.left_box.count()
            if self.sender() is self.left_box:
                right = (left + 1) % n
                self.right_box.setCurrentIndex(right)
            else:
                left = (right + n - 1) % n
                self.left_box.setCurrentIndex(left)
        self.pair_chosen.emit(left, right)

    @Slot(int)
    def _on_reference_box_activated(self, index: int) -> None:
        self.matrix.set_reference(index)
        self.proxy.sort(-1)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self._size_columns()
