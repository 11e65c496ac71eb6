"""Reports of an N-way comparison: the article-comparer/2 JSON contract, Markdown and HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import ExportError
from core.export.nway_report import render_nway, write_nway_report
from core.nway import NWayComparison, compare_many
from core.reading.dispatch import read_path, read_text

DATA = Path(__file__).resolve().parent.parent / "data" / "nway"


@pytest.fixture(scope="module")
def nway() -> NWayComparison:
    return compare_many([read_path(DATA / f"{n}.txt") for n in ("one", "two", "three", "four")])


def test_json_v2_contract(nway: NWayComparison) -> None:
    data = json.loads(render_nway(nway, "json"))
    assert data["format"] == "article-comparer/2"
    assert len(data["documents"]) == 4
    assert [d["label"] for d in data["documents"]] == ["A", "B", "C", "D"]
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [
        (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)
    ]  # fmt: skip
    for p in data["pairs"]:
        na = len(data["documents"][p["a"]]["sentences"])
        nb = len(data["documents"][p["b"]]["sentences"])
        for link in p["links"]:
            assert all(0 <= s < na for s in link["a"]) and all(0 <= s < nb for s in link["b"])
    for st in data["statements"]:
        assert len(st["sentences"]) == len(st["cells"]) == 4
        assert st["carried_by"] == [d for d, held in enumerate(st["sentences"]) if held]
        for cell, held in zip(st["cells"], st["sentences"], strict=True):
            assert (cell is None) == (not held)
    conflict = next(f for f in data["facts"] if f["status"] == "conflict")
    assert conflict["values"] == [
        {"value": "3 passenger", "articles": [0, 2]},
        {"value": "5 passenger", "articles": [1]},
    ]
    for d, article in enumerate(conflict["articles"]):
        if article is None:
            continue
        text = data["documents"][d]["text"]
        assert all(text[s:e] for s, e in article["spans"])
    summary = data["summary"]
    assert summary["documents"] == 4 and summary["carried_by_all"] >= 1
    assert summary["conflicts"] == 1 and len(summary["shared"]) == 4


def test_markdown_and_html_hold_the_matrix(nway: NWayComparison) -> None:
    md = render_nway(nway, "md")
    assert "| # | statement | A | B | C | D | carried by | only here |" in md
    assert "3 passenger (A, C) / 5 passenger (B)" in md
    rows = [line for line in md.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == len(nway.statements)
    html = render_nway(nway, "html")
    assert html.count('<td class="cell conflict"') == 3
    assert "<script" not in html and "http" not in html.split("<body>")[1]


def test_article_text_cannot_inject_markup() -> None:
    a = read_text("<script>alert(1)</script> The | vote passed *today*.\n", source="<a>")
    b = read_text("The vote passed today.\n", source="b")
    html = render_nway(compare_many((a, b)), "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = render_nway(compare_many((a, b)), "md")
    assert "<script>" not in md and "\\*today\\*" in md


def test_written_atomically_never_over_an_input(nway: NWayComparison, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    write_nway_report(nway, out, "json")
    assert json.loads(out.read_text("utf-8"))["format"] == "article-comparer/2"
    with pytest.raises(ExportError, match="compared articles"):
        write_nway_report(nway, DATA / "one.txt", "md", protect=[DATA / "one.txt"])
    with pytest.raises(ExportError, match="pdf"):
        write_nway_report(nway, tmp_path / "r.pdf", "pdf")
