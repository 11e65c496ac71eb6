"""Words the window shows: counted nouns ("1 conflict", "3 conflicts") and fact values as a
reader says them ("27 November (no year)" for the date value ``--11-27``).

Imports: core.
"""

from __future__ import annotations

from core.export.layout import counted
from core.facts.dates import readable_date
from core.model import Fact, FactKind

__all__ = ["counted", "fact_label"]


def fact_label(fact: Fact) -> str:
    """The fact's value for display; exports and JSON keep the canonical ``fact.value``."""
    return readable_date(fact.value) if fact.kind is FactKind.DATE else fact.value
