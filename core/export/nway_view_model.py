"""Format-neutral views of an N-way comparison that its Markdown and HTML reports share.

The rows of the coverage matrix (statements in the order of a reference article, then the
rest, each with a short text and one cell per article), the names of the articles and the
facts in report order (conflicts first). Exporters read these and never recompute anything.

Imports: standard library, core.model, core.nway, core.labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.export.view_model import collapse
from core.labels import label
from core.nway import Cell, CrossFact, CrossStatus, NWayComparison

_STATUS_ORDER = {CrossStatus.CONFLICT: 0, CrossStatus.SHARED: 1, CrossStatus.ONLY: 2}
_SHORT = 110  # characters of a statement's text shown in a matrix row


def article_name(nway: NWayComparison, index: int) -> str:
    doc = nway.documents[index]
    return doc.title or doc.source


def shorten(text: str, limit: int = _SHORT) -> str:
    text = collapse(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One statement as a matrix row: its text (in the first carrier, by reference order)."""

    statement: int
    text: str
    shown_from: int  # the article whose sentence is shown
    cells: tuple[Cell, ...]
    count: int
    only_here: int | None


def matrix_rows(nway: NWayComparison, reference: int = 0) -> list[MatrixRow]:
    rows: list[MatrixRow] = []
    for k in nway.order_by(reference):
        st = nway.statements[k]
        shown = reference if st.sentences[reference] else st.carriers[0]
        doc = nway.documents[shown]
        text = " ".join(doc.sentence_text(s) for s in st.sentences[shown])
        rows.append(MatrixRow(k, shorten(text), shown, st.cells, st.count, st.only_here))
    return rows


def facts_in_order(nway: NWayComparison) -> list[CrossFact]:
    """Facts for a report: conflicts first, then shared, then those only one article has."""
    return sorted(nway.facts, key=lambda f: _STATUS_ORDER[f.status])


def conflict_text(fact: CrossFact) -> str:
    """``5 dead (A, C) / 24 dead (B)``: which articles say which value."""
    return " / ".join(f"{v} ({', '.join(label(d) for d in ds)})" for v, ds in fact.by_value)
