"""Facts: table-driven normalizers, matching and conflict rules, and span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.compare import compare
from core.errors import Cancelled
from core.facts import compare_facts, extract_mentions
from core.facts.dates import CLOCK_SLOT, date_order, extract_dates
from core.facts.numbers import extract_numbers
from core.model import (
    Document,
    Fact,
    FactKind,
    FactStatus,
    Link,
    LinkKind,
    Paragraph,
    Role,
    Sentence,
    Span,
)
from core.progress import Work
from core.reading.dispatch import read_text


def _dates(text: str) -> list[tuple[str, str]]:
    mentions, _times = extract_dates(text)
    return [(text[m.start : m.end], m.value) for m in mentions]


def _numbers(text: str) -> list[tuple[str, str]]:
    dates, times = extract_dates(text)
    masks = [(m.start, m.end) for m in dates] + times
    return [(text[m.start : m.end], m.value) for m in extract_numbers(text, masks)]


def _facts(a: str, b: str, links: list[tuple[int, int]] | None = None) -> list[Fact]:
    da, db = read_text(a), read_text(b)
    made = [Link((i,), (j,), 0.9, LinkKind.PARAPHRASE) for i, j in (links or [])]
    return list(compare_facts(da, db, made))


def _find(facts: list[Fact], kind: FactKind, value: str) -> Fact:
    hits = [f for f in facts if f.kind == kind and f.value == value]
    assert len(hits) == 1, [(f.kind, f.value, f.status) for f in facts]
    return hits[0]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Putin spoke in Bishkek on 27/11, he said.", "27/11", "--11-27"),
        ("It happened on November 27 in Bishkek.", "November 27", "--11-27"),
        ("It happened on Nov. 27 in Bishkek.", "Nov. 27", "--11-27"),
        ("Signed on 27 November 2025 in Paris.", "27 November 2025", "2025-11-27"),
        ("Held on Friday, March 3rd, 2023 at noon.", "Friday, March 3rd, 2023", "2023-03-03"),
        ("MONDAY 06 MARCH 2023", "MONDAY 06 MARCH 2023", "2023-03-06"),
        ("Dec. 19, 2005 at 9:44 PM", "Dec. 19, 2005", "2005-12-19"),
        ("He was jailed in December 2005.", "December 2005", "2005-12"),
        ("The deal closes in March.", "March", "--03"),
        ("She was born in 1928, in Brooklyn.", "1928", "1928"),
        ("Fighting went on from 1983-2005 there.", "1983", "1983"),
        ("A report dated 2011-11-10 says so.", "2011-11-10", "2011-11-10"),
    ],
)
def test_absolute_dates_keep_the_precision_written(text: str, surface: str, value: str) -> None:
    assert (surface, value) in _dates(text)


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("the plan was sent last week to Kyiv", "last week", "relative: last week"),
        ("The vote was held on Monday in Rome.", "Monday", "relative: Monday"),
        ("Police said yesterday that", "yesterday", "relative: yesterday"),
        ("It became a country four months ago.", "four months ago", "relative: four months ago"),
    ],
)
def test_relative_dates_are_their_own_kind(text: str, surface: str, value: str) -> None:
    mentions, _ = extract_dates(text)
    hits = [m for m in mentions if text[m.start : m.end] == surface]
    assert [(m.kind, m.value) for m in hits] == [(FactKind.OTHER, value)]


def test_relative_days_get_the_dateline_reading_in_a_note_only() -> None:
    doc = read_text(
        "Capaldi named\n\nSunday, Aug 4 2013, 19:30 BST\n\nBetting was suspended yesterday, "
        "not on Friday, and the show airs tonight."
    )
    notes = {m.value: m.note for m in extract_mentions(doc) if m.kind == FactKind.OTHER}
    assert notes["relative: yesterday"].startswith("2013-08-03 if written on the dateline day")
    assert notes["relative: Friday"].startswith("2013-08-02")
    assert notes["relative: tonight"].startswith("2013-08-04")


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("6 p.m.", "18:00"),
        ("10:15 a.m.", "10:15"),
        ("12 a.m.", "00:00"),
        ("14:30", "14:30"),
        ("1:28 p.m. EST", "13:28 EST"),
    ],
)
def test_clock_times_are_times_of_day(surface: str, value: str) -> None:
    mentions, _ = extract_dates(f"The boat left at {surface} from the port.")
    assert [(m.value, m.slot) for m in mentions] == [(value, CLOCK_SLOT)]


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        ("at 6 p.m.", "at 8 p.m.", FactStatus.CONFLICT),
        ("at about 7 p.m.", "at 7:05 p.m.", FactStatus.SHARED),
        ("at 1:28 p.m. EST", "at 6:28 p.m. GMT", FactStatus.SHARED),
        ("at 1:28 p.m. EST", "at 1:28 p.m. GMT", FactStatus.CONFLICT),
    ],
)
def test_clock_times_in_linked_sentences_compare(a: str, b: str, status: FactStatus) -> None:
    facts = _facts(
        f"Crowds gathered in the main square {a} to celebrate.",
        f"Crowds gathered in the main square {b} to celebrate.",
        links=[(0, 0)],
    )
    times = [f for f in facts if f.kind == FactKind.DATE]
    assert [f.status for f in times] == [status], times


@pytest.mark.parametrize("text", ["they may 5 times", "a march of 300 people", "we sat on it"])
def test_lower_case_month_and_weekday_words_are_not_dates(text: str) -> None:
    assert [v for _s, v in _dates(text) if not v[0].isdigit()] == []


@pytest.mark.parametrize(
    "text,day_first,why",
    [
        ("Talks on 27/11 and 3/12.", True, "27/11"),
        ("Posted 12/19/2005 and 11/10/11.", False, "12/19/2005"),
        ("On 3/4 we met; on 4 March 2023 again.", True, "day before the month"),
        ("On 3/4 we met; on March 4, 2023 again.", False, "month before the day"),
        ("On 3/4 we met.", True, "nothing in the article decides"),
    ],
)
def test_day_first_or_month_first_is_decided_from_the_article(
    text: str, day_first: bool, why: str
) -> None:
    order = date_order(text)
    assert order.day_first is day_first
    assert why in order.reason


def test_numeric_date_reading_is_noted() -> None:
    mentions, _ = extract_dates("Signed on 27/11 and announced on 25/11.")
    assert [m.value for m in mentions] == ["--11-27", "--11-25"]
    assert all("day-first" in m.note for m in mentions)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("the 28 points reported", "28 points", "28 point"),
        ("a 28-point plan", "28-point", "28 point"),
        ("Three killed in blast", "Three killed", "3 dead"),
        ("blast kills 3 in city", "3", "3 dead"),
        ("3 people died on Monday", "3", "3 dead"),
        ("at least 12 people had been killed and 20 wounded", "20 wounded", "20 injured"),
        ("it paid $4.1 million", "$4.1 million", "USD 4.1 million"),
        ("a four-million-pound deal", "four-million-pound", "GBP 4 million"),
        ("it cost €3.7m in all", "€3.7m", "EUR 3.7 million"),
        ("AMD will pay US$334 million", "US$334 million", "USD 334 million"),
        ("SeaMicro for $334M in cash", "$334M", "USD 334 million"),
        ("prices rose 12 per cent", "12 per cent", "12%"),
        ("prices rose 5% a year", "5%", "5%"),
        ("a 5.4 magnitude quake", "5.4 magnitude", "5.4 magnitude"),
        ("a magnitude-5.4 quake", "5.4", "5.4 magnitude"),
        ("a quake with a magnitude of 5.4", "5.4", "5.4 magnitude"),
        ("about 2, 700 refugees", "about 2, 700 refugees", "2,700 refugee"),
        ("about 2,700 refugees", "about 2,700 refugees", "2,700 refugee"),
        ("about 2700 refugees", "about 2700 refugees", "2,700 refugee"),
        ("he served 4½ months", "4½ months", "4.5 month"),
        ("he served four and a half months", "four and a half months", "4.5 month"),
        ("twenty-five people came", "twenty-five people", "25 people"),
        ("a 43-year-old worker", "43-year-old", "43 year old"),
        ("fell 2,000ft to his death", "2,000ft", "2,000 foot"),
        ("charged with two counts of murder", "two counts of murder", "2 murder charge"),
        ("arraigned on two murder charges", "two murder charges", "2 murder charge"),
        ("with a .357 magnum", ".357 magnum", "0.357 magnum"),
        ("killing two, wounding two others", "two others", "2 injured"),
        ("it left three biology professors dead", "three biology", "3 dead"),
        ("fatally shot eight people", "eight people", "8 dead"),
    ],
)
def test_numbers_normalize_with_what_they_count(text: str, surface: str, value: str) -> None:
    assert (surface, value) in _numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "one of the men left",
        "no one came",
        "x86 servers",
        "responding to 911 calls",
        "on 27/11 at 7:30 p.m.",
    ],
)
def test_not_counts(text: str) -> None:
    assert _numbers(text) == []


def test_age_apposition_is_tied_to_the_person() -> None:
    mentions = extract_numbers("Raj Chohan, 59, was killed.", [])
    assert [(m.value, m.slot) for m in mentions] == [("59 year old", "age of Chohan")]


# ---------------------------------------------------------------- names


def _names(text: str) -> list[tuple[FactKind, str, str]]:
    doc = read_text(text)
    return [
        (m.kind, m.value, text[m.start : m.end])
        for m in extract_mentions(doc)
        if m.kind in (FactKind.PERSON, FactKind.PLACE, FactKind.ORGANIZATION) and not m.weak
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Russian President Vladimir Putin spoke. Later Mr. Putin left, and Putin smiled.",
            [
                (FactKind.PERSON, "Vladimir Putin", "Vladimir Putin"),
                (FactKind.PERSON, "Vladimir Putin", "Putin"),
                (FactKind.PERSON, "Vladimir Putin", "Putin"),
            ],
        ),
        ("The plan went to Kiev on Monday.", [(FactKind.PLACE, "Kyiv", "Kiev")]),
        ("Officials in the U.S. agreed.", [(FactKind.PLACE, "United States", "U.S.")]),
        (
            "The Sunnyvale, Calif., company agreed.",
            [(FactKind.PLACE, "Sunnyvale", "Sunnyvale"), (FactKind.PLACE, "California", "Calif.")],
        ),
        (
            "It bought SeaMicro Inc. last year.",
            [(FactKind.ORGANIZATION, "SeaMicro", "SeaMicro Inc")],
        ),
        (
            'Mob boss Vincent "The Chin" Gigante died. Gigante was 77.',
            [
                (FactKind.PERSON, "Vincent Gigante", 'Vincent "The Chin" Gigante'),
                (FactKind.PERSON, "Vincent Gigante", "Gigante"),
            ],
        ),
        (
            "Police identified the victims as Bryant A. Dalton, 39, of Philadelphia.",
            [
                (FactKind.PERSON, "Bryant A. Dalton", "Bryant A. Dalton"),
                (FactKind.PLACE, "Philadelphia", "Philadelphia"),
            ],
        ),
        (
            "The BBC's James Copnall was there.",
            [
                (FactKind.ORGANIZATION, "British Broadcasting Corporation", "BBC"),
                (FactKind.PERSON, "James Copnall", "James Copnall"),
            ],
        ),
    ],
)
def test_names_fold_titles_and_aliases(
    text: str, expected: list[tuple[FactKind, str, str]]
) -> None:
    assert _names(text) == expected


def test_title_case_headlines_keep_only_names_the_body_knows() -> None:
    text = "Fatal Shooting Of Brooklyn Teen Sparks Riot\n\nKimani Gray, 16, was shot in Brooklyn."
    names = _names(text)
    assert (FactKind.PLACE, "Brooklyn", "Brooklyn") in names
    assert all(value not in ("Fatal Shooting", "Brooklyn Teen") for _k, value, _s in names)


# ---------------------------------------------------------------- matching and conflicts


def test_shared_date_written_two_ways() -> None:
    facts = _facts("Putin spoke in Bishkek on 27/11.", "Putin spoke in Bishkek on November 27.")
    date = _find(facts, FactKind.DATE, "--11-27")
    assert date.status == FactStatus.SHARED
    assert "day-first" in date.note


def test_surname_in_one_article_joins_the_full_name_in_the_other() -> None:
    facts = _facts(
        "Russian President Vladimir Putin told reporters.", "Mr Putin said the plan is fine."
    )
    assert _find(facts, FactKind.PERSON, "Vladimir Putin").status == FactStatus.SHARED


def test_aliases_and_spelling_variants_match_across_articles() -> None:
    facts = _facts(
        "The US sent the plan to Kiev. SeaMicro agreed.",
        "The United States sent it to Kyiv. Sea Micro agreed.",
    )
    for kind, value in (
        (FactKind.PLACE, "United States"),
        (FactKind.PLACE, "Kyiv"),
        (FactKind.ORGANIZATION, "SeaMicro"),
    ):
        assert _find(facts, kind, value).status == FactStatus.SHARED


def test_different_counts_for_one_slot_in_linked_sentences_conflict() -> None:
    facts = _facts(
        "The quake killed 3 people in the north.",
        "The quake killed 11 people in the north.",
        links=[(0, 0)],
    )
    conflict = [f for f in facts if f.status == FactStatus.CONFLICT]
    assert len(conflict) == 1
    assert conflict[0].values == ("3 dead", "11 dead")
    assert conflict[0].kind == FactKind.NUMBER


def test_magnitude_disagreement_is_a_conflict() -> None:
    facts = _facts(
        "A 5.2 magnitude quake hit the city.", "A magnitude-5.4 quake hit the city.", [(0, 0)]
    )
    assert [f.values for f in facts if f.status == FactStatus.CONFLICT] == [
        ("5.2 magnitude", "5.4 magnitude")
    ]


def test_no_conflict_without_a_link() -> None:
    facts = _facts("The quake killed 3 people.", "The quake killed 11 people.")
    assert {(f.value, f.status) for f in facts if f.kind == FactKind.NUMBER} == {
        ("3 dead", FactStatus.ONLY_A),
        ("11 dead", FactStatus.ONLY_B),
    }


def test_no_conflict_between_numbers_that_count_different_things() -> None:
    facts = _facts(
        "The plan had 28 points and 3 people died.",
        "The plan had 11 sections and 5 bridges fell.",
        links=[(0, 0)],
    )
    assert not [f for f in facts if f.status == FactStatus.CONFLICT]


def _compared_facts(a: str, b: str) -> list[Fact]:
    """Facts of the whole pipeline: the aligner's links, with their word diffs."""
    return list(compare(read_text(a), read_text(b)).facts)


def test_figures_the_word_diff_puts_in_one_place_conflict_without_a_unit() -> None:
    facts = _compared_facts(
        "Scholz promised 12 more Iris-T systems by the end of the year.",
        "Scholz promised 10 more Iris-T systems by the end of the year.",
    )
    assert [f.values for f in facts if f.status == FactStatus.CONFLICT] == [("12", "10")]


def test_figures_in_one_place_that_measure_different_things_do_not_conflict() -> None:
    facts = _compared_facts(
        "The council approved the plan with 28 points after a long debate on Monday.",
        "The council approved the plan with 11 sections after a long debate on Monday.",
    )
    assert not [f for f in facts if f.status == FactStatus.CONFLICT]


def test_ages_of_one_person_spelled_two_ways_conflict() -> None:
    facts = _compared_facts(
        "Muammar Gaddafi was killed in Sirte. Gaddafi, 69, had ruled Libya for 42 years.",
        "Moammar Qadhafi was killed in Sirte. Qadhafi, 68, had ruled Libya for 42 years.",
    )
    conflicts = [f for f in facts if f.status == FactStatus.CONFLICT]
    assert [f.values for f in conflicts] == [("69 year old", "68 year old")]


def test_no_conflict_when_one_side_is_ambiguous() -> None:
    facts = _facts(
        "The quake killed 3 people and the flood killed 7 people.",
        "The quake killed 11 people.",
        links=[(0, 0)],
    )
    assert not [f for f in facts if f.status == FactStatus.CONFLICT]


def test_two_spellings_of_a_first_name_for_one_surname_in_linked_passages_conflict() -> None:
    facts = _facts(
        "The third victim, Brian Dalton, was rushed to hospital.",
        "The third victim, Bryant A. Dalton, was rushed to hospital.",
        links=[(0, 0)],
    )
    assert [f.values for f in facts if f.status == FactStatus.CONFLICT] == [
        ("Brian Dalton", "Bryant A. Dalton")
    ]


def test_translated_quotes_match_with_a_word_diff() -> None:
    facts = _facts(
        '"Overall, we agree that this could be a basis for future agreements", Putin said.',
        '"In general, we agreed that this could be the basis for future agreements," Mr Putin '
        "said.",
        links=[(0, 0)],
    )
    quote = [f for f in facts if f.kind == FactKind.QUOTE]
    assert len(quote) == 1 and quote[0].status == FactStatus.SHARED
    assert "-agree +agreed" in quote[0].note
    assert "speaker: Putin" in quote[0].note


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b", "status"),
    [
        ("Interior Minister Olaf Scholz", "Foreign Minister Andrii Sybiha", FactStatus.CONFLICT),
        ("Interior Minister Olaf Scholz", "Chancellor Olaf Scholz", FactStatus.SHARED),
        ("Clara", "Jenna Coleman", FactStatus.SHARED),  # one word: maybe a character's name
    ],
)
def test_the_same_words_said_by_two_people_conflict(
    speaker_a: str, speaker_b: str, status: FactStatus
) -> None:
    words = '"This is a turning point for our security and for Europe," {} said on Monday.'
    facts = _facts(words.format(speaker_a), words.format(speaker_b), links=[(0, 0)])
    quotes = [f for f in facts if f.kind == FactKind.QUOTE]
    assert [f.status for f in quotes] == [status], quotes
    if status == FactStatus.CONFLICT:
        assert quotes[0].why.startswith("conflict: said by ")


def test_quotes_that_differ_are_not_matched() -> None:
    facts = _facts(
        '"We will never allow our sovereignty to be violated," Kiir said.',
        '"The refugees need to be safe and protected," Hutson said.',
    )
    assert sorted(f.status for f in facts if f.kind == FactKind.QUOTE) == [
        FactStatus.ONLY_A,
        FactStatus.ONLY_B,
    ]


def _doc_with_caption(body: str, caption: str) -> Document:
    text = body + "\n" + caption
    b_end = len(body)
    return Document(
        text,
        "<test>",
        None,
        (Paragraph(Span(0, b_end), Role.BODY), Paragraph(Span(b_end + 1, len(text)), Role.CAPTION)),
        (Sentence(Span(0, b_end), 0), Sentence(Span(b_end + 1, len(text)), 1)),
    )


def test_facts_only_in_captions_are_kept_but_not_content() -> None:
    a = _doc_with_caption("Putin spoke in Moscow.", "Photo: Sputnik in Bishkek on 27/11.")
    b = read_text("Putin spoke in Moscow.")
    facts = compare_facts(a, b, [Link((0,), (0,), 0.9, LinkKind.SAME)])
    by_value = {f.value: f for f in facts}
    assert by_value["Moscow"].content and by_value["Moscow"].status == FactStatus.SHARED
    assert not by_value["Bishkek"].content
    assert not by_value["--11-27"].content


def test_cancel_raises() -> None:
    a = read_text("Putin spoke in Moscow.")
    with pytest.raises(Cancelled):
        compare_facts(a, a, [], Work(should_cancel=lambda: True))


def test_a_text_against_itself_shares_every_fact() -> None:
    text = (
        'Russian President Vladimir Putin told reporters in Bishkek on 27/11 that "the 28 '
        'points are a basis". Three people were killed and $4.1 million was lost last week.'
    )
    doc = read_text(text)
    links = [Link((i,), (i,), 1.0, LinkKind.SAME) for i in range(len(doc.sentences))]
    facts = compare_facts(doc, doc, links)
    assert facts
    assert {f.status for f in facts} == {FactStatus.SHARED}


# ---------------------------------------------------------------- reference pair


def test_reference_pair_facts(shared_examples: tuple[object, object]) -> None:
    from core.compare import compare
    from core.reading.dispatch import read_path

    a, b = (read_path(p) for p in shared_examples)  # type: ignore[arg-type]
    facts = compare(a, b).facts
    assert not [f for f in facts if f.status == FactStatus.CONFLICT]
    expect = {
        (FactKind.DATE, "--11-27"): FactStatus.SHARED,
        (FactKind.NUMBER, "28 point"): FactStatus.SHARED,
        (FactKind.PERSON, "Steve Witkoff"): FactStatus.SHARED,
        (FactKind.PLACE, "Bishkek"): FactStatus.SHARED,
        (FactKind.PERSON, "Vladimir Putin"): FactStatus.SHARED,
        (FactKind.DATE, "--11-25"): FactStatus.ONLY_A,
    }
    got = {(f.kind, f.value): f.status for f in facts}
    for key, status in expect.items():
        assert got.get(key) == status, key


# ---------------------------------------------------------------- span invariants

_WORDS = st.sampled_from(
    [
        "the", "said", "Putin", "Mr.", "President", "Kiev", "U.S.", "in", "on", "27/11",
        "November", "27", "3", "killed", "people", "$4.1", "million", "€3.7m", "two", "four-",
        "million-pound", "28-point", "magnitude", "5.4", "\"We", "agree\"", "'quote'", "Monday",
        "last", "week", "2,", "700", "½", "😀", "Ünal", "al-Bashir", "Calif.,", "\n\n", ".",
        ",", "(", ")", "“", "”", "Dr", "-", "x86", "911", "1999", "1983-2005",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=60), st.lists(_WORDS, min_size=1, max_size=60))
def test_every_fact_span_is_in_bounds_and_is_its_surface(
    words_a: list[str], words_b: list[str]
) -> None:
    ta, tb = " ".join(words_a) + " end.", " ".join(words_b) + " end."
    a, b = read_text(ta), read_text(tb)
    links = [Link((0,), (0,), 0.5, LinkKind.PARTIAL)]
    for doc in (a, b):
        for m in extract_mentions(doc):
            assert 0 <= m.start < m.end <= len(doc.text)
            surface = doc.text[m.start : m.end]
            assert surface == surface.strip() and surface
    for f in compare_facts(a, b, links):
        assert f.a or f.b
        for doc, spans in ((a, f.a), (b, f.b)):
            for s in spans:
                assert 0 <= s.start < s.end <= len(doc.text)
                assert s.of(doc.text).strip()
        if f.status == FactStatus.CONFLICT:
            assert f.values is not None and f.a and f.b
        elif f.status == FactStatus.SHARED:
            assert f.a and f.b
        elif f.status == FactStatus.ONLY_A:
            assert f.a and not f.b
        else:
            assert f.b and not f.a


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # a dateline's capitals are the place the story was filed from, not an acronym
        ("Ferry sinks\n\nGOMA, Aug. 9, 2024 - A ferry sank.", "GOMA", "Goma"),
        # a street written short is the same street
        ("He was struck on 117th St. near the temple.", "117th St.", "117th Street"),
        # a plural possessive before a place word is inside the name
        ("Crowds gathered in Martyrs' Square in Tripoli.", "Martyrs' Square", "Martyrs' Square"),
    ],
)
def test_places_read_from_their_form(text: str, surface: str, value: str) -> None:
    doc = read_text(text)
    places = {
        (doc.text[m.start : m.end], m.value)
        for m in extract_mentions(doc)
        if m.kind == FactKind.PLACE
    }
    assert (surface, value) in places, places


@pytest.mark.parametrize(
    "a,b,conflict",
    [
        (
            "City manager Frank Doyle called it fair.",
            "City manager Paul Reed called it fair.",
            True,
        ),
        # linked sentences that name two people in no shared role say nothing against each other
        ("Frank Doyle called it fair.", "Paul Reed called it fair.", False),
        ("Mr Frank Doyle called it fair.", "Mr Paul Reed called it fair.", False),
    ],
)
def test_two_people_in_one_role_conflict(a: str, b: str, conflict: bool) -> None:
    facts = compare_facts(read_text(a), read_text(b), [Link((0,), (0,), 0.9, LinkKind.SAME)])
    people = [f for f in facts if f.kind == FactKind.PERSON]
    assert any(f.status == FactStatus.CONFLICT for f in people) is conflict, people
