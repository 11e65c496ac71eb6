"""Code points ↔ Qt UTF-16 positions (gui.positions), checked against a real QTextDocument."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from core.model import Document
from gui.positions import PositionMap
from tests.documents import make_doc


def _doc(paragraphs: list[str], gap: str = "\n\n") -> Document:
    return make_doc([[p] for p in paragraphs], source="t", gap=gap)


def _qt_document(pmap: PositionMap) -> QTextDocument:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    for i in range(pmap.block_count):
        if i:
            cursor.insertBlock()
        cursor.insertText(pmap.block_text(i))
    return doc


def test_emoji_shifts_qt_positions(qapp) -> None:  # type: ignore[no-untyped-def]
    document = _doc(["a😀b c", "x😀😀y"])
    pmap = PositionMap(document)
    assert pmap.to_qt(2) == 3  # "b": Python 2, Qt 3
    assert pmap.to_qt(document.text.index("y")) == 7 + 5
    qt_doc = _qt_document(pmap)
    for ch in "bcy":
        offset = document.text.index(ch)
        assert qt_doc.characterAt(pmap.to_qt(offset)) == ch
        assert pmap.from_qt(pmap.to_qt(offset)) == offset


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab 😀é\n"), min_size=1, max_size=12).filter(
            lambda s: s.strip() and s[0] != "\n" and s[-1] != "\n"
        ),
        min_size=1,
        max_size=4,
    )
)
def test_every_character_lands_on_itself(paragraphs: list[str]) -> None:
    document = _doc(paragraphs)
    pmap = PositionMap(document)
    qt_doc = _qt_document(pmap)
    for p in document.paragraphs:
        for offset in range(p.span.start, p.span.end):
            ch = document.text[offset]
            q = pmap.to_qt(offset)
            if ch != "\n":
                got = qt_doc.characterAt(q)
                if ord(ch) > 0xFFFF:
                    pair = got + qt_doc.characterAt(q + 1)
                    got = pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                assert got == ch
            assert pmap.from_qt(q) == offset
