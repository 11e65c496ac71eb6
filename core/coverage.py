"""From links to per-sentence coverage, paragraph links and the summary figures.

Imports: core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from core.model import (
    Coverage,
    Document,
    Fact,
    FactStatus,
    Link,
    LinkKind,
    ParagraphLink,
    SentenceCoverage,
    Side,
    Summary,
)
from core.options import CompareOptions
from core.progress import no_check

_NOT_COUNTED = SentenceCoverage(Coverage.UNIQUE, 0.0, (), counted=False)


def sentence_coverage(
    doc: Document,
    side: Side,
    links: Sequence[Link],
    scores: Sequence[tuple[float, float]],
    opts: CompareOptions,
    check: Callable[[], None] = no_check,
) -> tuple[SentenceCoverage, ...]:
    """One entry per sentence of ``doc``.

    ``scores[k]`` is ``(cover_a, cover_b)`` of link ``k``: the share of each side's content
    weight that the other side carries. A sentence is shared when it is in a same/paraphrase
    link or carried well enough by a partial one, partial when only thinly carried, unique when
    it has no link. Sentences that are not content (``Document.is_content_sentence``) are
    ``counted=False``.
    """
    held: dict[int, list[int]] = {}
    for k, link in enumerate(links):
        if k % 2000 == 0:
            check()
        for i in link.side(side):
            held.setdefault(i, []).append(k)
    out: list[SentenceCoverage] = []
    for i in range(len(doc.sentences)):
        if i % 2000 == 0:
            check()
        if not doc.is_content_sentence(i):
            out.append(_NOT_COUNTED)
            continue
        ks = held.get(i)
        if not ks:
            out.append(SentenceCoverage(Coverage.UNIQUE, 0.0))
            continue
        score = max(scores[k][0 if side == "a" else 1] for k in ks)
        full = any(links[k].kind is not LinkKind.PARTIAL for k in ks)
        status = Coverage.SHARED if full or score >= opts.shared_coverage else Coverage.PARTIAL
        out.append(SentenceCoverage(status, round(min(1.0, score), 4), tuple(ks)))
    return tuple(out)


def paragraph_links(
    a: Document, b: Document, links: Sequence[Link], check: Callable[[], None] = no_check
) -> tuple[ParagraphLink, ...]:
    """Paragraph pairs sharing linked sentences; similarity = linked share of both paragraphs."""
    chars: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for k, link in enumerate(links):
        if k % 2000 == 0:
            check()
        for i in link.a:
            pa = a.sentences[i].paragraph
            for j in link.b:
                pb = b.sentences[j].paragraph
                sa, sb = chars.setdefault((pa, pb), (set(), set()))
                sa.add(i)
                sb.add(j)
    out: list[ParagraphLink] = []
    check()
    for n, ((pa, pb), (sa, sb)) in enumerate(sorted(chars.items())):
        if n % 2000 == 0:
            check()
        linked = sum(len(a.sentences[i].span) for i in sa) + sum(
            len(b.sentences[j].span) for j in sb
        )
        total = len(a.paragraphs[pa].span) + len(b.paragraphs[pb].span)
        out.append(ParagraphLink(pa, pb, round(min(1.0, linked / total), 4)))
    return tuple(out)


def _shared_share(
    doc: Document, cov: Sequence[SentenceCoverage], check: Callable[[], None] = no_check
) -> tuple[float, int, int]:
    total = 0
    shared = 0.0
    unique = partial = 0
    for i, c in enumerate(cov):
        if i % 2000 == 0:
            check()
        if not c.counted:
            continue
        n = len(doc.sentences[i].span)
        total += n
        if c.status is Coverage.SHARED:
            shared += n
        elif c.status is Coverage.PARTIAL:
            shared += n * c.score
            partial += 1
        else:
            unique += 1
    return (round(shared / total, 4) if total else 0.0), unique, partial


def summary(
    a: Document,
    b: Document,
    links: Sequence[Link],
    cov_a: Sequence[SentenceCoverage],
    cov_b: Sequence[SentenceCoverage],
    facts: Sequence[Fact],
    check: Callable[[], None] = no_check,
) -> Summary:
    """Headline figures; shares are of counted characters, partial sentences count by score."""
    a_shared, a_unique, a_partial = _shared_share(a, cov_a, check)
    b_shared, b_unique, b_partial = _shared_share(b, cov_b, check)
    check()
    conflicts = sum(1 for f in facts if f.status == FactStatus.CONFLICT and f.content)
    return Summary(
        a_shared=a_shared,
        b_shared=b_shared,
        links=len(links),
        a_unique=a_unique,
        b_unique=b_unique,
        a_partial=a_partial,
        b_partial=b_partial,
        conflicts=conflicts,
    )
