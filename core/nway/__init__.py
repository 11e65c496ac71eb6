"""N-way comparison: 2 to 8 articles about one event, from their pairwise comparisons.

``compare_many(documents)`` compares every two documents with ``core.compare.compare`` (in
worker processes when there is enough work, see ``core.nway.pairs``), then groups linked
sentences into statements (``core.nway.statements``) and pairwise facts into facts across all
articles (``core.nway.cross_facts``). Progress and cancel work as for ``compare``.

Imports: standard library, core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from core.model import Document
from core.nway.cross_facts import build_cross_facts
from core.nway.model import (
    MAX_DOCUMENTS,
    MIN_DOCUMENTS,
    Cell,
    CrossFact,
    CrossStatus,
    NWayComparison,
    PairResult,
    Statement,
)
from core.nway.pairs import PARALLEL_ABOVE, compare_pairs
from core.nway.statements import build_statements
from core.options import CompareOptions
from core.progress import Work

__all__ = [
    "MAX_DOCUMENTS",
    "MIN_DOCUMENTS",
    "Cell",
    "CrossFact",
    "CrossStatus",
    "NWayComparison",
    "PairResult",
    "Statement",
    "compare_many",
]


def compare_many(
    documents: Sequence[Document],
    options: CompareOptions | None = None,
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    jobs: int = 1,
    parallel_above: int = PARALLEL_ABOVE,
) -> NWayComparison:
    """Compare 2 to 8 documents: every pair, statements and facts across them."""
    docs = tuple(documents)
    if not MIN_DOCUMENTS <= len(docs) <= MAX_DOCUMENTS:
        raise ValueError(f"{len(docs)} articles: compare {MIN_DOCUMENTS} to {MAX_DOCUMENTS}")

    def pairs_progress(fraction: float) -> None:
        if progress is not None:
            progress(0.97 * fraction)

    check = Work(should_cancel=should_cancel).check
    pairs = compare_pairs(docs, options, pairs_progress, should_cancel, jobs, parallel_above)
    statements = build_statements(docs, pairs, check)
    facts = build_cross_facts(len(docs), pairs, check)
    if progress is not None:
        progress(1.0)
    return NWayComparison(
        documents=docs,
        pairs=pairs,
        statements=statements,
        facts=facts,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
