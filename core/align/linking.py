"""Which scored pairs may link: the decisions between scoring and grouping.

From the bulk scores, a pair's Dice, its neighbour support and the headline/lead bonus make the
score that orders the one-to-one links; articles that turn out not to be about one event must
share more than names; a subheading links only to a label or a close paraphrase; a sentence
mostly carried by another, and the lead restated later, are offered as extra links. This module
runs the stages in order and hands the pairs to the grouper.
"""

from __future__ import annotations

import numpy as np

from core.align.arrays import BATCH_PAIRS, FloatArray, _group_max
from core.align.candidates import _candidates
from core.align.groups import Group, _Grouper
from core.align.scoring import _neighbour_support, _score
from core.align.sides import _build_sides
from core.model import Document
from core.options import CompareOptions
from core.progress import Work


def align(
    a: Document,
    b: Document,
    opts: CompareOptions,
    work: Work,
) -> list[Group]:
    """Link groups of sentences of A and B; the method is in ``core.align``'s docstring."""
    sa, sb, weight, content_weight, rare, nv = _build_sides(a, b, opts, work)
    with work.stage("candidates"):
        ia, ib = _candidates(sa, sb, weight, rare, nv, work)
    if len(ia) == 0:
        return []
    with work.stage("scoring"):
        shared = _score(sa, sb, weight, ia, ib, nv, work)
        denom = sa.total[ia] + sb.total[ib]
        work.check()
        dice: FloatArray = np.where(denom > 0, 2 * shared / np.maximum(denom, 1e-12), 0.0)
        work.check()
        dice = np.round(np.minimum(dice, 1.0), 9).astype(np.float64)
        support = _neighbour_support(sa, sb, ia, ib, dice, opts.link_threshold, work)
    with work.stage("linking"):
        boosted = np.where(dice >= opts.min_similarity, dice + opts.neighbour_bonus * support, 0.0)
        boosted = np.round(np.minimum(boosted, 2.0), 9)
        work.check()
        # Two articles about one event: their headlines, a headline and the other side's lead, and
        # the two leads tell the same main event, so a little shared wording is enough there.
        head_pair = (sa.head[ia] >= 1) & (sb.head[ib] >= 1)
        head_pair &= dice >= opts.headline_min
        # ... if the articles are about one event at all: enough sentences have a good partner,
        # counted on the side with fewer of them so that either article may be A
        good = dice >= opts.link_threshold
        well_matched = min(np.count_nonzero(np.bincount(ix[good], minlength=1)) for ix in (ia, ib))
        if well_matched < opts.related_share * max(1, min(sa.n, sb.n)):
            head_pair[:] = False
            # Articles about different events often name the same people and places (one town's
            # mayor in a fire report and a sports report): there a pair must share more than names.
            content = _score(sa, sb, content_weight, ia, ib, nv, work)
            weak = 2 * content / np.maximum(denom, 1e-12) < opts.min_similarity
            # ... and only clearly similar sentences link (short generic sentences share a word)
            weak |= dice < opts.extra_link_threshold
            dice[weak] = 0.0
            boosted[weak] = 0.0
        work.check()
        boosted = np.where(head_pair, np.maximum(boosted, dice + opts.headline_bonus), boosted)
        # a subheading is a section label ("Heart disease"), not a statement: the sentence that
        # mentions its words does not say what it says; it links to a label or to a close paraphrase
        label_only = (sa.label[ia] != sb.label[ib]) & (dice < opts.extra_link_threshold)
        boosted[label_only] = 0.0
        work.check()
        cont_a = shared / np.maximum(sa.total[ia], 1e-12)
        work.check()
        cont_b = shared / np.maximum(sb.total[ib], 1e-12)
        work.advance(0.1)
        # the pairs the grouping steps may look up: possible links and possible joins
        useful = np.flatnonzero(
            (boosted >= opts.link_threshold)
            | (cont_a >= opts.join_containment)
            | (cont_b >= opts.join_containment)
        )
        pair_shared: dict[int, float] = {}
        for start in range(0, len(useful), BATCH_PAIRS // 2):
            work.check()
            part = useful[start : start + BATCH_PAIRS // 2]
            pair_shared.update(
                zip((ia[part] * sb.n + ib[part]).tolist(), shared[part].tolist(), strict=True)
            )
        work.advance(0.15)
        grouper = _Grouper(sa, sb, weight, pair_shared, opts, work)
        cand = np.flatnonzero(boosted >= opts.link_threshold)
        # order: score desc, then an order-free, A/B-symmetric tie break on the sentence texts,
        # then closeness of relative position (so duplicated sentences pair in order)
        ca, cb = ia[cand], ib[cand]
        crc_a = np.asarray(sa.crc, dtype=np.int64)[ca]
        crc_b = np.asarray(sb.crc, dtype=np.int64)[cb]
        rel = np.round(np.abs(ca / max(1, sa.n) - cb / max(1, sb.n)), 9)
        order = np.lexsort(
            (rel, np.maximum(crc_a, crc_b), np.minimum(crc_a, crc_b), -boosted[cand])
        )
        work.advance(0.2)
        grouper.link_greedy(ca[order].tolist(), cb[order].tolist())
        work.advance(0.4)
        grouper.join_neighbours()
        work.advance(0.75)
        # a sentence mostly carried by another links to it too, if the pair is nearly as good as
        # the carried sentence's best pair (a short headline is "carried" by many sentences)
        best_a = np.zeros(sa.n, dtype=np.float64)
        best_b = np.zeros(sb.n, dtype=np.float64)
        _group_max(best_a, ia, dice, work)
        _group_max(best_b, ib, dice, work)
        carried = np.empty(len(ia), dtype=bool)
        for start in range(0, len(ia), BATCH_PAIRS):
            work.check()
            sl = slice(start, start + BATCH_PAIRS)
            pa, pb, pd = cont_a[sl], cont_b[sl], dice[sl]
            best_of_carried = np.where(pa >= pb, best_a[ia[sl]], best_b[ib[sl]])
            carried[sl] = (
                (np.maximum(pa, pb) >= opts.contain_threshold)
                & (pd >= opts.min_similarity)
                & (pd >= opts.contain_relative * best_of_carried)
                & ~label_only[sl]
            )
        work.check()
        # the lead sums the story up: it links to later sentences that restate part of it
        one_lead = (sa.head[ia] == 2) | (sb.head[ib] == 2)
        one_lead &= (sa.head[ia] != 1) & (sb.head[ib] != 1)
        work.check()
        lead_pair = (
            one_lead
            & (dice >= opts.lead_link)
            & (dice >= opts.lead_relative * best_a[ia])
            & (dice >= opts.lead_relative * best_b[ib])
            & ~label_only
        )
        work.check()
        extra = np.flatnonzero(
            (dice >= opts.extra_link_threshold)
            | carried
            | lead_pair
            | (head_pair & (boosted >= opts.link_threshold))
        )
        work.advance(0.85)
        grouper.extra_links(ia[extra].tolist(), ib[extra].tolist())
        return grouper.groups()
