"""Array types, the batch size and the numpy helpers every stage shares.

The stages work on flat int64/float64 arrays (CSR rows of term ids, pairs as keys
``a * n_b + b``); these helpers sort, deduplicate, expand and reduce such arrays in steps of
``BATCH_PAIRS`` items, with a cancel check between steps, so no single numpy call runs long.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from core.progress import Work

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: pairs scored per numpy batch (keeps each step well under the 100 ms progress interval)
BATCH_PAIRS = 100_000


def _unique(x: IntArray) -> IntArray:
    """Sorted unique values (a sort: numpy's hash-based ``unique`` is slower on big arrays)."""
    if len(x) == 0:
        return x
    y = np.sort(x)
    keep = np.ones(len(y), dtype=bool)
    keep[1:] = y[1:] != y[:-1]
    return y[keep]


def _unique_rows(owner: IntArray, flat: IntArray, nv: int, work: Work) -> IntArray:
    """``_unique(owner * nv + flat)`` for a non-decreasing ``owner``, sorted a block of whole
    rows at a time (rows hold disjoint key ranges) with a cancel check between blocks."""
    parts = [np.zeros(0, dtype=np.int64)]
    start = 0
    while start < len(owner):
        work.check()
        stop = min(len(owner), start + BATCH_PAIRS)
        if stop < len(owner):  # back to the start of a row, or on to the end of this one
            stop = int(np.searchsorted(owner, owner[stop], side="left"))
            if stop <= start:
                stop = int(np.searchsorted(owner, owner[start], side="right"))
        parts.append(_unique(owner[start:stop] * nv + flat[start:stop]))
        start = stop
    return np.concatenate(parts)


def _unique_inverse(x: IntArray) -> tuple[IntArray, IntArray]:
    """Sorted unique values and, for each input, the index of its value among them."""
    order = np.argsort(x, kind="stable")
    y = x[order]
    first = np.ones(len(y), dtype=bool)
    first[1:] = y[1:] != y[:-1]
    inverse = np.empty(len(x), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return y[first], inverse


def _group_max(out: FloatArray, group: IntArray, values: FloatArray, work: Work) -> None:
    """``out[g] = max(values of group g)``, in batches (``ufunc.at`` is slow, one sort is long)."""
    for start in range(0, len(group), BATCH_PAIRS):
        work.check()
        g_all, v_all = group[start : start + BATCH_PAIRS], values[start : start + BATCH_PAIRS]
        order = np.argsort(g_all, kind="stable")
        g = g_all[order]
        starts = np.flatnonzero(np.concatenate(([True], g[1:] != g[:-1])))
        ids = g[starts]
        out[ids] = np.maximum(out[ids], np.maximum.reduceat(v_all[order], starts))


def _expand(ptr: IntArray, items: IntArray, keys: IntArray) -> tuple[IntArray, IntArray]:
    """For each key k, all ``items[ptr[k]:ptr[k+1]]``; returns (position of key, item)."""
    counts = ptr[keys + 1] - ptr[keys]
    total = int(counts.sum())
    which = np.repeat(np.arange(len(keys), dtype=np.int64), counts)
    starts = np.repeat(ptr[keys], counts)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    return which, items[starts + offsets]


def _top_per_group(
    group: IntArray, score: FloatArray, tie: IntArray, keep: int
) -> npt.NDArray[np.bool_]:
    """The ``keep`` best scores per group; ties broken by ``tie`` (text checksums, not order)."""
    order = np.lexsort((tie, -score, group))
    g = group[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    starts = np.flatnonzero(first)
    rank = np.arange(len(g)) - np.repeat(starts, np.diff(np.append(starts, len(g))))
    mask = np.zeros(len(g), dtype=bool)
    mask[order[rank < keep]] = True
    return mask
