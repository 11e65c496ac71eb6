"""Reports of an N-way comparison (JSON ``article-comparer/2``, Markdown, HTML), written atomically.

``render_nway(nway, fmt)`` returns the report text; ``write_nway_report`` writes it as
``core.export.write_report`` does for two articles (temporary file, ``os.replace``, never over
an input).

Imports: standard library, core.nway, core.export.
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from core.errors import ExportError
from core.export.writer import check_target, write_bytes
from core.nway import NWayComparison

NWAY_FORMATS = ("json", "md", "html")


def render_nway(nway: NWayComparison, fmt: str, reference: int = 0) -> str:
    """The report as text in ``fmt`` (json, md or html); the matrix follows ``reference``."""
    if fmt == "json":
        from core.export.nway_json import render_nway_json

        return render_nway_json(nway)
    if fmt == "md":
        from core.export.nway_markdown import render_nway_markdown

        return render_nway_markdown(nway, reference)
    if fmt == "html":
        from core.export.nway_html import render_nway_html

        return render_nway_html(nway, reference)
    raise ValueError(f"unknown report format {fmt!r}: choose json, md or html")


def write_nway_report(
    nway: NWayComparison,
    path: str | PathLike[str],
    fmt: str,
    protect: Iterable[str | PathLike[str]] = (),
    reference: int = 0,
) -> None:
    """Write the report to ``path`` atomically; never over an input (``protect``)."""
    target = Path(path)
    if fmt not in NWAY_FORMATS:
        raise ExportError(str(target), f"{fmt!r} reports of several articles: use json, md or html")
    check_target(target, protect)
    write_bytes(target, render_nway(nway, fmt, reference).encode("utf-8", "replace"), protect)
