"""Dates: absolute dates at the precision written, and relative expressions as their own thing.

Values: ``2025-11-27`` (full), ``--11-27`` (no year), ``2025-11`` (month and year), ``--11``
(month only), ``2025`` (year). A missing year stays missing and a month-only date never gets a
day. Numeric dates like ``12/11`` are read day-first or month-first as the article itself shows
(a first part over 12 means day-first, a second part over 12 month-first; otherwise the order the
article uses for written-out dates); the decision goes into the mention's note.

Relative expressions (``last week``, ``on Monday``, ``yesterday``) become kind ``other`` with the
value ``relative: last week``, because an article's dateline says when it was published, not
when "yesterday" was. When the article has a dateline, ``note_relative_dates`` adds the likely
day to the note ("2013-08-03 if written on the dateline day 2013-08-04"); ``date_relative_days``
makes that day the value only where one of the two articles writes that date out, which is
what confirms the reading ("on Friday" under "Aug. 9, 2024", a Friday).

Imports: standard library, core.model, core.facts.{mention,scan,lexicon}.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from core.facts.mention import Mention, mention_start, new_mention, sorted_by_position
from core.facts.quantities import qualifier_before
from core.facts.scan import at_digits, finditer, memo, word_hits
from core.model import FactKind
from core.progress import no_check, paced, release

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_WD = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)\b"
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)(?![\d])"

# the lookaheads name the first letters a match can begin with (a weekday, a month, "the", a
# day): other word starts are passed over at once (tests: equal to the patterns without them)
_MDY = re.compile(rf"\b(?=[mtwfsjaond]){_WD}{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?", re.IGNORECASE)
_DMY = re.compile(
    rf"\b(?=[mtwfs\d]){_WD}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?", re.IGNORECASE
)
_MY = re.compile(rf"\b(?=[jfmasond]){_MON},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    r"\b(?:(?:in|since|until|by|of|from|during|early|late|mid|last|next|this)[\s-]+)"
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
_NUMERIC = re.compile(
    r"(?<![\d/.:,])(?P<p>\d{1,2})/(?P<q>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])"
)
_ISO = re.compile(r"(?<![\d-])(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_YEAR_ONLY = re.compile(
    r"(?<![\d.,$€£/-])(?P<y>1[89]\d\d|20\d\d)(?P<decade>s)?"
    r"(?!\d|,\d{3}|\.\d|\s*(?:ft|feet|metres|meters|m|km|miles|people|yards|points|pounds"
    r"|dollars|euros|persons)\b|['’]?[a-rt-zA-Z])"
)
_YEAR_RANGE = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)[-–](1[89]\d\d|20\d\d|\d\d)(?![\d-])")
# a clock time has minutes or am/pm; a bare number is not one
_TIME = re.compile(
    r"(?<![\d:.])[0-2]?\d(?::[0-5]\d\s*(?:[ap]\.?m\.?(?![a-z]))?|\s*[ap]\.?m\.?(?![a-z]))"
    r"(?:\s*(?:GMT|BST|UTC|EST|EDT|PST|PDT|CET|CEST|ET|PT)\b)?",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(\d+)(?::(\d\d))?\s*(?:([ap])\.?m\.?)?\s*([A-Z]*)", re.IGNORECASE)
#: the slot of every clock time: two times in linked passages are compared
CLOCK_SLOT = "time of day"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# every match starts with one of the letters in the lookahead (or a digit): the word starts
# with other letters are passed over without trying the four groups
_RELATIVE = re.compile(
    r"\b(?=[ytlnpecaofsmw\d])(?:"
    r"(?P<word>yesterday|today|tomorrow|tonight|last night)"
    r"|(?P<span>(?:last|next|this|past|earlier this|later this|coming)\s+"
    r"(?:week|month|year|weekend|morning|afternoon|evening|spring|summer|autumn|fall|winter))"
    r"|(?P<ago>(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later))"
    rf"|(?P<wd>(?:(?:last|next|this|on|late|early)\s+)?{_WEEKDAY}"
    r"(?:\s+(?:morning|afternoon|evening|night))?)"
    r")\b",
    re.IGNORECASE,
)


# month names count only with a capital, so the anchor is case-sensitive: Jan, JAN, ...
# The month anchor and _HOLIDAY begin with a character class and check the word boundary after it
# (``(?<!\w\w)``: the character before the first letter is no word character), which is
# ``\b`` before the word; the engine then jumps between candidate letters instead of trying
# the pattern at every character. The plain forms are in tests/core/test_facts_equivalence.py.
_MONTH_ANCHOR = re.compile(
    r"[JFMASOND](?<!\w\w)(?:(?<=J)(?:an|AN|un|UN|ul|UL)|(?<=F)(?:eb|EB)|(?<=M)(?:ar|AR|ay|AY)"
    r"|(?<=A)(?:pr|PR|ug|UG)|(?<=S)(?:ep|EP)|(?<=O)(?:ct|CT)|(?<=N)(?:ov|OV)|(?<=D)(?:ec|EC))"
)
_RELATIVE_ANCHOR = re.compile(  # its first letters are too common for the jump to pay
    r"\b(?=[YyTtLlNnPpEeCcAaMmWwFfSs])(?i:yesterday|today|tomorrow|tonight|last|next|this"
    r"|past|earlier|later|coming|ago|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b"
)


_RELATIVE_WORDS = (
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "this",
    "past",
    "earlier",
    "later",
    "coming",
    "ago",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)  # fmt: skip  (_RELATIVE_ANCHOR's words: text.word_hits finds them faster)


def _near(
    rx: re.Pattern[str], anchor: re.Pattern[str], text: str, pace: Callable[[], None] = no_check
) -> list[re.Match[str]]:
    """Matches of ``rx`` in windows around ``anchor`` hits: the costly pattern only runs where
    a month or relative word makes a match possible. Once per run (``date_order`` asks again
    for the day-month and month-day matches); the list is shared: do not change it."""
    return memo(f"near {rx.pattern}", text, lambda: _find_near(rx, anchor, text, pace))


def _find_near(
    rx: re.Pattern[str], anchor: re.Pattern[str], text: str, pace: Callable[[], None]
) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    last_end = -1
    for s, e in _windows(anchor, text, pace):
        pace()
        for m in finditer(rx, text, s, e, pace):
            if m.start() >= last_end:
                out.append(m)
                last_end = m.end()
    return out


def _windows(
    anchor: re.Pattern[str], text: str, pace: Callable[[], None] = no_check
) -> list[tuple[int, int]]:
    """Merged windows of text around ``anchor`` hits, ending at spaces; once per run."""
    return memo("windows " + anchor.pattern, text, lambda: _find_windows(anchor, text, pace))


def _find_windows(
    anchor: re.Pattern[str], text: str, pace: Callable[[], None]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    hits = word_hits(text, _RELATIVE_WORDS, True, pace) if anchor is _RELATIVE_ANCHOR else None
    if hits is None:
        hits = [m.span() for m in finditer(anchor, text, pace=pace)]
    for k, (a, b) in enumerate(hits):
        if not k & 255:
            pace()
        s, e = max(0, a - 40), min(n, b + 40)
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while e < n and not text[e].isspace():
            e += 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    release(hits, pace)
    return out


# fixed-date holidays are dates without a year ("Christmas Day" is --12-25)
_HOLIDAYS = {
    "christmas day": "--12-25",
    "christmas eve": "--12-24",
    "boxing day": "--12-26",
    "new year's day": "--01-01",
    "new year's eve": "--12-31",
    "valentine's day": "--02-14",
    "halloween": "--10-31",
}
_HOLIDAY = re.compile(
    r"[CBNVH](?<!\w\w)(?:(?<=C)hristmas (?:Day|Eve)|(?<=B)oxing Day|(?<=N)ew Year['’]s (?:Day|Eve)"
    r"|(?<=V)alentine['’]s Day|(?<=H)alloween)\b"
)
_PART_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


@dataclass(frozen=True, slots=True)
class DateOrder:
    """How the article writes numeric dates, and why we think so."""

    day_first: bool
    reason: str


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").casefold()]


def _cap_ok(surface: str) -> bool:
    """Month and weekday names count only when written with a capital (``may`` is a verb)."""
    return surface[:1].isupper()


def _value(y: int | None, m: int | None, d: int | None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}" if y is not None else f"--{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"--{m:02d}-{d:02d}"


def _valid(m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 50 else 1900
    return y


def date_order(text: str, pace: Callable[[], None] = no_check) -> DateOrder:
    """Decide day-first or month-first for this article's numeric dates."""
    day_first = month_first = ""
    for m in at_digits(_NUMERIC, text, pace):
        p, q = int(m["p"]), int(m["q"])
        if p > 12 >= q and not day_first:
            day_first = m.group()
        elif q > 12 >= p and not month_first:
            month_first = m.group()
    if day_first and not month_first:
        return DateOrder(True, f"day-first: {day_first} cannot be month-first")
    if month_first and not day_first:
        return DateOrder(False, f"month-first: {month_first} cannot be day-first")
    dmy = sum(1 for m in _near(_DMY, _MONTH_ANCHOR, text, pace) if _cap_ok(m["mon"]))
    mdy = sum(1 for m in _near(_MDY, _MONTH_ANCHOR, text, pace) if _cap_ok(m["mon"]))
    if dmy > mdy:
        return DateOrder(True, "day-first assumed: the article writes the day before the month")
    if mdy > dmy:
        return DateOrder(False, "month-first assumed: the article writes the month before the day")
    return DateOrder(True, "day-first assumed: nothing in the article decides the order")


def extract_dates(
    text: str, pace: Callable[[], None] = no_check
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Absolute and relative date mentions, plus spans of clock times (to keep out of numbers);
    ``pace()`` runs once per candidate (it raises to cancel)."""
    taken = bytearray(len(text))  # 1 where a date was already found: linear, not pairwise
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def add(s: int, e: int, v: str, note: str = "", kind: FactKind = FactKind.DATE) -> None:
        pace()
        while e > s and text[e - 1] in ",. ":
            e -= 1
        if e > s and free(s, e):
            taken[s:e] = b"\x01" * (e - s)
            slot = "date" if kind == FactKind.DATE and len(v) in (7, 10) and v[-3] == "-" else ""
            out.append(new_mention((kind, v, v, s, e, slot, note, "", False)))

    for m in finditer(_HOLIDAY, text, pace=pace):
        add(m.start(), m.end(), _HOLIDAYS[m.group().casefold().replace("’", "'")])
    for m in at_digits(_YEAR_RANGE, text, pace):
        add(m.start(1), m.end(1), m[1])
        add(m.start(2), m.end(2), m[2] if len(m[2]) == 4 else m[1][:2] + m[2])
    for m in at_digits(_ISO, text, pace):
        if _valid(int(m["m"]), int(m["d"])):
            add(m.start(), m.end(), _value(int(m["y"]), int(m["m"]), int(m["d"])))
    for rx in (_MDY, _DMY):
        for m in _near(rx, _MONTH_ANCHOR, text, pace):
            if not _cap_ok(m["mon"]):
                continue
            mon, day = _month(m["mon"]), int(m["d"])
            if _valid(mon, day):
                y = int(m["y"]) if m["y"] else None
                add(m.start(), m.end(), _value(y, mon, day))
    for m in _near(_MY, _MONTH_ANCHOR, text, pace):
        if _cap_ok(m["mon"]):
            add(m.start("mon"), m.end(), _value(int(m["y"]), _month(m["mon"]), None))
    order: DateOrder | None = None
    for m in at_digits(_NUMERIC, text, pace):
        p, q = int(m["p"]), int(m["q"])
        if order is None:
            order = date_order(text, pace)
        d, mon = (p, q) if order.day_first else (q, p)
        if _valid(mon, d):
            y = _year(m["y"]) if m["y"] else None
            add(m.start(), m.end(), _value(y, mon, d), note=order.reason)
    for m in _near(_MONTH_ONLY, _MONTH_ANCHOR, text, pace):
        add(m.start("mon"), m.end("mon"), _value(None, _month(m["mon"]), None))
    for m in _near(_RELATIVE, _RELATIVE_ANCHOR, text, pace):
        surface = m.group()
        if m["wd"] and not re.search(_WEEKDAY, surface):
            continue  # weekday written in lower case: not a day name
        start = m.start()
        words = surface.split()
        if words[0].casefold() == "on":
            start = m.start() + len(words[0]) + 1
            words = words[1:]
        if m["wd"] and len(words) > 1 and words[-1].casefold() in _PART_OF_DAY:
            words = words[:-1]  # "Monday morning" is Monday: the day is the fact
        norm = " ".join(w if w[0].isupper() and m["wd"] else w.casefold() for w in words)
        if free(start, m.end()):
            add(start, m.end(), f"relative: {norm}", kind=FactKind.OTHER)
    for m in at_digits(_YEAR_ONLY, text, pace):
        pace()
        if m["decade"] and m["y"].endswith("0"):
            add(m.start(), m.end(), m["y"] + "s")
        elif not m["decade"]:
            add(m.start(), m.end(), m["y"])
    times = [m.span() for m in at_digits(_TIME, text, pace)]
    for s, e in times:
        clock = clock_value(text[s:e])
        if clock is not None and free(s, e):
            qualifier, s = qualifier_before(text, s)
            note = f"qualified: {qualifier}" if qualifier else ""
            out.append(
                new_mention((FactKind.DATE, clock, clock, s, e, CLOCK_SLOT, note, "", False))
            )
    out = sorted_by_position(out, mention_start, mention_start, pace)
    return out, times


def clock_value(surface: str) -> str | None:
    """A clock time as ``HH:MM`` on 24 hours, with its zone if written ("1:28 p.m. EST" is
    ``13:28 EST``), or None when it is not a time of day."""
    m = _CLOCK.fullmatch(surface.strip())
    if m is None:
        return None
    hours, minutes = int(m[1]), int(m[2] or 0)
    half = (m[3] or "").casefold()
    if half and not 1 <= hours <= 12:
        return None
    hours = hours % 12 + 12 if half == "p" else hours % 12 if half == "a" else hours
    if hours > 23 or minutes > 59:
        return None
    zone = f" {m[4].upper()}" if m[4] else ""
    return f"{hours:02d}:{minutes:02d}{zone}"


_IF_DATELINE = " if written on the dateline day "
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_OFFSET = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "tomorrow": 1}


def note_relative_dates(
    mentions: list[Mention], dateline_end: int, pace: Callable[[], None] = no_check
) -> list[Mention]:
    """Add to relative day mentions the day they name if the article was written on its
    dateline day (the first full date before ``dateline_end``). The value stays relative: a
    dateline is when a page was published or updated, so the reading is only likely."""
    dated = next(
        (
            m
            for m in mentions
            if m.kind == FactKind.DATE and m.start < dateline_end and len(m.value) == 10
        ),
        None,
    )
    if dated is None:
        return mentions
    try:
        day = dt.date.fromisoformat(dated.value)
    except ValueError:
        return mentions
    out: list[Mention] = []
    for m in paced(mentions, pace):
        what = m.value.removeprefix("relative: ").casefold() if m.kind == FactKind.OTHER else ""
        words = what.split()
        target: dt.date | None = None
        if what in _DAY_OFFSET:
            target = day + dt.timedelta(days=_DAY_OFFSET[what])
        elif words and words[-1] in _WEEKDAYS and (len(words) == 1 or words[0] == "last"):
            back = (day.weekday() - _WEEKDAYS.index(words[-1])) % 7
            target = day - dt.timedelta(days=back or (7 if words[0] == "last" else 0))
        if target is not None:
            note = f"{target.isoformat()}{_IF_DATELINE}{day.isoformat()}"
            m = m._replace(note=note)
        out.append(m)
    return out


def date_relative_days(
    ma: list[Mention], mb: list[Mention], pace: Callable[[], None] = no_check
) -> tuple[list[Mention], list[Mention]]:
    """Relative days whose likely day (see ``note_relative_dates``) either article writes out
    as a full date become that date: the written date confirms the dateline reading. "Today"
    and "tonight" stay relative: they always name the dateline day, so nothing confirms them."""
    written = {m.value for m in paced((*ma, *mb), pace) if m.slot == "date" and len(m.value) == 10}

    def dated(m: Mention) -> Mention:
        day = m.note.partition(_IF_DATELINE)[0] if _IF_DATELINE in m.note else ""
        what = m.value.removeprefix("relative: ").casefold()
        if m.kind != FactKind.OTHER or day not in written or _DAY_OFFSET.get(what) == 0:
            return m
        return m._replace(kind=FactKind.DATE, key=day, value=day, slot="date")

    return [dated(m) for m in paced(ma, pace)], [dated(m) for m in paced(mb, pace)]
