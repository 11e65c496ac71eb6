"""Scores of the candidate pairs, in bulk: shared term weight and neighbour support.

Each candidate pair's shared term weight (from which Dice and the containment of each side in
the other follow) is computed with numpy over all pairs at once, in batches. A pair whose
previous or next pair in the same paragraphs also matches gets that neighbour's Dice as support:
sentences of a paraphrased passage stand together.
"""

from __future__ import annotations

import numpy as np

from core.align.arrays import BATCH_PAIRS, FloatArray, IntArray, _expand
from core.align.sides import _Side
from core.progress import Work


def _score(
    sa: _Side, sb: _Side, weight: FloatArray, ia: IntArray, ib: IntArray, nv: int, work: Work
) -> FloatArray:
    """Shared term weight of each candidate pair, in bulk."""
    b_keys = np.repeat(np.arange(sb.n, dtype=np.int64), np.diff(sb.indptr)) * nv + sb.terms
    work.check()
    shared = np.zeros(len(ia), dtype=np.float64)
    for start in range(0, len(ia), BATCH_PAIRS // 8):
        work.advance(start / max(1, len(ia)))
        stop = min(len(ia), start + BATCH_PAIRS // 8)
        which, t = _expand(sa.indptr, sa.terms, ia[start:stop])
        probe = ib[start:stop][which] * nv + t
        pos = np.searchsorted(b_keys, probe)
        pos[pos >= len(b_keys)] = 0
        found = b_keys[pos] == probe if len(b_keys) else np.zeros(len(probe), dtype=bool)
        shared[start:stop] = np.bincount(
            which[found], weights=weight[t[found]], minlength=stop - start
        )
    return shared


def _neighbour_support(
    sa: _Side,
    sb: _Side,
    ia: IntArray,
    ib: IntArray,
    dice: FloatArray,
    floor: float,
    work: Work,
) -> FloatArray:
    """Best Dice of the previous or next pair (same paragraph on both sides), if >= floor."""
    keys = ia * sb.n + ib
    work.check()
    if len(keys) > 1 and not bool(np.all(keys[1:] > keys[:-1])):
        order = np.argsort(keys, kind="stable")
    else:
        order = np.arange(len(keys))  # candidates arrive sorted
    sorted_keys = keys[order]
    support = np.zeros(len(ia), dtype=np.float64)
    for start in range(0, len(ia), BATCH_PAIRS):
        work.check()
        stop = min(len(ia), start + BATCH_PAIRS)
        ca, cb = ia[start:stop], ib[start:stop]
        for step in (-1, 1):
            na, nb = ca + step, cb + step
            ok = (na >= 0) & (na < sa.n) & (nb >= 0) & (nb < sb.n)
            ok[ok] &= (sa.para[na[ok]] == sa.para[ca[ok]]) & (sb.para[nb[ok]] == sb.para[cb[ok]])
            probe = na * sb.n + nb
            pos = np.searchsorted(sorted_keys, probe)
            pos[pos >= len(sorted_keys)] = 0
            hit = ok & (sorted_keys[pos] == probe)
            val = np.where(hit, dice[order[pos]], 0.0)
            val[val < floor] = 0.0
            support[start:stop] = np.maximum(support[start:stop], val)
    return support
