"""Running one batch item: read its files once, compare, and make its result line.

``run_item`` never raises for a bad item: an input that cannot be read, a manifest problem or a
bug becomes ``{"ok": false, "error": "<one line>"}``, so one item cannot stop a run. It is a
plain top-level function of plain data, so worker processes and Dask workers can run it.

Imports: standard library, core.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from core.batch.manifest import Item
from core.compare import compare
from core.errors import ArticleComparerError
from core.export.json_report import summary_dict, to_dict
from core.fetch import is_url
from core.inputs import read_input
from core.model import Document

log = logging.getLogger(__name__)


def _read(name: str) -> Document:
    """A listed file, or a web page when the manifest gives an http(s) address."""
    return read_input(name if is_url(name) else Path(name))


def _pair_summary(item: Item, full: bool) -> dict[str, Any]:
    a, b = (_read(f) for f in item.files)
    comparison = compare(a, b)
    out = summary_dict(comparison.summary)
    if full:
        out["report"] = to_dict(comparison)
    return out


def _cluster_summary(item: Item, full: bool) -> dict[str, Any]:
    from core.export.nway_json import summary
    from core.nway import compare_many

    nway = compare_many([_read(f) for f in item.files])
    out = summary(nway)
    out["pairs"] = [
        {
            "a": p.i,
            "b": p.j,
            "a_shared": round(p.comparison.summary.a_shared, 4),
            "b_shared": round(p.comparison.summary.b_shared, 4),
            "links": p.comparison.summary.links,
            "conflicts": p.comparison.summary.conflicts,
        }
        for p in nway.pairs
    ]
    if full:
        from core.export.nway_json import to_dict

        out["report"] = to_dict(nway)
    return out


def run_item(item: Item, full: bool = False) -> dict[str, Any]:
    """The result line of ``item``: its summary (and with ``full`` its whole report), or error."""
    started = time.perf_counter()
    head: dict[str, Any] = {"id": item.id, "line": item.line, "files": list(item.files)}
    try:
        if item.problem is not None:
            raise ArticleComparerError(item.problem)
        body = _pair_summary(item, full) if len(item.files) == 2 else _cluster_summary(item, full)
        result = {**head, "ok": True, "kind": item.kind, **body}
    except ArticleComparerError as e:
        result = {**head, "ok": False, "error": str(e)}
    except Exception as e:  # a bug must cost one item, not the run
        log.debug("item %s failed", item.id, exc_info=True)
        result = {**head, "ok": False, "error": f"internal error: {type(e).__name__}: {e}"}
    result["seconds"] = round(time.perf_counter() - started, 4)
    return result


def run_items(items: list[Item], full: bool = False) -> list[dict[str, Any]]:
    """``run_item`` for each of a few items: one task for several short items, so the cost of
    handing a task to a worker (a few milliseconds on a cluster) is paid once for them all."""
    return [run_item(item, full) for item in items]


def chunk_size(total: int, workers: int, most: int = 8) -> int:
    """Items per task: up to ``most``, small enough that every worker gets about eight tasks."""
    return max(1, min(most, total // max(1, workers * 8)))
