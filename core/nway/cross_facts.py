"""Facts across N articles, put together from the pairwise facts.

A fact of one article is its (kind, normalized value). A pairwise fact shared by articles i and
j joins i's fact with j's; a pairwise conflict joins i's value with j's other value for the same
slot. Each connected set is one cross-article fact: shared by the articles that carry it when
they all give one value, a conflict naming which articles say which value otherwise, and "only"
when one article carries it. Spans are every occurrence any pair found.

Imports: standard library, core.model, core.nway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from core.model import FactKind, FactStatus, Span
from core.nway.model import CrossFact, CrossStatus, PairResult
from core.progress import no_check
from core.union_find import UnionFind

Key = tuple[int, FactKind, str]


def build_cross_facts(
    n: int, pairs: Sequence[PairResult], check: Callable[[], None] = no_check
) -> tuple[CrossFact, ...]:
    """The cross-article facts of ``n`` documents given their pairwise comparisons."""
    ids: dict[Key, int] = {}
    spans: list[set[Span]] = []
    content: list[bool] = []
    edges: list[tuple[int, int]] = []

    def node(key: Key, found: Sequence[Span], is_content: bool) -> int:
        k = ids.get(key)
        if k is None:
            k = ids[key] = len(spans)
            spans.append(set())
            content.append(False)
        spans[k].update(found)
        content[k] = content[k] or is_content
        return k

    for p in pairs:
        check()
        for fact in p.comparison.facts:
            if fact.status is FactStatus.CONFLICT and fact.values is not None:
                va, vb = fact.values
                x = node((p.i, fact.kind, va), fact.a, fact.content)
                y = node((p.j, fact.kind, vb), fact.b, fact.content)
                edges.append((x, y))
            elif fact.status is FactStatus.SHARED:
                x = node((p.i, fact.kind, fact.value), fact.a, fact.content)
                y = node((p.j, fact.kind, fact.value), fact.b, fact.content)
                edges.append((x, y))
            elif fact.status is FactStatus.ONLY_A:
                node((p.i, fact.kind, fact.value), fact.a, fact.content)
            else:
                node((p.j, fact.kind, fact.value), fact.b, fact.content)
    uf = UnionFind(len(spans))
    for x, y in edges:
        uf.union(x, y)
    groups: dict[int, list[Key]] = {}
    for key, k in ids.items():
        groups.setdefault(uf.find(k), []).append(key)
    out: list[tuple[tuple[int, int], CrossFact]] = []
    for members in groups.values():
        check()
        per_doc: list[list[Key]] = [[] for _ in range(n)]
        for key in members:
            per_doc[key[0]].append(key)
        values: list[str | None] = []
        doc_spans: list[tuple[Span, ...]] = []
        for keys in per_doc:
            if not keys:
                values.append(None)
                doc_spans.append(())
                continue
            # one article may give a slot two values (in two sentences): the most mentioned
            keys.sort(key=lambda k: (-len(spans[ids[k]]), k[2]))
            values.append(keys[0][2])
            doc_spans.append(tuple(sorted(set().union(*(spans[ids[k]] for k in keys)))))
        given = [v for v in values if v is not None]
        distinct = sorted(set(given), key=lambda v: (-given.count(v), v))
        if len(distinct) > 1:
            status, value = CrossStatus.CONFLICT, " / ".join(distinct)
        elif len(given) > 1:
            status, value = CrossStatus.SHARED, distinct[0]
        else:
            status, value = CrossStatus.ONLY, distinct[0]
        kinds = {key[1] for key in members}
        kind = members[0][1] if len(kinds) == 1 else sorted(kinds)[0]
        first = next(d for d, v in enumerate(values) if v is not None)
        position = (first, doc_spans[first][0].start if doc_spans[first] else 0)
        out.append(
            (
                position,
                CrossFact(
                    kind=kind,
                    value=value,
                    status=status,
                    spans=tuple(doc_spans),
                    values=tuple(values),
                    content=any(content[ids[k]] for k in members),
                ),
            )
        )
    out.sort(key=lambda item: (item[0], item[1].kind, item[1].value))
    return tuple(f for _, f in out)
