"""Tunable thresholds of the comparison, with the defaults measured best (benchmarks/quality.py).

The window exposes these; ``Comparison.options`` keeps the ones a comparison was made with, so
a report says how it was made.

Imports: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Thresholds of ``core.compare.compare``. Similarities are weighted Dice scores in [0, 1]."""

    #: a sentence pair becomes a one-to-one link at this similarity (after neighbour support)
    link_threshold: float = 0.20
    #: below this raw similarity a pair never links, whatever its neighbours say
    min_similarity: float = 0.16
    #: how much a linked neighbouring pair (previous/next sentence on both sides) adds
    neighbour_bonus: float = 0.35
    #: an adjacent sentence joins a link (split/merge) when this much of it is in the other side
    join_containment: float = 0.15
    #: any further pair links too (many-to-many, sentences already linked) at this similarity
    extra_link_threshold: float = 0.42
    #: ... or when most of one sentence (this share of its weight) is carried by the other
    contain_threshold: float = 0.45
    #: ... and that pair scores at least this share of the carried sentence's best pair
    contain_relative: float = 0.70
    #: the lead (first body sentence under a headline) sums up the story: it links to each later
    #: sentence that restates part of it at this similarity, when that pair is nearly the best
    #: of both sentences (``lead_relative`` of each one's best pair)
    lead_link: float = 0.18
    lead_relative: float = 0.70
    #: headline-headline, headline-lead and lead-lead pairs get this bonus when their similarity is
    #: at least ``headline_min``
    headline_bonus: float = 0.20
    headline_min: float = 0.03
    #: the articles are about one event when, on each side, this share of the shorter one's
    #: sentence count has a partner at ``link_threshold`` on its own (news pairs: 0.20-1.1;
    #: articles about different events: 0-0.13); otherwise headlines get no bonus and a pair
    #: must share more than names and be clearly similar (``extra_link_threshold``) to link
    related_share: float = 0.15
    #: a link is "same" at or above this similarity
    same_threshold: float = 0.90
    #: a link is "partial" when one side's covered share is under this fraction of the other's
    #: (one sentence says more than its counterpart)
    partial_threshold: float = 0.45
    #: a sentence in a partial link counts as shared when this much of its content is carried
    shared_coverage: float = 0.60
    #: rapidfuzz ratio (0-100) for two spellings to count as one word (Witkoff/Witkof); above
    #: 100 switches fuzzy matching off
    fuzzy_cutoff: float = 88.0
    #: weight factor of stop words (they still count a little, for very short sentences)
    stop_weight: float = 0.45
    #: extra weight factor for numbers and for capitalized words (likely names)
    number_boost: float = 1.5
    name_boost: float = 1.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int | float) or value < 0:
                raise ValueError(f"option {f.name} must be a non-negative number, got {value!r}")
