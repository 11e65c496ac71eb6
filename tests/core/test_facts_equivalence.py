"""Fast rewrites of the fact finders give exactly what the plain versions give."""

from __future__ import annotations

import random
import re

import pytest

from core.facts import names
from core.facts import text as facts_text

_NAME_PIECES = (
    "U.S.A. ", "A.B.", "J.R.R. Tolkien ", "al-Bashir ", "abu-Zaid ", "xabu-C", "Hamas-Bashir ",
    "as-B", "l-A", "bin Laden ", "ibn-X", "al ", "of ", "de la ", "van ", "del", "du", "67th ",
    "Precinct ", "52nd Street ", "1st A", "3", "X", "Y.", "D.", "É", "Ü.", "é", "x-Ray ", "'",
    "’s ", "-", "_", " ", "\n", "Mr. ", "a", "b", "i", "o",
)  # fmt: skip


def _texts(pieces: tuple[str, ...], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(count)]


def test_word_spans_are_the_word_pattern_matches() -> None:
    for text in _texts(_NAME_PIECES, 1, 3000):
        assert names._word_spans(text) == [m.span() for m in names._WORD.finditer(text)], text


def test_word_spans_in_small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_text, "_STEP", 300)
    monkeypatch.setattr(facts_text, "_MARGIN", 100)
    text = "".join(_texts(_NAME_PIECES, 2, 200))
    assert len(text) > 3000
    assert names._word_spans(text) == [m.span() for m in names._WORD.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (names._ORDINAL, r"\b\d+(?:st|nd|rd|th)\b(?=\s+[A-Z])"),
        (names._CONNECTOR, r"\b(?:of|de|van|von|bin|al|da|di|del|la|le|der|den|du)\b"),
    ],
    ids=["ordinal", "connector"],
)
def test_rewritten_patterns_match_the_plain_ones(fast: re.Pattern[str], plain: str) -> None:
    rx = re.compile(plain)
    for text in _texts(_NAME_PIECES, 3, 3000):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_previous_word_is_the_plain_search() -> None:
    rx = re.compile(r"([A-Za-z]+)[\s,]*$")
    for text in _texts((*_NAME_PIECES, ", ", ",", "\t", "said "), 4, 2000):
        for pos in range(len(text) + 1):
            m = rx.search(text, max(0, pos - 30), pos)
            assert names._prev_word(text, pos) == (m.group(1).casefold() if m else ""), text
