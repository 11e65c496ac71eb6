"""A fact stays inside one paragraph: no date, number or name is read across a paragraph break."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pytest

from core.facts import extract_mentions
from core.model import Document, FactKind
from core.reading.dispatch import read_path, read_text

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"


def _mentions(doc: Document) -> list[tuple[FactKind, str]]:
    return [(m.kind, doc.text[m.start : m.end]) for m in extract_mentions(doc)]


def _outside_one_paragraph(doc: Document) -> list[str]:
    starts = [p.span.start for p in doc.paragraphs]
    out = []
    for m in extract_mentions(doc):
        p = bisect_right(starts, m.start) - 1
        if p < 0 or m.end > doc.paragraphs[p].span.end:
            out.append(doc.text[m.start : m.end])
    return out


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting was on May{}5 people came.", [(FactKind.NUMBER, "5 people")]),
        ("It was Monday, March{}12 officers were there.", [(FactKind.NUMBER, "12 officers")]),
        ("The toll rose to 13{}Police said so.", [(FactKind.NUMBER, "13")]),
        ("They carried 40{}tonnes of grain arrived.", [(FactKind.NUMBER, "40")]),
    ],
)
def test_a_fact_does_not_reach_into_the_next_paragraph(
    text: str, expected: list[tuple[FactKind, str]], gap: str
) -> None:
    doc = read_text(text.format(gap))
    assert len(doc.paragraphs) == 2
    found = _mentions(doc)
    assert [m for m in found if m[0] is FactKind.NUMBER or m[0] is FactKind.DATE] == expected
    assert _outside_one_paragraph(doc) == []


def _data_files() -> list[Path]:
    roots = [SHARED_DATA, ROOT / "tests" / "data"]
    return sorted(p for r in roots if r.is_dir() for p in r.rglob("*.txt"))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_every_mention_of_the_data_files_is_inside_one_paragraph(path: Path) -> None:
    assert _outside_one_paragraph(read_path(path)) == []
