"""The HTML report: one self-contained page (inline CSS, no scripts, no external fetches).

A header with both sources and titles, when the comparison was made and the coverage figures; a
facts table; then both articles side by side in the window's highlight colours with a legend.
Every linked sentence is an anchor to its counterpart, and the counterpart links back, so a
reader can jump both ways; small link numbers name every link a sentence takes part in.

Article text is untrusted: every character of it goes through ``html.escape`` (quotes included),
so nothing from an article can add a tag, attribute, script, style or live link, and loses its
bidirectional controls (``drop_bidi``) so it cannot reorder the report's own text. A
Content-Security-Policy meta tag forbids scripts and fetches as a second line of defence.

``variant="pdf"`` produces the same content for QTextDocument (which knows a subset of CSS and no
grid layout): the panes become a two-cell table and roles are written out as words.

Imports: standard library, core.model, core.labels and core.export only.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.resources import files
from typing import Literal

from core.export.view_model import (
    Run,
    bucket_by_sentence,
    conflict_spans,
    conflict_views,
    diff_spans,
    drop_bidi,
    facts_in_order,
    hand_edit_counts,
    other,
    percent,
    runs,
    sentence_links,
)
from core.labels import COVERAGE_LABEL, FACT_STATUS_LABEL, counted
from core.model import Comparison, Coverage, Document, Fact, FactStatus, Role, Side, Span

Variant = Literal["screen", "pdf"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_MAX_OCCURRENCES = 6
PDF_ANCHOR_LIMIT = 4000  # sentences of both articles up to which the PDF gets its jumps
_PDF_ROW_CHARS = 8000  # characters of the longer article per PDF table row (a sync point)
_MAX_CHARS = 90  # longer occurrences (quotes) are cut in the facts table; the value is whole


def esc(text: str) -> str:
    """Every character of untrusted text made inert in element content and quoted attributes."""
    return html.escape(drop_bidi(text), quote=True)


def _notes_html(doc: Document) -> str:
    """How a side was read: its notices as a list, escaped like every other text."""
    if not doc.notices:
        return "—"
    return "<ul>" + "".join(f"<li>{esc(n)}</li>" for n in doc.notices) + "</ul>"


def stylesheet(variant: Variant) -> str:
    name = "report.css" if variant == "screen" else "pdf.css"
    css = (files("resources") / "report" / name).read_text(encoding="utf-8")
    # The CSS is ours, but make sure nothing in it can end the <style> element early.
    return css.replace("</", "<\\/")


def _sid(side: Side, index: int) -> str:
    return f"{side}-s{index}"


class _Renderer:
    def __init__(self, comparison: Comparison, variant: Variant) -> None:
        self.c = comparison
        self.variant = variant
        # Jumps everywhere on screen; in the PDF only while QTextDocument's import of named
        # anchors (quadratic in their number) stays quick.
        self.jumps = variant == "screen" or (
            len(comparison.a.sentences) + len(comparison.b.sentences) <= PDF_ANCHOR_LIMIT
        )
        self.links = {s: sentence_links(comparison, s) for s in ("a", "b")}
        self.conflicts = {
            s: bucket_by_sentence(comparison.document(s), conflict_spans(comparison, s))
            for s in ("a", "b")
        }

    # ---- header -------------------------------------------------------------------------

    def _counts(self, side: Side) -> dict[str, int]:
        out = {"shared": 0, "partial": 0, "unique": 0, "left out": 0}
        for cov in self.c.coverage(side):
            if not cov.counted:
                out["left out"] += 1
            elif cov.status == Coverage.SHARED:
                out["shared"] += 1
            elif cov.status == Coverage.PARTIAL:
                out["partial"] += 1
            else:
                out["unique"] += 1
        return out

    def header(self) -> str:
        a, b, s = self.c.a, self.c.b, self.c.summary
        ca, cb = self._counts("a"), self._counts("b")
        conflicts = sum(1 for f in self.c.facts if f.status == FactStatus.CONFLICT)
        created = self.c.created or "unknown"
        written = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")

        def row(label: str, va: str, vb: str, cls: str = "") -> str:
            attr = f' class="{cls}"' if cls else ""
            return f"<tr{attr}><th>{label}</th><td>{va}</td><td>{vb}</td></tr>"

        rows = [
            row("Title", esc(a.title or "—"), esc(b.title or "—"), "titles"),
            row("Source", f"<code>{esc(a.source)}</code>", f"<code>{esc(b.source)}</code>"),
            *(
                [row("Fetched", esc(a.fetched_at or "—"), esc(b.fetched_at or "—"))]
                if a.fetched_at or b.fetched_at
                else []
            ),
            *(
                [row("Reading notes", _notes_html(a), _notes_html(b), "notices")]
                if a.notices or b.notices
                else []
            ),
            row(
                "Shared with the other article",
                f"<strong>{percent(s.a_shared)}</strong>",
                f"<strong>{percent(s.b_shared)}</strong>",
                "share",
            ),
            row("Sentences shared", str(ca["shared"]), str(cb["shared"])),
            row("Sentences partly shared", str(ca["partial"]), str(cb["partial"])),
            row("Sentences only in this article", str(ca["unique"]), str(cb["unique"])),
            row(
                "Not compared (captions, bylines, boilerplate)",
                str(ca["left out"]),
                str(cb["left out"]),
            ),
        ]
        hand = hand_edit_counts(self.c)
        if any(hand.values()):
            rows.append(
                row(
                    "Corrected by hand",
                    f"{hand['links']} link{'s' if hand['links'] != 1 else ''} (marked *)",
                    f"{hand['marks_a']} + {hand['marks_b']} sentences marked (A + B)",
                    "hand",
                )
            )
        return (
            '<header class="report-head">\n'
            "<h1>Article comparison</h1>\n"
            f'<p class="meta">Compared {esc(created)} · report written {written} · '
            f"{s.links} link{'s' if s.links != 1 else ''} · {len(self.c.facts)} facts · "
            f'<span class="{"nconf" if conflicts else ""}">{conflicts} conflicting</span></p>\n'
            + (
                '<p class="nav">'
                + ('<a href="#conflicts">Conflicts</a> · ' if conflicts else "")
                + '<a href="#facts">Facts</a> · '
                '<a href="#articles">The two articles side by side</a></p>\n'
                if self.variant == "screen"
                else ""
            )
            + self.conflicts_section()
            + '<table class="sources" cellspacing="0" cellpadding="4">\n'
            '<tr><th></th><th class="col-a">Article A</th><th class="col-b">Article B</th></tr>\n'
            + "\n".join(rows)
            + "\n</table>\n</header>\n"
        )

    def conflicts_section(self) -> str:
        """The conflicts first: each side's value in its own sentence, and why they differ."""
        views = conflict_views(self.c)
        if not views:
            return ""
        items = []
        for v in views:
            said = []
            for side, (before, words, after) in (("A", v.sentence_a), ("B", v.sentence_b)):
                said.append(
                    f'<td class="col-{side.lower()}">{esc(before)} <mark>{esc(words)}</mark> '
                    f"{esc(after)}</td>"
                )
            why = f'<br><span class="note">{esc(v.why)}</span>' if v.why else ""
            items.append(
                f"<tr><th>{esc(v.kind)}<br><strong>{esc(v.value_a)}</strong> vs "
                f"<strong>{esc(v.value_b)}</strong>{why}</th>{''.join(said)}</tr>"
            )
        return (
            '<section id="conflicts">\n<h2>Conflicts</h2>\n'
            '<table class="conflicts" cellspacing="0" cellpadding="4">\n'
            '<tr><th></th><th class="col-a">Article A says</th><th class="col-b">Article B says'
            "</th></tr>\n" + "\n".join(items) + "\n</table>\n</section>\n"
        )

    # ---- facts -------------------------------------------------------------------------

    def _occurrences(self, side: Side, spans: Sequence[Span]) -> str:
        """Each distinct surface form once (with a count), linked to its first sentence."""
        doc = self.c.document(side)
        first: dict[str, int | None] = {}
        count: dict[str, int] = {}
        for span in spans:
            end = min(span.end, len(doc.text))
            if span.start >= end:
                continue
            text = " ".join(doc.text[span.start : end].split())
            if text not in first:
                first[text] = doc.sentence_at(span.start)
            count[text] = count.get(text, 0) + 1
        parts: list[str] = []
        for text, i in list(first.items())[:_MAX_OCCURRENCES]:
            shown = text if len(text) <= _MAX_CHARS else text[: _MAX_CHARS - 1].rstrip() + "…"
            label = esc(shown) + (
                f' <span class="more">×{count[text]}</span>' if count[text] > 1 else ""
            )
            if i is None or not self.jumps:
                parts.append(label)
            else:
                parts.append(f'<a href="#{_sid(side, i)}">{label}</a>')
        if len(first) > _MAX_OCCURRENCES:
            parts.append(f'<span class="more">+{len(first) - _MAX_OCCURRENCES} more</span>')
        return "; ".join(parts) if parts else '<span class="none">—</span>'

    def _fact_row(self, f: int, fact: Fact) -> str:
        in_a = self._occurrences("a", fact.a)
        in_b = self._occurrences("b", fact.b)
        if fact.values is not None and fact.status == FactStatus.CONFLICT:
            in_a = f"<strong>{esc(fact.values[0])}</strong><br>{in_a}"
            in_b = f"<strong>{esc(fact.values[1])}</strong><br>{in_b}"
        note = f'<br><span class="note">{esc(fact.note)}</span>' if fact.note else ""
        if fact.why and fact.why != "same value":
            note += f'<br><span class="note">{esc(fact.why)}</span>'
        row_class = f"f-{fact.status}" if fact.content else "f-nc"
        ident = f' id="fact-{f}"' if self.variant == "screen" else ""
        return (
            f'<tr{ident} class="{row_class}">'
            f'<td class="status"><span class="b-{fact.status}">'
            f"{FACT_STATUS_LABEL[fact.status]}</span></td>"
            f"<td>{esc(str(fact.kind))}</td><td>{esc(fact.value)}{note}</td>"
            f"<td>{in_a}</td><td>{in_b}</td></tr>"
        )

    def facts(self) -> str:
        head = '<section id="facts">\n<h2>Facts</h2>\n'
        if not self.c.facts:
            return head + '<p class="empty">No facts were matched.</p>\n</section>\n'
        counts = {st: 0 for st in FactStatus}
        for fact in self.c.facts:
            counts[fact.status] += 1
        summary = " · ".join(
            counted(counts[st], label) if st is FactStatus.CONFLICT else f"{counts[st]} {label}"
            for st, label in FACT_STATUS_LABEL.items()
        )
        rows = "\n".join(self._fact_row(f, self.c.facts[f]) for f in facts_in_order(self.c))
        return (
            head
            + f'<p class="meta">{summary}</p>\n'
            + '<table class="facts" cellspacing="0" cellpadding="4">\n'
            + '<thead><tr><th width="11%">Status</th><th width="16%">Kind</th>'
            + '<th width="25%">Value</th><th width="24%">In A</th><th width="24%">In B</th>'
            + "</tr></thead>\n<tbody>\n"
            + rows
            + "\n</tbody>\n</table>\n</section>\n"
        )

    # ---- articles ----------------------------------------------------------------------

    def legend(self) -> str:
        if self.variant == "screen":
            jump = "; click a passage or its number to jump to its counterpart"
        else:
            jump = "; click a number to jump to the counterpart" if self.jumps else ""
        return (
            '<p class="legend">'
            '<span class="s-shared">shared with the other article</span> '
            '<span class="s-partial">partly shared</span> '
            '<span class="s-unique">only in this article</span> '
            '<span class="s-nc">not compared (caption, byline, boilerplate)</span> '
            '<span class="s-shared"><span class="d">changed words</span></span> '
            '<span class="cf">conflicting fact</span> '
            '<sup class="ln">3</sup> link number: the same number marks the counterpart; '
            '<sup class="ln">3*</sup> or <sup class="ln">*</sup> made or marked by hand; '
            f"passages without one are only in their article{jump}"
            "</p>\n"
        )

    def _run_html(self, text: str, run: Run) -> str:
        body = esc(text[run.start : run.end])
        if run.diff:
            body = f'<span class="d">{body}</span>'
        if run.facts:
            vals = []
            for f in run.facts:
                fact = self.c.facts[f]
                if fact.values is not None:
                    vals.append(f"A: {fact.values[0]} / B: {fact.values[1]}")
                else:
                    vals.append(f"conflicting {fact.kind}: {fact.value}")
            body = f'<span class="cf" title="{esc("; ".join(vals))}">{body}</span>'
        return body

    @staticmethod
    def _mark(mark: str) -> str:
        """A star after a sentence whose coverage was decided by hand."""
        if not mark:
            return ""
        what = "not shared" if mark == "not_shared" else "shared (no single counterpart)"
        return f'<sup class="ln hm" title="marked {what} by hand">*</sup>'

    def sentence(self, side: Side, i: int) -> str:
        doc = self.c.document(side)
        cov = self.c.coverage(side)[i]
        span = doc.sentences[i].span
        my_links = self.links[side].links[i]
        counterparts = self.links[side].counterparts[i]
        diffs = diff_spans(self.c, side, my_links) if my_links else []
        content = "".join(
            self._run_html(doc.text, r) for r in runs(span, diffs, self.conflicts[side].get(i, []))
        )
        classes = f"s-{cov.status}" if cov.counted else "s-nc"
        sid = _sid(side, i)
        # The PDF names its targets with <a name>, which QTextDocument turns into PDF
        # destinations; id attributes would cost far more there.
        if self.variant == "screen":
            ident = f' id="{sid}"'
        else:
            ident = f' name="{sid}"' if self.jumps else ""
        if not counterparts:
            mark = self._mark(cov.mark)
            if self.variant == "pdf":
                return f'<a class="{classes}"{ident}>{content}</a>{mark}'
            return f'<span class="{classes}"{ident}>{content}</span>{mark}'
        them = other(side)
        best = max(self.c.links[k].similarity for k in my_links)
        kinds = sorted({str(self.c.links[k].kind) for k in my_links})
        title = (
            f"{COVERAGE_LABEL[cov.status]}; link {', '.join(str(k + 1) for k in my_links)}: "
            f"{'/'.join(kinds)}, similarity {best:.2f}; click to jump to {them.upper()}"
        )
        numbers = [
            f'<a class="ln" href="#{_sid(them, self.c.links[k].side(them)[0])}">{k + 1}{star}</a>'
            if self.jumps
            else f"{k + 1}{star}"
            for k in my_links
            for star in ("*" if self.c.links[k].by == "hand" else "",)
        ]
        sup = f'<sup class="ln">{",".join(numbers)}</sup>' + self._mark(cov.mark)
        if self.variant == "pdf":
            # Qt drops the name of an anchor that is also a link, so in the PDF the passage is
            # the target and its link numbers are what one clicks to jump across.
            return f'<a class="{classes}"{ident}>{content}</a>{sup}'
        return (
            f'<a class="{classes}"{ident} href="#{_sid(them, counterparts[0])}" '
            f'title="{esc(title)}">{content}</a>{sup}'
        )

    def _paragraphs(self, side: Side) -> list[str]:
        doc = self.c.document(side)
        by_paragraph: list[list[int]] = [[] for _ in doc.paragraphs]
        for i, sentence in enumerate(doc.sentences):
            by_paragraph[sentence.paragraph].append(i)
        parts: list[str] = []
        for p, para in enumerate(doc.paragraphs):
            pos = para.span.start
            chunks: list[str] = []
            if self.variant == "pdf" and not para.role.is_content:
                chunks.append(f'<span class="role">[{esc(str(para.role))}]</span> ')
            for i in by_paragraph[p]:
                span = doc.sentences[i].span
                if span.start > pos:
                    chunks.append(esc(doc.text[pos : span.start]))
                chunks.append(self.sentence(side, i))
                pos = span.end
            if pos < para.span.end:
                chunks.append(esc(doc.text[pos : para.span.end]))
            tag = "h4" if para.role in (Role.TITLE, Role.HEADING) else "p"
            ident = f' id="{side}-p{p}"' if self.variant == "screen" else ""
            parts.append(f'<{tag} class="p-{para.role}"{ident}>{"".join(chunks)}</{tag}>')
        return parts

    def pane_head(self, side: Side) -> str:
        doc = self.c.document(side)
        share = self.c.summary.shared.get(side)
        has_title = any(p.role == Role.TITLE for p in doc.paragraphs)
        name = doc.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or doc.source
        heading = name if has_title or not doc.title else doc.title
        return (
            f'<div class="pane-head"><span class="side">{side.upper()}</span> {esc(heading)}'
            f'<br><span class="src">{esc(doc.source)} · {percent(share)} shared</span></div>'
        )

    def pane(self, side: Side) -> str:
        return (
            self.pane_head(side)
            + f'\n<div class="body" id="{side}-body">\n'
            + "\n".join(self._paragraphs(side))
            + "\n</div>"
        )

    def _pdf_rows(self) -> str:
        """Both articles as table rows of matching share of each text.

        Cutting both sides at the same fraction of their length every few pages keeps them
        roughly level, as the window's synchronized scrolling does, without the gaps that
        short rows would leave beside the shorter article.
        """
        sides = {s: self._paragraphs(s) for s in ("a", "b")}
        longest = max(len(self.c.a.text), len(self.c.b.text))
        rows = max(1, math.ceil(longest / _PDF_ROW_CHARS))
        groups = {
            s: _split_even(sides[s], [len(p.span) for p in self.c.document(s).paragraphs], rows)
            for s in ("a", "b")
        }
        out = [
            '<table class="panes" width="100%" cellspacing="0" cellpadding="6">',
            '<tr><td width="50%" valign="top">'
            + self.pane_head("a")
            + '</td><td width="50%" valign="top">'
            + self.pane_head("b")
            + "</td></tr>",
        ]
        for r in range(rows):
            out.append(
                '<tr><td width="50%" valign="top">'
                + "".join(groups["a"][r])
                + '</td><td width="50%" valign="top">'
                + "".join(groups["b"][r])
                + "</td></tr>"
            )
        out.append("</table>")
        return "\n".join(out) + "\n"

    def articles(self) -> str:
        h2 = '<h2 class="newpage">' if self.variant == "pdf" else "<h2>"
        head = f'<section id="articles">\n{h2}The two articles side by side</h2>\n' + self.legend()
        if self.variant == "pdf":
            body = self._pdf_rows()
        else:
            body = (
                '<div class="panes">\n<article class="pane" id="pane-a">\n'
                + self.pane("a")
                + '\n</article>\n<article class="pane" id="pane-b">\n'
                + self.pane("b")
                + "\n</article>\n</div>\n"
            )
        return head + body + "</section>\n"

    def document(self) -> str:
        a, b = self.c.a, self.c.b
        page_title = f"Comparison: {a.title or a.source} / {b.title or b.source}"
        csp = (
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            if self.variant == "screen"
            else ""
        )
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            + csp
            + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="article-comparer">\n'
            f"<title>{esc(page_title)}</title>\n"
            f"<style>\n{stylesheet(self.variant)}\n</style>\n</head>\n<body>\n"
            + self.header()
            + self.facts()
            + self.articles()
            + '<footer><p class="meta">Made with Article Comparer; colours as in its window.'
            "</p></footer>\n"
            "</body>\n</html>\n"
        )


def _split_even(items: list[str], weights: list[int], parts: int) -> list[list[str]]:
    """``items`` cut into ``parts`` contiguous groups of about equal total weight."""
    total = sum(weights) or 1
    groups: list[list[str]] = [[] for _ in range(parts)]
    seen = 0
    for item, weight in zip(items, weights, strict=True):
        # The group is chosen by where the item's middle falls in the whole text.
        index = min(parts - 1, int((seen + weight / 2) * parts / total))
        groups[index].append(item)
        seen += weight
    return groups


def render_html(comparison: Comparison, variant: Variant = "screen") -> str:
    """The report page; ``variant="pdf"`` is the QTextDocument-friendly form for the PDF."""
    return _Renderer(comparison, variant).document()
