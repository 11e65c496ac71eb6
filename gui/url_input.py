"""Web pages into the window: the "Open URL…" dialog and its action.

Why a module of its own: the main window wires many menus; what belongs to opening pages by
address (the dialog, taking a URL from the clipboard, checking it before any fetch) sits here,
and the window only calls ``open_url_action`` and ``MainWindow.open_urls``. The fetching itself
runs in the comparison worker (gui.compare_controller), with progress and cancel.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from core.fetch import is_url

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def clipboard_url() -> str:
    """The clipboard's text when it is one web address, else ""."""
    text = QGuiApplication.clipboard().text().strip()
    return text if is_url(text) and " " not in text and "\n" not in text else ""


class OpenUrlDialog(QDialog):
    """Two address fields; an empty one keeps that side's current article."""

    def __init__(self, parent: QWidget | None, a: str = "", b: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open web pages")
        self.url_a = QLineEdit(a)
        self.url_b = QLineEdit(b)
        for edit in (self.url_a, self.url_b):
            edit.setPlaceholderText("https://…")
            edit.setMinimumWidth(480)
        form = QFormLayout(self)
        form.addRow(QLabel("Web addresses of the articles (leave one empty to keep that side):"))
        form.addRow("Article &A:", self.url_a)
        form.addRow("Article &B:", self.url_b)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def urls(self) -> tuple[str | None, str | None]:
        a, b = self.url_a.text().strip(), self.url_b.text().strip()
        return a or None, b or None


def ask_urls(window: MainWindow) -> None:
    current = window.current_sources()
    a = current[0].url if current and current[0].url else clipboard_url()
    b = current[1].url if current and current[1].url else ""
    dialog = OpenUrlDialog(window, a or "", b or "")
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.open_urls(*dialog.urls())


def open_url_action(window: MainWindow) -> QAction:
    """ "Open URL…" (Ctrl+L, as in a browser's address bar)."""
    action = QAction("Open &URL…", window)
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.setStatusTip("Fetch one or two web pages and compare them")
    action.triggered.connect(lambda: ask_urls(window))
    window.addAction(action)
    return action
