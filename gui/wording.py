"""Words the window shows: counted nouns ("1 conflict", "3 conflicts") and fact values as a
reader says them ("27 November (no year)" for the date value ``--11-27``).

Imports: core.
"""

from __future__ import annotations

from core.facts.dates import readable_date
from core.model import Fact, FactKind


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: ``counted(1, "link")`` is ``"1 link"``."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def fact_label(fact: Fact) -> str:
    """The fact's value for display; exports and JSON keep the canonical ``fact.value``."""
    return readable_date(fact.value) if fact.kind is FactKind.DATE else fact.value
