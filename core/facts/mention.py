"""The Mention record (one fact occurrence in one article) and ordering mentions by position.

Imports: standard library, core.model, core.progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar

from core.model import FactKind
from core.progress import paced

_T = TypeVar("_T")


_ONE_SORT = 1024  # items sorted at once by sorted_by_position (about a millisecond at most)


def sorted_by_position(
    items: Iterable[_T],
    position: Callable[[_T], int],
    key: Callable[[_T], Any],
    pace: Callable[[], None],
    bucket: int = 1 << 15,
) -> list[_T]:
    """``sorted(items, key=key)`` in small pieces: ``key(x)`` must order first by
    ``position(x)`` (a non-negative offset), so items bucketed by position and each bucket
    sorted give the same (stable) order without one long sort call. Up to ``_ONE_SORT`` items
    are sorted in one call (short: the buckets would only cost a call per item)."""
    if isinstance(items, list | tuple) and len(items) <= _ONE_SORT:
        pace()
        return sorted(items, key=key)
    buckets: dict[int, list[_T]] = {}
    for x in paced(items, pace):
        p = position(x) // bucket
        got = buckets.get(p)
        if got is None:
            buckets[p] = [x]
        else:
            got.append(x)
    out: list[_T] = []
    for p in sorted(buckets):
        pace()
        chunk = buckets[p]
        chunk.sort(key=key)
        out.extend(chunk)
    return out


class Mention(NamedTuple):
    """One occurrence of a fact in one article (an immutable tuple with named fields: tens of
    thousands are made per long article, and a tuple is made several times faster than a
    frozen dataclass; change one with ``_replace``).

    ``key`` is what matching compares (same key on both sides = same fact); ``value`` is the
    normalized form shown to people; ``slot`` names what the value is about (``dead``,
    ``point``, ``date``) so two different values for one slot in linked passages can be a
    conflict; an empty slot never conflicts. A ``weak`` mention (a capitalised word the rules
    could not classify, like a bare ``Intel``) joins a fact only when a non-weak mention with
    the same key exists in either article.
    """

    kind: FactKind
    key: str
    value: str
    start: int
    end: int
    slot: str = ""
    note: str = ""
    speaker: str = ""
    weak: bool = False  # an unclassified name: counts only where the same name is known


def new_mention(fields: tuple[Any, ...]) -> Mention:
    """``Mention(*fields)`` with every field given, in order (kind, key, value, start, end,
    slot, note, speaker, weak), without the keyword handling of the generated ``__new__``."""
    m: Mention = new_tuple(Mention, fields)
    return m


#: ``T(*fields)`` for a tuple type without its Python-level ``__new__`` (hot loops)
new_tuple: Any = tuple.__new__


def mention_start(m: Mention) -> int:
    """Sort key: where a mention starts."""
    return m.start
