"""Statements: sentences linked across articles, grouped into connected sets (union-find).

The links of all pairwise comparisons join their sentences, strongest link first; a statement
is one connected set. A link that would merge two statements each holding other sentences of
one article is not followed, so a weak link cannot chain a whole story into one statement. So a
sentence belongs to exactly one statement, and a content sentence no other article links
is a statement of its own ("only here"). Captions, bylines and boilerplate are left out, as they
are out of alignment. A cell is a conflict where a conflicting fact of some pair lies in the
article's sentences of that statement, shared where one of them is shared with another article,
partial otherwise, and unique when no other article carries the statement.

Imports: standard library, core.model, core.nway.model.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from core.model import Coverage, Document, FactStatus
from core.nway.model import Cell, PairResult, Statement
from core.progress import no_check
from core.union_find import UnionFind


def _join_links(
    pairs: Sequence[PairResult], offsets: list[int], check: Callable[[], None]
) -> UnionFind:
    """Union-find over all sentences, joined along the links strongest first.

    A link is not followed where it would put into one statement sentences of one article
    that are already in two statements (other than the link's own sentences): otherwise one
    weak link (a headline to a first sentence) chains whole articles into one statement.
    """
    total = offsets[-1] if offsets else 0
    uf = UnionFind(total)
    members: dict[int, list[int]] = {}
    links: list[tuple[float, int, int, list[int]]] = []
    for k, p in enumerate(pairs):
        oa, ob = offsets[p.i], offsets[p.j]
        for n, link in enumerate(p.comparison.links):
            nodes = [oa + s for s in link.a] + [ob + s for s in link.b]
            links.append((-link.similarity, k, n, nodes))
    links.sort(key=lambda item: item[:3])

    def doc_of(node: int) -> int:
        return bisect_right(offsets, node) - 1

    for step, (_, _, _, nodes) in enumerate(links):
        if step % 256 == 0:
            check()
        roots = {uf.find(x) for x in nodes}
        if len(roots) == 1:
            continue
        own = set(nodes)
        holders: dict[int, list[int]] = {}  # document -> touched roots holding it
        for r in roots:
            for d in {doc_of(x) for x in members.get(r, [r])}:
                holders.setdefault(d, []).append(r)
        clash = any(
            len(rs) > 1
            and any(doc_of(x) == d and x not in own for r in rs for x in members.get(r, [r]))
            for d, rs in holders.items()
        )
        if clash:
            continue
        joined = [x for r in roots for x in members.pop(r, [r])]
        first = nodes[0]
        for x in nodes[1:]:
            uf.union(first, x)
        members[uf.find(first)] = joined
    return uf


def build_statements(
    documents: Sequence[Document],
    pairs: Sequence[PairResult],
    check: Callable[[], None] = no_check,
) -> tuple[Statement, ...]:
    """The statements of ``documents`` given their pairwise comparisons, in document order."""
    offsets: list[int] = []
    total = 0
    for doc in documents:
        offsets.append(total)
        total += len(doc.sentences)
    offsets.append(total)  # one past the last document, so bisect finds every node's document
    uf = _join_links(pairs, offsets, check)
    shared: set[int] = set()  # nodes shared (not only partly) with some other article
    conflicted: set[int] = set()
    for p in pairs:
        check()
        c = p.comparison
        oa, ob = offsets[p.i], offsets[p.j]
        for side, d, off in (("a", p.i, oa), ("b", p.j, ob)):
            for s, cov in enumerate(c.coverage(side)):  # type: ignore[arg-type]
                if cov.counted and cov.status is Coverage.SHARED:
                    shared.add(off + s)
            doc = documents[d]
            for fact in c.facts:
                if fact.status is not FactStatus.CONFLICT:
                    continue
                for span in fact.side(side):  # type: ignore[arg-type]
                    at = doc.sentence_at(span.start)
                    if at is not None:
                        conflicted.add(off + at)
    groups: dict[int, list[int]] = {}
    for d, doc in enumerate(documents):
        check()
        for s in range(len(doc.sentences)):
            if doc.is_content_sentence(s):
                groups.setdefault(uf.find(offsets[d] + s), []).append(offsets[d] + s)
    n = len(documents)
    out: list[Statement] = []
    for nodes in groups.values():  # in order of first appearance: document order
        held: list[list[int]] = [[] for _ in range(n)]
        cells: list[Cell] = [Cell.ABSENT] * n
        for node in nodes:
            d = bisect_right(offsets, node) - 1
            held[d].append(node - offsets[d])
        several = sum(1 for h in held if h) > 1
        for d, h in enumerate(held):
            if not h:
                continue
            nodes_d = [offsets[d] + s for s in h]
            if not several:
                cells[d] = Cell.UNIQUE
            elif any(x in conflicted for x in nodes_d):
                cells[d] = Cell.CONFLICT
            elif any(x in shared for x in nodes_d):
                cells[d] = Cell.SHARED
            else:
                cells[d] = Cell.PARTIAL
        out.append(Statement(tuple(tuple(h) for h in held), tuple(cells)))
    return tuple(out)
