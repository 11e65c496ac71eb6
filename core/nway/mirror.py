"""A Comparison seen from the other side: ``mirrored(c)`` is ``compare(c.b, c.a)`` without the work.

The N-way view shows any two of N articles in either order, but only one comparison per pair
is made; swapping the sides of a finished result (links, word diffs, coverage, facts, summary)
gives the other order exactly.

Imports: standard library and core.model only.
"""

from __future__ import annotations

import dataclasses

from core.model import (
    Comparison,
    DiffOp,
    DiffTag,
    Fact,
    FactStatus,
    Link,
    ParagraphLink,
    Summary,
)

_TAG = {DiffTag.DELETE: DiffTag.INSERT, DiffTag.INSERT: DiffTag.DELETE}
_STATUS = {FactStatus.ONLY_A: FactStatus.ONLY_B, FactStatus.ONLY_B: FactStatus.ONLY_A}


def _link(link: Link) -> Link:
    diff = tuple(DiffOp(_TAG.get(op.tag, op.tag), op.b, op.a) for op in link.diff)
    return Link(link.b, link.a, link.similarity, link.kind, diff)


def _fact(fact: Fact) -> Fact:
    values = None if fact.values is None else (fact.values[1], fact.values[0])
    value = f"{values[0]} / {values[1]}" if values is not None else fact.value
    return dataclasses.replace(
        fact,
        value=value,
        status=_STATUS.get(fact.status, fact.status),
        a=fact.b,
        b=fact.a,
        values=values,
    )


def _summary(s: Summary) -> Summary:
    return Summary(
        a_shared=s.b_shared,
        b_shared=s.a_shared,
        links=s.links,
        a_unique=s.b_unique,
        b_unique=s.a_unique,
        a_partial=s.b_partial,
        b_partial=s.a_partial,
        conflicts=s.conflicts,
    )


def mirrored(c: Comparison) -> Comparison:
    """The same comparison with sides a and b swapped."""
    return Comparison(
        a=c.b,
        b=c.a,
        links=tuple(_link(link) for link in c.links),
        paragraph_links=tuple(ParagraphLink(p.b, p.a, p.similarity) for p in c.paragraph_links),
        coverage_a=c.coverage_b,
        coverage_b=c.coverage_a,
        facts=tuple(_fact(f) for f in c.facts),
        summary=_summary(c.summary),
        created=c.created,
        options=c.options,
    )
