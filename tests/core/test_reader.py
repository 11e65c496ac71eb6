"""Reading files and pasted text into Documents: each reader, each bad input, real examples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.model import Document, Role
from core.reading.blocks import MAX_BYTES
from core.reading.decoding import normalize_text
from core.reading.dispatch import read_path, read_text, sniff_format

READER_DATA = Path(__file__).resolve().parent.parent / "data" / "reader"


def roles(doc: Document) -> list[str]:
    return [p.role.value for p in doc.paragraphs]


def paragraphs(doc: Document) -> list[str]:
    return [doc.paragraph_text(i) for i in range(len(doc.paragraphs))]


def sentences(doc: Document) -> list[str]:
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


def assert_covers_every_visible_character(doc: Document) -> None:
    covered = bytearray(len(doc.text))
    prev = 0
    for s in doc.sentences:
        assert prev <= s.span.start < s.span.end <= len(doc.text)
        assert s.span.of(doc.text).strip(), "empty sentence"
        covered[s.span.start : s.span.end] = b"\x01" * len(s.span)
        prev = s.span.end
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert covered[i], f"character {ch!r} at {i} is in no sentence"


# ---------------------------------------------------------------- plain text


def test_one_paragraph_per_line() -> None:
    doc = read_text("First paragraph here. It has two sentences.\nSecond one.\nThird one.")
    assert paragraphs(doc) == [
        "First paragraph here. It has two sentences.",
        "Second one.",
        "Third one.",
    ]
    assert len(doc.sentences) == 4
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 2]


def test_blank_line_paragraphs_and_mixed_breaks() -> None:
    text = "Headline of the day\n\nFirst paragraph.\nSecond paragraph.\n\n\n\nThird paragraph.\n"
    doc = read_text(text)
    assert paragraphs(doc) == [
        "Headline of the day",
        "First paragraph.",
        "Second paragraph.",
        "Third paragraph.",
    ]
    assert doc.title == "Headline of the day"
    assert roles(doc)[0] == "title"


def test_hard_wrapped_text_joins_lines() -> None:
    text = (READER_DATA / "wrapped.txt").read_text(encoding="utf-8")
    doc = read_text(text)
    assert len(doc.paragraphs) == 3
    assert doc.paragraph_text(1).startswith("The council voted on Tuesday")
    assert doc.paragraph_text(1).endswith("in the spring.")
    assert "members of the\npublic" in doc.paragraph_text(1)
    assert any("the works" in s and "public" in s for s in sentences(doc))


def test_text_is_normalized_and_spans_index_it() -> None:
    doc = read_text("Caf\u0065\u0301 owner\u00a0said:\r\n“Closed.”\r\n")
    assert doc.text == "Café owner said:\n“Closed.”\n"
    assert sentences(doc) == ["Café owner said:", "“Closed.”"]


def test_pasted_source_label() -> None:
    assert read_text("Some text.").source == "<pasted>"
    assert read_text("Some text.", source="clipboard").source == "clipboard"


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        read_text("x", fmt="docx")


# ---------------------------------------------------------------- markdown


def test_markdown_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Storm hits **Kestrel** Bay\n\nBy Jane Doe\n\n"
        "The storm hit on *Monday*, [Reuters](https://example.org/x) reported. Mr. Hill spoke.\n\n"
        "![Flooded street in the harbour](img.jpg)\n\n## Clean-up\n\n"
        '- Crews cleared the roads.\n- Power came back.\n\n> "We will rebuild," he said.\n',
        encoding="utf-8",
    )
    doc = read_path(path)
    assert doc.title == "Storm hits Kestrel Bay"
    assert paragraphs(doc) == [
        "Storm hits Kestrel Bay",
        "By Jane Doe",
        "The storm hit on Monday, Reuters reported. Mr. Hill spoke.",
        "Flooded street in the harbour",
        "Clean-up",
        "Crews cleared the roads.",
        "Power came back.",
        '"We will rebuild," he said.',
    ]
    assert roles(doc) == ["title", "byline", "body", "caption", "heading", "body", "body", "body"]
    for marker in ("**", "](", "https://", "#", "![", "> "):
        assert marker not in doc.text
    assert len(doc.sentences) == 9


def test_markdown_one_paragraph_per_line_and_hard_wrapped() -> None:
    long_line = "The council met on Tuesday and voted to adopt the plan, " * 3
    one_per_line = read_text(f"{long_line.strip()}\nSecond paragraph.\nThird one.", fmt="md")
    assert len(one_per_line.paragraphs) == 3
    wrapped = read_text("First line of a paragraph\nthat wraps here.\n\nNext.", fmt="md")
    assert paragraphs(wrapped) == ["First line of a paragraph that wraps here.", "Next."]


def test_markdown_raw_html_is_sanitized_not_compared() -> None:
    doc = read_text(
        "The plan passed <script>alert(1)</script> on Tuesday.\n\n"
        '<div onclick="x()">Costs <b>rose</b></div><style>p{color:red}</style>\n\n'
        "<iframe src='https://evil.example/'>inner</iframe> Critics objected.",
        fmt="md",
    )
    assert "alert" not in doc.text and "color:red" not in doc.text
    assert "<" not in doc.text and "onclick" not in doc.text
    assert "The plan passed on Tuesday." in doc.text
    assert "Costs rose" in doc.text and "Critics objected." in doc.text


def test_markdown_front_matter_is_not_compared() -> None:
    # Regression: Jekyll/Hugo front matter became a heading "title: ... date: ..." and a rule.
    post = (
        '---\ntitle: "Harbour plan approved"\ndate: 2024-03-14\ntags:\n  - news\n---\n\n'
        "The council approved the plan on Monday.\n"
    )
    doc = read_text(post, fmt="md")
    assert doc.text == "Harbour plan approved\n\nThe council approved the plan on Monday."
    assert doc.title == "Harbour plan approved"
    assert [p.role for p in doc.paragraphs] == [Role.TITLE, Role.BODY]
    # A leading rule followed by prose is not front matter.
    ruled = read_text("---\n\nA rule first.\n\n---\n\nMore text.", fmt="md")
    assert ruled.text == "A rule first.\n\nMore text."


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><title>Dam opens on the river Vell | Daily Example</title>
<meta property="og:title" content="Dam opens on the river Vell"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>Dam opens on the river Vell</h1>
<p class="byline">By Ana Kovac, 3 May 2024</p>
<p>The new dam on the river Vell opened on Friday after six years of building, the regional
government said. It will supply power to about 40,000 homes.</p>
<figure><img src="dam.jpg" alt="">
<figcaption>The dam at dawn. Photo: Example Agency</figcaption></figure>
<h2>Costs rose</h2>
<p>The project cost 1.2 billion euros, twice the first estimate. Critics said the overrun was
avoidable. "We learned a lot," said Dr. Mira Lenz, the chief engineer.</p>
<p>Fishermen downstream fear lower water in summer, and asked for a study of the river.</p>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Bridge closes for repairs</a></li></ul></aside>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>Great news for the region, finally some progress!</p></div></section>
<footer><p>© 2024 Daily Example. All rights reserved.</p></footer></body></html>"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_reader(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_path(path)
    assert doc.title == "Dam opens on the river Vell"
    assert doc.paragraphs[0].role is Role.TITLE
    assert doc.paragraph_text(0) == "Dam opens on the river Vell"
    assert "Costs rose" in paragraphs(doc)
    assert roles(doc)[paragraphs(doc).index("Costs rose")] == "heading"
    body = [p for p, r in zip(paragraphs(doc), roles(doc), strict=True) if r == "body"]
    assert body[0].startswith("The new dam on the river Vell opened on Friday")
    assert any(p.startswith("Fishermen downstream") for p in body)
    for chrome in ("cookies", "Great news for the region", "Bridge closes", "All rights", "Home"):
        assert chrome not in doc.text
    assert "<" not in doc.text
    assert "\n\n" in doc.text  # paragraph boundaries kept


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
        "<script>var a = 1;</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no article text found"):
        read_path(path)


def test_pasted_html() -> None:
    doc = read_text(PAGE, fmt="html")
    assert doc.title == "Dam opens on the river Vell"


# ---------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<div><p>One</p><p>Two</p><p>Three</p></div>", "html"),
        ("# Title\n\nSome *text*.", "md"),
        ("Plain words.\nMore plain words.", "txt"),
        ("![]() |\nPhoto: Sputnik |", "txt"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "article.download"
    path.write_text(PAGE, encoding="utf-8")
    assert read_path(path).title == "Dam opens on the river Vell"


def test_plain_text_saved_as_html_is_read_as_text(tmp_path: Path) -> None:
    # Regression: "no article text found" (and four trafilatura error lines) for a tagless .htm.
    page = tmp_path / "article.htm"
    page.write_text("The mayor spoke on Monday.\n\nWork begins in June.", encoding="utf-8")
    assert read_path(page).text == "The mayor spoke on Monday.\n\nWork begins in June."


def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    # Regression: the markup itself was compared ("<html><body><article><p>The mayor ...").
    page = tmp_path / "article.txt"
    page.write_text(PAGE, encoding="utf-8")
    doc = read_path(page)
    assert doc.title == "Dam opens on the river Vell"
    assert "<" not in doc.text
    prose = tmp_path / "prose.txt"
    prose.write_text("<p> is the paragraph tag, the tutorial said.\nIt closes with </p>.")
    assert read_path(prose).text.startswith("<p> is the paragraph tag")


# ---------------------------------------------------------------- bad input


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_path(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", r"empty \(only whitespace\)"),
        (b"\xc2\xa0\n", "empty"),
    ],
)
def test_empty_and_whitespace(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_path(path)


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\xff\xfe" * 50)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert str(info.value) == f"{path}: not text (binary data at byte 0)"


def test_pdf_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError, match="PDF"):
        read_path(path)


def test_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xdc" * 8)  # UTF-16 BOM, then lone low surrogates
    with pytest.raises(InputError, match="invalid UTF-16"):
        read_path(path)


def test_undecodable_without_bom(tmp_path: Path) -> None:
    import random

    rng = random.Random(1)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(2000)))
    with pytest.raises(InputError) as info:
        read_path(path)
    assert (
        str(info.value) == f"{path}: cannot tell the text encoding (not UTF-8, no known code page)"
    )


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: no 20 MB written to disk
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match=r"too large \(20\.0 MB; the limit is 20 MB"):
        read_path(path)


def test_pasted_too_large() -> None:
    with pytest.raises(InputError, match="too large"):
        read_text("x" * (MAX_BYTES + 1))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_path(path)


@pytest.mark.parametrize("text", ["", "   \n\n  \t"])
def test_pasted_empty(text: str) -> None:
    with pytest.raises(InputError, match=r"^<pasted>: empty"):
        read_text(text)


# ---------------------------------------------------------------- real examples


def test_shared_examples(shared_examples: tuple[Path, Path]) -> None:
    a, b = (read_path(p) for p in shared_examples)
    assert (len(a.paragraphs), len(a.sentences)) == (12, 21)
    assert (len(b.paragraphs), len(b.sentences)) == (11, 20)
    non_body_a = {
        a.paragraph_text(i): p.role.value
        for i, p in enumerate(a.paragraphs)
        if p.role is not Role.BODY
    }
    assert non_body_a == {
        "![]() |": "caption",
        "President Vladimir Putin in Bishkek, Kyrgyzstan on 27/11. Photo: Sputnik |": "caption",
        "Huyen Le (According to AFP, Reuters)": "byline",
    }
    non_body_b = [
        (b.paragraph_text(i)[:7], p.role.value)
        for i, p in enumerate(b.paragraphs)
        if p.role is not Role.BODY
    ]
    assert non_body_b == [("Source:", "boilerplate"), ("Comment", "boilerplate")]
    # one sentence of A that B splits in two, and the quotation run over three sentences
    assert (
        'Mr. Putin commented: "In general, we agreed that this could be the basis for '
        'future agreements."' in sentences(b)[0]
    )
    assert sentences(b)[14:17] == [
        '"So, broadly speaking, of course, we would like to eventually reach an agreement '
        "with Ukraine.",
        "But right now, this is almost impossible.",
        'Legally impossible," Mr. Putin said.',
    ]


def test_bundled_example_pair() -> None:
    from core.bundled import example_pair

    a, b = (read_path(p) for p in example_pair())
    assert a.title == "Coastal town adopts 12-point plan after winter storms"
    assert b.title == "Kestrel Bay approves flood defences after Storm Odile"
    by_text_a = {a.paragraph_text(i): p.role for i, p in enumerate(a.paragraphs)}
    assert by_text_a["![]() |"] is Role.CAPTION
    assert by_text_a["Comment (3)"] is Role.BOILERPLATE
    assert by_text_a["Reporting by Anna Lindqvist (with Coastal Wire)"] is Role.BYLINE
    assert [r for t, r in by_text_a.items() if t.startswith("Workers clear debris")] == [
        Role.CAPTION
    ]
    by_text_b = {b.paragraph_text(i): p.role for i, p in enumerate(b.paragraphs)}
    assert by_text_b["By Erik Solberg | Published 15 March 2024, 08:30"] is Role.BYLINE
    assert by_text_b["Share this article"] is Role.BOILERPLATE
    assert sum(1 for p in a.paragraphs if p.role is Role.BODY) == 7
    assert sum(1 for p in b.paragraphs if p.role is Role.BODY) == 8


def test_news_pairs_read_cleanly(news_pairs: Path) -> None:
    files = sorted(news_pairs.glob("*/*.txt"))
    assert files
    for path in files:
        doc = read_path(path)
        assert doc.paragraphs[0].role is Role.TITLE, path
        assert_covers_every_visible_character(doc)
        # datelines and stamps never count as article text
        for i, p in enumerate(doc.paragraphs):
            text = doc.paragraph_text(i)
            if text.startswith(("Posted", "Published", "Last updated", "PUBLISHED")):
                assert not p.role.is_content, (path, text)


# ---------------------------------------------------------------- invariants


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_pasted_text_gives_valid_sentences(text: str) -> None:
    visible = any(not c.isspace() for c in normalize_text(text))
    if not visible:
        with pytest.raises(InputError):
            read_text(text)
        return
    doc = read_text(text)
    assert doc.text == normalize_text(text)
    assert_covers_every_visible_character(doc)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list("abc XYZ.!?…\"“”'’,;:()0123456789|\n\r\u00a0")),
            min_size=1,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_punctuation_heavy_text_gives_valid_sentences(parts: list[str]) -> None:
    text = "\n".join(parts)
    if not any(not c.isspace() for c in normalize_text(text)):
        return
    assert_covers_every_visible_character(read_text(text))


_MARKUP = st.sampled_from(
    [
        *"<>/p #*_[]()!`-=|&;\"'.ab CD\n\t",
        *("<p>", "</p>", "<br>", "<h1>", "</h1>", "<div>", "</div>", "<li>", "```", "> ", "# "),
        *("![x](y)", "&nbsp;", "<!--", "-->", "<script>", "<table><tr><td>", "\u0301", "\x00"),
        *("Mr. ", "U.S. ", "...", "“", "”"),
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKUP, max_size=50).map("".join), st.sampled_from(["md", "html", "auto"]))
def test_markup_soup_reads_or_says_why(text: str, fmt: str) -> None:
    try:
        doc = read_text(text, fmt=fmt)
    except InputError as e:
        assert str(e).startswith("<pasted>: ")
        assert "\n" not in str(e)
        return
    assert_covers_every_visible_character(doc)
    assert doc.sentences


def _timed_read(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        read_text(text)
        best = min(best, time.perf_counter() - t0)
    return best


def test_reading_time_grows_linearly() -> None:
    paragraph = (
        "Mr. Putin told reporters in Bishkek on 27/11 that the U.S. plan, with 28 points, "
        'could be "a basis for future agreements." He said 6.1% of 1,199 issues remained... '
        "Officials were ready to talk.\n"
    )
    small, large = paragraph * 400, paragraph * 3200  # about 17k and 135k words
    ratio = _timed_read(large) / _timed_read(small)
    assert ratio < 16, f"8x the text took {ratio:.1f}x the time"


def test_a_headline_is_one_sentence_even_with_an_abbreviation_inside() -> None:
    doc = read_text(
        "3 Hurt in Fire at NE Phila. Paper Mill\n\nThe fire began at noon. It spread fast."
    )
    assert doc.paragraphs[0].role.value == "title"
    assert doc.sentence_text(0) == "3 Hurt in Fire at NE Phila. Paper Mill"
    assert len(doc.sentences) == 3
