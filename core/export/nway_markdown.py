"""The Markdown report of an N-way comparison: articles, summary, coverage matrix, facts.

Article text is escaped as in the two-article report (``escape_md``), so no markup can come from
an article. The matrix lists every statement once, in the order of the first article.

Imports: standard library, core.model, core.nway, core.export.
"""

from __future__ import annotations

from core.export.markdown_report import escape_md
from core.export.nway_json import summary
from core.export.nway_view_model import article_name, conflict_text, facts_in_order, matrix_rows
from core.labels import CELL_LABEL, CELL_MARK, counted, label
from core.nway import Cell, CrossStatus, NWayComparison


def _cell(text: str) -> str:
    return escape_md(text).replace("|", "\\|")


def render_nway_markdown(nway: NWayComparison, reference: int = 0) -> str:
    n = len(nway.documents)
    figures = summary(nway)
    out = [f"# Comparison of {n} articles", ""]
    for d in range(n):
        doc = nway.documents[d]
        share = figures["shared"][d]
        out.append(
            f"- **{label(d)}**: {_cell(article_name(nway, d))} ({_cell(doc.source)}), "
            f"{share:.0%} carried by another article"
            + "".join(f"; reading note: {_cell(n)}" for n in doc.notices)
        )
    out += [
        "",
        f"{figures['statements']} statements: {figures['carried_by_all']} carried by all "
        f"{n} articles, {figures['only_one']} by one only; "
        f"{counted(figures['conflicts'], 'conflicting fact')}.",
        "",
        "## Coverage matrix",
        "",
        "Legend: "
        + ", ".join(f"{CELL_MARK[c]} {CELL_LABEL[c]}" for c in Cell if c is not Cell.ABSENT)
        + ".",
        "",
        "| # | statement | "
        + " | ".join(label(d) for d in range(n))
        + " | carried by | only here |",
        "|---:|---|" + ":-:|" * n + "---:|:-:|",
    ]
    for r, row in enumerate(matrix_rows(nway, reference), 1):
        cells = " | ".join(CELL_MARK[c] for c in row.cells)
        only = label(row.only_here) if row.only_here is not None else ""
        text = f"{_cell(row.text)} ({label(row.shown_from)})"
        out.append(f"| {r} | {text} | {cells} | {row.count} | {only} |")
    out += ["", "## Facts across the articles", ""]
    facts = facts_in_order(nway)
    if not facts:
        out.append("No facts found.")
    else:
        out.append("| kind | value | status | " + " | ".join(label(d) for d in range(n)) + " |")
        out.append("|---|---|---|" + "---|" * n)
        for f in facts:
            status = (
                "conflict: " + conflict_text(f)
                if f.status is CrossStatus.CONFLICT
                else str(f.status)
            )
            values = " | ".join(_cell(v) if v is not None else "" for v in f.values)
            out.append(f"| {f.kind} | {_cell(f.value)} | {_cell(status)} | {values} |")
    out += ["", "## Pairs", ""]
    out.append("| pair | links | shared of first | shared of second | conflicts |")
    out.append("|---|---:|---:|---:|---:|")
    for p in nway.pairs:
        s = p.comparison.summary
        out.append(
            f"| {label(p.i)} ↔ {label(p.j)} | {s.links} | {s.a_shared:.0%} | {s.b_shared:.0%} "
            f"| {s.conflicts} |"
        )
    return "\n".join(out) + "\n"
