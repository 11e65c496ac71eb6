"""TEMPORARY: fact extraction and matching (issue 5) will live in this package."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from core.model import Document, Fact, Link


def compare_facts(
    a: Document,
    b: Document,
    links: Sequence[Link],
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[Fact, ...]:
    """Facts of both articles, matched across them; conflicts only within linked passages."""
    return ()
