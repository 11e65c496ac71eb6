"""Memory handling around compare(): the garbage collector's pause and freeing cancelled runs.

A large pair makes millions of small objects. Two costs follow that have nothing to do with
comparing, and this module keeps both off the caller's thread:

- ``collector_paused()`` wraps every compare() call. The cyclic collector is paused while any
  compare() runs (it would walk those objects, stalling progress for up to a second), and after
  a big run the survivors are frozen out of its reach before it resumes.
- ``bury(exc)`` runs when a compare() is cancelled. What the unwound frames still hold is handed
  to one background thread that frees it a chunk at a time, so the caller hears of the cancel at
  once instead of waiting up to ~0.3 s for the memory to go.

Imports: the standard library only.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import queue
import sys
import threading
from collections.abc import Iterator

log = logging.getLogger(__name__)

# The cyclic garbage collector would walk the millions of small objects a large pair creates,
# stalling progress for up to a second at a time; nothing compare() builds makes cycles, so the
# collector is paused while any compare() runs. When the last one ends, everything alive is moved
# to the collector's permanent generation (gc.freeze) before it is resumed: otherwise its next
# passes (at the first allocations after compare() returns, in whichever thread) walk the whole
# result, ~0.3 s with the GIL held at 1M words. Frozen objects are still freed by reference
# counting when dropped (a Comparison holds no cycles); the cost is that garbage cycles that
# exist at that moment, or that frozen objects form later, are never collected. So the freeze
# happens only after big runs: a news-article pair leaves a few thousand new objects (a pass
# over them takes well under a millisecond) and the collector keeps everything in reach.
_FREEZE_ABOVE = 100_000
_collector_lock = threading.Lock()
_collector_users = 0
_collector_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _collector_users, _collector_was_enabled
    with _collector_lock:
        if _collector_users == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0 and _collector_was_enabled:
                if gc.get_count()[0] > _FREEZE_ABOVE:  # objects allocated since the pause
                    gc.freeze()
                gc.enable()


#: items a background step frees at a time (each step holds the GIL for a few ms at most)
_FREE_CHUNK = 1024
#: a container longer than this inside a chunk is taken apart on its own
_FREE_SPLIT = 64

_graveyard: queue.SimpleQueue[list[object]] = queue.SimpleQueue()
_graveyard_lock = threading.Lock()
_graveyard_thread: threading.Thread | None = None
_graveyard_pending = 0
_graveyard_idle = threading.Condition(_graveyard_lock)


def bury(exc: BaseException) -> None:
    """Hand what the frames ``exc`` unwound still hold to the background freer.

    The finished frames' locals are collected as roots and the frames cleared (the roots keep
    the objects alive, so clearing frees nothing big); the freer then drops the roots in chunks.
    """
    global _graveyard_pending, _graveyard_thread
    roots: list[object] = []
    seen: set[int] = set()
    chained: BaseException | None = exc
    while chained is not None and id(chained) not in seen:
        seen.add(id(chained))
        tb = chained.__traceback__
        chained.__traceback__ = None
        while tb is not None:
            frame = tb.tb_frame
            names = frame.f_locals  # a snapshot the frame keeps: frame.clear() leaves it
            held = list(names.values())
            # a frame still running (this one) cannot be cleared and keeps what it holds
            with contextlib.suppress(RuntimeError):
                frame.clear()
                names.clear()
                roots += held
            del names, held
            roots.append(tb)
            tb = tb.tb_next
        chained = chained.__context__
    with _graveyard_lock:
        _graveyard_pending += 1
        if _graveyard_thread is None:
            _graveyard_thread = threading.Thread(
                target=_free_forever, name="compare-freer", daemon=True
            )
            _graveyard_thread.start()
    _graveyard.put(roots)


def wait_freed(timeout: float | None = None) -> bool:
    """Wait until what cancelled runs left behind is freed; False on timeout (tests, benchmarks)."""
    with _graveyard_idle:
        return _graveyard_idle.wait_for(lambda: _graveyard_pending == 0, timeout)


def _free_forever() -> None:
    global _graveyard_pending
    while True:
        roots = _graveyard.get()
        try:
            _free_in_chunks(roots)
        except Exception:  # never let the freer die: what is left is dropped at once
            log.exception("freeing a cancelled comparison")
        del roots
        with _graveyard_idle:
            _graveyard_pending -= 1
            _graveyard_idle.notify_all()


def _parts(obj: object) -> list[object] | None:
    """What a tuple, set or instance holds (None for anything else)."""
    if isinstance(obj, tuple | set | frozenset):
        return list(obj)
    if isinstance(obj, type | str | bytes | int | float) or not hasattr(obj, "__class__"):
        return None
    held: list[object] = []
    d = getattr(obj, "__dict__", None)
    if isinstance(d, dict):
        held += d.values()
    for cls in type(obj).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and hasattr(obj, name):
                held.append(getattr(obj, name))
    return held or None


def _big(obj: object) -> bool:
    """Whether ``obj`` is taken apart on its own rather than freed inside a chunk."""
    if isinstance(obj, list | tuple | set | frozenset | dict):
        return len(obj) > _FREE_SPLIT
    return hasattr(obj, "__dict__")  # small slotted records (Link, Span) go with their chunk


def _free_in_chunks(stack: list[object]) -> None:
    """Drop ``stack`` so that no step frees more than ``_FREE_CHUNK`` small objects at once.

    An object that only the stack holds is taken apart before it goes: a list or dict is
    emptied ``_FREE_CHUNK`` items at a time, a tuple, set or instance hands its parts to a list
    first; parts that are big themselves go back on the stack. An object someone else still
    holds is only let go of, so nothing anybody can see is changed.
    """
    while stack:
        obj = stack.pop()
        if sys.getrefcount(obj) > 2:  # more than this frame's reference and the call's
            continue
        if isinstance(obj, dict):
            while obj:
                pairs = [obj.popitem() for _ in range(min(_FREE_CHUNK, len(obj)))]
                stack += [x for kv in pairs for x in kv if _big(x)]
                del pairs
            continue
        if isinstance(obj, list):
            parts = obj
        else:
            held = _parts(obj)
            if held is None:
                continue
            parts = held
            del obj, held  # frees it alone: what it held lives on in ``parts``
        while parts:
            piece = parts[-_FREE_CHUNK:]
            del parts[-_FREE_CHUNK:]
            stack += [x for x in piece if _big(x)]
            del piece  # the small ones go now; the big ones are held by the stack
