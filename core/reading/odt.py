"""OpenDocument text (.odt): the body's paragraphs with roles from their styles.

Why the standard library: the ODF Python library (odfpy) has had no release since 2020, and an
.odt is a ZIP archive whose ``content.xml`` says everything needed: ``text:h`` headings,
``text:p`` paragraphs whose (automatic) style derives from "Title", "Heading n" or "Caption",
``text:list`` items and ``table:table`` rows. Footnotes (``text:note``), comments
(``office:annotation``), tracked deletions and drawings are skipped; headers and footers live
in ``styles.xml`` and are never read. The title comes from the Title paragraph, else from
``meta.xml``. Expat (the standard XML parser) refuses entity-expansion attacks itself.

Imports: standard library, core.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
import zipfile

from core.errors import InputError
from core.model import Role
from core.reading.blocks import Block
from core.reading.zip_guard import open_zip, read_member

log = logging.getLogger(__name__)

_WHAT = "OpenDocument text"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


_P, _H = _q("text", "p"), _q("text", "h")
_SPACE, _TAB, _BREAK = _q("text", "s"), _q("text", "tab"), _q("text", "line-break")
_SKIP = frozenset(
    {
        _q("text", "note"),
        _q("office", "annotation"),
        _q("office", "annotation-end"),
        _q("text", "tracked-changes"),
        _q("text", "deletion"),
        _q("text", "bookmark-ref"),
        _q("text", "sequence-decls"),
        _q("text", "table-of-content"),
    }
)
_CONTAINERS = frozenset(
    {
        _q("text", "section"),
        _q("text", "list"),
        _q("text", "list-item"),
        _q("text", "list-header"),
        _q("text", "soft-page-break"),
        _q("text", "index-body"),
    }
)
_LIST_ITEM = _q("text", "list-item")
_TABLE, _ROW, _CELL = _q("table", "table"), _q("table", "table-row"), _q("table", "table-cell")
_STYLE_NAME, _PARENT = _q("text", "style-name"), _q("style", "parent-style-name")
_ROLE_STYLES = (("title", Role.TITLE), ("subtitle", Role.HEADING), ("heading", Role.HEADING))
_CAPTION_STYLES = ("caption", "illustration", "figure", "drawing")


def _parse(data: bytes, source: str, name: str) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(source, f"damaged {_WHAT}: bad XML in {name} ({e})") from None


def _style_parents(*roots: ET.Element | None) -> dict[str, str]:
    parents: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(_q("style", "style")):
            name, parent = style.get(_q("style", "name")), style.get(_PARENT)
            if name and parent:
                parents[name] = parent
    return parents


def _style_role(name: str | None, parents: dict[str, str]) -> Role | None:
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        plain = name.replace("_20_", " ").casefold()
        for prefix, role in _ROLE_STYLES:
            if plain.startswith(prefix):
                return role
        if plain.startswith(_CAPTION_STYLES):
            return Role.CAPTION
        name = parents.get(name)
    return None


def _text(element: ET.Element) -> str:
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _SPACE:
            parts.append(" " * int(child.get(_q("text", "c"), "1") or 1))
        elif tag in (_TAB, _BREAK):
            parts.append(" ")
        elif tag not in _SKIP and not tag.startswith(f"{{{_NS['draw']}}}"):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(element: ET.Element, parents: dict[str, str], out: list[Block]) -> None:
    for child in element:
        tag = child.tag
        if tag in (_P, _H):
            text = " ".join(_text(child).split())
            if not text:
                continue
            role = _style_role(child.get(_STYLE_NAME), parents)
            if tag == _H and role is None:
                role = Role.HEADING
            out.append(Block(text, role))
        elif tag == _LIST_ITEM:
            before = len(out)
            _walk(child, parents, out)
            out[before:] = [Block(b.text, b.role or Role.BODY) for b in out[before:]]
        elif tag in _CONTAINERS:
            _walk(child, parents, out)
        elif tag == _TABLE:
            for row in child.iter(_ROW):
                cells = [" ".join(_text_of_cell(c).split()) for c in row.iter(_CELL)]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(Block(line))


def _text_of_cell(cell: ET.Element) -> str:
    return " ".join(_text(p) for p in cell.iter() if p.tag in (_P, _H))


def odt_blocks(data: bytes, source: str) -> tuple[list[Block], str | None]:
    """The document's Blocks in order and its title."""
    archive = open_zip(data, source, _WHAT)
    with archive:
        content = _parse(read_member(archive, "content.xml", source, _WHAT), source, "content.xml")
        styles = meta = None
        names = set(archive.namelist())
        if "styles.xml" in names:
            styles = _parse(read_member(archive, "styles.xml", source, _WHAT), source, "styles")
        if "meta.xml" in names:
            meta = _parse(read_member(archive, "meta.xml", source, _WHAT), source, "meta.xml")
    body = content.find(f"{_q('office', 'body')}/{_q('office', 'text')}")
    if body is None:
        raise InputError(source, f"not an {_WHAT} (no text body: a spreadsheet or drawing?)")
    parents = _style_parents(styles, content)
    blocks: list[Block] = []
    _walk(body, parents, blocks)
    if not blocks:
        raise InputError(source, f"no text in this {_WHAT}")
    title = next((b.text for b in blocks if b.role is Role.TITLE), None)
    if title is None and meta is not None:
        found = meta.find(f".//{_q('dc', 'title')}")
        if found is not None and found.text and found.text.strip():
            title = " ".join(found.text.split())
    return _one_title(blocks), title


def _one_title(blocks: list[Block]) -> list[Block]:
    """Later "Title" paragraphs are headings: a document has one title."""
    out: list[Block] = []
    seen = False
    for block in blocks:
        if block.role is Role.TITLE:
            if seen:
                block = Block(block.text, Role.HEADING)
            seen = True
        out.append(block)
    return out


def is_odt(archive: zipfile.ZipFile) -> bool:
    """True for an OpenDocument text package (its ``mimetype`` member says so)."""
    try:
        return archive.read("mimetype").strip() == ODT_MIMETYPE.encode()
    except KeyError:
        return "content.xml" in archive.namelist() and "word/document.xml" not in archive.namelist()
