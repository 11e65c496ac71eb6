"""Hand edits: each kind changes exactly what it should, and matches a full recomputation."""

from __future__ import annotations

import json

import pytest

from core.bundled import example_pair
from core.compare import compare
from core.coverage import paragraph_links, sentence_coverage, summary
from core.edits import AddLink, EditError, MarkSentence, RemoveLink, apply_edit, apply_edits
from core.export import render
from core.facts import compare_facts
from core.model import Comparison, Coverage
from core.options import CompareOptions
from core.reading.dispatch import read_path


@pytest.fixture(scope="module")
def base() -> Comparison:
    a, b = example_pair()
    return compare(read_path(a), read_path(b))


def _recomputed(c: Comparison) -> Comparison:
    """What the whole pipeline after alignment gives for ``c``'s links (hand marks aside)."""
    scores = [link.cover or (1.0, 1.0) for link in c.links]
    opts = CompareOptions()
    cov_a = sentence_coverage(c.a, "a", c.links, scores, opts)
    cov_b = sentence_coverage(c.b, "b", c.links, scores, opts)
    facts = compare_facts(c.a, c.b, c.links)
    return Comparison(
        c.a,
        c.b,
        c.links,
        paragraph_links(c.a, c.b, c.links),
        cov_a,
        cov_b,
        facts,
        summary(c.a, c.b, c.links, cov_a, cov_b, facts),
    )


def _unique(c: Comparison, side: str) -> list[int]:
    cov = c.coverage_a if side == "a" else c.coverage_b
    return [i for i, x in enumerate(cov) if x.counted and x.status is Coverage.UNIQUE]


def test_remove_every_link_matches_a_full_recomputation(base: Comparison) -> None:
    for link in base.links:
        edited = apply_edit(base, RemoveLink(link.a, link.b))
        assert link not in edited.links and len(edited.links) == len(base.links) - 1
        full = _recomputed(edited)
        assert edited.coverage_a == full.coverage_a
        assert edited.coverage_b == full.coverage_b
        assert edited.paragraph_links == full.paragraph_links
        assert edited.facts == full.facts
        assert edited.summary == full.summary
    assert base.summary.links == len(base.links)  # the comparison given is never changed


def test_add_link_between_unique_sentences(base: Comparison) -> None:
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    edited = apply_edit(base, AddLink((i,), (j,)))
    made = edited.links[-1]
    assert (made.a, made.b, made.by) == ((i,), (j,), "hand")
    assert all(link.by == "aligner" for link in edited.links[:-1])
    assert edited.coverage_a[i].status is Coverage.SHARED
    assert edited.coverage_b[j].links == (len(edited.links) - 1,)
    assert edited.summary.links == base.summary.links + 1
    assert edited.summary.a_unique == base.summary.a_unique - 1
    assert edited.summary.a_shared > base.summary.a_shared
    full = _recomputed(edited)
    assert (edited.coverage_a, edited.paragraph_links, edited.facts) == (
        full.coverage_a,
        full.paragraph_links,
        full.facts,
    )


def test_remove_then_add_back_is_a_hand_link(base: Comparison) -> None:
    link = base.links[0]
    again = apply_edits(base, [RemoveLink(link.a, link.b), AddLink(link.a, link.b)])
    assert len(again.links) == len(base.links)
    assert again.links[-1].by == "hand" and (again.links[-1].a, again.links[-1].b) == (
        link.a,
        link.b,
    )


def test_mark_not_shared_takes_the_sentence_out_of_its_links(base: Comparison) -> None:
    i = next(i for i, c in enumerate(base.coverage_a) if len(c.links) >= 1)
    edited = apply_edit(base, MarkSentence("a", i, "not_shared"))
    cov = edited.coverage_a[i]
    assert (cov.status, cov.links, cov.mark) == (Coverage.UNIQUE, (), "not_shared")
    assert all(i not in link.a for link in edited.links)
    assert edited.summary.a_unique == base.summary.a_unique + 1
    # links that held other sentences too shrink and become hand links
    for k in base.coverage_a[i].links:
        old = base.links[k]
        rest = tuple(x for x in old.a if x != i)
        if rest:
            assert any(x.a == rest and x.b == old.b and x.by == "hand" for x in edited.links)


def test_mark_shared_counts_a_sentence_with_no_counterpart(base: Comparison) -> None:
    j = _unique(base, "b")[0]
    edited = apply_edit(base, MarkSentence("b", j, "shared"))
    assert edited.coverage_b[j].status is Coverage.SHARED and edited.coverage_b[j].mark == "shared"
    assert edited.summary.b_unique == base.summary.b_unique - 1
    assert edited.links == base.links
    cleared = apply_edit(edited, MarkSentence("b", j, ""))
    assert cleared.coverage_b[j] == base.coverage_b[j]
    assert cleared.summary == base.summary


def test_a_link_clears_earlier_marks(base: Comparison) -> None:
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    edited = apply_edits(base, [MarkSentence("a", i, "not_shared"), AddLink((i,), (j,))])
    assert edited.coverage_a[i].mark == "" and edited.coverage_a[i].status is Coverage.SHARED


def test_bad_edits_say_what_is_wrong(base: Comparison) -> None:
    with pytest.raises(EditError, match="no link joins"):
        apply_edit(base, RemoveLink((0,), (_unique(base, "b")[0],)))
    caption = next(i for i, c in enumerate(base.coverage_b) if not c.counted)
    with pytest.raises(EditError, match="caption, byline or boilerplate"):
        apply_edit(base, MarkSentence("b", caption, "shared"))
    with pytest.raises(EditError, match="has no sentence"):
        apply_edit(base, AddLink((len(base.a.sentences),), (0,)))
    with pytest.raises(EditError, match="sorted and distinct"):
        AddLink((2, 1), (0,))
    with pytest.raises(EditError, match="at least one"):
        AddLink((), (0,))
    with pytest.raises(EditError, match="unknown mark"):
        MarkSentence("a", 0, "maybe")  # type: ignore[arg-type]


def test_reports_mark_hand_edits(base: Comparison) -> None:
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    edited = apply_edits(
        base, [AddLink((i,), (j,)), MarkSentence("a", _unique(base, "a")[1], "shared")]
    )
    data = json.loads(render(edited, "json"))
    assert {link["by"] for link in data["links"]} == {"hand", "aligner"}
    assert data["links"][-1]["by"] == "hand"
    assert json.loads(render(base, "json"))["links"][0]["by"] == "aligner"
    assert data["coverage"]["a"][_unique(base, "a")[1]]["mark"] == "shared"
    md = render(edited, "md")
    assert f"{len(edited.links)} by hand" in md
    assert "Shared with no single counterpart (marked by hand)" in md
    html = render(edited, "html")
    assert f"{len(edited.links)}*" in html and "Corrected by hand" in html
    assert 'title="marked shared (no single counterpart) by hand"' in html
    from core.export.html_report import render_html

    pdf_html = render_html(edited, "pdf")  # what the PDF is printed from
    assert f"{len(edited.links)}*" in pdf_html and "Corrected by hand" in pdf_html
    assert "by hand" not in render(base, "md")
