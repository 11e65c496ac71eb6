"""Sentence alignment of two Documents: which sentences of A say what which sentences of B say.

Method (issue 4, measured by ``benchmarks/quality.py``):

1. Terms per content sentence (``core.tokens``): case folding, light stemming, month names as
   numbers. Spelling variants across the two sides (``Kyiv``/``Kiev``) become one term by a
   rapidfuzz ratio over the vocabulary, blocked by first letter and scored with ``cdist``.
2. Weights: IDF over the sentences of both articles, stop words weighed low, numbers and
   capitalized words (likely names) weighed up.
3. Candidates from an inverted index of the rarer terms (bounded postings products), ranked by
   their rare-term overlap, top few per sentence kept; then every candidate pair is scored in bulk
   with numpy (weighted Dice and the containment of each side in the other).
4. Neighbouring pairs (previous/next sentence of the same paragraph on both sides) support each
   other; then one-to-one links are chosen greedily by score (order is never forced: links may
   cross); adjacent unlinked sentences join a link when joint scoring says the group matches
   better (splits and merges); leftover sentences may take a second partner when clearly similar.

Everything is symmetric in A and B and independent of paragraph order (ties are broken by the
sentence texts), so swapping the articles mirrors the links.

Imports: numpy, rapidfuzz, core.
"""

from __future__ import annotations

import logging
import time
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from core.errors import Cancelled
from core.model import Document, Role
from core.options import CompareOptions
from core.tokens import STOP_WORDS, is_number, terms

log = logging.getLogger(__name__)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

#: keep at most this many candidates per sentence (ranked by rare-term overlap)
TOP_CANDIDATES = 8
#: a term proposes candidates only when (postings in A) x (postings in B) stays under this
MAX_TERM_PAIRS = 2500
#: ... and all proposing terms together stay under this many pairs per sentence
PAIRS_PER_SENTENCE = 100
#: pairs scored per numpy batch (keeps each step well under the 100 ms progress interval)
BATCH_PAIRS = 100_000


class Ticker:
    """Calls ``progress`` at most every 10 ms and checks ``should_cancel`` on every tick.

    The longest wait for progress is this interval plus the longest step between two ticks."""

    def __init__(
        self,
        progress: Callable[[float], None] | None,
        should_cancel: Callable[[], bool] | None,
    ) -> None:
        self._progress = progress
        self._cancel = should_cancel
        self._last = 0.0
        self.fraction = 0.0

    def __call__(self, fraction: float | None = None) -> None:
        if fraction is not None:
            self.fraction = max(self.fraction, min(1.0, fraction))
        if self._cancel is not None and self._cancel():
            raise Cancelled()
        if self._progress is not None:
            now = time.monotonic()
            if now - self._last >= 0.01:
                self._last = now
                self._progress(self.fraction)

    def done(self) -> None:
        self.fraction = 1.0
        if self._progress is not None:
            self._progress(1.0)


@dataclass(frozen=True, slots=True)
class Group:
    """One link before it becomes a ``core.model.Link``: sentence indices of each Document."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float  # weighted Dice of the two groups' terms
    cover_a: float  # share of the A group's weight that the B group carries
    cover_b: float
    identical: bool  # same words in the same order (case-folded)


@dataclass(slots=True)
class _Side:
    index: list[int]  # Document sentence index of each content sentence
    para: IntArray  # paragraph of each content sentence
    head: IntArray  # 1 for the headline's sentences, 2 for the lead sentence, else 0
    label: npt.NDArray[np.bool_]  # sentences of subheadings (section labels, not statements)
    indptr: IntArray  # CSR: terms of content sentence k are terms[indptr[k]:indptr[k+1]]
    terms: IntArray  # term ids, sorted and unique within a sentence
    total: FloatArray  # sum of term weights per sentence
    crc: list[int]  # checksum of the folded words, for order-free tie breaks
    folded: list[str]  # folded words joined, to tell identical sentences

    @property
    def n(self) -> int:
        return len(self.index)

    def term_set(self, k: int) -> set[int]:
        return set(self.terms[self.indptr[k] : self.indptr[k + 1]].tolist())


class _Vocabulary:
    """Term ids shared by both sides, with counts of capitalized / lowercase occurrences."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.caps: list[int] = []
        self.lows: list[int] = []

    def collect(
        self, doc: Document, tick: Ticker
    ) -> tuple[list[int], array[int], array[int], list[str]]:
        """Content sentences of ``doc``: their indices, term ids (flat), term counts, folded
        words. One pass, no per-word objects kept (a million-word side stays small and quick
        to free)."""
        ids, caps, lows = self.ids, self.caps, self.lows
        index: list[int] = []
        flat: array[int] = array("q")
        lens: array[int] = array("q")
        folded: list[str] = []
        text = doc.text
        for i, s in enumerate(doc.sentences):
            if i % 250 == 0:
                tick()
            if not doc.is_content_sentence(i):
                continue
            index.append(i)
            row = terms(text[s.span.start : s.span.end])
            for term, name in row:
                tid = ids.get(term)
                if tid is None:
                    tid = ids[term] = len(ids)
                    caps.append(0)
                    lows.append(0)
                if name:
                    caps[tid] += 1
                else:
                    lows[tid] += 1
                flat.append(tid)
            lens.append(len(row))
            folded.append(" ".join(t for t, _ in row))
        return index, flat, lens, folded


def _fuzzy_canon(
    vocab: list[str],
    in_a: npt.NDArray[np.bool_],
    in_b: npt.NDArray[np.bool_],
    cutoff: float,
    tick: Ticker,
) -> IntArray:
    """Map each term id to a canonical id, joining spelling variants found on opposite sides."""
    canon = np.arange(len(vocab), dtype=np.int64)
    if cutoff > 100:
        return canon

    def eligible(t: str) -> bool:
        return len(t) >= 5 and t.isalpha() and t not in STOP_WORDS

    # Only words seen on one side look for a partner on the other side (cheap and symmetric).
    only_a = [i for i in range(len(vocab)) if in_a[i] and not in_b[i] and eligible(vocab[i])]
    only_b = [i for i in range(len(vocab)) if in_b[i] and not in_a[i] and eligible(vocab[i])]
    tick()
    all_a = [i for i in range(len(vocab)) if in_a[i] and eligible(vocab[i])]
    all_b = [i for i in range(len(vocab)) if in_b[i] and eligible(vocab[i])]
    tick()
    edges: list[tuple[int, int]] = []
    for queries, choices in ((only_a, all_b), (only_b, all_a)):
        # a ratio >= cutoff needs the same first letter (by choice) and close lengths
        blocks: dict[tuple[str, int], list[int]] = {}
        for i in choices:
            blocks.setdefault((vocab[i][0], len(vocab[i])), []).append(i)
        qblocks: dict[tuple[str, int], list[int]] = {}
        for i in queries:
            qblocks.setdefault((vocab[i][0], len(vocab[i])), []).append(i)
        for (letter, length), qs in sorted(qblocks.items()):
            slack = int(length * (100 - cutoff) / cutoff) + 1
            # in word order, so that of equally close words the first by spelling wins
            cs = sorted(
                (
                    c
                    for n in range(length - slack, length + slack + 1)
                    for c in blocks.get((letter, n), ())
                ),
                key=vocab.__getitem__,
            )
            if not cs:
                continue
            for start in range(0, len(qs), 256):
                tick()
                chunk = qs[start : start + 256]
                scores = process.cdist(
                    [vocab[i] for i in chunk],
                    [vocab[i] for i in cs],
                    scorer=fuzz.ratio,
                    score_cutoff=cutoff,
                    dtype=np.uint8,
                    workers=1,
                )
                best = scores.argmax(axis=1)
                for row, col in enumerate(best.tolist()):
                    if scores[row, col] >= cutoff and scores[row, col] > 0:
                        edges.append((chunk[row], cs[col]))
    edges += _prefix_edges(vocab, [i for i in range(len(vocab)) if eligible(vocab[i])], tick)
    if not edges:
        return canon
    # Union-find; a component's canonical id is its shortest (then alphabetically first) word.
    parent = list(range(len(vocab)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def key(i: int) -> tuple[int, str]:
        return (len(vocab[i]), vocab[i])

    for n, (x, y) in enumerate(edges):
        if n % 20_000 == 0:
            tick()
        rx, ry = find(x), find(y)
        if rx != ry:
            if key(rx) <= key(ry):
                parent[ry] = rx
            else:
                parent[rx] = ry
    tick()
    for n, i in enumerate({x for e in edges for x in e}):
        if n % 20_000 == 0:
            tick()
        canon[i] = find(i)
    log.debug("fuzzy word matches: %d", len(edges))
    return canon


PREFIX_MIN = 5


def _prefix_edges(vocab: list[str], ids: list[int], tick: Ticker) -> list[tuple[int, int]]:
    """Derivations sharing a long prefix: ``sudan``/``sudanese``, ``europe``/``european``.

    Two stems join when the shorter is at least ``PREFIX_MIN`` letters and the common prefix
    covers 80% of the shorter one. Sorting puts such words next to each other, so this is
    near-linear in the vocabulary.
    """
    edges: list[tuple[int, int]] = []
    order = sorted(ids, key=lambda i: vocab[i])
    window: list[int] = []
    for n, i in enumerate(order):
        if n % 2000 == 0:
            tick()
        w = vocab[i]
        window = [k for k in window if vocab[k][:PREFIX_MIN] == w[:PREFIX_MIN]]
        for k in window:
            v = vocab[k]
            short = min(len(v), len(w))
            common = 0
            while common < short and v[common] == w[common]:
                common += 1
            if common >= max(PREFIX_MIN, 0.8 * short):
                edges.append((k, i))
        window.append(i)
        if len(window) > 8:
            window.pop(0)
    return edges


def _headline_marks(doc: Document, index: list[int]) -> IntArray:
    """1 for sentences of the first title paragraph, 2 for the first body sentence (the lead,
    only below a headline: an article without one may start anywhere)."""
    marks = np.zeros(len(index), dtype=np.int64)
    title_para = next((k for k, p in enumerate(doc.paragraphs) if p.role is Role.TITLE), None)
    lead_seen = title_para is None  # without a headline there is no lead either
    for k, i in enumerate(index):
        p = doc.sentences[i].paragraph
        if p == title_para:
            marks[k] = 1
        elif not lead_seen and doc.paragraphs[p].role is Role.BODY:
            marks[k] = 2
            lead_seen = True
    return marks


def _build_sides(
    a: Document, b: Document, opts: CompareOptions, tick: Ticker
) -> tuple[_Side, _Side, FloatArray, FloatArray, IntArray, int]:
    """Both sides' term rows, the term weights, the weights of content words (no names, no stop
    words), the rarer terms that propose candidates, and the vocabulary size."""
    voc = _Vocabulary()
    idx_a, flat_a, len_a, folded_a = voc.collect(a, tick)
    tick(0.10)
    idx_b, flat_b, len_b, folded_b = voc.collect(b, tick)
    tick(0.20)
    vocab_ids, caps, lows = voc.ids, voc.caps, voc.lows
    flats, lens = [flat_a, flat_b], [len_a, len_b]
    vocab = list(vocab_ids)
    nv = len(vocab)
    flat_ids = [
        np.frombuffer(f, dtype=np.int64) if len(f) else np.zeros(0, np.int64) for f in flats
    ]
    lengths_all = [
        np.frombuffer(n, dtype=np.int64) if len(n) else np.zeros(0, np.int64) for n in lens
    ]
    in_side = [np.zeros(nv, dtype=bool), np.zeros(nv, dtype=bool)]
    for side in (0, 1):
        in_side[side][flat_ids[side]] = True
    tick(0.25)
    canon = _fuzzy_canon(vocab, in_side[0], in_side[1], opts.fuzzy_cutoff, tick)
    tick(0.30)

    built: list[tuple[IntArray, IntArray]] = []
    for side in (0, 1):
        n_rows = len(lengths_all[side])
        flat = canon[flat_ids[side]]
        tick()
        owner = np.repeat(np.arange(n_rows, dtype=np.int64), lengths_all[side])
        key = _unique_rows(owner, flat, nv, tick)  # sorted, unique (sentence, term)
        tick()
        sent = key // nv
        term_ids = key % nv
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(sent, minlength=n_rows), out=indptr[1:])
        built.append((indptr, term_ids))
        tick(0.33 + 0.03 * side)

    df_a = np.bincount(built[0][1], minlength=nv).astype(np.int64)
    df_b = np.bincount(built[1][1], minlength=nv).astype(np.int64)
    df = df_a + df_b
    n_total = max(1, len(idx_a) + len(idx_b))
    weight = np.zeros(nv, dtype=np.float64)
    present = df > 0
    weight[present] = np.log1p(n_total / df[present])
    stop = np.fromiter((v in STOP_WORDS for v in vocab), dtype=bool, count=nv)
    number = np.fromiter((is_number(v) for v in vocab), dtype=bool, count=nv)
    caps_a = np.asarray(caps, dtype=np.int64)
    lows_a = np.asarray(lows, dtype=np.int64)
    # names: fold the capital counts onto canonical ids too
    caps_c = np.bincount(canon, weights=caps_a, minlength=nv)
    lows_c = np.bincount(canon, weights=lows_a, minlength=nv)
    name = (caps_c > lows_c) & ~number
    weight[stop] *= opts.stop_weight
    weight[number] *= opts.number_boost
    weight[name & ~stop] *= opts.name_boost
    content_weight = np.where(name | stop, 0.0, weight)
    tick(0.40)

    sides: list[_Side] = []
    for side, (doc, index, folded) in enumerate(((a, idx_a, folded_a), (b, idx_b, folded_b))):
        indptr, term_ids = built[side]
        n = len(index)
        total = np.zeros(n, dtype=np.float64)
        if len(term_ids):
            owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
            total = np.bincount(owner, weights=weight[term_ids], minlength=n).astype(np.float64)
        tick()
        sides.append(
            _Side(
                index=index,
                para=np.asarray([doc.sentences[i].paragraph for i in index], dtype=np.int64),
                head=_headline_marks(doc, index),
                label=np.asarray(
                    [
                        doc.paragraphs[doc.sentences[i].paragraph].role is Role.HEADING
                        for i in index
                    ],
                    dtype=bool,
                ),
                indptr=indptr,
                terms=term_ids,
                total=total,
                crc=[zlib.crc32(f.encode("utf-8", "surrogatepass")) for f in folded],
                folded=folded,
            )
        )
        tick()
    # stop words propose candidates too while their postings are short (small articles), so
    # sentences made of short words still find their counterpart
    # The rarest terms first, within a pair budget linear in the number of sentences: the work
    # of candidate generation grows linearly with the articles, whatever their vocabulary.
    # Terms of one product are taken all or none, so that no term is picked by its id.
    prod = df_a * df_b
    usable = np.flatnonzero((prod <= MAX_TERM_PAIRS) & (prod > 0))
    budget = PAIRS_PER_SENTENCE * (len(idx_a) + len(idx_b)) + MAX_TERM_PAIRS
    ps = np.sort(prod[usable])
    last = np.flatnonzero(np.append(ps[1:] != ps[:-1], len(ps) > 0))  # last of each run
    fits = last[np.cumsum(ps)[last] <= budget]
    rare = usable[prod[usable] <= ps[fits[-1]]] if len(fits) else usable[:0]
    tick()
    return sides[0], sides[1], weight, content_weight, np.sort(rare), nv


def _unique(x: IntArray) -> IntArray:
    """Sorted unique values (a sort: numpy's hash-based ``unique`` is slower on big arrays)."""
    if len(x) == 0:
        return x
    y = np.sort(x)
    keep = np.ones(len(y), dtype=bool)
    keep[1:] = y[1:] != y[:-1]
    return y[keep]


def _unique_rows(owner: IntArray, flat: IntArray, nv: int, tick: Ticker) -> IntArray:
    """``_unique(owner * nv + flat)`` for a non-decreasing ``owner``, sorted a block of whole
    rows at a time (rows hold disjoint key ranges) with a tick between blocks."""
    parts = [np.zeros(0, dtype=np.int64)]
    start = 0
    while start < len(owner):
        tick()
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


def _group_max(out: FloatArray, group: IntArray, values: FloatArray, tick: Ticker) -> None:
    """``out[g] = max(values of group g)``, in batches (``ufunc.at`` is slow, one sort is long)."""
    for start in range(0, len(group), BATCH_PAIRS):
        tick()
        g_all, v_all = group[start : start + BATCH_PAIRS], values[start : start + BATCH_PAIRS]
        order = np.argsort(g_all, kind="stable")
        g = g_all[order]
        starts = np.flatnonzero(np.concatenate(([True], g[1:] != g[:-1])))
        ids = g[starts]
        out[ids] = np.maximum(out[ids], np.maximum.reduceat(v_all[order], starts))


def _postings(side: _Side, nv: int, tick: Ticker) -> tuple[IntArray, IntArray]:
    """Inverted index: for each term, the sentences holding it (CSR over terms).

    A stable counting sort in blocks of ``BATCH_PAIRS`` terms, with a tick between blocks:
    each block's postings go after those of the earlier blocks, in sentence order.
    """
    owner = np.repeat(np.arange(side.n, dtype=np.int64), np.diff(side.indptr))
    ptr = np.zeros(nv + 1, dtype=np.int64)
    np.cumsum(np.bincount(side.terms, minlength=nv), out=ptr[1:])
    fill = ptr[:-1].copy()
    post = np.empty(len(side.terms), dtype=np.int64)
    for start in range(0, len(side.terms), BATCH_PAIRS):
        tick()
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


def _best_partners(
    sq: _Side,
    so: _Side,
    weight: FloatArray,
    is_rare: npt.NDArray[np.bool_],
    nv: int,
    tick: Ticker,
    fractions: tuple[float, float],
) -> tuple[IntArray, IntArray]:
    """Each sentence of ``sq`` with its ``TOP_CANDIDATES`` best partners in ``so`` by shared
    rare-term weight (ties broken by the partners' text checksums), as (``sq`` index, ``so``
    index) pairs in ``sq`` order.

    Works through ``sq`` in blocks of whole sentences sized so each block expands to about
    ``BATCH_PAIRS`` postings: memory and the time between progress ticks stay bounded.
    """
    ptr_o, post_o = _postings(so, nv, tick)
    tick()
    df_o = np.diff(ptr_o)
    entry_cost = np.where(is_rare[sq.terms], df_o[sq.terms], 0)
    cost_cum = np.concatenate(([0], np.cumsum(entry_cost)))[sq.indptr]  # per sentence boundary
    crc_o = np.asarray(so.crc, dtype=np.int64)
    kept_q: list[IntArray] = []
    kept_o: list[IntArray] = []
    s0 = 0
    while s0 < sq.n:
        tick(fractions[0] + (fractions[1] - fractions[0]) * s0 / sq.n)
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
        tick()
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


def _candidates(
    sa: _Side, sb: _Side, weight: FloatArray, rare: IntArray, nv: int, tick: Ticker
) -> tuple[IntArray, IntArray]:
    """Candidate pairs (content indices): the best few partners of every sentence of A and of
    every sentence of B (the same pairs whichever article is A), their neighbours and the
    headline pairs; sorted by A index, then B index."""
    if sa.n == 0 or sb.n == 0 or len(rare) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    tick()
    is_rare = np.zeros(nv, dtype=bool)
    is_rare[rare] = True
    tick(0.45)
    a_of_a, b_of_a = _best_partners(sa, sb, weight, is_rare, nv, tick, (0.45, 0.50))
    b_of_b, a_of_b = _best_partners(sb, sa, weight, is_rare, nv, tick, (0.50, 0.55))
    pairs = _unique(np.concatenate((a_of_a * sb.n + b_of_a, a_of_b * sb.n + b_of_b)))
    ia, ib = pairs // sb.n, pairs % sb.n
    tick(0.56)
    # the previous/next pairs (same paragraphs) are candidates too, so that neighbouring links
    # can support a pair that shares only short words ("That is all" / "That's all");
    # done in ranges of A sentences (ia is sorted) so each step stays small
    out: list[IntArray] = []
    pos = 0
    while pos < len(ia):
        tick(0.56 + 0.02 * pos / len(ia))
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
    keys = np.concatenate(out) if out else np.zeros(0, dtype=np.int64)  # sorted, unique
    extra = _unique(np.concatenate(heads))
    if len(keys) == 0:
        keys = extra
    elif len(extra):
        at = np.searchsorted(keys, extra)
        known = (at < len(keys)) & (keys[np.minimum(at, len(keys) - 1)] == extra)
        keys = np.insert(keys, at[~known], extra[~known])
    tick(0.58)
    ia, ib = np.empty_like(keys), np.empty_like(keys)
    for start in range(0, len(keys), BATCH_PAIRS):
        tick()
        sl = slice(start, start + BATCH_PAIRS)
        np.divmod(keys[sl], sb.n, out=(ia[sl], ib[sl]))
    tick()
    return ia, ib


def _score(
    sa: _Side, sb: _Side, weight: FloatArray, ia: IntArray, ib: IntArray, nv: int, tick: Ticker
) -> FloatArray:
    """Shared term weight of each candidate pair, in bulk."""
    b_keys = np.repeat(np.arange(sb.n, dtype=np.int64), np.diff(sb.indptr)) * nv + sb.terms
    tick()
    shared = np.zeros(len(ia), dtype=np.float64)
    for start in range(0, len(ia), BATCH_PAIRS // 8):
        tick(0.55 + 0.15 * start / max(1, len(ia)))
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
    tick: Ticker,
) -> FloatArray:
    """Best Dice of the previous or next pair (same paragraph on both sides), if >= floor."""
    keys = ia * sb.n + ib
    tick()
    if len(keys) > 1 and not bool(np.all(keys[1:] > keys[:-1])):
        order = np.argsort(keys, kind="stable")
    else:
        order = np.arange(len(keys))  # candidates arrive sorted
    sorted_keys = keys[order]
    support = np.zeros(len(ia), dtype=np.float64)
    for start in range(0, len(ia), BATCH_PAIRS):
        tick()
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


def align(
    a: Document,
    b: Document,
    opts: CompareOptions,
    tick: Ticker,
) -> list[Group]:
    """Link groups of sentences of A and B; see the module docstring for the method."""
    sa, sb, weight, content_weight, rare, nv = _build_sides(a, b, opts, tick)
    ia, ib = _candidates(sa, sb, weight, rare, nv, tick)
    if len(ia) == 0:
        return []
    shared = _score(sa, sb, weight, ia, ib, nv, tick)
    tick(0.72)
    denom = sa.total[ia] + sb.total[ib]
    tick()
    dice: FloatArray = np.where(denom > 0, 2 * shared / np.maximum(denom, 1e-12), 0.0)
    tick()
    dice = np.round(np.minimum(dice, 1.0), 9).astype(np.float64)
    tick(0.73)
    support = _neighbour_support(sa, sb, ia, ib, dice, opts.link_threshold, tick)
    tick(0.74)
    boosted = np.where(dice >= opts.min_similarity, dice + opts.neighbour_bonus * support, 0.0)
    boosted = np.round(np.minimum(boosted, 2.0), 9)
    tick()
    # Two articles about one event: their headlines, a headline and the other side's lead, and
    # the two leads tell the same main event, so a little shared wording is enough there.
    head_pair = (sa.head[ia] >= 1) & (sb.head[ib] >= 1)
    head_pair &= dice >= opts.headline_min
    # ... if the articles are about one event at all: enough sentences have a good partner,
    # counted on the side with fewer of them so that either article may be A
    good = dice >= opts.link_threshold
    well_matched = min(np.count_nonzero(np.bincount(ix[good], minlength=1)) for ix in (ia, ib))
    if well_matched < opts.related_share * max(1, min(sa.n, sb.n)):
        head_pair[:] = False
        # Articles about different events often name the same people and places (one town's
        # mayor in a fire report and a sports report): there a pair must share more than names.
        content = _score(sa, sb, content_weight, ia, ib, nv, tick)
        weak = 2 * content / np.maximum(denom, 1e-12) < opts.min_similarity
        # ... and only clearly similar sentences link (short generic sentences share a word)
        weak |= dice < opts.extra_link_threshold
        dice[weak] = 0.0
        boosted[weak] = 0.0
    tick()
    boosted = np.where(head_pair, np.maximum(boosted, dice + opts.headline_bonus), boosted)
    # a subheading is a section label ("Heart disease"), not a statement: the sentence that
    # mentions its words does not say what it says; it links to a label or to a close paraphrase
    label_only = (sa.label[ia] != sb.label[ib]) & (dice < opts.extra_link_threshold)
    boosted[label_only] = 0.0
    tick()
    cont_a = shared / np.maximum(sa.total[ia], 1e-12)
    tick()
    cont_b = shared / np.maximum(sb.total[ib], 1e-12)
    tick(0.75)
    # the pairs the grouping steps may look up: possible links and possible joins
    useful = np.flatnonzero(
        (boosted >= opts.link_threshold)
        | (cont_a >= opts.join_containment)
        | (cont_b >= opts.join_containment)
    )
    pair_shared: dict[int, float] = {}
    for start in range(0, len(useful), BATCH_PAIRS // 2):
        tick()
        part = useful[start : start + BATCH_PAIRS // 2]
        pair_shared.update(
            zip((ia[part] * sb.n + ib[part]).tolist(), shared[part].tolist(), strict=True)
        )
    tick(0.76)
    grouper = _Grouper(sa, sb, weight, pair_shared, opts, tick)
    cand = np.flatnonzero(boosted >= opts.link_threshold)
    # order: score desc, then an order-free, A/B-symmetric tie break on the sentence texts,
    # then closeness of relative position (so duplicated sentences pair in order)
    ca, cb = ia[cand], ib[cand]
    crc_a = np.asarray(sa.crc, dtype=np.int64)[ca]
    crc_b = np.asarray(sb.crc, dtype=np.int64)[cb]
    rel = np.round(np.abs(ca / max(1, sa.n) - cb / max(1, sb.n)), 9)
    order = np.lexsort((rel, np.maximum(crc_a, crc_b), np.minimum(crc_a, crc_b), -boosted[cand]))
    tick(0.77)
    grouper.link_greedy(ca[order].tolist(), cb[order].tolist())
    tick(0.82)
    grouper.join_neighbours()
    tick(0.90)
    # a sentence mostly carried by another links to it too, if the pair is nearly as good as
    # the carried sentence's best pair (a short headline is "carried" by many sentences)
    best_a = np.zeros(sa.n, dtype=np.float64)
    best_b = np.zeros(sb.n, dtype=np.float64)
    _group_max(best_a, ia, dice, tick)
    _group_max(best_b, ib, dice, tick)
    carried = np.empty(len(ia), dtype=bool)
    for start in range(0, len(ia), BATCH_PAIRS):
        tick()
        sl = slice(start, start + BATCH_PAIRS)
        pa, pb, pd = cont_a[sl], cont_b[sl], dice[sl]
        best_of_carried = np.where(pa >= pb, best_a[ia[sl]], best_b[ib[sl]])
        carried[sl] = (
            (np.maximum(pa, pb) >= opts.contain_threshold)
            & (pd >= opts.min_similarity)
            & (pd >= opts.contain_relative * best_of_carried)
            & ~label_only[sl]
        )
    tick()
    # the lead sums the story up: it links to later sentences that restate part of it
    one_lead = (sa.head[ia] == 2) | (sb.head[ib] == 2)
    one_lead &= (sa.head[ia] != 1) & (sb.head[ib] != 1)
    tick()
    lead_pair = (
        one_lead
        & (dice >= opts.lead_link)
        & (dice >= opts.lead_relative * best_a[ia])
        & (dice >= opts.lead_relative * best_b[ib])
        & ~label_only
    )
    tick()
    extra = np.flatnonzero(
        (dice >= opts.extra_link_threshold)
        | carried
        | lead_pair
        | (head_pair & (boosted >= opts.link_threshold))
    )
    tick(0.92)
    grouper.extra_links(ia[extra].tolist(), ib[extra].tolist())
    tick(0.95)
    return grouper.groups()


class _Grouper:
    """Builds link groups from scored candidate pairs (content indices of each side)."""

    def __init__(
        self,
        sa: _Side,
        sb: _Side,
        weight: FloatArray,
        pair_shared: dict[int, float],
        opts: CompareOptions,
        tick: Ticker,
    ) -> None:
        self.sa, self.sb, self.w = sa, sb, weight
        self.pair_shared = pair_shared
        self.opts = opts
        self.tick = tick
        self.link_of_a: dict[int, int] = {}
        self.link_of_b: dict[int, int] = {}
        self.links: list[tuple[list[int], list[int]]] = []
        self.extra: list[tuple[int, int]] = []

    def shared(self, i: int, j: int) -> float:
        return self.pair_shared.get(i * self.sb.n + j, 0.0)

    def wsum(self, ids: set[int]) -> float:
        if not ids:
            return 0.0
        return float(self.w[np.fromiter(ids, dtype=np.int64, count=len(ids))].sum())

    def link_greedy(self, ca: list[int], cb: list[int]) -> None:
        for k, (i, j) in enumerate(zip(ca, cb, strict=True)):
            if k % 5000 == 0:
                self.tick()
            if i in self.link_of_a or j in self.link_of_b:
                continue
            self.link_of_a[i] = self.link_of_b[j] = len(self.links)
            self.links.append(([i], [j]))

    def _joint(self, group_a: list[int], group_b: list[int]) -> tuple[float, float, float]:
        ta: set[int] = set()
        for i in group_a:
            ta |= self.sa.term_set(i)
        tb: set[int] = set()
        for j in group_b:
            tb |= self.sb.term_set(j)
        # rounded: a set's sum depends on its order in the last bit
        wa, wb, ws = (round(self.wsum(t), 9) for t in (ta, tb, ta & tb))
        dice = 2 * ws / (wa + wb) if wa + wb > 0 else 0.0
        return dice, (ws / wa if wa else 0.0), (ws / wb if wb else 0.0)

    def join_neighbours(self) -> None:
        """Splits and merges: free adjacent sentences join a link when joint scoring improves.

        Claims are made against the one-to-one links only and then settled by containment,
        so the result does not depend on which side or which link is looked at first.
        """
        claims: dict[tuple[str, int], tuple[float, int, int]] = {}
        for k, (ga, gb) in enumerate(self.links):
            if k % 500 == 0:
                self.tick()
            for side in ("a", "b"):
                mine, other = (ga, gb) if side == "a" else (gb, ga)
                s_mine = self.sa if side == "a" else self.sb
                taken = self.link_of_a if side == "a" else self.link_of_b
                pivot = mine[0]
                for step in (-1, 1):
                    group = list(mine)
                    base: tuple[float, float, float] | None = None
                    cur = pivot
                    for _ in range(2):
                        nxt = cur + step
                        if not 0 <= nxt < s_mine.n or nxt in taken:
                            break
                        if s_mine.para[nxt] != s_mine.para[cur]:
                            break
                        own = self.sa.total[nxt] if side == "a" else self.sb.total[nxt]
                        sh = sum(
                            self.shared(nxt, o) if side == "a" else self.shared(o, nxt)
                            for o in other
                        )
                        contain = sh / own if own > 0 else 0.0
                        if contain < self.opts.join_containment:
                            break
                        if base is None:
                            base = (
                                self._joint(group, other)
                                if side == "a"
                                else self._joint(other, group)
                            )
                        trial = [*group, nxt]
                        joint = (
                            self._joint(trial, other) if side == "a" else self._joint(other, trial)
                        )
                        if joint[0] <= base[0]:
                            break
                        prev = claims.get((side, nxt))
                        if prev is None or (contain, -k) > (prev[0], -prev[1]):
                            claims[(side, nxt)] = (contain, k, step)
                        group, base, cur = trial, joint, nxt
        for (side, idx), (_, k, _) in sorted(claims.items()):
            ga, gb = self.links[k]
            if side == "a":
                ga.append(idx)
                self.link_of_a[idx] = k
            else:
                gb.append(idx)
                self.link_of_b[idx] = k

    def extra_links(self, ea: list[int], eb: list[int]) -> None:
        """Many-to-many: further pairs that are clearly similar, or where one sentence is mostly
        carried by the other, link even when both sentences are already linked elsewhere."""
        # a sentence already linked to an identical sentence is fully accounted for
        self.tick()
        exact_a = {ga[0] for ga, gb in self.links if self._identical(ga, gb)}
        self.tick()
        exact_b = {gb[0] for ga, gb in self.links if self._identical(ga, gb)}
        for n, (i, j) in enumerate(zip(ea, eb, strict=True)):
            if n % 20_000 == 0:
                self.tick()
            k = self.link_of_a.get(i)
            if (k is not None and j in self.links[k][1]) or i in exact_a or j in exact_b:
                continue
            self.extra.append((i, j))

    def _identical(self, ga: list[int], gb: list[int]) -> bool:
        return len(ga) == len(gb) == 1 and self.sa.folded[ga[0]] == self.sb.folded[gb[0]]

    def groups(self) -> list[Group]:
        out: list[Group] = []
        pairs = [(sorted(ga), sorted(gb)) for ga, gb in self.links]
        pairs += [([i], [j]) for i, j in sorted(set(self.extra))]
        for k, (ga, gb) in enumerate(pairs):
            if k % 500 == 0:
                self.tick()
            if len(ga) == len(gb) == 1:
                # a one-to-one link: its figures come from the bulk scores
                sh = self.shared(ga[0], gb[0])
                wa, wb = float(self.sa.total[ga[0]]), float(self.sb.total[gb[0]])
                dice = 2 * sh / (wa + wb) if wa + wb > 0 else 0.0
                cov_a, cov_b = (sh / wa if wa else 0.0), (sh / wb if wb else 0.0)
            else:
                dice, cov_a, cov_b = self._joint(ga, gb)
            identical = [self.sa.folded[i] for i in ga] == [self.sb.folded[j] for j in gb]
            if identical:
                dice = cov_a = cov_b = 1.0
            out.append(
                Group(
                    a=tuple(self.sa.index[i] for i in ga),
                    b=tuple(self.sb.index[j] for j in gb),
                    similarity=min(1.0, max(0.0, round(dice, 4))),
                    # rounded like the scores: sums over terms in another order differ in the
                    # last bit, and swapping the articles must not change a figure
                    cover_a=round(min(1.0, cov_a), 9),
                    cover_b=round(min(1.0, cov_b), 9),
                    identical=identical,
                )
            )
        return self._sorted(out)

    def _sorted(self, out: list[Group]) -> list[Group]:
        """``sorted(out, key=(a, b))`` in steps: a stable numpy sort on each group's first A
        sentence, then the few groups sharing one sorted by their full key, ticking between."""
        self.tick()
        first = np.fromiter((g.a[0] for g in out), dtype=np.int64, count=len(out))
        order = np.argsort(first, kind="stable")
        ordered = [out[k] for k in order.tolist()]
        firsts = first[order].tolist()
        self.tick()
        result: list[Group] = []
        start = 0
        for end in range(1, len(ordered) + 1):
            if end % 5000 == 0:
                self.tick()
            if end < len(ordered) and firsts[end] == firsts[start]:
                continue
            if end - start == 1:
                result.append(ordered[start])
            else:
                result += sorted(ordered[start:end], key=lambda g: (g.a, g.b))
            start = end
        return result
