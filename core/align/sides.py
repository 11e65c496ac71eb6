"""Each article as rows of weighted terms: the input every later stage reads.

A side holds, per content sentence, its sorted unique term ids (CSR), their summed weight, its
paragraph, whether it belongs to the headline, the lead or a subheading, and its folded words
(to tell identical sentences and to break ties by text rather than by position). Term weights
are an IDF over the sentences of both articles, stop words weighed low, numbers and likely names
weighed up. The rarer terms, within a pair budget linear in the number of sentences, are chosen
here too: only they propose candidate pairs.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from core.align.arrays import FloatArray, IntArray, _unique_rows
from core.align.words import _fuzzy_canon, _Vocabulary
from core.model import Document, Role
from core.options import CompareOptions
from core.progress import Work
from core.tokens import STOP_WORDS, is_number

#: a term proposes candidates only when (postings in A) x (postings in B) stays under this
MAX_TERM_PAIRS = 2500
#: ... and all proposing terms together stay under this many pairs per sentence
PAIRS_PER_SENTENCE = 100


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
    a: Document, b: Document, opts: CompareOptions, work: Work
) -> tuple[_Side, _Side, FloatArray, FloatArray, IntArray, int]:
    """Both sides' term rows, the term weights, the weights of content words (no names, no stop
    words), the rarer terms that propose candidates, and the vocabulary size."""
    with work.stage("terms"):
        voc = _Vocabulary()
        idx_a, flat_a, len_a, folded_a = voc.collect(a, work)
        work.advance(0.47)
        idx_b, flat_b, len_b, folded_b = voc.collect(b, work)
        work.advance(0.74)
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
        work.advance(0.8)
        canon = _fuzzy_canon(vocab, in_side[0], in_side[1], opts.fuzzy_cutoff, work)
    with work.stage("sides"):
        built: list[tuple[IntArray, IntArray]] = []
        for side in (0, 1):
            n_rows = len(lengths_all[side])
            flat = canon[flat_ids[side]]
            work.check()
            owner = np.repeat(np.arange(n_rows, dtype=np.int64), lengths_all[side])
            key = _unique_rows(owner, flat, nv, work)  # sorted, unique (sentence, term)
            work.check()
            sent = key // nv
            term_ids = key % nv
            indptr = np.zeros(n_rows + 1, dtype=np.int64)
            np.cumsum(np.bincount(sent, minlength=n_rows), out=indptr[1:])
            built.append((indptr, term_ids))
            work.advance(0.2 + 0.2 * side)

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
        work.advance(0.67)

        sides: list[_Side] = []
        for side, (doc, index, folded) in enumerate(((a, idx_a, folded_a), (b, idx_b, folded_b))):
            indptr, term_ids = built[side]
            n = len(index)
            total = np.zeros(n, dtype=np.float64)
            if len(term_ids):
                owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
                total = np.bincount(owner, weights=weight[term_ids], minlength=n).astype(np.float64)
            work.check()
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
            work.check()
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
        work.check()
    return sides[0], sides[1], weight, content_weight, np.sort(rare), nv
