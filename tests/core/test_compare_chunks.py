"""The chunked steps of the aligner give exactly what their one-shot versions gave."""

from __future__ import annotations

import random
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pytest

import core.align.arrays as arrays_module
import core.align.candidates as candidates_module
from core.align.arrays import _unique_rows
from core.align.candidates import _postings
from core.align.groups import Group, _Grouper
from core.progress import Work


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_postings_in_blocks_equal_one_stable_sort(
    monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    rnd = random.Random(batch)
    nv = 40
    rows = [sorted(rnd.sample(range(nv), rnd.randint(0, 9))) for _ in range(60)]
    indptr = np.cumsum([0] + [len(r) for r in rows]).astype(np.int64)
    terms = np.asarray([t for r in rows for t in r], dtype=np.int64)
    side = SimpleNamespace(n=len(rows), indptr=indptr, terms=terms)
    monkeypatch.setattr(candidates_module, "BATCH_PAIRS", batch)
    ticks: list[float | None] = []
    counting = cast(Any, SimpleNamespace(check=lambda: ticks.append(None)))
    ptr, post = _postings(cast(Any, side), nv, counting)
    owner = np.repeat(np.arange(len(rows)), np.diff(indptr))
    assert post.tolist() == owner[np.argsort(terms, kind="stable")].tolist()
    assert ptr.tolist() == [0, *np.cumsum(np.bincount(terms, minlength=nv)).tolist()]
    assert len(ticks) == -(-len(terms) // batch)


def test_groups_sorted_in_steps_equal_one_sort() -> None:
    rnd = random.Random(4)
    out = [
        Group(
            a=tuple(sorted(rnd.sample(range(30), rnd.randint(1, 3)))),
            b=tuple(sorted(rnd.sample(range(30), rnd.randint(1, 3)))),
            similarity=rnd.random(),
            cover_a=0.5,
            cover_b=0.5,
            identical=False,
        )
        for _ in range(12_000)
    ]
    grouper = cast(Any, SimpleNamespace(work=Work()))
    got = _Grouper._sorted(grouper, list(out))
    assert got == sorted(out, key=lambda g: (g.a, g.b))
    assert _Grouper._sorted(grouper, []) == []


@pytest.mark.parametrize("batch", [1, 5, 64, 100_000])
def test_unique_rows_in_blocks_equal_one_sort(monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    rnd = random.Random(batch)
    nv = 30
    lengths = [rnd.randint(0, 12) for _ in range(50)]  # empty rows, repeated terms
    owner = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    flat = np.asarray([rnd.randrange(nv) for _ in range(len(owner))], dtype=np.int64)
    monkeypatch.setattr(arrays_module, "BATCH_PAIRS", batch)
    ticks: list[float | None] = []
    counting = cast(Any, SimpleNamespace(check=lambda: ticks.append(None)))
    got = _unique_rows(owner, flat, nv, counting)
    assert got.dtype == np.int64
    assert got.tolist() == sorted(set((owner * nv + flat).tolist()))
    assert len(ticks) >= -(-len(owner) // max(batch, max(lengths)))
    empty = np.zeros(0, dtype=np.int64)
    assert _unique_rows(empty, empty, nv, Work()).tolist() == []
