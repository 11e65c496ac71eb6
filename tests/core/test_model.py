"""The result types validate their spans on construction and cannot be changed."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import Document, Link, LinkKind, Paragraph, Role, Sentence, Span


@pytest.mark.parametrize("start,end", [(-1, 3), (3, 3), (5, 2)])
def test_span_rejects_empty_or_negative(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        Span(start, end)


def test_span_is_frozen_and_slices_code_points() -> None:
    s = Span(1, 3)
    assert s.of("a😀bc") == "😀b"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 0  # type: ignore[misc]


def _doc(text: str, paras: list[tuple[int, int]], sents: list[tuple[int, int, int]]) -> Document:
    return Document(
        text,
        "<test>",
        None,
        tuple(Paragraph(Span(s, e), Role.BODY) for s, e in paras),
        tuple(Sentence(Span(s, e), p) for s, e, p in sents),
    )


def test_document_rejects_out_of_bounds_and_misplaced_sentences() -> None:
    text = "One. Two."
    assert _doc(text, [(0, 9)], [(0, 4, 0), (5, 9, 0)]).sentence_text(1) == "Two."
    with pytest.raises(ValueError):
        _doc(text, [(0, 10)], [])
    with pytest.raises(ValueError):
        _doc(text, [(0, 4)], [(5, 9, 0)])
    with pytest.raises(ValueError):
        _doc(text, [(0, 9)], [(5, 9, 0), (0, 4, 0)])


def test_link_needs_both_sides_and_similarity_in_range() -> None:
    with pytest.raises(ValueError):
        Link((), (1,), 0.5, LinkKind.SAME)
    with pytest.raises(ValueError):
        Link((0,), (1,), 1.5, LinkKind.SAME)
