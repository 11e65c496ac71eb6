"""Reading articles: a path or pasted text into a ``Document``, by the reader its format needs.

Every comparison starts here. ``read_path`` checks the file (exists, not a directory, not empty,
under the size limit), hands binary documents (PDF, Word, ODF) to core.reading.documents,
decodes the rest (core.reading.decoding), picks a text reader by suffix or by sniffing and
builds the Document; ``read_text`` does the same for text already in memory (pasted, or a test).
All expected failures are ``InputError`` with one line naming the input and the problem.

The dispatcher sits above every format reader (plain, markdown, html, documents) and imports
them; they never import it, and what they share lives in core.reading.blocks.

Imports: standard library, core.errors, core.model, core.reading.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from core.errors import Cancelled, InputError
from core.model import Document
from core.reading.blocks import build_document, check_size, document_from_blocks
from core.reading.decoding import decode_bytes, normalize_text
from core.reading.documents import read_document
from core.reading.formats import text_suffixes
from core.reading.html import html_blocks
from core.reading.markdown import check_cost, markdown_blocks
from core.reading.plain import txt_paragraphs

log = logging.getLogger(__name__)
_R = TypeVar("_R")

FORMATS = ("txt", "md", "html")
_SUFFIXES = text_suffixes()  # the one suffix table lives in core.reading.formats

_NON_SPACE = re.compile(r"\S")
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|h[1-6]|li|td|article|section)>", re.IGNORECASE)
_MD_SNIFF = re.compile(r"^(?:#{1,6}\s+\S|[-*]\s+\S.*\n[-*]\s+\S|.+\n=+\s*$)|\*\*\S", re.MULTILINE)


def sniff_format(text: str) -> str:
    """``html``, ``md`` or ``txt`` from the text itself, for inputs whose suffix says nothing."""
    head = text[:4096]
    if _HTML_SNIFF.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if _MD_SNIFF.search(head):
        return "md"
    return "txt"


def _parse(source: str, what: str, parser: Callable[[], _R]) -> _R:
    """Call a format reader; any failure inside its parser becomes the file's InputError.

    Third-party parsers (lxml, markdown, python-docx, pypdfium2) raise exceptions of their own
    on odd input; caught here, once, the user always gets one line naming the file.
    """
    try:
        return parser()
    except (InputError, Cancelled):
        raise
    except Exception as e:  # the boundary: whatever a parser raises
        detail = " ".join(str(e).split())[:200]
        kind = type(e).__name__
        raise InputError(source, f"cannot read this {what} ({kind}: {detail})") from None


def _read(text: str, source: str, fmt: str, notices: list[str]) -> Document:
    """The Document of decoded ``text``, carrying the reading ``notices`` gathered so far."""
    document = _read_format(text, source, fmt, notices)
    if notices:
        document = dataclasses.replace(document, notices=(*document.notices, *notices))
    return document


def _read_format(text: str, source: str, fmt: str, notices: list[str]) -> Document:
    if not _NON_SPACE.search(text):
        raise InputError(source, "empty (only whitespace)" if text else "empty")
    if fmt == "auto":
        fmt = sniff_format(text)
    if fmt == "txt":
        return build_document(text, txt_paragraphs(text), source)
    if fmt == "md":
        check_cost(text, source)
        blocks, title = _parse(source, "Markdown file", lambda: markdown_blocks(text))
        if not blocks:
            raise InputError(source, "no text in this Markdown file")
        return document_from_blocks(blocks, source, title)
    if fmt == "html":
        blocks, title = _parse(source, "HTML page", lambda: html_blocks(text, source, notices))
        return document_from_blocks(blocks, source, title)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)} or auto")


def read_text(text: str, source: str = "<pasted>", fmt: str = "txt") -> Document:
    """Read text already in memory (``fmt``: txt, md, html, or auto to sniff)."""
    check_size(len(text.encode("utf-8", "surrogatepass")), source)
    notices: list[str] = []
    return _read(normalize_text(text, notices), source, fmt, notices)


_WHOLE_PAGE = re.compile(r"\A\s*(?:<!doctype\s+html\b|<html\b)", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[A-Za-z!/?]")


def format_of(path: Path, text: str) -> str:
    """The reader for ``path``: by suffix, else by sniffing the text.

    A ``.txt`` that is a whole web page (a browser's "save as" with the wrong name) is read as
    HTML: nobody means to compare the markup, and plain text never starts with ``<!DOCTYPE html``.
    An ``.html`` without a single tag is plain text under the wrong name, and read as such.
    """
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt == "txt" and _WHOLE_PAGE.match(text):
        return "html"
    if fmt == "html" and not _ANY_TAG.search(text):
        return "txt"
    return fmt or sniff_format(text)


def read_path(path: str | Path) -> Document:
    """Read an article file: a text format by suffix or sniffing, a document by content."""
    p = Path(path)
    source = str(path)
    try:
        if not p.exists():
            raise InputError(source, "no such file")
        if p.is_dir():
            raise InputError(source, "is a directory, not a file")
        if not p.is_file():
            raise InputError(source, "not a regular file")
        check_size(p.stat().st_size, source)
        data = p.read_bytes()
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as e:
        raise InputError(source, f"cannot read ({e.strerror or type(e).__name__})") from None
    if not data:
        raise InputError(source, "empty file")
    # PDF, Word, ODF: by content, not name
    document = _parse(source, "document", lambda: read_document(data, source, p.suffix))
    if document is not None:
        return document
    notices: list[str] = []
    text = decode_bytes(data, source, notices)
    if not _NON_SPACE.search(text):
        raise InputError(source, "empty (only whitespace)")
    fmt = format_of(p, text)
    log.debug("%s: read %d bytes as %s", source, len(data), fmt)
    return _read(text, source, fmt, notices)
