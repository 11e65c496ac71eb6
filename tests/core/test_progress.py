"""The run's Work: stages cut the bar by their measured shares, the bar never goes back, cancel
and progress are asked at most once per interval."""

from __future__ import annotations

import pytest

from core.errors import Cancelled
from core.progress import SHARES, Work, paced, release


def test_stages_take_their_share_of_the_enclosing_stage() -> None:
    reported: list[float] = []
    work = Work(progress=reported.append, interval=0.0)
    with work.stage("align"):
        with work.stage("terms"):
            work.advance(0.5)
            assert work.bar == pytest.approx(0.5 * SHARES["terms"] * SHARES["align"])
        assert work.bar == pytest.approx(SHARES["terms"] * SHARES["align"])
        work.advance(0.1)  # behind the bar: it stays
        assert work.bar == pytest.approx(SHARES["terms"] * SHARES["align"])
    assert work.bar == pytest.approx(SHARES["align"])
    with work.stage("word diff"):
        work.advance(1.0)
    assert work.bar == pytest.approx(SHARES["align"] + SHARES["word diff"])
    work.done()
    assert reported == sorted(reported) and reported[-1] == 1.0
    assert [name for name, _, _ in work.seconds] == ["terms", "align", "word diff"]
    assert work.seconds[0][1] == "align" and work.seconds[1][1] == ""


def test_the_shares_of_each_level_add_up_to_the_whole() -> None:
    levels = (
        ("align", "word diff", "coverage", "facts", "summary"),
        ("terms", "sides", "candidates", "scoring", "linking"),
        ("mentions of a", "mentions of b", "matching"),
        ("dates", "numbers", "names", "quotes"),
    )
    for names in levels:
        assert sum(SHARES[n] for n in names) == pytest.approx(1.0)


def test_check_asks_at_most_once_per_interval_and_raises() -> None:
    asked = 0

    def should_cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked >= 2

    work = Work(should_cancel=should_cancel, interval=3600)
    for _ in range(1000):
        work.check()
    assert asked == 1
    fast = Work(should_cancel=should_cancel, interval=0.0)
    with pytest.raises(Cancelled):
        fast.check()


def test_paced_and_release_check_between_pieces() -> None:
    calls: list[int] = []
    assert list(paced(range(2000), lambda: calls.append(1), every=512)) == list(range(2000))
    assert len(calls) == 4
    items = list(range(10_000))
    release(items, lambda: calls.append(1), chunk=4096)
    assert items == [] and len(calls) == 7
