"""The result types validate their spans on construction and cannot be changed."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import (
    DiffOp,
    DiffTag,
    Document,
    Fact,
    FactKind,
    FactStatus,
    Link,
    LinkKind,
    Paragraph,
    Role,
    Sentence,
    Span,
)


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


def test_sentence_at_and_near_by_offset() -> None:
    doc = _doc("One. Two.  Three.", [(0, 17)], [(0, 4, 0), (5, 9, 0), (11, 17, 0)])
    assert [doc.sentence_at(i) for i in (0, 3, 4, 5, 9, 10, 11, 16)] == [
        0,
        0,
        None,
        1,
        None,
        None,
        2,
        2,
    ]
    assert doc.sentence_at(17) is None
    assert [doc.sentence_near(i) for i in (0, 4, 10, 17)] == [0, 0, 1, 2]
    assert _doc("", [], []).sentence_at(0) is None


def test_diff_op_spans_agree_with_its_tag() -> None:
    DiffOp(DiffTag.EQUAL, Span(0, 1), Span(0, 1))
    DiffOp(DiffTag.DELETE, Span(0, 1), None)
    DiffOp(DiffTag.INSERT, None, Span(0, 1))
    for tag, a, b in (
        (DiffTag.EQUAL, Span(0, 1), None),
        (DiffTag.REPLACE, None, Span(0, 1)),
        (DiffTag.DELETE, Span(0, 1), Span(0, 1)),
        (DiffTag.INSERT, Span(0, 1), Span(0, 1)),
    ):
        with pytest.raises(ValueError):
            DiffOp(tag, a, b)


def test_fact_occurrences_agree_with_its_status() -> None:
    s, t = Span(0, 2), Span(5, 7)
    Fact(FactKind.NUMBER, "5 dead", FactStatus.CONFLICT, (s,), (t,), ("5 dead", "24 dead"))
    Fact(FactKind.NUMBER, "5 dead", FactStatus.ONLY_A, (s, t), ())
    bad = [
        (FactStatus.SHARED, (s,), (), None),
        (FactStatus.ONLY_B, (s,), (t,), None),
        (FactStatus.ONLY_A, (), (), None),
        (FactStatus.CONFLICT, (s,), (t,), None),
        (FactStatus.SHARED, (s,), (t,), ("5 dead", "24 dead")),
        (FactStatus.ONLY_A, (t, s), (), None),
    ]
    for status, a, b, values in bad:
        with pytest.raises(ValueError):
            Fact(FactKind.NUMBER, "5 dead", status, a, b, values)
