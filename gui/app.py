"""TEMPORARY minimal window so `make run` works; replaced by the window work (issue 6)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QTextEdit, QWidget

from core.compare import compare
from core.reader import read_path


def run_app(paths: tuple[Path, Path], screenshot: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    comparison = compare(read_path(paths[0]), read_path(paths[1]))
    window = QMainWindow()
    central = QWidget()
    layout = QHBoxLayout(central)
    for doc in (comparison.a, comparison.b):
        pane = QTextEdit()
        pane.setReadOnly(True)
        pane.setPlainText(doc.text)
        layout.addWidget(pane)
    window.setCentralWidget(central)
    window.resize(1600, 1000)
    if screenshot is not None:
        window.show()
        ok = window.grab().save(str(screenshot))
        return 0 if ok else 1
    window.show()
    return int(app.exec())
