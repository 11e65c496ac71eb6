"""Plain text: the paragraph spans of a text that has no markup.

Plain text has two paragraph conventions (both occur in real input): blank lines between
paragraphs, or one paragraph per line. A single line break is a paragraph break unless the file
is hard-wrapped (short lines that run on into the next one), in which case blank lines alone
separate paragraphs.

Imports: standard library only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

_LINE = re.compile(r"[^\n]+")
_BLANK_RUN = re.compile(r"\n[^\S\n]*\n\s*")
_NON_SPACE = re.compile(r"\S")
_TERMINAL_END = re.compile(r"[.!?…:\"”’)]\s*$")


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


def txt_paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) span of every paragraph of ``text``, trimmed of surrounding spaces."""
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
