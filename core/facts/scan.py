"""Scanning an article's text for fact patterns in bounded steps, and the run's per-text answers.

A regex call never scans more than 16k characters (``finditer``); lower-case word lists are
found with ``str.find`` (``word_hits``) and number patterns are tried only where digits start
(``at_digits``). What these work out about one text is kept for the run that asked
(``run_memo``): dates, numbers and names ask the same questions.

Imports: standard library, core.progress.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from core.progress import no_check

_T = TypeVar("_T")


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
    """Per-text answers kept while one article's facts are read and seen only by that reading:
    they go when it ends, so no article text outlives it and two readings in two threads share
    nothing."""
    token = _run_memo.set({})
    try:
        yield
    finally:
        _run_memo.reset(token)


def memo(question: str, text: str, answer: Callable[[], _T]) -> _T:
    """``answer()``, asked once per reading for this ``question`` about this ``text`` (keyed by the
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
