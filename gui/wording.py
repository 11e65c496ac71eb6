"""Counted nouns for the window's labels and status messages ("1 conflict", "3 conflicts").

Imports: standard library only.
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: ``counted(1, "link")`` is ``"1 link"``."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
