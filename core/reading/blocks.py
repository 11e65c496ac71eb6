"""What every reader shares: the Block a format reader returns, the size limit, and the Document
built from paragraph spans (roles by core.reading.roles, sentences by core.reading.sentences).

Why its own module: the dispatcher imports the format readers, and the format readers need
``Block`` and the size limit; kept here, below both, no reader ever imports the dispatcher.

Imports: standard library, core.errors, core.model, core.reading (decoding, roles, sentences).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.errors import InputError
from core.model import Document, Paragraph, Role, Sentence, Span
from core.reading.decoding import normalize_text
from core.reading.roles import assign_roles
from core.reading.sentences import split_sentences

# Why 20 MB: a long news article is 10-100 KB and the 1M-word alignment benchmark text is about
# 6 MB, so 20 MB leaves room for any real article (or a saved page with its scripts) while
# refusing logs, dumps and pages full of inline images, which would take minutes and gigabytes
# to align and would freeze the text panes.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph found by a structured reader; ``role`` None lets the text rules decide."""

    text: str
    role: Role | None = None


def check_size(length: int, source: str) -> None:
    """Refuse an input of ``length`` bytes above ``MAX_BYTES``, saying what the limit is."""
    if length > MAX_BYTES:
        raise InputError(
            source,
            f"too large ({length / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB, far above any article)",
        )


_ONE_STATEMENT = frozenset({Role.TITLE, Role.HEADING})


def build_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    source: str,
    hints: Sequence[Role | None] | None = None,
    title: str | None = None,
) -> Document:
    """A Document from paragraph spans into ``text``; ``hints`` fix roles a reader knows."""
    if not spans:
        raise InputError(source, "no text to compare")
    texts = [text[s:e] for s, e in spans]
    has_title_hint = hints is not None and Role.TITLE in hints
    roles = assign_roles(texts, first_is_title=False if has_title_hint else None)
    if hints is not None:
        roles = [
            hint if hint is not None else role for hint, role in zip(hints, roles, strict=True)
        ]
    paragraphs = tuple(Paragraph(Span(s, e), r) for (s, e), r in zip(spans, roles, strict=True))
    sentences: list[Sentence] = []
    for index, ((s, e), role) in enumerate(zip(spans, roles, strict=True)):
        pieces = split_sentences(text, s, e)
        if role in _ONE_STATEMENT and len(pieces) > 1:
            # A headline is one statement even when an abbreviation inside it ("NE Phila. Kraft
            # Plant") looks like a sentence end: splitting it leaves fragments that align badly.
            pieces = [(pieces[0][0], pieces[-1][1])]
        sentences.extend(Sentence(Span(a, b), index) for a, b in pieces)
    if title is None:
        title = next((texts[i] for i, r in enumerate(roles) if r is Role.TITLE), None)
    return Document(text, source, title, paragraphs, tuple(sentences))


def document_from_blocks(blocks: Sequence[Block], source: str, title: str | None) -> Document:
    """Join structured blocks with blank lines into one text and build the Document."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    hints: list[Role | None] = []
    pos = 0
    for block in blocks:
        body = " ".join(normalize_text(block.text).split())
        if not body:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(body)
        spans.append((pos, pos + len(body)))
        hints.append(block.role)
        pos += len(body)
    return build_document("".join(parts), spans, source, hints, title)
