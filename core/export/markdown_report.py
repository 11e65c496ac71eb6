"""The Markdown report: summary, facts table, aligned passages with word differences, unique
passages per side, and the passages left out of the comparison.

Article text is untrusted: every character that Markdown (CommonMark, GFM or Python-Markdown)
could turn into markup is escaped, ``&``, ``<`` and ``>`` become entities, so no tag, image, link
or character reference can come from an article; bidirectional controls are dropped
(``drop_bidi``) so it cannot reorder the report's own text. Every sentence of both articles
appears exactly once below "Aligned passages".

Imports: standard library, core.model and core.export.view_model and core.labels only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.export.view_model import (
    collapse,
    conflict_views,
    diff_spans,
    drop_bidi,
    facts_in_order,
    hand_edit_counts,
    link_groups,
    percent,
    sentence_links,
)
from core.labels import FACT_STATUS_LABEL
from core.model import (
    Comparison,
    Coverage,
    Document,
    FactStatus,
    SentenceCoverage,
    Side,
    Span,
)

SIDES: tuple[Side, Side] = ("a", "b")

# Characters with a meaning anywhere in a line (emphasis, code, links, tables, escapes).
_INLINE = re.compile(r"([\\`*_\[\]])")
# Characters that only start a block at the beginning of a line (headings, lists, quotes, rules).
_LINE_START = re.compile(r"^([#>+-]|\d+(?=[.)]))")


def escape_md(text: str, block_start: bool = False) -> str:
    """``text`` as inert Markdown on one line: shows the same characters, adds no markup.

    ``block_start``: the text opens a line or a list item, where ``#``, ``-``, ``+``, ``>``
    and ``1.`` would start a block, so those are escaped too.
    """
    text = collapse(drop_bidi(text))
    # Every ampersand: renderers also decode references without the ';' ("&#60", "&lt").
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    m = _LINE_START.match(text) if block_start else None
    if m:
        if m.group(1).isdigit():
            end = m.end()
            text = text[:end] + "\\" + text[end:]
        elif m.group(1) != ">":  # '>' is already an entity
            text = "\\" + text
    return text


def _marked(doc: Document, span: Span, marks: Sequence[Span]) -> str:
    """The passage with changed words in bold (marks are merged and trimmed to words)."""
    merged: list[list[int]] = []
    for m in sorted(marks, key=lambda m: m.start):
        if not m.overlaps(span):
            continue
        start, end = max(m.start, span.start), min(m.end, span.end)
        # Trim to non-space so the emphasis delimiters hug words (else they stay literal).
        seg = doc.text[start:end]
        start += len(seg) - len(seg.lstrip())
        end -= len(seg) - len(seg.rstrip())
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or doc.text[merged[-1][1] : start].isspace()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[int, int, bool]] = []
    pos = span.start
    for start, end in merged:
        if start > pos:
            pieces.append((pos, start, False))
        pieces.append((start, end, True))
        pos = end
    if pos < span.end:
        pieces.append((pos, span.end, False))
    out: list[str] = []
    for start, end, bold in pieces:
        raw = doc.text[start:end]
        body = escape_md(raw)
        if not body:
            out.append(" ")
            continue
        lead = " " if raw[:1].isspace() else ""
        trail = " " if raw[-1:].isspace() else ""
        out.append(lead + (f"**{body}**" if bold else body) + trail)
    return re.sub(" {2,}", " ", "".join(out)).strip()


def _table_row(cells: Sequence[str]) -> str:
    """One table row; pipes inside cells are escaped so they cannot add columns."""
    return "| " + " | ".join(c.replace("|", "\\|") if c else " " for c in cells) + " |"


def _notes_md(doc: Document) -> str:
    """How a side was read, in one table cell (the notices joined with semicolons)."""
    return "; ".join(escape_md(n) for n in doc.notices) or "—"


def _summary(comparison: Comparison) -> list[str]:
    a, b, s = comparison.a, comparison.b, comparison.summary
    cov_a, cov_b = comparison.coverage_a, comparison.coverage_b

    def count(cov: Sequence[SentenceCoverage], status: Coverage) -> int:
        return sum(1 for c in cov if c.counted and c.status == status)

    lines = [
        "# Article comparison",
        "",
        _table_row(["", "A", "B"]),
        "| --- | --- | --- |",
        _table_row(["Source", escape_md(a.source), escape_md(b.source)]),
        *(
            [_table_row(["Fetched", a.fetched_at or "—", b.fetched_at or "—"])]
            if a.fetched_at or b.fetched_at
            else []
        ),
        _table_row(["Title", escape_md(a.title or "—"), escape_md(b.title or "—")]),
        *(
            [_table_row(["Reading notes", _notes_md(a), _notes_md(b)])]
            if a.notices or b.notices
            else []
        ),
        _table_row(["Sentences", str(len(a.sentences)), str(len(b.sentences))]),
        _table_row(["Shared with the other", percent(s.a_shared), percent(s.b_shared)]),
        _table_row(
            [
                "Partly shared sentences",
                str(count(cov_a, Coverage.PARTIAL)),
                str(count(cov_b, Coverage.PARTIAL)),
            ]
        ),
        _table_row(
            [
                "Unique sentences",
                str(count(cov_a, Coverage.UNIQUE)),
                str(count(cov_b, Coverage.UNIQUE)),
            ]
        ),
        "",
        f"Links: {s.links}{_by_hand(comparison)} · Facts: {len(comparison.facts)} · "
        "Conflicting facts: "
        f"{sum(1 for f in comparison.facts if f.status == FactStatus.CONFLICT)}"
        + (f" · Compared: {escape_md(comparison.created)}" if comparison.created else ""),
        "",
    ]
    return lines


def _surface(doc: Document, spans: Sequence[Span], limit: int = 3) -> str:
    seen: list[str] = []
    for span in spans:
        text = collapse(doc.text[span.start : min(span.end, len(doc.text))])
        if text and text not in seen:
            seen.append(text)
    shown = "; ".join(escape_md(t) for t in seen[:limit])
    if len(seen) > limit:
        shown += f" (+{len(seen) - limit} more)"
    return shown


def _facts(comparison: Comparison) -> list[str]:
    lines = ["## Facts", ""]
    if not comparison.facts:
        return [*lines, "No facts were matched.", ""]
    lines += [
        _table_row(["Status", "Kind", "Value", "In A", "In B"]),
        "| --- | --- | --- | --- | --- |",
    ]
    for f in facts_in_order(comparison):
        fact = comparison.facts[f]
        in_a = _surface(comparison.a, fact.a)
        in_b = _surface(comparison.b, fact.b)
        if fact.values is not None:
            in_a = in_a or escape_md(fact.values[0])
            in_b = in_b or escape_md(fact.values[1])
            if fact.status == FactStatus.CONFLICT:
                in_a = f"**{escape_md(fact.values[0])}**" + (f" ({in_a})" if in_a else "")
                in_b = f"**{escape_md(fact.values[1])}**" + (f" ({in_b})" if in_b else "")
        value = escape_md(fact.value)
        if fact.note:
            value += f" ({escape_md(fact.note)})"
        if fact.why and fact.why != "same value":
            value += f" — {escape_md(fact.why)}"
        lines.append(
            _table_row(
                [
                    FACT_STATUS_LABEL[fact.status],
                    str(fact.kind),
                    value,
                    in_a or "—",
                    in_b or "—",
                ]
            )
        )
    return [*lines, ""]


def _passage(
    comparison: Comparison, side: Side, sentences: Sequence[int], links: Sequence[int]
) -> str:
    doc = comparison.document(side)
    marks = diff_spans(comparison, side, links)
    return " ".join(_marked(doc, doc.sentences[i].span, marks) for i in sentences)


def _runs_of(indices: Sequence[int], doc: Document) -> list[list[int]]:
    """Consecutive sentence indices of the same paragraph, as passages."""
    out: list[list[int]] = []
    for i in indices:
        if (
            out
            and out[-1][-1] == i - 1
            and doc.sentences[i - 1].paragraph == doc.sentences[i].paragraph
        ):
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _by_hand(comparison: Comparison) -> str:
    hand = hand_edit_counts(comparison)
    if not any(hand.values()):
        return ""
    marks = hand["marks_a"] + hand["marks_b"]
    return f" ({hand['links']} by hand) · Sentences marked by hand: {marks}"


def _conflicts(comparison: Comparison) -> list[str]:
    """The conflicts first: what each article says, in its own sentence, and why they differ."""
    views = conflict_views(comparison)
    if not views:
        return []
    lines = ["## Conflicts", ""]
    for n, v in enumerate(views, 1):
        lines.append(
            f"{n}. **{escape_md(v.kind)}**: A says **{escape_md(v.value_a)}**, "
            f"B says **{escape_md(v.value_b)}**" + (f" ({escape_md(v.why)})" if v.why else "")
        )
        for side, (before, words, after) in (("A", v.sentence_a), ("B", v.sentence_b)):
            said = f"{escape_md(before)} **{escape_md(words)}** {escape_md(after)}"
            lines.append(f"   - {side}: {said.strip()}")
    return [*lines, ""]


def render_markdown(comparison: Comparison) -> str:
    summary = _summary(comparison)
    lines = summary[:2] + _conflicts(comparison) + summary[2:] + _facts(comparison)
    groups = link_groups(comparison)
    lines += ["## Aligned passages", ""]
    if not groups:
        lines += ["No passages of A and B say the same thing.", ""]
    for n, group in enumerate(groups, 1):
        links = [comparison.links[k] for k in group.links]
        kinds = sorted({str(link.kind) for link in links})
        best = max(link.similarity for link in links)
        numbers = ", ".join(
            str(k + 1) + (" by hand" if comparison.links[k].by == "hand" else "")
            for k in group.links
        )
        lines += [
            f"### {n}. {' / '.join(kinds)}, similarity {best:.2f} (link {numbers})",
            "",
            f"**A:** {_passage(comparison, 'a', group.a, group.links)}",
            "",
            f"**B:** {_passage(comparison, 'b', group.b, group.links)}",
            "",
        ]
    left_out: dict[Side, list[int]] = {"a": [], "b": []}
    for side in SIDES:
        doc = comparison.document(side)
        cov = comparison.coverage(side)
        linked = sentence_links(comparison, side).links
        unique = [
            i
            for i in range(len(doc.sentences))
            if not linked[i] and cov[i].counted and cov[i].mark != "shared"
        ]
        left_out[side] = [
            i for i in range(len(doc.sentences)) if not linked[i] and not cov[i].counted
        ]
        lines += [f"## Only in {side.upper()}", ""]
        if not unique:
            lines += [f"Nothing: every compared sentence of {side.upper()} is aligned.", ""]
        for run in _runs_of(unique, doc):
            text = " ".join(
                escape_md(doc.sentence_text(i), block_start=k == 0) for k, i in enumerate(run)
            )
            partly = any(cov[i].status == Coverage.PARTIAL for i in run)
            by_hand = any(cov[i].mark == "not_shared" for i in run)
            lines.append(
                f"- {text}"
                + (" *(partly covered)*" if partly else "")
                + (" *(marked not shared by hand)*" if by_hand else "")
            )
        lines.append("")
    spread = {
        side: [i for i, c in enumerate(comparison.coverage(side)) if c.mark == "shared"]
        for side in SIDES
    }
    if spread["a"] or spread["b"]:
        lines += ["## Shared with no single counterpart (marked by hand)", ""]
        for side in SIDES:
            doc = comparison.document(side)
            for i in spread[side]:
                lines.append(f"- **{side.upper()}:** {escape_md(doc.sentence_text(i))}")
        lines.append("")
    if left_out["a"] or left_out["b"]:
        lines += ["## Not compared (captions, bylines, boilerplate)", ""]
        for side in SIDES:
            doc = comparison.document(side)
            if not left_out[side]:
                continue
            lines += [f"### {side.upper()}", ""]
            for run in _runs_of(left_out[side], doc):
                role = doc.sentence_role(run[0])
                text = " ".join(escape_md(doc.sentence_text(i)) for i in run)
                lines.append(f"- *{role}:* {text}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
