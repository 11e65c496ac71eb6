"""Saved web pages: the article's paragraphs, via trafilatura (never a hand-written tag stripper).

Why trafilatura: a news page is mostly navigation, related links, cookie banners, share bars
and comments; trafilatura finds the article body and keeps its structure. We ask for its XML
output so paragraph boundaries and headings survive (``<p>``, ``<head>``, ``<list>/<item>``,
``<quote>``, table rows), comments are excluded, and the page title comes from its metadata
(og:title / <title> with the site name removed). Each element becomes one Block for
core.reader; the page title becomes the title paragraph.

Imports: standard library, lxml, trafilatura (imported lazily: it is slow to import and only
HTML input needs it), core.
"""

from __future__ import annotations

import logging
import sys
import types
from typing import Any

from core.errors import InputError
from core.model import Role
from core.reader import MAX_BYTES, Block

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "code"})


def _install_clean_stub() -> None:
    """Let justext import when lxml's separate ``lxml_html_clean`` package is missing.

    trafilatura imports justext, whose module imports ``lxml.html.clean.Cleaner`` at load time
    but whose functions trafilatura calls never use it. Some environments lack the
    ``lxml_html_clean`` package (lxml moved it out); rather than failing on every HTML file we
    stand in a Cleaner that refuses to run. Installing ``lxml_html_clean`` removes the need.
    """

    class Cleaner:  # pragma: no cover - only reached if justext's preprocessor were used
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("lxml_html_clean is not installed")

    stub = types.ModuleType("lxml.html.clean")
    stub.Cleaner = Cleaner  # type: ignore[attr-defined]
    sys.modules["lxml.html.clean"] = stub
    log.warning("lxml_html_clean is missing: using a stand-in so trafilatura can load")


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as e:
        if "html.clean" not in str(e) and "lxml_html_clean" not in str(e):
            raise
        _install_clean_stub()
        import trafilatura
    return trafilatura


_config: Any = None


def _settings() -> Any:
    global _config
    if _config is None:
        from trafilatura.settings import use_config

        config = use_config()
        # Our own size limit (core.reader.MAX_BYTES) is checked first and says why.
        config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES * 4))
        # Dates are not used here; the extensive search costs more than the extraction.
        config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
        _config = config
    return _config


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _blocks_from_xml(xml: str) -> tuple[list[Block], str | None]:
    from lxml import etree  # type: ignore[import-untyped]

    root = etree.fromstring(xml.encode("utf-8"))
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
            cells = [_text_of(cell) for cell in element.iter("cell")]
            text = " | ".join(c for c in cells if c)
        else:
            text = _text_of(element)
        if text:
            blocks.append(Block(text, Role.HEADING if element.tag == "head" else None))
    return blocks, title


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_blocks(html: str, source: str) -> tuple[list[Block], str | None]:
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
        "config": _settings(),
    }
    try:
        xml = trafilatura.extract(html, **options)
        if not xml:
            log.debug("%s: nothing extracted, trying again favouring recall", source)
            xml = trafilatura.extract(html, favor_recall=True, **options)
    except (ValueError, TypeError) as e:  # lxml refuses some broken documents outright
        raise InputError(source, f"cannot parse this HTML page ({e})") from None
    blocks, title = _blocks_from_xml(xml) if xml else ([], None)
    if not blocks:
        raise InputError(source, "no article text found in this HTML page")
    first = blocks[0]
    if title and first.role is Role.HEADING and _same(first.text, title):
        blocks[0] = Block(first.text, Role.TITLE)
    elif title:
        blocks.insert(0, Block(title, Role.TITLE))
    elif first.role is Role.HEADING:
        blocks[0] = Block(first.text, Role.TITLE)
        title = first.text
    return blocks, title
