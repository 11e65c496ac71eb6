"""Reports in every text format: content complete, JSON contract, anchors, facts (no Qt)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from core.bundled import example_pair
from core.compare import compare
from core.export import render
from core.export.html_report import render_html
from core.export.markdown_report import escape_md
from core.model import Comparison, FactStatus
from core.reading.dispatch import read_path
from tests.core.test_export_helpers import (
    assert_inert,
    collapse,
    handmade,
    md_to_text,
    parse,
    sentence_texts,
)


@pytest.fixture(scope="module")
def bundled() -> Comparison:
    a, b = example_pair()
    return compare(read_path(a), read_path(b))


@pytest.fixture(scope="module")
def made() -> Comparison:
    return handmade()


def _comparisons(request: pytest.FixtureRequest) -> list[Comparison]:
    return [request.getfixturevalue("bundled"), request.getfixturevalue("made")]


# ---- JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "made"])
def test_json_follows_the_contract(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    data = json.loads(render(c, "json"))
    assert data["format"] == "article-comparer/1"
    for side, doc in (("a", c.a), ("b", c.b)):
        d = data[side]
        assert d["source"] == doc.source and d["title"] == doc.title and d["text"] == doc.text
        assert d["paragraphs"] == [
            {"span": [p.span.start, p.span.end], "role": str(p.role)} for p in doc.paragraphs
        ]
        assert d["sentences"] == [[s.span.start, s.span.end] for s in doc.sentences]
        # Every sentence of each side appears once in coverage, in order.
        cov = data["coverage"][side]
        assert [e["span"] for e in cov] == d["sentences"]
        assert {e["status"] for e in cov} <= {"shared", "partial", "unique"}
        for e in cov:
            start, end = e["span"]
            assert 0 <= start < end <= len(doc.text)
    assert len(data["links"]) == len(c.links)
    for entry, link in zip(data["links"], c.links, strict=True):
        assert entry["a"] == [list(c.a.sentences[i].span.as_list()) for i in link.a]
        assert entry["b"] == [list(c.b.sentences[j].span.as_list()) for j in link.b]
        assert entry["kind"] in {"same", "paraphrase", "partial"}
        assert 0 <= entry["similarity"] <= 1
    assert len(data["facts"]) == len(c.facts)
    for entry, fact in zip(data["facts"], c.facts, strict=True):
        assert set(entry) >= {"kind", "value", "status", "a", "b", "values"}
        assert entry["value"] == fact.value and entry["status"] == str(fact.status)
        assert entry["a"] == [s.as_list() for s in fact.a]
    s = data["summary"]
    assert set(s) >= {"a_shared", "b_shared", "links"} and s["links"] == c.summary.links


def test_json_keeps_conflict_values_and_one_to_many_links(made: Comparison) -> None:
    data = json.loads(render(made, "json"))
    conflict = next(f for f in data["facts"] if f["status"] == "conflict")
    assert conflict["values"] == {"a": "5 people died", "b": "24 people died"}
    split = data["links"][0]
    assert len(split["a"]) == 1 and len(split["b"]) == 2
    assert made.b.text[slice(*split["b"][1])] == "The harbour flooded overnight."
    assert data["coverage"]["a"][5]["counted"] is False


# ---- Markdown ----------------------------------------------------------------------------


def _article_part(md: str) -> str:
    return md[md.index("## Aligned passages") :]


@pytest.mark.parametrize("which", ["bundled", "made"])
def test_markdown_carries_every_sentence_once(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    shown = md_to_text(_article_part(render(c, "md")))
    sentences = sentence_texts(c)
    for text in sentences:
        expected = sum(other.count(text) for other in sentences)
        assert shown.count(text) == expected, text


def test_markdown_sections_and_facts(made: Comparison) -> None:
    md = render(made, "md")
    for heading in (
        "# Article comparison",
        "## Facts",
        "## Aligned passages",
        "## Only in A",
        "## Only in B",
        "## Not compared",
    ):
        assert heading in md
    table = md[md.index("## Facts") : md.index("## Aligned passages")]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + len(made.facts)  # header + one row per fact
    assert rows[1].startswith("| conflict")  # conflicts first
    assert "**5 people died**" in rows[1] and "**24 people died**" in rows[1]
    rendered = md_to_text(table)
    for fact in made.facts:
        assert fact.value in rendered
    # The pipe in "Friday | 8 pm" is escaped, so the row keeps five columns.
    import markdown

    html_table = markdown.markdown(table, extensions=["tables"])
    assert all(row.count("<td") == 5 for row in html_table.split("<tr>")[2:])
    # Word differences show in bold inside the aligned pair.
    assert "**27/11**" in md and "**November 27**" in md and "**overnight**" in md
    # The sentence split in two in B sits in one aligned passage with both halves.
    second = md[md.index("### 2.") : md.index("### 3.")]
    assert "Mayor Ilse Varga said" in second and "The harbour flooded" in second


@pytest.mark.parametrize(
    "text",
    [
        "*bold* _it_ `code` [x](javascript:alert(1)) ![i](x.png)",
        "# not a heading",
        "- not a list",
        "+ not a list",
        "1. not a list",
        "2) not a list",
        "> not a quote",
        "<script>alert(1)</script> &lt; AT&T &#60; <http://x.example>",
        "back\\slash \\* star",
    ],
)
def test_escape_md_shows_the_same_characters(text: str) -> None:
    import markdown

    for context in ("{}", "- {}", "**A:** {}"):
        md = context.format(escape_md(text, block_start=context != "**A:** {}"))
        rendered = markdown.markdown(md)
        for tag in ("<h1", "<blockquote", "<ol", "<img", "<a ", "<script", "<code", "<em"):
            assert tag not in rendered, (md, rendered)
        assert rendered.count("<ul>") == (1 if context == "- {}" else 0)
        assert md_to_text(md).endswith(text), (md, md_to_text(md))


def test_escape_md_leaves_plain_punctuation_alone() -> None:
    assert escape_md("--11-27, 3.5 # + 1.") == "--11-27, 3.5 # + 1."
    assert escape_md("--11-27", block_start=True) == "\\--11-27"


# ---- HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "made"])
def test_html_carries_every_sentence_once(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    tree = assert_inert(render_html(c), allowed_styles=1)
    for side, doc in (("a", c.a), ("b", c.b)):
        for i in range(len(doc.sentences)):
            assert tree.by_id[f"{side}-s{i}"] == [doc.sentence_text(i)]
    sentences = sentence_texts(c)
    shown = collapse(tree.by_id["a-body"][0] + " " + tree.by_id["b-body"][0])
    for text in sentences:
        assert shown.count(text) == sum(other.count(text) for other in sentences), text


@pytest.mark.parametrize("which", ["bundled", "made"])
def test_pdf_variant_carries_every_sentence_once(
    which: str, request: pytest.FixtureRequest
) -> None:
    c: Comparison = request.getfixturevalue(which)
    tree = assert_inert(render_html(c, "pdf"), allowed_styles=1)
    shown = collapse(tree.visible[tree.visible.index("side by side") :])
    sentences = sentence_texts(c)
    for text in sentences:
        assert shown.count(text) == sum(other.count(text) for other in sentences), text
    # Every fact has its row in the PDF's facts table too.
    page = render_html(c, "pdf")
    assert page.count('<tr class="f-') == len(c.facts)


@pytest.mark.parametrize("which", ["bundled", "made"])
def test_html_anchors_jump_both_ways(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    tree = parse(render(c, "html"))
    href = {d["id"]: d.get("href") for tag, d in tree.tags if tag == "a" and d.get("id")}
    ids = {d["id"] for _, d in tree.tags if d.get("id")}
    linked = 0
    for k, link in enumerate(c.links):
        for i in link.a:
            target = href[f"a-s{i}"]
            assert target is not None and target[1:] in ids
            j = int(target[len("#b-s") :])
            # The counterpart links back to a sentence it is linked with.
            back = href[f"b-s{j}"]
            assert back is not None
            i2 = int(back[len("#a-s") :])
            assert any(i2 in l2.a and j in l2.b for l2 in c.links), (k, i, j, i2)
            linked += 1
    assert linked == sum(len(link.a) for link in c.links)
    # Unlinked sentences are not anchors.
    for side, cov in (("a", c.coverage_a), ("b", c.coverage_b)):
        for i, sc in enumerate(cov):
            if not sc.links:
                assert f"{side}-s{i}" not in href


def test_html_facts_table_and_header(made: Comparison) -> None:
    page = render(made, "html")
    tree = parse(page)
    for f, fact in enumerate(made.facts):
        row = tree.by_id[f"fact-{f}"][0]
        assert fact.value in row
    conflict_row = tree.by_id["fact-0"][0]
    assert "5 people died" in conflict_row and "24 people died" in conflict_row
    text = tree.visible
    for needle in (
        "a.txt",
        "b.md",
        "Storm kills 5 in Kestrel Bay",
        "Kestrel Bay storm: 24 dead",
        "2026-11-22T10:00:00+00:00",
        "60%",
        "75%",
    ):
        assert needle in text
    # Conflicting fact marked in the text, changed words marked, with a legend for both.
    assert re.search(
        r'<span class="cf" title="A: 5 people died / B: 24 people died"><span class="d">5<', page
    )
    assert '<span class="d">November 27</span>' in page
    assert 'class="legend"' in page


def test_html_is_self_contained(bundled: Comparison) -> None:
    page = render(bundled, "html")
    tree = assert_inert(page, allowed_styles=1)
    css = "".join(tree.style_text)
    assert "@media print" in css and ".s-shared" in css
    assert "url(" not in css and "@import" not in css
    assert "<script" not in page.lower() and "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page


def test_every_fact_status_is_listed(made: Comparison) -> None:
    page = render(made, "html")
    for status in FactStatus:
        assert f'class="b-{status}"' in page


def test_render_rejects_unknown_format(made: Comparison) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(made, "docx")


def test_shared_example_pair_exports(shared_examples: tuple[Path, Path]) -> None:
    c = compare(read_path(shared_examples[0]), read_path(shared_examples[1]))
    for fmt in ("json", "md", "html"):
        assert render(c, fmt)
    tree = parse(render(c, "html"))
    assert all(tree.by_id[f"b-s{i}"] == [c.b.sentence_text(i)] for i in range(len(c.b.sentences)))


def test_unrelated_one_sentence_articles_with_emoji() -> None:
    """No links, no facts, astral characters: every format still carries both sentences."""
    from core.model import Coverage, Role, SentenceCoverage, Summary
    from tests.core.test_export_helpers import build_document

    a = build_document("a.txt", [(Role.BODY, ["Cats 😺 sleep all day & night."])])
    b = build_document("b.txt", [(Role.BODY, ["Markets fell <5% on Friday."])])
    unique = (SentenceCoverage(Coverage.UNIQUE, 0.0),)
    c = Comparison(a, b, (), (), unique, unique, (), Summary(0.0, 0.0, 0))
    data = json.loads(render(c, "json"))
    assert data["links"] == [] and data["facts"] == [] and data["a"]["text"] == a.text
    md = render(c, "md")
    assert "No passages of A and B say the same thing." in md
    assert md_to_text(md).count("Cats 😺 sleep all day & night.") == 1
    tree = assert_inert(render(c, "html"), allowed_styles=1)
    assert tree.by_id["a-s0"] == ["Cats 😺 sleep all day & night."]
    assert tree.by_id["b-s0"] == ["Markets fell <5% on Friday."]
    assert "No facts were matched." in tree.visible


def test_pdf_variant_drops_jumps_for_very_long_articles(
    made: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.export.html_report as html_report

    with_jumps = render_html(made, "pdf")
    assert 'name="a-s0"' in with_jumps and 'href="#b-s1"' in with_jumps
    monkeypatch.setattr(html_report, "PDF_ANCHOR_LIMIT", len(made.a.sentences))
    plain = render_html(made, "pdf")
    assert ' name="a-s' not in plain and 'href="#' not in plain
    assert '<sup class="ln">1</sup>' in plain  # the numbers still pair the passages


def test_html_fact_summary_counts_conflicts_in_the_right_number(made: Comparison) -> None:
    # Regression: the summary line said "2 conflict · ..." for two conflicts.
    import dataclasses

    from core.labels import counted

    conflict = next(f for f in made.facts if f.status is FactStatus.CONFLICT)
    one = render(made, "html")
    two = render(dataclasses.replace(made, facts=(*made.facts, conflict)), "html")
    assert '<p class="meta">1 conflict · ' in one
    assert '<p class="meta">2 conflicts · ' in two
    assert [counted(n, "link") for n in (0, 1, 2)] == ["0 links", "1 link", "2 links"]
