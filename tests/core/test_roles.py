"""Paragraph roles: page chrome by general rules, titles and headings, article text left alone."""

from __future__ import annotations

import pytest

from core.model import Role
from core.reading.roles import (
    assign_roles,
    chrome_role,
    is_stamp,
    looks_like_heading,
    looks_like_title,
)

CHROME: list[tuple[str, Role]] = [
    # image markup and captions/credits
    ("![]() |", Role.CAPTION),
    ("![A flooded street](https://example.org/a.jpg)", Role.CAPTION),
    ('<img src="a.jpg" alt="">', Role.CAPTION),
    ("[Image: the harbour at night]", Role.CAPTION),
    ("Rescue workers at the site on Monday. Photo: Example Agency |", Role.CAPTION),
    ("The mayor, left, with engineers (Photo: Jan Novak)", Role.CAPTION),
    ("Photograph: Lena Ortiz/Example Pictures", Role.CAPTION),
    ("Image credit: city council", Role.CAPTION),
    ("Smoke over the plant. (AP Photo/Kim Lee)", Role.CAPTION),
    # bylines and agency credits
    ("Huyen Le (According to AFP, Reuters)", Role.BYLINE),
    ("Mai Tran (theo Reuters)", Role.BYLINE),
    ("Reporting by Anna Lindqvist (with Coastal Wire)", Role.BYLINE),
    ("By Erik Solberg | Published 15 March 2024, 08:30", Role.BYLINE),
    ("BY JOHN SMITH, Associated Press", Role.BYLINE),
    ("Additional reporting by Tom Reed; Editing by Sara Holm", Role.BYLINE),
    ("Reuters", Role.BYLINE),
    ("Source: AFP", Role.BYLINE),
    ("Pat Loeb, KYW correspondent", Role.BYLINE),
    # source lines with URLs
    ("Source: https://example.org/news/putin-plan-10319606.html", Role.BOILERPLATE),
    ("Read the original at www.example.org/story", Role.BOILERPLATE),
    ("https://example.org/a/b/c", Role.BOILERPLATE),
    # comment counters
    ("Comment (0)", Role.BOILERPLATE),
    ("Comments (12)", Role.BOILERPLATE),
    ("12 comments", Role.BOILERPLATE),
    ("View all 34 comments", Role.BOILERPLATE),
    ("Join the conversation", Role.BOILERPLATE),
    # share / subscribe / read more
    ("Share this article", Role.BOILERPLATE),
    ("Share on Facebook", Role.BOILERPLATE),
    ("Facebook Twitter WhatsApp Email", Role.BOILERPLATE),
    ("Subscribe to our newsletter", Role.BOILERPLATE),
    ("Sign up for the morning briefing", Role.BOILERPLATE),
    ("Read more: Floods close the coastal road", Role.BOILERPLATE),
    ("Related articles", Role.BOILERPLATE),
    ("Advertisement", Role.BOILERPLATE),
    ("© 2024 Example Media. All rights reserved.", Role.BOILERPLATE),
    # update stamps and datelines
    ("Last updated: Tuesday, 14 March 2023, 09:12 GMT", Role.BOILERPLATE),
    ("Published 15 March 2024, 08:30", Role.BOILERPLATE),
    ("SATURDAY, SEPTEMBER 14, 2013, 9:29 PM", Role.BOILERPLATE),
    ("Thu Nov 10, 2011 3:00pm EST", Role.BOILERPLATE),
    ("February 29, 2012, 7:32 p.m. ET", Role.BOILERPLATE),
    ("Posted 12/19/2005 3:36 PM", Role.BOILERPLATE),
    ("16 September 2013 Last updated at 12:42 GMT", Role.BOILERPLATE),
    ("Updated 3 hours ago", Role.BOILERPLATE),
    ("9/10/2010 @ 1:19PM", Role.BOILERPLATE),
]


@pytest.mark.parametrize(("text", "role"), CHROME, ids=[c[0][:30] for c in CHROME])
def test_chrome(text: str, role: Role) -> None:
    assert chrome_role(text) is role


ARTICLE_TEXT = [
    "The council voted on Tuesday to adopt the plan.",
    "By the end of this year, she said, it will release the first servers.",
    "He posted a video by a local resident showing the flood.",
    "Police said two officers had been on patrol when they noticed the group.",
    "The AFP news agency reported that the plan had been replaced.",
    '"Everything is on the table," he said.',
    "Share prices fell 3% on Monday after the announcement.",
    "Subscribers to the service will pay more from June, the company said.",
    "The storm hit on 14 March.",
    "Related talks will resume in May, officials said.",
    "Comments from residents were mostly positive, the mayor said.",
    "An editor at the paper, who asked not to be named, confirmed the story.",
    "Reuters reported the deal first, citing two people familiar with the talks.",
    # a long paragraph is never chrome, whatever words it holds
    "Share this article is what the banner said, but " + "the rest is a real sentence " * 8,
]


@pytest.mark.parametrize("text", ARTICLE_TEXT, ids=[t[:30] for t in ARTICLE_TEXT])
def test_article_text_is_not_chrome(text: str) -> None:
    assert chrome_role(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colts clinch playoff berth with 20-13 win in K.C.", True),
        ("Doctor Who Revealed: Peter Capaldi Cast as the 12th Time Lord!", True),
        ('Dozens "Riot" Over NYPD\'s Fatal Shooting Of Brooklyn Teen', True),
        ("Is the plan dead?", True),
        ("The council voted on Tuesday to adopt the plan.", False),
        ("first line\nsecond line", False),
        ("word " * 40, False),
    ],
)
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


def test_assign_roles_title_heading_body() -> None:
    texts = [
        "Menu",
        "Dam opens on the river Vell",
        "Published 3 May 2024, 10:00",
        "The dam opened on Friday.",
        "Costs rose",
        "The project cost 1.2 billion euros.",
        "Share this article",
    ]
    assert assign_roles(texts) == [
        Role.BODY,  # one word, not a pattern: left as text
        Role.TITLE,
        Role.BOILERPLATE,
        Role.BODY,
        Role.HEADING,
        Role.BODY,
        Role.BOILERPLATE,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Extreme caution", True),
        ("VOLATILE BORDER", True),
        ("'Completely false'", True),
        ("“Incredible incarnation”", True),
        ('"I would not expect it."', False),
        ("She missed both.", False),
        ("lowercase words here", False),
    ],
)
def test_looks_like_heading(text: str, expected: bool) -> None:
    assert looks_like_heading(text) is expected


def test_first_sentence_is_not_a_title() -> None:
    roles = assign_roles(["The council voted on Tuesday.", "Second paragraph."])
    assert roles == [Role.BODY, Role.BODY]


def test_single_paragraph_is_body() -> None:
    assert assign_roles(["Colts clinch playoff berth"]) == [Role.BODY]


def test_caption_after_image_stub() -> None:
    roles = assign_roles(["Headline here", "Body text.", "![]()", "Workers at the pier", "More."])
    assert roles[2:4] == [Role.CAPTION, Role.CAPTION]


def test_forced_title_decision() -> None:
    assert assign_roles(["A headline", "Body."], first_is_title=False)[0] is Role.BODY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday 20 December 2005, 10:39 GMT", True),
        ("Mayor 2013", False),
        ("May the council decide", False),
        ("12 people died on 3 May", False),
    ],
)
def test_is_stamp(text: str, expected: bool) -> None:
    assert is_stamp(text) is expected
