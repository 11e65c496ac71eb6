"""TEMPORARY: minimal reader; replaced by the reading work (issue 3)."""

from __future__ import annotations

import re
from pathlib import Path

from core.errors import InputError
from core.model import Document, Paragraph, Role, Sentence, Span


def read_text(text: str, source: str = "<pasted>") -> Document:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        paragraphs.append(Paragraph(Span(start, end), Role.BODY))
        for s in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text[start:end]):
            sentences.append(
                Sentence(Span(start + s.start(), start + s.end()), len(paragraphs) - 1)
            )
    if not sentences:
        raise InputError(source, "no text")
    return Document(text, source, None, tuple(paragraphs), tuple(sentences))


def read_path(path: str | Path) -> Document:
    p = Path(path)
    try:
        return read_text(p.read_text(encoding="utf-8"), str(p))
    except OSError as e:
        raise InputError(str(p), e.strerror or "cannot read") from None
