"""Links the pair model finds where the lexical aligner left a sentence unique.

The lexical aligner is the fast path. After it, every content sentence that no link holds gets
its few most likely partners on the other side (a cheap ranking by shared rare words) read by
the pair model (``core.pair_model``); a pair the model is sure of becomes a one-to-one link of
kind ``LinkKind.MODEL`` ("paraphrase (model)"), so views and reports say where it came from.

The model only runs when the lexical aligner found the articles related (some link): articles
about different events keep no links. At most ``CompareOptions.model_max_pairs`` pairs are read;
when there would be more, the rarest-word candidates go first and the summary says the cap was
hit. Scoring runs in batches with the cancel check between them.

Imports: core only (numpy, onnxruntime and tokenizers through core.pair_model).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from core.model import Document, Link, LinkKind, Side
from core.options import CompareOptions
from core.tokens import STOP_WORDS, terms
from core.worddiff import word_diff

#: a word in more than this share of a side's sentences is not used to find candidates
_COMMON_SHARE = 0.05
#: ... but a short article keeps words up to this many sentences
_COMMON_MIN = 8


class Scorer(Protocol):
    """What reads sentence pairs: ``core.pair_model.PairModel`` (tests give a stand-in)."""

    def score(
        self, pairs: Sequence[tuple[str, str]], tick: Callable[[], None] | None = None
    ) -> list[float]: ...


@dataclass(frozen=True, slots=True)
class ModelLinks:
    """What the model added: the new links, their coverage scores, pairs read, cap hit."""

    links: tuple[Link, ...]
    scores: tuple[tuple[float, float], ...]
    pairs_read: int
    capped: bool


NO_MODEL_LINKS = ModelLinks((), (), 0, False)


def _words(doc: Document, index: int) -> frozenset[str]:
    return frozenset(t for t, _ in terms(doc.sentence_text(index)) if t not in STOP_WORDS)


def _content(doc: Document) -> list[int]:
    return [i for i in range(len(doc.sentences)) if doc.is_content_sentence(i)]


def candidates(
    a: Document,
    b: Document,
    links: Sequence[Link],
    k: int,
    tick: Callable[[], None],
    k_linked: int = 0,
) -> list[tuple[float, int, int]]:
    """(rank score, i, j): the top-``k`` partners of each unlinked content sentence and the
    top-``k_linked`` of each linked one, leaving out pairs a link already holds.

    The rank score sums the inverse document frequency of the words a pair shares (words in
    many sentences of one side are skipped), so long inputs stay cheap.
    """
    held: dict[Side, set[int]] = {"a": set(), "b": set()}
    linked = {(i, j) for link in links for i in link.a for j in link.b}
    for link in links:
        held["a"].update(link.a)
        held["b"].update(link.b)
    docs: dict[Side, Document] = {"a": a, "b": b}
    both: tuple[Side, Side] = ("a", "b")
    ids = {s: _content(docs[s]) for s in both}
    words: dict[Side, dict[int, frozenset[str]]] = {"a": {}, "b": {}}
    postings: dict[Side, dict[str, list[int]]] = {"a": {}, "b": {}}
    for s in both:
        for n, i in enumerate(ids[s]):
            if n % 500 == 0:
                tick()
            w = _words(docs[s], i)
            words[s][i] = w
            for t in w:
                postings[s].setdefault(t, []).append(i)
    total = len(ids["a"]) + len(ids["b"])
    idf = {
        t: math.log(1 + total / (len(postings["a"].get(t, ())) + len(postings["b"].get(t, ()))))
        for t in postings["a"].keys() & postings["b"].keys()
    }
    out: dict[tuple[int, int], float] = {}
    sides: tuple[tuple[Side, Side], ...] = (("a", "b"), ("b", "a"))
    for s, other in sides:
        limit = max(_COMMON_MIN, int(_COMMON_SHARE * len(ids[other])))
        for n, i in enumerate(ids[s]):
            if n % 200 == 0:
                tick()
            top = k_linked if i in held[s] else k
            if top <= 0:
                continue
            acc: dict[int, float] = {}
            for t in words[s][i]:
                weight = idf.get(t)
                post = postings[other].get(t)
                if weight is None or post is None or len(post) > limit:
                    continue
                for j in post:
                    acc[j] = acc.get(j, 0.0) + weight
            ranked = sorted(acc.items(), key=lambda x: -x[1])
            ranked = [(j, v) for j, v in ranked if ((i, j) if s == "a" else (j, i)) not in linked]
            for j, v in ranked[:top]:
                pair = (i, j) if s == "a" else (j, i)
                out[pair] = max(out.get(pair, 0.0), v)
    return sorted(((v, i, j) for (i, j), v in out.items()), key=lambda x: (-x[0], x[1], x[2]))


def model_links(
    model: Scorer,
    a: Document,
    b: Document,
    links: Sequence[Link],
    opts: CompareOptions,
    tick: Callable[[], None],
) -> ModelLinks:
    """Links the model adds for sentences ``links`` leave unique (see the module docstring)."""
    if not links:
        return NO_MODEL_LINKS
    k_linked = int(opts.model_top_k_linked) if opts.model_extra_threshold <= 1 else 0
    found = candidates(a, b, links, int(opts.model_top_k), tick, k_linked)
    cap = int(opts.model_max_pairs)
    capped = len(found) > cap
    found = found[:cap]
    pairs = [(a.sentence_text(i), b.sentence_text(j)) for _, i, j in found]
    probs = model.score(pairs, tick)
    held_a = {i for link in links for i in link.a}
    held_b = {j for link in links for j in link.b}
    # each unlinked sentence takes its best-scored partner(s) above the threshold
    best: dict[tuple[Side, int], float] = {}
    for (_, i, j), p in zip(found, probs, strict=True):
        best[("a", i)] = max(best.get(("a", i), 0.0), p)
        best[("b", j)] = max(best.get(("b", j), 0.0), p)
    new: list[Link] = []
    scores: list[tuple[float, float]] = []
    margin = opts.model_margin
    for (_, i, j), p in sorted(zip(found, probs, strict=True), key=lambda x: (x[0][1], x[0][2])):
        if i in held_a and j in held_b:
            # two sentences that both have partners: only a pair the model is very sure of
            if p < opts.model_extra_threshold:
                continue
        elif p < opts.model_threshold:
            continue
        near_a = i not in held_a and p >= best[("a", i)] - margin
        near_b = j not in held_b and p >= best[("b", j)] - margin
        if not (near_a or near_b or (i in held_a and j in held_b)):
            continue
        tick()
        sim = round(p, 4)
        new.append(Link((i,), (j,), sim, LinkKind.MODEL, word_diff(a, (i,), b, (j,))))
        scores.append((sim, sim))
    return ModelLinks(tuple(new), tuple(scores), len(found), capped)


def trimmed_links(
    model: Scorer,
    a: Document,
    b: Document,
    links: Sequence[Link],
    opts: CompareOptions,
    tick: Callable[[], None],
) -> dict[int, Link]:
    """One-to-many links without the extra partners the model does not confirm.

    For a link of one sentence to several, each partner is read with that sentence; partners
    under ``opts.model_drop_threshold`` leave the link (the best one always stays). Answers
    {link index: the trimmed link} for the links that changed.
    """
    if opts.model_drop_threshold <= 0:
        return {}
    todo: list[tuple[int, int, int]] = []  # (link, i, j)
    for k, link in enumerate(links):
        if link.kind is LinkKind.MODEL or (len(link.a) > 1) == (len(link.b) > 1):
            continue
        todo += [(k, i, j) for i in link.a for j in link.b]
    todo = todo[: int(opts.model_max_pairs)]
    probs = model.score([(a.sentence_text(i), b.sentence_text(j)) for _, i, j in todo], tick)
    by_link: dict[int, dict[tuple[int, int], float]] = {}
    for (k, i, j), p in zip(todo, probs, strict=True):
        by_link.setdefault(k, {})[(i, j)] = p
    out: dict[int, Link] = {}
    for k, read in by_link.items():
        link = links[k]
        best = max(read, key=lambda ij: read[ij])
        keep = {ij for ij, p in read.items() if p >= opts.model_drop_threshold} | {best}
        ka = tuple(i for i in link.a if any((i, j) in keep for j in link.b))
        kb = tuple(j for j in link.b if any((i, j) in keep for i in link.a))
        if (ka, kb) != (link.a, link.b):
            tick()
            out[k] = Link(ka, kb, link.similarity, link.kind, word_diff(a, ka, b, kb))
    return out


def model_note(links: int, capped: bool) -> str:
    """One line for reports and the window: what the pair model added ("" when nothing)."""
    if not links and not capped:
        return ""
    text = f"{links} link{'s' if links != 1 else ''} found by the pair model"
    if capped:
        text += " (it stopped at its cap of pairs to read: some unique sentences were not checked)"
    return text
