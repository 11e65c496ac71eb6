"""Candidate libraries for fact reading, measured on the facts gold against the product's rules.

For every gold fact of a kind a library could read, both sides' gold surfaces are read by the
rules (``core.facts.extract_mentions`` on a one-sentence document) and by the library; a
reading is right when the values come out equal for a shared fact and different for a
conflict. It also times one call after warm-up and the first call (loading). Libraries that
are not installed are skipped: ``pip install quantulum3 text2num nameparser`` to run them all.

Usage:
    .venv/bin/python benchmarks/facts_libraries.py
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.facts import extract_mentions  # noqa: E402
from core.reading.dispatch import read_text  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "facts"


def gold_pairs(kind: str) -> list[tuple[str, str, bool]]:
    """(surface a, surface b, should agree) for shared and conflicting gold facts of a kind."""
    out = []
    for path in sorted(GOLD.glob("*.json")):
        for g in json.loads(path.read_text("utf-8"))["facts"]:
            if g["kind"] == kind and g["status"] in ("shared", "conflict") and g["a"] and g["b"]:
                out.append((g["a"][0], g["b"][0], g["status"] == "shared"))
    return out


def rules(kind: str) -> Callable[[str], Any]:
    def read(surface: str) -> Any:
        ms = [m for m in extract_mentions(read_text(surface + ".")) if m.kind.value == kind]
        return ms[0].key if ms else None

    return read


def quantulum() -> Callable[[str], Any] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def read(surface: str) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            qs = parser.parse(surface)
        return (qs[0].value, qs[0].unit.entity.name) if qs else None

    return read


def text2num() -> Callable[[str], Any] | None:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        return None
    numbers = rules("number")
    return lambda surface: numbers(alpha2digit(surface, "en"))


def nameparser() -> Callable[[str], Any] | None:
    try:
        from nameparser import HumanName
    except ImportError:
        return None
    return lambda surface: (HumanName(surface).first, HumanName(surface).last) if surface else None


def dateparser_reader() -> Callable[[str], Any] | None:
    try:
        import dateparser
    except ImportError:
        return None
    return lambda surface: dateparser.parse(surface)


def score(
    read: Callable[[str], Any], pairs: list[tuple[str, str, bool]]
) -> tuple[int, float, float]:
    """(right readings, first call in s, later calls in ms each)."""
    t0 = time.perf_counter()
    read(pairs[0][0])
    first = time.perf_counter() - t0
    right = 0
    t1 = time.perf_counter()
    for x, y, agree in pairs:
        vx, vy = read(x), read(y)
        right += vx is not None and vy is not None and (vx == vy) == agree
    each = (time.perf_counter() - t1) / (2 * len(pairs)) * 1000
    return right, first, each


def main() -> int:
    candidates: list[tuple[str, str, Callable[[], Callable[[str], Any] | None]]] = [
        ("number", "rules", lambda: rules("number")),
        ("number", "quantulum3", quantulum),
        ("number", "text2num + rules", text2num),
        ("date", "rules", lambda: rules("date")),
        ("date", "dateparser", dateparser_reader),
        ("person", "rules", lambda: rules("person")),
        ("person", "nameparser", nameparser),
    ]
    print(f"{'kind':8}{'reader':18}{'right':>12}{'first call':>12}{'per call':>12}")
    for kind, name, make in candidates:
        read = make()
        pairs = gold_pairs(kind)
        if read is None:
            print(f"{kind:8}{name:18}   (not installed)")
            continue
        right, first, each = score(read, pairs)
        print(f"{kind:8}{name:18}{right:>6} / {len(pairs):<4}{first:>10.3f}s{each:>10.2f}ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
