"""Word documents (.docx): the body's paragraphs, with roles from their styles, via python-docx.

Why styles: a Word draft says what each paragraph is ("Title", "Heading 2", "List Bullet",
"Caption"), which is more reliable than guessing from the text. Body paragraphs, list items and
table rows come in document order; headers, footers, footnotes and comments live in other parts
of the package and never reach the article. Plain paragraphs get no role so the usual text rules
can still spot a byline or a caption typed as normal text.

Imports: standard library, python-docx (imported lazily), core.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from core.errors import InputError
from core.model import Role
from core.reading.blocks import Block
from core.reading.zip_guard import open_zip

log = logging.getLogger(__name__)

_WHAT = "Word document"


def _role(style_name: str) -> Role | None:
    name = style_name.casefold()
    if name == "title":
        return Role.TITLE
    if name == "subtitle" or name.startswith("heading"):
        return Role.HEADING
    if name == "caption":
        return Role.CAPTION
    if name.startswith("list"):
        return Role.BODY  # list items are text even when short and unpunctuated
    return None


def _style_name(paragraph: Any) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):  # a style id the styles part lacks
        return ""
    return str(style.name or "") if style is not None else ""


def _table_blocks(table: Any) -> list[Block]:
    blocks: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat themselves
                cells.append(text)
        if cells:
            blocks.append(Block(" | ".join(cells)))
    return blocks


def docx_blocks(data: bytes, source: str) -> tuple[list[Block], str | None]:
    """The document's Blocks in order and its title (Title style, else the core properties)."""
    open_zip(data, source, _WHAT).close()  # refuses zip bombs before python-docx unpacks
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise InputError(source, f"damaged {_WHAT}: its main part is missing") from None
    except ValueError as e:  # e.g. a macro-enabled or template content type
        raise InputError(source, f"not a Word document python-docx can read ({e})") from None
    except (KeyError, OSError, SyntaxError) as e:  # missing parts, broken XML
        raise InputError(source, f"damaged {_WHAT} ({type(e).__name__}: {e})") from None
    blocks: list[Block] = []
    title: str | None = None
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.extend(_table_blocks(item))
            continue
        text = " ".join(item.text.split())
        if not text:
            continue
        role = _role(_style_name(item))
        if role is Role.TITLE:
            if title is not None:
                role = Role.HEADING  # only one title; later "Title" paragraphs are headings
            else:
                title = text
        blocks.append(Block(text, role))
    if not blocks:
        raise InputError(source, f"no text in this {_WHAT}")
    if title is None:
        title = " ".join((document.core_properties.title or "").split()) or None
    return blocks, title
