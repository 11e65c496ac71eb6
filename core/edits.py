"""Corrections made by hand to a Comparison: add a link, remove one, mark a sentence.

No aligner is right every time; the person reviewing two articles can add a link the aligner
missed, remove a wrong one, or say of a sentence that the other article does not say it
("not shared") or says it spread over passages with no single counterpart ("shared"). Edits are
frozen values naming sentences by index; ``apply_edits`` returns a new Comparison (the one given
is never changed) in which only what the edits touch is worked out again: the links, the
coverage of the sentences they hold, the paragraph links of their paragraphs, the facts (matched
again from mentions extracted once per pair of documents) and the summary figures.

Imports: standard library, rapidfuzz, core.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz.distance import Indel

from core.coverage import summary
from core.facts import FactMatcher
from core.model import (
    Comparison,
    Coverage,
    Document,
    Link,
    LinkKind,
    ParagraphLink,
    SentenceCoverage,
    Side,
    Sides,
)
from core.options import CompareOptions
from core.tokens import word_spans
from core.worddiff import word_diff

Mark = Literal["", "not_shared", "shared"]
_SIDES: tuple[Side, Side] = ("a", "b")
MARKS: tuple[Mark, ...] = ("", "not_shared", "shared")

__all__ = [
    "MARKS",
    "AddLink",
    "Edit",
    "EditError",
    "MarkSentence",
    "RemoveLink",
    "apply_edit",
    "apply_edits",
    "forget_matchers",
    "hand_link",
    "touched_sentences",
]


class EditError(ValueError):
    """An edit that does not fit the comparison (no such sentence, no such link)."""


@dataclass(frozen=True, slots=True)
class AddLink:
    """Sentences ``a`` of A say what sentences ``b`` of B say (indices, sorted, no repeats)."""

    a: tuple[int, ...]
    b: tuple[int, ...]

    def __post_init__(self) -> None:
        _check_indices(self.a, "A")
        _check_indices(self.b, "B")


@dataclass(frozen=True, slots=True)
class RemoveLink:
    """Remove the link joining exactly sentences ``a`` of A and ``b`` of B."""

    a: tuple[int, ...]
    b: tuple[int, ...]

    def __post_init__(self) -> None:
        _check_indices(self.a, "A")
        _check_indices(self.b, "B")


@dataclass(frozen=True, slots=True)
class MarkSentence:
    """Decide one sentence's coverage by hand; ``mark=""`` hands the decision back to the links.

    ``"not_shared"`` also takes the sentence out of every link holding it (a link left with no
    sentence on one side goes).
    """

    side: Side
    sentence: int
    mark: Mark

    def __post_init__(self) -> None:
        if self.side not in ("a", "b"):
            raise EditError(f"side must be 'a' or 'b', not {self.side!r}")
        if self.mark not in MARKS:
            raise EditError(f"unknown mark {self.mark!r}: not_shared, shared or empty")
        _check_indices((self.sentence,), self.side.upper())


Edit = AddLink | RemoveLink | MarkSentence


def _check_indices(indices: tuple[int, ...], name: str) -> None:
    if not indices:
        raise EditError(f"a link needs at least one sentence of {name}")
    if any(not isinstance(i, int) or isinstance(i, bool) or i < 0 for i in indices):
        raise EditError(f"sentence numbers of {name} must be non-negative integers")
    if list(indices) != sorted(set(indices)):
        raise EditError(f"sentence numbers of {name} must be sorted and distinct")


def touched_sentences(comparison: Comparison, edit: Edit) -> dict[Side, set[int]]:
    """Sentences of each side whose coverage or links ``edit`` may change (on ``comparison``,
    before the edit)."""
    out: dict[Side, set[int]] = {"a": set(), "b": set()}
    if isinstance(edit, AddLink | RemoveLink):
        out["a"].update(edit.a)
        out["b"].update(edit.b)
    else:
        out[edit.side].add(edit.sentence)
        if edit.mark == "not_shared" and edit.sentence < len(comparison.coverage(edit.side)):
            for k in comparison.coverage(edit.side)[edit.sentence].links:
                link = comparison.links[k]
                out["a"].update(link.a)
                out["b"].update(link.b)
    return out


# -- facts: mentions extracted once per pair of documents ------------------------------------
_matchers: list[FactMatcher] = []  # the most recent first; a couple of pairs at most
_matchers_lock = threading.Lock()
_KEEP_MATCHERS = 2


def _matcher(a: Document, b: Document) -> FactMatcher:
    with _matchers_lock:
        for m in _matchers:
            if m.a is a and m.b is b:
                _matchers.remove(m)
                _matchers.insert(0, m)
                return m
    made = FactMatcher(a, b)
    with _matchers_lock:
        _matchers.insert(0, made)
        del _matchers[_KEEP_MATCHERS:]
    return made


def forget_matchers() -> None:
    """Drop the kept mentions (a window closing its comparison, tests)."""
    with _matchers_lock:
        _matchers.clear()


# -- applying ---------------------------------------------------------------------------------
def apply_edits(comparison: Comparison, edits: Iterable[Edit]) -> Comparison:
    """``comparison`` with ``edits`` applied in order; raises ``EditError`` on the first that does
    not fit (the Comparison given is never changed)."""
    edits = tuple(edits)
    if not edits:
        return comparison
    links = list(comparison.links)
    cov: dict[Side, list[SentenceCoverage]] = {
        "a": list(comparison.coverage_a),
        "b": list(comparison.coverage_b),
    }
    touched: dict[Side, set[int]] = {"a": set(), "b": set()}
    changed_links: list[Link] = []  # links gone or added: their paragraphs are worked out again
    for edit in edits:
        _apply(comparison, edit, links, cov, touched, changed_links)
    return _rebuild(comparison, links, cov, touched, changed_links)


def apply_edit(comparison: Comparison, edit: Edit) -> Comparison:
    return apply_edits(comparison, (edit,))


def hand_link(comparison: Comparison, a: tuple[int, ...], b: tuple[int, ...]) -> Link:
    """A link made by hand: its word diff and similarity (Indel over the words), kind same or
    paraphrase (the person says the passages say the same; how closely is the similarity)."""
    doc_a, doc_b = comparison.a, comparison.b
    diff = word_diff(doc_a, a, doc_b, b)
    words_a = [w for i in a for _s, _e, w in _words(doc_a, i)]
    words_b = [w for j in b for _s, _e, w in _words(doc_b, j)]
    similarity = round(float(Indel.normalized_similarity(words_a, words_b)), 4)
    opts = comparison.options
    kind = LinkKind.SAME if similarity >= opts.same_threshold else LinkKind.PARAPHRASE
    return Link(a, b, similarity, kind, diff, by="hand", cover=(1.0, 1.0))


def _words(doc: Document, i: int) -> list[tuple[int, int, str]]:
    span = doc.sentences[i].span
    return list(word_spans(span.of(doc.text), span.start))


def _check_sentences(comparison: Comparison, side: Side, indices: Sequence[int]) -> None:
    doc = comparison.document(side)
    name = side.upper()
    for i in indices:
        if i >= len(doc.sentences):
            raise EditError(f"{name} has no sentence {i + 1} (it has {len(doc.sentences)})")
        if not doc.is_content_sentence(i):
            raise EditError(
                f"sentence {i + 1} of {name} is not compared"
                " (a caption, byline or boilerplate, or no words)"
            )


def _apply(
    comparison: Comparison,
    edit: Edit,
    links: list[Link],
    cov: dict[Side, list[SentenceCoverage]],
    touched: dict[Side, set[int]],
    changed: list[Link],
) -> None:
    if isinstance(edit, AddLink | RemoveLink):
        _check_sentences(comparison, "a", edit.a)
        _check_sentences(comparison, "b", edit.b)
        at = next((k for k, x in enumerate(links) if x.a == edit.a and x.b == edit.b), None)
        if isinstance(edit, RemoveLink):
            if at is None:
                raise EditError(
                    f"no link joins sentences {_numbers(edit.a)} of A and {_numbers(edit.b)} of B"
                )
            changed.append(links[at])
            links[at] = _GONE
        else:
            made = hand_link(comparison, edit.a, edit.b)
            if at is not None:
                changed.append(links[at])
                links[at] = _GONE
            links.append(made)
            changed.append(made)
            # a link says the sentences are shared: marks made before it give way
            for side, held in zip(_SIDES, (edit.a, edit.b), strict=True):
                for i in held:
                    if cov[side][i].mark:
                        cov[side][i] = replace(cov[side][i], mark="")
        touched["a"].update(edit.a)
        touched["b"].update(edit.b)
        return
    side, i = edit.side, edit.sentence
    _check_sentences(comparison, side, (i,))
    touched[side].add(i)
    cov[side][i] = replace(cov[side][i], mark=edit.mark)
    if edit.mark != "not_shared":
        return
    for k, link in enumerate(links):
        if link is _GONE or i not in link.side(side):
            continue
        changed.append(link)
        touched["a"].update(link.a)
        touched["b"].update(link.b)
        rest = tuple(x for x in link.side(side) if x != i)
        links[k] = _GONE
        if rest:
            kept = Sides(link.a, link.b).replace(side, rest)
            made = hand_link(comparison, kept.a, kept.b)
            links.append(made)
            changed.append(made)


def _numbers(indices: Sequence[int]) -> str:
    return ", ".join(str(i + 1) for i in indices)


# A placeholder for a removed link while edits run: indices stay put until the end.
_GONE = Link((0,), (0,), 0.0, LinkKind.SAME)


def _rebuild(
    comparison: Comparison,
    links: list[Link],
    cov: dict[Side, list[SentenceCoverage]],
    touched: dict[Side, set[int]],
    changed: list[Link],
) -> Comparison:
    # new link numbers: removed ones close up, added ones were appended
    renumber: list[int] = []
    kept: list[Link] = []
    for link in links:
        renumber.append(len(kept) if link is not _GONE else -1)
        if link is not _GONE:
            kept.append(link)
    first_moved = next(
        (k for k, n in enumerate(renumber) if n != k), len(comparison.links)
    )  # links before it keep their numbers: coverage naming only those stays as it is
    holders: dict[Side, dict[int, list[int]]] = {"a": {}, "b": {}}
    for k, link in enumerate(kept):
        for side in _SIDES:
            for i in link.side(side):
                if i in touched[side]:
                    holders[side].setdefault(i, []).append(k)
    opts = comparison.options
    out: dict[Side, tuple[SentenceCoverage, ...]] = {}
    for side in _SIDES:
        entries = cov[side]
        for i, c in enumerate(entries):
            if i in touched[side]:
                entries[i] = _sentence_coverage(c, side, holders[side].get(i, []), kept, opts)
            elif c.links and max(c.links) >= first_moved:
                entries[i] = replace(c, links=tuple(renumber[k] for k in c.links))
        out[side] = tuple(entries)
    para_links = _paragraph_links(comparison, kept, changed)
    facts = _matcher(comparison.a, comparison.b).match(kept)
    figures = summary(comparison.a, comparison.b, kept, out["a"], out["b"], facts)
    return replace(
        comparison,
        links=tuple(kept),
        paragraph_links=para_links,
        coverage_a=out["a"],
        coverage_b=out["b"],
        facts=facts,
        summary=figures,
    )


def _sentence_coverage(
    old: SentenceCoverage,
    side: Side,
    held: list[int],
    links: list[Link],
    opts: CompareOptions,
) -> SentenceCoverage:
    """One touched sentence's coverage from the links holding it now (``core.coverage`` rules,
    with each link's kept cover scores), unless a hand mark decides."""
    if old.mark == "not_shared":
        return SentenceCoverage(Coverage.UNIQUE, 0.0, (), old.counted, "not_shared")
    ks = tuple(held)
    if old.mark == "shared":
        return SentenceCoverage(Coverage.SHARED, 1.0, ks, old.counted, "shared")
    if not ks:
        return SentenceCoverage(Coverage.UNIQUE, 0.0, (), old.counted)
    at = 0 if side == "a" else 1
    score = max((links[k].cover or (old.score, old.score))[at] for k in ks)
    full = any(links[k].kind is not LinkKind.PARTIAL for k in ks)
    status = Coverage.SHARED if full or score >= opts.shared_coverage else Coverage.PARTIAL
    return SentenceCoverage(status, round(min(1.0, score), 4), ks, old.counted)


def _paragraph_links(
    comparison: Comparison, links: list[Link], changed: list[Link]
) -> tuple[ParagraphLink, ...]:
    """Paragraph links with the pairs the changed links join worked out again (as
    ``core.coverage.paragraph_links`` does), the others kept."""
    a, b = comparison.a, comparison.b
    pairs: set[tuple[int, int]] = set()
    for link in changed:
        pas = {a.sentences[i].paragraph for i in link.a}
        pbs = {b.sentences[j].paragraph for j in link.b}
        pairs.update((pa, pb) for pa in pas for pb in pbs)
    if not pairs:
        return comparison.paragraph_links
    paras_a = {pa for pa, _ in pairs}
    chars: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for link in links:
        for i in link.a:
            pa = a.sentences[i].paragraph
            if pa not in paras_a:
                continue
            for j in link.b:
                key = (pa, b.sentences[j].paragraph)
                if key in pairs:
                    sa, sb = chars.setdefault(key, (set(), set()))
                    sa.add(i)
                    sb.add(j)
    redone: list[ParagraphLink] = []
    for (pa, pb), (sa, sb) in chars.items():
        linked = sum(len(a.sentences[i].span) for i in sa) + sum(
            len(b.sentences[j].span) for j in sb
        )
        total = len(a.paragraphs[pa].span) + len(b.paragraphs[pb].span)
        redone.append(ParagraphLink(pa, pb, round(min(1.0, linked / total), 4)))
    kept = [p for p in comparison.paragraph_links if (p.a, p.b) not in pairs]
    return tuple(sorted(kept + redone, key=lambda p: (p.a, p.b)))
