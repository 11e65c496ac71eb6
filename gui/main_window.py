"""The main window: it wires the panes, strip, facts dock and status bar to the one
ComparisonModel and the CompareController, asks for comparisons and shows what arrives. The rest
has modules of its own, named ``gui.window_*`` (menus, settings, inputs, export, status, layout),
``gui.pane_sync``, ``gui.navigation``, ``gui.review_actions`` and ``gui.session_actions``.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from core.model import Comparison, Side
from core.options import CompareOptions
from gui import window_export
from gui.article_pane import ArticlePane
from gui.article_view import ArticleView
from gui.compare_controller import CompareController
from gui.comparison_model import ComparisonModel, Source
from gui.connector_strip import ConnectorStrip
from gui.facts_dock import FactsDock
from gui.legend import Legend
from gui.navigation import Navigation
from gui.pane_document import PaneBuild, PaneDocument
from gui.pane_sync import PaneSync
from gui.positions import PositionMap
from gui.prepared_panes import PreparedPanes
from gui.review_actions import ReviewActions
from gui.session_actions import SessionActions
from gui.style import Style, is_dark
from gui.window_inputs import WindowInputs
from gui.window_layout import central_area
from gui.window_menus import WindowMenus
from gui.window_settings import WindowSettings, apply_palette
from gui.window_status import WindowStatus

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    comparison_shown = Signal()  # a comparison from the controller is on screen

    # made by WindowMenus
    act_open_pair: QAction
    act_open_a: QAction
    act_open_b: QAction
    act_open_url: QAction
    act_paste_a: QAction
    act_paste_b: QAction
    act_reload: QAction
    act_swap: QAction
    act_export: QAction
    act_quit: QAction
    act_next_unique: QAction
    act_prev_unique: QAction
    act_next_conflict: QAction
    act_prev_conflict: QAction
    act_lock: QAction
    act_zoom_in: QAction
    act_zoom_out: QAction
    act_zoom_reset: QAction
    recent_menu: QMenu

    def __init__(self, parent: QWidget | None = None, remember: bool = True) -> None:
        """``remember=False`` ignores and keeps the saved geometry and layout (screenshots)."""
        super().__init__(parent)
        self._remember = remember
        self.setObjectName("main_window")
        self.setWindowTitle("Article Comparer")
        self.settings = QSettings()
        self.model = ComparisonModel(self)
        self.controller = CompareController(self)
        self.interactive = True
        self._pending: tuple[Source, Source] | None = None
        self._building: PaneBuild | None = None  # a result's pane documents, while being built
        theme = str(self.settings.value("theme", "system")) if remember else "system"
        apply_palette(theme)
        self.style_ = Style(is_dark(QApplication.palette()))

        self.pane_a = ArticlePane(self.model, "a", self.style_)
        self.pane_b = ArticlePane(self.model, "b", self.style_)
        self.views: dict[Side, ArticleView] = {"a": self.pane_a.view, "b": self.pane_b.view}
        self.strip = ConnectorStrip(self.model, self.pane_a.view, self.pane_b.view, self.style_)
        self.legend = Legend(self.style_)
        central, self.splitter = central_area(self.pane_a, self.strip, self.pane_b, self.legend)
        self.setCentralWidget(central)

        self.facts_dock = FactsDock(self.model, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.facts_dock)

        self.status = WindowStatus(self)
        self.progress, self.cancel_button = self.status.progress, self.status.cancel_button
        self.status_label = self.status.label

        self.prefs = WindowSettings(self)
        self.sync = PaneSync(self)
        self.navigation = Navigation(self)
        self.inputs = WindowInputs(self)
        self.menus = WindowMenus(self, theme)
        self._connect()
        # review mode (hand edits, undo) and session files: their own modules, menus added there
        self.review = ReviewActions(self)
        self.sessions = SessionActions(self, self.review)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.prefs.on_color_scheme_changed)
        self.prefs.apply_font_size()
        if remember:
            self.prefs.restore()
        else:
            self.resize(1600, 1000)
        self._first_show = not remember or self.settings.value("window_state") is None

    def _connect(self) -> None:
        self.controller.started.connect(self._on_controller_started)
        self.controller.progressed.connect(self.status.progressed)
        self.controller.comparison_ready.connect(self._on_controller_comparison_ready)
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.cancelled.connect(self._on_controller_cancelled)
        self.cancel_button.clicked.connect(self.cancel)
        self.facts_dock.fact_activated.connect(self.sync.select_fact)
        self.strip.link_clicked.connect(self.sync.select_link)
        for side, view in self.views.items():
            view.passage_activated.connect(
                lambda sentence, s=side: self.sync.activate_passage(s, sentence)
            )
            view.zoom_requested.connect(self.prefs.zoom)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:  # no saved layout: give the articles most of the height
            self._first_show = False
            self.resizeDocks([self.facts_dock], [170], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.sessions.may_discard():  # unsaved hand edits: Save / Discard / Cancel
            event.ignore()
            return
        self.controller.shutdown()
        if self._remember:
            self.prefs.save()
        super().closeEvent(event)

    # -- what other modules and the tests call on the window ------------------------------------
    def activate_passage(self, side: Side, sentence: int) -> None:
        self.sync.activate_passage(side, sentence)

    def select_fact(self, index: int) -> None:
        self.sync.select_fact(index)

    def zoom(self, step: int) -> None:
        self.prefs.zoom(step)

    def font_size(self) -> float:
        return self.prefs.font_size

    def set_theme(self, theme: str, remember: bool = True) -> None:
        self.prefs.set_theme(theme, remember)

    def recent_pairs(self) -> list[tuple[Path, Path]]:
        return self.prefs.recent_pairs()

    def _fill_recent_menu(self) -> None:
        self.prefs.fill_recent_menu()

    export_to = window_export.export_to

    def open_urls(self, a: str | None, b: str | None) -> None:
        self.inputs.open_urls(a, b)

    def open_side(self, side: Side, path: Path | None = None) -> None:
        self.inputs.open_side(side, path)

    def compare_many_paths(self, paths: list[Path]) -> None:
        self.inputs.compare_many_paths(paths)

    # -- comparing ----------------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self.model.comparison

    def compare_sources(
        self, sources: tuple[Source, Source], options: CompareOptions | None = None
    ) -> int:
        if not self.sessions.may_discard():  # unsaved hand edits: Save / Discard / Cancel
            return self.controller.request_id  # nothing started
        self._pending = sources
        self._stop_building()
        return self.controller.request(sources, options)

    def compare_paths(self, path_a: Path, path_b: Path) -> int:
        return self.compare_sources((Source.of_path(path_a), Source.of_path(path_b)))

    def compare_inputs(self, a: str | Path, b: str | Path) -> int:
        """Files or web addresses (strings), as given on the command line."""
        return self.compare_sources((Source.of_input(a), Source.of_input(b)))

    def current_sources(self) -> tuple[Source, Source] | None:
        """The articles on screen, or those being read while a comparison runs."""
        return self._pending if self.controller.busy else (self.model.sources or self._pending)

    def reload(self) -> None:
        sources = self.current_sources()
        if sources is not None:
            self.compare_sources(sources)

    def swap(self) -> None:
        sources = self.current_sources()
        if sources is not None:
            self.compare_sources((sources[1], sources[0]))

    @Slot()
    def _on_controller_started(self) -> None:
        self.status.started(self._pending)

    def cancel(self) -> None:
        """Stop the comparison running, or the building of its panes if it has just finished."""
        if self._stop_building():
            self._on_controller_cancelled()
        self.controller.cancel()

    def _stop_building(self) -> bool:
        building, self._building = self._building, None
        if building is None:
            return False
        building.stop()
        building.deleteLater()
        return True

    @Slot(Comparison, tuple, PreparedPanes)
    def _on_controller_comparison_ready(
        self,
        comparison: Comparison,
        sources: tuple[Source, Source],
        prepared: PreparedPanes | None = None,
    ) -> None:
        """A finished comparison: its pane documents are built in slices of the event loop
        (the old comparison stays on screen meanwhile), then it is shown. A comparison put
        on screen directly, with nothing prepared, is shown at once."""
        self._stop_building()
        if prepared is None:
            self._show_comparison(comparison, sources, None)
            self.comparison_shown.emit()
            return

        def built(documents: dict[Side, PaneDocument]) -> None:
            self._stop_building()
            ready = PreparedPanes(
                replace(prepared.a, document=documents["a"]),
                replace(prepared.b, document=documents["b"]),
            )
            self._show_comparison(comparison, sources, ready)
            self.comparison_shown.emit()

        positions: dict[Side, PositionMap] = {"a": prepared.a.positions, "b": prepared.b.positions}
        self._building = PaneBuild(
            comparison, positions, self.style_, self.prefs.font_size, built, self
        )

    def _show_comparison(
        self,
        comparison: Comparison,
        sources: tuple[Source, Source],
        prepared: PreparedPanes | None,
    ) -> None:
        self.model.set_comparison(comparison, sources, prepared)
        self.navigation.conflict_pos = -1
        self.status.shown(comparison)
        self.setWindowTitle(f"{sources[0].label} ↔ {sources[1].label} — Article Comparer")
        if sources[0].path is not None and sources[1].path is not None:
            self.prefs.add_recent(sources[0].path, sources[1].path)

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        self._pending = self.model.sources
        self.status.failed(message)
        self.show_error("Cannot compare", message)

    @Slot()
    def _on_controller_cancelled(self) -> None:
        self._pending = self.model.sources
        self.status.cancelled()

    def show_error(self, title: str, message: str) -> None:
        if not self.interactive:  # e.g. --screenshot: nobody is there to close a dialog
            log.info("%s: %s", title, message)
            return
        QMessageBox.warning(self, title, message)
