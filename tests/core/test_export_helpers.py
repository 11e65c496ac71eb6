"""Builders and checkers shared by the export tests (no Qt)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from core.model import (
    Comparison,
    Coverage,
    DiffOp,
    DiffTag,
    Document,
    Fact,
    FactKind,
    FactStatus,
    Link,
    LinkKind,
    Role,
    SentenceCoverage,
    Span,
    Summary,
)
from tests.documents import make_doc

XSS = Path(__file__).resolve().parent.parent / "data" / "xss"

# Tags an article must never be able to add to a report.
LIVE_TAGS = {
    "script",
    "img",
    "svg",
    "iframe",
    "object",
    "embed",
    "link",
    "meta",
    "style",
    "base",
    "form",
    "input",
    "video",
    "audio",
    "source",
    "math",
    "frame",
    "frameset",
    "applet",
}


def build_document(
    source: str, paragraphs: list[tuple[Role, list[str]]], title: str | None = None
) -> Document:
    """``make_doc`` for paragraphs written as (role, sentences) pairs."""
    return make_doc(
        [sents for _, sents in paragraphs],
        [role for role, _ in paragraphs],
        source=source,
        title=title,
    )


def span_of(doc: Document, needle: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


def handmade() -> Comparison:
    """A small comparison with every kind of thing an exporter must show.

    A one-to-many link (A1 split into B1+B2), a partial link, unique sentences on both sides,
    a caption (not counted), word diffs, and facts of every status including a conflict.
    """
    a = build_document(
        "a.txt",
        [
            (Role.TITLE, ["Storm kills 5 in Kestrel Bay"]),
            (
                Role.BODY,
                [
                    "Mayor Ilse Varga said on 27/11 that 5 people died and the harbour flooded.",
                    "Rescue teams from Halden arrived at dawn.",
                ],
            ),
            (
                Role.BODY,
                ["Only A says the pier collapsed at 3 am.", "Nordvann will pay for repairs."],
            ),
            (Role.CAPTION, ["Photo: Marta Quill"]),
        ],
        title="Storm kills 5 in Kestrel Bay",
    )
    b = build_document(
        "b.md",
        [
            (Role.TITLE, ["Kestrel Bay storm: 24 dead"]),
            (
                Role.BODY,
                [
                    "Mayor Ilse Varga said on November 27 that 24 people died.",
                    "The harbour flooded overnight.",
                    "Nordvann, the water authority, will pay for all repairs.",
                ],
            ),
            (Role.BODY, ["Only B mentions a *curfew* [until](x) Friday | 8 pm."]),
        ],
        title="Kestrel Bay storm: 24 dead",
    )
    diff_1 = (
        DiffOp(
            DiffTag.EQUAL,
            span_of(a, "Mayor Ilse Varga said on"),
            span_of(b, "Mayor Ilse Varga said on"),
        ),
        DiffOp(DiffTag.REPLACE, span_of(a, "27/11"), span_of(b, "November 27")),
        DiffOp(DiffTag.REPLACE, span_of(a, "5", 1), span_of(b, "24", 1)),
        DiffOp(DiffTag.INSERT, None, span_of(b, "overnight")),
    )
    diff_2 = (
        DiffOp(DiffTag.DELETE, span_of(a, "Nordvann will"), None),
        DiffOp(DiffTag.INSERT, None, span_of(b, "the water authority")),
    )
    links = (
        Link((1,), (1, 2), 0.82, LinkKind.PARAPHRASE, diff_1),
        Link((4,), (3,), 0.61, LinkKind.PARTIAL, diff_2),
        Link((0,), (0,), 0.55, LinkKind.PARAPHRASE),
    )
    cov_a = (
        SentenceCoverage(Coverage.SHARED, 0.55, (2,)),
        SentenceCoverage(Coverage.SHARED, 0.82, (0,)),
        SentenceCoverage(Coverage.UNIQUE, 0.0),
        SentenceCoverage(Coverage.UNIQUE, 0.0),
        SentenceCoverage(Coverage.PARTIAL, 0.61, (1,)),
        SentenceCoverage(Coverage.UNIQUE, 0.0, counted=False),
    )
    cov_b = (
        SentenceCoverage(Coverage.SHARED, 0.55, (2,)),
        SentenceCoverage(Coverage.SHARED, 0.82, (0,)),
        SentenceCoverage(Coverage.SHARED, 0.82, (0,)),
        SentenceCoverage(Coverage.PARTIAL, 0.61, (1,)),
        SentenceCoverage(Coverage.UNIQUE, 0.0),
    )
    facts = (
        Fact(
            FactKind.NUMBER,
            "dead",
            FactStatus.CONFLICT,
            (span_of(a, "5", 1),),
            (span_of(b, "24", 1),),
            values=("5 people died", "24 people died"),
        ),
        Fact(
            FactKind.DATE,
            "--11-27",
            FactStatus.SHARED,
            (span_of(a, "27/11"),),
            (span_of(b, "November 27"),),
            note="day-first date",
        ),
        Fact(
            FactKind.PERSON,
            "Ilse Varga",
            FactStatus.SHARED,
            (span_of(a, "Ilse Varga"),),
            (span_of(b, "Ilse Varga"),),
        ),
        Fact(FactKind.PLACE, "Halden", FactStatus.ONLY_A, (span_of(a, "Halden"),), ()),
        Fact(FactKind.OTHER, "Friday 8 pm", FactStatus.ONLY_B, (), (span_of(b, "Friday | 8 pm"),)),
        Fact(
            FactKind.PERSON,
            "Marta Quill",
            FactStatus.ONLY_A,
            (span_of(a, "Marta Quill"),),
            (),
            content=False,
        ),
    )
    summary = Summary(
        a_shared=0.6,
        b_shared=0.75,
        links=3,
        a_unique=2,
        b_unique=1,
        a_partial=1,
        b_partial=1,
        conflicts=1,
    )
    return Comparison(
        a, b, links, (), cov_a, cov_b, facts, summary, created="2026-11-22T10:00:00+00:00"
    )


class Tree(HTMLParser):
    """Every start tag with its attributes, text content by id, and all visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._open: list[tuple[str, str | None, int]] = []  # tag, id, text index at start
        self.by_id: dict[str, list[str]] = {}
        self.in_style = False
        self.style_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        if tag == "style":
            self.in_style = True
        if tag in {"br", "meta", "img", "input", "link", "hr"}:
            return
        self._open.append((tag, d.get("id"), len(self.text)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        while self._open:
            t, ident, start = self._open.pop()
            if ident is not None:
                self.by_id.setdefault(ident, []).append("".join(self.text[start:]))
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.style_text.append(data)
        else:
            self.text.append(data)

    @property
    def visible(self) -> str:
        return "".join(self.text)


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    return tree


def assert_inert(markup: str, allowed_styles: int = 0) -> Tree:
    """No live tag, no event handler, no link except in-page anchors, in ``markup``."""
    tree = parse(markup)
    styles = 0
    for tag, attrs in tree.tags:
        if tag == "style":
            styles += 1
            continue
        if tag == "meta" and allowed_styles:  # the report's own charset/CSP/viewport metas
            assert set(attrs) <= {"charset", "http-equiv", "content", "name"}, attrs
            continue
        assert tag not in LIVE_TAGS, f"live <{tag}> in report: {attrs}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}={value!r} on <{tag}>"
            assert name not in {"src", "srcset", "data", "action", "formaction", "style"}, name
            if name == "href":
                assert value is not None and value.startswith("#"), f"live link {value!r}"
    assert styles <= allowed_styles
    return tree


def collapse(text: str) -> str:
    return " ".join(text.split())


def sentence_texts(c: Comparison) -> list[str]:
    return [collapse(d.sentence_text(i)) for d in (c.a, c.b) for i in range(len(d.sentences))]


def md_to_text(markdown_text: str) -> str:
    """What a reader sees when the Markdown is rendered (Python-Markdown, tables)."""
    import markdown

    rendered = markdown.markdown(markdown_text, extensions=["tables"])
    rendered = re.sub(r"</?(strong|em|code)>", "", rendered)
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))
