"""Candidate pairs: the few sentences of the other article worth scoring for each sentence.

Scoring every pair of sentences is quadratic; instead an inverted index of the rarer terms
proposes partners, each sentence keeps its ``TOP_CANDIDATES`` best by shared rare-term weight,
from both directions so that swapping the articles gives the same pairs. The neighbours of
those pairs (same paragraphs) are added, so that context can support a pair that shares only
short words, and so are the headline and lead pairs, which may link on little shared wording.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from core.align.arrays import (
    BATCH_PAIRS,
    FloatArray,
    IntArray,
    _expand,
    _top_per_group,
    _unique,
    _unique_inverse,
)
from core.align.sides import _Side
from core.progress import Work

#: keep at most this many candidates per sentence (ranked by rare-term overlap)
TOP_CANDIDATES = 8


def _postings(side: _Side, nv: int, work: Work) -> tuple[IntArray, IntArray]:
    """Inverted index: for each term, the sentences holding it (CSR over terms).

    A stable counting sort in blocks of ``BATCH_PAIRS`` terms, with a cancel check between blocks:
    each block's postings go after those of the earlier blocks, in sentence order.
    """
    owner = np.repeat(np.arange(side.n, dtype=np.int64), np.diff(side.indptr))
    ptr = np.zeros(nv + 1, dtype=np.int64)
    np.cumsum(np.bincount(side.terms, minlength=nv), out=ptr[1:])
    fill = ptr[:-1].copy()
    post = np.empty(len(side.terms), dtype=np.int64)
    for start in range(0, len(side.terms), BATCH_PAIRS):
        work.check()
        t = side.terms[start : start + BATCH_PAIRS]
        order = np.argsort(t, kind="stable")
        ts = t[order]
        first = np.ones(len(ts), dtype=bool)
        first[1:] = ts[1:] != ts[:-1]
        starts = np.flatnonzero(first)
        sizes = np.diff(np.append(starts, len(ts)))
        rank = np.arange(len(ts), dtype=np.int64) - np.repeat(starts, sizes)
        post[fill[ts] + rank] = owner[start : start + BATCH_PAIRS][order]
        fill[ts[starts]] += sizes
    return ptr, post


def _best_partners(
    sq: _Side,
    so: _Side,
    weight: FloatArray,
    is_rare: npt.NDArray[np.bool_],
    nv: int,
    work: Work,
    fractions: tuple[float, float],
) -> tuple[IntArray, IntArray]:
    """Each sentence of ``sq`` with its ``TOP_CANDIDATES`` best partners in ``so`` by shared
    rare-term weight (ties broken by the partners' text checksums), as (``sq`` index, ``so``
    index) pairs in ``sq`` order.

    Works through ``sq`` in blocks of whole sentences sized so each block expands to about
    ``BATCH_PAIRS`` postings: memory and the time between progress reports stay bounded.
    """
    ptr_o, post_o = _postings(so, nv, work)
    work.check()
    df_o = np.diff(ptr_o)
    entry_cost = np.where(is_rare[sq.terms], df_o[sq.terms], 0)
    cost_cum = np.concatenate(([0], np.cumsum(entry_cost)))[sq.indptr]  # per sentence boundary
    crc_o = np.asarray(so.crc, dtype=np.int64)
    kept_q: list[IntArray] = []
    kept_o: list[IntArray] = []
    s0 = 0
    while s0 < sq.n:
        work.advance(fractions[0] + (fractions[1] - fractions[0]) * s0 / sq.n)
        s1 = int(np.searchsorted(cost_cum, cost_cum[s0] + BATCH_PAIRS, side="right")) - 1
        s1 = min(sq.n, max(s1, s0 + 1))
        lo, hi = int(sq.indptr[s0]), int(sq.indptr[s1])
        t = sq.terms[lo:hi]
        owner = np.repeat(np.arange(s0, s1, dtype=np.int64), np.diff(sq.indptr[s0 : s1 + 1]))
        sel = is_rare[t]
        t, owner = t[sel], owner[sel]
        s0 = s1
        if len(t) == 0:
            continue
        which, io = _expand(ptr_o, post_o, t)
        uniq, inverse = _unique_inverse(owner[which] * so.n + io)
        work.check()
        # rounded: the same pair summed in the other direction differs in the last bit
        score = np.round(np.bincount(inverse, weights=weight[t[which]], minlength=len(uniq)), 9)
        iq, io_c = uniq // so.n, uniq % so.n
        best = _top_per_group(iq, score.astype(np.float64), crc_o[io_c], TOP_CANDIDATES)
        kept_q.append(iq[best])
        kept_o.append(io_c[best])
    empty = np.zeros(0, dtype=np.int64)
    return (
        np.concatenate(kept_q) if kept_q else empty,
        np.concatenate(kept_o) if kept_o else empty,
    )


def _copies(sa: _Side, sb: _Side) -> IntArray:
    """The k-th copy of a sentence repeated word for word in an article with its k-th copy in
    the other. Copies tie on every score, so they all choose the same few partners and the
    later copies would have none: identical articles would not be wholly shared."""

    def copies(side: _Side) -> tuple[dict[tuple[int, int], int], dict[int, int]]:
        count: dict[int, int] = {}
        at: dict[tuple[int, int], int] = {}
        for i, crc in enumerate(side.crc):
            k = count.get(crc, 0)
            count[crc] = k + 1
            at[(crc, k)] = i
        return at, count

    at_a, count_a = copies(sa)
    at_b, count_b = copies(sb)
    pairs = [
        at_a[key] * sb.n + j
        for key, j in at_b.items()
        if key in at_a and max(count_a[key[0]], count_b[key[0]]) > 1
    ]
    return np.asarray(pairs, dtype=np.int64)


def _candidates(
    sa: _Side, sb: _Side, weight: FloatArray, rare: IntArray, nv: int, work: Work
) -> tuple[IntArray, IntArray]:
    """Candidate pairs (content indices): the best few partners of every sentence of A and of
    every sentence of B (the same pairs whichever article is A), their neighbours and the
    headline pairs; sorted by A index, then B index."""
    if sa.n == 0 or sb.n == 0 or len(rare) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    work.check()
    is_rare = np.zeros(nv, dtype=bool)
    is_rare[rare] = True
    a_of_a, b_of_a = _best_partners(sa, sb, weight, is_rare, nv, work, (0.0, 0.375))
    b_of_b, a_of_b = _best_partners(sb, sa, weight, is_rare, nv, work, (0.375, 0.75))
    pairs = _unique(np.concatenate((a_of_a * sb.n + b_of_a, a_of_b * sb.n + b_of_b)))
    ia, ib = pairs // sb.n, pairs % sb.n
    work.advance(0.75)
    # the previous/next pairs (same paragraphs) are candidates too, so that neighbouring links
    # can support a pair that shares only short words ("That is all" / "That's all");
    # done in ranges of A sentences (ia is sorted) so each step stays small
    out: list[IntArray] = []
    pos = 0
    while pos < len(ia):
        work.advance(0.75 + 0.25 * pos / len(ia))
        lo = int(ia[pos])
        end = min(len(ia), pos + BATCH_PAIRS)
        hi = int(ia[end - 1]) + 1  # A sentences [lo, hi)
        p0 = int(np.searchsorted(ia, lo - 1, side="left"))
        p1 = int(np.searchsorted(ia, hi + 1, side="left"))
        ca, cb = ia[p0:p1], ib[p0:p1]
        more_a, more_b = [ca], [cb]
        for step in (-1, 1):
            na, nb = ca + step, cb + step
            ok = (na >= 0) & (na < sa.n) & (nb >= 0) & (nb < sb.n)
            ok[ok] &= (sa.para[na[ok]] == sa.para[ca[ok]]) & (sb.para[nb[ok]] == sb.para[cb[ok]])
            more_a.append(na[ok])
            more_b.append(nb[ok])
        all_a, all_b = np.concatenate(more_a), np.concatenate(more_b)
        inside = (all_a >= lo) & (all_a < hi)
        out.append(_unique(all_a[inside] * sb.n + all_b[inside]))
        pos = int(np.searchsorted(ia, hi, side="left"))
    # headline pairs: the two headlines, and each headline with the other side's lead
    ta, la = np.flatnonzero(sa.head == 1), np.flatnonzero(sa.head == 2)
    tb, lb = np.flatnonzero(sb.head == 1), np.flatnonzero(sb.head == 2)
    heads = [np.zeros(0, dtype=np.int64)]
    for xs, ys in ((ta, tb), (ta, lb), (la, tb), (la, lb)):
        heads.append((xs[:, None] * sb.n + ys[None, :]).ravel())
    heads.append(_copies(sa, sb))
    keys = np.concatenate(out) if out else np.zeros(0, dtype=np.int64)  # sorted, unique
    extra = _unique(np.concatenate(heads))
    if len(keys) == 0:
        keys = extra
    elif len(extra):
        at = np.searchsorted(keys, extra)
        known = (at < len(keys)) & (keys[np.minimum(at, len(keys) - 1)] == extra)
        keys = np.insert(keys, at[~known], extra[~known])
    ia, ib = np.empty_like(keys), np.empty_like(keys)
    for start in range(0, len(keys), BATCH_PAIRS):
        work.check()
        sl = slice(start, start + BATCH_PAIRS)
        np.divmod(keys[sl], sb.n, out=(ia[sl], ib[sl]))
    work.check()
    return ia, ib
