"""Batch items on this machine: in this process (``jobs=1``) or on worker processes.

Items go to the workers a few at a time (one task per chunk, so the hand-over cost is paid once
per chunk), and at most a few tasks per worker are in flight, so a run of a million items holds
a few futures and Ctrl+C stops it quickly. Results come back in order of completion. A worker
that dies (the system killed it, say for memory) fails the items it may have held, with that
message, and a new pool takes the rest.

Imports: standard library, core.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from core.batch.items import chunk_size, run_item, run_items
from core.batch.manifest import Item
from core.parallel import pool_context, stop_workers

_IN_FLIGHT_PER_JOB = 3  # tasks queued per worker
_DIED = "{}: a worker process stopped unexpectedly"


def _failed(item: Item, message: str) -> dict[str, Any]:
    return {"id": item.id, "line": item.line, "files": list(item.files), "ok": False,
            "error": message}  # fmt: skip


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_local(items: Sequence[Item], full: bool = False, jobs: int = 1) -> Iterator[dict[str, Any]]:
    """Result lines of ``items`` as they finish (a few items a task, see ``chunk_size``)."""
    if jobs <= 1:
        for item in items:
            yield run_item(item, full)
        return
    todo = _chunks(items, chunk_size(len(items), jobs))
    pool = ProcessPoolExecutor(jobs, mp_context=pool_context())
    pending: dict[Future[list[dict[str, Any]]], list[Item]] = {}
    finished_all = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * _IN_FLIGHT_PER_JOB:
                nxt = next(todo, None)
                if nxt is None:
                    exhausted = True
                    break
                pending[pool.submit(run_items, nxt, full)] = nxt
            if not pending:
                finished_all = True
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                chunk = pending.pop(future)
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken = True
                    yield from (_failed(item, _DIED.format(item.id)) for item in chunk)
            if broken:
                for chunk in pending.values():
                    yield from (_failed(item, _DIED.format(item.id)) for item in chunk)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(jobs, mp_context=pool_context())
    finally:
        if not finished_all:  # stopped (Ctrl+C, the caller closed us): do not wait for workers
            stop_workers(pool)
        pool.shutdown(wait=finished_all, cancel_futures=True)
