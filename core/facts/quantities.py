"""Whether two figures for one measured quantity agree: values as ranges, units converted.

A number mention's shown value (``127 dead``, ``45 km``, ``GBP 1.5 billion``, ``32%``) and its
qualifier (``about``, ``more than``, ``nearly``...) become an ``Amount``: what is measured (the
mention's slot, with convertible units folded into their dimension: ``km`` and ``mile`` are both
``length``), and the range of values the words allow, in one base unit per dimension. Two
amounts of one measure agree when their ranges meet: "more than 100" and "127", "about 130" and
"129", "nearly 2 million" and "1.9 million" agree; "at least 5" and "3" do not. Figures in
different units are compared after conversion, each widened by half its last digit so that
"45 km" and "28 miles" or "44°C" and "111°F" agree. ``judge`` says which, and why, in words a
reader sees on the fact.

Imports: standard library only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# unit (as the number reader names it) -> (dimension, factor to the base unit, offset)
_UNITS: dict[str, tuple[str, float, float]] = {
    "km": ("length", 1000.0, 0.0),
    "mile": ("length", 1609.344, 0.0),
    "metre": ("length", 1.0, 0.0),
    "foot": ("length", 0.3048, 0.0),
    "yard": ("length", 0.9144, 0.0),
    "°c": ("temperature", 1.0, 273.15),
    "°f": ("temperature", 5 / 9, 273.15 - 32 * 5 / 9),
    "second": ("duration", 1.0, 0.0),
    "minute": ("duration", 60.0, 0.0),
    "hour": ("duration", 3600.0, 0.0),
    "day": ("duration", 86400.0, 0.0),
    "week": ("duration", 604800.0, 0.0),
    "month": ("duration", 2629800.0, 0.0),
    "year": ("duration", 31557600.0, 0.0),
    "pence": ("pence", 1.0, 0.0),
    "p": ("pence", 1.0, 0.0),
    "kg": ("mass", 1.0, 0.0),
    "lb": ("mass", 0.45359237, 0.0),
}
# what a qualifier allows around the stated figure n, as (low factor, high factor) of n
_QUALIFIED: dict[str, tuple[float, float]] = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1),
    "roughly": (0.9, 1.1), "some": (0.9, 1.1), "an estimated": (0.9, 1.1),
    "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "just under": (0.9, 1.0),
    "more than": (1.0, math.inf), "over": (1.0, math.inf), "at least": (1.0, math.inf),
    "just over": (1.0, 1.1),
    "less than": (0.0, 1.0), "fewer than": (0.0, 1.0), "under": (0.0, 1.0),
    "up to": (0.0, 1.0), "as many as": (0.0, 1.0), "no more than": (0.0, 1.0),
}  # fmt: skip
# the qualifiers read before a figure, longest first ("just over" before "over")
_READ_QUALIFIERS = tuple(sorted((*_QUALIFIED, "between"), key=len, reverse=True))
_LONGEST_QUALIFIER = len(_READ_QUALIFIERS[0])
_FIGURE = re.compile(
    r"^(?:(?P<currency>[A-Z]{3}) )?(?P<n>\d[\d,]*(?:\.\d+)?)"
    r"(?: (?P<scale>million|billion|trillion))?(?P<percent>%)?(?: (?P<unit>.+))?$"
)
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
# amounts told without a figure, and the range a reader gives them
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 1000),
    "thousands": (2000, 10000), "tens of thousands": (20000, 100000),
    "a handful": (2, 6), "a few": (2, 6),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Amount:
    """One figure as a reader takes it: what it measures, and the values its words allow."""

    measure: str  # the slot, or the dimension of a convertible unit
    low: float  # in the base unit of the measure
    high: float
    unit: str = ""  # the unit it was given in, when that is one of several for the measure
    qualifier: str = ""
    half: float = 0.0  # half the last digit, in the base unit: the precision of the figure


def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier written just before ``start`` ("more than", "about"...) and where it
    starts, or ("", start)."""
    begin = max(0, start - _LONGEST_QUALIFIER - 2)
    before = text[begin:start].casefold().rstrip()
    if not before.endswith(_READ_QUALIFIERS):
        return "", start  # (one test: most figures have none)
    for q in _READ_QUALIFIERS:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalpha()):
            return q, begin + len(text[begin:start].rstrip()) - len(q)
    return "", start


def measure_of(slot: str) -> str:
    """The slot two figures must share to be compared: convertible units by dimension."""
    unit = _UNITS.get(slot.casefold())
    return unit[0] if unit else slot


def amount(value: str, slot: str, qualifier: str = "") -> Amount | None:
    """The amount a number mention states, or None when its value is not one figure (a score
    such as ``3-1``, a range already written out)."""
    m = _FIGURE.match(value)
    if m is None:
        told = next((v for v in VAGUE if value.startswith(v + " ")), None)
        return vague(*VAGUE[told], slot) if told else None
    scale = _SCALES.get(m["scale"] or "", 1.0)
    n = float(m["n"].replace(",", "")) * scale
    low_f, high_f = _QUALIFIED.get(qualifier, (1.0, 1.0))
    unit = _UNITS.get((m["unit"] or "").casefold())
    if unit is None or m["currency"] or m["percent"]:
        return Amount(measure_of(slot), n * low_f, n * high_f, qualifier=qualifier)
    measure, factor, offset = unit
    half = 0.5 * 10.0 ** -len(m["n"].partition(".")[2]) * scale * factor
    return Amount(
        measure,
        n * low_f * factor + offset,
        n * high_f * factor + offset,
        m["unit"],
        qualifier,
        half,
    )


# minutes a qualifier allows around a clock time, before and after it
_CLOCK_QUALIFIED = {
    "about": (15, 15), "around": (15, 15), "approximately": (15, 15), "roughly": (15, 15),
    "nearly": (15, 0), "almost": (15, 0), "just under": (15, 0), "just over": (0, 15),
}  # fmt: skip
# hours from UTC of the zones a clock time may name
_ZONES = {
    "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2,
    "EST": -5, "EDT": -4, "ET": -5, "PST": -8, "PDT": -7, "PT": -8,
}  # fmt: skip


def judge_clocks(
    a: str, qualifier_a: str, b: str, qualifier_b: str, shown_a: str, shown_b: str
) -> tuple[bool, str]:
    """(agree, why) for two clock times ``HH:MM`` with an optional zone: the same moment once
    both named zones are taken off, or the minutes their qualifiers allow meet ("about 7 p.m."
    and "7:01 p.m.")."""
    (ta, zone_a), (tb, zone_b) = _minutes(a), _minutes(b)
    converted = zone_a in _ZONES and zone_b in _ZONES and zone_a != zone_b
    if converted:
        ta, tb = ta - 60 * _ZONES[zone_a], tb - 60 * _ZONES[zone_b]
    before_a, after_a = _CLOCK_QUALIFIED.get(qualifier_a, (0, 0))
    before_b, after_b = _CLOCK_QUALIFIED.get(qualifier_b, (0, 0))
    if ta - before_a <= tb + after_b and tb - before_b <= ta + after_a:
        if ta == tb:
            return True, f"equivalent value: {shown_a} = {shown_b}"
        return True, f"range agreement: {shown_a} ~ {shown_b}"
    return False, f"conflict: {shown_a} vs {shown_b}"


def _minutes(clock: str) -> tuple[int, str]:
    hours, _, rest = clock.partition(":")
    minutes, _, zone = rest.partition(" ")
    return 60 * int(hours) + int(minutes), zone


def _open(x: Amount) -> bool:
    """A bound on one side only ("more than", "at least", "up to"): it agrees with a figure
    within it, not with another estimate."""
    low_f, high_f = _QUALIFIED.get(x.qualifier, (1.0, 1.0))
    return low_f == 0.0 or high_f == math.inf


def vague(low: float, high: float, slot: str) -> Amount:
    """A figure told in words without a number ("dozens", "a handful")."""
    return Amount(measure_of(slot), low, high, qualifier="vague")


def judge(a: Amount, b: Amount, shown_a: str, shown_b: str) -> tuple[bool, str]:
    """(agree, why) for two amounts of one measure, ``shown_*`` being their words.

    Figures in two units for one measure agree when they meet within the precision of their
    last digits; the same qualifier on both sides ("up to 85" and "up to 95") compares the
    figures themselves; a one-sided bound agrees only with a plain figure ("more than 100" and
    "127", not "more than 340" and "around 430"); otherwise the ranges the words allow must
    meet.
    """
    if a.unit != b.unit:
        if a.low - a.half <= b.high + b.half and b.low - b.half <= a.high + a.half:
            return True, f"equivalent value: {shown_a} = {shown_b}"
        return False, f"conflict: {shown_a} is not {shown_b}"
    if a.qualifier == b.qualifier and a.qualifier != "vague":
        return False, f"conflict: {shown_a} vs {shown_b}"
    if (_open(a) and b.qualifier) or (_open(b) and a.qualifier):
        # "more than 340" and "around 430": two estimates of different figures
        return False, f"conflict: {shown_a} vs {shown_b}"
    if a.low <= b.high and b.low <= a.high:
        return True, f"range agreement: {shown_a} ~ {shown_b}"
    return False, f"conflict: {shown_a} is outside {shown_b}"
