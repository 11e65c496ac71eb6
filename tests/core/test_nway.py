"""N-way comparison: statements, facts across articles, pair views, parallel runs, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.compare import compare
from core.errors import Cancelled
from core.model import Coverage, Document
from core.nway import Cell, CrossStatus, NWayComparison, compare_many
from core.nway.mirror import mirrored
from core.nway.statements import UnionFind
from core.reading.dispatch import read_path, read_text

DATA = Path(__file__).resolve().parent.parent / "data" / "nway"
NAMES = ("one", "two", "three", "four")


@pytest.fixture(scope="module")
def docs() -> tuple[Document, ...]:
    return tuple(read_path(DATA / f"{n}.txt") for n in NAMES)


@pytest.fixture(scope="module")
def nway(docs: tuple[Document, ...]) -> NWayComparison:
    return compare_many(docs)


def _statement(nway: NWayComparison, doc: int, words: str) -> int:
    d = nway.documents[doc]
    s = next(i for i in range(len(d.sentences)) if words in d.sentence_text(i))
    k = nway.statement_of(doc, s)
    assert k is not None
    return k


def test_every_content_sentence_is_in_exactly_one_statement(nway: NWayComparison) -> None:
    for d, doc in enumerate(nway.documents):
        seen = [s for st in nway.statements for s in st.sentences[d]]
        content = [s for s in range(len(doc.sentences)) if doc.is_content_sentence(s)]
        assert sorted(seen) == content


def test_statements_group_what_the_articles_share(nway: NWayComparison) -> None:
    headline = nway.statements[_statement(nway, 0, "runs aground")]
    assert headline.carriers == (0, 1, 2, 3)
    rescue = nway.statements[_statement(nway, 0, "All 212 passengers")]
    assert rescue.carriers == (0, 1, 2)
    assert rescue.cells[:3] == (Cell.SHARED,) * 3 and rescue.cells[3] is Cell.ABSENT
    # a weak link (a headline to a first sentence) does not chain statements together
    assert _statement(nway, 0, "ran aground off") != _statement(nway, 0, "runs aground")
    fishermen = nway.statements[_statement(nway, 0, "Local fishermen")]
    assert fishermen.only_here == 0 and fishermen.cells[0] is Cell.UNIQUE
    board = nway.statements[_statement(nway, 3, "safety board")]
    assert board.only_here == 3


def test_a_conflicting_fact_marks_the_cells_and_names_who_says_what(
    nway: NWayComparison,
) -> None:
    injured = nway.statements[_statement(nway, 0, "treated in hospital")]
    assert injured.cells[:3] == (Cell.CONFLICT,) * 3
    conflicts = [f for f in nway.facts if f.status is CrossStatus.CONFLICT]
    assert len(conflicts) == 1
    assert dict(conflicts[0].by_value) == {"3 passenger": (0, 2), "5 passenger": (1,)}
    shared = next(f for f in nway.facts if f.value == "212 passenger")
    assert shared.status is CrossStatus.SHARED and shared.carriers == (0, 1, 2)
    for f in nway.facts:  # spans are in bounds and show the fact in that article
        for d, spans in enumerate(f.spans):
            assert bool(spans) == (f.values[d] is not None)
            for span in spans:
                assert span.end <= len(nway.documents[d].text)


def test_rows_follow_the_chosen_reference(nway: NWayComparison) -> None:
    order = nway.order_by(3)
    assert sorted(order) == list(range(len(nway.statements)))
    firsts = [nway.statements[k].sentences[3] for k in order]
    carried = [held[0] for held in firsts if held]
    assert carried == sorted(carried)
    assert all(firsts[: len(carried)])  # D's statements come first, then the rest


def test_any_pair_in_either_order(nway: NWayComparison, docs: tuple[Document, ...]) -> None:
    forward = nway.pair(1, 3)
    assert forward.a is docs[1] and forward.b is docs[3]
    back = nway.pair(3, 1)
    assert back.a is docs[3] and back.b is docs[1]
    assert mirrored(back) == forward
    direct = compare(docs[3], docs[1])
    assert back.summary == direct.summary
    assert {(link.a, link.b) for link in back.links} == {(lk.a, lk.b) for lk in direct.links}
    assert [c.status for c in back.coverage_a] == [c.status for c in direct.coverage_a]


def test_worker_processes_give_the_same_result(
    nway: NWayComparison, docs: tuple[Document, ...]
) -> None:
    seen: list[float] = []
    parallel = compare_many(docs[:3], jobs=2, parallel_above=0, progress=seen.append)
    serial = compare_many(docs[:3])
    assert parallel.statements == serial.statements
    assert parallel.facts == serial.facts
    assert seen[-1] == 1.0 and seen == sorted(seen)


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_stops_the_run(docs: tuple[Document, ...], jobs: int) -> None:
    calls = 0

    def cancel_soon() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(Cancelled):
        compare_many(docs, jobs=jobs, parallel_above=0, should_cancel=cancel_soon)


def test_two_to_eight_articles(docs: tuple[Document, ...]) -> None:
    with pytest.raises(ValueError, match="2 to 8"):
        compare_many(docs[:1])
    with pytest.raises(ValueError, match="2 to 8"):
        compare_many(docs * 3)


def test_articles_with_nothing_in_common_give_only_here_statements() -> None:
    a = read_text("Owls hunt at night in the old forest.\n", source="a")
    b = read_text("The bakery sells rye bread on Mondays.\n", source="b")
    c = read_text("Tides rise twice a day along the coast.\n", source="c")
    result = compare_many((a, b, c))
    assert [st.only_here for st in result.statements] == [0, 1, 2]
    assert all(p.comparison.summary.links == 0 for p in result.pairs)


def test_union_find() -> None:
    uf = UnionFind(6)
    uf.union(0, 1)
    uf.union(4, 5)
    uf.union(1, 5)
    assert len({uf.find(x) for x in (0, 1, 4, 5)}) == 1
    assert uf.find(2) != uf.find(3) != uf.find(0)


def test_shared_sentences_of_a_pair_are_carried_by_two(nway: NWayComparison) -> None:
    c = nway.pair(0, 1)
    for s, cov in enumerate(c.coverage_a):
        if cov.status is Coverage.SHARED:
            k = nway.statement_of(0, s)
            assert k is not None and nway.statements[k].count >= 2
