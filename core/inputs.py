"""One article named on the command line or in the window: a file path or a web address.

Why its own module: the CLI and the window both take "a file or a URL" and must decide the same
way. Anything written as ``scheme://`` is a URL (so ``file://`` and ``ftp://`` are refused with a
clear line instead of "no such file"); everything else is a path.

``read_pasted`` reads what was pasted (or kept in a session): rich text copied from a browser
as a web page, its plain text when no article is found in it.

Imports: standard library, core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.errors import InputError
from core.fetch import check_url, is_url, read_url
from core.model import Document
from core.reading.dispatch import read_path, read_text


def read_input(
    name: str | Path,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """Read a file, or fetch and read a web page (``should_cancel``/``progress`` for URLs)."""
    if isinstance(name, str) and is_url(name):
        return read_url(check_url(name), should_cancel=should_cancel, progress=progress)
    return read_path(name)


def read_pasted(name: str, text: str | None, html: str | None = None) -> Document:
    """Pasted text: ``html`` read as a web page when there is one, else (or when that page holds
    no article and there is plain text) ``text``."""
    if html:
        try:
            return read_text(html, source=name, fmt="html")
        except InputError:
            if not (text and text.strip()):
                raise
    return read_text(text or "", source=name, fmt="auto")
