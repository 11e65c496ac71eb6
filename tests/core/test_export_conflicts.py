"""Reports open with the conflicts: both values, each article's wording, and why."""

from __future__ import annotations

import json

from core.compare import compare
from core.export import render
from core.model import Comparison
from core.reading.dispatch import read_text

A = "Quake in Peru\n\nA magnitude 6.8 earthquake struck Peru on Tuesday, killing 127 people.\n"
B = "Quake in Peru\n\nA magnitude 7.1 earthquake struck Peru on Tuesday, killing 127 people.\n"


def _comparison() -> Comparison:
    return compare(read_text(A, "a.txt"), read_text(B, "b.txt"))


def test_markdown_opens_with_the_conflicts() -> None:
    md = render(_comparison(), "md")
    assert md.index("## Conflicts") < md.index("| Source") < md.index("## Facts")
    part = md[md.index("## Conflicts") : md.index("| Source")]
    assert "A says **6.8 magnitude**, B says **7.1 magnitude**" in part
    assert "A: A magnitude **6.8** earthquake struck Peru" in part
    assert "B: A magnitude **7.1** earthquake struck Peru" in part
    assert "conflict: 6.8 vs 7.1" in part


def test_html_opens_with_the_conflicts() -> None:
    html = render(_comparison(), "html")
    assert html.index('id="conflicts"') < html.index('class="sources"') < html.index('id="facts"')
    assert "<mark>6.8</mark>" in html and "<mark>7.1</mark>" in html


def test_json_facts_say_why() -> None:
    data = json.loads(render(_comparison(), "json"))
    whys = {f["status"]: f["why"] for f in data["facts"]}
    assert whys["conflict"] == "conflict: 6.8 vs 7.1"
    assert whys["shared"] == "same value"
