"""The one property every reader must keep, whatever the input: a valid Document, or a clean
one-line InputError that names the file. Used by the property test and by fuzz_readers.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

from core.errors import InputError
from core.model import Document
from core.reading.dispatch import read_path, read_text


def _check_document(doc: Document) -> None:
    assert not any("\ud800" <= c <= "\udfff" for c in doc.text), "lone surrogate in text"
    doc.text.encode("utf-8")
    for p in doc.paragraphs:
        assert 0 <= p.span.start < p.span.end <= len(doc.text)
    for s in doc.sentences:
        assert s.span.within(doc.paragraphs[s.paragraph].span)
    assert all(isinstance(n, str) and "\n" not in n for n in doc.notices)


def check_file(data: bytes, suffix: str) -> None:
    """Write ``data`` to a temporary file named with ``suffix`` and read it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            doc = read_path(path)
        except InputError as e:
            message = str(e)
            assert message.startswith(f"{path}: "), message
            assert "\n" not in message, message
            return
        _check_document(doc)


def check_pasted(text: str, fmt: str) -> None:
    try:
        doc = read_text(text, fmt=fmt)
    except InputError as e:
        assert str(e).startswith("<pasted>: ") and "\n" not in str(e), str(e)
        return
    _check_document(doc)
