"""Reports of a Comparison: JSON (``article-comparer/1``), Markdown and HTML, written atomically.

``render(comparison, fmt)`` returns the report text; ``write_report(comparison, path, fmt,
protect=(input paths))`` writes it through a temporary file in the target folder and
``os.replace``, refusing to overwrite an input. The PDF lives in ``gui.pdf_export`` (it needs Qt)
and writes through ``write_bytes`` here. Exporters only read the Comparison.

Imports: standard library, core.model, core.errors, markdown and nh3 (never Qt).
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from core.errors import ExportError
from core.export.writer import check_target, write_bytes
from core.model import Comparison

TEXT_FORMATS = ("json", "md", "html")

__all__ = ["TEXT_FORMATS", "check_target", "render", "write_bytes", "write_report"]


def render(comparison: Comparison, fmt: str) -> str:
    """The report as text in ``fmt`` (json, md or html)."""
    if fmt == "json":
        from core.export.json_report import render_json

        return render_json(comparison)
    if fmt == "md":
        from core.export.markdown_report import render_markdown

        return render_markdown(comparison)
    if fmt == "html":
        from core.export.html_report import render_html

        return render_html(comparison)
    raise ValueError(f"unknown report format {fmt!r}: choose json, md or html")


def write_report(
    comparison: Comparison,
    path: str | PathLike[str],
    fmt: str,
    protect: Iterable[str | PathLike[str]] = (),
) -> None:
    """Write the report to ``path`` atomically; never over an input (``protect``)."""
    target = Path(path)
    if fmt not in TEXT_FORMATS:
        problem = (
            "PDF is written by gui.pdf_export.write_pdf"
            if fmt == "pdf"
            else f"unknown report format {fmt!r} (json, md or html)"
        )
        raise ExportError(str(target), problem)
    check_target(target, protect)  # before the work of rendering
    write_bytes(target, render(comparison, fmt).encode("utf-8", "replace"), protect)
