"""The window's report export: the save dialog (the format from the file's suffix or the chosen
filter, ``core.export.formats``) and writing off the GUI thread, errors in a dialog.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from core.errors import ArticleComparerError
from core.export.formats import report_target, save_filters
from gui.background import run_blocking

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)


def export(window: MainWindow) -> None:
    """Ask where to write the report of the comparison on screen, and write it."""
    if window.model.comparison is None:
        return
    path_str, chosen = QFileDialog.getSaveFileName(
        window, "Export report", window.prefs.last_dir(), ";;".join(save_filters())
    )
    if path_str:
        export_to(window, *report_target(Path(path_str), chosen))


def export_to(window: MainWindow, path: Path, fmt: str) -> bool:
    """Write a report; errors go to a dialog and the comparison on screen stays."""
    comparison = window.model.comparison
    if comparison is None:
        return False
    sources = window.model.sources or ()
    protect = tuple(s.path for s in sources if s.path is not None)
    window.statusBar().showMessage(f"Writing {path.name}…")
    try:
        if fmt == "pdf":
            from gui.pdf_export import write_pdf

            run_blocking(lambda: write_pdf(comparison, path, protect=protect), window)
        else:
            from core.export import write_report

            run_blocking(lambda: write_report(comparison, path, fmt, protect=protect), window)
    except (ArticleComparerError, OSError, ImportError, ValueError) as e:
        log.debug("export failed", exc_info=True)
        window.show_error("Export failed", str(e) or type(e).__name__)
        return False
    window.statusBar().showMessage(f"Report written to {path}", 10000)
    return True
