"""The alignment signals: tokens, stems, numbers and dates, spelling variants, candidates."""

from __future__ import annotations

import numpy as np

from core.align import align
from core.align.words import _fuzzy_canon, _prefix_edges
from core.model import Role
from core.options import CompareOptions
from core.progress import Work
from core.tokens import STOP_WORDS, stem, terms
from tests.documents import make_doc


def test_stems_join_inflections() -> None:
    assert stem("agreed") == stem("agrees") == stem("agree")
    assert stem("issues") == stem("issue")
    assert stem("discussions") == stem("discussion")
    assert stem("running") == stem("run")
    assert stem("putin's") == "putin"


def test_lexicon_joins_news_synonyms_and_number_words() -> None:
    def words(text: str) -> list[str]:
        return [t for t, _ in terms(text)]

    assert words("Two killed") == words("2 dead") == words("two died")
    assert words("fifteen-year employee")[:2] == words("15 years")
    assert words("AMD bought SeaMicro") == words("AMD acquired SeaMicro")
    assert words("he fell") == words("he has fallen")[:1] + words("he has fallen")[2:]
    assert words("wounded")[0] == words("injured")[0] != words("killed")[0]
    assert words("the 12th Doctor") == words("the twelfth Doctor") == ["the", "12", "doctor"]
    assert words("the reporter")[1] == words("a correspondent")[1]
    assert words("he said")[1] == words("she told")[1] in STOP_WORDS  # reporting verbs weigh low
    # a lexicon term never meets an ordinary word or name with the same letters
    assert words("Los Angeles")[0] != words("they lose")[1]


def test_terms_fold_case_and_dates() -> None:
    got = [t for t, _ in terms("On November 27 in Bishkek")]
    assert got == ["on", "11", "27", "in", "bishkek"]
    assert [t for t, _ in terms("on 27/11")] == ["on", "27", "11"]
    assert "may" in [t for t, _ in terms("It may rain")]  # the modal verb is not a month
    flags = dict(terms("Yesterday Putin met the envoy in the capital"))
    assert flags["putin"] is True and flags["envoy"] is False
    assert flags["yesterday"] is False  # sentence-initial capital is not a name
    # a title-cased headline capitalizes every word: no name flags there
    assert not any(dict(terms("Doctor Who: Peter Capaldi Revealed As New Doctor")).values())


def test_stop_words_are_lowercase_words() -> None:
    assert "the" in STOP_WORDS and "putin" not in STOP_WORDS
    assert all(w == w.lower() for w in STOP_WORDS)


def test_spelling_variants_across_sides_share_a_term() -> None:
    vocab = ["witkoff", "witkof", "moscow", "europe", "european"]
    in_a = np.array([True, False, True, True, True])
    in_b = np.array([False, True, True, True, False])
    canon = _fuzzy_canon(vocab, in_a, in_b, 88.0, Work())
    assert canon[0] == canon[1] == 1  # the shorter spelling names the group
    assert canon[2] == 2
    # a cutoff above 100 switches fuzzy matching off
    off = _fuzzy_canon(vocab, in_a, in_b, 101.0, Work())
    assert off[0] != off[1]


def test_derivations_sharing_a_long_prefix() -> None:
    vocab = ["sudan", "sudanes", "europ", "european", "stat", "statement", "port", "portion"]
    edges = {(vocab[x], vocab[y]) for x, y in _prefix_edges(vocab, list(range(8)), Work())}
    assert ("sudan", "sudanes") in edges and ("europ", "european") in edges
    assert not any("port" in e for e in edges)  # too short to trust
    assert ("stat", "statement") not in edges


def test_split_sentence_joins_one_link() -> None:
    a = make_doc([["Moscow does not object to adding European proposals, and everything is open."]])
    b = make_doc(
        [
            [
                "He said that Moscow was not against adding proposals from Europe.",
                "Everything is open, he said.",
            ]
        ]
    )
    groups = align(a, b, CompareOptions(), Work())
    assert [(g.a, g.b) for g in groups] == [((0,), (0, 1))]


def test_only_content_sentences_are_aligned() -> None:
    text = [["Flood wall approved by council."], ["Flood wall approved by council."]]
    a = make_doc(text, roles=[Role.BODY, Role.BYLINE])
    b = make_doc(text, roles=[Role.CAPTION, Role.BODY])
    groups = align(a, b, CompareOptions(), Work())
    assert [(g.a, g.b) for g in groups] == [((0,), (1,))]


def test_headlines_link_to_headline_and_lead_on_little_shared_wording() -> None:
    a = make_doc(
        [
            ["Coastal town adopts plan after winter storms"],
            ["The council of Kestrel Bay voted on Tuesday for a 12-point flood plan."],
            ["Fishermen fear the works will close the harbour."],
        ],
        roles=[Role.TITLE, Role.BODY, Role.BODY],
    )
    b = make_doc(
        [
            ["Kestrel Bay approves defences as the storm season ends"],
            ["Kestrel Bay's council on Tuesday approved a plan of 12 points against floods."],
            ["Tourism officials expect a record summer."],
        ],
        roles=[Role.TITLE, Role.BODY, Role.BODY],
    )
    pairs = {(i, j) for g in align(a, b, CompareOptions(), Work()) for i in g.a for j in g.b}
    assert (0, 0) in pairs  # headline - headline
    assert (1, 1) in pairs  # lead - lead
    assert (2, 2) not in pairs
    without = CompareOptions(headline_bonus=0.0)
    plain = {(i, j) for g in align(a, b, without, Work()) for i in g.a for j in g.b}
    assert (0, 0) not in plain  # the headlines share too little on their own
    head = next(g for g in align(a, b, CompareOptions(), Work()) if g.a == (0,))
    assert head.similarity < CompareOptions().link_threshold


def test_a_subheading_does_not_link_to_a_sentence_that_merely_mentions_its_words() -> None:
    body = ["The mob boss had suffered for years."]
    b = make_doc([["The cause of his death was unknown, although he had heart disease."]])

    def pairs(a_roles: list[Role]) -> set[tuple[int, int]]:
        a = make_doc([["Heart disease"], body], roles=a_roles)
        groups = align(a, b, CompareOptions(), Work())
        return {(i, j) for g in groups for i in g.a for j in g.b}

    assert (0, 0) not in pairs([Role.HEADING, Role.BODY])  # a section label is no statement
    assert (0, 0) in pairs([Role.BODY, Role.BODY])  # the same words as a sentence are carried


def test_the_lead_links_to_each_later_sentence_that_restates_part_of_it() -> None:
    a = make_doc(
        [
            ["Flood wall approved in Kestrel Bay"],
            [
                "The Kestrel Bay council approved a 12 million euro flood wall on Tuesday after "
                "the February storm destroyed 340 homes and flooded the old harbour district."
            ],
            ["Fishermen fear the works will close the harbour for a season."],
        ],
        roles=[Role.TITLE, Role.BODY, Role.BODY],
    )
    b = make_doc(
        [
            ["Kestrel Bay gets its wall"],
            ["Kestrel Bay will build a wall against the sea, its council decided on Tuesday."],
            [
                "Councillors approved the 12 million euro flood wall by nine votes to two after "
                "a long and angry debate in the town hall."
            ],
            ["Tourism officials expect a record summer."],
            [
                "The February storm destroyed 340 homes, the mayor recalled, and many families "
                "still live with relatives inland."
            ],
        ],
        roles=[Role.TITLE, Role.BODY, Role.BODY, Role.BODY, Role.BODY],
    )

    def pairs(opts: CompareOptions) -> set[tuple[int, int]]:
        groups = align(a, b, opts, Work())
        return {(i, j) for g in groups for i in g.a for j in g.b}

    got = pairs(CompareOptions())
    assert {(1, 2), (1, 4)} <= got
    assert (2, 3) not in got and (1, 3) not in got
    assert not {(1, 2), (1, 4)} <= pairs(CompareOptions(lead_link=1.0))
