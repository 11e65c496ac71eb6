"""Saved news pages (tests/data/html): article text kept, page chrome and comments left out."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from core.model import Document, Role
from core.reading.dispatch import read_path

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
ALL = sorted(PAGES.glob("*.html"))
_TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*")


def content(doc: Document) -> list[str]:
    return [doc.paragraph_text(i) for i, p in enumerate(doc.paragraphs) if p.role.is_content]


def expected(page: Path) -> list[str]:
    return page.with_suffix(".expected.txt").read_text(encoding="utf-8").strip().split("\n\n")


def f1(got: str, want: str) -> float:
    g = Counter(t.casefold() for t in _TOKEN.findall(got))
    w = Counter(t.casefold() for t in _TOKEN.findall(want))
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * p * r / (p + r)


def test_there_are_at_least_ten_pages() -> None:
    assert len(ALL) >= 10
    assert all(p.with_suffix(".expected.txt").is_file() for p in ALL)


def test_mean_word_f1_meets_target() -> None:
    scores = [f1("\n".join(content(read_path(p))), "\n".join(expected(p))) for p in ALL]
    assert sum(scores) / len(scores) >= 0.93, scores


@pytest.mark.parametrize("page", ALL, ids=[p.stem for p in ALL])
def test_page_reads_with_title_and_all_article_paragraphs(page: Path) -> None:
    doc = read_path(page)
    want = expected(page)
    got = content(doc)
    assert doc.paragraphs[0].role is Role.TITLE
    assert doc.title == want[0]
    missing = [p for p in want if p not in got]
    assert not missing, missing
    assert len(doc.text.split("\n\n")) == len(doc.paragraphs)


@pytest.mark.parametrize(
    ("stem", "absent"),
    [
        ("03_newspaper_comments", ["I doubt the numbers", "We use cookies", "Ferry fares to rise"]),
        ("04_wordpress_blog", ["Brought my old radio", "Recent Posts", "Proudly powered"]),
        ("06_regional_portal", ["Fish return to the river", "Same category"]),
        ("08_metered_daily", ["free articles left", "Read 87 comments"]),
        ("10_magazine_pullquote", ["Your privacy", "About the author"]),
        ("12_br_paragraphs_teasers", ["Tram line extension", "Send to a friend"]),
        ("13_forum_replies", ["Great work by Otto", "north gate", "Write a reply"]),
    ],
)
def test_chrome_is_not_read(stem: str, absent: list[str]) -> None:
    doc = read_path(PAGES / f"{stem}.html")
    for text in absent:
        assert text not in doc.text


def test_paragraphs_separated_by_line_breaks_are_split() -> None:
    doc = read_path(PAGES / "12_br_paragraphs_teasers.html")
    assert content(doc) == expected(PAGES / "12_br_paragraphs_teasers.html")


def test_chrome_kept_in_text_gets_a_non_content_role() -> None:
    doc = read_path(PAGES / "14_inline_extras.html")
    roles = {doc.paragraph_text(i): p.role for i, p in enumerate(doc.paragraphs)}
    assert roles["READ MORE: Shipyards bet on batteries as orders grow"] is Role.BOILERPLATE
