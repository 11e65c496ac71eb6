"""TEMPORARY: naive compare; replaced by the alignment work (issue 4)."""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from core.model import Comparison, Coverage, Document, Link, LinkKind, SentenceCoverage, Summary


def compare(
    a: Document,
    b: Document,
    options: object = None,
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Comparison:
    links: list[Link] = []
    for i in range(len(a.sentences)):
        best = max(
            range(len(b.sentences)),
            key=lambda j: fuzz.token_set_ratio(a.sentence_text(i), b.sentence_text(j)),
        )
        score = fuzz.token_set_ratio(a.sentence_text(i), b.sentence_text(best)) / 100
        if score > 0.6:
            links.append(Link((i,), (best,), score, LinkKind.PARAPHRASE))
    cov_a = [SentenceCoverage(Coverage.UNIQUE, 0.0) for _ in a.sentences]
    cov_b = [SentenceCoverage(Coverage.UNIQUE, 0.0) for _ in b.sentences]
    for k, link in enumerate(links):
        cov_a[link.a[0]] = SentenceCoverage(Coverage.SHARED, link.similarity, (k,))
        cov_b[link.b[0]] = SentenceCoverage(Coverage.SHARED, link.similarity, (k,))
    summary = Summary(
        a_shared=sum(c.status == Coverage.SHARED for c in cov_a) / max(1, len(cov_a)),
        b_shared=sum(c.status == Coverage.SHARED for c in cov_b) / max(1, len(cov_b)),
        links=len(links),
    )
    return Comparison(a, b, tuple(links), (), tuple(cov_a), tuple(cov_b), (), summary)
