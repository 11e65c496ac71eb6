"""Figures as ranges: approximations agree or conflict as a reader judges, units converted,
and every matched fact says why."""

from __future__ import annotations

import pytest

from core.facts import compare_facts
from core.facts.quantities import amount, judge
from core.model import Fact, FactStatus, Link, LinkKind
from core.reading.dispatch import read_text


def _linked(a: str, b: str) -> list[Fact]:
    return list(
        compare_facts(read_text(a), read_text(b), [Link((0,), (0,), 0.9, LinkKind.PARAPHRASE)])
    )


@pytest.mark.parametrize(
    "a,b,agree,why",
    [
        (("127 dead", "dead", ""), ("100 dead", "dead", "more than"), True, "range agreement"),
        (("130 building", "building", "about"), ("129 building", "building", ""), True, "range"),
        (("2,000,000 people", "people", "nearly"), ("1,900,000 people", "people", ""), True, "r"),
        (("5 hospital", "hospital", "at least"), ("3 hospital", "hospital", ""), False, "conf"),
        (("45 km", "km", ""), ("28 mile", "mile", ""), True, "equivalent value"),
        (("3 hour", "hour", ""), ("4 hour", "hour", ""), False, "conflict"),
        (("GBP 85", "money GBP", "up to"), ("GBP 95", "money GBP", "up to"), False, "conflict"),
        (("2 month", "month", "nearly"), ("8 week", "week", "about"), True, "equivalent"),
    ],
)
def test_two_figures_for_one_measure(
    a: tuple[str, str, str], b: tuple[str, str, str], agree: bool, why: str
) -> None:
    x, y = amount(*a), amount(*b)
    assert x is not None and y is not None
    verdict, reason = judge(x, y, a[0], b[0])
    assert verdict is agree and reason.startswith(why), reason


def test_a_score_is_not_one_figure() -> None:
    assert amount("3-1", "") is None


def test_more_than_a_hundred_agrees_with_127_in_linked_sentences() -> None:
    facts = _linked(
        "The earthquake killed 127 people in the south.",
        "The earthquake killed more than 100 people in the south.",
    )
    [fact] = [f for f in facts if f.kind.value == "number"]
    assert fact.status == FactStatus.SHARED
    assert fact.why == "range agreement: 127 people ~ more than 100 people", fact.why


def test_at_least_five_conflicts_with_three_and_says_why() -> None:
    facts = _linked(
        "At least 5 hospitals were damaged by the quake.",
        "Three hospitals were damaged by the quake.",
    )
    [fact] = [f for f in facts if f.kind.value == "number"]
    assert fact.status == FactStatus.CONFLICT
    assert fact.why == "conflict: At least 5 hospitals is outside Three hospitals", fact.why


def test_km_and_miles_are_one_distance() -> None:
    facts = _linked(
        "The quake hit 45 km south of the port city.",
        "The quake hit 28 miles south of the port city.",
    )
    [fact] = [f for f in facts if f.kind.value == "number"]
    assert fact.status == FactStatus.SHARED
    assert fact.why == "equivalent value: 45 km = 28 miles"


def test_a_shared_fact_worded_alike_is_the_same_value() -> None:
    facts = _linked(
        "Rescuers pulled 45 survivors out.", "Rescuers pulled forty-five survivors out."
    )
    [fact] = [f for f in facts if f.kind.value == "number"]
    assert fact.status == FactStatus.SHARED
    assert fact.why == "equivalent value: 45 survivors = forty-five survivors"
    place = _linked("He spoke in Paris on Monday.", "He spoke in Paris on Monday.")
    assert {f.why for f in place if f.status == FactStatus.SHARED} == {"same value"}


@pytest.mark.parametrize(
    "a,b,status,why",
    [
        ("Dozens of families slept outside.", "24 families slept outside.", "shared", "range"),
        (
            "A handful of strong aftershocks followed.",
            "Forty strong aftershocks followed.",
            "conflict",
            "conflict",
        ),
        (
            "It has two dozen factories in Ireland.",
            "It has 24 factories in Ireland.",
            "shared",
            "e",
        ),
        (
            "Its suppliers employ half a million people.",
            "Its suppliers employ 500,000 people.",
            "shared",
            "equivalent",
        ),
        (
            "About a third of its sales come from Spain.",
            "Some 33% of its sales come from Spain.",
            "shared",
            "range",
        ),
        (
            "The kick-off was delayed by 15 minutes.",
            "The kick-off was delayed by a quarter of an hour.",
            "shared",
            "equivalent",
        ),
        (
            "Temperatures fell to 5°C overnight.",
            "Temperatures fell to 41°F overnight.",
            "shared",
            "equivalent",
        ),
    ],
)
def test_amounts_told_in_words_and_other_units(a: str, b: str, status: str, why: str) -> None:
    [fact] = [f for f in _linked(a, b) if f.kind.value == "number"]
    assert fact.status.value == status and fact.why.startswith(why), (fact.value, fact.why)


def test_a_vague_amount_alone_is_not_a_fact() -> None:
    facts = _linked("Thousands of people marched in the city.", "People marched in the city.")
    assert [f for f in facts if f.kind.value == "number"] == []


def test_a_number_never_takes_its_unit_from_the_next_paragraph() -> None:
    text = (
        "The dead numbered 13\n\nPolice said the driver fled.\n\nIt had half a million\n\nvisitors."
    )
    facts = compare_facts(read_text(text), read_text(text), [])
    spans = [text[s.start : s.end] for f in facts if f.kind.value == "number" for s in f.a]
    assert "13" in spans and all("\n" not in s for s in spans), spans


@pytest.mark.parametrize(
    "a,b,values",
    [
        # an area is measured in square units, not in "square"s
        ("The fire burned 35 square kilometres.", "The fire burned 53 square kilometres.",
         ("35 square km", "53 square km")),
        # the noun after a hyphenated compound is what is counted
        ("9 water-dropping planes fought it.", "12 water-dropping planes fought it.",
         ("9 plane", "12 plane")),
    ],
)  # fmt: skip
def test_what_a_figure_counts_past_its_modifiers(a: str, b: str, values: tuple[str, str]) -> None:
    [fact] = [f for f in _linked(a, b) if f.kind.value == "number"]
    assert fact.status == FactStatus.CONFLICT
    assert fact.values == values


def _ferry(later: str) -> list[Fact]:
    a = read_text("Ferry sinks\n\nThirty-one people died when the ferry sank, police said.\n")
    b = read_text(f"Ferry sinks\n\nPolice said 22 people died when the ferry sank.\n\n{later}\n")
    links = [Link((0,), (0,), 0.9, LinkKind.SAME), Link((1,), (1,), 0.8, LinkKind.PARAPHRASE)]
    return [f for f in compare_facts(a, b, links) if f.kind.value == "number"]


def test_a_toll_updated_later_in_one_story_joins_its_conflict() -> None:
    [fact] = _ferry("By the evening the toll had risen to 28 dead.")
    assert fact.status == FactStatus.CONFLICT
    assert fact.values == ("31 dead", "22 dead")
    assert len(fact.b) == 2  # "22" and "28 dead"
    assert fact.why.endswith("; B later says 28 dead"), fact.why


def test_another_count_in_an_unlinked_sentence_stays_its_own() -> None:
    facts = _ferry("Divers found 3 boats near the shore.")
    assert {f.status for f in facts} == {FactStatus.CONFLICT, FactStatus.ONLY_B}
