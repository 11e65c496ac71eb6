"""The facts lexicon (titles, gazetteer, aliases, keyword lists) and the folding of names.

The lists are data in ``resources/facts/*.json``, loaded once with importlib.resources and
never changed: every run reads the same immutable tables.

Imports: standard library.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_DOTS = re.compile(r"[.\s\-’'`]+")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Matching key for names: case, dots, hyphens, apostrophes and spaces do not count."""
    return _DOTS.sub("", name).casefold()


@cache
def lexicon() -> dict[str, Any]:
    """Word lists and gazetteer from ``resources/facts/lexicon.json``."""
    text = resources.files("resources").joinpath("facts/lexicon.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def word_set(name: str) -> frozenset[str]:
    """A lexicon list as a casefolded set."""
    return frozenset(w.casefold() for w in lexicon()[name])


@cache
def aliases() -> dict[str, tuple[str, str]]:
    """Folded surface form -> (kind, canonical name), from ``resources/facts/aliases.json``."""
    text = resources.files("resources").joinpath("facts/aliases.json").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = json.loads(text)
    out: dict[str, tuple[str, str]] = {}
    for kind, table in data.items():
        if kind.startswith("_"):
            continue
        for canonical, variants in table.items():
            for v in (canonical, *variants):
                out[fold(v)] = (kind, canonical)
    return out
