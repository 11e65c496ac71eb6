"""The main window's actions, menus and toolbar.

``WindowMenus(window, theme)`` makes the actions as ``window.act_*`` (the window, its tests and
the review and session modules reach them there), puts them in the File, Navigate and View menus
and the toolbar, and paints the icons that must follow the palette.

Imports: PySide6, gui.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from gui import icons
from gui.url_input import open_url_action
from gui.window_export import export

if TYPE_CHECKING:
    from gui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str


class WindowMenus:
    """Makes the window's actions, menus and toolbar; repaints the icons on a theme change."""

    def __init__(self, window: MainWindow, theme: str) -> None:
        self.window = window
        self.theme_actions: dict[str, QAction] = {}
        self._make_actions(theme)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | list[Shortcut] | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if icon is not None:
            action.setIcon(self.window.style().standardIcon(icon))
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _make_actions(self, theme: str) -> None:
        w = self.window
        sp = QStyle.StandardPixmap
        a = self._action
        w.act_open_pair = a(
            "Open &pair…",
            w.inputs.open_pair,
            QKeySequence.StandardKey.Open,
            sp.SP_DialogOpenButton,
            "Open two articles to compare",
        )
        w.act_open_a = a("Open &A…", lambda: w.inputs.open_side("a"), "Ctrl+Shift+1")
        w.act_open_b = a("Open &B…", lambda: w.inputs.open_side("b"), "Ctrl+Shift+2")
        w.act_open_url = open_url_action(w)
        w.act_paste_a = a("Paste as article A", lambda: w.inputs.paste_side("a"), "Ctrl+Alt+1")
        w.act_paste_b = a("Paste as article B", lambda: w.inputs.paste_side("b"), "Ctrl+Alt+2")
        w.act_reload = a(
            "&Reload",
            w.reload,
            QKeySequence.StandardKey.Refresh,
            sp.SP_BrowserReload,
            "Read both articles again and compare",
        )
        w.act_swap = a(
            "&Swap sides", w.swap, "Ctrl+Shift+X", sp.SP_ArrowRight, "Swap articles A and B"
        )
        w.act_export = a(
            "&Export report…",
            lambda: export(w),
            "Ctrl+E",
            sp.SP_DialogSaveButton,
            "Export an HTML, Markdown, JSON or PDF report",
        )
        w.act_quit = a("&Quit", w.close, QKeySequence.StandardKey.Quit)
        w.act_next_unique = a(
            "Next &unique passage",
            lambda: w.navigation.next_unique(1),
            ["F8", "Alt+Down"],
            sp.SP_ArrowDown,
            "Next passage found in only one article (F8)",
        )
        w.act_prev_unique = a(
            "Previous u&nique passage",
            lambda: w.navigation.next_unique(-1),
            ["Shift+F8", "Alt+Up"],
            sp.SP_ArrowUp,
            "Previous passage found in only one article (Shift+F8)",
        )
        w.act_next_conflict = a(
            "Next &conflict",
            lambda: w.navigation.next_conflict(1),
            "F9",
            sp.SP_MessageBoxWarning,
            "Next conflicting fact (F9)",
        )
        w.act_prev_conflict = a(
            "Previous c&onflict",
            lambda: w.navigation.next_conflict(-1),
            "Shift+F9",
            None,
            "Previous conflicting fact (Shift+F9)",
        )
        w.act_lock = a(
            "&Lock scrolling",
            w.sync.on_lock_toggled,
            "Ctrl+Shift+L",  # Ctrl+L opens a URL, as in a browser
            None,
            "Scroll both articles together, following the links",
        )
        w.act_lock.setCheckable(True)
        w.act_lock.setChecked(w.prefs.scroll_lock)
        w.act_zoom_in = a(
            "Zoom &in", lambda: w.prefs.zoom(1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        w.act_zoom_out = a("Zoom &out", lambda: w.prefs.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        w.act_zoom_reset = a("&Normal size", lambda: w.prefs.zoom(0), "Ctrl+0")
        w.act_prev_conflict.setIcon(w.act_next_conflict.icon())

        menu = w.menuBar().addMenu("&File")
        for act in (w.act_open_pair, w.act_open_a, w.act_open_b, w.act_open_url):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(w.act_paste_a)
        menu.addAction(w.act_paste_b)
        menu.addSeparator()
        w.recent_menu = menu.addMenu("Recent &pairs")
        w.recent_menu.aboutToShow.connect(w.prefs.fill_recent_menu)
        w.prefs.fill_recent_menu()
        menu.addAction(w.act_reload)
        menu.addAction(w.act_swap)
        menu.addSeparator()
        menu.addAction(w.act_export)
        menu.addSeparator()
        menu.addAction(w.act_quit)

        menu = w.menuBar().addMenu("&Navigate")
        for act in (
            w.act_next_unique,
            w.act_prev_unique,
            w.act_next_conflict,
            w.act_prev_conflict,
        ):
            menu.addAction(act)

        menu = w.menuBar().addMenu("&View")
        menu.addAction(w.act_lock)
        menu.addSeparator()
        for act in (w.act_zoom_in, w.act_zoom_out, w.act_zoom_reset):
            menu.addAction(act)
        menu.addSeparator()
        theme_menu = menu.addMenu("&Theme")
        group = QActionGroup(w)
        for key, label in (("system", "System"), ("light", "Light"), ("dark", "Dark")):
            act = QAction(label, w, checkable=True)
            act.setChecked(key == theme)
            act.triggered.connect(lambda _=False, k=key: w.prefs.set_theme(k))
            group.addAction(act)
            theme_menu.addAction(act)
            self.theme_actions[key] = act
        menu.addSeparator()
        menu.addAction(w.facts_dock.toggleViewAction())

        self.paint_icons()
        toolbar = w.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(w.act_open_pair)
        toolbar.addAction(w.act_reload)
        toolbar.addAction(w.act_swap)
        toolbar.addSeparator()
        for act in (
            w.act_prev_unique,
            w.act_next_unique,
            w.act_prev_conflict,
            w.act_next_conflict,
        ):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addAction(w.act_lock)
        toolbar.addAction(w.act_export)
        w.act_prev_unique.setIconText("Prev unique")
        w.act_next_unique.setIconText("Next unique")
        w.act_prev_conflict.setIconText("Prev conflict")
        w.act_next_conflict.setIconText("Next conflict")

    def paint_icons(self) -> None:
        """Icons drawn in the palette's text colour (standard ones vanish on dark themes)."""
        w = self.window
        ink = QApplication.palette().color(QPalette.ColorRole.WindowText)
        unique, conflict = w.style_.color("unique_mark"), w.style_.color("conflict_line")
        w.act_next_unique.setIcon(icons.arrow_icon(True, unique, ink))
        w.act_prev_unique.setIcon(icons.arrow_icon(False, unique, ink))
        w.act_next_conflict.setIcon(icons.arrow_icon(True, conflict, ink))
        w.act_prev_conflict.setIcon(icons.arrow_icon(False, conflict, ink))
        w.act_lock.setIcon(icons.lock_icon(ink))
        w.act_swap.setIcon(icons.swap_icon(ink))
