"""Link groups from scored pairs: one-to-one links, splits and merges, one-to-many extras.

Links are chosen greedily by score (order is never forced: links may cross); then adjacent
unlinked sentences join a link when scoring the group jointly says it matches better (one
sentence split into two, or two merged into one); then further clearly similar pairs, and
sentences mostly carried by another, link even when already linked elsewhere. The resulting
``Group`` objects are sorted by their sentences, and their figures do not depend on which
article is A.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.align.arrays import FloatArray
from core.align.sides import _Side
from core.model import Side, Sides
from core.options import CompareOptions
from core.progress import Work

_SIDES: tuple[Side, Side] = ("a", "b")


@dataclass(frozen=True, slots=True)
class Group:
    """One link before it becomes a ``core.model.Link``: sentence indices of each Document."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float  # weighted Dice of the two groups' terms
    cover_a: float  # share of the A group's weight that the B group carries
    cover_b: float
    identical: bool  # same words in the same order (case-folded)


class _Grouper:
    """Builds link groups from scored candidate pairs (content indices of each side)."""

    def __init__(
        self,
        sa: _Side,
        sb: _Side,
        weight: FloatArray,
        pair_shared: dict[int, float],
        opts: CompareOptions,
        work: Work,
    ) -> None:
        self.sa, self.sb, self.w = sa, sb, weight
        self.pair_shared = pair_shared
        self.opts = opts
        self.work = work
        self.link_of_a: dict[int, int] = {}
        self.link_of_b: dict[int, int] = {}
        self.links: list[tuple[list[int], list[int]]] = []
        self.extra: list[tuple[int, int]] = []

    def shared(self, i: int, j: int) -> float:
        return self.pair_shared.get(i * self.sb.n + j, 0.0)

    def wsum(self, ids: set[int]) -> float:
        if not ids:
            return 0.0
        return float(self.w[np.fromiter(ids, dtype=np.int64, count=len(ids))].sum())

    def link_greedy(self, ca: list[int], cb: list[int]) -> None:
        for k, (i, j) in enumerate(zip(ca, cb, strict=True)):
            if k % 5000 == 0:
                self.work.check()
            if i in self.link_of_a or j in self.link_of_b:
                continue
            self.link_of_a[i] = self.link_of_b[j] = len(self.links)
            self.links.append(([i], [j]))

    def _joint(self, group_a: list[int], group_b: list[int]) -> tuple[float, float, float]:
        ta: set[int] = set()
        for i in group_a:
            ta |= self.sa.term_set(i)
        tb: set[int] = set()
        for j in group_b:
            tb |= self.sb.term_set(j)
        # rounded: a set's sum depends on its order in the last bit
        wa, wb, ws = (round(self.wsum(t), 9) for t in (ta, tb, ta & tb))
        dice = 2 * ws / (wa + wb) if wa + wb > 0 else 0.0
        return dice, (ws / wa if wa else 0.0), (ws / wb if wb else 0.0)

    def join_neighbours(self) -> None:
        """Splits and merges: free adjacent sentences join a link when joint scoring improves.

        Claims are made against the one-to-one links only and then settled by containment,
        so the result does not depend on which side or which link is looked at first.
        """
        claims: dict[tuple[Side, int], tuple[float, int, int]] = {}
        scored = Sides(self.sa, self.sb)
        linked = Sides(self.link_of_a, self.link_of_b)
        for k, (ga, gb) in enumerate(self.links):
            if k % 500 == 0:
                self.work.check()
            for side in _SIDES:
                mine, other = (ga, gb) if side == "a" else (gb, ga)
                s_mine = scored.get(side)
                taken = linked.get(side)
                pivot = mine[0]
                for step in (-1, 1):
                    group = list(mine)
                    base: tuple[float, float, float] | None = None
                    cur = pivot
                    for _ in range(2):
                        nxt = cur + step
                        if not 0 <= nxt < s_mine.n or nxt in taken:
                            break
                        if s_mine.para[nxt] != s_mine.para[cur]:
                            break
                        own = s_mine.total[nxt]
                        sh = sum(
                            self.shared(nxt, o) if side == "a" else self.shared(o, nxt)
                            for o in other
                        )
                        contain = sh / own if own > 0 else 0.0
                        if contain < self.opts.join_containment:
                            break
                        if base is None:
                            base = (
                                self._joint(group, other)
                                if side == "a"
                                else self._joint(other, group)
                            )
                        trial = [*group, nxt]
                        joint = (
                            self._joint(trial, other) if side == "a" else self._joint(other, trial)
                        )
                        if joint[0] <= base[0]:
                            break
                        prev = claims.get((side, nxt))
                        if prev is None or (contain, -k) > (prev[0], -prev[1]):
                            claims[(side, nxt)] = (contain, k, step)
                        group, base, cur = trial, joint, nxt
        for (side, idx), (_, k, _) in sorted(claims.items()):
            Sides(*self.links[k]).get(side).append(idx)
            linked.get(side)[idx] = k

    def extra_links(self, ea: list[int], eb: list[int]) -> None:
        """Many-to-many: further pairs that are clearly similar, or where one sentence is mostly
        carried by the other, link even when both sentences are already linked elsewhere."""
        # a sentence already linked to an identical sentence is fully accounted for
        self.work.check()
        exact_a = {ga[0] for ga, gb in self.links if self._identical(ga, gb)}
        self.work.check()
        exact_b = {gb[0] for ga, gb in self.links if self._identical(ga, gb)}
        for n, (i, j) in enumerate(zip(ea, eb, strict=True)):
            if n % 20_000 == 0:
                self.work.check()
            k = self.link_of_a.get(i)
            if (k is not None and j in self.links[k][1]) or i in exact_a or j in exact_b:
                continue
            self.extra.append((i, j))

    def _identical(self, ga: list[int], gb: list[int]) -> bool:
        return len(ga) == len(gb) == 1 and self.sa.folded[ga[0]] == self.sb.folded[gb[0]]

    def groups(self) -> list[Group]:
        out: list[Group] = []
        pairs = [(sorted(ga), sorted(gb)) for ga, gb in self.links]
        pairs += [([i], [j]) for i, j in sorted(set(self.extra))]
        for k, (ga, gb) in enumerate(pairs):
            if k % 500 == 0:
                self.work.check()
            if len(ga) == len(gb) == 1:
                # a one-to-one link: its figures come from the bulk scores
                sh = self.shared(ga[0], gb[0])
                wa, wb = float(self.sa.total[ga[0]]), float(self.sb.total[gb[0]])
                dice = 2 * sh / (wa + wb) if wa + wb > 0 else 0.0
                cov_a, cov_b = (sh / wa if wa else 0.0), (sh / wb if wb else 0.0)
            else:
                dice, cov_a, cov_b = self._joint(ga, gb)
            identical = [self.sa.folded[i] for i in ga] == [self.sb.folded[j] for j in gb]
            if identical:
                dice = cov_a = cov_b = 1.0
            out.append(
                Group(
                    a=tuple(self.sa.index[i] for i in ga),
                    b=tuple(self.sb.index[j] for j in gb),
                    similarity=min(1.0, max(0.0, round(dice, 4))),
                    # rounded like the scores: sums over terms in another order differ in the
                    # last bit, and swapping the articles must not change a figure
                    cover_a=round(min(1.0, cov_a), 9),
                    cover_b=round(min(1.0, cov_b), 9),
                    identical=identical,
                )
            )
        return self._sorted(out)

    def _sorted(self, out: list[Group]) -> list[Group]:
        """``sorted(out, key=(a, b))`` in steps: a stable numpy sort on each group's first A
        sentence, then the few groups sharing one sorted by their full key, with cancel checks
        between."""
        self.work.check()
        first = np.fromiter((g.a[0] for g in out), dtype=np.int64, count=len(out))
        order = np.argsort(first, kind="stable")
        ordered = [out[k] for k in order.tolist()]
        firsts = first[order].tolist()
        self.work.check()
        result: list[Group] = []
        start = 0
        for end in range(1, len(ordered) + 1):
            if end % 5000 == 0:
                self.work.check()
            if end < len(ordered) and firsts[end] == firsts[start]:
                continue
            if end - start == 1:
                result.append(ordered[start])
            else:
                result += sorted(ordered[start:end], key=lambda g: (g.a, g.b))
            start = end
        return result
