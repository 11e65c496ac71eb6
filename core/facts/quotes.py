"""Quoted passages and who said them.

A quote is the text between matching quote marks (straight or curly) inside one paragraph; a
quote left open runs to the end of its paragraph, as printed news does when a quotation goes on
in the next one. Single words in quotes (scare quotes) are left out. The speaker is the person
named next to a said-verb just after or just before the quote (``", he said"``, ``X told
reporters``, ``X commented: "..."``); a pronoun means the person named last before the quote.

Imports: standard library, core.model, core.facts.{mention,scan,lexicon}.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from core.facts.lexicon import word_set
from core.facts.mention import Mention, mention_start, sorted_by_position
from core.facts.scan import finditer
from core.model import Document, FactKind
from core.progress import no_check, paced

_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»"}
_OPEN = re.compile(r'["“„«]')
_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+(?:['’]\w+)?")
MIN_WORDS = 2
_LETTERS = re.compile(r"[A-Za-z]+")
# 'bombs refugees': single quotes open after a space and close before one, so apostrophes
# (don't, the Smiths' house) are not taken for quote marks
_SINGLE = re.compile(r"(?<![\w'’])['‘]([A-Za-z][^'‘’\n\"“”]{1,200}?[\w.,!?])['’](?![\w'’])")


def _normalized(words: list[str]) -> str:
    """Lower-case words joined by single spaces: what quote matching compares."""
    return " ".join(words).casefold().replace("’", "'")  # casefold is per letter


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner spans of quotations in ``text[start:end]`` (one paragraph)."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _OPEN.search(text, pos, end)
        if m is None:
            break
        mark = m.group()
        close = _PAIRS[mark]
        c = text.find(close, m.end(), end)
        if mark == '"' and c < 0:
            c = end  # quotation continues in the next paragraph
        elif c < 0:
            c = end
        s, e = m.end(), c
        while s < e and text[s] in " \t'‘":
            s += 1
        while e > s and text[e - 1] in " \t,'’":
            e -= 1
        if e > s:
            out.append((s, e))
        pos = c + 1
        if pos >= end:
            break
    return out


def extract_quotes(
    doc: Document, people: list[Mention], pace: Callable[[], None] = no_check
) -> list[Mention]:
    """Quote mentions of ``doc`` with speakers taken from its person mentions; ``pace()`` runs
    once per paragraph and quote (it raises to cancel)."""
    text = doc.text
    said = word_set("said_verbs")
    people = sorted_by_position(
        people, mention_start, mention_start, pace
    )  # a stable sort by start
    starts = [p.start for p in people]
    out: list[Mention] = []
    last_speaker = ""
    prev_subject = ""  # first person named in the previous paragraph: who "he" usually is
    for para in paced(doc.paragraphs, pace, 64):
        ps, pe = para.span.start, para.span.end
        spans = _spans(text, ps, pe)
        if text.find("'", ps, pe) >= 0 or text.find("‘", ps, pe) >= 0:  # _SINGLE needs one
            spans = sorted(
                spans
                + [
                    (m.start(1), m.end(1))
                    for m in finditer(_SINGLE, text, ps, pe)
                    if not any(a < m.end() and m.start() < b for a, b in spans)
                ]
            )
        in_para = people[bisect_left(starts, ps) : bisect_left(starts, pe)]
        for n, (s, e) in enumerate(spans):
            pace()
            words = _WORDS.findall(text[s:e])
            if len(words) < MIN_WORDS:
                continue
            lo = spans[n - 1][1] + 1 if n > 0 else ps
            hi = spans[n + 1][0] - 1 if n + 1 < len(spans) else pe
            before = [p for p in in_para if p.end <= s]
            fallback = before[-1].value if before else prev_subject or last_speaker
            speaker = _speaker(text, s, e, lo, hi, people, starts, said, fallback)
            last_speaker = speaker or last_speaker
            norm = _normalized(words)
            value = f"{speaker}: {text[s:e]}" if speaker else text[s:e]
            out.append(
                Mention(FactKind.QUOTE, norm, " ".join(value.split()), s, e, speaker=speaker)
            )
        if in_para:
            prev_subject = in_para[0].value
    return out


def _speaker(
    text: str,
    s: int,
    e: int,
    lo: int,
    hi: int,
    people: list[Mention],
    starts: list[int],
    said: frozenset[str],
    fallback: str,
) -> str:
    after_end = min(hi, e + 90)
    before_start = max(lo, s - 140)
    for win_start, win_end in ((e, after_end), (before_start, s)):
        window = text[win_start:win_end]
        # the first said-verb among the window's letter runs (their strings first: the
        # position is needed only when someone is named in the window)
        nth = next((k for k, w in enumerate(_LETTERS.findall(window)) if w.casefold() in said), -1)
        if nth < 0:
            continue
        i0, i1 = bisect_left(starts, win_start), bisect_right(starts, win_end)
        named = people[i0:i1]
        if named:
            verb = next(m for k, m in enumerate(_LETTERS.finditer(window)) if k == nth)
            verb_pos = win_start + verb.start()
            best = min(named, key=lambda p: abs(p.start - verb_pos))
            return best.value
        if _PRONOUN.search(window):
            # "he said": the person named before the quote in its paragraph, else the
            # subject of the paragraph before, else the last speaker
            return fallback
    return ""
