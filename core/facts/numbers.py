"""Numbers and quantities, with what they count.

``28 points`` and ``28-point plan`` give ``28 point``; ``Three killed``, ``kills 3`` and
``3 people died`` give ``3 dead``; ``$4.1 million``, ``four-million-pound`` and ``€3.7m`` keep
their currency (``USD 4.1 million``, ``GBP 4 million``, ``EUR 3.7 million``); ``12 per cent`` is
``12%``; ``5.4 magnitude``, ``magnitude-5.4`` and ``a magnitude of 5.4`` are ``5.4 magnitude``;
``2, 700``, ``2,700`` and ``2700`` are one number. What a number counts becomes the mention's
slot, so ``3 dead`` and ``11 dead`` in linked passages can be a conflict while ``3 dead`` and
``11 points`` never are.

Imports: standard library, core.model, core.facts.{mention,scan,lexicon}.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from core.facts.lexicon import word_set
from core.facts.mention import Mention, new_tuple
from core.facts.quantities import qualifier_before
from core.facts.scan import digit_runs, finditer, word_hits
from core.model import FactKind
from core.progress import no_check, paced, release

_TOKEN = re.compile(
    r"US\$|[$€£¥]"
    r"|(?P<ord>\d+(?:st|nd|rd|th))\b"
    r"|(?P<num>(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?[½¼¾]?|\.\d+|[½¼¾])"
    r"|(?P<word>[A-Za-z]+(?:['’][A-Za-z]+)?)"
    r"|(?P<punct>[^\sA-Za-z\d])"
)
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}  # fmt: skip
_SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
                 "b": 1_000_000_000}  # fmt: skip
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY",
}  # fmt: skip
_UNIT_NORMAL = {
    "ft": "foot", "feet": "foot", "foot": "foot", "metres": "metre", "meters": "metre",
    "metre": "metre", "meter": "metre", "m": "metre", "km": "km", "kilometres": "km",
    "kilometers": "km", "miles": "mile", "yards": "yard", "yd": "yard", "yds": "yard",
    "people": "people", "persons": "people", "percent": "%", "lbs": "lb", "kg": "kg",
    "children": "child", "men": "man", "women": "woman", "mph": "mph", "hours": "hour",
    "hrs": "hour", "mins": "minute", "minutes": "minute", "seconds": "second", "secs": "second",
}  # fmt: skip
_NOT_ONE_BEFORE = frozenset({"no", "the", "every", "any", "each", "this", "that", "which"})


class _Tok(NamedTuple):
    """One token (a tuple: tens of thousands are made per article, and tuples come cheap)."""

    text: str
    start: int
    end: int
    kind: str  # num | word | punct | cur | ord | wall
    low: str = ""


# the lookahead on first letters lets the engine skip most words before trying the list
_ANCHOR = re.compile(
    r"\d+|US\$|[$€£¥½¼¾]|\b(?=[OoTtFfSsEeNnDdHhMmBb])(?i:one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|hundred|thousand"
    r"|million|billion)"
)
# _ANCHOR as three scans: the runs of digits (text.digit_runs, shared with dates), the signs
# (_SIGN) and the number words (_ANCHOR_WORD, or text.word_hits); their matches never
# overlap, and together, in order, they are exactly _ANCHOR's (test)
_SIGN = re.compile(r"US\$|[$€£¥½¼¾]")
_ANCHOR_WORD = re.compile(
    r"[OoTtFfSsEeNnDdHhMmBb](?<!\w\w)(?i:(?<=o)ne"  # the first letter starts a word
    r"|(?<=t)(?:wo|hree|en|welve|hirteen|wenty|hirty|housand)"
    r"|(?<=f)(?:our|ive|ourteen|ifteen|orty|ifty)|(?<=s)(?:ix|even|ixteen|eventeen|ixty|eventy)"
    r"|(?<=e)(?:ight|leven|ighteen|ighty)|(?<=n)(?:ine|ineteen|inety)|(?<=d)ozen|(?<=h)undred"
    r"|(?<=m)illion|(?<=b)illion)"
)


_ANCHOR_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
)  # fmt: skip  (_ANCHOR's words, in its order)


# the words word_hits needs to look for: where "fourteen" starts, "four" (earlier in the list)
# starts too and is the hit, so a word that begins with an earlier one is never one
_ANCHOR_FIND_WORDS = tuple(
    w for k, w in enumerate(_ANCHOR_WORDS) if not any(w.startswith(v) for v in _ANCHOR_WORDS[:k])
)


def _anchor_spans(text: str, pace: Callable[[], None] = no_check) -> list[tuple[int, int]]:
    """The spans of ``_ANCHOR.finditer(text)``, in order."""
    # _ANCHOR_SIGN's matches: the runs of digits (found once for dates too), "US$" and the
    # single currency and fraction signs
    spans = digit_runs(text, pace) + [m.span() for m in finditer(_SIGN, text, pace=pace)]
    hits = word_hits(text, _ANCHOR_FIND_WORDS, False, pace)
    if hits is None:
        hits = [m.span() for m in finditer(_ANCHOR_WORD, text, pace=pace)]
    spans += hits
    pace()
    spans.sort()  # two sorted runs: one merge
    return spans


def _windows(text: str, pace: Callable[[], None] = no_check) -> list[tuple[int, int]]:
    """Stretches of text around anything that can start a number, merged; the rest is skipped."""
    merged: list[list[int]] = []
    n = len(text)
    anchors = _anchor_spans(text, pace)
    for k, (a, b) in enumerate(anchors):
        if not k & 1023:
            pace()
        s, e = a - 40, b + 60
        if merged and s <= merged[-1][1]:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(merged):
        if not k & 1023:
            pace()
        # widen to spaces so no window cuts a word in two; widened windows can meet again
        s = text.rfind(" ", 0, max(0, s)) + 1
        e2 = text.find(" ", min(n, e))
        e = n if e2 < 0 else e2
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    release(anchors, pace)
    release(merged, pace)
    return out


# _TOKEN with the whitespace before each token captured and every branch a group: findall
# gives (space, word, cur, ord, num, punct) strings without a match object per token. Every
# character that is not whitespace starts a token and tokens follow each other with only
# whitespace between them, so the offsets add up from the window's start. Words come first
# (most tokens are words: the other branches are not tried for them); only "US$" needs the
# currency branch before the word one, hence the lookahead.
_SPACED_TOKEN = re.compile(
    r"(\s*)(?:((?!US\$)[A-Za-z]+(?:['’][A-Za-z]+)?)|(US\$|[$€£¥])|(\d+(?:st|nd|rd|th))\b"
    r"|((?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?[½¼¾]?|\.\d+|[½¼¾])|([^\sA-Za-z\d]))"
)


_AT_ONCE = 1 << 14  # longer windows are scanned in paced steps


def _window_tokens(text: str, ws: int, we: int, firsts: list[int] | None = None) -> list[_Tok]:
    """The tokens ``_TOKEN.finditer(text, ws, we)`` gives, from one findall call; ``firsts``
    (when given) gets the indices of those that can start a number (``_can_start``)."""
    out: list[_Tok] = []
    append = out.append
    firsts = [] if firsts is None else firsts
    pos = ws
    for space, word, cur, ordinal, num, punct in _SPACED_TOKEN.findall(text, ws, we):
        pos += len(space)
        if word:
            end = pos + len(word)
            low = word.casefold()
            if low in _NUM_WORDS:
                firsts.append(len(out))
            append(new_tuple(_Tok, (word, pos, end, "word", low)))
            pos = end
            continue
        if punct:
            g, kind = punct, "punct"
        elif num:
            g, kind = num, "num"
            firsts.append(len(out))
        elif cur:
            g, kind = cur, "cur"
            firsts.append(len(out))
        else:
            g, kind = ordinal, "ord"
        end = pos + len(g)
        append(new_tuple(_Tok, (g, pos, end, kind, g.casefold())))
        pos = end
    return out


def _can_start(t: _Tok) -> bool:
    """A currency sign, digits or a number word: what a number can start with."""
    return t[3] in _START_KINDS or (t[3] == "word" and t[4] in _NUM_WORDS)


def _tokens(
    text: str, masks: list[tuple[int, int]], pace: Callable[[], None] = no_check
) -> tuple[list[_Tok], list[int]]:
    """Tokens of the windows, a wall between windows and in place of masked text; and the
    indices of the tokens that can start a number (a currency sign, digits, a number word)."""
    masks = sorted(masks)
    out: list[_Tok] = []
    starts: list[int] = []
    append = out.append
    mi, n_masks = 0, len(masks)
    wall = _Tok("", 0, 0, "wall")
    for ws, we in _windows(text, pace):
        pace()
        firsts: list[int] | None = []
        if we - ws <= _AT_ONCE:
            toks = _window_tokens(text, ws, we, firsts)
        else:
            toks = [
                new_tuple(_Tok, (g, m.start(), m.end(), m.lastgroup or "cur", g.casefold()))
                for m in finditer(_TOKEN, text, ws, we, pace)
                if (g := m.group())
            ]
            firsts = None
        k, n_toks = 0, len(toks)
        # token by token while a mask may reach into the window; a masked token becomes a wall
        while k < n_toks and mi < n_masks and masks[mi][0] < we:
            if not k & 255:
                pace()
            t = toks[k]
            while mi < n_masks and masks[mi][1] <= t[1]:
                mi += 1
            if mi < n_masks and masks[mi][0] < t[2]:
                if not out or out[-1][3] != "wall":
                    append(wall)
            else:
                if _can_start(t):
                    starts.append(len(out))
                append(t)
            k += 1
        # the rest at once: no mask starts before the window ends, so none of it is masked
        rest = toks[k:] if k else toks
        base = len(out)
        if firsts is None:
            starts += [base + q for q, t in enumerate(rest) if _can_start(t)]
        else:
            starts += [base + q - k for q in firsts if q >= k]
        out += rest
        append(wall)
    return out, starts


_NUM_WORDS = frozenset(UNITS) | frozenset(SCALES)
_START_KINDS = frozenset({"num", "cur"})
_PHONE = frozenset({"911", "999", "112"})
_STREET = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "place"}
)


def _is_address(toks: list[_Tok], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt is None
        or nxt.kind not in ("word", "ord")
        or (not nxt.text[0].isupper() and nxt.kind == "word")
    ):
        return False
    return any(t.low in _STREET for t in toks[i + 1 : i + 5])


def _phone_context(toks: list[_Tok], i: int) -> bool:
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return (
        before in ("called", "call", "dialed", "dialled", "dial", "a", "the")
        or after
        in (
            "call",
            "calls",
            "dispatcher",
            "dispatchers",
            "operator",
            "operators",
            "emergency",
        )
        or not after.isalpha()
    )


_CHARGE = frozenset({"charge", "charges", "count", "counts"})


def _charge(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """``two murder charges`` and ``two counts of murder`` are both ``2 murder charge``."""
    words: list[_Tok] = []
    for q in range(k, min(k + 4, len(toks))):
        if toks[q].kind != "word":
            break
        words.append(toks[q])
    for n, w in enumerate(words):
        if w.low not in _CHARGE:
            continue
        if n == 0:
            rest = words[1:]
            if not rest or rest[0].low != "of":
                return None
            what = [t.low for t in rest[1:3] if t.low not in ("and", "or", "the", "a")]
            if not what:
                return None
            if what[0] != "attempted":
                what = what[:1]
            return " ".join(what) + " charge", k + len(what) + 1
        head = [t.low for t in words[:n]]
        if len(head) > 2 or any(h in word_set("unit_stopwords") for h in head):
            return None
        return " ".join(head) + " charge", k + n
    return None


_THOUSANDS = re.compile(r",\s?")


def _num_value(text: str) -> float:
    frac = {"½": 0.5, "¼": 0.25, "¾": 0.75}
    extra = 0.0
    if text and text[-1] in frac:
        extra, text = frac[text[-1]], text[:-1]
    text = _THOUSANDS.sub("", text) if "," in text else text
    return (float(text) if text else 0.0) + extra


def _is_num_word(tok: _Tok) -> bool:
    return tok.kind == "word" and (tok.low in UNITS or tok.low in SCALES)


def _word_run(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """Parse number words from toks[i]: ``twenty-five``, ``four and a half``, ``two hundred``."""
    total = current = 0.0
    j = i
    last = i - 1
    seen = False
    while j < len(toks):
        t = toks[j]
        if t.kind == "word" and t.low == "dozen" and seen:
            current *= 12  # "two dozen"
            last = j
        elif t.kind == "word" and t.low in UNITS:
            current += UNITS[t.low]
            seen, last = True, j
        elif t.kind == "word" and t.low in SCALES and seen:
            current = max(current, 1.0) * SCALES[t.low]
            if SCALES[t.low] >= 1000:
                total, current = total + current, 0.0
            last = j
        elif t.kind == "word" and t.low == "half" and seen and toks[j - 1].low == "a":
            current += 0.5
            last = j
        elif (t.kind == "word" and t.low in ("and", "a") and seen) or (
            t.text == "-" and seen and j + 1 < len(toks) and _is_num_word(toks[j + 1])
        ):
            pass
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, last


def _fmt(n: float) -> str:
    if n == int(n):
        return f"{int(n):,}"
    return f"{n:,.6f}".rstrip("0").rstrip(".")


def _fmt_money(n: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n >= scale:
            return f"{_fmt(round(n / scale, 6))} {word}"
    return _fmt(n)


def _lemma(word: str) -> str:
    w = word.casefold()
    if w in _UNIT_NORMAL:
        return _UNIT_NORMAL[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon lists number reading needs, loaded once per call."""

    person_nouns: frozenset[str]
    dead: frozenset[str]
    injured: frozenset[str]
    kill_verbs: frozenset[str]
    injure_verbs: frozenset[str]
    stop: frozenset[str]
    skip_adj: frozenset[str]

    @classmethod
    def load(cls) -> _Words:
        return cls(
            word_set("person_nouns"),
            word_set("dead_words"),
            word_set("injured_words"),
            word_set("kill_verbs"),
            word_set("injure_verbs"),
            word_set("unit_stopwords"),
            word_set("unit_skip"),
        )

    def harm(self, low: str) -> str:
        """ "dead", "injured" or "" for a casualty word."""
        return "dead" if low in self.dead else "injured" if low in self.injured else ""


@dataclass(slots=True)
class _Number:
    """A number being read: its tokens ``first..last`` and what has been found so far."""

    first: int  # the currency sign, if any, else the number
    at: int  # the number itself
    value: float
    last: int
    currency: str = ""
    range_text: str = ""
    percent: bool = False
    unit: str = ""
    slot_extra: str = ""


class _Scanner:
    """Reads number mentions token by token (``extract_numbers`` is the entry point).

    Each number goes through the same steps: where it starts (currency sign, digits or number
    words, minus things that only look like counts), what follows it (a range, a magnitude word,
    percent, a currency word), and what it counts (a unit after it, or the words before it).
    """

    def __init__(self, text: str, toks: list[_Tok]) -> None:
        self.text = text
        self.toks = toks
        self.n = len(toks)
        self.words = _Words.load()

    def at(self, k: int) -> _Tok | None:
        return self.toks[k] if k < self.n else None

    def skip_hyphen(self, k: int) -> int:
        tk = self.at(k)
        return k + 1 if tk is not None and tk.text == "-" else k

    def before(self, first: int) -> tuple[_Tok | None, _Tok | None]:
        """The two words before a number, past its qualifier ("killed more than 100")."""
        toks = self.toks
        qualifier = qualifier_before(self.text, toks[first].start)[0]
        if qualifier:
            first -= len(qualifier.split())
        return (toks[first - 1] if first > 0 else None, toks[first - 2] if first > 1 else None)

    # -- where a number starts --------------------------------------------------------------
    def start(self, i: int) -> _Number | int:
        """The number starting at token ``i``, or the index to go on from when there is none."""
        toks, text, n = self.toks, self.text, self.n
        t = toks[i]
        currency = ""
        first = i
        if (
            t.kind == "cur"
            and t.text in _CURRENCY_SIGNS
            and i + 1 < n
            and toks[i + 1].kind == "num"
        ):
            currency = _CURRENCY_SIGNS[t.text]
            i += 1
            t = toks[i]
        if t.kind == "num":
            if t.start > 0 and text[t.start - 1].isalpha():
                return i + 1  # "x86", "NY1": part of a name
            if _is_address(toks, i):
                return i + 1  # "473 East 52nd Street": a house number, not a count
            if t.text in _PHONE and _phone_context(toks, i):
                return i + 1  # "911 calls", "called 911": a phone number, not a count
            return _Number(first, i, _num_value(t.text), i, currency)
        if not _is_num_word(t):
            return i + 1
        if (
            t.text[0].isupper()
            and i > 0
            and toks[i - 1].kind == "word"
            and toks[i - 1].text[0].isupper()
            and text[toks[i - 1].end : t.start] == " "
        ):
            return i + 1  # "BBC One", "The Three Musketeers": part of a name
        if t.low in SCALES:
            return i + 1
        run = _word_run(toks, i)
        if run is None or (t.low == "one" and run[1] == i and not self._counting_one(i)):
            return i + 1
        return _Number(first, i, run[0], run[1], currency)

    def _counting_one(self, i: int) -> bool:
        """Whether a lone "one" counts something ("one person") rather than being a pronoun
        ("no one", "one of them", "one day")."""
        toks = self.toks
        word_before = toks[i - 1].low if i > 0 else ""
        word_after = toks[i + 1].low if i + 1 < self.n else ""
        return not (
            word_before in _NOT_ONE_BEFORE
            or word_after in ("of", "another", "day", "thing", "")
            or word_after in self.words.stop
            or (i + 1 < self.n and toks[i + 1].kind != "word")
        )

    # -- what follows it: range, magnitude, percent, currency word --------------------------
    def suffixes(self, num: _Number) -> int:
        """Read what follows the number into ``num``; returns the first token after it."""
        toks, n = self.toks, self.n
        t = toks[num.at]
        last = num.last
        if (  # a score or range: 20-13
            t.kind == "num"
            and last + 2 < n
            and toks[last + 1].text in ("-", "–")
            and toks[last + 2].kind == "num"
            and toks[last + 1].start == t.end
        ):
            num.range_text = f"{_fmt(num.value)}-{_fmt(_num_value(toks[last + 2].text))}"
            last += 2
        j = last + 1
        k = self.skip_hyphen(j)  # magnitude words: million, m, bn
        tk = self.at(k)
        if (
            tk is not None
            and tk.kind == "word"
            and (
                tk.low in SCALES
                or (tk.low in _SHORT_SCALES and (num.currency or tk.text in ("bn", "M")))
            )
        ):
            num.value *= SCALES.get(tk.low, _SHORT_SCALES.get(tk.low, 1))
            last = k
            j = k + 1
        tk = self.at(j)
        if tk is not None and (tk.text == "%" or tk.low == "percent"):
            num.percent, last, j = True, j, j + 1
        elif tk is not None and tk.low == "per" and (nx := self.at(j + 1)) and nx.low == "cent":
            num.percent, last, j = True, j + 1, j + 2
        elif (
            tk is not None
            and tk.text == "°"
            and (nx := self.at(j + 1)) is not None
            and nx.text in ("C", "F")
            and nx.start == tk.end
        ):
            num.unit, last, j = "°" + nx.text, j + 1, j + 2  # "5°C", "41°F"
        if not num.currency and not num.percent:
            k = self.skip_hyphen(j)
            tk = self.at(k)
            if tk is not None and tk.low in _CURRENCY_WORDS:
                num.currency, last, j = _CURRENCY_WORDS[tk.low], k, k + 1
        num.last = last
        return j

    # -- what it counts ---------------------------------------------------------------------
    def unit_after(self, num: _Number, j: int) -> None:
        """The unit from the words after the number: "3 dead", "12 people", "5 years old"."""
        words = self.words
        k = self.skip_hyphen(j)
        tk = self.at(k)
        while tk is not None and tk.low in words.skip_adj and (nt := self.at(k + 1)):
            if nt.kind != "word":
                break
            k, tk = k + 1, nt
        if tk is None or tk.kind != "word":
            return
        w = tk.low
        if words.harm(w):
            num.unit, num.last = words.harm(w), k
        elif (charge := _charge(self.toks, k)) is not None:
            num.unit, num.last = charge
        elif w in ("year", "years") and (o := self.at(self.skip_hyphen(k + 1))) and o.low == "old":
            num.unit, num.last = "year old", self.skip_hyphen(k + 1)
        elif w in words.person_nouns:
            for q in range(k, min(k + 5, self.n)):
                tq = self.toks[q]
                if tq.kind != "word" or tq.low in ("and", "or", "but"):
                    break  # "127 people and injuring 340": the harm is the next number's
                if words.harm(tq.low):
                    num.unit = words.harm(tq.low)
                    break
            if not num.unit and w != "of":
                num.unit, num.last = _lemma(w), k
        elif w not in words.stop and not tk.text[0].isupper():
            num.unit, num.last = _lemma(w), k
            nx = self.at(k + 1)
            if w in ("square", "cubic") and nx is not None and nx.kind == "word":
                # "35 square kilometres" measures area: the unit is both words
                num.unit, num.last = f"{w} {_UNIT_NORMAL.get(nx.low, _lemma(nx.low))}", k + 1
            else:
                # "9 water-dropping planes" counts planes: skip the compound before the noun
                q = k
                while (nq := self.at(q + 1)) is not None and nq.text == "-":
                    if (w2 := self.at(q + 2)) is None or w2.kind != "word":
                        break
                    q += 2
                noun = self.at(q + 1)
                if (
                    q > k
                    and noun is not None
                    and noun.kind == "word"
                    and noun.low not in words.stop
                    and not noun.text[0].isupper()
                ):
                    num.unit, num.last = _lemma(noun.low), q + 1
            # "three biology professors dead": a person noun close by, then a death
            for q in range(k + 1, min(k + 3, self.n)):
                tq = self.toks[q]
                if tq.kind != "word":
                    break
                if tq.low in words.person_nouns:
                    nx2 = self.at(q + 1)
                    if nx2 is not None and words.harm(nx2.low):
                        num.unit = words.harm(nx2.low)
                    break

    def unit(self, num: _Number, j: int) -> None:
        """What the number counts, from the words after it, then from the words before it."""
        prev, prev2 = self.before(num.first)
        after_magnitude = prev is not None and (
            prev.low == "magnitude"
            or (prev.text == "-" and prev2 is not None and prev2.low == "magnitude")
            or (prev.low == "of" and prev2 is not None and prev2.low == "magnitude")
        )
        if num.percent:
            num.unit = "%"
        elif num.unit.startswith("°"):
            pass  # a temperature, read with its sign
        elif after_magnitude and not num.currency:
            num.unit = "magnitude"  # "magnitude-5.4 quake", "a magnitude of 5.4"
        elif not num.currency and not num.range_text:
            self.unit_after(num, j)
        self._unit_before(num, prev, prev2)
        if (
            not num.unit
            and not num.currency
            and not num.range_text
            and prev is not None
            and prev.text == ","
            and prev2 is not None
            and prev2.kind == "word"
            and prev2.text[0].isupper()
            and num.value == int(num.value)
            and 1 <= num.value <= 120
            and ((nx := self.at(j)) is None or nx.text in (",", ")", ".", ";") or nx.low == "and")
        ):
            num.unit, num.slot_extra = "year old", prev2.text  # "Kimani Gray, 16, ..."

    def _unit_before(self, num: _Number, prev: _Tok | None, prev2: _Tok | None) -> None:
        """Casualties, magnitudes and ages told by the words before the number."""
        words = self.words
        if prev is None:
            return
        if (
            not (num.unit or num.currency)
            and prev.text == "-"
            and prev2
            and prev2.low == "magnitude"
        ):
            num.unit = "magnitude"
        fatally = prev2 is not None and prev2.low == "fatally"
        counts_people = num.unit in ("people", "person") or (
            bool(num.unit)
            and (num.unit in words.person_nouns or num.unit + "s" in words.person_nouns)
        )
        if counts_people and (prev.low in words.kill_verbs or fatally) and prev.low != "left":
            num.unit = "dead"  # "killing 3 people", "fatally shot eight people"
        elif counts_people and prev.low in words.injure_verbs:
            num.unit = "injured"  # "wounding two others"
        if num.unit or num.currency or prev.kind != "word":
            return
        after = prev2.low if prev2 is not None else ""
        if (prev.low in words.kill_verbs and prev.low != "left") or fatally:
            num.unit = "dead"
        elif prev.low in words.injure_verbs:
            num.unit = "injured"
        elif prev.low == "magnitude" or (prev.low == "of" and after == "magnitude"):
            num.unit = "magnitude"
        elif prev.low == "aged" or (prev.low == "age" and not num.range_text):
            num.unit = "year old"
        elif prev.low in ("toll", "deaths") or (
            prev.low in ("of", "to", "at") and after in ("toll", "deaths")
        ):
            num.unit = "dead"

    # -- the mention ------------------------------------------------------------------------
    def mention(self, num: _Number) -> Mention | None:
        toks, text = self.toks, self.text
        t = toks[num.at]
        start = toks[num.first].start if num.currency else t.start
        end = toks[num.last].end
        if num.currency:
            shown = f"{num.currency} {_fmt_money(num.value)}"
            slot = f"money {num.currency}"
        else:
            figure = num.range_text or _fmt(num.value)
            shown = f"{figure}%" if num.unit == "%" else f"{figure} {num.unit}".strip()
            slot = num.unit
            if num.unit == "year old":
                slot = f"age of {num.slot_extra}" if num.slot_extra else ""
        qual, start = qualifier_before(text, start)  # the span shows it: "more than 100 people"
        note = f"qualified: {qual}" if qual else ""
        if t.kind != "num" or text[toks[num.first].start : toks[num.last].end] != "":
            return Mention(
                FactKind.NUMBER, shown.casefold(), shown, start, end, slot=slot, note=note
            )
        return None


def extract_numbers(
    text: str, masks: list[tuple[int, int]], pace: Callable[[], None] = no_check
) -> list[Mention]:
    """Number mentions outside ``masks`` (dates and clock times); ``pace()`` runs every few
    hundred tokens (it raises to cancel)."""
    toks, starts = _tokens(text, masks, pace)
    scanner = _Scanner(text, toks)
    out: list[Mention] = []
    # only a currency sign, digits or a number word can start a number (``start`` passes over
    # any other token), so the scan jumps from one of those to the next
    i = 0
    for k in paced(starts, pace, 64):  # (256 numbers took up to 3 ms on generated text)
        if k < i:
            continue
        found = scanner.start(k)
        if isinstance(found, int):
            i = found
            continue
        j = scanner.suffixes(found)
        scanner.unit(found, j)
        mention = scanner.mention(found)
        if mention is not None:
            out.append(mention)
        i = found.last + 1
    release(scanner.toks, pace)
    return out
