"""Binary documents (.pdf, .docx, .odt) recognized by their content, not by their name.

Why by content: files get renamed, and browsers save PDFs as ``view.php``. The first bytes say
what a file is: ``%PDF-`` is a PDF, a ZIP archive holding ``word/document.xml`` is a Word
document and one whose ``mimetype`` says ``opendocument.text`` is an .odt; an OLE2 container
(``D0 CF 11 E0``) is an old Office file, refused with what to do instead. Anything else is left to
the text readers (so a ``.docx`` that is really plain text is read as text).

``read_document`` is the hook core.reading.dispatch calls before decoding bytes as text; it
returns None for text.

Imports: standard library, core.errors, core.model, core.reading (blocks, formats and the
document readers: pdf, docx, odt).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from core.errors import InputError
from core.model import Document
from core.reading.blocks import Block, document_from_blocks
from core.reading.docx import docx_blocks
from core.reading.formats import UNSUPPORTED_SUFFIXES, format_for_suffix
from core.reading.odt import is_odt, odt_blocks
from core.reading.pdf import pdf_blocks

log = logging.getLogger(__name__)

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")


def sniff_document(data: bytes) -> str | None:
    """``pdf``, ``docx``, ``odt``, ``ole`` (old Office), ``zip`` (another or broken archive),
    or None for anything that is not a binary document."""
    head = data[:1024]
    at = head.find(b"%PDF-")
    # The header may follow a few junk bytes, but never text (a page that mentions "%PDF-").
    if at >= 0 and not re.search(rb"[A-Za-z<]", head[:at]):
        return "pdf"
    if head.startswith(_OLE2):
        return "ole"
    if head.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if is_odt(archive):
                    return "odt"
        except (zipfile.BadZipFile, OSError, ValueError):
            pass
        return "zip"
    return None


def read_document(data: bytes, source: str, suffix: str = "") -> Document | None:
    """The Document in ``data`` when it is a PDF, Word or OpenDocument file, else None.

    Raises InputError for old Office files, archives that are not documents, damaged
    documents and every problem the format readers report.
    """
    kind = sniff_document(data)
    claimed = format_for_suffix(suffix)
    if kind is None:
        if claimed in ("pdf", "docx", "odt"):
            log.info("%s: named %s but holds no such document; reading it as text", source, suffix)
        return None
    if kind != claimed and claimed is not None:
        log.info("%s: named %s but is a %s; reading it as what it is", source, suffix, kind)
    blocks: list[Block]
    if kind == "pdf":
        blocks, title = pdf_blocks(data, source)
    elif kind == "docx":
        blocks, title = docx_blocks(data, source)
    elif kind == "odt":
        blocks, title = odt_blocks(data, source)
    elif kind == "ole":
        raise InputError(source, UNSUPPORTED_SUFFIXES[".doc"])
    elif claimed in ("docx", "odt"):
        raise InputError(source, f"damaged {suffix} document: not a valid Word or ODF archive")
    else:
        raise InputError(
            source, "a ZIP archive, not a document: unpack it, or give a .docx or .odt file"
        )
    return document_from_blocks(blocks, source, title)
