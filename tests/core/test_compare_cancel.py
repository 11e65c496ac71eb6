"""compare() at its edges: a cancelled run is freed in the background, a chunk at a time, without
touching what the caller holds; the collector is paused during runs and the result frozen after.
"""

from __future__ import annotations

import gc
import tracemalloc
import types
import weakref
from typing import Any

import pytest

import core.collector as collector
import core.compare as compare_module
from core.collector import wait_freed
from core.compare import compare
from core.errors import Cancelled
from core.export.json_report import render_json
from core.model import Document
from core.reading.dispatch import read_text


class _Node:
    """A weak-referenceable object with a __dict__ (taken apart on its own)."""

    def __init__(self, *held: object) -> None:
        self.held = list(held)


class _Slotted:
    __slots__ = ("__weakref__", "items", "other")

    def __init__(self, items: object, other: object) -> None:
        self.items = items
        self.other = other


def _garbage(shared: list[_Node]) -> tuple[list[object], list[weakref.ref[Any]]]:
    """Nested structures only the returned stack holds, and weak references into them."""
    nodes = [_Node() for _ in range(200)]
    refs = [weakref.ref(n) for n in nodes]
    stack: list[object] = [
        list(nodes[:50]),  # a big list
        tuple(nodes[50:90]),  # a big tuple
        {k: nodes[90 + k] for k in range(30)},  # a big dict
        frozenset(nodes[120:140]),
        _Node(nodes[140:160], shared),  # an instance holding a list and a shared list
        _Slotted(tuple(nodes[160:190]), {"x": nodes[190:200]}),  # slotted, nested
        shared,
    ]
    del nodes
    return stack, refs


def test_free_in_chunks_frees_what_only_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "_FREE_CHUNK", 7)
    monkeypatch.setattr(collector, "_FREE_SPLIT", 5)
    shared = [_Node() for _ in range(12)]
    shared_dict = {"k": shared}
    stack, refs = _garbage(shared)
    stack.append(shared_dict)
    gc.collect()
    collector._free_in_chunks(stack)
    assert stack == []
    assert all(r() is None for r in refs)
    # what someone else holds is let go of, never emptied
    assert len(shared) == 12 and shared_dict == {"k": shared}


def _pair(words: int) -> tuple[Document, Document]:
    from benchmarks.bench_compare import generate_pair

    text_a, text_b = generate_pair(words, seed=2)
    return read_text(text_a, "a.txt"), read_text(text_b, "b.txt")


def _cancel_after(checks: int) -> Any:
    calls = 0

    def should_cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > checks

    return should_cancel


@pytest.mark.parametrize("checks", [0, 2, 5, 10_000])
def test_cancel_leaves_nothing_behind_and_inputs_intact(checks: int) -> None:
    a, b = _pair(3000)
    expected = render_json(compare(a, b))
    wait_freed(10)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        try:
            compare(a, b, should_cancel=_cancel_after(checks))
            cancelled = False
        except Cancelled:
            cancelled = True
        assert wait_freed(10)
        left = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    if checks < 10_000:
        assert cancelled
        # the half-built run is gone (a few KB for the freer thread, queues and caches)
        assert left < 64_000, left
    again = render_json(compare(a, b))
    assert again.split('"created"')[0] == expected.split('"created"')[0]


def test_cancel_is_raised_without_waiting_for_the_freeing(monkeypatch: pytest.MonkeyPatch) -> None:
    buried: list[list[object]] = []

    class Graveyard:
        def put(self, roots: list[object]) -> None:
            buried.append(roots)

    monkeypatch.setattr(collector, "_graveyard", Graveyard())
    monkeypatch.setattr(collector, "_graveyard_pending", 0)
    a, b = _pair(2000)
    tracemalloc.start()
    try:
        bar = [0.0]
        with pytest.raises(Cancelled):
            # cancelled half-way, when much has been built
            compare(a, b, progress=lambda f: bar.append(f), should_cancel=lambda: bar[-1] > 0.5)
        # the run's leftovers went to the freer as roots, not freed on the caller's time
        assert len(buried) == 1
        roots = buried.pop()
        frames = [x for x in roots if isinstance(x, types.TracebackType)]
        roots = [x for x in roots if not isinstance(x, types.TracebackType)]
        held = tracemalloc.get_traced_memory()[0]
        collector._free_in_chunks(roots)
        after_roots = tracemalloc.get_traced_memory()[0]
        del frames
        after_frames = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # the unwound frames hold nothing any more: freeing the roots (in chunks) frees the run,
    # dropping the frames afterwards frees next to nothing
    assert held - after_roots > 200_000
    assert after_roots - after_frames < 0.05 * (held - after_roots)


def test_collector_paused_during_compare_and_big_results_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    a, b = _pair(1000)
    assert gc.isenabled()
    gc.unfreeze()
    compare(a, b, progress=lambda f: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()
    # a small run is left in the collector's reach: nothing is frozen
    assert gc.get_freeze_count() == 0
    # a big run is moved to the permanent generation: the next collections do not walk it
    monkeypatch.setattr(collector, "_FREEZE_ABOVE", 100)
    compare(a, b)
    assert gc.get_freeze_count() > 0
    assert gc.get_count()[0] < 1000
    gc.unfreeze()


def test_collector_left_alone_when_the_caller_paused_it() -> None:
    a, b = _pair(1000)
    gc.disable()
    try:
        compare(a, b)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compare_makes_no_reference_cycles() -> None:
    """Freezing the result is safe only because compare() leaves no cyclic garbage."""
    a, b = _pair(2000)
    gc.collect()
    gc.disable()
    try:
        result = compare_module._compare(a, b, None, None, None)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert result.links


def test_collector_resumes_only_when_the_last_compare_ends() -> None:
    assert gc.isenabled()
    with collector.collector_paused():
        with collector.collector_paused():  # a second compare() in another thread
            assert not gc.isenabled()
        assert not gc.isenabled()  # the first one still runs
    assert gc.isenabled()


def test_compares_in_two_threads_leave_the_collector_on() -> None:
    import threading

    a, b = _pair(1000)
    expected = render_json(compare(a, b)).split('"created"')[0]
    got: list[str] = []

    def run() -> None:
        got.append(render_json(compare(a, b)).split('"created"')[0])

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [expected, expected]
    assert gc.isenabled()
