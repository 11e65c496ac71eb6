"""Words to terms: one term id per word across both articles, spelling variants joined.

Two articles spell a name differently (``Kyiv``/``Kiev``) or use another derivation of one word
(``sudan``/``sudanese``); unless such words become one term, the sentences using them do not
share that word. The vocabulary of both sides is collected once, and words seen on one side
only look for a close spelling on the other (a rapidfuzz ratio, blocked by first letter and
length, scored with ``cdist``); words sharing a long prefix join too. Each joined set is named
by its shortest (then alphabetically first) word.
"""

from __future__ import annotations

import logging
from array import array

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from core.align.arrays import IntArray
from core.model import Document
from core.progress import Work
from core.tokens import STOP_WORDS, terms
from core.union_find import UnionFind

log = logging.getLogger(__name__)


class _Vocabulary:
    """Term ids shared by both sides, with counts of capitalized / lowercase occurrences."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.caps: list[int] = []
        self.lows: list[int] = []

    def collect(
        self, doc: Document, work: Work
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
                work.check()
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
    work: Work,
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
    work.check()
    all_a = [i for i in range(len(vocab)) if in_a[i] and eligible(vocab[i])]
    all_b = [i for i in range(len(vocab)) if in_b[i] and eligible(vocab[i])]
    work.check()
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
                work.check()
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
    edges += _prefix_edges(vocab, [i for i in range(len(vocab)) if eligible(vocab[i])], work)
    if not edges:
        return canon
    # A component's canonical id is its shortest (then alphabetically first) word: each union
    # keeps the root with the smaller (length, word).
    sets = UnionFind(len(vocab))

    def key(i: int) -> tuple[int, str]:
        return (len(vocab[i]), vocab[i])

    for n, (x, y) in enumerate(edges):
        if n % 20_000 == 0:
            work.check()
        rx, ry = sets.find(x), sets.find(y)
        if rx != ry:
            if key(rx) <= key(ry):
                sets.union(rx, ry)
            else:
                sets.union(ry, rx)
    work.check()
    for n, i in enumerate({x for e in edges for x in e}):
        if n % 20_000 == 0:
            work.check()
        canon[i] = sets.find(i)
    log.debug("fuzzy word matches: %d", len(edges))
    return canon


PREFIX_MIN = 5


def _prefix_edges(vocab: list[str], ids: list[int], work: Work) -> list[tuple[int, int]]:
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
            work.check()
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
