"""Sentence splitting: a table of the cases news text throws at it, plus invariants."""

from __future__ import annotations

import pytest

from core.reading.sentences import split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


CASES: list[tuple[str, list[str]]] = [
    # titles before names
    (
        "Mr. Putin spoke first. Dr. Hill answered.",
        ["Mr. Putin spoke first.", "Dr. Hill answered."],
    ),
    ("Gen. Mark Milley and Sen. Jo Reed met.", ["Gen. Mark Milley and Sen. Jo Reed met."]),
    # dotted abbreviations: inside a sentence, and ending one
    ("The U.S. envoy arrived. He met Mr. Putin.", ["The U.S. envoy arrived.", "He met Mr. Putin."]),
    (
        "The plan was drafted by the U.S. The talks start today.",
        ["The plan was drafted by the U.S.", "The talks start today."],
    ),
    ("It happened at 7 p.m. Police said so.", ["It happened at 7 p.m.", "Police said so."]),
    (
        "It happened at 7 p.m. on Friday, police said.",
        ["It happened at 7 p.m. on Friday, police said."],
    ),
    # month abbreviations before a day
    (
        "The vote is on Jan. 5 in Kyiv. It may slip.",
        ["The vote is on Jan. 5 in Kyiv.", "It may slip."],
    ),
    ("Posted Dec. 19, 2005 at noon.", ["Posted Dec. 19, 2005 at noon."]),
    # initials
    ("Bryant A. Dalton, 39, was hurt.", ["Bryant A. Dalton, 39, was hurt."]),
    ("J. R. Smith scored. The crowd cheered.", ["J. R. Smith scored.", "The crowd cheered."]),
    # decimals and thousands separators
    (
        "The quake measured 6.1 on the scale. About 1,199 homes were hit.",
        ["The quake measured 6.1 on the scale.", "About 1,199 homes were hit."],
    ),
    (
        "Shares rose 0.26% to $2.5. Then they fell.",
        ["Shares rose 0.26% to $2.5.", "Then they fell."],
    ),
    # ellipses
    (
        'He has common sense... They killed my brother."',
        ["He has common sense...", 'They killed my brother."'],
    ),
    ("The male... adjusted his waistband.", ["The male... adjusted his waistband."]),
    ("Wait … What happened next?", ["Wait …", "What happened next?"]),
    # a quote that ends with the speaker
    ('"We are ready...," he said. Then he left.', ['"We are ready...," he said.', "Then he left."]),
    ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
    ('"Is it over?" she asked.', ['"Is it over?" she asked.']),
    # a quotation over several sentences: split inside, closing quote stays with its sentence
    (
        'He said: "If they withdraw, it ends. If not, we go on. That is all." Then he left.',
        [
            'He said: "If they withdraw, it ends.',
            "If not, we go on.",
            'That is all."',
            "Then he left.",
        ],
    ),
    (
        "“So, of course, we want a deal. But now it is impossible,” Mr. Putin said.",
        ["“So, of course, we want a deal.", "But now it is impossible,” Mr. Putin said."],
    ),
    # headlines and lines without a full stop
    ("Colts clinch playoff berth with 20-13 win", ["Colts clinch playoff berth with 20-13 win"]),
    ("Comment (0)", ["Comment (0)"]),
    # company and place abbreviations
    (
        "Apple Inc. said it would. Kraft Foods Inc. The firm",
        ["Apple Inc. said it would.", "Kraft Foods Inc.", "The firm"],
    ),
    ("He died in Springfield, Mo. He was 77.", ["He died in Springfield, Mo.", "He was 77."]),
    (
        "They met on 117th St. near 97th Ave. at night.",
        ["They met on 117th St. near 97th Ave. at night."],
    ),
    ("No. 7 won. It was close.", ["No. 7 won.", "It was close."]),
    ("They died in the Aoraki-Mt. Cook park.", ["They died in the Aoraki-Mt. Cook park."]),
    # other terminators
    ("Really?! Yes. 12 people came.", ["Really?!", "Yes.", "12 people came."]),
    ("第一句。第二句！", ["第一句。", "第二句！"]),
    # whitespace never makes a sentence
    ("  One.   Two.  ", ["One.", "Two."]),
    ("End.\nNext line.", ["End.", "Next line."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_range_is_respected() -> None:
    text = "Skip me. Take this one. And this. Skip too."
    start = text.index("Take")
    end = text.index(" Skip too")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Take this one.", "And this."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_gives_no_sentence(text: str) -> None:
    assert split_sentences(text, 0, len(text)) == []
