"""Word diffs inside a link: equal/replace/delete/insert runs with spans into each side."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import DiffTag
from core.worddiff import word_diff
from tests.documents import make_doc


def ops_text(a_text: str, b_text: str) -> list[tuple[str, str | None, str | None]]:
    a, b = make_doc([[a_text]]), make_doc([[b_text]])
    return [
        (op.tag.value, op.a.of(a.text) if op.a else None, op.b.of(b.text) if op.b else None)
        for op in word_diff(a, (0,), b, (0,))
    ]


def test_equal_changed_and_one_sided_words() -> None:
    ops = ops_text(
        "Putin said the plan could be a basis.", "Putin said the draft could be the basis now."
    )
    assert ops == [
        ("equal", "Putin said the", "Putin said the"),
        ("replace", "plan", "draft"),
        ("equal", "could be", "could be"),
        ("replace", "a", "the"),
        ("equal", "basis", "basis"),
        ("insert", None, "now"),
    ]


def test_case_is_folded_and_punctuation_ignored() -> None:
    assert ops_text("The Plan, approved.", "the plan approved") == [
        ("equal", "The Plan, approved", "the plan approved")
    ]


def test_deleted_words() -> None:
    assert ops_text("Five bombs were dropped overnight.", "Five bombs were dropped.") == [
        ("equal", "Five bombs were dropped", "Five bombs were dropped"),
        ("delete", "overnight", None),
    ]


def test_runs_never_cross_sentences_of_a_group() -> None:
    a = make_doc([["He opposed the plan.", "Everything is on the table."]])
    b = make_doc([["He opposed the plan and everything is on the table."]])
    ops = word_diff(a, (0, 1), b, (0,))
    for op in ops:
        if op.a is not None:
            assert any(op.a.within(s.span) for s in a.sentences)
    equal_a = [op.a.of(a.text) for op in ops if op.tag is DiffTag.EQUAL and op.a]
    assert equal_a == ["He opposed the plan", "Everything is on the table"]


WORD = st.sampled_from(
    ["storm", "flood", "wall", "mayor", "council", "the", "a", "of", "12", "million", "Harbour"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORD, min_size=1, max_size=12), st.lists(WORD, min_size=1, max_size=12))
def test_diff_covers_every_word_once_in_order(wa: list[str], wb: list[str]) -> None:
    a, b = make_doc([[" ".join(wa) + "."]]), make_doc([[" ".join(wb) + "."]])
    ops = word_diff(a, (0,), b, (0,))
    a_words = " ".join(op.a.of(a.text) for op in ops if op.a).split()
    b_words = " ".join(op.b.of(b.text) for op in ops if op.b).split()
    assert a_words == wa and b_words == wb
    for op in ops:
        if op.tag is DiffTag.EQUAL:
            assert op.a and op.b and op.a.of(a.text).casefold() == op.b.of(b.text).casefold()
        assert (op.a is None) == (op.tag is DiffTag.INSERT)
        assert (op.b is None) == (op.tag is DiffTag.DELETE)
