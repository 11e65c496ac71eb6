"""Batch items on this machine: in this process (``jobs=1``) or on worker processes.

At most a few items per worker are in flight, so a run of a million items holds a few futures,
and Ctrl+C stops it quickly. Results come back in order of completion. A worker that dies (the
system killed it, say for memory) fails the items it may have held, with that message, and a
new pool takes the rest.

Imports: standard library, core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from core.batch.items import run_item
from core.batch.manifest import Item
from core.parallel import pool_context

_IN_FLIGHT_PER_JOB = 4


def _failed(item: Item, message: str) -> dict[str, Any]:
    return {"id": item.id, "line": item.line, "files": list(item.files), "ok": False,
            "error": message}  # fmt: skip


def run_local(items: Iterable[Item], full: bool = False, jobs: int = 1) -> Iterator[dict[str, Any]]:
    """Result lines of ``items`` as they finish."""
    if jobs <= 1:
        for item in items:
            yield run_item(item, full)
        return
    todo = iter(items)
    pool = ProcessPoolExecutor(jobs, mp_context=pool_context())
    pending: dict[Future[dict[str, Any]], Item] = {}
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * _IN_FLIGHT_PER_JOB:
                nxt = next(todo, None)
                if nxt is None:
                    exhausted = True
                    break
                pending[pool.submit(run_item, nxt, full)] = nxt
            if not pending:
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                item = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    yield _failed(item, f"{item.id}: a worker process stopped unexpectedly")
            if broken:
                for item in pending.values():
                    yield _failed(item, f"{item.id}: a worker process stopped unexpectedly")
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(jobs, mp_context=pool_context())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
