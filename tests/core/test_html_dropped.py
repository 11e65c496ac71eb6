"""Web pages never lose or misread text silently: repeats, menu-only pages, deep nesting."""

from __future__ import annotations

from core.reading.dispatch import read_text

PARA = (
    "The council approved the harbour plan on Monday after a long debate about costs and "
    "the schedule for the works. "
) * 5


def _page(body: str) -> str:
    return f"<html><head><title>Harbour</title></head><body>{body}</body></html>"


def test_repeated_paragraphs_read_once_are_reported() -> None:
    doc = read_text(_page("<article>" + f"<p>{PARA}</p>" * 20 + "</article>"), fmt="html")
    assert len(doc.notices) == 1
    assert "kept" in doc.notices[0] and "19 repeated paragraph" in doc.notices[0]


def test_menu_only_page_is_not_presented_as_an_article() -> None:
    menu = "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(30))
    doc = read_text(_page(f"<nav><ul>{menu}</ul></nav>"), fmt="html")
    assert any("navigation menu" in n for n in doc.notices)


def test_article_inside_deep_nesting_is_read() -> None:
    sentence = "The council approved the harbour plan on Monday after a long debate."
    depth = 100_000
    doc = read_text(_page("<div>" * depth + f"<p>{sentence}</p>" + "</div>" * depth), fmt="html")
    assert sentence in doc.text
    assert doc.notices and "could not be told apart" in doc.notices[0]


def test_an_ordinary_article_has_no_notice() -> None:
    doc = read_text(_page("<article>" + f"<p>{PARA}</p>" + "</article>"), fmt="html")
    assert doc.notices == ()
