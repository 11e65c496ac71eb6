"""Clause pieces of a sentence, for a containment-style similarity (a short sentence that restates
one clause of a long one).  Pure Python."""

from __future__ import annotations

import re

_SPLIT = re.compile(r"[,;:()\[\]\"“”\u2014\u2013]|\s-\s|\b(?:but|while|whereas|although)\b")


def clauses(sentence: str, min_words: int = 4) -> list[str]:
    """The pieces of ``sentence`` between clause punctuation, of at least ``min_words`` words;
    empty when the sentence has fewer than two such pieces."""
    parts = [p.strip() for p in _SPLIT.split(sentence)]
    parts = [p for p in parts if len(p.split()) >= min_words]
    return parts if len(parts) >= 2 else []
