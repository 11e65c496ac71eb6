"""The HTML report of an N-way comparison: one self-contained page with the coverage matrix.

Inline CSS, no scripts, nothing fetched; every piece of article text is escaped. Cells carry the
colours of the window (blue shared, yellow partly, red conflict, orange only here) and a mark,
so the matrix reads in print and without colour too.

Imports: standard library, core.model, core.nway, core.export.
"""

from __future__ import annotations

from core.export.html_report import esc
from core.export.nway_json import summary
from core.export.nway_view_model import article_name, conflict_text, facts_in_order, matrix_rows
from core.labels import CELL_LABEL, CELL_MARK, counted, label
from core.nway import Cell, CrossStatus, NWayComparison

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
th { background: #f2f2f2; }
td.cell { text-align: center; width: 2.2em; }
td.shared { background: #cfe3fb; } td.partial { background: #fbeeb0; }
td.conflict { background: #f7b9b9; } td.unique { background: #fbd3a8; }
td.num { text-align: right; }
.legend span { display: inline-block; padding: 0 6px; margin-right: 6px; border: 1px solid #ccc; }
.shared { background: #cfe3fb; } .partial { background: #fbeeb0; }
.conflict { background: #f7b9b9; } .unique { background: #fbd3a8; }
"""


def render_nway_html(nway: NWayComparison, reference: int = 0) -> str:
    n = len(nway.documents)
    figures = summary(nway)
    heads = "".join(f"<th>{label(d)}</th>" for d in range(n))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Comparison of {n} articles</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Comparison of {n} articles</h1>",
        "<ul>",
    ]
    for d in range(n):
        parts.append(
            f"<li><b>{label(d)}</b>: {esc(article_name(nway, d))} "
            f"<small>({esc(nway.documents[d].source)})</small>, "
            f"{figures['shared'][d]:.0%} carried by another article"
            + "".join(
                f"<br><small>Reading note: {esc(n)}</small>" for n in nway.documents[d].notices
            )
            + "</li>"
        )
    parts += [
        "</ul>",
        f"<p>{figures['statements']} statements: {figures['carried_by_all']} carried by all "
        f"{n} articles, {figures['only_one']} by one only; "
        f"{counted(figures['conflicts'], 'conflicting fact')}.</p>",
        "<h2>Coverage matrix</h2>",
        '<p class="legend">'
        + "".join(
            f'<span class="{c}">{CELL_MARK[c]} {CELL_LABEL[c]}</span>'
            for c in Cell
            if c is not Cell.ABSENT
        )
        + "</p>",
        f"<table><tr><th>#</th><th>statement</th>{heads}<th>carried by</th><th>only here</th></tr>",
    ]
    for r, row in enumerate(matrix_rows(nway, reference), 1):
        cells = "".join(
            f'<td class="cell {c}" title="{label(d)}: {CELL_LABEL[c]}">{CELL_MARK[c]}</td>'
            for d, c in enumerate(row.cells)
        )
        only = label(row.only_here) if row.only_here is not None else ""
        parts.append(
            f'<tr><td class="num">{r}</td><td>{esc(row.text)} '
            f"<small>({label(row.shown_from)})</small></td>{cells}"
            f'<td class="num">{row.count}</td><td class="cell">{only}</td></tr>'
        )
    parts.append("</table><h2>Facts across the articles</h2>")
    facts = facts_in_order(nway)
    if not facts:
        parts.append("<p>No facts found.</p>")
    else:
        parts.append(f"<table><tr><th>kind</th><th>value</th><th>status</th>{heads}</tr>")
        for f in facts:
            status = (
                "conflict: " + conflict_text(f) if f.status is CrossStatus.CONFLICT else f.status
            )
            cls = {CrossStatus.CONFLICT: "conflict", CrossStatus.SHARED: "shared"}.get(
                f.status, "unique"
            )
            values = "".join(f"<td>{esc(v) if v is not None else ''}</td>" for v in f.values)
            parts.append(
                f"<tr><td>{esc(str(f.kind))}</td><td>{esc(f.value)}</td>"
                f'<td class="{cls}">{esc(str(status))}</td>{values}</tr>'
            )
        parts.append("</table>")
    parts.append("<h2>Pairs</h2><table><tr><th>pair</th><th>links</th><th>shared of first</th>")
    parts.append("<th>shared of second</th><th>conflicts</th></tr>")
    for p in nway.pairs:
        s = p.comparison.summary
        parts.append(
            f"<tr><td>{label(p.i)} ↔ {label(p.j)}</td><td class=num>{s.links}</td>"
            f"<td class=num>{s.a_shared:.0%}</td><td class=num>{s.b_shared:.0%}</td>"
            f"<td class=num>{s.conflicts}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"
