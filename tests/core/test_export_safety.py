"""Article text is untrusted: XSS payloads in both articles come out as visible text only."""

from __future__ import annotations

import json
import re

import markdown
import pytest

from core.compare import compare
from core.export import render
from core.export.html_report import render_html
from core.model import (
    Comparison,
    Coverage,
    Fact,
    FactKind,
    FactStatus,
    Link,
    LinkKind,
    SentenceCoverage,
    Span,
    Summary,
)
from core.reading.dispatch import read_path, read_text
from tests.core.test_export_helpers import (
    XSS,
    assert_inert,
    collapse,
    md_to_text,
    parse,
    sentence_texts,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=\"alert('img')\">",
    "<svg onload=alert(2)></svg>",
    "[click here](javascript:alert(4))",
    "</style><script>alert(5)</script>",
    'onmouseover="alert(6)" x=\'',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="javascript:alert(7)"></object>',
]


@pytest.fixture(scope="module")
def xss() -> Comparison:
    """The XSS corpus through the real pipeline, plus links and facts made to carry payloads.

    Every sentence is linked to its counterpart by position (so payloads sit inside anchors and
    title attributes too) and a conflicting fact holds payloads as its values.
    """
    real = compare(read_path(XSS / "a.txt"), read_path(XSS / "b.txt"))
    a, b = real.a, real.b
    n = min(len(a.sentences), len(b.sentences))
    links = tuple(Link((i,), (i,), 0.7, LinkKind.PARAPHRASE) for i in range(n - 1))
    cov_a = tuple(
        SentenceCoverage(
            Coverage.SHARED if i < n - 1 else Coverage.UNIQUE, 0.7, (i,) if i < n - 1 else ()
        )
        for i in range(len(a.sentences))
    )
    cov_b = tuple(
        SentenceCoverage(
            Coverage.SHARED if i < n - 1 else Coverage.UNIQUE, 0.7, (i,) if i < n - 1 else ()
        )
        for i in range(len(b.sentences))
    )
    sa, sb = a.text.index("<script>alert(1)"), b.text.index("<svg")
    facts = (
        Fact(
            FactKind.QUOTE,
            '"><script>alert(11)</script>',
            FactStatus.CONFLICT,
            (Span(sa, sa + 25),),
            (Span(sb, sb + 27),),
            values=(
                '<img src=x onerror=alert(12)> " onmouseover="alert(15)',
                "</td></tr></table><script>x</script>",
            ),
            note="<b onclick=alert(13)>note</b>",
        ),
        Fact(FactKind.OTHER, "javascript:alert(14)", FactStatus.ONLY_A, (Span(sa, sa + 8),), ()),
    )
    summary = Summary(0.5, 0.5, len(links))
    return Comparison(
        a, b, links, (), cov_a, cov_b, facts, summary, created='<script>alert("created")</script>'
    )


@pytest.fixture(scope="module")
def xss_pipeline() -> Comparison:
    return compare(read_path(XSS / "a.txt"), read_path(XSS / "b.txt"))


def test_corpus_reaches_the_documents(xss: Comparison) -> None:
    """The test would prove nothing if the reader dropped the payloads."""
    for payload in (
        "<script>alert(1)</script>",
        "<svg onload=alert(2)></svg>",
        '<iframe src="https://evil.example/"></iframe>',
    ):
        assert payload in xss.a.text and payload in xss.b.text
    assert "javascript:alert(3)" in xss.a.text


@pytest.mark.parametrize("which", ["xss", "xss_pipeline"])
@pytest.mark.parametrize("variant", ["screen", "pdf"])
def test_html_shows_payloads_as_text(
    which: str, variant: str, request: pytest.FixtureRequest
) -> None:
    c: Comparison = request.getfixturevalue(which)
    page = render_html(c, variant)  # type: ignore[arg-type]
    tree = assert_inert(page, allowed_styles=1)
    visible = tree.visible
    for payload in PAYLOADS:
        assert payload in visible, payload
    # The one <style> element is ours and closes where we close it.
    assert "".join(tree.style_text).count("</") == 0
    shown = collapse(visible[visible.index("side by side") :])
    for text in sentence_texts(c):
        assert text in shown


def test_html_escapes_fact_values_notes_and_attributes(xss: Comparison) -> None:
    page = render(xss, "html")
    tree = assert_inert(page, allowed_styles=1)
    for needle in (
        '"><script>alert(11)</script>',
        "<img src=x onerror=alert(12)>",
        "</td></tr></table><script>x</script>",
        "<b onclick=alert(13)>note</b>",
        "javascript:alert(14)",
        '<script>alert("created")</script>',
    ):
        assert needle in tree.visible, needle
    titles = [d["title"] for _, d in tree.tags if d.get("title")]
    # The attribute-breakout value stays inside its title attribute.
    assert any('<img src=x onerror=alert(12)> " onmouseover="alert(15)' in t for t in titles if t)


@pytest.mark.parametrize("which", ["xss", "xss_pipeline"])
def test_markdown_renders_payloads_as_text(which: str, request: pytest.FixtureRequest) -> None:
    c: Comparison = request.getfixturevalue(which)
    md = render(c, "md")
    for extensions in ([], ["tables"], ["extra"]):
        assert_inert(markdown.markdown(md, extensions=extensions))
    shown = md_to_text(md)
    for payload in PAYLOADS:
        assert collapse(payload) in shown, payload
    # Link syntax is broken by escaping: every "](" from an article has its bracket escaped.
    assert not re.search(r"(?<!\\)\]\(javascript:", md)
    assert "\\](javascript:alert(4))" in md


def test_json_keeps_payloads_verbatim(xss: Comparison) -> None:
    data = json.loads(render(xss, "json"))
    assert data["a"]["text"] == xss.a.text and data["b"]["text"] == xss.b.text
    assert data["facts"][0]["values"]["a"].startswith('<img src=x onerror=alert(12)> "')


def test_markdown_article_with_raw_html_stays_inert() -> None:
    """A Markdown article's raw HTML never reaches a report as markup."""
    a = read_text((XSS / "a.md").read_text(encoding="utf-8"), "a.md", fmt="md")
    b = read_path(XSS / "b.txt")
    c = compare(a, b)
    for fmt in ("html",):
        assert_inert(render(c, fmt), allowed_styles=1)
    assert_inert(render_html(c, "pdf"), allowed_styles=1)
    assert_inert(markdown.markdown(render(c, "md"), extensions=["tables"]))


REFERENCES = "Then &#60&#115 tag, o&#x6Eload=x, &lt;b&gt and &lt plain &amp AT&T here."


def _pair(text_a: str, text_b: str) -> Comparison:
    return compare(read_text(text_a, "a.txt"), read_text(text_b, "b.txt"))


def test_markdown_shows_character_references_without_semicolon_as_typed() -> None:
    """Renderers decode '&#60' and '&lt' without ';' too, so every '&' must be escaped."""
    c = _pair(f"The mayor spoke. {REFERENCES}", f"The mayor spoke today. {REFERENCES} Done.")
    md = render(c, "md")
    for extensions in ([], ["tables"], ["extra"]):
        tree = assert_inert(markdown.markdown(md, extensions=extensions))
        assert "<s" not in tree.visible and "onload" not in tree.visible
        assert collapse(REFERENCES) in collapse(tree.visible)


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
REORDERING = "Police \u202egnidaolnwod\u202c said \u2067two\u2069 \u200f\u061c\u200emen left."


def test_bidi_controls_are_dropped_from_reports_people_read() -> None:
    """Article text cannot reorder the report's own text: HTML, Markdown and PDF HTML."""
    c = _pair(f"{REORDERING}\n\nA \u202dtitle\u202a line.", f"{REORDERING} Also \u2068x\u2066.")
    assert "\u202e" in c.a.text and "\u2066" in c.b.text  # the reader keeps them
    shown = {
        "html": parse(render(c, "html")).visible,
        "pdf": parse(render_html(c, "pdf")).visible,
        "md": render(c, "md"),
        "md rendered": parse(markdown.markdown(render(c, "md"), extensions=["tables"])).visible,
    }
    for name, text in shown.items():
        assert not set(text) & set(BIDI), name
        assert "Police gnidaolnwod said two men left." in collapse(text), name
    assert json.loads(render(c, "json"))["a"]["text"] == c.a.text  # data keeps them exactly
