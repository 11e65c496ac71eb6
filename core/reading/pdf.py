"""PDF documents: the article's text in reading order, via PDFium (pypdfium2).

A PDF holds positioned glyphs, not paragraphs, so the text is rebuilt from geometry:

1. Lines: PDFium's characters with their boxes and font sizes are grouped into lines (same
   baseline, no wide gap); a gap of more than 1.5 em ends a line too, so a generator that writes
   rows across two columns still gives one line per column.
2. Running headers, footers and page numbers: lines in the top or bottom band of the page whose
   text (digits ignored) repeats on at least half the pages, and bare page numbers ("3",
   "Page 3 of 9", "- 3 -"). They become boilerplate paragraphs, kept but never compared.
3. Reading order: a page with a vertical gutter that most lines keep clear of is read column by
   column; lines crossing the gutter (a headline over both columns) cut the page into bands read
   top to bottom. Columns are split again, so three columns work the same way.
4. Paragraphs: a line starts a new paragraph after a wider gap than the usual line pitch, a font
   size change, a bullet, or a short line that ended a sentence; a paragraph runs on across
   columns and pages while its last line did not end a sentence. A word hyphenated at a line
   end is joined again, keeping the hyphen only when the hyphenated form occurs elsewhere in the
   document ("well-known"). Larger type is a heading; the largest on page one is the title.

PDFium is not thread-safe, so every call holds one lock. Password-protected files and scans
without a text layer are one-line errors.

Imports: standard library, pypdfium2 (imported lazily), core.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import InputError
from core.model import Role
from core.reading.blocks import Block

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_MAX_PAGES = 500  # an article is a few pages; a 500-page book is not one

_BAND = 0.09  # top and bottom share of the page where running headers and footers sit
_PAGE_NUMBER = re.compile(
    r"^\W*(?:(?:page|p\.|seite|página|pagina)\s*)?\d{1,4}(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?\W*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•◦‣▪●■–*-]|\d{1,2}[.)])\s+")
_BULLET_GLYPH = re.compile(r"^[•◦‣▪●■]\s+")
_SENTENCE_END = re.compile(r"[.!?…:\"”’)»]$")
_HYPHENS = ("-", "\u00ad", "\u2010")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Line:
    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    text: str
    col: tuple[float, float] = (0.0, 0.0)  # the column's left and right edge, set in ordering

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class _Page:
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    has_images: bool = False


# -- reading PDFium's characters -----------------------------------------------------------------
def _chars_to_lines(
    text: str,
    boxes: Sequence[tuple[float, float, float, float]],
    sizes: Sequence[float],
    generated: Sequence[bool],
) -> list[_Line]:
    lines: list[_Line] = []
    cur: list[str] = []
    box: list[float] = []
    size_list: list[float] = []
    pending_space = False

    def flush() -> None:
        nonlocal cur, box, size_list
        body = "".join(cur).strip()
        if body:
            lines.append(_Line(box[0], box[1], box[2], box[3], statistics.median(size_list), body))
        cur, box, size_list = [], [], []

    for ch, (left, bottom, right, top), size, gen in zip(
        text, boxes, sizes, generated, strict=True
    ):
        if ch in "\x02\ufffe":  # PDFium's marks for a hyphen at the end of a line
            ch = "-"
        elif ch.isspace() or gen:  # PDFium's line breaks too: geometry decides where lines end
            pending_space = bool(cur)
            continue
        elif ch in "\ufeff\x00":
            continue
        size = size if size > 0 else max(top - bottom, 1.0)
        if cur:
            em = max(size, size_list[-1])
            jumped = abs(bottom - box[2]) > 0.5 * em and not (box[2] <= bottom <= box[3])
            gap = left - box[1]
            if jumped or gap > 1.5 * em or left < box[0] - 0.5 * em:
                flush()
                pending_space = False
            elif gap > 0.18 * em:
                pending_space = True
        if cur:
            if pending_space:
                cur.append(" ")
            box[1] = max(box[1], right)
            box[2] = min(box[2], bottom)
            box[3] = max(box[3], top)
        else:
            box = [left, right, bottom, top]
        pending_space = False
        cur.append(ch)
        size_list.append(size)
    flush()
    return lines


def _read_page(page: Any, raw: Any) -> _Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # surrogate pairs or a PDFium quirk: read char by char
            text = "".join(
                chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count)
            )
        boxes = [textpage.get_charbox(i, loose=True) for i in range(count)]
        sizes = [float(raw.FPDFText_GetFontSize(textpage.raw, i)) for i in range(count)]
        generated = [bool(raw.FPDFText_IsGenerated(textpage.raw, i) == 1) for i in range(count)]
    finally:
        textpage.close()
    result = _Page(width, height, _chars_to_lines(text, boxes, sizes, generated))
    if not result.lines:
        result.has_images = any(
            obj.type == raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2)
        )
    return result


def _open(data: bytes, source: str) -> tuple[list[_Page], str | None]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        message = str(e).casefold()
        if "password" in message:
            raise InputError(
                source, "this PDF is password-protected: remove the password and try again"
            ) from None
        raise InputError(source, f"damaged PDF: {e}") from None
    try:
        n = len(document)
        if n == 0:
            raise InputError(source, "this PDF has no pages")
        if n > _MAX_PAGES:
            raise InputError(source, f"{n} pages: far too long for an article")
        pages = []
        for i in range(n):
            page = document[i]
            try:
                pages.append(_read_page(page, raw))
            finally:
                page.close()
        title = (document.get_metadata_dict().get("Title") or "").strip() or None
    except pdfium.PdfiumError as e:
        raise InputError(source, f"damaged PDF: {e}") from None
    finally:
        document.close()
    return pages, title


# -- running headers and footers ---------------------------------------------------------------
def _band_key(line: _Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.casefold().split()))


def _in_band(line: _Line, page: _Page) -> bool:
    return line.bottom > page.height * (1 - _BAND) or line.top < page.height * _BAND


def _split_boilerplate(pages: list[_Page]) -> list[list[_Line]]:
    """Take running headers, footers and page numbers out of each page's lines."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_band_key(line) for line in page.lines if _in_band(line, page)})
    repeated = max(2, (len(pages) + 1) // 2)
    boilerplate: list[list[_Line]] = []
    size = _body_size([page.lines for page in pages])
    for page in pages:
        keep, out = [], []
        for line in page.lines:
            if _in_band(line, page) and (
                counts[_band_key(line)] >= repeated
                or _PAGE_NUMBER.match(line.text)
                or (line.size < 0.9 * size and len(line.text.split()) <= 12)
            ):
                out.append(line)
            else:
                keep.append(line)
        page.lines = keep
        boilerplate.append(out)
    return boilerplate


# -- reading order -----------------------------------------------------------------------------
def _gutter(lines: list[_Line]) -> float | None:
    """The x of a vertical gap between columns that nearly all lines keep clear of."""
    if len(lines) < 6:
        return None
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width <= 0:
        return None
    em = statistics.median(line.size for line in lines)
    step = max(0.5, em / 8)
    xs = [left + 0.2 * width + k * step for k in range(int(0.6 * width / step) + 1)]
    crossings = [sum(1 for line in lines if line.x0 < x < line.x1) for x in xs]
    fewest = min(crossings)
    # The widest run of positions crossed by the fewest lines; its middle is the gutter.
    best_run: tuple[int, int] = (0, -1)
    start: int | None = None
    for k, c in enumerate([*crossings, fewest + 1]):
        if c == fewest and start is None:
            start = k
        elif c != fewest and start is not None:
            if k - start > best_run[1] - best_run[0] + 1:
                best_run = (start, k - 1)
            start = None
    if (best_run[1] - best_run[0]) * step < 0.6 * em:
        return None
    x = (xs[best_run[0]] + xs[best_run[1]]) / 2
    crossing = fewest
    lefts = [line for line in lines if line.x1 <= x]
    rights = [line for line in lines if line.x0 >= x]
    if len(lefts) < 3 or len(rights) < 3 or crossing > 0.25 * len(lines):
        return None
    # Side by side: the two sides must share vertical space (else it is a list of short lines).
    low = max(min(line.bottom for line in lefts), min(line.bottom for line in rights))
    high = min(max(line.top for line in lefts), max(line.top for line in rights))
    if high - low < 3 * em:
        return None
    return x


def _order(lines: list[_Line], depth: int = 0) -> list[_Line]:
    """Lines in reading order: columns left to right inside bands cut by full-width lines."""
    rows = sorted(lines, key=lambda line: (-round(line.bottom, 0), line.x0))
    x = _gutter(rows) if depth < 3 else None
    if x is None:
        rows = _merge_rows(rows)
        if rows:  # the column's edges, from its body-size lines (a headline may be wider)
            size = statistics.median(line.size for line in rows)
            body = [line for line in rows if abs(line.size - size) < 0.5] or rows
            edge = (min(line.x0 for line in body), max(line.x1 for line in body))
            for line in rows:
                line.col = edge
        return rows
    out: list[_Line] = []
    band: list[_Line] = []
    for line in rows:
        if line.x0 < x < line.x1:  # spans the gutter: ends the band above it
            out.extend(_split_band(band, x, depth))
            band = []
            line.col = (line.x0, line.x1)
            out.append(line)
        else:
            band.append(line)
    out.extend(_split_band(band, x, depth))
    return out


def _merge_rows(rows: list[_Line]) -> list[_Line]:
    """Pieces of one line split at a wide gap (justified text) become one line again."""
    out: list[_Line] = []
    for line in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and abs(prev.bottom - line.bottom) < 0.3 * line.size
            and abs(prev.size - line.size) < 0.5
            and line.x0 >= prev.x1 - 1.0
        ):
            prev.text = f"{prev.text} {line.text}"
            prev.x1 = line.x1
            prev.bottom, prev.top = min(prev.bottom, line.bottom), max(prev.top, line.top)
        else:
            out.append(line)
    return out


def _split_band(band: list[_Line], x: float, depth: int) -> list[_Line]:
    left = [line for line in band if line.x1 <= x]
    right = [line for line in band if line.x1 > x]
    return _order(left, depth + 1) + _order(right, depth + 1)


# -- paragraphs --------------------------------------------------------------------------------
@dataclass(slots=True)
class _Para:
    lines: list[_Line]
    role: Role | None = None


def _body_size(pages: list[list[_Line]]) -> float:
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _pitch(lines: list[_Line], size: float) -> float:
    """The usual distance between baselines inside a paragraph: the smallest drop that occurs
    regularly (a median would pick the paragraph gap when most paragraphs are one line)."""
    drops = [
        round(a.bottom - b.bottom, 0)
        for a, b in itertools.pairwise(lines)
        if abs(a.size - size) < 0.5
        and abs(b.size - size) < 0.5
        and 0 < a.bottom - b.bottom < 3 * size
    ]
    if not drops:
        return 1.2 * size
    counts = Counter(drops)
    regular = max(2, len(drops) // 10)
    common = [d for d, c in counts.items() if c >= regular]
    return float(min(common)) if common else statistics.median(drops)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _starts_paragraph(prev: _Line, cur: _Line, pitch: float, size: float) -> bool:
    if abs(cur.size - prev.size) > 0.1 * max(cur.size, prev.size):
        return True
    if _BULLET.match(cur.text):
        return True
    drop = prev.bottom - cur.bottom
    if 0 < drop < 3 * pitch and cur.x0 < prev.x0 - 0.8 * size:
        return True  # back to the margin after an indented (list) line
    pitch *= cur.size / size  # headings have a wider line pitch of their own
    drop = prev.bottom - cur.bottom
    new_column = drop <= 0 or drop > 3 * pitch or cur.col != prev.col  # or a new page
    if not new_column and drop > 1.35 * pitch:
        return True
    if not _ends_sentence(prev.text) or cur.text[:1].islower():
        return False
    # The line ended a sentence with room to spare for the next line's first word: a
    # deliberate break, not wrapping.
    first = cur.text.split(" ", 1)[0]
    char_width = (cur.x1 - cur.x0) / max(len(cur.text), 1)
    if prev.col[1] - prev.x1 > (len(first) + 1.5) * char_width:
        return True
    if new_column:
        return False  # a full last line: the paragraph runs on in the next column
    # A first-line indent under a line that ended a sentence.
    return cur.x0 > prev.x0 + 0.8 * size


def _join(lines: list[_Line], hyphenated: set[str]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        nxt = line.text
        if text.endswith(_HYPHENS) and len(text) > 1 and text[-2].isalpha() and nxt[:1].isalpha():
            head = re.search(r"(\w+)\W?$", text)
            tail = re.match(r"\w+", nxt)
            word = f"{head.group(1) if head else ''}-{tail.group(0) if tail else ''}".casefold()
            if nxt[:1].islower() and word not in hyphenated:
                text = text[:-1] + nxt
            else:
                text = text[:-1] + "-" + nxt
        else:
            text = f"{text} {nxt}"
    return text


def _hyphenated_words(pages: list[list[_Line]]) -> set[str]:
    """Words written with a hyphen inside a line somewhere: their hyphen is real."""
    found: set[str] = set()
    for lines in pages:
        for line in lines:
            found.update(m.group(0).casefold() for m in re.finditer(r"\w+-\w+", line.text))
    return found


def _paragraphs(pages: list[list[_Line]], boilerplate: list[list[_Line]]) -> Iterator[Block]:
    size = _body_size(pages)
    flat = [line for lines in pages for line in lines]
    pitch = _pitch(flat, size)
    hyphenated = _hyphenated_words(pages)
    title_size = max((line.size for line in (pages[0] if pages else [])), default=size)
    current: list[_Line] = []
    pending: list[_Line] = []
    title_done = False

    def close() -> Iterator[Block]:
        nonlocal current, pending, title_done
        if current:
            joined = _join(current, hyphenated)
            text = _BULLET_GLYPH.sub("", joined)  # list markup, not words
            role: Role | None = Role.BODY if text != joined else None  # a list item
            first = current[0]
            if first.size >= 1.15 * size:
                role = Role.HEADING
                if not title_done and first.size >= title_size - 0.5 and first in pages[0]:
                    role = Role.TITLE
                    title_done = True
            yield Block(text, role)
        current = []
        for line in pending:
            yield Block(line.text, Role.BOILERPLATE)
        pending = []

    prev: _Line | None = None
    for lines, extra in zip(pages, boilerplate, strict=True):
        for line in lines:
            if prev is not None and current and _starts_paragraph(prev, line, pitch, size):
                yield from close()
            current.append(line)
            prev = line
        pending.extend(extra)
        if not current:
            yield from close()
    yield from close()


def pdf_blocks(data: bytes, source: str) -> tuple[list[Block], str | None]:
    """The PDF's paragraphs as Blocks in reading order, and its title."""
    with _LOCK:
        pages, meta_title = _open(data, source)
    if not any(page.lines for page in pages):
        if any(page.has_images for page in pages):
            raise InputError(source, "no text layer: scanned image? (run OCR on it first)")
        raise InputError(source, "no text in this PDF")
    boilerplate = _split_boilerplate(pages)
    ordered = [_order(page.lines) for page in pages]
    blocks = list(_paragraphs(ordered, boilerplate))
    if not any(b.role is not Role.BOILERPLATE for b in blocks):
        raise InputError(source, "no text in this PDF besides headers and page numbers")
    title = next((b.text for b in blocks if b.role is Role.TITLE), None) or meta_title
    return blocks, title
