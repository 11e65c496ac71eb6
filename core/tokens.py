"""Words of a sentence for alignment: case folding, light stemming, stop words, numbers.

Two views of the same words:

* ``terms(text)`` -> the normalized terms (stems) used for scoring sentence pairs; month names
  become their month number so ``27/11`` and ``November 27`` share ``11`` and ``27``;
* ``word_spans(text, offset)`` -> each word's span and case-folded surface form, for word diffs.

A small curated lexicon (``resources/align/lexicon.txt``) maps the words newsrooms use for one
another to one term: number words to digits (``fifteen-year`` meets ``15 years``), inflections a
suffix stripper cannot join (``fell``/``fallen``), and news synonyms (``killed``/``dead``/
``died``, ``bought``/``acquisition``).

Imports: standard library only.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

# A word: letters/digits, keeping inner apostrophes, hyphens and decimal points/commas of numbers
# ("don't", "US-drafted", "6.1", "1,199"). Possessive "'s" is removed later by the stemmer.
WORD = re.compile(r"\w+(?:['’]\w+)*(?:[.,]\d+)*")
_SPLIT = re.compile(r"[-_/]")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")

_STOP_TEXT = """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each either else ever every few for from further had hadn has hasn have haven
    having he her here hers herself him himself his how however i if in into is isn it its itself
    just let ll me might more most much must mustn my myself no nor not now of off on once only or
    other ought our ours ourselves out over own per re same shall she should shouldn so some such
    than that the their theirs them themselves then there these they this those through thus to
    too under until up upon us ve very was wasn we were weren what when where whether which while
    who whom whose why will with within without won would wouldn yet you your yours yourself
    yourselves s t d m o y
    """
#: lexicon terms are marked so they never meet an ordinary stem or a name ("los" / Los Angeles)
LEXICON_MARK = "~"
#: reporting verbs (said/told/added, one lexicon term) are as common in news as function words
STOP_WORDS = frozenset(_STOP_TEXT.split()) | {LEXICON_MARK + "say"}

MONTHS = {
    name: str(i)
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ed", "ies", "es")
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stem of a case-folded word: ``agreed``/``agrees``/``agree`` -> ``agr``.

    Deliberately crude (suffix stripping, final ``e``, doubled consonant): it only has to map a
    word's inflections to one key; over-merging is cheap because rarity weights still apply.
    """
    w = word
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    w = w.replace("’", "'")
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix == "ies":
                w += "y"
            break
    else:
        if w.endswith("ly") and len(w) > 5:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
            w = w[:-1]
    while w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in "ls":
        w = w[:-1]
    return w


@cache
def lexicon() -> dict[str, str]:
    """Case-folded word -> its group's term (``resources/align/lexicon.txt``)."""
    text = resources.files("resources").joinpath("align/lexicon.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 2:
            continue
        canon = words[0] if words[0].isdigit() else LEXICON_MARK + words[0]
        for w in words[1:]:
            out[w.casefold()] = canon
    return out


def is_number(term: str) -> bool:
    return bool(_DIGITS.match(term))


@lru_cache(maxsize=200_000)
def _normalize(word: str) -> tuple[str, ...]:
    """Terms of one case-folded word (a hyphenated word gives its parts)."""
    out: list[str] = []
    lex = lexicon()
    for part in _SPLIT.split(word) if ("-" in word or "/" in word or "_" in word) else (word,):
        if not part:
            continue
        if part[0].isdigit():
            out.append(_ORDINAL.sub("", part.replace(",", "")))
            continue
        known = lex.get(part.replace("’", "'"))
        if known is not None:
            out.append(known)
            continue
        month = MONTHS.get(part)
        if month is not None and part != "may":
            out.append(month)
            continue
        out.append(stem(part))
    return tuple(out)


def terms(text: str) -> list[tuple[str, bool]]:
    """Normalized terms of ``text`` with a flag: True when the word was capitalized mid-sentence

    (a likely name; not in a title-cased headline, where every word is capitalized). Stop words
    are kept (the caller weighs them low) so sentences made only of short words still compare.
    """
    out: list[tuple[str, bool]] = []
    caps = longs = 0
    first = True
    for raw in WORD.findall(text):
        upper = raw[0].isupper()
        if len(raw) > 3:
            longs += 1
            caps += upper
        name = upper and not first
        first = False
        for t in _normalize_raw(raw):
            out.append((t, name))
    if longs >= 3 and caps > 0.6 * longs:
        return [(t, False) for t, _ in out]
    return out


@lru_cache(maxsize=200_000)
def _normalize_raw(raw: str) -> tuple[str, ...]:
    return _normalize(raw.casefold())


def word_spans(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """``(start, end, folded)`` for every word of ``text``; spans are shifted by ``offset``."""
    return [
        (offset + m.start(), offset + m.end(), m.group().casefold().replace("’", "'"))
        for m in WORD.finditer(text)
    ]
