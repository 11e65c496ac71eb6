"""Facts of two articles (dates, numbers, people, places, organisations, quotes), matched.

``compare_facts`` extracts mentions from each article with rules (``dates``, ``numbers``,
``names``, ``quotes``), then matches them across the articles (``matching``): shared, only in
one, or in conflict when linked passages give one slot two values. Facts in caption, byline and
boilerplate paragraphs are kept with ``content=False``. Everything is linear in the text size
apart from bounded blocks (quotes when few, fuzzy names within first-letter blocks).

Responsiveness: the run's ``core.progress.Work`` is checked from every loop (it asks whether
to cancel about every 10 ms of work), regexes scan at most 16k characters per call
(``scan.finditer``), sorts run per bucket of positions and big lists are freed in chunks, so no
single step holds the GIL for long even on a 1M-word article (``benchmarks/facts_quality.py
--speed`` measures both).

Imports: standard library, rapidfuzz, core.model, core.progress.
"""

from __future__ import annotations

import logging
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter

from core.facts.dates import extract_dates, note_relative_dates
from core.facts.doc_index import DocIndex
from core.facts.matching import match_facts, match_quotes
from core.facts.mention import Mention, mention_start, sorted_by_position
from core.facts.names import extract_names
from core.facts.numbers import extract_numbers
from core.facts.quotes import extract_quotes
from core.facts.scan import finditer, run_memo
from core.facts.worded import extract_worded
from core.model import Document, Fact, FactKind, Link
from core.progress import Work, paced, release

log = logging.getLogger(__name__)

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|!?\[[^\]\n]*\]\([^)\n]*\)")

__all__ = ["FactMatcher", "compare_facts", "extract_mentions"]


def extract_mentions(doc: Document, work: Work | None = None) -> list[Mention]:
    """Every fact mention of one article, in text order, in stages of ``work`` (which is
    checked every few milliseconds of work and raises to cancel). What the readers work out
    about the text once (``scan.run_memo``) is kept for this article's reading only."""
    with run_memo():
        return _mentions(doc, work or Work())


def _mentions(doc: Document, work: Work) -> list[Mention]:
    pace = work.check
    text = doc.text
    walled = _paragraph_walls(doc)
    with work.stage("dates"):
        urls = (
            [(m.start(), m.end()) for m in finditer(_URL, text, pace=pace)]
            if "@" in text or "://" in text or "www." in text or "](" in text
            else []
        )
        dates, times = extract_dates(walled, pace)
        if urls:
            dates = [m for m in dates if not _inside(m, urls)]
        date_spans = [(m.start, m.end) for m in dates]
        head = doc.paragraphs[min(2, len(doc.paragraphs) - 1)].span.end if doc.paragraphs else 0
        dates = note_relative_dates(dates, head, pace)
    with work.stage("numbers"):
        worded = extract_worded(walled, date_spans + times + urls, pace)
        worded_spans = [(w.start, w.end) for w in worded]
        numbers = [
            m
            for m in extract_numbers(walled, date_spans + times + urls, pace)
            if not _inside(m, worded_spans)
        ] + worded
    with work.stage("names"):
        names = extract_names(text, date_spans + urls, pace)
    with work.stage("quotes"):
        people = [m for m in paced(names, pace) if m.kind == FactKind.PERSON]
        numbers = _ages_by_person(text, numbers, people)
        quotes = extract_quotes(doc, people, pace)
        return sorted_by_position(
            dates + numbers + names + quotes,
            mention_start,
            attrgetter("start", "end", "kind"),
            pace,
        )


def _paragraph_walls(doc: Document) -> str:
    """The text with the white space between paragraphs turned into "¶" (offsets unchanged),
    so that a fact stays inside its paragraph: a number never reads its unit from the next one
    ("13" then "Police ..."), nor a month its day ("May" then "5 people ...")."""
    text = doc.text
    if len(doc.paragraphs) < 2:
        return text
    parts: list[str] = []
    end = 0
    for p in doc.paragraphs:
        gap = text[end : p.span.start]
        parts.append(gap if "\n" not in gap else "¶" * len(gap))
        parts.append(text[p.span.start : p.span.end])
        end = p.span.end
    parts.append(text[end:])
    return "".join(parts)


def _ages_by_person(text: str, numbers: list[Mention], people: list[Mention]) -> list[Mention]:
    """Ages ("Gaddafi, 69,") measured for the person's key rather than the word before them,
    so that two spellings of one person ("Qadhafi, 68,") give one slot to compare."""
    if not any(m.slot.startswith("age of ") for m in numbers):
        return numbers
    key_ending_at = {p.end: p.key for p in people}
    out: list[Mention] = []
    for m in numbers:
        if m.slot.startswith("age of "):
            before = text[max(0, m.start - 4) : m.start]
            key = key_ending_at.get(m.start - len(before) + len(before.rstrip(" ,")))
            if key is not None:
                m = m._replace(slot=f"age of {key}")
        out.append(m)
    return out


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """Whether ``m`` overlaps one of ``spans`` (sorted, disjoint)."""
    i = bisect_right(spans, (m.start, sys.maxsize)) - 1
    return any(s < m.end and m.start < e for s, e in spans[max(0, i) : i + 2])


def compare_facts(
    a: Document,
    b: Document,
    links: Sequence[Link],
    work: Work | None = None,
) -> tuple[Fact, ...]:
    """Facts of both articles, matched across them; conflicts only within linked passages."""
    return _compare_facts(a, b, links, work or Work())


def _compare_facts(a: Document, b: Document, links: Sequence[Link], work: Work) -> tuple[Fact, ...]:
    with work.stage("mentions of a"):
        ma = extract_mentions(a, work)
    with work.stage("mentions of b"):
        mb = extract_mentions(b, work)
    with work.stage("matching"):
        return _matched(a, b, links, ma, mb, work.check)


def _matched(
    a: Document,
    b: Document,
    links: Sequence[Link],
    ma: list[Mention],
    mb: list[Mention],
    pace: Callable[[], None],
) -> tuple[Fact, ...]:
    ia, ib = DocIndex(a), DocIndex(b)
    qa = [m for m in paced(ma, pace) if m.kind == FactKind.QUOTE]
    qb = [m for m in paced(mb, pace) if m.kind == FactKind.QUOTE]
    facts = match_facts(
        [m for m in paced(ma, pace) if m.kind != FactKind.QUOTE],
        [m for m in paced(mb, pace) if m.kind != FactKind.QUOTE],
        links,
        ia,
        ib,
        pace,
    )
    pace()
    facts += match_quotes(qa, qb, links, ia, ib, pace)
    end_a = len(a.text)

    def position(f: Fact) -> int:
        return f.a[0].start if f.a else end_a + (f.b[0].start if f.b else 0)

    facts = sorted_by_position(facts, position, lambda f: (position(f), f.kind, f.value), pace)
    log.debug("facts: %d mentions in a, %d in b, %d facts", len(ma), len(mb), len(facts))
    for ms in (ma, mb, qa, qb):
        release(ms, pace)
    return tuple(facts)


class FactMatcher:
    """Both articles' mentions extracted once, matched again whenever the links change.

    Extraction depends only on the text and is most of the work; matching depends on the links
    (conflicts are only looked for inside linked passages). A hand edit changes links, so it
    matches the kept mentions again instead of reading both articles once more.
    """

    def __init__(self, a: Document, b: Document) -> None:
        self.a, self.b = a, b
        ma, mb = extract_mentions(a), extract_mentions(b)
        self._plain = (
            [m for m in ma if m.kind != FactKind.QUOTE],
            [m for m in mb if m.kind != FactKind.QUOTE],
        )
        self._quotes = (
            [m for m in ma if m.kind == FactKind.QUOTE],
            [m for m in mb if m.kind == FactKind.QUOTE],
        )
        self._index = (DocIndex(a), DocIndex(b))

    def match(self, links: Sequence[Link]) -> tuple[Fact, ...]:
        """The facts for these links, ordered as ``compare_facts`` orders them."""
        ia, ib = self._index
        facts = match_facts(list(self._plain[0]), list(self._plain[1]), links, ia, ib)
        facts += match_quotes(list(self._quotes[0]), list(self._quotes[1]), links, ia, ib)
        end_a = len(self.a.text)

        def position(f: Fact) -> int:
            return f.a[0].start if f.a else end_a + (f.b[0].start if f.b else 0)

        return tuple(sorted(facts, key=lambda f: (position(f), f.kind, f.value)))
