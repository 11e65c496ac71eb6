"""Reading articles: a path or pasted text into a ``Document`` (paragraphs, roles, sentences).

Every comparison starts here. ``read_path`` checks the file (exists, not a directory, not empty,
under the size limit), decodes it (core.reading.decoding), picks a reader by suffix or by
sniffing, and builds the Document; ``read_text`` does the same for text already in memory.
All expected failures are ``InputError`` with one line naming the input and the problem.

Plain text has two paragraph conventions (both occur in real input): blank lines between
paragraphs, or one paragraph per line. A single line break is a paragraph break unless the file
is hard-wrapped (short lines that run on into the next one), in which case blank lines alone
separate paragraphs. Markdown and HTML go through their own modules and come back as blocks.

Imports: standard library and core modules only.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from core.errors import Cancelled, InputError
from core.model import Document, Paragraph, Role, Sentence, Span
from core.reading.decoding import decode_bytes, normalize_text
from core.reading.formats import text_suffixes
from core.reading.roles import assign_roles
from core.reading.sentences import split_sentences

log = logging.getLogger(__name__)
_R = TypeVar("_R")

# Why 20 MB: a long news article is 10-100 KB and the 1M-word alignment benchmark text is about
# 6 MB, so 20 MB leaves room for any real article (or a saved page with its scripts) while
# refusing logs, dumps and pages full of inline images, which would take minutes and gigabytes
# to align and would freeze the text panes.
MAX_BYTES = 20 * 1024 * 1024

FORMATS = ("txt", "md", "html")
_SUFFIXES = text_suffixes()  # the one suffix table lives in core.reading.formats

_LINE = re.compile(r"[^\n]+")
_BLANK_RUN = re.compile(r"\n[^\S\n]*\n\s*")
_NON_SPACE = re.compile(r"\S")
_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|h[1-6]|li|td|article|section)>", re.IGNORECASE)
_MD_SNIFF = re.compile(r"^(?:#{1,6}\s+\S|[-*]\s+\S.*\n[-*]\s+\S|.+\n=+\s*$)|\*\*\S", re.MULTILINE)
_TERMINAL_END = re.compile(r"[.!?…:\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph found by a structured reader; ``role`` None lets the text rules decide."""

    text: str
    role: Role | None = None


def sniff_format(text: str) -> str:
    """``html``, ``md`` or ``txt`` from the text itself, for inputs whose suffix says nothing."""
    head = text[:4096]
    if _HTML_SNIFF.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if _MD_SNIFF.search(head):
        return "md"
    return "txt"


def _is_hard_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """True when single line breaks inside blank-line blocks are mostly line wrapping."""
    if len(lines) < 4 or not _BLANK_RUN.search(text):
        return False
    longest = max(e - s for s, e in lines)
    if longest > 120:
        return False
    breaks = runs_on = 0
    for (s1, e1), (s2, _e2) in itertools.pairwise(lines):
        if text.count("\n", e1, s2) != 1:
            continue  # a blank line: a paragraph break in both conventions
        breaks += 1
        if not _TERMINAL_END.search(text, s1, e1) or text[s2].islower():
            runs_on += 1
    return breaks > 0 and runs_on * 2 >= breaks


def _trimmed_lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        first = _NON_SPACE.search(text, s, e)
        if first is None:
            continue
        s = first.start()
        while text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def _txt_paragraphs(text: str) -> list[tuple[int, int]]:
    lines = _trimmed_lines(text)
    if not _is_hard_wrapped(text, lines):
        return lines
    paragraphs: list[tuple[int, int]] = []
    for s, e in lines:
        if paragraphs and text.count("\n", paragraphs[-1][1], s) == 1:
            paragraphs[-1] = (paragraphs[-1][0], e)
        else:
            paragraphs.append((s, e))
    return paragraphs


_ONE_STATEMENT = frozenset({Role.TITLE, Role.HEADING})


def build_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    source: str,
    hints: Sequence[Role | None] | None = None,
    title: str | None = None,
) -> Document:
    """A Document from paragraph spans into ``text``; ``hints`` fix roles a reader knows."""
    if not spans:
        raise InputError(source, "no text to compare")
    texts = [text[s:e] for s, e in spans]
    has_title_hint = hints is not None and Role.TITLE in hints
    roles = assign_roles(texts, first_is_title=False if has_title_hint else None)
    if hints is not None:
        roles = [
            hint if hint is not None else role for hint, role in zip(hints, roles, strict=True)
        ]
    paragraphs = tuple(Paragraph(Span(s, e), r) for (s, e), r in zip(spans, roles, strict=True))
    sentences: list[Sentence] = []
    for index, ((s, e), role) in enumerate(zip(spans, roles, strict=True)):
        pieces = split_sentences(text, s, e)
        if role in _ONE_STATEMENT and len(pieces) > 1:
            # A headline is one statement even when an abbreviation inside it ("NE Phila. Kraft
            # Plant") looks like a sentence end: splitting it leaves fragments that align badly.
            pieces = [(pieces[0][0], pieces[-1][1])]
        sentences.extend(Sentence(Span(a, b), index) for a, b in pieces)
    if title is None:
        title = next((texts[i] for i, r in enumerate(roles) if r is Role.TITLE), None)
    return Document(text, source, title, paragraphs, tuple(sentences))


def document_from_blocks(blocks: Sequence[Block], source: str, title: str | None) -> Document:
    """Join structured blocks with blank lines into one text and build the Document."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    hints: list[Role | None] = []
    pos = 0
    for block in blocks:
        body = " ".join(normalize_text(block.text).split())
        if not body:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(body)
        spans.append((pos, pos + len(body)))
        hints.append(block.role)
        pos += len(body)
    return build_document("".join(parts), spans, source, hints, title)


def _check_size(length: int, source: str) -> None:
    if length > MAX_BYTES:
        raise InputError(
            source,
            f"too large ({length / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB, far above any article)",
        )


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
        return build_document(text, _txt_paragraphs(text), source)
    if fmt == "md":
        from core.reading.markdown import check_cost, markdown_blocks

        check_cost(text, source)
        blocks, title = _parse(source, "Markdown file", lambda: markdown_blocks(text))
        if not blocks:
            raise InputError(source, "no text in this Markdown file")
        return document_from_blocks(blocks, source, title)
    if fmt == "html":
        from core.reading.html import html_blocks

        blocks, title = _parse(source, "HTML page", lambda: html_blocks(text, source, notices))
        return document_from_blocks(blocks, source, title)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)} or auto")


def read_text(text: str, source: str = "<pasted>", fmt: str = "txt") -> Document:
    """Read text already in memory (``fmt``: txt, md, html, or auto to sniff)."""
    _check_size(len(text.encode("utf-8", "surrogatepass")), source)
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
        _check_size(p.stat().st_size, source)
        data = p.read_bytes()
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as e:
        raise InputError(source, f"cannot read ({e.strerror or type(e).__name__})") from None
    if not data:
        raise InputError(source, "empty file")
    from core.reading.documents import read_document

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
