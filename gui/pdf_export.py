"""The PDF report: the HTML report's PDF variant laid out by QTextDocument onto A4 via QPdfWriter.

QTextDocument knows only a subset of CSS (no grid), so ``core.export.html_report`` renders a
PDF-specific variant (the two articles in a two-cell table). The PDF is made in memory and
written atomically with the same protections as the other formats (never over an input).
Needs a QGuiApplication for fonts; creates one on the offscreen platform when none exists, so
the headless CLI works without a display.

Imports: PySide6 (QtCore, QtGui) and core.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.errors import ExportError
from core.export import check_target, write_bytes
from core.export.html_report import render_html
from core.export.pdf_size import pdf_refusal
from core.export.view_model import drop_bidi
from core.model import Comparison

log = logging.getLogger(__name__)

_RESOLUTION = 300  # dots per inch of the PDF's layout grid; text stays vector either way
_MARGIN_MM = 12.0
_app: QGuiApplication | None = None  # kept alive when we had to create it ourselves


def ensure_gui_application() -> None:
    """Fonts and text layout need a QGuiApplication; make an offscreen one if there is none."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["article-comparer"])


def render_pdf(comparison: Comparison, title: str = "Article comparison") -> bytes:
    """The PDF report as bytes (A4 portrait)."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(drop_bidi(title))
    writer.setCreator("Article Comparer")
    writer.setResolution(_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setHtml(render_html(comparison, variant="pdf"))
    # Lay the document out at the page's width in points so 9pt text prints as 9pt.
    rect = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_pdf(
    comparison: Comparison,
    path: str | PathLike[str],
    protect: Iterable[str | PathLike[str]] = (),
) -> None:
    """Write the PDF report to ``path`` atomically; never over an input (``protect``).

    Refuses a comparison over ``PDF_WORD_LIMIT`` words before laying out anything (the CLI and
    the window both come through here); ``render_pdf`` itself has no limit.
    """
    target = Path(path)
    protect = tuple(protect)
    check_target(target, protect)  # fail before the work of laying out pages
    refusal = pdf_refusal(comparison)
    if refusal is not None:
        raise ExportError(str(target), refusal)
    a, b = comparison.a, comparison.b
    try:
        data = render_pdf(comparison, f"Comparison: {a.title or a.source} / {b.title or b.source}")
    except RuntimeError as e:  # Qt could not start (no platform plugin, no fonts)
        raise ExportError(str(target), f"cannot make a PDF: {e}") from None
    if not data.startswith(b"%PDF"):
        raise ExportError(str(target), "Qt produced no PDF data")
    write_bytes(target, data, protect)
    log.debug("PDF %s: %d bytes", target, len(data))
