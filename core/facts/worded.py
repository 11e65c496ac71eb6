"""Amounts told in words rather than digits: "dozens of families", "a handful of aftershocks",
"half a million people", "a third of sales", "a quarter of an hour".

The digit and number-word reader (``numbers``) handles "two dozen" or "forty-five"; these
phrases have no single figure, or a fraction where the figure would be, so they are read here:
a vague amount keeps its words as its value and gets the range a reader gives it from
``quantities``; a fraction of something is a percentage; "half a million" and "a quarter of an
hour" are plain figures. What the amount counts (the noun after "of", past adjectives) is its
slot, as for any number.

Imports: standard library, core.model, core.facts.{mention,scan,lexicon}, core.facts.quantities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from core.facts.lexicon import word_set
from core.facts.mention import Mention
from core.facts.quantities import VAGUE
from core.facts.scan import finditer, word_hits
from core.model import FactKind

# phrase -> (shown value, slot) for figures that need no noun after them
_FIXED = {
    "a quarter of an hour": ("15 minute", "minute"),
    "half an hour": ("30 minute", "minute"),
    "an hour and a half": ("90 minute", "minute"),
}
# phrase -> percentage, for "a third of the sales"
_FRACTIONS = {
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "half": 50.0,
}
_SCALED = {"half a million": 500_000, "half a billion": 500_000_000}

_PHRASE = re.compile(
    r"\b(?P<phrase>"
    + "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted((*_FIXED, *_FRACTIONS, *_SCALED, *VAGUE), key=len, reverse=True)
    )
    + r")\b(?P<of>\s+of)?",
    re.IGNORECASE,
)
# the words _PHRASE's phrases begin with ("two-thirds" begins with "two"): it is tried only
# where one of them stands
_FIRST_WORDS = tuple(
    sorted({re.split(r"[\s-]", p)[0] for p in (*_FIXED, *_FRACTIONS, *_SCALED, *VAGUE)})
)
_PRONOUNS = frozenset({"them", "us", "those", "these", "it", "you", "which", "whom"})
# the note of an amount with no figure of its own: a fact only beside a figure it is judged
# against (alone, "dozens of people" is not something a reader can check)
IN_WORDS = "told in words"
_WORD = re.compile(r"\s*(?:the\s+|his\s+|her\s+|their\s+|its\s+)?([A-Za-z][A-Za-z'’-]*)")


def extract_worded(
    text: str, masks: list[tuple[int, int]], pace: Callable[[], None] | None = None
) -> list[Mention]:
    """Mentions of amounts told in words, outside ``masks``, in text order; the scan runs in
    bounded steps with ``pace()`` between them, so a long article never holds the interpreter
    for one long stretch."""
    skip = word_set("unit_skip")
    out: list[Mention] = []
    for m in _phrases(text, pace):
        if any(s < m.end() and m.start() < e for s, e in masks):
            continue
        phrase = " ".join(m["phrase"].casefold().split())
        if phrase in _FIXED:
            value, slot = _FIXED[phrase]
            out.append(Mention(FactKind.NUMBER, value, value, m.start(), m.end(), slot=slot))
            continue
        noun, end = _noun_after(text, m.end(), skip)
        if phrase in _SCALED:
            value = f"{_SCALED[phrase]:,} {noun}".strip()
            out.append(Mention(FactKind.NUMBER, value, value, m.start(), end, slot=noun))
        elif phrase in _FRACTIONS:
            if not m["of"] or (phrase == "half" and not noun):
                continue  # "a third party", "half past": not a part of something
            value = f"{_FRACTIONS[phrase]:.1f}%"
            note = f"qualified: about; {IN_WORDS}"
            out.append(Mention(FactKind.NUMBER, value, value, m.start(), m.end(), "%", note))
        elif noun and noun not in _PRONOUNS and (m["of"] or phrase == "a few"):
            value = f"{phrase} {noun}"
            out.append(
                Mention(FactKind.NUMBER, value, value, m.start(), end, slot=noun, note=IN_WORDS)
            )
    return out


def _phrases(text: str, pace: Callable[[], None] | None) -> Iterator[re.Match[str]]:
    """``_PHRASE.finditer(text)``, tried only where a phrase's first word stands."""
    hits = word_hits(text, _FIRST_WORDS, True, pace)
    if hits is None:
        yield from finditer(_PHRASE, text, pace=pace)
        return
    last_end = 0
    for start, _end in hits:
        if start >= last_end:
            m = _PHRASE.match(text, start)
            if m is not None:
                last_end = m.end()
                yield m


def _noun_after(text: str, pos: int, skip: frozenset[str]) -> tuple[str, int]:
    """The noun a phrase counts ("of strong aftershocks" -> aftershock) and where it ends."""
    for _ in range(3):
        w = _WORD.match(text, pos)
        if w is None:
            return "", pos
        word = w[1].casefold()
        pos = w.end()
        if word not in skip:
            return _singular(word), pos
    return "", pos


def _singular(word: str) -> str:
    if word in ("people", "children", "men", "women"):
        return {"people": "people", "children": "child", "men": "man", "women": "woman"}[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
