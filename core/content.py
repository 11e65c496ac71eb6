"""Which sentences are content: the ones the comparison aligns and counts.

Imports: core.model.
"""

from __future__ import annotations

import re

from core.model import Document

#: a letter or a digit (``\w`` without the underscore)
_WORD_CHAR = re.compile(r"[^\W_]")


def is_content_sentence(doc: Document, index: int) -> bool:
    """True for a sentence of a title, heading or body paragraph that holds a word.

    Captions, bylines and boilerplate are not the article's statements, and a sentence without
    a letter or digit (a ``* * *`` divider, a lone dash or bullet) says nothing: neither is
    shared or unique, so identical articles are wholly shared whatever dividers they have.
    """
    if not doc.is_content_sentence(index):
        return False
    span = doc.sentences[index].span
    return _WORD_CHAR.search(doc.text, span.start, span.end) is not None
