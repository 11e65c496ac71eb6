"""Starts the window in N-way mode: ``run_nway_app(paths, screenshot)`` for 3 to 8 articles.

As ``gui.app.run_app`` for two: with ``screenshot`` set, the real window is rendered offscreen
once the comparison has finished, with a statement most articles carry selected (matrix row,
both panes, the statement in every article), saved as PNG; an input that cannot be read raises
``ArticleComparerError`` (one line, exit 1).

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from core.errors import ArticleComparerError, ExportError
from core.export import check_target, write_bytes
from core.nway import NWayComparison
from gui.app import SCREENSHOT_SIZE, _png, _quiet_offscreen_platform, application
from gui.nway_mode import NWayMode, nway_mode


def showcase_statement(nway: NWayComparison) -> int | None:
    """A statement worth showing: carried by the most articles, early in A, not the headline."""
    best: tuple[tuple[int, int], int] | None = None
    for k, st in enumerate(nway.statements):
        first = st.sentences[0]
        if not first or first[0] == 0:
            continue
        key = (st.count, -first[0])
        if best is None or key > best[0]:
            best = (key, k)
    return best[1] if best else None


def wait_for(mode: NWayMode, timeout_ms: int = 120_000) -> str | None:
    """Run the event loop until the N-way comparison finished; an error message or None."""
    loop = QEventLoop()
    outcome: list[str | None] = []

    def finish(message: str | None) -> None:
        outcome.append(message)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: finish("timed out"))
    c = mode.controller
    c.comparison_ready.connect(lambda *_: finish(None), type=Qt.ConnectionType.QueuedConnection)
    c.failed.connect(finish)
    c.cancelled.connect(lambda: finish("cancelled"))
    if c.busy:
        timer.start(timeout_ms)
        loop.exec()
        timer.stop()
    return outcome[0] if outcome else None


def run_nway_app(paths: list[Path], screenshot: Path | None = None) -> int:
    if screenshot is not None:
        check_target(screenshot, paths)
    app = application()
    from gui.main_window import MainWindow

    window = MainWindow(remember=screenshot is None)
    window.interactive = screenshot is None
    theme = os.environ.get("ARTICLE_COMPARER_THEME")
    if theme in ("light", "dark"):
        window.set_theme(theme, remember=False)
    mode = nway_mode(window)
    if screenshot is None:
        window.show()
        mode.compare_paths(paths)
        return int(app.exec())
    window.resize(*SCREENSHOT_SIZE)
    window.zoom(0)
    with _quiet_offscreen_platform():
        return _screenshot(app, window, mode, paths, screenshot)


def _screenshot(
    app: QApplication, window: object, mode: NWayMode, paths: list[Path], out: Path
) -> int:
    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show()
    mode.compare_paths(paths)
    error = wait_for(mode)
    if error is not None:
        window.close()
        raise ArticleComparerError(error)
    assert mode.nway is not None
    for _ in range(5):
        app.processEvents()
    k = showcase_statement(mode.nway)
    if k is not None:
        mode.show_statement(k)
    for _ in range(5):
        app.processEvents()
    png = _png(window)
    window.close()
    if png is None:
        raise ExportError(str(out), "cannot render the window as PNG")
    write_bytes(out, png, protect=paths)
    return 0
