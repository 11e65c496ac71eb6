"""Batch items on an existing Dask distributed cluster (``dask.distributed.Client``).

The client submits items as tasks of a few items each (a bounded number in flight, topped up as
they finish) and
yields the results in order of completion; the caller writes them, so the output file lives
where the client runs. Workers run ``core.batch.items.run_items``: they need article-comparer
installed and must see the listed files at the same paths (a shared folder); the paths are
made absolute here. No scheduler is written here: the cluster is whatever ``address`` names.

Imports: standard library, core, dask.distributed (the ``cluster`` extra).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from core.batch.items import chunk_size, run_items
from core.batch.manifest import Item
from core.errors import ArticleComparerError

_IN_FLIGHT_PER_THREAD = 3
CONNECT_TIMEOUT = 20.0  # seconds to reach the scheduler before giving up


def _failed(item: Item, message: str) -> dict[str, Any]:
    return {"id": item.id, "line": item.line, "files": list(item.files), "ok": False,
            "error": message}  # fmt: skip


def run_dask(
    items: Sequence[Item], address: str, full: bool = False, timeout: float = CONNECT_TIMEOUT
) -> Iterator[dict[str, Any]]:
    """Result lines of ``items`` as the cluster at ``address`` finishes them."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ArticleComparerError(
            "--dask needs dask.distributed: pip install 'article-comparer[cluster]'"
        ) from None
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ArticleComparerError(f"{address}: cannot reach the Dask scheduler ({e})") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        window = max(4, threads * _IN_FLIGHT_PER_THREAD)
        listed = list(items)
        size = chunk_size(len(listed), threads)
        todo = iter([listed[k : k + size] for k in range(0, len(listed), size)])
        held: dict[object, list[Item]] = {}

        def submit() -> Any:
            chunk = next(todo, None)
            if chunk is None:
                return None
            future = client.submit(run_items, chunk, full, pure=False)
            held[future.key] = chunk
            return future

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        running = as_completed(first, loop=client.loop)
        for future in running:
            chunk = held.pop(future.key)
            try:
                results = future.result()
            except Exception as e:  # the task itself failed (a worker died, say)
                message = f"{type(e).__name__}: {e}"
                results = [_failed(item, f"{item.id}: {message}") for item in chunk]
            future.release()
            nxt = submit()
            if nxt is not None:
                running.add(nxt)
            yield from results
    finally:
        client.close()
