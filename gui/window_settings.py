"""What the window keeps between runs in QSettings, and the view options it applies: geometry
and layout, the reading font size, the theme, the scroll lock, recent pairs and the last folder.

Imports: PySide6, gui.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.style import Style, dark_palette, is_dark

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MAX_RECENT = 8
DEFAULT_FONT_SIZE = 11.5
_system_palette: QPalette | None = None


def settings_list(settings: QSettings, key: str) -> list[str]:
    """A list setting; QSettings gives a lone item back as a plain string."""
    raw = settings.value(key, [])
    items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    return [str(item) for item in items]


def settings_float(settings: QSettings, key: str, default: float) -> float:
    raw = settings.value(key, default)
    try:
        return float(raw) if isinstance(raw, int | float | str) else default
    except ValueError:
        return default


def apply_palette(theme: str) -> None:
    """The application's palette for ``theme``: dark, light, or what the platform gave."""
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


class WindowSettings:
    """The window's saved settings and view options (font size, theme)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings
        self.font_size = settings_float(self.settings, "font_size", DEFAULT_FONT_SIZE)

    @property
    def scroll_lock(self) -> bool:
        return self.settings.value("scroll_lock", True) in (True, "true")

    # -- geometry -----------------------------------------------------------------------------
    def restore(self) -> None:
        window = self.window
        geometry = self.settings.value("geometry")
        restored = isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry)
        if not restored:  # first run: 1600x1000, or 90% of a smaller screen
            available = window.screen().availableGeometry()
            window.resize(
                min(1600, int(available.width() * 0.9)), min(1000, int(available.height() * 0.9))
            )
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray | bytes):
            window.restoreState(state)
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray | bytes):
            window.splitter.restoreState(splitter)

    def save(self) -> None:
        window = self.window
        self.settings.setValue("geometry", window.saveGeometry())
        self.settings.setValue("window_state", window.saveState())
        self.settings.setValue("splitter", window.splitter.saveState())
        self.settings.setValue("font_size", self.font_size)
        self.settings.setValue("scroll_lock", window.act_lock.isChecked())
        self.settings.sync()

    # -- view options -------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        if step == 0:
            self.font_size = DEFAULT_FONT_SIZE
        else:
            self.font_size = min(32.0, max(7.0, self.font_size + step))
        self.apply_font_size()

    def apply_font_size(self) -> None:
        for view in self.window.views.values():
            view.set_font_size(self.font_size)
        self.window.strip.update()

    def on_color_scheme_changed(self) -> None:
        """The desktop switched between light and dark: follow it unless a theme was chosen."""
        global _system_palette
        if str(self.settings.value("theme", "system")) == "system":
            _system_palette = None
            QApplication.setPalette(QPalette())
            self.set_theme("system", remember=False)

    def set_theme(self, theme: str, remember: bool = True) -> None:
        window = self.window
        if remember:
            self.settings.setValue("theme", theme)
        apply_palette(theme)
        window.style_ = Style(is_dark(QApplication.palette()))
        for pane in (window.pane_a, window.pane_b):
            pane.set_style(window.style_)
        window.strip.set_style(window.style_)
        window.legend.set_style(window.style_)
        window.menus.paint_icons()
        self.apply_font_size()
        window.model.selection_changed.emit()
        if theme in window.menus.theme_actions:
            window.menus.theme_actions[theme].setChecked(True)

    # -- recent pairs and the last folder -----------------------------------------------------
    def recent_pairs(self) -> list[tuple[Path, Path]]:
        pairs = []
        for item in settings_list(self.settings, "recent_pairs"):
            parts = item.split("\n")
            if len(parts) == 2:
                pairs.append((Path(parts[0]), Path(parts[1])))
        return pairs

    def add_recent(self, a: Path, b: Path) -> None:
        pairs = [p for p in self.recent_pairs() if p != (a, b)]
        pairs.insert(0, (a, b))
        self.settings.setValue("recent_pairs", [f"{x}\n{y}" for x, y in pairs[:MAX_RECENT]])

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        pairs = self.recent_pairs()
        if not pairs:
            menu.addAction("(none yet)").setEnabled(False)
            return
        for a, b in pairs:
            act = menu.addAction(f"{a.name} ↔ {b.name}")
            act.setToolTip(f"{a}\n{b}")
            act.triggered.connect(lambda _=False, x=a, y=b: self.window.compare_paths(x, y))

    def last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def remember_dir(self, path: Path) -> None:
        self.settings.setValue("last_dir", str(path.parent))
