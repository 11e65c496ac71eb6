"""N-way mode of the main window: 3 to 8 articles, the coverage matrix, any two in the panes.

``nway_mode(window)`` gives the window's one ``NWayMode`` (made on first use). It owns an
``NWayController`` and the ``NWayPanel`` dock, and shows a pair of the N by handing that pair's
comparison (``NWayComparison.pair``) to the window's one ComparisonModel, so panes, bands, the
facts dock and navigation work as for two articles. A click in the panes selects the statement
in the matrix; a click in the matrix shows the sentence in the panes, switching the pair when
the article is not on screen. Comparing two articles again (Open pair, drop two files) leaves
N-way mode.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QFileDialog

from core.errors import ArticleComparerError
from core.export.formats import report_target, save_filters
from core.export.nway_report import NWAY_FORMATS
from core.labels import label
from core.model import Side, Sides
from core.nway import MAX_DOCUMENTS, CrossFact, CrossStatus, NWayComparison
from gui.background import run_blocking
from gui.comparison_model import Source, other
from gui.nway_controller import NWayController
from gui.nway_panel import NWayPanel
from gui.wording import counted

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

_ATTRIBUTE = "_nway_mode"
PANEL_WIDTH = 560


def nway_mode(window: MainWindow) -> NWayMode:
    """The window's N-way mode, made on first use."""
    mode = getattr(window, _ATTRIBUTE, None)
    if not isinstance(mode, NWayMode):
        mode = NWayMode(window)
        setattr(window, _ATTRIBUTE, mode)
    return mode


class NWayMode(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.nway: NWayComparison | None = None
        self.sources: tuple[Source, ...] = ()
        self._showing = False  # the window's model holds one of our pairs
        self.controller = NWayController(self)
        self.panel = NWayPanel(window.style_, window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel)
        window.resizeDocks([self.panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        self.panel.hide()

        self.controller.started.connect(self._on_controller_started)
        self.controller.progressed.connect(window.status.progressed)
        self.controller.comparison_ready.connect(self._on_controller_comparison_ready)
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.cancelled.connect(self._on_controller_cancelled)
        window.cancel_button.clicked.connect(self.controller.cancel)
        window.controller.started.connect(self._on_window_controller_started)
        window.model.selection_changed.connect(self._on_model_selection_changed)
        self.panel.pair_chosen.connect(self.show_pair)
        self.panel.cell_activated.connect(self.show_sentence)
        self.panel.statement_activated.connect(self.show_statement)
        self.panel.export_requested.connect(self.export)
        self.panel.fact_activated.connect(self.show_fact)
        window.installEventFilter(self)

    # -- comparing ----------------------------------------------------------------------------
    def compare_sources(self, sources: Sequence[Source]) -> int | None:
        if len(sources) == 2:
            return self.window.compare_sources((sources[0], sources[1]))
        if not 3 <= len(sources) <= MAX_DOCUMENTS:
            self.window.show_error(
                "Open articles", f"Choose 2 to {MAX_DOCUMENTS} files ({len(sources)} chosen)."
            )
            return None
        self._pending = tuple(sources)
        return self.controller.request(tuple(sources))

    def compare_paths(self, paths: Sequence[Path]) -> int | None:
        return self.compare_sources([Source.of_path(p) for p in paths])

    @property
    def busy(self) -> bool:
        return self.controller.busy

    @Slot()
    def _on_controller_started(self) -> None:
        self.window.controller.cancel()  # a two-article run still going would replace ours
        self.window.status.set_busy(True)
        n = len(getattr(self, "_pending", ()))
        self.window.statusBar().showMessage(f"Reading and comparing {n} articles…")

    @Slot(NWayComparison, tuple)
    def _on_controller_comparison_ready(
        self, nway: NWayComparison, sources: tuple[Source, ...]
    ) -> None:
        self.window.status.set_busy(False)
        self.nway, self.sources = nway, sources
        self.panel.set_comparison(nway)
        self.panel.show()
        self.show_pair(0, 1)
        n = len(nway.documents)
        all_n = sum(1 for st in nway.statements if st.count == n)
        only = sum(1 for st in nway.statements if st.count == 1)
        self.window.statusBar().showMessage(
            f"{n} articles · {counted(len(nway.statements), 'statement')}: {all_n} in all, "
            f"{only} in one only",
            10000,
        )

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        self.window.status.failed(message)
        self.window.show_error("Cannot compare", message)

    @Slot()
    def _on_controller_cancelled(self) -> None:
        self.window.status.cancelled()

    @Slot()
    def _on_window_controller_started(self) -> None:
        """Two articles are being compared the usual way: leave N-way mode."""
        self.controller.cancel()
        self._showing = False
        self.panel.hide()

    # -- showing ------------------------------------------------------------------------------
    @Slot(int, int)
    def show_pair(self, left: int, right: int) -> None:
        """Show articles ``left`` and ``right`` of the N in the panes."""
        nway = self.nway
        if nway is None or left == right:
            return
        comparison = nway.pair(left, right)
        self._showing = True
        self.window.model.set_comparison(comparison, (self.sources[left], self.sources[right]))
        self.panel.show_pair(left, right)
        self.window.setWindowTitle(
            f"{label(left)} {self.sources[left].label} ↔ {label(right)} "
            f"{self.sources[right].label} (of {len(nway.documents)}) — Article Comparer"
        )

    @Slot(int, int)
    def show_sentence(self, document: int, statement: int) -> None:
        """Show article ``document``'s sentence of ``statement`` in a pane (switching the pair)."""
        nway = self.nway
        if nway is None:
            return
        left, right = self.panel.pair
        if document not in (left, right):
            right = document
        self.show_pair(left, right)
        sentence = nway.statements[statement].sentences[document][0]
        self._activate(document == left, sentence, statement)

    @Slot(int)
    def show_statement(self, statement: int) -> None:
        """Show a statement in both panes, picking two articles that carry it where needed."""
        nway = self.nway
        if nway is None:
            return
        st = nway.statements[statement]
        left, right = self.panel.pair
        carriers = st.carriers
        if left not in carriers:
            left = next(d for d in carriers if d != right) if len(carriers) > 1 else carriers[0]
        if right not in carriers and len(carriers) > 1:
            right = next(d for d in carriers if d != left)
        if right == left:
            right = next(d for d in range(len(nway.documents)) if d != left)
        self.show_pair(left, right)
        self._activate(True, st.sentences[left][0], statement)

    @Slot(CrossFact)
    def show_fact(self, fact: CrossFact) -> None:
        """Show a fact across articles in the panes: for a conflict, two articles that disagree."""
        nway = self.nway
        if nway is None:
            return
        if fact.status is CrossStatus.CONFLICT:
            left, right = fact.by_value[0][1][0], fact.by_value[1][1][0]
        elif len(fact.carriers) > 1:
            left, right = fact.carriers[:2]
        else:
            left = fact.carriers[0]
            right = next(d for d in (*self.panel.pair, 0, 1) if d != left)
        self.show_pair(left, right)
        comparison = self.window.model.comparison
        assert comparison is not None
        mine = (set(fact.spans[left]), set(fact.spans[right]))
        for k, f in enumerate(comparison.facts):
            if mine[0] & set(f.a) or mine[1] & set(f.b):
                self.window.select_fact(k)
                return

    def _activate(self, on_left: bool, sentence: int, statement: int) -> None:
        """Pick ``sentence`` in its pane, on the link that joins it to the statement's sentences
        in the other pane where there is one (the window steps through a sentence's links)."""
        assert self.nway is not None
        side: Side = "a" if on_left else "b"
        left, right = self.panel.pair
        model = self.window.model
        comparison = model.comparison
        assert comparison is not None
        wanted = set(self.nway.statements[statement].sentences[right if on_left else left])
        links = comparison.links_of(side, sentence)
        target = next(
            (k for k in links if wanted & set(comparison.links[k].side(other(side)))), None
        )
        self.window.activate_passage(side, sentence)
        for _ in range(len(links)):
            if target is None or model.selected_link == target:
                break
            self.window.activate_passage(side, sentence)
        self.panel.select_statement(statement)

    @Slot()
    def _on_model_selection_changed(self) -> None:
        """A passage picked in a pane selects its statement in the matrix."""
        if not self._showing or self.nway is None or self.window.model.active is None:
            return
        side, sentence = self.window.model.active
        statement = self.nway.statement_of(Sides(*self.panel.pair).get(side), sentence)
        if statement is not None:
            self.panel.select_statement(statement)

    # -- export -------------------------------------------------------------------------------
    @Slot()
    def export(self) -> None:
        if self.nway is None:
            return
        path_str, chosen = QFileDialog.getSaveFileName(
            self.window, "Export report of all articles", self.window.prefs.last_dir(),
            ";;".join(save_filters(NWAY_FORMATS)),
        )  # fmt: skip
        if not path_str:
            return
        self.export_to(*report_target(Path(path_str), chosen, NWAY_FORMATS))

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the report of all articles; errors go to a dialog."""
        nway = self.nway
        if nway is None:
            return False
        from core.export.nway_report import write_nway_report

        protect = tuple(s.path for s in self.sources if s.path is not None)
        reference = self.panel.reference_box.currentIndex()
        try:
            run_blocking(
                lambda: write_nway_report(nway, path, fmt, protect, max(0, reference)),
                self.window,
            )
        except (ArticleComparerError, OSError, ValueError) as e:
            self.window.show_error("Export failed", str(e) or type(e).__name__)
            return False
        self.window.statusBar().showMessage(f"Report written to {path}", 10000)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.controller.shutdown()
        return False
