"""Sides: one value per article, picked by side."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import Side, Sides


def test_get_picks_each_side() -> None:
    s = Sides(1, 2)
    assert (s.get("a"), s.get("b")) == (1, 2)


def test_of_calls_fn_once_per_side_in_order() -> None:
    seen: list[Side] = []

    def fn(side: Side) -> str:
        seen.append(side)
        return side.upper()

    assert Sides.of(fn) == Sides("A", "B")
    assert seen == ["a", "b"]


def test_map_and_items() -> None:
    s = Sides("x", "yy").map(len)
    assert s == Sides(1, 2)
    assert list(s.items()) == [("a", 1), ("b", 2)]


def test_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Sides(1, 2).a = 3  # type: ignore[misc]
