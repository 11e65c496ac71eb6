"""``compare(a, b)``: the one function that builds a ``Comparison``.

Aligns sentences (``core.align``), diffs the words inside each link (``core.worddiff``), rolls
links up into coverage, paragraph links and a summary (``core.coverage``) and asks
``core.facts.compare_facts`` for the facts. Reports ``progress(fraction)`` at least every
100 ms and raises ``core.errors.Cancelled`` soon after ``should_cancel()`` answers True: what
the cancelled run built is handed to a background thread that frees it a chunk at a time, so
neither the caller nor any other thread waits for it. The cyclic garbage collector is paused
while compare() runs and, after a big run, the result is frozen out of its reach (``gc.freeze``;
see ``core.collector``).

Imports: core only (numpy/rapidfuzz through core.align and core.worddiff).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import pairwise

from core.align import Group, Ticker, align
from core.collector import bury, collector_paused
from core.coverage import paragraph_links, sentence_coverage, summary
from core.errors import Cancelled
from core.facts import compare_facts
from core.model import Comparison, Document, Fact, Link, LinkKind
from core.options import CompareOptions
from core.worddiff import word_diff

log = logging.getLogger(__name__)

__all__ = ["CompareOptions", "compare"]


def _kind(g: Group, opts: CompareOptions) -> LinkKind:
    if g.identical or g.similarity >= opts.same_threshold:
        return LinkKind.SAME
    low, high = sorted((g.cover_a, g.cover_b))
    if high > 0 and low / high < opts.partial_threshold:
        return LinkKind.PARTIAL
    return LinkKind.PARAPHRASE


#: Where the run's stages end: (the fraction the stages report as they go, the share of the run's
#: time spent by then), measured on the 10k, 100k and 1M-word pairs by
#: ``benchmarks/progress_accuracy.py --calibrate``. The stages count their own steps, which do not
#: take equal time (facts take about a third of a run and report one step); the bar is placed by
#: interpolating this table, so it moves with elapsed time.
_BAR = (
    (0.0, 0.0),
    (0.10, 0.09),
    (0.20, 0.14),
    (0.30, 0.19),
    (0.45, 0.27),
    (0.55, 0.33),
    (0.58, 0.35),
    (0.73, 0.41),
    (0.95, 0.44),
    (0.98, 0.62),
    (0.99, 0.99),
    (1.0, 1.0),
)
#: the facts step asks whether to cancel about every 10 ms of work: about this many times per
#: character of both texts (measured as 50-110 per million characters)
_FACTS_ASKS_PER_CHAR = 60e-6


def _bar(fraction: float) -> float:
    """The bar's position for a stage-reported ``fraction`` (linear between ``_BAR``'s points)."""
    for (x0, y0), (x1, y1) in pairwise(_BAR):
        if fraction <= x1:
            return y0 + (y1 - y0) * (max(fraction, x0) - x0) / (x1 - x0)
    return 1.0


def _facts(a: Document, b: Document, links: tuple[Link, ...], tick: Ticker) -> tuple[Fact, ...]:
    """``compare_facts`` with ``tick`` as its cancel check, so progress and cancel stay timely.

    The facts step asks ``should_cancel`` about every 10 ms of work; each ask ticks, which
    reports progress (at most every 10 ms) and raises ``Cancelled`` when the caller cancelled.
    The step reports no fraction of its own, so the asks are counted against the number
    expected for texts of this length.
    """
    expected = max(1.0, _FACTS_ASKS_PER_CHAR * (len(a.text) + len(b.text)))
    asked = 0

    def ticking() -> bool:
        nonlocal asked
        asked += 1
        tick(0.98 + 0.01 * min(0.97, asked / expected))
        return False

    return compare_facts(a, b, links, ticking)


def compare(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """Compare two Documents: links, coverage, facts and summary in one frozen Comparison."""
    with collector_paused():
        try:
            return _compare(a, b, options, progress, should_cancel)
        except Cancelled as exc:
            # what the cancelled run built is dropped a chunk at a time in the background, so
            # the caller hears of the cancel at once (freeing it here took up to ~0.3 s)
            bury(exc)
    raise Cancelled()


def _compare(
    a: Document,
    b: Document,
    options: CompareOptions | None,
    progress: Callable[[float], None] | None,
    should_cancel: Callable[[], bool] | None,
) -> Comparison:
    opts = options if options is not None else CompareOptions()
    report = None if progress is None else (lambda f: progress(_bar(f)))
    tick = Ticker(report, should_cancel)
    tick(0.0)
    groups = align(a, b, opts, tick)
    links: list[Link] = []
    for k, g in enumerate(groups):
        if k % 100 == 0:
            tick(0.95 + 0.03 * k / max(1, len(groups)))
        links.append(
            Link(
                g.a,
                g.b,
                g.similarity,
                _kind(g, opts),
                word_diff(a, g.a, b, g.b),
                cover=(g.cover_a, g.cover_b),
            )
        )
    scores = [(g.cover_a, g.cover_b) for g in groups]
    cov_a = sentence_coverage(a, "a", links, scores, opts, tick)
    cov_b = sentence_coverage(b, "b", links, scores, opts, tick)
    tick(0.98)
    para_links = paragraph_links(a, b, links, tick)
    tick()
    facts = _facts(a, b, tuple(links), tick)
    tick(0.99)
    figures = summary(a, b, links, cov_a, cov_b, facts, tick)
    result = Comparison(
        a=a,
        b=b,
        links=tuple(links),
        paragraph_links=para_links,
        coverage_a=cov_a,
        coverage_b=cov_b,
        facts=facts,
        summary=figures,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        options=opts,
    )
    tick.done()
    log.debug("compared %s and %s: %d links", a.source, b.source, len(links))
    return result
