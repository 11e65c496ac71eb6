"""Markdown files: rendered by the markdown package, then read block by block.

Why render instead of stripping symbols: emphasis, links, images, code spans and escapes have
many spellings; the markdown package already knows them all, so ``**Putin**`` and
``[Reuters](https://...)`` reach the compared text as "Putin" and "Reuters", never with markup.
Headings become heading paragraphs (a leading ``#`` heading becomes the title), list items and
quoted paragraphs their own paragraphs, and an image's alt text a caption.

Raw HTML inside Markdown passes through the markdown package untouched, so the rendering is
sanitized with nh3 first: script and style bodies are dropped (a reader never sees them on the
page), unknown tags are unwrapped to their text, so no markup can reach the compared text.

Imports: standard library, markdown, nh3, lxml (all project dependencies), core.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from core.errors import InputError
from core.model import Role
from core.reading.blocks import Block

log = logging.getLogger(__name__)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LEAVES = frozenset({"p", "li", "pre", "dt", "dd", "tr", "td", "th", *_HEADINGS})
_CONTAINERS = frozenset({"div", "blockquote", "ul", "ol", "dl", "table", "thead", "tbody", "li"})


# Tags the walk below understands; everything else is unwrapped by nh3 (its text kept).
_SAFE_TAGS = {
    *_LEAVES,
    *_CONTAINERS,
    "img",
    "br",
    "hr",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "code",
    "span",
}

_BREAK = "\ue000"  # private-use: stands for <br> while text is put together, never output
# A line longer than this is not hard-wrapped: its single line breaks separate paragraphs, as in
# articles pasted one paragraph per line (Markdown itself would run them together).
_UNWRAPPED_LINE = 120


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).replace(_BREAK, " ").split())


def _pieces(element: Any, split_lines: bool) -> list[str]:
    raw = "".join(element.itertext())
    parts = raw.split(_BREAK) if split_lines else [raw]
    return [t for t in (" ".join(p.replace(_BREAK, " ").split()) for p in parts) if t]


def _walk(element: Any, out: list[Block], split_lines: bool = False) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "li" and any(c.tag in {"p", "ul", "ol"} for c in child):
            _walk(child, out, split_lines)  # a loose or nested list item holds blocks of its own
            continue
        if tag == "tr":
            cells = [_text(c) for c in child if c.tag in {"td", "th"}]
            text = " | ".join(c for c in cells if c)
            if text:
                out.append(Block(text))
            continue
        if tag in _LEAVES:
            text = _text(child)
            images = child.findall(".//img")
            if not text and images:
                alt = " ".join(img.get("alt", "") for img in images).strip()
                if alt:
                    out.append(Block(alt, Role.CAPTION))
                continue
            role = Role.HEADING if tag in _HEADINGS else None
            out.extend(Block(piece, role) for piece in _pieces(child, split_lines and tag == "p"))
        elif tag in _CONTAINERS and any(c.tag in _LEAVES or c.tag in _CONTAINERS for c in child):
            _walk(child, out, split_lines)
        elif tag in _CONTAINERS:  # a raw <div> of inline text is one paragraph
            text = _text(child)
            if text:
                out.append(Block(text))
        elif tag == "hr":
            continue
        elif tag:
            text = _text(child)
            if text:
                out.append(Block(text))


# YAML front matter (Jekyll, Hugo, Pandoc): ``---`` on the first line, ``key: value`` lines, then
# ``---`` or ``...``. The markdown package would render it as a heading ("title: x") and a rule.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_KEY = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)")
_FRONT_TITLE = re.compile(r"^title[ \t]*:[ \t]*(?P<t>.+?)[ \t]*$", re.MULTILINE)


def _front_matter(source_text: str) -> tuple[str, str | None]:
    """The text without its front matter, and the front matter's title, if any."""
    match = _FRONT_MATTER.match(source_text)
    if match is None or not _FRONT_KEY.match(match["body"]):
        return source_text, None
    title = _FRONT_TITLE.search(match["body"])
    name = title["t"].strip("\"'") if title else None
    return source_text[match.end() :], name or None


# Why a cap on table rows: the markdown package and the trees built from its output cost about
# 120 bytes of memory and 0.2 ms for every byte of a table (a 20 MB file of rows took 67 s and
# 3 GB), while an article's tables have tens of rows. Above this the file is refused with
# advice, before any of that work starts.
MAX_TABLE_ROWS = 10_000


def check_cost(source_text: str, source: str) -> None:
    """Refuse Markdown whose tables would take minutes and gigabytes to render."""
    rows = sum(1 for line in source_text.splitlines() if line.lstrip().startswith("|"))
    if rows > MAX_TABLE_ROWS:
        raise InputError(
            source,
            f"too large to read as Markdown ({rows:,} table rows; the limit is "
            f"{MAX_TABLE_ROWS:,}): save it as .txt to compare it as plain text",
        )


def markdown_blocks(source_text: str) -> tuple[list[Block], str | None]:
    """The Markdown document as Blocks, and its title (a first-line heading, else the front
    matter's ``title:``), if any."""
    import markdown
    import nh3
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    source_text, front_title = _front_matter(source_text)

    unwrapped = any(len(line) > _UNWRAPPED_LINE for line in source_text.splitlines())
    extensions = ["tables", "sane_lists", *(["nl2br"] if unwrapped else [])]
    rendered = nh3.clean(
        markdown.markdown(source_text, extensions=extensions),
        tags=_SAFE_TAGS,
        clean_content_tags={"script", "style"},
        attributes={"img": {"alt"}},
        url_schemes=set(),
    )
    if not rendered.strip():
        return ([Block(front_title, Role.TITLE)], front_title) if front_title else ([], None)
    root = lxml_html.fragment_fromstring(rendered, create_parent="div")
    for br in root.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    blocks: list[Block] = []
    _walk(root, blocks, unwrapped)
    title: str | None = None
    first_tag = next((c.tag for c in root if isinstance(c.tag, str)), "")
    if blocks and blocks[0].role is Role.HEADING and first_tag in {"h1", "h2"}:
        title = blocks[0].text
        blocks[0] = Block(title, Role.TITLE)
    elif front_title:
        title = front_title
        blocks.insert(0, Block(title, Role.TITLE))
    return blocks, title
