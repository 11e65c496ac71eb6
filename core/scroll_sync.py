"""Synchronized scrolling of two panes that follow the links, as a pure mapping (no Qt).

The GUI measures where linked passages sit (document pixels) and asks this module where the
other pane should scroll; a re-entrancy guard in the GUI stops the two panes from feeding each
other. As in Meld, the *sync point* is the part of the viewport that is kept level: the top of
the view at the top of the document, the middle in between, the bottom at the end, so both
articles can be scrolled all the way to their ends.

Imports: standard library only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

# (source top, source bottom, target top, target bottom), document coordinates.
Anchor = tuple[float, float, float, float]


def syncpoint(value: float, page: float, maximum: float) -> float:
    """Fraction of the viewport height (0 top … 1 bottom) that is kept level.

    ``value`` is the scroll position in ``[0, maximum]`` and ``page`` the viewport height. The
    point moves from the top to the middle over the first half screen, stays in the middle, and
    moves to the bottom over the last half screen.
    """
    if maximum <= 0 or page <= 0:
        return 0.0
    value = min(max(value, 0.0), maximum)
    if maximum <= page:
        return value / maximum
    half = page / 2
    if value < half:
        return 0.5 * value / half
    if value > maximum - half:
        return 1.0 - 0.5 * (maximum - value) / half
    return 0.5


def monotone_chain(pairs: Sequence[tuple[float, float]]) -> list[int]:
    """Indices of a longest chain of ``pairs`` increasing strictly in both coordinates.

    Links between reordered articles cross; scrolling can only follow links that keep their
    order, so the GUI syncs on this chain (O(n log n) longest increasing subsequence).
    """
    order = sorted(range(len(pairs)), key=lambda i: (pairs[i][0], -pairs[i][1]))
    tails: list[float] = []  # smallest second coordinate ending a chain of each length
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for i in order:
        y = pairs[i][1]
        k = bisect_left(tails, y)
        if k == len(tails):
            tails.append(y)
            tail_index.append(i)
        else:
            tails[k] = y
            tail_index[k] = i
        parent[i] = tail_index[k - 1] if k > 0 else -1
    chain: list[int] = []
    i = tail_index[-1] if tail_index else -1
    while i != -1:
        chain.append(i)
        i = parent[i]
    chain.reverse()
    return chain


def map_offset(
    y: float, anchors: Sequence[Anchor], source_extent: float, target_extent: float
) -> float:
    """Where source position ``y`` lands in the target, interpolating between anchors.

    The document ends anchor each other; anchors that would make the map run backwards are
    skipped, so the result never decreases as ``y`` grows.
    """
    xs: list[float] = [0.0]
    ys: list[float] = [0.0]
    for s_top, s_bottom, t_top, t_bottom in sorted(anchors):
        for sx, ty in ((s_top, t_top), (max(s_top, s_bottom), max(t_top, t_bottom))):
            if sx >= xs[-1] and ty >= ys[-1] and sx <= source_extent and ty <= target_extent:
                xs.append(sx)
                ys.append(ty)
    if source_extent >= xs[-1] and target_extent >= ys[-1]:
        xs.append(source_extent)
        ys.append(target_extent)
    y = min(max(y, 0.0), xs[-1])
    k = bisect_right(xs, y) - 1
    if k >= len(xs) - 1:
        return ys[-1]
    x0, x1, y0, y1 = xs[k], xs[k + 1], ys[k], ys[k + 1]
    if x1 <= x0:
        return y1
    return y0 + (y1 - y0) * (y - x0) / (x1 - x0)


def sync_scroll(
    value: float,
    page: float,
    maximum: float,
    target_page: float,
    target_maximum: float,
    anchors: Sequence[Anchor],
) -> int:
    """Scroll value for the target pane when the source pane is at ``value``.

    Extents are ``maximum + page`` on each side; the sync point of the source maps through the
    anchors and is placed at the same fraction of the target viewport.
    """
    fraction = syncpoint(value, page, maximum)
    source_y = value + fraction * page
    target_y = map_offset(source_y, anchors, maximum + page, target_maximum + target_page)
    target = target_y - fraction * target_page
    return round(min(max(target, 0.0), max(target_maximum, 0.0)))


def steady(previous: float, proposed: float, source_delta: float) -> float:
    """Keep the follower from scrolling against the leader's direction.

    Where one article has a passage the other lacks, the map is nearly flat and the moving
    sync point alone would pull the follower backwards for a while; it waits instead.
    """
    if source_delta > 0 and proposed < previous:
        return previous
    if source_delta < 0 and proposed > previous:
        return previous
    return proposed
