"""The scroll-sync mapping: sync point, monotone chain, anchored interpolation (no Qt)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from core.scroll_sync import map_offset, monotone_chain, steady, sync_scroll, syncpoint


def test_syncpoint_moves_from_top_to_middle_to_bottom() -> None:
    assert syncpoint(0, 100, 1000) == 0.0
    assert syncpoint(25, 100, 1000) == 0.25
    assert syncpoint(500, 100, 1000) == 0.5
    assert syncpoint(1000, 100, 1000) == 1.0
    assert syncpoint(975, 100, 1000) == 0.75
    assert syncpoint(10, 100, 0) == 0.0


def test_monotone_chain_skips_crossing_pairs() -> None:
    pairs = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)]
    assert monotone_chain(pairs) == [0, 2, 3, 4]
    assert monotone_chain([]) == []


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=40))
def test_monotone_chain_is_increasing(pairs: list[tuple[int, int]]) -> None:
    chain = monotone_chain(pairs)
    for i, j in itertools.pairwise(chain):
        assert pairs[i][0] < pairs[j][0] and pairs[i][1] < pairs[j][1]
    if pairs:
        assert chain


def test_map_offset_follows_anchor() -> None:
    anchors = [(100.0, 200.0, 500.0, 700.0)]
    assert map_offset(100, anchors, 1000, 1000) == 500
    assert map_offset(150, anchors, 1000, 1000) == 600
    assert map_offset(0, anchors, 1000, 1000) == 0
    assert map_offset(1000, anchors, 1000, 1000) == 1000
    assert map_offset(50, anchors, 1000, 1000) == 250


@given(
    st.lists(
        st.tuples(st.floats(0, 1000), st.floats(0, 50), st.floats(0, 1000), st.floats(0, 50)).map(
            lambda t: (t[0], t[0] + t[1], t[2], t[2] + t[3])
        ),
        max_size=10,
    ),
    st.floats(0, 1000),
    st.floats(0, 1000),
)
def test_map_offset_is_monotone_and_in_bounds(
    anchors: list[tuple[float, float, float, float]], y1: float, y2: float
) -> None:
    lo, hi = sorted((y1, y2))
    a, b = map_offset(lo, anchors, 1050, 1050), map_offset(hi, anchors, 1050, 1050)
    assert 0 <= a <= b <= 1050


def test_sync_scroll_reaches_both_ends() -> None:
    anchors = [(300.0, 400.0, 900.0, 1000.0)]
    assert sync_scroll(0, 200, 1800, 300, 2700, anchors) == 0
    assert sync_scroll(1800, 200, 1800, 300, 2700, anchors) == 2700
    # In the middle the anchor's top is kept level with the same viewport fraction.
    value = 300 - 100  # source sync point (middle of a 200 px view) at 300
    assert sync_scroll(value, 200, 1800, 300, 2700, anchors) == 900 - 150


def test_steady_never_moves_against_the_leader() -> None:
    assert steady(500, 460, source_delta=30) == 500
    assert steady(500, 540, source_delta=30) == 540
    assert steady(500, 540, source_delta=-30) == 500
    assert steady(500, 460, source_delta=-30) == 460
    assert steady(500, 460, source_delta=0) == 460
