"""Articles into the window: file dialogs, drops on a pane, the clipboard and web addresses.

Each way of giving an article ends in ``MainWindow.compare_sources``: one side replaced keeps
the other side on screen (or the one being read).

Imports: PySide6, core, gui.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from core.errors import ArticleComparerError
from core.fetch import check_url, is_url
from core.model import Side, Sides
from core.reading.formats import dialog_filters
from gui.comparison_model import Source

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class WindowInputs:
    """Opens, drops, pastes and fetches articles for the window's panes."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        for side, view in window.views.items():
            view.file_dropped.connect(lambda path, s=side: self.open_side(s, path))
            view.url_dropped.connect(lambda url, s=side: self.open_url(s, url))
            view.paste_requested.connect(lambda s=side: self.paste_into_empty(s))
            view.pair_dropped.connect(window.compare_paths)
            view.files_dropped.connect(self.compare_many_paths)

    def open_urls(self, a: str | None, b: str | None) -> None:
        """Fetch and compare: one or both sides replaced by web pages (checked first)."""
        try:
            sources = [Source.of_url(check_url(u)) if u else None for u in (a, b)]
        except ArticleComparerError as e:
            self.window.show_error("Open URL", str(e))
            return
        current = self.window.current_sources()
        new_a = sources[0] or (current[0] if current else None)
        new_b = sources[1] or (current[1] if current else None)
        if new_a is None or new_b is None:
            side: Side = "a" if sources[0] else "b"
            source = sources[0] or sources[1]
            if source is not None:
                self.replace_side(side, source)
            return
        self.window.compare_sources((new_a, new_b))

    def open_url(self, side: Side, url: str) -> None:
        self.open_urls(url if side == "a" else None, url if side == "b" else None)

    def paste_into_empty(self, side: Side) -> None:
        """Ctrl+V in a pane: pastes there while the pane shows no article."""
        if self.window.current_sources() is None:
            self.paste_side(side)
        else:
            self.window.statusBar().showMessage(
                f"Use File ▸ Paste as article {side.upper()} to replace this article.", 5000
            )

    def open_pair(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            "Open two articles (or up to eight)",
            self.window.prefs.last_dir(),
            dialog_filters(),
        )
        if not files:
            return
        if len(files) > 2:  # several articles: the N-way view
            self.window.prefs.remember_dir(Path(files[0]))
            self.compare_many_paths([Path(f) for f in files])
            return
        if len(files) != 2:
            self.window.show_error("Open pair", "Choose two files (A and B), or up to eight.")
            return
        self.window.prefs.remember_dir(Path(files[0]))
        self.window.compare_paths(Path(files[0]), Path(files[1]))

    def compare_many_paths(self, paths: list[Path]) -> None:
        """Compare 3 to 8 articles in the N-way view (gui.nway_mode)."""
        from gui.nway_mode import nway_mode

        nway_mode(self.window).compare_paths(paths)

    def open_side(self, side: Side, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                f"Open article {side.upper()}",
                self.window.prefs.last_dir(),
                dialog_filters(),
            )
            if not name:
                return
            path = Path(name)
            self.window.prefs.remember_dir(path)
        self.replace_side(side, Source.of_path(path))

    def paste_side(self, side: Side) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if not (text.strip() or html.strip()):
            self.window.statusBar().showMessage("The clipboard holds no text.", 5000)
            return
        if is_url(text.strip()) and "\n" not in text.strip() and not html.strip():
            self.open_url(side, text.strip())  # a copied link: fetch the page
            return
        self.replace_side(side, Source.pasted(text, "pasted", html=html or None))

    def replace_side(self, side: Side, source: Source) -> None:
        current = self.window.current_sources()
        if current is None:
            current = (source, source)
        pair = Sides(*current).replace(side, source)
        self.window.compare_sources((pair.a, pair.b))
