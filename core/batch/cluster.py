"""Batch items on an existing Dask distributed cluster (``dask.distributed.Client``).

The client submits items as tasks (a bounded number in flight, topped up as they finish) and
yields the results in order of completion; the caller writes them, so the output file lives
where the client runs. Workers run ``core.batch.items.run_item``: they need article-comparer
installed and must see the listed files at the same paths (a shared folder); the paths are
made absolute here. No scheduler is written here: the cluster is whatever ``address`` names.

Imports: standard library, core, dask.distributed (the ``cluster`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from core.batch.items import run_item
from core.batch.manifest import Item
from core.errors import ArticleComparerError

_IN_FLIGHT_PER_THREAD = 4
CONNECT_TIMEOUT = 20.0  # seconds to reach the scheduler before giving up


def run_dask(
    items: Iterable[Item], address: str, full: bool = False, timeout: float = CONNECT_TIMEOUT
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
        window = max(8, threads * _IN_FLIGHT_PER_THREAD)
        todo = iter(items)
        held: dict[object, Item] = {}

        def submit() -> Any:
            item = next(todo, None)
            if item is None:
                return None
            future = client.submit(run_item, item, full, pure=False)
            held[future.key] = item
            return future

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        running = as_completed(first, loop=client.loop)
        for future in running:
            item = held.pop(future.key)
            try:
                yield future.result()
            except Exception as e:  # the task itself failed (a worker died, say)
                yield {"id": item.id, "line": item.line, "files": list(item.files),
                       "ok": False, "error": f"{item.id}: {type(e).__name__}: {e}"}  # fmt: skip
            future.release()
            nxt = submit()
            if nxt is not None:
                running.add(nxt)
    finally:
        client.close()
