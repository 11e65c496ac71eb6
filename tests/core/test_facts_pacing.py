"""Facts in bounded steps: the stepped regex scan finds exactly the whole-text matches, and a
cancel request stops compare_facts soon, wherever the work is."""

from __future__ import annotations

import random
import re
import time

import pytest

from core.errors import Cancelled
from core.facts import compare_facts
from core.facts import scan as facts_scan
from core.facts.dates import _HOLIDAY, _ISO, _NUMERIC, _TIME, _YEAR_ONLY, _YEAR_RANGE
from core.facts.names import _WORD
from core.facts.scan import at_digits, finditer
from core.progress import Work
from core.reading.dispatch import read_text

_PIECES = (
    "On Christmas Day 2013 ", "27/11 ", "1999s ", "at 5:30 p.m. ", "Mr. Putin said ",
    "the U.N. Security Council ", "x" * 50, "  ", "\n\n", "2,700 people ", "€3.7m ",
    "Jean-Luc al-Bashir ", "1987 ", "12/31/2020 ", "New Year's Eve ",
)  # fmt: skip


def _random_text(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    return "".join(rnd.choice(_PIECES) for _ in range(n))


@pytest.mark.parametrize(
    "rx",
    [_HOLIDAY, _NUMERIC, _TIME, _YEAR_ONLY, _WORD],
    ids=["holiday", "numeric", "time", "year", "word"],
)
def test_stepped_scan_matches_whole_text_scan(
    rx: re.Pattern[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # small steps so a short text crosses many step boundaries
    monkeypatch.setattr(facts_scan, "_STEP", 300)
    monkeypatch.setattr(facts_scan, "_MARGIN", 100)
    for seed in range(5):
        text = _random_text(seed, 400)
        want = [m.span() for m in rx.finditer(text)]
        assert want, "the sample text must contain matches"
        assert [m.span() for m in finditer(rx, text)] == want
        # a sub-range keeps the finditer(pos, endpos) meaning
        assert [m.span() for m in finditer(rx, text, 77, len(text) - 55)] == [
            m.span() for m in rx.finditer(text, 77, len(text) - 55)
        ]


def test_stepped_scan_calls_pace_per_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_scan, "_STEP", 300)
    monkeypatch.setattr(facts_scan, "_MARGIN", 100)
    calls = []
    list(finditer(_HOLIDAY, "y" * 3000, pace=lambda: calls.append(1)))
    assert len(calls) >= 3000 // 200


def test_work_asks_at_most_once_per_interval_and_raises() -> None:
    asked = []

    def should_cancel() -> bool:
        asked.append(time.perf_counter())
        return len(asked) >= 3

    pace = Work(should_cancel=should_cancel, interval=0.005).check
    with pytest.raises(Cancelled):
        for _ in range(10_000_000):
            pace()
    assert len(asked) == 3
    assert asked[1] - asked[0] >= 0.004


def test_cancel_is_noticed_within_the_facts_step() -> None:
    text = (
        "President Vladimir Putin said on 27/11 that 28 points and $4.1 million. " * 4 + "\n\n"
    ) * 400
    a, b = read_text(text), read_text(text.replace("28", "29"))
    t0 = time.perf_counter()
    compare_facts(a, b, ())
    full = time.perf_counter() - t0
    started = time.perf_counter()
    deadline = started + full / 3

    with pytest.raises(Cancelled):
        compare_facts(a, b, (), Work(should_cancel=lambda: time.perf_counter() > deadline))
    # stops soon after the request, long before the full run would end
    assert time.perf_counter() - deadline < max(0.1, full / 3)


@pytest.mark.parametrize(
    "rx",
    [_NUMERIC, _TIME, _YEAR_ONLY, _YEAR_RANGE, _ISO],
    ids=["numeric", "time", "year", "range", "iso"],
)
def test_digit_start_scan_matches_whole_text_scan(rx: re.Pattern[str]) -> None:
    """Trying a date pattern only where a run of digits starts finds every match."""
    rnd = random.Random(7)
    pieces = (*_PIECES, "2012-2013 ", "2013-08-04 ", "1.2013 ", "$2013 ", "x2013 ", "0912/11 ")
    for seed in range(5):
        rnd.seed(seed)
        text = "".join(rnd.choice(pieces) for _ in range(300))
        want = [m.span() for m in rx.finditer(text)]
        assert want, "the sample text must contain matches"
        assert [m.span() for m in at_digits(rx, text)] == want


def test_a_facts_run_keeps_its_text_answers_to_itself() -> None:
    """What one run works out about a text is seen by that run only and gone when it ends."""
    from concurrent.futures import ThreadPoolExecutor

    from core.facts.scan import digit_runs, run_memo

    text = "In 2024, 31 people and 7 dogs."

    def runs_in_a_run() -> tuple[bool, bool]:
        with run_memo():
            first = digit_runs(text)
            again = digit_runs(text) is first
        return again, digit_runs(text) is first

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: runs_in_a_run(), range(4)))
    assert results == [(True, False)] * 4
