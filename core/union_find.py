"""Disjoint sets over ``0..n-1``: the one union-find that links, quotes and statements share."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets with path halving.

    ``union(keep, other)`` makes ``keep``'s root the root of the merged set, so the caller decides
    which member names a set (the first sentence, the shortest word) instead of an arbitrary rank.
    """

    __slots__ = ("_parent",)

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, keep: int, other: int) -> int:
        """Merge the sets of ``keep`` and ``other``; return the merged set's root (``keep``'s)."""
        rk, ro = self.find(keep), self.find(other)
        if rk != ro:
            self._parent[ro] = rk
        return rk
