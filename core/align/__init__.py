"""Sentence alignment of two Documents: which sentences of A say what which sentences of B say.

Method (measured by ``benchmarks/quality.py``):

1. Terms per content sentence (``core.tokens``): case folding, light stemming, month names as
   numbers. Spelling variants across the two sides (``Kyiv``/``Kiev``) become one term by a
   rapidfuzz ratio over the vocabulary, blocked by first letter and scored with ``cdist``.
2. Weights: IDF over the sentences of both articles, stop words weighed low, numbers and
   capitalized words (likely names) weighed up.
3. Candidates from an inverted index of the rarer terms (bounded postings products), ranked by
   their rare-term overlap, top few per sentence kept; then every candidate pair is scored in bulk
   with numpy (weighted Dice and the containment of each side in the other).
4. Neighbouring pairs (previous/next sentence of the same paragraph on both sides) support each
   other; then one-to-one links are chosen greedily by score (order is never forced: links may
   cross); adjacent unlinked sentences join a link when joint scoring says the group matches
   better (splits and merges); leftover sentences may take a second partner when clearly similar.

Everything is symmetric in A and B and independent of paragraph order (ties are broken by the
sentence texts), so swapping the articles mirrors the links.

Stages, one module each, data flowing one way (``arrays`` below all; progress and cancel go
through one ``core.progress.Work``):
``words`` (terms, spelling variants) -> ``sides`` (weighted term rows) -> ``candidates`` ->
``scoring`` -> ``linking`` (which pairs may link) -> ``groups`` (the link groups).

Imports: numpy, rapidfuzz, core.
"""

from __future__ import annotations

from core.align.groups import Group
from core.align.linking import align

__all__ = ["Group", "align"]
