"""The one way tests build a Document straight from sentences, with no reader involved.

Sentences in a paragraph are joined by a space and paragraphs by ``gap`` (a blank line), so
every span is known exactly; ``roles`` gives each paragraph's role (all body by default).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.model import Document, Paragraph, Role, Sentence, Span


def make_doc(
    paragraphs: Sequence[Sequence[str]],
    roles: Sequence[Role] | None = None,
    *,
    source: str = "<test>",
    title: str | None = None,
    gap: str = "\n\n",
) -> Document:
    """A Document of ``paragraphs``, each a list of sentences."""
    text = ""
    paras: list[Paragraph] = []
    sents: list[Sentence] = []
    for p, sentences in enumerate(paragraphs):
        if p:
            text += gap
        start = len(text)
        for k, s in enumerate(sentences):
            if k:
                text += " "
            sents.append(Sentence(Span(len(text), len(text) + len(s)), p))
            text += s
        paras.append(Paragraph(Span(start, len(text)), roles[p] if roles else Role.BODY))
    return Document(text, source, title, tuple(paras), tuple(sents))
