"""All the visible text of a web page, paragraph by paragraph, without building a tree.

Why besides trafilatura: trafilatura (on lxml) gives up on pages nested too deep for a tree,
reads a paragraph repeated back to back once, and takes a page that is nothing but a menu for
an article. This pass, on the standard library's event parser, has no depth limit and keeps
every copy, so core.reading.html can fall back on it and say how much of the page it kept.

Imports: standard library, core.model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from core.model import Role

# Elements whose text nobody sees on the page.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
# Page chrome around an article: counted as visible text, never read as article text.
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that end a paragraph of running text.
_BREAKS = frozenset(
    {
        "p",
        "div",
        "li",
        "tr",
        "td",
        "th",
        "br",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "table",
        "ul",
        "ol",
        "figcaption",
        "hr",
        *_HEADINGS,
        *_CHROME,
    }
)


@dataclass(slots=True)
class PageText:
    """What a reader sees on a page: its paragraphs (chrome left out) and character counts."""

    title: str | None = None
    paragraphs: list[tuple[str, Role | None]] = field(default_factory=list)
    visible_chars: int = 0  # every visible character, chrome included, spaces collapsed
    link_chars: int = 0  # of those, the ones inside links


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self._hidden = 0
        self._chrome = 0
        self._links = 0
        self._heading = 0
        self._in_title = False
        self._title: list[str] = []
        self._words: list[str] = []

    def _flush(self) -> None:
        text = " ".join(self._words)
        self._words = []
        if text:
            self.page.paragraphs.append((text, Role.HEADING if self._heading else None))

    def _enter(self, tag: str, step: int) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden + step)
        if tag in _CHROME:
            self._chrome = max(0, self._chrome + step)
        if tag == "a":
            self._links = max(0, self._links + step)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _BREAKS:
            self._flush()
        if tag in _HEADINGS:
            self._heading += 1
        if tag not in {"br", "hr"}:
            self._enter(tag, 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _BREAKS:
            self._flush()
        if tag in _HEADINGS:
            self._heading = max(0, self._heading - 1)
        self._enter(tag, -1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
            return
        if self._hidden:
            return
        words = data.split()
        if not words:
            return
        chars = sum(len(w) for w in words)
        self.page.visible_chars += chars
        if self._links:
            self.page.link_chars += chars
        if not self._chrome:
            self._words.extend(words)

    def close(self) -> None:
        super().close()
        self._flush()
        self.page.title = " ".join(" ".join(self._title).split()) or None


def page_text(html: str) -> PageText:
    """The page's visible text as paragraphs, with counts of visible and link characters."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page
