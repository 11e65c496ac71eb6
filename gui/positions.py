"""The one place that converts Python code-point offsets to Qt ``QTextDocument`` positions.

A pane shows each paragraph of a ``Document`` as one text block, in order, and leaves out the
text between paragraphs. Qt counts UTF-16 code units, one per block separator, so in
``"a😀b"`` Python puts ``b`` at 2 and Qt at 3. Nothing else in the GUI does
offset arithmetic against Qt: views ask a ``PositionMap``.

Imports: standard library and core.model only (no Qt), so it is cheap to test.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from core.model import Document, Span

# Characters that would start a new block or a layout line inside a QTextDocument; replaced by a
# space of the same length so offsets are unchanged.
_BREAKS = str.maketrans(
    {"\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ", "\x0b": " ", "\x0c": " "}
)


class PositionMap:
    """Offsets of one Document (code points) ↔ positions in its pane's QTextDocument (UTF-16)."""

    def __init__(self, document: Document) -> None:
        self._text = document.text
        self._starts: list[int] = []  # paragraph start, code points
        self._ends: list[int] = []
        self._qt_starts: list[int] = []  # block position in Qt
        self._qt_lengths: list[int] = []
        self._astral: list[list[int]] = []  # local indices of characters outside the BMP
        self._astral_qt: list[list[int]] = []  # their local UTF-16 positions
        qt = 0
        for paragraph in document.paragraphs:
            s, e = paragraph.span.start, paragraph.span.end
            local = self._text[s:e]
            astral = (
                [i for i, ch in enumerate(local) if ord(ch) > 0xFFFF] if not local.isascii() else []
            )
            self._starts.append(s)
            self._ends.append(e)
            self._qt_starts.append(qt)
            self._qt_lengths.append(len(local) + len(astral))
            self._astral.append(astral)
            self._astral_qt.append([k + j for j, k in enumerate(astral)])
            qt += len(local) + len(astral) + 1  # +1: the block separator

    @property
    def block_count(self) -> int:
        return len(self._starts)

    def block_text(self, paragraph: int) -> str:
        """What the pane inserts as block ``paragraph`` (line breaks become spaces)."""
        return self._text[self._starts[paragraph] : self._ends[paragraph]].translate(_BREAKS)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding (or preceding) ``offset``; 0 before the first."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point ``offset``; offsets between paragraphs snap to a block end."""
        if not self._starts:
            return 0
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return 0
        local = min(offset, self._ends[i]) - self._starts[i]
        return self._qt_starts[i] + local + bisect_left(self._astral[i], local)

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt ``position`` (a position inside a surrogate pair rounds down)."""
        if not self._starts:
            return 0
        i = max(0, bisect_right(self._qt_starts, position) - 1)
        local16 = min(position - self._qt_starts[i], self._qt_lengths[i])
        local = local16 - bisect_left(self._astral_qt[i], local16)
        return self._starts[i] + local

    def to_qt_span(self, span: Span) -> tuple[int, int]:
        """Qt ``(start, end)`` of a code-point span."""
        return self.to_qt(span.start), self.to_qt(span.end)
