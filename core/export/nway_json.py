"""The ``article-comparer/2`` JSON report of an N-way comparison.

Holds the N documents (as ``article-comparer/1`` holds its two), one entry per pair of documents
(its links as sentence indices of both, its summary), the statements (per document the sentence
indices it carries and the matrix cell), the facts across articles (per-document value and
spans; a conflict lists which documents give which value) and a summary. Documents are named by
their index in ``documents`` everywhere; spans index that document's ``text``.

Imports: standard library, core.model, core.nway, core.export.json_report.
"""

from __future__ import annotations

from typing import Any

from core.export.json_report import GENERATOR, _document, _dump
from core.nway import Cell, CrossStatus, NWayComparison

FORMAT = "article-comparer/2"


def document_label(index: int) -> str:
    """``A``, ``B``, ``C``… for documents 0, 1, 2…"""
    return chr(ord("A") + index)


def shared_shares(nway: NWayComparison) -> list[float]:
    """Per document: the share of its counted text that some other article carries."""
    out: list[float] = []
    for d, doc in enumerate(nway.documents):
        total = carried = 0
        for st in nway.statements:
            length = sum(len(doc.sentences[s].span) for s in st.sentences[d])
            total += length
            if st.count > 1:
                carried += length
        out.append(round(carried / total, 4) if total else 0.0)
    return out


def summary(nway: NWayComparison) -> dict[str, Any]:
    """Headline figures: statements by how many articles carry them, conflicts, shares."""
    n = len(nway.documents)
    counts = [0] * (n + 1)
    for st in nway.statements:
        counts[st.count] += 1
    return {
        "documents": n,
        "statements": len(nway.statements),
        "carried_by_all": counts[n],
        "only_one": counts[1],
        "by_count": {str(k): counts[k] for k in range(1, n + 1)},
        "conflicts": sum(1 for f in nway.facts if f.status is CrossStatus.CONFLICT),
        "shared": shared_shares(nway),
    }


def to_dict(nway: NWayComparison) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    pairs = []
    for p in nway.pairs:
        s = p.comparison.summary
        pairs.append(
            {
                "a": p.i,
                "b": p.j,
                "links": [
                    {
                        "a": list(link.a),
                        "b": list(link.b),
                        "similarity": round(link.similarity, 4),
                        "kind": str(link.kind),
                    }
                    for link in p.comparison.links
                ],
                "summary": {
                    "a_shared": round(s.a_shared, 4),
                    "b_shared": round(s.b_shared, 4),
                    "links": s.links,
                    "conflicts": s.conflicts,
                },
            }
        )
    statements = [
        {
            "sentences": [list(held) for held in st.sentences],
            "cells": [None if c is Cell.ABSENT else str(c) for c in st.cells],
            "carried_by": list(st.carriers),
            "only_here": st.only_here,
        }
        for st in nway.statements
    ]
    facts = [
        {
            "kind": str(f.kind),
            "value": f.value,
            "status": str(f.status),
            "carried_by": list(f.carriers),
            "articles": [
                None if v is None else {"value": v, "spans": [s.as_list() for s in spans]}
                for v, spans in zip(f.values, f.spans, strict=True)
            ],
            "values": [{"value": v, "articles": list(ds)} for v, ds in f.by_value],
            "content": f.content,
        }
        for f in nway.facts
    ]
    return {
        "format": FORMAT,
        "generator": GENERATOR,
        "created": nway.created or None,
        "documents": [
            {"id": d, "label": document_label(d), **_document(doc)}
            for d, doc in enumerate(nway.documents)
        ],
        "pairs": pairs,
        "statements": statements,
        "facts": facts,
        "summary": summary(nway),
    }


def render_nway_json(nway: NWayComparison) -> str:
    return _dump(to_dict(nway)) + "\n"
