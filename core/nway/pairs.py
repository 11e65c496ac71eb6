"""Every pairwise comparison of N documents, in this process or in worker processes.

Each document is read once; the workers get all of them once (the pool's initializer) and are
then told only which two to compare, so no article is sent or read again per pair. Progress is
the share of pairs done (within a pair as well when they run here); cancel terminates the
workers, so it takes effect within the polling interval whatever a worker is doing. A worker
that dies (or cannot start) fails the run with one message instead of being replaced forever.

Imports: standard library, core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import combinations

from core.compare import compare
from core.errors import ArticleComparerError, Cancelled
from core.model import Comparison, Document
from core.nway.model import PairResult
from core.options import CompareOptions
from core.parallel import pool_context, stop_workers

#: below this many characters over all pairs, worker start-up costs more than it saves
PARALLEL_ABOVE = 400_000
_POLL = 0.02  # seconds between cancel checks while workers run

_worker_documents: tuple[Document, ...] = ()
_worker_options: CompareOptions | None = None


def _init_worker(documents: tuple[Document, ...], options: CompareOptions | None) -> None:
    global _worker_documents, _worker_options
    _worker_documents, _worker_options = documents, options


def _compare_in_worker(pair: tuple[int, int]) -> tuple[int, int, Comparison]:
    i, j = pair
    return i, j, compare(_worker_documents[i], _worker_documents[j], _worker_options)


def pair_indices(n: int) -> list[tuple[int, int]]:
    """``(i, j)`` with ``i < j`` for every two of ``n`` documents, in a fixed order."""
    return list(combinations(range(n), 2))


def compare_pairs(
    documents: Sequence[Document],
    options: CompareOptions | None = None,
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    jobs: int = 1,
    parallel_above: int = PARALLEL_ABOVE,
) -> tuple[PairResult, ...]:
    """``compare(documents[i], documents[j])`` for every ``i < j``, in ``pair_indices`` order."""
    docs = tuple(documents)
    pairs = pair_indices(len(docs))
    work = sum(len(docs[i].text) + len(docs[j].text) for i, j in pairs)
    if jobs > 1 and len(pairs) > 1 and work > parallel_above:
        return _in_workers(docs, pairs, options, progress, should_cancel, min(jobs, len(pairs)))
    results: list[PairResult] = []
    for k, (i, j) in enumerate(pairs):

        def within(fraction: float, k: int = k) -> None:
            if progress is not None:
                progress((k + fraction) / len(pairs))

        results.append(PairResult(i, j, compare(docs[i], docs[j], options, within, should_cancel)))
    return tuple(results)


def _in_workers(
    docs: tuple[Document, ...],
    pairs: list[tuple[int, int]],
    options: CompareOptions | None,
    progress: Callable[[float], None] | None,
    should_cancel: Callable[[], bool] | None,
    jobs: int,
) -> tuple[PairResult, ...]:
    found: dict[tuple[int, int], Comparison] = {}
    pool = ProcessPoolExecutor(jobs, pool_context(), _init_worker, (docs, options))
    finished = False
    try:
        pending = {pool.submit(_compare_in_worker, pair) for pair in pairs}
        while pending:
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            done, pending = wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    i, j, comparison = future.result()
                except BrokenProcessPool:
                    raise ArticleComparerError(
                        "a worker process stopped unexpectedly while comparing"
                    ) from None
                found[(i, j)] = comparison
            if done and progress is not None:
                progress(len(found) / len(pairs))
        finished = True
    finally:
        if not finished:  # cancelled or failed: stop the workers mid-pair
            stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
    return tuple(PairResult(i, j, found[(i, j)]) for i, j in pairs)
