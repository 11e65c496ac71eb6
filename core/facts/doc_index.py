"""Where a text offset falls in an article: its sentence, and whether its paragraph is content.

Imports: standard library, core.model.
"""

from __future__ import annotations

from bisect import bisect_right

from core.model import Document


class DocIndex:
    """Maps a text offset to its sentence and to whether its paragraph is content."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._sent_starts = [s.span.start for s in doc.sentences]
        self._sent_ends = [s.span.end for s in doc.sentences]
        self._para_starts = [p.span.start for p in doc.paragraphs]
        self._para_ends = [p.span.end for p in doc.paragraphs]
        self._para_content = [p.role.is_content for p in doc.paragraphs]

    def sentence_at(self, pos: int) -> int | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and pos < self._sent_ends[i]:  # (its start is at or before pos)
            return i
        return None

    def sentences_in(self, start: int, end: int) -> list[int]:
        """Indices of the sentences overlapping ``[start, end)``."""
        i = max(0, bisect_right(self._sent_starts, start) - 1)
        out: list[int] = []
        sents = self.doc.sentences
        while i < len(sents) and sents[i].span.start < end:
            if sents[i].span.end > start:
                out.append(i)
            i += 1
        return out

    def is_content(self, pos: int) -> bool:
        """True unless ``pos`` sits in a caption, byline or boilerplate paragraph."""
        i = bisect_right(self._para_starts, pos) - 1
        return True if i < 0 or pos >= self._para_ends[i] else self._para_content[i]
