"""Property tests: whatever an article says, the reports add no markup of its making.

Hypothesis writes articles from words and hostile fragments (ampersands, entity pieces, tags,
Markdown syntax, bidirectional controls, any other non-surrogate character). The Markdown
reports rendered by Python-Markdown and the HTML reports must hold only our tags and
attributes, no bidirectional control, and still show every sentence as the article has it.
"""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.compare import compare
from core.export import render
from core.export.html_report import render_html
from core.export.nway_report import render_nway
from core.export.view_model import BIDI_CONTROLS, drop_bidi
from core.nway import compare_many
from core.reading.dispatch import read_text
from tests.core.test_export_helpers import collapse, parse

FRAGMENTS = [
    *"&#<>\"'`*_[]\\|:",
    "&#60",
    "&#60;",
    "&#x6E",
    "&#115",
    "&lt",
    "&lt;",
    "&amp",
    "&gt",
    "&quot;",
    "<s",
    "<script>",
    "</td>",
    "onload=",
    "**",
    "__",
    "](",
    "~~",
    "(javascript:alert(1))",
    "![x](y)",
    "---",
    "===",
    "1.",
    "<!--",
    "-->",
    "<http://x.example>",
    "{#id}",
    "- ",
    "+ ",
    "> ",
    "<img src=x onerror=alert(1)>",
    *BIDI_CONTROLS,
]
WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=3, max_size=8)
ANY = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=4)
TOKEN = st.one_of(WORD, st.sampled_from(FRAGMENTS), ANY)
SENTENCE = st.lists(TOKEN, min_size=2, max_size=10).map(lambda t: " ".join(t) + ".")
ARTICLE = st.lists(st.lists(SENTENCE, min_size=1, max_size=3), min_size=1, max_size=3).map(
    lambda ps: "\n\n".join(" ".join(p) for p in ps)
)
SHARED = "The harbour flooded overnight and the mayor spoke at noon."

MD_TAGS = {"h1", "h2", "h3", "p", "strong", "em", "ul", "ol", "li", "table", "thead", "tbody"}
MD_TAGS |= {"tr", "th", "td"}
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h4", "p"}
HTML_TAGS |= {"a", "span", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "br"}
HTML_TAGS |= {"section", "div", "article", "sup", "mark", "footer", "ul", "li", "b", "small"}
HTML_ATTRS = {"class", "id", "href", "title", "name", "width", "valign", "cellspacing"}
HTML_ATTRS |= {"cellpadding", "charset", "http-equiv", "content", "lang"}

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(markup: str, tags: set[str], attrs: set[str]) -> str:
    """Only our tags and attributes, in-page links only; returns the visible text."""
    tree = parse(markup)
    for tag, found in tree.tags:
        assert tag in tags, f"<{tag} {found}>"
        for name, value in found.items():
            assert name in attrs or (name == "style" and "text-align" in (value or "")), name
            if name == "href":
                assert value is not None and value.startswith("#"), value
    assert not set(tree.visible) & set(BIDI_CONTROLS)
    return collapse(tree.visible)


def _shown(text: str) -> str:
    return collapse(drop_bidi(text))


@PROPERTY
@given(ARTICLE, ARTICLE)
def test_pair_reports_hold_only_our_markup_and_all_the_text(text_a: str, text_b: str) -> None:
    c = compare(read_text(f"{SHARED} {text_a}", "a.txt"), read_text(f"{text_b} {SHARED}", "b.txt"))
    sentences = [_shown(d.sentence_text(i)) for d in (c.a, c.b) for i in range(len(d.sentences))]
    md = render(c, "md")
    for extensions in (["tables"], ["extra"]):
        visible = _check(markdown.markdown(md, extensions=extensions), MD_TAGS, set())
        for s in sentences:
            assert s in visible, s
    for variant in ("screen", "pdf"):
        visible = _check(render_html(c, variant), HTML_TAGS, HTML_ATTRS)  # type: ignore[arg-type]
        for s in sentences:
            assert s in visible, s


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=3, max_size=3))
def test_nway_reports_hold_only_our_markup(texts: list[str]) -> None:
    docs = [read_text(f"{SHARED} {t}", f"{n}.txt") for n, t in enumerate(texts)]
    nway = compare_many(docs)
    md = render_nway(nway, "md")
    _check(markdown.markdown(md, extensions=["tables"]), MD_TAGS, set())
    _check(render_nway(nway, "html"), HTML_TAGS, HTML_ATTRS)
