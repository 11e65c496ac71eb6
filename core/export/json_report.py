"""The ``article-comparer/1`` JSON report, plus a few extra keys.

The required keys are the format's contract, which other tools read. Extras: ``generator``,
``created``, ``options``, per-document ``sentence_paragraphs`` and ``notices`` (how it was read),
per-link ``by`` (``"hand"`` or ``"aligner"``), ``a_sentences``, ``b_sentences``, ``diff``,
per-coverage ``score``/``links``/``counted`` (and ``mark``/``by`` for a sentence decided by hand),
per-fact ``content``/``note``/``why``, ``paragraph_links`` and the full summary.

The text is kept exactly as read, bidirectional controls included: it is data, and every span
indexes it (the reports people read drop those controls, see ``view_model.drop_bidi``).

Imports: standard library and core.model only.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from core.model import Comparison, Document, Side, Span, Summary

FORMAT = "article-comparer/1"
GENERATOR = "article-comparer"


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else span.as_list()


def _document(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "title": doc.title,
        "fetched_at": doc.fetched_at,
        "canonical_url": doc.canonical_url,
        "notices": list(doc.notices),
        "text": doc.text,
        "paragraphs": [{"span": p.span.as_list(), "role": str(p.role)} for p in doc.paragraphs],
        "sentences": [s.span.as_list() for s in doc.sentences],
        "sentence_paragraphs": [s.paragraph for s in doc.sentences],
    }


def _coverage(comparison: Comparison, side: Side) -> list[dict[str, Any]]:
    doc = comparison.document(side)
    return [
        {
            "span": sentence.span.as_list(),
            "status": str(cov.status),
            "score": round(cov.score, 4),
            "links": list(cov.links),
            "counted": cov.counted,
            **({"mark": cov.mark, "by": "hand"} if cov.mark else {}),
        }
        for sentence, cov in zip(doc.sentences, comparison.coverage(side), strict=True)
    ]


def summary_dict(s: Summary) -> dict[str, Any]:
    """The summary's figures as the report writes them (shares to four decimals)."""
    return {
        "a_shared": round(s.a_shared, 4),
        "b_shared": round(s.b_shared, 4),
        "links": s.links,
        "a_unique": s.a_unique,
        "b_unique": s.b_unique,
        "a_partial": s.a_partial,
        "b_partial": s.b_partial,
        "conflicts": s.conflicts,
    }


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    a, b = comparison.a, comparison.b
    links = [
        {
            "a": [a.sentences[i].span.as_list() for i in link.a],
            "b": [b.sentences[j].span.as_list() for j in link.b],
            "similarity": round(link.similarity, 4),
            "kind": str(link.kind),
            "by": link.by,
            "a_sentences": list(link.a),
            "b_sentences": list(link.b),
            "diff": [{"tag": str(op.tag), "a": _span(op.a), "b": _span(op.b)} for op in link.diff],
        }
        for link in comparison.links
    ]
    facts = [
        {
            "kind": str(fact.kind),
            "value": fact.value,
            "status": str(fact.status),
            "a": [s.as_list() for s in fact.a],
            "b": [s.as_list() for s in fact.b],
            "values": None if fact.values is None else {"a": fact.values[0], "b": fact.values[1]},
            "content": fact.content,
            "note": fact.note,
            "why": fact.why,
        }
        for fact in comparison.facts
    ]
    return {
        "format": FORMAT,
        "generator": GENERATOR,
        "created": comparison.created or None,
        "options": asdict(comparison.options),
        "a": _document(a),
        "b": _document(b),
        "links": links,
        "paragraph_links": [
            {"a": p.a, "b": p.b, "similarity": round(p.similarity, 4)}
            for p in comparison.paragraph_links
        ],
        "coverage": {"a": _coverage(comparison, "a"), "b": _coverage(comparison, "b")},
        "facts": facts,
        "summary": summary_dict(comparison.summary),
    }


_EXPAND_DEPTH = 2  # containers this deep or shallower get one item per line; deeper stay inline


def _dump(value: Any, depth: int = 0) -> str:
    """JSON with the outer structure indented and each record (link, fact, span) on one line.

    ``indent=2`` everywhere makes a 10k-word report ten times longer, one number per line.
    """
    if depth > _EXPAND_DEPTH or not isinstance(value, dict | list) or not value:
        return json.dumps(value, ensure_ascii=False, default=str)
    pad = "  " * (depth + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dump(v, depth + 1)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    items = [f"{pad}{_dump(v, depth + 1)}" for v in value]
    return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"


def render_json(comparison: Comparison) -> str:
    return _dump(to_dict(comparison)) + "\n"
