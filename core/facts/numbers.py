"""Numbers and quantities, with what they count.

``28 points`` and ``28-point plan`` give ``28 point``; ``Three killed``, ``kills 3`` and
``3 people died`` give ``3 dead``; ``$4.1 million``, ``four-million-pound`` and ``€3.7m`` keep
their currency (``USD 4.1 million``, ``GBP 4 million``, ``EUR 3.7 million``); ``12 per cent`` is
``12%``; ``5.4 magnitude``, ``magnitude-5.4`` and ``a magnitude of 5.4`` are ``5.4 magnitude``;
``2, 700``, ``2,700`` and ``2700`` are one number. What a number counts becomes the mention's
slot, so ``3 dead`` and ``11 dead`` in linked passages can be a conflict while ``3 dead`` and
``11 points`` never are.

Imports: standard library, core.model, core.facts.text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.facts.text import Mention, word_set
from core.model import FactKind

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
_QUALIFIERS = ("at least", "more than", "less than", "fewer than", "up to", "as many as",
               "about", "around", "nearly", "almost", "some", "over", "under", "approximately",
               "roughly", "between", "an estimated", "just over", "just under")  # fmt: skip


@dataclass(slots=True)
class _Tok:
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


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anything that can start a number, merged; the rest is skipped."""
    merged: list[list[int]] = []
    n = len(text)
    for m in _ANCHOR.finditer(text):
        s, e = m.start() - 40, m.end() + 60
        if merged and s <= merged[-1][1]:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out: list[tuple[int, int]] = []
    for s, e in merged:
        # widen to spaces so no window cuts a word in two
        s = text.rfind(" ", 0, max(0, s)) + 1
        e2 = text.find(" ", min(n, e))
        out.append((s, n if e2 < 0 else e2))
    return out


def _tokens(text: str, masks: list[tuple[int, int]]) -> list[_Tok]:
    """Tokens of the windows, a wall between windows and in place of masked text."""
    masks = sorted(masks)
    out: list[_Tok] = []
    append = out.append
    mi, n_masks = 0, len(masks)
    wall = _Tok("", 0, 0, "wall")
    for ws, we in _windows(text):
        for m in _TOKEN.finditer(text, ws, we):
            s, e = m.span()
            if n_masks:
                while mi < n_masks and masks[mi][1] <= s:
                    mi += 1
                if mi < n_masks and masks[mi][0] < e:
                    if not out or out[-1].kind != "wall":
                        append(wall)
                    continue
            g = m.group()
            append(_Tok(g, s, e, m.lastgroup or "cur", g.casefold()))
        append(wall)
    return out


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


def _num_value(text: str) -> float:
    frac = {"½": 0.5, "¼": 0.25, "¾": 0.75}
    extra = 0.0
    if text and text[-1] in frac:
        extra, text = frac[text[-1]], text[:-1]
    text = re.sub(r",\s?", "", text)
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
        if t.kind == "word" and t.low in UNITS:
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


def _qualifier(text: str, start: int) -> str:
    before = text[max(0, start - 24) : start].casefold().rstrip()
    for q in _QUALIFIERS:
        if before.endswith(q) and (len(before) == len(q) or not before[-len(q) - 1].isalpha()):
            return q
    return ""


def extract_numbers(text: str, masks: list[tuple[int, int]]) -> list[Mention]:
    """Number mentions outside ``masks`` (dates and clock times)."""
    toks = _tokens(text, masks)
    out: list[Mention] = []
    person_nouns = word_set("person_nouns")
    dead, injured = word_set("dead_words"), word_set("injured_words")
    kill_verbs, injure_verbs = word_set("kill_verbs"), word_set("injure_verbs")
    stop = word_set("unit_stopwords")
    skip_adj = word_set("unit_skip")
    n = len(toks)
    i = 0
    while i < n:
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
        if t.kind == "num" and t.start > 0 and text[t.start - 1].isalpha():
            i += 1  # "x86", "NY1": part of a name
            continue
        if t.kind == "num" and _is_address(toks, i):
            i += 1  # "473 East 52nd Street": a house number, not a count
            continue
        if t.kind == "num" and t.text in _PHONE and _phone_context(toks, i):
            i += 1  # "911 calls", "called 911": a phone number, not a count
            continue
        if t.kind == "num":
            value = _num_value(t.text)
            last = i
        elif (
            _is_num_word(t)
            and t.text[0].isupper()
            and i > 0
            and toks[i - 1].kind == "word"
            and toks[i - 1].text[0].isupper()
            and text[toks[i - 1].end : t.start] == " "
        ):
            i += 1  # "BBC One", "The Three Musketeers": part of a name
            continue
        elif _is_num_word(t) and t.low not in SCALES:
            run = _word_run(toks, i)
            if run is None:
                i += 1
                continue
            value, last = run
            if t.low == "one" and last == i:
                word_before = toks[i - 1].low if i > 0 else ""
                word_after = toks[i + 1].low if i + 1 < n else ""
                if word_before in _NOT_ONE_BEFORE or (
                    word_after in ("of", "another", "day", "thing", "")
                    or word_after in stop
                    or (i + 1 < n and toks[i + 1].kind != "word")
                ):
                    i += 1
                    continue
        else:
            i += 1
            continue
        # a score or range: 20-13
        range_text = ""
        if (
            t.kind == "num"
            and last + 2 < n
            and toks[last + 1].text in ("-", "–")
            and toks[last + 2].kind == "num"
            and toks[last + 1].start == t.end
        ):
            range_text = f"{_fmt(value)}-{_fmt(_num_value(toks[last + 2].text))}"
            last += 2
        j = last + 1

        def at(k: int) -> _Tok | None:
            return toks[k] if k < n else None

        def skip_hyphen(k: int) -> int:
            tk = at(k)
            return k + 1 if tk is not None and tk.text == "-" else k

        # magnitude words: million, m, bn
        k = skip_hyphen(j)
        tk = at(k)
        if (
            tk is not None
            and tk.kind == "word"
            and (
                tk.low in SCALES
                or (tk.low in _SHORT_SCALES and (currency or tk.text in ("bn", "M")))
            )
        ):
            value *= SCALES.get(tk.low, _SHORT_SCALES.get(tk.low, 1))
            last = k
            j = k + 1
        percent = False
        tk = at(j)
        if tk is not None and (tk.text == "%" or tk.low == "percent"):
            percent, last, j = True, j, j + 1
        elif tk is not None and tk.low == "per" and (nx := at(j + 1)) and nx.low == "cent":
            percent, last, j = True, j + 1, j + 2
        if not currency and not percent:
            k = skip_hyphen(j)
            tk = at(k)
            if tk is not None and tk.low in _CURRENCY_WORDS:
                currency, last, j = _CURRENCY_WORDS[tk.low], k, k + 1
        # what it counts
        unit = ""
        slot_extra = ""
        prev = toks[first - 1] if first > 0 else None
        prev2 = toks[first - 2] if first > 1 else None
        magnitude_before = prev is not None and (
            prev.low == "magnitude"
            or (prev.text == "-" and prev2 is not None and prev2.low == "magnitude")
            or (prev.low == "of" and prev2 is not None and prev2.low == "magnitude")
        )
        if percent:
            unit = "%"
        elif magnitude_before and not currency:
            unit = "magnitude"  # "magnitude-5.4 quake", "a magnitude of 5.4"
        elif not currency and not range_text:
            k = skip_hyphen(j)
            tk = at(k)
            while tk is not None and tk.low in skip_adj and (nt := at(k + 1)) and nt.kind == "word":
                k, tk = k + 1, nt
            if tk is not None and tk.kind == "word":
                w = tk.low
                if w in dead or w in injured:
                    unit = "dead" if w in dead else "injured"
                    last = k
                elif (charge := _charge(toks, k)) is not None:
                    unit, last = charge
                elif w in ("year", "years") and (o := at(skip_hyphen(k + 1))) and o.low == "old":
                    unit, last = "year old", skip_hyphen(k + 1)
                elif w in person_nouns:
                    for q in range(k, min(k + 5, n)):
                        tq = toks[q]
                        if tq.kind != "word":
                            break
                        if tq.low in dead or tq.low in injured:
                            unit = "dead" if tq.low in dead else "injured"
                            break
                    if not unit and w != "of":
                        unit, last = _lemma(w), k
                elif w not in stop and not tk.text[0].isupper():
                    unit, last = _lemma(w), k
                    # "three biology professors dead": a person noun close by, then a death
                    for q in range(k + 1, min(k + 3, n)):
                        tq = toks[q]
                        if tq.kind != "word":
                            break
                        if tq.low in person_nouns:
                            nx2 = at(q + 1)
                            if nx2 is not None and (nx2.low in dead or nx2.low in injured):
                                unit = "dead" if nx2.low in dead else "injured"
                            break
        if (
            not unit
            and not currency
            and prev is not None
            and prev.text == "-"
            and prev2 is not None
            and prev2.low == "magnitude"
        ):
            unit = "magnitude"
        counts_people = unit in ("people", "person") or (
            bool(unit) and (unit in person_nouns or unit + "s" in person_nouns)
        )
        if (
            counts_people
            and prev is not None
            and (prev.low in kill_verbs or (prev2 is not None and prev2.low == "fatally"))
            and prev.low != "left"
        ):
            unit = "dead"  # "killing 3 people", "fatally shot eight people"
        elif counts_people and prev is not None and prev.low in injure_verbs:
            unit = "injured"  # "wounding two others"
        if not unit and not currency and prev is not None and prev.kind == "word":
            if (prev.low in kill_verbs and prev.low != "left") or (
                prev2 is not None and prev2.low == "fatally"
            ):
                unit = "dead"
            elif prev.low in injure_verbs:
                unit = "injured"
            elif prev.low == "magnitude" or (
                prev.low == "of" and prev2 is not None and prev2.low == "magnitude"
            ):
                unit = "magnitude"
            elif prev.low == "aged" or (prev.low == "age" and not range_text):
                unit = "year old"
            elif prev.low in ("toll", "deaths") or (
                prev.low in ("of", "to", "at")
                and prev2 is not None
                and prev2.low in ("toll", "deaths")
            ):
                unit = "dead"
        if (
            not unit
            and not currency
            and not range_text
            and prev is not None
            and prev.text == ","
            and prev2 is not None
            and prev2.kind == "word"
            and prev2.text[0].isupper()
            and value == int(value)
            and 1 <= value <= 120
            and ((nx := at(j)) is None or nx.text in (",", ")", ".", ";") or nx.low == "and")
        ):
            unit, slot_extra = "year old", prev2.text
        start = toks[first].start if currency else t.start
        end = toks[last].end
        if currency:
            shown = f"{currency} {_fmt_money(value)}"
            slot = f"money {currency}"
        else:
            num = range_text or _fmt(value)
            shown = f"{num}%" if unit == "%" else f"{num} {unit}".strip()
            slot = unit if unit and unit not in ("people",) else ""
            if unit == "year old":
                slot = f"age of {slot_extra}" if slot_extra else ""
        note = ""
        qual = _qualifier(text, start)
        if qual:
            note = f"qualified: {qual}"
        if t.kind != "num" or text[toks[first].start : toks[last].end] != "":
            out.append(
                Mention(FactKind.NUMBER, shown.casefold(), shown, start, end, slot=slot, note=note)
            )
        i = last + 1
    return out
