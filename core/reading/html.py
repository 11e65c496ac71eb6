"""Saved web pages: the article's paragraphs, via trafilatura (never a hand-written tag stripper).

Why trafilatura: a news page is mostly navigation, related links, cookie banners, share bars
and comments; trafilatura finds the article body and keeps its structure. We ask for its XML
output so paragraph boundaries and headings survive (``<p>``, ``<head>``, ``<list>/<item>``,
``<quote>``, table rows), comments are excluded, and the page title comes from its metadata
(og:title / <title> with the site name removed). Each element becomes one Block for
core.reading.blocks; the page title becomes the title paragraph.

Imports: standard library, lxml, trafilatura (imported lazily: it is slow to import and only
HTML input needs it), core.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any

from core.errors import InputError
from core.model import Role
from core.reading.blocks import MAX_BYTES, Block
from core.reading.page_text import PageText, page_text

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "code"})
_BREAK = "\ue000"  # private-use: stands for <lb/> while text is put together, never output
# trafilatura turns <br><br> into one <lb/>: a break after a sentence end starts a paragraph.
_PARAGRAPH_BREAK = re.compile('(?<=[.!?…"”’])\\s*\ue000[\\s\ue000]*')
# Reader discussion that trafilatura's comment rules miss (they look for "comment" in the
# class or id): reply threads, forum posts and "responses" boxes, matched as whole class or id
# words so that an "article-thread" container is not touched.
_DISCUSSION_WORDS = ("thread", "replies", "reply-box", "responses", "discussion", "forum-posts")
_PRUNE = [
    "//*["
    + " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {w} ') or @id='{w}'"
        for w in _DISCUSSION_WORDS
    )
    + "]"
]
_TITLE_SEARCH = 12  # how far into the blocks the page headline may turn up
_NAV_WORDS = 15  # blocks before the headline this short are menus, not article text
_INNER_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code"})
# A page whose visible text is this much link text is a menu or an index, not an article.
_MENU_SHARE = 0.8
# Below this share of a page's visible text kept (on pages with more than the given number of
# characters), the reader says how much it left out; real articles keep far more.
_SMALL_SHARE = 0.1
_SMALL_SHARE_FROM = 5000
_REPEAT_MIN = 50  # paragraphs shorter than this repeat legitimately ("Advertisement")


def _trafilatura() -> Any:
    import trafilatura

    return trafilatura


_config: Any = None


def _settings() -> Any:
    global _config
    if _config is None:
        from trafilatura.settings import use_config

        config = use_config()
        # Our own size limit (core.reading.blocks.MAX_BYTES) is checked first and says why.
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES * 4))
        # Dates are not used here; the extensive search costs more than the extraction.
        config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
        _config = config
    return _config


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).replace(_BREAK, " ").split())


def _blocks_from_xml(xml: str) -> tuple[list[Block], str | None]:
    from lxml import etree  # type: ignore[import-untyped]

    root = etree.fromstring(xml.encode("utf-8"))
    for br in root.iter("lb"):  # mark line breaks (old CMSs separate paragraphs with <br>)
        br.tail = _BREAK + (br.tail or "")
    title = root.get("title") or None
    main = root.find("main")
    blocks: list[Block] = []
    if main is None:
        return blocks, title
    for element in main.iter(*_BLOCK_TAGS):
        if element.tag == "quote" and element.find(".//p") is not None:
            continue  # its paragraphs come on their own
        if element.tag in {"p", "item"} and any(
            child.tag in _BLOCK_TAGS for child in element.iterdescendants()
        ):
            continue  # a container: its inner blocks come on their own
        if element.tag == "row":
            if any(child.tag in _INNER_BLOCKS for child in element.iterdescendants()):
                continue  # a layout table: the cells' paragraphs come on their own
            cells = [_text_of(cell) for cell in element.iter("cell")]
            text = " | ".join(c for c in cells if c)
            if text:
                blocks.append(Block(text))
            continue
        role = Role.HEADING if element.tag == "head" else None
        for piece in _PARAGRAPH_BREAK.split("".join(element.itertext())):
            text = " ".join(piece.replace(_BREAK, " ").split())
            if text:
                blocks.append(Block(text, role))
    return blocks, title


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_blocks(
    html: str, source: str, notices: list[str] | None = None
) -> tuple[list[Block], str | None]:
    """The article in ``html`` as Blocks (title first) and its title.

    Raises InputError when the page holds no article text.
    """
    trafilatura = _trafilatura()
    options: dict[str, Any] = {
        "output_format": "xml",
        "include_comments": False,
        "include_tables": True,
        "include_images": False,
        "include_links": False,
        "with_metadata": True,
        "deduplicate": False,
        "prune_xpath": _PRUNE,
        "config": _settings(),
    }
    try:
        xml = trafilatura.extract(html, **options)
        if not xml:
            log.debug("%s: nothing extracted, trying again favouring recall", source)
            xml = trafilatura.extract(html, favor_recall=True, **options)
        blocks, title = _blocks_from_xml(xml) if xml else ([], None)
    except (ValueError, TypeError, RecursionError) as e:  # lxml refuses some documents outright
        log.debug("%s: trafilatura failed (%s); reading all the page's text", source, e)
        blocks, title = [], None
    page = page_text(html)
    if notices is None:
        notices = []
    if not blocks:
        blocks = [Block(text, role) for text, role in page.paragraphs]
        title = page.title
        if not blocks:
            raise InputError(source, "no article text found in this HTML page")
        notices.append(
            "the article could not be told apart from the rest of the page: all of its "
            f"text outside menus, headers and footers is read ({_chars(blocks):,} characters)"
        )
    else:
        notices.extend(_dropped(blocks, page))
    if page.visible_chars and page.link_chars >= _MENU_SHARE * page.visible_chars:
        notices.append(
            "looks like a navigation menu or a list of links, not an article "
            f"({page.link_chars:,} of {page.visible_chars:,} characters of its text are links)"
        )
    return _place_title(blocks, title), title or _first_heading(blocks)


def _chars(blocks: list[Block]) -> int:
    """Characters of text, spaces not counted (as in core.reading.page_text)."""
    return sum(len(b.text) - b.text.count(" ") for b in blocks)


def _dropped(blocks: list[Block], page: PageText) -> list[str]:
    """A notice when trafilatura kept far less than the page shows, or read repeats once."""
    kept = _chars(blocks)
    extracted = Counter(_key(b.text) for b in blocks)
    seen = Counter(_key(text) for text, _role in page.paragraphs)
    repeats = sum(
        count - extracted[key]
        for key, count in seen.items()
        if extracted[key] and count > extracted[key] and len(key) >= _REPEAT_MIN
    )
    small = page.visible_chars > _SMALL_SHARE_FROM and kept < _SMALL_SHARE * page.visible_chars
    if not repeats and not small:
        return []
    why = f"{repeats:,} repeated paragraph(s) read once" if repeats else "page-chrome text"
    return [
        f"kept {kept:,} of {page.visible_chars:,} characters of text; the rest looked like "
        f"repeated or page-chrome text ({why})"
    ]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _first_heading(blocks: list[Block]) -> str | None:
    return blocks[0].text if blocks[0].role is Role.HEADING else None


def _place_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Put the headline first, as the title paragraph, exactly once.

    When the page's headline turns up a few blocks in (a layout table or a header that
    trafilatura kept), the short lines before it are navigation and go.
    """
    if not title:
        if blocks[0].role is Role.HEADING:
            return [Block(blocks[0].text, Role.TITLE), *blocks[1:]]
        return blocks
    at = next((i for i, b in enumerate(blocks[:_TITLE_SEARCH]) if _same(b.text, title)), None)
    if at is None:
        return [Block(title, Role.TITLE), *blocks]
    before = blocks[:at]
    rest = [b for b in blocks[at + 1 :] if not _same(b.text, title)]
    if all(len(b.text.split()) <= _NAV_WORDS for b in before):
        before = []
    return [Block(blocks[at].text, Role.TITLE), *before, *rest]
