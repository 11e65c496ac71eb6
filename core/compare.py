"""``compare(a, b)``: the one function that builds a ``Comparison``.

Aligns sentences (``core.align``), diffs the words inside each link (``core.worddiff``), rolls
links up into coverage, paragraph links and a summary (``core.coverage``) and asks
``core.facts.compare_facts`` for the facts. One ``core.progress.Work``, made here and handed to
every stage, reports ``progress(fraction)`` about every 10 ms, the bar cut by the stages'
measured shares of the run, and raises ``core.errors.Cancelled`` soon after ``should_cancel()``
answers True: what the cancelled run built is handed to a background thread that frees it a
chunk at a time, so neither the caller nor any other thread waits for it. The cyclic garbage
collector is paused while compare() runs and, after a big run, the result is frozen out of its
reach (``gc.freeze``; see ``core.collector``).

Imports: core only (numpy/rapidfuzz through core.align and core.worddiff).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from core.align import Group, align
from core.collector import bury, collector_paused
from core.coverage import paragraph_links, sentence_coverage, summary
from core.errors import Cancelled
from core.facts import compare_facts
from core.model import Comparison, Document, Link, LinkKind
from core.options import CompareOptions
from core.progress import Work
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
    work = Work(progress, should_cancel)
    work.check()
    with work.stage("align"):
        groups = align(a, b, opts, work)
    links: list[Link] = []
    with work.stage("word diff"):
        for k, g in enumerate(groups):
            if k % 100 == 0:
                work.advance(k / len(groups))
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
    with work.stage("coverage"):
        scores = [(g.cover_a, g.cover_b) for g in groups]
        cov_a = sentence_coverage(a, "a", links, scores, opts, work.check)
        cov_b = sentence_coverage(b, "b", links, scores, opts, work.check)
        para_links = paragraph_links(a, b, links, work.check)
    with work.stage("facts"):
        facts = compare_facts(a, b, tuple(links), work)
    with work.stage("summary"):
        figures = summary(a, b, links, cov_a, cov_b, facts, work.check)
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
    work.done()
    log.debug("compared %s and %s: %d links", a.source, b.source, len(links))
    return result
