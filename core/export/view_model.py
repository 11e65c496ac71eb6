"""Format-neutral views of a Comparison that every exporter shares.

Which links each sentence belongs to, its counterparts, groups of linked sentences (connected
components, so a sentence split in two or sitting in two links is shown once), and the runs of
a sentence that carry marks (changed words, conflicting facts). Exporters read these and never
recompute alignment or facts.

Imports: standard library, core.model and core.labels.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from core.labels import FACT_STATUS_LABEL
from core.model import (
    Comparison,
    DiffTag,
    Document,
    FactStatus,
    Side,
    Sides,
    Span,
)
from core.union_find import UnionFind

_OTHER: dict[Side, Side] = {"a": "b", "b": "a"}
#: diff tags that mark a side's words as changed: A's words are deleted, B's inserted
_CHANGED = Sides(
    frozenset({DiffTag.REPLACE, DiffTag.DELETE}), frozenset({DiffTag.REPLACE, DiffTag.INSERT})
)

_FACT_ORDER = {status: n for n, status in enumerate(FACT_STATUS_LABEL)}


def facts_in_order(comparison: Comparison) -> list[int]:
    """Fact indices for a report: conflicts first, then shared, only in A, only in B."""
    facts = comparison.facts
    return sorted(range(len(facts)), key=lambda f: (_FACT_ORDER[facts[f].status], f))


def hand_edit_counts(comparison: Comparison) -> dict[str, int]:
    """How much of the comparison was decided by hand: links made, sentences marked per side."""
    return {
        "links": sum(1 for link in comparison.links if link.by == "hand"),
        "marks_a": sum(1 for c in comparison.coverage_a if c.mark),
        "marks_b": sum(1 for c in comparison.coverage_b if c.mark),
    }


def other(side: Side) -> Side:
    return _OTHER[side]


@dataclass(frozen=True, slots=True)
class SentenceLinks:
    """For one side: the links (indices into ``Comparison.links``) of each sentence."""

    links: tuple[tuple[int, ...], ...]
    counterparts: tuple[tuple[int, ...], ...]


def sentence_links(comparison: Comparison, side: Side) -> SentenceLinks:
    """Links and counterpart sentences of every sentence of ``side``, read from the links."""
    doc = comparison.document(side)
    n = len(doc.sentences)
    n_other = len(comparison.document(other(side)).sentences)
    links: list[list[int]] = [[] for _ in range(n)]
    counterparts: list[set[int]] = [set() for _ in range(n)]
    for k, link in enumerate(comparison.links):
        mine, theirs = link.side(side), link.side(other(side))
        valid_theirs = [j for j in theirs if 0 <= j < n_other]
        for i in mine:
            if 0 <= i < n:
                links[i].append(k)
                counterparts[i].update(valid_theirs)
    return SentenceLinks(
        tuple(tuple(x) for x in links), tuple(tuple(sorted(c)) for c in counterparts)
    )


@dataclass(frozen=True, slots=True)
class Group:
    """Linked sentences that belong together: every link touching any of them."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    links: tuple[int, ...]


def link_groups(comparison: Comparison) -> tuple[Group, ...]:
    """Connected components of the link graph, ordered by their first A sentence."""
    n_a, n_b = len(comparison.a.sentences), len(comparison.b.sentences)
    sets = UnionFind(n_a + n_b)
    valid: list[tuple[int, list[int]]] = []
    for k, link in enumerate(comparison.links):
        nodes = [i for i in link.a if 0 <= i < n_a] + [n_a + j for j in link.b if 0 <= j < n_b]
        if not nodes:
            continue
        valid.append((k, nodes))
        for node in nodes[1:]:
            sets.union(nodes[0], node)
    members: dict[int, tuple[set[int], set[int], list[int]]] = {}
    for k, nodes in valid:
        root = sets.find(nodes[0])
        a_set, b_set, ks = members.setdefault(root, (set(), set(), []))
        ks.append(k)
        for node in nodes:
            if node < n_a:
                a_set.add(node)
            else:
                b_set.add(node - n_a)
    groups = [Group(tuple(sorted(a)), tuple(sorted(b)), tuple(ks)) for a, b, ks in members.values()]
    groups.sort(key=lambda g: (g.a[0] if g.a else n_a, g.b[0] if g.b else n_b))
    return tuple(groups)


def clip(span: Span, doc: Document) -> Span | None:
    """``span`` limited to the document's text, or None when nothing of it is left."""
    end = min(span.end, len(doc.text))
    return Span(span.start, end) if span.start < end else None


def diff_spans(comparison: Comparison, side: Side, link_indices: Iterable[int]) -> list[Span]:
    """Spans of ``side``'s words that differ in the given links (replaced, or on one side only)."""
    doc = comparison.document(side)
    wanted = _CHANGED.get(side)
    out: list[Span] = []
    for k in link_indices:
        for op in comparison.links[k].diff:
            span = op.side(side)
            if op.tag in wanted and span is not None:
                clipped = clip(span, doc)
                if clipped is not None:
                    out.append(clipped)
    return out


def conflict_spans(comparison: Comparison, side: Side) -> list[tuple[Span, int]]:
    """Spans of conflicting facts on ``side`` with the index of their fact."""
    doc = comparison.document(side)
    out: list[tuple[Span, int]] = []
    for f, fact in enumerate(comparison.facts):
        if fact.status != FactStatus.CONFLICT:
            continue
        for span in fact.side(side):
            clipped = clip(span, doc)
            if clipped is not None:
                out.append((clipped, f))
    return out


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a sentence and the marks on it (``diff``: changed words; ``facts``)."""

    start: int
    end: int
    diff: bool
    facts: tuple[int, ...]


def runs(span: Span, diffs: Sequence[Span], facts: Sequence[tuple[Span, int]]) -> list[Run]:
    """Cut ``span`` into runs at every mark boundary inside it (marks may overlap)."""
    cuts = {span.start, span.end}
    inside_d = [d for d in diffs if d.overlaps(span)]
    inside_f = [(s, f) for s, f in facts if s.overlaps(span)]
    for d in inside_d:
        cuts.update((max(d.start, span.start), min(d.end, span.end)))
    for s, _ in inside_f:
        cuts.update((max(s.start, span.start), min(s.end, span.end)))
    points = sorted(cuts)
    out: list[Run] = []
    for start, end in pairwise(points):
        diff = any(d.start <= start and end <= d.end for d in inside_d)
        fs = tuple(sorted({f for s, f in inside_f if s.start <= start and end <= s.end}))
        out.append(Run(start, end, diff, fs))
    return out


def percent(fraction: float) -> str:
    return f"{round(100 * fraction)}%"


# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and the direction marks
# (U+200E, U+200F, U+061C).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def drop_bidi(text: str) -> str:
    """``text`` without bidirectional formatting characters, for reports a person reads.

    An override or embedding that an article leaves open reorders whatever follows it on the
    line, the report's own labels and numbers too; a stray terminator would close any isolation
    we put around the article. Dropping them is the one rule that holds in HTML, Markdown and
    QTextDocument (the PDF) alike; letters keep their own direction. The JSON report is data and
    keeps the text exactly (its spans index it).
    """
    return text.translate(_NO_BIDI)


def collapse(text: str) -> str:
    """Whitespace runs (newlines included) as single spaces, ends stripped."""
    return " ".join(text.split())


def bucket_by_sentence(
    doc: Document, items: Iterable[tuple[Span, int]]
) -> dict[int, list[tuple[Span, int]]]:
    """Group marked spans by the sentences they touch, so each sentence looks only at its own."""
    out: dict[int, list[tuple[Span, int]]] = {}
    starts = [s.span.start for s in doc.sentences]
    for span, tag in items:
        first = doc.sentence_at(span.start)
        if first is None:
            # The span starts between sentences: begin at the next sentence.
            first = bisect_right(starts, span.start)
        i = first
        while i < len(doc.sentences) and doc.sentences[i].span.start < span.end:
            if doc.sentences[i].span.overlaps(span):
                out.setdefault(i, []).append((span, tag))
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class ConflictView:
    """One conflict as a report opens with it: each side's value, the sentence it sits in (as
    text before / the value's own words / text after), and why the two disagree."""

    fact: int
    kind: str
    value_a: str
    value_b: str
    sentence_a: tuple[str, str, str]
    sentence_b: tuple[str, str, str]
    why: str


def _in_sentence(doc: Document, span: Span | None) -> tuple[str, str, str]:
    if span is None:
        return ("", "", "")
    i = doc.sentence_at(span.start)
    whole = doc.sentences[i].span if i is not None else span
    start, end = min(whole.start, span.start), max(whole.end, span.end)
    text = doc.text
    return (
        collapse(text[start : span.start]),
        collapse(text[span.start : span.end]),
        collapse(text[span.end : end]),
    )


def conflict_views(comparison: Comparison) -> list[ConflictView]:
    """The content conflicts, in the order of A's text, for the top of every report."""
    out: list[ConflictView] = []
    for f, fact in enumerate(comparison.facts):
        if fact.status != FactStatus.CONFLICT or not fact.content:
            continue
        va, vb = fact.values or (fact.value, fact.value)
        out.append(
            ConflictView(
                f,
                str(fact.kind),
                va,
                vb,
                _in_sentence(comparison.a, fact.a[0] if fact.a else None),
                _in_sentence(comparison.b, fact.b[0] if fact.b else None),
                fact.why,
            )
        )
    return out
