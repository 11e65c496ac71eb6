"""Writes real .docx, .odt and .pdf files from an article's paragraphs, for tests and benchmarks.

Each writer is an independent implementation of its format (python-docx, odfpy, Qt's PDF
writer), so the readers under test never read what they wrote themselves. ``Article`` is the
text as written: a title, optional headings, body paragraphs and list items; the readers must
give back the same words.

The PDF writer lays text out by hand with QPainter so that it can produce what real PDFs hold:
two columns, running headers and footers with page numbers, and words hyphenated at line ends.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Article:
    title: str
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    # kind: "body", "heading", "item" (a bulleted list item)

    @staticmethod
    def from_text(text: str) -> Article:
        """Title = first line; then one paragraph per non-empty line (short unterminated
        lines between paragraphs become headings)."""
        lines = [" ".join(line.split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        title, rest = lines[0], lines[1:]
        paragraphs: list[tuple[str, str]] = []
        for line in rest:
            heading = len(line.split()) <= 8 and not re.search(r"[.!?:\"”’)]$", line)
            paragraphs.append(("heading" if heading else "body", line))
        return Article(title, paragraphs)

    def words(self) -> list[str]:
        return " ".join([self.title, *(t for _k, t in self.paragraphs)]).split()


# -- docx ---------------------------------------------------------------------------------------
def write_docx(article: Article, path: Path, footnote: str | None = None) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = article.title
    d.add_paragraph(article.title, style="Title")
    for kind, text in article.paragraphs:
        if kind == "heading":
            d.add_heading(text, level=2)
        elif kind == "item":
            d.add_paragraph(text, style="List Bullet")
        else:
            d.add_paragraph(text)
    section = d.sections[0]
    section.header.paragraphs[0].text = "Running header of the Example Gazette"
    section.footer.paragraphs[0].text = "Page footer: all rights reserved"
    d.save(str(path))
    if footnote is not None:
        _add_docx_comment(path, footnote)
    return path


def _add_docx_comment(path: Path, comment: str) -> None:
    """A comments part (as Word writes it) whose text must not reach the article."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:comment w:id="0" w:author="Editor"><w:p><w:r><w:t>{comment}</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    )
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/comments.xml", xml)


# -- odt ----------------------------------------------------------------------------------------
def write_odt(article: Article, path: Path, note: str | None = None) -> Path:
    from odf.dc import Title as DcTitle
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P

    doc = OpenDocumentText()
    doc.meta.addElement(DcTitle(text=article.title))
    title_style = Style(name="Title", family="paragraph")
    title_style.addElement(TextProperties(fontsize="24pt", fontweight="bold"))
    doc.styles.addElement(title_style)
    heading_style = Style(name="Heading 2", family="paragraph")
    heading_style.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    doc.styles.addElement(heading_style)
    body_auto = Style(name="P1", family="paragraph", parentstylename="Standard")
    body_auto.addElement(ParagraphProperties(marginbottom="0.2cm"))
    doc.automaticstyles.addElement(body_auto)
    doc.text.addElement(P(stylename=title_style, text=article.title))
    current_list = None
    for n, (kind, text) in enumerate(article.paragraphs):
        if kind == "item":
            if current_list is None:
                current_list = List()
                doc.text.addElement(current_list)
            item = ListItem()
            item.addElement(P(text=text))
            current_list.addElement(item)
            continue
        current_list = None
        if kind == "heading":
            doc.text.addElement(H(outlinelevel=2, stylename=heading_style, text=text))
        else:
            p = P(stylename=body_auto, text=text)
            if note is not None and n == 0:
                n_el = Note(noteclass="footnote", id="ftn1")
                n_el.addElement(NoteCitation(text="1"))
                body = NoteBody()
                body.addElement(P(text=note))
                n_el.addElement(body)
                p.addElement(n_el)
            doc.text.addElement(p)
    doc.save(str(path))
    return path


# -- pdf ----------------------------------------------------------------------------------------
@dataclass
class PdfLayout:
    columns: int = 1
    header: str | None = None  # running header on every page
    footer: bool = False  # "Page N" footer on every page
    hyphenate: bool = False  # break long words at line ends with a hyphen
    justify: bool = False  # stretch word spaces so lines fill the column (not the last line)
    body_size: float = 10.0
    image_only: bool = False  # a scanned page: a picture of text, no text layer


def write_pdf(article: Article, path: Path, layout: PdfLayout | None = None) -> Path:
    """Lay the article out on A4 pages with QPainter (points as units) and save a PDF."""
    from PySide6.QtCore import QMarginsF, QPointF, QRectF
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontMetricsF,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
    )

    layout = layout or PdfLayout()
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(article.title)
    width, height = 595.0, 842.0
    margin, gutter = 56.0, 20.0
    top, bottom = 80.0, height - 70.0
    painter = QPainter(writer)
    fonts = {
        "title": QFont("DejaVu Serif", 20, QFont.Weight.Bold),
        "heading": QFont("DejaVu Sans", int(layout.body_size + 3), QFont.Weight.Bold),
        "body": QFont("DejaVu Serif"),
        "item": QFont("DejaVu Serif"),
    }
    fonts["body"].setPointSizeF(layout.body_size)
    fonts["item"].setPointSizeF(layout.body_size)
    for f in fonts.values():
        f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    page_no = 1
    col_w = (width - 2 * margin - gutter * (layout.columns - 1)) / layout.columns
    scan: QImage | None = None
    scan_painter: QPainter | None = None

    def target() -> QPainter:
        return scan_painter if scan_painter is not None else painter

    def start_page() -> None:
        nonlocal scan, scan_painter
        if layout.image_only:
            scan = QImage(int(width), int(height), QImage.Format.Format_RGB32)
            scan.fill(QColor("white"))
            scan_painter = QPainter(scan)
        p = target()
        small = QFont("DejaVu Sans")
        small.setPointSizeF(8)
        p.setFont(small)
        if layout.header:
            p.drawText(QPointF(margin, 40.0), layout.header)
        if layout.footer:
            p.drawText(QPointF(width / 2 - 10, height - 36.0), f"Page {page_no}")

    def finish_page() -> None:
        nonlocal scan_painter
        if scan_painter is not None and scan is not None:
            scan_painter.end()
            scan_painter = None
            painter.drawImage(QRectF(0, 0, width, height), scan)

    start_page()
    y = top
    col = 0

    def new_column() -> None:
        nonlocal col, y, page_no
        col += 1
        y = column_top
        if col >= layout.columns:
            finish_page()
            writer.newPage()
            page_no += 1
            start_page()
            col = 0
            y = top

    # The title spans the page; columns start below it.
    p = target()
    p.setFont(fonts["title"])
    metrics = QFontMetricsF(fonts["title"], writer)
    for line in _wrap(article.title, metrics, width - 2 * margin, False):
        y += metrics.ascent()
        p.drawText(QPointF(margin, y), line)
        y += metrics.descent() + 4
    y += 14
    column_top = y
    for kind, text in article.paragraphs:
        font = fonts[kind]
        metrics = QFontMetricsF(font, writer)
        indent = 12.0 if kind == "item" else 0.0
        prefix = "• " if kind == "item" else ""
        if kind == "heading":
            y += 6
        lines = _wrap(
            prefix + text, metrics, col_w - indent, layout.hyphenate and kind != "heading"
        )
        for n, line in enumerate(lines):
            if y + metrics.height() > bottom:
                new_column()
            x = margin + col * (col_w + gutter) + indent
            y += metrics.ascent()
            target().setFont(font)
            words = line.split(" ")
            if layout.justify and n < len(lines) - 1 and len(words) > 1:
                used = sum(metrics.horizontalAdvance(w) for w in words)
                space = (col_w - indent - used) / (len(words) - 1)
                for word in words:
                    target().drawText(QPointF(x, y), word)
                    x += metrics.horizontalAdvance(word) + space
            else:
                target().drawText(QPointF(x, y), line)
            y += metrics.descent() + metrics.leading() + 1.5
        y += 7 if kind != "item" else 2
    finish_page()
    painter.end()
    return path


def _wrap(text: str, metrics: object, width: float, hyphenate: bool) -> list[str]:
    """Greedy line breaking; with ``hyphenate``, a long word that does not fit is split
    with a hyphen at the end of the line (the way word processors justify text)."""
    words = text.split()
    lines: list[str] = []
    line = ""
    fits = metrics.horizontalAdvance  # type: ignore[attr-defined]
    for word in words:
        trial = f"{line} {word}" if line else word
        if fits(trial) <= width:
            line = trial
            continue
        if hyphenate and len(word) >= 8 and word.isalpha() and line:
            for cut in range(len(word) - 3, 3, -1):
                head = f"{line} {word[:cut]}-"
                if fits(head) <= width:
                    lines.append(head)
                    word = word[cut:]
                    line = ""
                    break
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines
