"""Starts the window: ``run_app(paths, screenshot)``, for the command line.

With ``screenshot`` set, the real main window is rendered offscreen at 1600x1000 once the
comparison has finished, with one link selected so bands, highlights and word diff all show,
saved as PNG, and the function returns without entering the event loop for the user; an input
that cannot be read raises ``ArticleComparerError`` (one line, printed by the CLI, exit 1). Saved
window settings are neither used nor changed then; ``ARTICLE_COMPARER_THEME=light|dark`` and
``ARTICLE_COMPARER_ZOOM=<steps>`` pick the palette and zoom of the picture.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from core.errors import ArticleComparerError, ExportError
from core.export import check_target, write_bytes
from core.model import Comparison, LinkKind

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

ORGANIZATION = "Article Comparer"
APPLICATION = "article-comparer"
SCREENSHOT_SIZE = (1600, 1000)


def _icon() -> QIcon:
    """The application icon shipped in resources/icons (found via importlib.resources)."""
    resource = files("resources") / "icons" / "article-comparer.svg"
    with as_file(resource) as path:
        return QIcon(str(path)) if Path(path).is_file() else QIcon()


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Article Comparer")
    app.setWindowIcon(_icon())
    return app


def showcase_link(comparison: Comparison) -> int | None:
    """A link worth showing: a clear paraphrase with a word diff, early in A, not the title."""
    best: tuple[float, int] | None = None
    for k, link in enumerate(comparison.links):
        if min(link.a) == 0 or not comparison.a.is_content_sentence(min(link.a)):
            continue
        score = (
            (1.0 if link.diff else 0.0)
            + (1.0 if link.kind is LinkKind.PARAPHRASE else 0.0)
            - abs(link.similarity - 0.75)
            + (0.3 if len(link.a) + len(link.b) > 2 else 0.0)
            - 0.5 * min(link.a) / max(1, len(comparison.a.sentences))
        )
        if best is None or score > best[0]:
            best = (score, k)
    return best[1] if best else (0 if comparison.links else None)


def _wait_for_comparison(window: object, timeout_ms: int = 120_000) -> str | None:
    """Run the event loop until the window's comparison finished; returns an error or None."""
    from gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    loop = QEventLoop()
    outcome: list[str | None] = []

    def done(*_args: object) -> None:
        outcome.append(None)
        loop.quit()

    def failed(message: str) -> None:
        outcome.append(message)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: failed("timed out"))
    window.controller.comparison_ready.connect(done, type=Qt.ConnectionType.QueuedConnection)
    window.controller.failed.connect(failed)
    window.controller.cancelled.connect(lambda: failed("cancelled"))
    if window.controller.busy:
        timer.start(timeout_ms)
        loop.exec()
        timer.stop()
    return outcome[0] if outcome else None


# What the offscreen platform says about every top-level window; harmless, and it would be the
# only output of a successful --screenshot run.
_OFFSCREEN_NOISE = "does not support propagateSizeHints"


@contextmanager
def _quiet_offscreen_platform() -> Iterator[None]:
    """Drop the offscreen plugin's noise; pass every other Qt message on as before."""
    previous = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if _OFFSCREEN_NOISE in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _png(widget: QWidget) -> bytes | None:
    """The widget rendered as PNG bytes, whatever the target file is called."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()) if ok else None


def run_app(
    paths: tuple[str | Path, str | Path],
    screenshot: Path | None = None,
    session: Path | None = None,
) -> int:
    """The window on ``paths`` (files or web addresses), or on the review ``session`` when given.

    Only files are protected from writes.
    """
    files = tuple(p for p in paths if isinstance(p, Path))
    if screenshot is not None:
        # Before any work, and never through QImage.save(path): Qt truncates the file before it
        # finds out it cannot write the format, so "--screenshot a.txt" used to empty article a.
        check_target(screenshot, files)
    app = application()
    from gui.main_window import MainWindow

    window = MainWindow(remember=screenshot is None)
    window.interactive = screenshot is None
    theme = os.environ.get("ARTICLE_COMPARER_THEME")
    if theme in ("light", "dark"):  # for screenshots of either palette; not remembered
        window.set_theme(theme, remember=False)
    zoom = os.environ.get("ARTICLE_COMPARER_ZOOM")
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
        window.zoom(0)
        if zoom and zoom.lstrip("-").isdigit():  # ARTICLE_COMPARER_ZOOM=3: three steps larger
            window.zoom(int(zoom))
    if screenshot is None:
        window.show()
        if session is not None:
            window.sessions.open(session)
        else:
            window.compare_inputs(paths[0], paths[1])
        return int(app.exec())
    with _quiet_offscreen_platform():
        return _screenshot(app, window, paths, screenshot, session)


def _screenshot(
    app: QApplication,
    window: MainWindow,
    paths: tuple[str | Path, str | Path],
    out: Path,
    session: Path | None = None,
) -> int:
    window.show()
    if session is not None:
        if not window.sessions.open(session):
            raise ArticleComparerError(f"{session}: cannot open the session")
    else:
        window.compare_inputs(paths[0], paths[1])
    error = _wait_for_comparison(window)
    if error is not None:
        window.close()
        # The message already names the input ("b.txt: no such file"); the CLI prints it, exit 1.
        raise ArticleComparerError(error)
    comparison = window.model.comparison
    assert comparison is not None
    k = showcase_link(comparison)
    hand = [n for n, link in enumerate(comparison.links) if link.by == "hand"]
    if session is not None and hand:  # a review session: show its latest hand link
        k = hand[-1]
    for _ in range(5):
        app.processEvents()
    if k is not None:
        window.activate_passage("a", comparison.links[k].a[0])
    for _ in range(5):
        app.processEvents()
    png = _png(window)
    window.close()
    if png is None:
        raise ExportError(str(out), "cannot render the window as PNG")
    write_bytes(out, png, protect=[p for p in paths if isinstance(p, Path)])
    return 0
