"""Shared plumbing for fact extraction: the Mention record, a document index and the lexicon.

A Mention is one occurrence of a fact in one article, before matching across articles. The
lexicon (titles, gazetteer, aliases, keyword lists) is data in ``resources/facts/*.json``,
loaded once with importlib.resources.

Imports: standard library, core.errors and core.model only.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple, TypeVar

from core.model import Document, FactKind
from core.progress import no_check, paced

_T = TypeVar("_T")
_DOTS = re.compile(r"[.\s\-’'`]+")


# finditer in steps: one regex call never scans more than _STEP characters (a whole-text scan
# of a sparse pattern held the GIL for up to half a second on a 1M-word text). A match that
# starts _MARGIN or more before a step's end cannot see the cut (every pattern here matches
# far fewer characters than that), so the matches are exactly those of one whole-text scan.
_STEP = 1 << 14
_MARGIN = 1 << 11


def finditer(
    rx: re.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    pace: Callable[[], None] | None = None,
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, endpos)`` with the same matches, scanned in bounded steps;
    ``pace()`` runs before each step. ``rx`` must never match the empty string."""
    end = len(text) if endpos is None else min(endpos, len(text))
    if end - pos <= _STEP:
        return rx.finditer(text, pos, end)  # one short step: the plain scan
    return _stepped(rx, text, pos, end, pace)


def _stepped(
    rx: re.Pattern[str], text: str, pos: int, end: int, pace: Callable[[], None] | None
) -> Iterator[re.Match[str]]:
    while True:
        if pace is not None:
            pace()
        lim = pos + _STEP
        if lim >= end:
            yield from rx.finditer(text, pos, end)
            return
        safe = lim - _MARGIN
        found = list(rx.finditer(text, pos, lim))
        # the matches starting before ``safe`` are final (they start in increasing order)
        k = len(found)
        while k and found[k - 1].start() >= safe:
            k -= 1
        if k:
            last = found[k - 1]
            if last.end() == lim:  # it may go on past this step: match it again to the end
                whole = rx.match(text, last.start(), end)
                if whole is not None:
                    found[k - 1] = whole
            yield from found[:k] if k < len(found) else found
            pos = max(safe, found[k - 1].end())
        else:
            pos = safe


# characters that (?i) takes for an ASCII letter other than by case ('ſ' for s, 'ı' and 'İ'
# for i, the Kelvin sign for k): where one occurs, word_hits leaves the work to the pattern
_CASE_TWINS = ("\u017f", "\u0131", "\u0130", "\u212a")


#: what the readers of one text work out about it once (its lower-cased form, its digit runs,
#: the windows around date words), for the run in this thread: dates, numbers and names all ask
_run_memo: ContextVar[dict[tuple[str, str], Any] | None] = ContextVar("facts_memo", default=None)


@contextmanager
def run_memo() -> Iterator[None]:
    """Per-text answers kept for one facts run and seen only by it: they go when it ends, so
    no article text outlives its comparison and two runs in two threads share nothing."""
    token = _run_memo.set({})
    try:
        yield
    finally:
        _run_memo.reset(token)


def memo(question: str, text: str, answer: Callable[[], _T]) -> _T:
    """``answer()``, asked once per run for this ``question`` about this ``text`` (keyed by the
    text itself: a dict compares equal-hash keys, so two texts never share an entry)."""
    cache = _run_memo.get()
    if cache is None:
        return answer()
    key = (question, text)
    if key not in cache:
        cache[key] = answer()
    found: _T = cache[key]
    return found


def _lowered(text: str, pace: Callable[[], None] | None) -> str | None:
    """``text.lower()`` when it keeps every offset and holds no case twin, else None."""
    return memo("lowered", text, lambda: _lower(text, pace))


def _lower(text: str, pace: Callable[[], None] | None) -> str | None:
    pieces: list[str] = []
    low: str | None = None
    for k in range(0, len(text), 1 << 16):  # in pieces: one call on 1M words takes too long
        if pace is not None:
            pace()
        piece = text[k : k + (1 << 16)]
        if any(c in piece for c in _CASE_TWINS):
            break
        pieces.append(piece.lower())  # (only a Greek capital sigma reads its neighbours)
    else:
        low = "".join(pieces)
        if len(low) != len(text):
            low = None
    return low


def word_hits(
    text: str, words: tuple[str, ...], whole: bool, pace: Callable[[], None] | None = None
) -> list[tuple[int, int]] | None:
    """Spans of ``\\b(?i:w1|w2|...)`` (``\\b`` after it too when ``whole``) for lower-case
    ASCII words, found with ``str.find`` in the lower-cased text instead of trying the
    pattern at every character: at each place the first of ``words`` that fits, in order.
    None when the text holds a character (?i) matches to an ASCII letter other than by case
    (then the caller runs its pattern)."""
    low = _lowered(text, pace)
    if low is None:
        return None
    n = len(text)
    out: list[tuple[int, int]] = []
    count = 0
    # in pieces of the text (a word is found in the piece where it starts), so that no
    # single search or sort works on a long text
    for c in range(0, n, 1 << 16):
        if pace is not None:
            pace()
        found: dict[int, int] = {}
        for w in words:
            i = low.find(w, c, c + (1 << 16) + len(w) - 1)
            while i >= 0:
                count += 1
                if pace is not None and not count & 1023:
                    pace()
                e = i + len(w)
                if (
                    (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))
                    and not (whole and e < n and (text[e].isalnum() or text[e] == "_"))
                    and i not in found
                ):
                    found[i] = e
                i = low.find(w, i + 1, c + (1 << 16) + len(w) - 1)
        out += sorted(found.items())
    return out


_DIGIT_RUN = re.compile(r"\d\d*")  # \d+, but from a character class: the engine jumps to digits


def digit_runs(text: str, pace: Callable[[], None] = no_check) -> list[tuple[int, int]]:
    """Spans of the runs of digits (``\\d+``) in ``text``, once per run (dates, numbers and
    names all ask); the list is shared: do not change it."""
    return memo(
        "digit runs", text, lambda: [m.span() for m in finditer(_DIGIT_RUN, text, pace=pace)]
    )


def at_digits(
    rx: re.Pattern[str], text: str, pace: Callable[[], None] = no_check
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose matches all start at the first digit of a run
    of digits (its lookbehind forbids a digit before): only those places are tried, so the
    text between numbers costs nothing."""
    last_end = 0
    match = rx.match
    for i, (p, _e) in enumerate(digit_runs(text, pace)):
        if not i & 255:
            pace()
        if p >= last_end:
            m = match(text, p)
            if m is not None:
                last_end = m.end()
                yield m


_ONE_SORT = 1024  # items sorted at once by sorted_by_position (about a millisecond at most)


def sorted_by_position(
    items: Iterable[_T],
    position: Callable[[_T], int],
    key: Callable[[_T], Any],
    pace: Callable[[], None],
    bucket: int = 1 << 15,
) -> list[_T]:
    """``sorted(items, key=key)`` in small pieces: ``key(x)`` must order first by
    ``position(x)`` (a non-negative offset), so items bucketed by position and each bucket
    sorted give the same (stable) order without one long sort call. Up to ``_ONE_SORT`` items
    are sorted in one call (short: the buckets would only cost a call per item)."""
    if isinstance(items, list | tuple) and len(items) <= _ONE_SORT:
        pace()
        return sorted(items, key=key)
    buckets: dict[int, list[_T]] = {}
    for x in paced(items, pace):
        p = position(x) // bucket
        got = buckets.get(p)
        if got is None:
            buckets[p] = [x]
        else:
            got.append(x)
    out: list[_T] = []
    for p in sorted(buckets):
        pace()
        chunk = buckets[p]
        chunk.sort(key=key)
        out.extend(chunk)
    return out


class Mention(NamedTuple):
    """One occurrence of a fact in one article (an immutable tuple with named fields: tens of
    thousands are made per long article, and a tuple is made several times faster than a
    frozen dataclass; change one with ``_replace``).

    ``key`` is what matching compares (same key on both sides = same fact); ``value`` is the
    normalized form shown to people; ``slot`` names what the value is about (``dead``,
    ``point``, ``date``) so two different values for one slot in linked passages can be a
    conflict; an empty slot never conflicts. A ``weak`` mention (a capitalised word the rules
    could not classify, like a bare ``Intel``) joins a fact only when a non-weak mention with
    the same key exists in either article.
    """

    kind: FactKind
    key: str
    value: str
    start: int
    end: int
    slot: str = ""
    note: str = ""
    speaker: str = ""
    weak: bool = False  # an unclassified name: counts only where the same name is known


def new_mention(fields: tuple[Any, ...]) -> Mention:
    """``Mention(*fields)`` with every field given, in order (kind, key, value, start, end,
    slot, note, speaker, weak), without the keyword handling of the generated ``__new__``."""
    m: Mention = new_tuple(Mention, fields)
    return m


#: ``T(*fields)`` for a tuple type without its Python-level ``__new__`` (hot loops)
new_tuple: Any = tuple.__new__


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Matching key for names: case, dots, hyphens, apostrophes and spaces do not count."""
    return _DOTS.sub("", name).casefold()


class DocIndex:
    """Maps a text offset to its sentence and to whether its paragraph is content."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._sent_starts = [s.span.start for s in doc.sentences]
        self._sent_ends = [s.span.end for s in doc.sentences]
        self._para_starts = [p.span.start for p in doc.paragraphs]
        self._para_ends = [p.span.end for p in doc.paragraphs]
        self._para_content = [p.role.is_content for p in doc.paragraphs]

    def sentence_at(self, pos: int) -> int | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and pos < self._sent_ends[i]:  # (its start is at or before pos)
            return i
        return None

    def sentences_in(self, start: int, end: int) -> list[int]:
        """Indices of the sentences overlapping ``[start, end)``."""
        i = max(0, bisect_right(self._sent_starts, start) - 1)
        out: list[int] = []
        sents = self.doc.sentences
        while i < len(sents) and sents[i].span.start < end:
            if sents[i].span.end > start:
                out.append(i)
            i += 1
        return out

    def is_content(self, pos: int) -> bool:
        """True unless ``pos`` sits in a caption, byline or boilerplate paragraph."""
        i = bisect_right(self._para_starts, pos) - 1
        return True if i < 0 or pos >= self._para_ends[i] else self._para_content[i]


@cache
def lexicon() -> dict[str, Any]:
    """Word lists and gazetteer from ``resources/facts/lexicon.json``."""
    text = resources.files("resources").joinpath("facts/lexicon.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def word_set(name: str) -> frozenset[str]:
    """A lexicon list as a casefolded set."""
    return frozenset(w.casefold() for w in lexicon()[name])


@cache
def aliases() -> dict[str, tuple[str, str]]:
    """Folded surface form -> (kind, canonical name), from ``resources/facts/aliases.json``."""
    text = resources.files("resources").joinpath("facts/aliases.json").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = json.loads(text)
    out: dict[str, tuple[str, str]] = {}
    for kind, table in data.items():
        if kind.startswith("_"):
            continue
        for canonical, variants in table.items():
            for v in (canonical, *variants):
                out[fold(v)] = (kind, canonical)
    return out


def mention_start(m: Mention) -> int:
    """Sort key: where a mention starts."""
    return m.start
