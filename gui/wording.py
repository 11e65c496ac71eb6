"""Words the window shows: counted nouns ("1 conflict", "3 conflicts") and fact values as a
reader says them ("27 November (no year)" for the date value ``--11-27``).

Imports: core.
"""

from __future__ import annotations

from core.labels import counted, readable_date
from core.model import Fact, FactKind

__all__ = ["Texts", "counted", "fact_label", "fact_words"]


Texts = tuple[str, str]  # the plain texts of A and B, which the fact's spans index


def fact_words(fact: Fact, texts: Texts | None) -> tuple[str, str] | None:
    """What each side says for a fact with two values (a conflict), in the article's own words:
    "340 homes", not the canonical "340 home" that matching uses; None for one-value facts."""
    if fact.values is None:
        return None
    words = list(fact.values)
    for i, spans in enumerate((fact.a, fact.b)):
        if texts is not None and spans:
            words[i] = " ".join(texts[i][spans[0].start : spans[0].end].split())
    return words[0], words[1]


def fact_label(fact: Fact, texts: Texts | None = None) -> str:
    """The fact's value for display; exports and JSON keep the canonical ``fact.value``."""
    words = fact_words(fact, texts)
    if words is not None and texts is not None:
        return f"{words[0]} / {words[1]}"
    return readable_date(fact.value) if fact.kind is FactKind.DATE else fact.value
