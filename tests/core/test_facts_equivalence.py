"""Fast rewrites of the fact finders give exactly what the plain versions give."""

from __future__ import annotations

import random
import re

import pytest
from rapidfuzz import fuzz, process

from core.facts import dates, matching, names, numbers
from core.facts import scan as facts_scan

_NAME_PIECES = (
    "U.S.A. ", "A.B.", "J.R.R. Tolkien ", "al-Bashir ", "abu-Zaid ", "xabu-C", "Hamas-Bashir ",
    "as-B", "l-A", "bin Laden ", "ibn-X", "al ", "of ", "de la ", "van ", "del", "du", "67th ",
    "Precinct ", "52nd Street ", "1st A", "3", "X", "Y.", "D.", "É", "Ü.", "é", "x-Ray ", "'",
    "’s ", "-", "_", " ", "\n", "Mr. ", "a", "b", "i", "o",
)  # fmt: skip


def _texts(pieces: tuple[str, ...], seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(count)]


def test_word_spans_are_the_word_pattern_matches() -> None:
    for text in _texts(_NAME_PIECES, 1, 3000):
        assert names._word_spans(text) == [m.span() for m in names._WORD.finditer(text)], text


def test_word_spans_in_small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_scan, "_STEP", 300)
    monkeypatch.setattr(facts_scan, "_MARGIN", 100)
    text = "".join(_texts(_NAME_PIECES, 2, 200))
    assert len(text) > 3000
    assert names._word_spans(text) == [m.span() for m in names._WORD.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (names._ORDINAL, r"\b\d+(?:st|nd|rd|th)\b(?=\s+[A-Z])"),
        (names._CONNECTOR, r"\b(?:of|de|van|von|bin|al|da|di|del|la|le|der|den|du)\b"),
    ],
    ids=["ordinal", "connector"],
)
def test_rewritten_patterns_match_the_plain_ones(fast: re.Pattern[str], plain: str) -> None:
    rx = re.compile(plain)
    for text in _texts(_NAME_PIECES, 3, 3000):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_previous_word_is_the_plain_search() -> None:
    rx = re.compile(r"([A-Za-z]+)[\s,]*$")
    for text in _texts((*_NAME_PIECES, ", ", ",", "\t", "said "), 4, 2000):
        for pos in range(len(text) + 1):
            m = rx.search(text, max(0, pos - 30), pos)
            assert names._prev_word(text, pos) == (m.group(1).casefold() if m else ""), text


_NUMBER_PIECES = (
    "one", "One", "ONE", "tension", "often", "US$", "BUS$", "U", "S", "$", "5", "12", "½", "€",
    "ſix", "seventeen", "Seven", "eighteen", "x", " ", "-", "_", "Thousand", "hundred", "bn",
    "million", "K", "é", "Ten", "twenty", "é1", "2, 700", "1987", "Dec. 5", "12/11",
)  # fmt: skip


def test_number_anchor_spans_are_the_anchor_matches() -> None:
    for text in _texts(_NUMBER_PIECES, 5, 5000):
        assert numbers._anchor_spans(text) == [m.span() for m in numbers._ANCHOR.finditer(text)]


def _plain_tokens(text: str, masks: list[tuple[int, int]]) -> list[tuple[str, int, int, str]]:
    """The token-by-token loop the tokenizer had before it took windows at once."""
    masks = sorted(masks)
    out: list[tuple[str, int, int, str]] = []
    mi = 0
    for ws, we in numbers._windows(text):
        for m in numbers._TOKEN.finditer(text, ws, we):
            s, e = m.span()
            while mi < len(masks) and masks[mi][1] <= s:
                mi += 1
            if mi < len(masks) and masks[mi][0] < e:
                if not out or out[-1][3] != "wall":
                    out.append(("", 0, 0, "wall"))
                continue
            out.append((m.group(), s, e, m.lastgroup or "cur"))
        out.append(("", 0, 0, "wall"))
    return out


def test_number_tokens_with_masks_are_the_plain_tokens() -> None:
    """Windows without a mask are tokenized at once; the result is the token-by-token one."""
    rnd = random.Random(6)
    for text in _texts((*_NUMBER_PIECES, "people ", "killed ", "at 5 p.m. "), 6, 400):
        starts = rnd.sample(range(len(text)), min(3, len(text)))
        masks = sorted({(a, a + rnd.randint(0, 6)) for a in starts if rnd.random() < 0.7})
        toks, first = numbers._tokens(text, masks)
        assert [(t.text, t.start, t.end, t.kind) for t in toks] == _plain_tokens(text, masks)
        assert first == [
            k
            for k, t in enumerate(toks)
            if t.kind in ("num", "cur") or (t.kind == "word" and t.low in numbers._NUM_WORDS)
        ]


_DATE_PIECES = (
    "Jan", "JAN", "jan", "June", "Jul", "xJul", "_Dec", "Déc", "May", "MAY", "Sept", "Oct.",
    "yesterday", "Today", "TONIGHT", "last", "lastly", "later", "Next", "this", "thistle", "ago",
    "Monday", "tuesdays", "Wednesday", "friday", "Saturday", "sunday", "coming", "earlier",
    "Christmas Day", "Christmas Eve", "Boxing Day", "New Year's Eve", "New Year’s Day",
    "Valentine's Day", "Halloween", "xHalloween", "Halloweens", "é", "_", "1", " ", "-", "\n",
)  # fmt: skip


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (
            dates._MONTH_ANCHOR,
            r"\b(?:J(?:an|AN|un|UN|ul|UL)|F(?:eb|EB)|M(?:ar|AR|ay|AY)|A(?:pr|PR|ug|UG)|S(?:ep|EP)"
            r"|O(?:ct|CT)|N(?:ov|OV)|D(?:ec|EC))",
        ),
        (
            dates._HOLIDAY,
            r"\b(?:Christmas (?:Day|Eve)|Boxing Day|New Year['’]s (?:Day|Eve)|Valentine['’]s Day"
            r"|Halloween)\b",
        ),
    ],
    ids=["month", "holiday"],
)
def test_date_patterns_match_the_plain_ones(fast: re.Pattern[str], plain: str) -> None:
    rx = re.compile(plain)
    for text in _texts(_DATE_PIECES, 7, 4000):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_window_tokens_are_the_token_matches() -> None:
    pieces = (*_NUMBER_PIECES, "21st", "3rd.", "Mr.", "don't", "’s", "£", "¥5", ".5", "\t", "\n")
    for n, text in enumerate(_texts(pieces, 8, 3000)):
        ws, we = n % 3, len(text) - n % 4
        want = [
            (m.group(), m.start(), m.end(), m.lastgroup or "cur", m.group().casefold())
            for m in numbers._TOKEN.finditer(text, ws, we)
        ]
        firsts: list[int] = []
        toks = numbers._window_tokens(text, ws, we, firsts)
        assert [tuple(t) for t in toks] == want, text
        assert firsts == [k for k, t in enumerate(toks) if numbers._can_start(t)], text


def test_word_hits_are_the_anchor_matches() -> None:
    pieces = (*_NUMBER_PIECES, *_DATE_PIECES, "Chicago", "often", "tenth", "agog", "o'ten", "É")
    pieces += ("fourteen", "Sixty", "ninety", "eighty-one", "seventeen")
    pieces = tuple(p for p in pieces if "ſ" not in p)  # a case twin: the pattern decides
    for text in _texts(pieces, 9, 4000):
        number_words = facts_scan.word_hits(text, numbers._ANCHOR_WORDS, False)
        assert number_words == [m.span() for m in numbers._ANCHOR_WORD.finditer(text)], text
        fewer = facts_scan.word_hits(text, numbers._ANCHOR_FIND_WORDS, False)
        assert fewer == number_words, text
        relative = facts_scan.word_hits(text, dates._RELATIVE_WORDS, True)
        assert relative == [m.span() for m in dates._RELATIVE_ANCHOR.finditer(text)], text


def test_word_hits_leave_case_twins_to_the_pattern() -> None:
    assert facts_scan.word_hits("the ſeven seas", numbers._ANCHOR_WORDS, False) is None
    assert numbers._anchor_spans("the ſeven seas") == [
        m.span() for m in numbers._ANCHOR.finditer("the ſeven seas")
    ]


def test_nickname_pattern_matches_the_plain_one() -> None:
    plain = re.compile(r"(?<=[A-Za-z] )[\"“'‘](?:[Tt]he )?[A-Z][^\"”'’\n]{1,30}[\"”'’] (?=[A-Z])")
    pieces = ("Vincent ", '"The Chin" ', "Gigante", "“Big” ", "'Bo' ", "‘Al’ ", "x", " ", "\n", '"')
    for text in _texts(pieces, 10, 3000):
        assert [m.span() for m in names._NICKNAME.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def _plain_candidate_pairs(keys_a: list[str], keys_b: list[str]) -> set[tuple[int, int]]:
    """The quote pairs worth scoring as found before the LCS bound: every pair scored."""
    plain = process.cdist(keys_a, keys_b, scorer=fuzz.ratio, score_cutoff=55)
    pairs = {(int(i), int(j)) for i, j in zip(*plain.nonzero(), strict=True)}
    for i, ka in enumerate(keys_a):
        for j, kb in enumerate(keys_b):
            short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
            if f" {short} " in f" {long_} ":
                pairs.add((i, j))
    long_a = [i for i, k in enumerate(keys_a) if k.count(" ") >= 5]
    long_b = [j for j, k in enumerate(keys_b) if k.count(" ") >= 5]
    if long_a and long_b:
        part = process.cdist(
            [keys_a[i] for i in long_a],
            [keys_b[j] for j in long_b],
            scorer=fuzz.partial_ratio,
            score_cutoff=80,
        )
        pairs.update((long_a[int(i)], long_b[int(j)]) for i, j in zip(*part.nonzero(), strict=True))
    return pairs


def test_quote_candidate_pairs_are_the_plain_ones() -> None:
    rnd = random.Random(11)
    vocab = ("the", "we", "will", "not", "stop", "until", "peace", "is", "a", "i", "no", "x", "ab")
    for _ in range(600):
        base = [" ".join(rnd.choices(vocab, k=rnd.randint(1, 14))) for _ in range(4)]

        def variant(q: str) -> str:  # a piece of the quote, a few words changed
            ws = q.split()
            k = rnd.randint(0, len(ws))
            ws = ws[k:] if rnd.random() < 0.5 else ws[:k] + rnd.choices(vocab, k=2)
            for _ in range(rnd.randint(0, 3)):
                if ws:
                    ws[rnd.randrange(len(ws))] = rnd.choice(vocab)
            return " ".join(ws)

        keys_a = [rnd.choice(base) for _ in range(rnd.randint(1, 6))]
        keys_b = [variant(rnd.choice(base)) or "x" for _ in range(rnd.randint(1, 6))]
        got = matching._candidate_pairs(keys_a, keys_b)
        assert got == _plain_candidate_pairs(keys_a, keys_b), (keys_a, keys_b)


def test_names_with_only_the_joinable_connectors_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Connectors not right after a word (after spaces or a dot) change no name."""
    pieces = (
        *_NAME_PIECES, "Vincent ", "Gigante ", "Osama ", "bin ", "al ", "Mr. ", "Mrs.", "de ",
        "of", " of ", "Bank ", "America", ". ", "  ", "\t", "du", "la ", "Le ", "said ", "in ",
        "$", "5th ", "Avenue", "St. ", "Charles ", "de Gaulle", "Gen.", "van ", "Beethoven",
    )  # fmt: skip
    texts = _texts(pieces, 12, 1500)
    fast = [names.extract_names(t, []) for t in texts]
    assert any(names._connectors_after(t, [0], [], lambda: None) for t in texts)
    monkeypatch.setattr(names, "_connector_takes_dot", lambda: True)  # every connector
    for text, got in zip(texts, fast, strict=True):
        assert got == names.extract_names(text, []), text


@pytest.mark.parametrize(
    "fast", [dates._RELATIVE, dates._MDY, dates._DMY, dates._MY], ids=["rel", "mdy", "dmy", "my"]
)
def test_date_patterns_with_a_first_letter_lookahead_match_the_plain_ones(
    fast: re.Pattern[str],
) -> None:
    lookahead = r"\(\?=\[[^]]*\]\)"
    plain = re.compile(re.sub(lookahead, "", fast.pattern, count=1), re.I)
    assert plain.pattern != fast.pattern
    pieces = (
        *_DATE_PIECES, "two ", "Several ", "few ", "an ", "A ", "5 ", "days ", "weeks ago",
        "years earlier", "on ", "late ", "Early ", "morning", "ſeven", "ſunday", "night", "week",
        "the ", "The ", "of ", "3", "21st ", "2013", ", ", "Mon.", "Tues ", "thursday", "Nov. ",
        "aug ", "ſep", "ſat", "Dec", "March ", "Ju", "ne", "ly", "Wed ", "Sat.,", "FRI ",
        "Sep 2013 ", "ſept, 2012", "Saturday 5 November ", "sat the 21st of sept ", "SUN 3 Oct ",
    )  # fmt: skip
    for text in _texts(pieces, 13, 4000):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_number_windows_widened_past_a_wall_meet_again() -> None:
    """Two windows that meet only after widening to spaces read the text between once."""
    from core.facts.numbers import extract_numbers

    found = [(m.start, m.end) for m in extract_numbers("a 12" + "-" * 150 + " 34 people", [])]
    assert len(found) == len(set(found)) == 2


def test_stepped_scan_keeps_a_match_longer_than_a_step() -> None:
    """A match that runs past a paced step comes back whole, as from one plain scan."""
    line = re.compile(r"[^\n]+")
    text = "x" * 20_019 + "\nshort"
    assert [m.span() for m in facts_scan.finditer(line, text)] == [
        m.span() for m in line.finditer(text)
    ]
