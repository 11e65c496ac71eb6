"""Facts that two articles word differently: relative days, other date forms, units, street
names. Each case is built like a news pair (a date line, then the story)."""

from __future__ import annotations

from core.facts import compare_facts
from core.model import Fact, FactKind, FactStatus, Link, LinkKind
from core.reading.dispatch import read_text


def _facts(a: str, b: str, links: list[tuple[int, int]] | None = None) -> list[Fact]:
    da, db = read_text(a), read_text(b)
    made = [Link((i,), (j,), 0.9, LinkKind.PARAPHRASE) for i, j in (links or [])]
    return list(compare_facts(da, db, made))


def _surfaces(f: Fact, a: str, b: str) -> tuple[list[str], list[str]]:
    ta, tb = read_text(a).text, read_text(b).text
    return [ta[s.start : s.end] for s in f.a], [tb[s.start : s.end] for s in f.b]


def test_a_weekday_that_is_the_dateline_day_is_that_date() -> None:
    a = "Ferry sinks\n\nGOMA, Aug. 9, 2024 - Thirty people died on Friday, police said."
    b = "Ferry sinks\n\nGOMA, Aug. 9, 2024 - Police said 30 people died on Friday."
    facts = _facts(a, b, links=[(1, 1)])
    dates = [f for f in facts if f.kind == FactKind.DATE and f.value == "2024-08-09"]
    assert len(dates) == 1 and dates[0].status == FactStatus.SHARED
    assert _surfaces(dates[0], a, b) == (["Aug. 9, 2024", "Friday"], ["Aug. 9, 2024", "Friday"])
    assert not [f for f in facts if f.value == "relative: Friday"]


def test_yesterday_is_the_day_before_the_dateline_when_the_other_article_writes_it() -> None:
    a = "Quake\n\nLIMA, March 4, 2025 - A quake struck on Tuesday near the coast."
    b = "Quake\n\nLIMA, March 5, 2025 - A quake struck yesterday near the coast."
    facts = _facts(a, b, links=[(1, 1)])
    day = [f for f in facts if f.kind == FactKind.DATE and f.value == "2025-03-04"]
    assert len(day) == 1 and day[0].status == FactStatus.SHARED
    assert _surfaces(day[0], a, b) == (["March 4, 2025", "Tuesday"], ["yesterday"])
    later = [f for f in facts if f.value == "2025-03-05"]
    assert [f.status for f in later] == [FactStatus.ONLY_B]


def test_today_and_an_unconfirmed_weekday_stay_relative() -> None:
    a = "Vote\n\nROME, May 7, 2024 - The vote is today. Talks began on Monday."
    b = "Vote\n\nROME, May 7, 2024 - The vote is today. Talks began on Monday."
    values = {f.value: f.kind for f in _facts(a, b)}
    assert values["relative: today"] == FactKind.OTHER
    assert values["relative: Monday"] == FactKind.OTHER  # May 6 is written nowhere
