"""Hypothesis strategies for inputs a reader may meet: random bytes, broken text, odd markup.

Shared by the bounded property test in the suite and by ``fuzz_readers.py``, the long run.
"""

from __future__ import annotations

from hypothesis import strategies as st

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".odt", ".pdf", "", ".dat")

_WORDS = st.sampled_from(
    ["Vargá", "said", "€18.5", "million", "Президент", "总统", "Δευτέρα", "the", "27/11", "&amp;"]
)
_TAGS = st.sampled_from(["p", "div", "a", "span", "h1", "li", "ul", "table", "tr", "td", "nav"])
_ODD = st.sampled_from(["<", ">", '"', "<!--", "-->", "<![CDATA[", "&#0;", "&#xD800;", "\x00"])
# Text including lone surrogates and controls, which st.text leaves out by default.
_ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


@st.composite
def html_fragments(draw: st.DrawFn) -> str:
    """Markup with unbalanced, odd or deeply nested tags around words."""
    leaf = st.one_of(_WORDS, _ODD, st.just(""))
    tree = st.recursive(
        leaf,
        lambda inner: st.builds(
            lambda tag, kids, close: f"<{tag}>" + " ".join(kids) + (f"</{tag}>" if close else ""),
            _TAGS,
            st.lists(inner, max_size=4),
            st.booleans(),
        ),
        max_leaves=30,
    )
    body = draw(tree)
    depth = draw(st.sampled_from([0, 0, 0, 50, 5000]))
    body = "<div>" * depth + body + "</div>" * depth
    if draw(st.booleans()):
        body = f"<html><head><title>{draw(_WORDS)}</title></head><body>{body}</body></html>"
    return body


_MD_LINES = st.sampled_from(
    [
        "# Title",
        "## Heading",
        "| a | b |",
        "| --- | --- |",
        "- item",
        "1. item",
        "> quoted",
        "```",
        "**bold** and _it_",
        "[link](http://x)",
        "![alt](img.png)",
        "<div>raw <b>html</b>",
        "---",
        "title: x",
        "",
        "    code",
    ]
)


@st.composite
def markdown_fragments(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(_MD_LINES, _WORDS, _ANY_TEXT), max_size=20))
    return "\n".join(lines)


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Structured text in some encoding, sometimes damaged with stray or NUL bytes."""
    text = draw(st.one_of(html_fragments(), markdown_fragments(), _ANY_TEXT))
    encoding = draw(st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252"]))
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    data = text.encode(encoding, errors)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\x00", b"\xc3", b"\xed\xa0\x80"]))
            + data[at:]
        )
    if draw(st.booleans()):
        data = (
            draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"%PDF-"]))
            + data
        )
    return data


file_bytes = st.one_of(st.binary(max_size=2000), encoded())
pasted_text = st.one_of(html_fragments(), markdown_fragments(), _ANY_TEXT)
