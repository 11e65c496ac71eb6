"""compare(): invariants (hypothesis), edge cases, progress/cancel, options, coverage, summary."""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import core.compare as compare_module
from core.compare import compare
from core.errors import Cancelled
from core.model import (
    Comparison,
    Coverage,
    DiffTag,
    Document,
    Fact,
    FactKind,
    FactStatus,
    LinkKind,
    Role,
    Span,
)
from core.options import CompareOptions
from tests.documents import make_doc

_WORD_TEXT = (
    "storm harbour council mayor flood wall budget million river bridge school teacher "
    "police report museum fire library minister election vote market price wheat farmer "
    "train station strike union wage port ship cargo hospital doctor nurse vaccine "
    "the a of and to in on said would was"
)
WORDS = _WORD_TEXT.split()

sentence_st = st.lists(st.sampled_from(WORDS), min_size=3, max_size=10).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    sentences = draw(
        st.lists(sentence_st, min_size=1, max_size=12, unique_by=lambda s: s.casefold())
    )
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(sentences) - 1)), max_size=4)))
    paragraphs: list[list[str]] = []
    prev = 0
    for c in [*cuts, len(sentences)]:
        if c > prev:
            paragraphs.append(sentences[prev:c])
            prev = c
    return make_doc(paragraphs)


def link_pairs(c: Comparison) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.a, link.b) for link in c.links}


def link_texts(c: Comparison) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {
        (
            tuple(c.a.sentence_text(i) for i in link.a),
            tuple(c.b.sentence_text(j) for j in link.b),
        )
        for link in c.links
    }


def check_spans(c: Comparison) -> None:
    for link in c.links:
        assert link.a == tuple(sorted(link.a)) and link.b == tuple(sorted(link.b))
        assert all(0 <= i < len(c.a.sentences) for i in link.a)
        assert all(0 <= j < len(c.b.sentences) for j in link.b)
        assert 0.0 <= link.similarity <= 1.0
        for op in link.diff:
            for span, doc, idx in ((op.a, c.a, link.a), (op.b, c.b, link.b)):
                if span is None:
                    continue
                assert 0 <= span.start < span.end <= len(doc.text)
                # a diff run lies inside one of the link's sentences
                assert any(span.within(doc.sentences[k].span) for k in idx)
    for pl in c.paragraph_links:
        assert 0 <= pl.a < len(c.a.paragraphs) and 0 <= pl.b < len(c.b.paragraphs)
        assert 0.0 <= pl.similarity <= 1.0
    for cov, doc in ((c.coverage_a, c.a), (c.coverage_b, c.b)):
        assert len(cov) == len(doc.sentences)
        for entry in cov:
            assert 0.0 <= entry.score <= 1.0
            assert all(0 <= k < len(c.links) for k in entry.links)
    assert 0.0 <= c.summary.a_shared <= 1.0 and 0.0 <= c.summary.b_shared <= 1.0


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents(), documents())
def test_spans_in_bounds(a: Document, b: Document) -> None:
    check_spans(compare(a, b))


@FAST
@given(documents())
def test_document_against_itself_links_every_sentence_to_itself(doc: Document) -> None:
    c = compare(doc, doc)
    check_spans(c)
    for i in range(len(doc.sentences)):
        assert any(i in link.a and i in link.b and link.similarity == 1.0 for link in c.links), (
            f"sentence {i} not linked to itself"
        )
        assert c.coverage_a[i].status is Coverage.SHARED
    assert c.summary.a_shared == 1.0 and c.summary.b_shared == 1.0


@FAST
@given(documents(), documents())
def test_swapping_a_and_b_mirrors_links_and_coverage(a: Document, b: Document) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert link_pairs(ab) == {(y, x) for x, y in link_pairs(ba)}
    assert [c.status for c in ab.coverage_a] == [c.status for c in ba.coverage_b]
    assert [c.status for c in ab.coverage_b] == [c.status for c in ba.coverage_a]
    assert ab.summary.a_shared == ba.summary.b_shared


@FAST
@given(documents(), documents(), st.randoms(use_true_random=False))
def test_shuffling_paragraphs_of_b_keeps_the_links(
    a: Document, b: Document, rnd: random.Random
) -> None:
    paragraphs = [
        [b.sentence_text(i) for i, s in enumerate(b.sentences) if s.paragraph == p]
        for p in range(len(b.paragraphs))
    ]
    rnd.shuffle(paragraphs)
    shuffled = make_doc(paragraphs)
    assert link_texts(compare(a, b)) == link_texts(compare(a, shuffled))


# --- edge cases -----------------------------------------------------------------------------

ARTICLE_A = [
    ["Harbour council approves new flood wall after storm."],
    [
        "The council of Kestrel Bay voted on Tuesday to build a flood wall along the harbour.",
        "The wall will cost 12 million euros and take three years to finish.",
    ],
    ["Mayor Ilse Varga said the storm had destroyed 340 homes in February."],
    ["Local fishermen fear the works will close the harbour for a whole season."],
]
ARTICLE_B = [
    ["Kestrel Bay to get flood wall"],
    ["Mayor Ilse Varga said 340 homes were destroyed by the February storm."],
    [
        "On Tuesday the Kestrel Bay council voted to build a flood wall along its harbour.",
        "It will cost 12 million euros.",
        "Building it will take three years.",
    ],
    ["Tourism officials expect a record summer season."],
]


def test_realistic_pair_links_reordered_and_split_sentences() -> None:
    a, b = make_doc(ARTICLE_A), make_doc(ARTICLE_B)
    c = compare(a, b)
    check_spans(c)
    pairs = {(i, j) for link in c.links for i in link.a for j in link.b}
    # council vote (a1) <-> (b2); mayor (a3) <-> (b1): reordered
    assert (1, 2) in pairs
    assert (3, 1) in pairs
    # a2 (cost and three years) is split over b3 and b4
    assert (2, 3) in pairs and (2, 4) in pairs
    # the fishermen and the tourism sentences are unique
    assert c.coverage_a[4].status is Coverage.UNIQUE
    assert c.coverage_b[5].status is Coverage.UNIQUE
    assert not any(4 in link.a for link in c.links)
    assert 0.0 < c.summary.a_shared < 1.0
    assert c.summary.a_unique >= 1 and c.summary.b_unique >= 1
    assert c.summary.links == len(c.links)
    # paragraph links roll up sentence links
    assert any(pl.a == 1 and pl.b == 2 for pl in c.paragraph_links)
    # word diff: "12 million euros" is equal on both sides in the split link
    link = next(lk for lk in c.links if 2 in lk.a)
    equal_a = [op.a.of(a.text) for op in link.diff if op.tag is DiffTag.EQUAL and op.a]
    assert any("12 million euros" in t for t in equal_a)


def test_identical_articles() -> None:
    a = make_doc(ARTICLE_A)
    c = compare(a, make_doc(ARTICLE_A))
    assert len(c.links) == len(a.sentences)
    assert all(link.kind is LinkKind.SAME and link.similarity == 1.0 for link in c.links)
    assert all(op.tag is DiffTag.EQUAL for link in c.links for op in link.diff)
    assert c.summary.a_shared == c.summary.b_shared == 1.0


def test_unrelated_articles_have_no_links() -> None:
    a = make_doc(ARTICLE_A)
    b = make_doc(
        [
            ["The national orchestra opened its winter tour in Vienna."],
            ["Critics praised the new violinist, who is nineteen."],
            ["Tickets for the next concerts sold out within an hour."],
        ]
    )
    c = compare(a, b)
    assert c.links == ()
    assert all(cov.status is Coverage.UNIQUE for cov in c.coverage_a + c.coverage_b)
    assert c.summary.a_shared == 0.0 and c.summary.b_shared == 0.0


def test_one_sentence_articles() -> None:
    a = make_doc([["The bridge over the river Eder reopened on Monday after repairs."]])
    b = make_doc([["After repairs, the Eder river bridge reopened Monday."]])
    c = compare(a, b)
    assert link_pairs(c) == {((0,), (0,))}
    assert c.links[0].kind in (LinkKind.PARAPHRASE, LinkKind.SAME)
    assert c.coverage_a[0].status is Coverage.SHARED


def test_no_body_text_on_one_side() -> None:
    a = make_doc(ARTICLE_A)
    b = make_doc(
        [["Photo: harbour council of Kestrel Bay"], ["Comment (0)"]],
        roles=[Role.CAPTION, Role.BOILERPLATE],
    )
    c = compare(a, b)
    assert c.links == ()
    assert all(not cov.counted for cov in c.coverage_b)
    assert c.summary.b_shared == 0.0 and c.summary.a_shared == 0.0


def test_caption_byline_boilerplate_are_never_aligned_nor_counted() -> None:
    paragraphs = [*ARTICLE_A, ["Harbour council approves new flood wall after storm."]]
    roles = [Role.TITLE, Role.BODY, Role.BODY, Role.BODY, Role.CAPTION]
    a = make_doc(paragraphs, roles)
    c = compare(a, make_doc(ARTICLE_A))
    caption = len(a.sentences) - 1
    assert not any(caption in link.a for link in c.links)
    cov = c.coverage_a[caption]
    assert not cov.counted and cov.status is Coverage.UNIQUE and cov.links == ()
    assert c.summary.a_shared == 1.0  # the caption does not count against the share


def test_partial_link_and_coverage() -> None:
    a = make_doc(
        [
            [
                "The storm destroyed 340 homes in the harbour district and the old lighthouse "
                "museum, and the regional ferry service to the islands was cancelled for a week."
            ]
        ]
    )
    b = make_doc([["The storm destroyed 340 homes in the harbour district."]])
    c = compare(a, b)
    assert len(c.links) == 1
    link = c.links[0]
    assert link.kind is LinkKind.PARTIAL
    assert c.coverage_b[0].status is Coverage.SHARED
    assert c.coverage_a[0].status is Coverage.PARTIAL
    assert 0 < c.coverage_a[0].score < c.coverage_b[0].score
    assert c.summary.a_partial == 1
    tags = {op.tag for op in link.diff}
    assert DiffTag.EQUAL in tags and DiffTag.DELETE in tags


def test_spelling_variants_and_dates_match() -> None:
    a = make_doc([["Officials in Kyiv confirmed the talks on 27/11 in Bishkek."]])
    b = make_doc([["The talks in Bishkek were confirmed on November 27 by officials in Kiyv."]])
    c = compare(a, b)
    assert len(c.links) == 1
    equal_b = {op.b.of(b.text) for op in c.links[0].diff if op.tag is DiffTag.EQUAL and op.b}
    assert "confirmed" in equal_b and "27" in equal_b


def test_result_metadata_options_and_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_doc(ARTICLE_A), make_doc(ARTICLE_B)
    seen: dict[str, object] = {}

    def fake_facts(a_doc, b_doc, links, work=None):  # type: ignore[no-untyped-def]
        seen["links"] = links
        span = Span(0, 7)
        return (
            Fact(FactKind.NUMBER, "340", FactStatus.CONFLICT, (span,), (span,), ("340", "430")),
            Fact(FactKind.NUMBER, "12", FactStatus.SHARED, (span,), (span,)),
        )

    monkeypatch.setattr(compare_module, "compare_facts", fake_facts)
    opts = CompareOptions(link_threshold=0.25)
    c = compare(a, b, opts)
    assert seen["links"] == c.links
    assert len(c.facts) == 2 and c.summary.conflicts == 1
    assert c.options == opts and c.options.link_threshold == 0.25
    assert datetime.fromisoformat(c.created).tzinfo is not None


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="link_threshold"):
        CompareOptions(link_threshold=-1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        CompareOptions().link_threshold = 0.5  # type: ignore[misc]


def test_progress_is_monotonic_and_ends_at_one() -> None:
    fractions: list[float] = []
    compare(make_doc(ARTICLE_A), make_doc(ARTICLE_B), progress=fractions.append)
    assert fractions and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(0.0 <= f <= 1.0 for f in fractions)


def test_cancel_raises_cancelled() -> None:
    calls = 0

    def should_cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 0

    with pytest.raises(Cancelled):
        compare(make_doc(ARTICLE_A), make_doc(ARTICLE_B), should_cancel=should_cancel)


def test_larger_input_stays_linear_enough() -> None:
    """~20k words a side with reordering: every kept sentence finds its counterpart."""
    rnd = random.Random(7)
    vocab = [f"w{n}x" for n in range(4000)]
    base = [" ".join(rnd.choices(vocab, k=14)).capitalize() + "." for _ in range(1500)]
    a = make_doc([base[k : k + 5] for k in range(0, len(base), 5)])
    order = list(range(0, len(base), 5))
    rnd.shuffle(order)
    b = make_doc([base[k : k + 5] for k in order])
    c = compare(a, b)
    assert len(c.links) == len(base)
    assert all(link.similarity == 1.0 for link in c.links)
