"""Word-level diff inside one link: which words are equal, changed, or on one side only.

rapidfuzz ``Indel.opcodes`` (longest common subsequence, so every word both sides share in the
same order shows as equal) over the two sides' word sequences (case-folded words mapped to ints);
a deletion next to an insertion becomes one replacement. The runs become ``DiffOp``s whose spans
index each Document's text. A run never crosses a sentence boundary, so a span never covers text
between two non-adjacent linked sentences.

Imports: rapidfuzz, core.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Indel

from core.model import DiffOp, DiffTag, Document, Span
from core.tokens import word_spans

# (start, end, folded word, sentence index)
_Word = tuple[int, int, str, int]


def _words(doc: Document, sentences: Sequence[int]) -> list[_Word]:
    out: list[_Word] = []
    for k in sentences:
        span = doc.sentences[k].span
        for start, end, folded in word_spans(span.of(doc.text), span.start):
            out.append((start, end, folded, k))
    return out


def _runs(words: list[_Word], lo: int, hi: int) -> list[Span]:
    """Spans of words[lo:hi], one per sentence they fall in."""
    spans: list[Span] = []
    k = lo
    while k < hi:
        m = k
        while m + 1 < hi and words[m + 1][3] == words[k][3]:
            m += 1
        spans.append(Span(words[k][0], words[m][1]))
        k = m + 1
    return spans


_TAGS = {
    "equal": DiffTag.EQUAL,
    "replace": DiffTag.REPLACE,
    "delete": DiffTag.DELETE,
    "insert": DiffTag.INSERT,
}


class _Op:
    __slots__ = ("dest_end", "dest_start", "src_end", "src_start", "tag")

    def __init__(self, tag: str, a0: int, a1: int, b0: int, b1: int) -> None:
        self.tag, self.src_start, self.src_end, self.dest_start, self.dest_end = tag, a0, a1, b0, b1


def _merged(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Join each delete/insert run between two equal runs into one replace."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, a0, _, b0, _ = out[-1]
            a1, b1 = max(out[-1][2], op[2]), max(out[-1][4], op[4])
            tag = "replace" if a1 > a0 and b1 > b0 else ("delete" if a1 > a0 else "insert")
            out[-1] = (tag, a0, a1, b0, b1)
        else:
            out.append(op)
    return out


def word_diff(
    a: Document, a_sents: Sequence[int], b: Document, b_sents: Sequence[int]
) -> tuple[DiffOp, ...]:
    """The diff of the words of ``a_sents`` of A against those of ``b_sents`` of B."""
    wa, wb = _words(a, a_sents), _words(b, b_sents)
    vocab: dict[str, int] = {}
    sa = [vocab.setdefault(w[2], len(vocab)) for w in wa]
    sb = [vocab.setdefault(w[2], len(vocab)) for w in wb]
    ops: list[DiffOp] = []
    for tag_name, a0, a1, b0, b1 in _merged(
        [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Indel.opcodes(sa, sb)]
    ):
        op = _Op(tag_name, a0, a1, b0, b1)
        tag = _TAGS[op.tag]
        if tag is DiffTag.EQUAL:
            # equal runs pair word by word: split where either side changes sentence
            k = 0
            n = op.src_end - op.src_start
            while k < n:
                m = k
                while (
                    m + 1 < n
                    and wa[op.src_start + m + 1][3] == wa[op.src_start + k][3]
                    and wb[op.dest_start + m + 1][3] == wb[op.dest_start + k][3]
                ):
                    m += 1
                ops.append(
                    DiffOp(
                        tag,
                        Span(wa[op.src_start + k][0], wa[op.src_start + m][1]),
                        Span(wb[op.dest_start + k][0], wb[op.dest_start + m][1]),
                    )
                )
                k = m + 1
            continue
        runs_a = _runs(wa, op.src_start, op.src_end)
        runs_b = _runs(wb, op.dest_start, op.dest_end)
        for k in range(max(len(runs_a), len(runs_b))):
            span_a = runs_a[k] if k < len(runs_a) else None
            span_b = runs_b[k] if k < len(runs_b) else None
            if span_a is not None and span_b is not None:
                ops.append(DiffOp(DiffTag.REPLACE, span_a, span_b))
            elif span_a is not None:
                ops.append(DiffOp(DiffTag.DELETE, span_a, None))
            else:
                ops.append(DiffOp(DiffTag.INSERT, None, span_b))
    return tuple(ops)
