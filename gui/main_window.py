"""The main window: two article panes with a connector strip, overview maps, facts dock, menus,
toolbar, navigation, synchronized scrolling, input (open, drop, paste, recent), export.

It wires views to the one ComparisonModel and to the CompareController; the only pane-to-pane
logic here is scrolling (levelling a counterpart, scroll sync through ``core.scroll_sync`` behind
a re-entrancy guard).

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from core.errors import ArticleComparerError
from core.export.formats import report_target, save_filters
from core.fetch import check_url, is_url
from core.labels import FACT_STATUS_LABEL
from core.model import Comparison, Side
from core.options import CompareOptions
from core.reading.formats import dialog_filters
from core.scroll_sync import Anchor, steady, sync_scroll, syncpoint
from gui import icons
from gui.article_pane import ArticlePane
from gui.article_view import ArticleView
from gui.background import run_blocking
from gui.compare_controller import CompareController
from gui.comparison_model import ComparisonModel, Source, other
from gui.connector_strip import ConnectorStrip
from gui.facts_dock import FactsDock
from gui.legend import Legend
from gui.pane_document import PaneBuild, PaneDocument
from gui.positions import PositionMap
from gui.prepared_panes import PreparedPanes
from gui.review_actions import ReviewActions
from gui.session_actions import SessionActions
from gui.style import Style, dark_palette, is_dark
from gui.url_input import open_url_action
from gui.wording import counted, fact_label, fact_words

log = logging.getLogger(__name__)


def reading_notes(comparison: Comparison) -> list[str]:
    """Every reading notice of both articles, each named by its source."""
    return [f"{doc.source}: {n}" for doc in (comparison.a, comparison.b) for n in doc.notices]


MAX_RECENT = 8
_system_palette: QPalette | None = None
DEFAULT_FONT_SIZE = 11.5


class MainWindow(QMainWindow):
    comparison_shown = Signal()  # a comparison from the controller is on screen

    def __init__(self, parent: QWidget | None = None, remember: bool = True) -> None:
        """``remember=False`` ignores and keeps the saved geometry and layout (screenshots)."""
        super().__init__(parent)
        self._remember = remember
        self.setObjectName("main_window")
        self.setWindowTitle("Article Comparer")
        self.settings = QSettings()
        self.model = ComparisonModel(self)
        self.controller = CompareController(self)
        self._syncing = False
        self._synced_at: dict[Side, int] = {}  # scroll values when the panes were last synced
        self.interactive = True
        self._pending: tuple[Source, Source] | None = None
        self._conflict_pos = -1
        self._building: PaneBuild | None = None  # a result's pane documents, while being built
        theme = str(self.settings.value("theme", "system")) if remember else "system"
        self._apply_palette(theme)
        self.style_ = Style(is_dark(QApplication.palette()))

        self.pane_a = ArticlePane(self.model, "a", self.style_)
        self.pane_b = ArticlePane(self.model, "b", self.style_)
        self.views: dict[Side, ArticleView] = {"a": self.pane_a.view, "b": self.pane_b.view}
        self.strip = ConnectorStrip(self.model, self.pane_a.view, self.pane_b.view, self.style_)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes_splitter")
        self.splitter.addWidget(self.pane_a)
        self.splitter.addWidget(self.strip)
        self.splitter.addWidget(self.pane_b)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setHandleWidth(3)
        self.legend = Legend(self.style_)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self.facts_dock = FactsDock(self.model, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.facts_dock)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_button")
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)

        self._make_actions(theme)
        self._connect()
        # review mode (hand edits, undo) and session files: their own modules, menus added there
        self.review = ReviewActions(self)
        self.sessions = SessionActions(self, self.review)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._font_size = float(self.settings.value("font_size", DEFAULT_FONT_SIZE))
        self._apply_font_size()
        if remember:
            self._restore()
        else:
            self.resize(1600, 1000)
        self._first_show = not remember or self.settings.value("window_state") is None

    # -- construction -------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | list[QKeySequence | str] | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self, theme: str) -> None:
        sp = QStyle.StandardPixmap
        a = self._action
        self.act_open_pair = a(
            "Open &pair…",
            self.open_pair,
            QKeySequence.StandardKey.Open,
            sp.SP_DialogOpenButton,
            "Open two articles to compare",
        )
        self.act_open_a = a("Open &A…", lambda: self.open_side("a"), "Ctrl+Shift+1")
        self.act_open_b = a("Open &B…", lambda: self.open_side("b"), "Ctrl+Shift+2")
        self.act_open_url = open_url_action(self)
        self.act_paste_a = a("Paste as article A", lambda: self.paste_side("a"), "Ctrl+Alt+1")
        self.act_paste_b = a("Paste as article B", lambda: self.paste_side("b"), "Ctrl+Alt+2")
        self.act_reload = a(
            "&Reload",
            self.reload,
            QKeySequence.StandardKey.Refresh,
            sp.SP_BrowserReload,
            "Read both articles again and compare",
        )
        self.act_swap = a(
            "&Swap sides", self.swap, "Ctrl+Shift+X", sp.SP_ArrowRight, "Swap articles A and B"
        )
        self.act_export = a(
            "&Export report…",
            self.export,
            "Ctrl+E",
            sp.SP_DialogSaveButton,
            "Export an HTML, Markdown, JSON or PDF report",
        )
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_next_unique = a(
            "Next &unique passage",
            lambda: self.next_unique(1),
            ["F8", "Alt+Down"],
            sp.SP_ArrowDown,
            "Next passage found in only one article (F8)",
        )
        self.act_prev_unique = a(
            "Previous u&nique passage",
            lambda: self.next_unique(-1),
            ["Shift+F8", "Alt+Up"],
            sp.SP_ArrowUp,
            "Previous passage found in only one article (Shift+F8)",
        )
        self.act_next_conflict = a(
            "Next &conflict",
            lambda: self.next_conflict(1),
            "F9",
            sp.SP_MessageBoxWarning,
            "Next conflicting fact (F9)",
        )
        self.act_prev_conflict = a(
            "Previous c&onflict",
            lambda: self.next_conflict(-1),
            "Shift+F9",
            None,
            "Previous conflicting fact (Shift+F9)",
        )
        self.act_lock = a(
            "&Lock scrolling",
            self._on_lock_toggled,
            "Ctrl+Shift+L",  # Ctrl+L opens a URL, as in a browser
            None,
            "Scroll both articles together, following the links",
        )
        self.act_lock.setCheckable(True)
        self.act_lock.setChecked(self.settings.value("scroll_lock", True) in (True, "true"))
        self.act_zoom_in = a(
            "Zoom &in", lambda: self.zoom(1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.act_zoom_out = a("Zoom &out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_reset = a("&Normal size", lambda: self.zoom(0), "Ctrl+0")
        self.act_prev_conflict.setIcon(self.act_next_conflict.icon())

        menu = self.menuBar().addMenu("&File")
        for act in (self.act_open_pair, self.act_open_a, self.act_open_b, self.act_open_url):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_paste_a)
        menu.addAction(self.act_paste_b)
        menu.addSeparator()
        self.recent_menu = menu.addMenu("Recent &pairs")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        menu.addAction(self.act_reload)
        menu.addAction(self.act_swap)
        menu.addSeparator()
        menu.addAction(self.act_export)
        menu.addSeparator()
        menu.addAction(self.act_quit)

        menu = self.menuBar().addMenu("&Navigate")
        for act in (
            self.act_next_unique,
            self.act_prev_unique,
            self.act_next_conflict,
            self.act_prev_conflict,
        ):
            menu.addAction(act)

        menu = self.menuBar().addMenu("&View")
        menu.addAction(self.act_lock)
        menu.addSeparator()
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            menu.addAction(act)
        menu.addSeparator()
        theme_menu = menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (("system", "System"), ("light", "Light"), ("dark", "Dark")):
            act = QAction(label, self, checkable=True)
            act.setChecked(key == theme)
            act.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(act)
            theme_menu.addAction(act)
            self.theme_actions[key] = act
        menu.addSeparator()
        menu.addAction(self.facts_dock.toggleViewAction())

        self._paint_icons()
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.act_open_pair)
        toolbar.addAction(self.act_reload)
        toolbar.addAction(self.act_swap)
        toolbar.addSeparator()
        for act in (
            self.act_prev_unique,
            self.act_next_unique,
            self.act_prev_conflict,
            self.act_next_conflict,
        ):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(self.act_lock)
        toolbar.addAction(self.act_export)
        self.act_prev_unique.setIconText("Prev unique")
        self.act_next_unique.setIconText("Next unique")
        self.act_prev_conflict.setIconText("Prev conflict")
        self.act_next_conflict.setIconText("Next conflict")

    def _paint_icons(self) -> None:
        """Icons drawn in the palette's text colour (standard ones vanish on dark themes)."""
        ink = QApplication.palette().color(QPalette.ColorRole.WindowText)
        unique, conflict = self.style_.color("unique_mark"), self.style_.color("conflict_line")
        self.act_next_unique.setIcon(icons.arrow_icon(True, unique, ink))
        self.act_prev_unique.setIcon(icons.arrow_icon(False, unique, ink))
        self.act_next_conflict.setIcon(icons.arrow_icon(True, conflict, ink))
        self.act_prev_conflict.setIcon(icons.arrow_icon(False, conflict, ink))
        self.act_lock.setIcon(icons.lock_icon(ink))
        self.act_swap.setIcon(icons.swap_icon(ink))

    def _connect(self) -> None:
        self.controller.started.connect(self._on_controller_started)
        self.controller.progressed.connect(self._on_controller_progressed)
        self.controller.comparison_ready.connect(self._on_controller_comparison_ready)
        self.controller.failed.connect(self._on_controller_failed)
        self.controller.cancelled.connect(self._on_controller_cancelled)
        self.cancel_button.clicked.connect(self.cancel)
        self.facts_dock.fact_activated.connect(self._on_facts_dock_fact_activated)
        self.strip.link_clicked.connect(self._on_strip_link_clicked)
        for side, view in self.views.items():
            view.passage_activated.connect(
                lambda sentence, s=side: self.activate_passage(s, sentence)
            )
            view.file_dropped.connect(lambda path, s=side: self.open_side(s, path))
            view.url_dropped.connect(lambda url, s=side: self.open_url(s, url))
            view.paste_requested.connect(lambda s=side: self.paste_into_empty(s))
            view.pair_dropped.connect(self.compare_paths)
            view.files_dropped.connect(self.compare_many_paths)
            view.zoom_requested.connect(self.zoom)
            view.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self._on_view_scrolled(s)
            )

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        restored = isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry)
        if not restored:  # first run: 1600x1000, or 90% of a smaller screen
            available = self.screen().availableGeometry()
            self.resize(
                min(1600, int(available.width() * 0.9)), min(1000, int(available.height() * 0.9))
            )
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(splitter)

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
        if not self._remember:
            super().closeEvent(event)
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.setValue("font_size", self._font_size)
        self.settings.setValue("scroll_lock", self.act_lock.isChecked())
        self.settings.sync()
        super().closeEvent(event)

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

    def open_urls(self, a: str | None, b: str | None) -> None:
        """Fetch and compare: one or both sides replaced by web pages (checked first)."""
        try:
            sources = [Source.of_url(check_url(u)) if u else None for u in (a, b)]
        except ArticleComparerError as e:
            self._show_error("Open URL", str(e))
            return
        current = self._current_sources()
        new_a = sources[0] or (current[0] if current else None)
        new_b = sources[1] or (current[1] if current else None)
        if new_a is None or new_b is None:
            self._replace_side("a" if sources[0] else "b", sources[0] or sources[1])  # type: ignore[arg-type]
            return
        self.compare_sources((new_a, new_b))

    def open_url(self, side: Side, url: str) -> None:
        self.open_urls(url if side == "a" else None, url if side == "b" else None)

    def paste_into_empty(self, side: Side) -> None:
        """Ctrl+V in a pane: pastes there while the pane shows no article."""
        if self._current_sources() is None:
            self.paste_side(side)
        else:
            self.statusBar().showMessage(
                f"Use File ▸ Paste as article {side.upper()} to replace this article.", 5000
            )

    def current_sources(self) -> tuple[Source, Source] | None:
        return self._current_sources()

    def _current_sources(self) -> tuple[Source, Source] | None:
        return self._pending if self.controller.busy else (self.model.sources or self._pending)

    def open_pair(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Open two articles (or up to eight)",
            self._last_dir(),
            dialog_filters(),
        )
        if not files:
            return
        if len(files) > 2:  # several articles: the N-way view
            self._remember_dir(Path(files[0]))
            self.compare_many_paths([Path(f) for f in files])
            return
        if len(files) != 2:
            self._show_error("Open pair", "Choose two files (A and B), or up to eight.")
            return
        self._remember_dir(Path(files[0]))
        self.compare_paths(Path(files[0]), Path(files[1]))

    def compare_many_paths(self, paths: list[Path]) -> None:
        """Compare 3 to 8 articles in the N-way view (gui.nway_mode)."""
        from gui.nway_mode import nway_mode

        nway_mode(self).compare_paths(paths)

    def open_side(self, side: Side, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                f"Open article {side.upper()}",
                self._last_dir(),
                dialog_filters(),
            )
            if not name:
                return
            path = Path(name)
            self._remember_dir(path)
        self._replace_side(side, Source.of_path(path))

    def paste_side(self, side: Side) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if not (text.strip() or html.strip()):
            self.statusBar().showMessage("The clipboard holds no text.", 5000)
            return
        if is_url(text.strip()) and "\n" not in text.strip() and not html.strip():
            self.open_url(side, text.strip())  # a copied link: fetch the page
            return
        self._replace_side(side, Source.pasted(text, "pasted", html=html or None))

    def _replace_side(self, side: Side, source: Source) -> None:
        current = self._current_sources()
        if current is None:
            current = (source, source)
        pair = (source, current[1]) if side == "a" else (current[0], source)
        self.compare_sources(pair)

    def reload(self) -> None:
        sources = self._current_sources()
        if sources is not None:
            self.compare_sources(sources)

    def swap(self) -> None:
        sources = self._current_sources()
        if sources is not None:
            self.compare_sources((sources[1], sources[0]))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    @Slot()
    def _on_controller_started(self) -> None:
        self._set_busy(True)
        names = " and ".join(s.label for s in self._pending) if self._pending else "the articles"
        self.statusBar().showMessage(f"Reading and comparing {names}…")

    @Slot(float)
    def _on_controller_progressed(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

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
        self._building = PaneBuild(comparison, positions, self.style_, self._font_size, built, self)

    def _show_comparison(
        self,
        comparison: Comparison,
        sources: tuple[Source, Source],
        prepared: PreparedPanes | None,
    ) -> None:
        self._set_busy(False)
        self.model.set_comparison(comparison, sources, prepared)
        self._conflict_pos = -1
        s = comparison.summary
        summary = (
            f"{counted(s.links, 'link')} · {s.a_shared:.0%} of A and {s.b_shared:.0%} of B "
            f"shared · {counted(s.conflicts, 'conflicting fact')}"
        )
        notes = reading_notes(comparison)
        if notes:
            # How an input was read (damaged bytes, dropped text) must not go unseen: it stays
            # longer, and the whole list is in the tooltip of the status line.
            more = " …" if len(notes) > 1 else ""
            self.statusBar().showMessage(f"⚠ {notes[0]}{more} · {summary}", 60000)
            self.status_label.setText(f"⚠ {counted(len(notes), 'reading note')}")
            self.status_label.setToolTip("\n".join(notes))
            log.warning("reading notes: %s", " | ".join(notes))
        else:
            self.statusBar().showMessage(summary, 10000)
            self.status_label.setText("")
            self.status_label.setToolTip("")
        self.setWindowTitle(f"{sources[0].label} ↔ {sources[1].label} — Article Comparer")
        if sources[0].path is not None and sources[1].path is not None:
            self._add_recent(sources[0].path, sources[1].path)

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        self._set_busy(False)
        self._pending = self.model.sources
        self.statusBar().showMessage("Could not compare: " + message, 10000)
        self._show_error("Cannot compare", message)

    @Slot()
    def _on_controller_cancelled(self) -> None:
        self._set_busy(False)
        self._pending = self.model.sources
        self.statusBar().showMessage("Comparison cancelled.", 5000)

    def _show_error(self, title: str, message: str) -> None:
        if not self.interactive:  # e.g. --screenshot: nobody is there to close a dialog
            log.info("%s: %s", title, message)
            return
        QMessageBox.warning(self, title, message)

    # -- selection and scrolling --------------------------------------------------------------
    @contextmanager
    def _scroll_guard(self, forget_direction: bool = True) -> Iterator[None]:
        """Programmatic scrolling must not trigger scroll sync (no feedback loops)."""
        previous = self._syncing
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = previous
            if forget_direction and not previous:
                self._synced_at = {}  # the panes moved on their own: no direction to keep

    def activate_passage(self, side: Side, sentence: int) -> None:
        """Select a passage; level its counterpart with it in the other pane."""
        if self.model.comparison is None:
            return
        message = self.model.select_passage(side, sentence)
        self.statusBar().showMessage(message, 15000)
        if self.model.selected_link is None:
            return
        link = self.model.link(self.model.selected_link)
        src, dst = self.views[side], self.views[other(side)]
        with self._scroll_guard():
            doc_src = self.model.comparison.document(side)
            src_offset = doc_src.sentences[sentence].span.start
            top, _ = src.span_y(src_offset, src_offset + 1, exact=True)
            if top < 0 or top > src.viewport().height() - 20:
                src.scroll_offset_to(src_offset, src.viewport().height() // 3)
                top, _ = src.span_y(src_offset, src_offset + 1, exact=True)
            doc_dst = self.model.comparison.document(other(side))
            dst_offset = doc_dst.sentences[min(link.side(other(side)))].span.start
            dst.scroll_offset_to(dst_offset, top)
            dst_top, _ = dst.span_y(dst_offset, dst_offset + 1, exact=True)
            if dst_top != top:  # the counterpart hit a document end: move the source instead
                src.scroll_offset_to(src_offset, dst_top)

    def select_fact(self, index: int) -> None:
        """Highlight every occurrence of a fact and scroll each pane to its first one."""
        if self.model.comparison is None:
            return
        self.model.select_fact(index)
        fact = self.model.fact(index)
        with self._scroll_guard():
            for side in ("a", "b"):
                spans = fact.side(side)  # type: ignore[arg-type]
                if spans:
                    view = self.views[side]  # type: ignore[index]
                    view.scroll_offset_to(spans[0].start, view.viewport().height() // 3)
        where = []
        if fact.a:
            where.append(f"{len(fact.a)}× in A")
        if fact.b:
            where.append(f"{len(fact.b)}× in B")
        texts = (self.model.comparison.a.text, self.model.comparison.b.text)
        words = fact_words(fact, texts)
        values = f" — A: {words[0]!r}, B: {words[1]!r}" if words else ""
        self.statusBar().showMessage(
            f"{FACT_STATUS_LABEL[fact.status]} {fact.kind.value}: {fact_label(fact, texts)} "
            f"({', '.join(where)}){values}",
            15000,
        )

    @Slot(int)
    def _on_strip_link_clicked(self, index: int) -> None:
        self.model.select_link(index)
        self.statusBar().showMessage(self.model.describe_link(index), 15000)

    @Slot(int)
    def _on_facts_dock_fact_activated(self, index: int) -> None:
        self.select_fact(index)

    def _focused_side(self) -> Side:
        if self.views["b"].hasFocus():
            return "b"
        if self.views["a"].hasFocus():
            return "a"
        return self.model.active[0] if self.model.active else "a"

    def next_unique(self, step: int) -> None:
        comparison = self.model.comparison
        if comparison is None:
            return
        side = self._focused_side()
        runs = self.model.unique_runs(side)
        name = side.upper()
        if not runs:
            self.statusBar().showMessage(f"No unique passages in {name}.", 5000)
            return
        view = self.views[side]
        if self.model.active and self.model.active[0] == side:
            current = self.model.active[1]
        else:
            offset = view.offset_at(QPoint(0, 0))
            current = self.model.sentence_near(side, offset) - (1 if step > 0 else 0)
        if step > 0:
            after = [r for r in runs if r > current]
            target, wrapped = (after[0], False) if after else (runs[0], True)
        else:
            before = [r for r in runs if r < current]
            target, wrapped = (before[-1], False) if before else (runs[-1], True)
        self.model.select_passage(side, target)
        offset = comparison.document(side).sentences[target].span.start
        with self._scroll_guard():
            view.scroll_offset_to(offset, view.viewport().height() // 3)
        self._sync_from(side)
        n = runs.index(target) + 1
        end = self.model.unique_run_end(side, target)
        self.statusBar().showMessage(
            f"Unique passage {n} of {len(runs)} in {name} ({counted(end - target, 'sentence')})"
            + (" — wrapped around" if wrapped else ""),
            10000,
        )

    def next_conflict(self, step: int) -> None:
        conflicts = self.model.conflicts
        if not conflicts:
            self.statusBar().showMessage("No conflicting facts.", 5000)
            return
        if self.model.selected_fact in conflicts:
            self._conflict_pos = conflicts.index(self.model.selected_fact)
        self._conflict_pos = (self._conflict_pos + step) % len(conflicts)
        if self._conflict_pos < 0:
            self._conflict_pos += len(conflicts)
        index = conflicts[self._conflict_pos]
        self.select_fact(index)
        self.facts_dock.show_fact(index)

    def _on_lock_toggled(self) -> None:
        if self.act_lock.isChecked():
            self._sync_from("a")

    def _on_view_scrolled(self, side: Side) -> None:
        if self._syncing or not self.act_lock.isChecked():
            return
        self._sync_from(side)

    def _sync_from(self, side: Side) -> None:
        """Scroll the other pane to follow ``side`` through the links (core.scroll_sync)."""
        comparison = self.model.comparison
        if comparison is None or not self.act_lock.isChecked():
            return
        src, dst = self.views[side], self.views[other(side)]
        if src.shown is not comparison or dst.shown is not comparison:
            return  # a pane is still being switched to a new comparison
        bar, target_bar = src.verticalScrollBar(), dst.verticalScrollBar()
        fraction = syncpoint(bar.value(), bar.pageStep(), bar.maximum())
        y = int(fraction * src.viewport().height())
        sentence = self.model.sentence_near(side, src.offset_at(QPoint(0, y)))
        anchors: list[Anchor] = []
        for k in self.model.chain_around(side, sentence):
            link = comparison.links[k]
            s_top, s_bottom = src.sentences_y(link.side(side), exact=True)
            t_top, t_bottom = dst.sentences_y(link.side(other(side)), exact=True)
            anchors.append(
                (
                    float(s_top + bar.value()),
                    float(s_bottom + bar.value()),
                    float(t_top + target_bar.value()),
                    float(t_bottom + target_bar.value()),
                )
            )
        value = sync_scroll(
            bar.value(),
            bar.pageStep(),
            bar.maximum(),
            target_bar.pageStep(),
            target_bar.maximum(),
            anchors,
        )
        delta = bar.value() - self._synced_at.get(side, bar.value())
        value = round(steady(target_bar.value(), value, delta))
        with self._scroll_guard(forget_direction=False):
            target_bar.setValue(value)
        self._synced_at = {side: bar.value(), other(side): target_bar.value()}

    # -- view ---------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        if step == 0:
            self._font_size = DEFAULT_FONT_SIZE
        else:
            self._font_size = min(32.0, max(7.0, self._font_size + step))
        self._apply_font_size()

    def _apply_font_size(self) -> None:
        for view in self.views.values():
            view.set_font_size(self._font_size)
        self.strip.update()

    def font_size(self) -> float:
        return self._font_size

    def _apply_palette(self, theme: str) -> None:
        global _system_palette
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if _system_palette is None:  # what the platform gave us, before any theme was applied
            _system_palette = QPalette(app.palette())
        if theme == "dark":
            app.setPalette(dark_palette())
        elif theme == "light":
            app.setPalette(app.style().standardPalette())
        else:
            app.setPalette(_system_palette)

    def _on_color_scheme_changed(self) -> None:
        """The desktop switched between light and dark: follow it unless a theme was chosen."""
        global _system_palette
        if str(self.settings.value("theme", "system")) == "system":
            _system_palette = None
            QApplication.setPalette(QPalette())
            self.set_theme("system", remember=False)

    def set_theme(self, theme: str, remember: bool = True) -> None:
        if remember:
            self.settings.setValue("theme", theme)
        self._apply_palette(theme)
        self.style_ = Style(is_dark(QApplication.palette()))
        for pane in (self.pane_a, self.pane_b):
            pane.set_style(self.style_)
        self.strip.set_style(self.style_)
        self.legend.set_style(self.style_)
        self._paint_icons()
        self._apply_font_size()
        self.model.selection_changed.emit()
        if theme in self.theme_actions:
            self.theme_actions[theme].setChecked(True)

    # -- recent pairs -------------------------------------------------------------------------
    def recent_pairs(self) -> list[tuple[Path, Path]]:
        raw = self.settings.value("recent_pairs", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        pairs = []
        for item in items:
            parts = str(item).split("\n")
            if len(parts) == 2:
                pairs.append((Path(parts[0]), Path(parts[1])))
        return pairs

    def _add_recent(self, a: Path, b: Path) -> None:
        pairs = [p for p in self.recent_pairs() if p != (a, b)]
        pairs.insert(0, (a, b))
        self.settings.setValue("recent_pairs", [f"{x}\n{y}" for x, y in pairs[:MAX_RECENT]])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        pairs = self.recent_pairs()
        if not pairs:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
            return
        for a, b in pairs:
            act = self.recent_menu.addAction(f"{a.name} ↔ {b.name}")
            act.setToolTip(f"{a}\n{b}")
            act.triggered.connect(lambda _=False, x=a, y=b: self.compare_paths(x, y))

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def _remember_dir(self, path: Path) -> None:
        self.settings.setValue("last_dir", str(path.parent))

    # -- export -------------------------------------------------------------------------------
    def export(self) -> None:
        if self.model.comparison is None:
            return
        path_str, chosen = QFileDialog.getSaveFileName(
            self, "Export report", self._last_dir(), ";;".join(save_filters())
        )
        if not path_str:
            return
        self.export_to(*report_target(Path(path_str), chosen))

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write a report; errors go to a dialog and the comparison on screen stays."""
        comparison = self.model.comparison
        if comparison is None:
            return False
        sources = self.model.sources or ()
        protect = tuple(s.path for s in sources if s.path is not None)
        self.statusBar().showMessage(f"Writing {path.name}…")
        try:
            if fmt == "pdf":
                from gui.pdf_export import write_pdf

                run_blocking(lambda: write_pdf(comparison, path, protect=protect), self)
            else:
                from core.export import write_report

                run_blocking(lambda: write_report(comparison, path, fmt, protect=protect), self)
        except (ArticleComparerError, OSError, ImportError, ValueError) as e:
            log.debug("export failed", exc_info=True)
            self._show_error("Export failed", str(e) or type(e).__name__)
            return False
        self.statusBar().showMessage(f"Report written to {path}", 10000)
        return True
