"""Content sentences: word-less ones are not counted; identical articles are wholly shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.compare import compare
from core.model import Comparison, Coverage, Document
from core.reading.dispatch import read_path, read_text
from tests.core.test_compare import WORDS
from tests.documents import make_doc

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
DIVIDERS = ["* * *", "—", "***", "•", "---", "…", "§", "* * * *", "“…”", "(—)"]


def _wholly_shared(c: Comparison) -> None:
    assert c.summary.a_shared == c.summary.b_shared == 1.0
    assert c.summary.a_unique == c.summary.b_unique == 0
    for cov in c.coverage_a + c.coverage_b:
        assert not cov.counted or cov.status is Coverage.SHARED


def test_dividers_are_not_content() -> None:
    doc = make_doc([["The mayor opened the bridge."], ["* * *"], ["—", "•"], ["It rained 3 days."]])
    assert [doc.is_content_sentence(i) for i in range(len(doc.sentences))] == [
        True,
        False,
        False,
        False,
        True,
    ]


def test_identical_articles_with_dividers_are_wholly_shared() -> None:
    doc = read_text("The mayor opened the bridge.\n\n* * *\n\n—\n\n***\n\n•\n\nTraffic was heavy.")
    c = compare(doc, doc)
    _wholly_shared(c)
    assert [cov.counted for cov in c.coverage_a] == [True, False, False, False, False, True]


sentence = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
        lambda ws: " ".join(ws).capitalize() + "."
    ),
    st.sampled_from(DIVIDERS),
)


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.lists(sentence, min_size=1, max_size=4), min_size=1, max_size=8))
    return "\n\n".join(" ".join(p) for p in paragraphs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_texts())
# copies of one sentence tie on every score: the last copy, alone in its paragraph, once had
# no candidate partner
@example("Storm. Storm. Storm. Storm.\n\nStorm. Storm. Storm. Storm.\n\nStorm.")
def test_identical_generated_articles_are_wholly_shared(text: str) -> None:
    doc = read_text(text)
    if not any(doc.is_content_sentence(i) for i in range(len(doc.sentences))):
        c = compare(doc, doc)
        assert c.summary.a_unique == c.summary.b_unique == 0
        return
    _wholly_shared(compare(doc, doc))


def _data_files() -> list[Path]:
    roots = [SHARED_DATA, ROOT / "tests" / "data"]
    return sorted(p for r in roots if r.is_dir() for p in r.rglob("*.txt"))


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_every_data_file_is_wholly_shared_with_itself(path: Path) -> None:
    doc: Document = read_path(path)
    _wholly_shared(compare(doc, doc))
