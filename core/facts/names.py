"""People, places and organisations, found by rules over capitalised word runs.

Titles and honorifics are folded (``Russian President Vladimir Putin``, ``Mr. Putin`` and
``Putin`` are one person, and a title marks a run as a person); a surname alone joins the full
name used elsewhere in the same article; aliases (``Kiev``/``Kyiv``, ``US``/``U.S.``/``United
States``) come from ``resources/facts/aliases.json``. A run is a place when the gazetteer knows
it, when it ends in a place word (``Park``, ``Street``), when ``in``/``at``/``near`` comes before
it or a state or country follows it after a comma; an organisation when it ends in an
organisation word (``Committee``, ``Foods``) or is an acronym; otherwise a run of two or more
capitalised words is a person. Single unknown words are dropped rather than guessed.

Imports: standard library, rapidfuzz, core.model, core.facts.{mention,scan,lexicon}.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from core.facts.lexicon import aliases, fold, lexicon, word_set
from core.facts.mention import Mention, new_mention, new_tuple, sorted_by_position
from core.facts.scan import at_digits, finditer
from core.model import FactKind
from core.progress import no_check, paced, release

# Only capitalised words (and the lower-case connectors that may sit inside a name) are
# tokens: lower-case words never start or continue a name, and skipping them keeps this fast.
_UPPER = "".join(re.escape(chr(c)) for c in range(0x2000) if chr(c).isupper())
_WORD = re.compile(
    rf"(?:[A-Z]\.){{2,}}"
    rf"|(?<![\w'’-])(?:(?:al|el|ad|as|bin|ibn|abu)-)?[{_UPPER}](?:\w|['’](?=\w))*"
    r"(?:-[^\W\d_](?:\w|['’](?=\w))*)*"
    r"|\b\d+(?:st|nd|rd|th)\b(?=\s+[A-Z])"  # "67th Precinct", "East 52nd Street"
    r"|\b(?:of|de|van|von|bin|al|da|di|del|la|le|der|den|du)\b"
)
# _WORD's branches one by one: each alone scans several times faster than the alternation
# (which tries four branches at every character); ``_word_spans`` merges them back into
# exactly the matches of ``_WORD.finditer``.
# "A." pairs (chains of two or more are _WORD's first branch), found from their dot: the
# engine jumps to each dot, which is rarer than a capital (a pair starts one before it)
_INITIAL_PAIR_DOT = re.compile(r"\.(?<=[A-Z]\.)")
# (?:\w|['’](?=\w))* as \w*(?:['’]\w+)*: the same greedy end, from single-character repeats
_CAP_REST = r"\w*(?:['’]\w+)*(?:-[^\W\d_]\w*(?:['’]\w+)*)*"
_CAP_WORD = re.compile(rf"(?<![\w'’-])(?:(?:al|el|ad|as|bin|ibn|abu)-)?[{_UPPER}]{_CAP_REST}")
# the second branch split in two: from a capital, and from a particle (``al-Bashir``); each
# begins with a character class, so the engine jumps over the text between candidates
_UPPER_WORD = re.compile(rf"[{_UPPER}](?<![\w'’-].){_CAP_REST}")
_HYPHEN_CAP = re.compile(rf"-[{_UPPER}]")  # where a particle's hyphen may be
_PARTICLES_2, _PARTICLES_3 = ("al", "el", "ad", "as"), ("bin", "ibn", "abu")
_ORDINAL = re.compile(r"\d(?<!\w\d)\d*(?:st|nd|rd|th)\b(?=\s+[A-Z])")  # \b\d+...
_CONNECTOR = re.compile(  # \b(?:of|de|van|von|bin|al|da|di|del|la|le|der|den|du)\b
    r"[odvbal](?<!\w.)(?:(?<=o)f|(?<=d)(?:e|a|i|el|er|en|u)|(?<=v)(?:an|on)|(?<=b)in"
    r"|(?<=a)l|(?<=l)(?:a|e))\b"
)
# Vincent "The Chin" Gigante: the nickname is blanked so first and last name join
# (from the quote mark, so the engine jumps between quote marks: the lookbehind after it is
# ``(?<=[A-Za-z] )`` before it)
_NICKNAME = re.compile(r"[\"“'‘](?<=[A-Za-z] .)(?:[Tt]he )?[A-Z][^\"”'’\n]{1,30}[\"”'’] (?=[A-Z])")
_CRIME_FAMILY = re.compile(r"^\s+(?:crime|mafia|mob)\s+(?:family|clan|syndicate)\b")
_APPOSITION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w.-]+\s+){0,5}?(?:spokesman|spokeswoman|spokesperson|official"
    r"|director|chief|president|founder|co-founder|commissioner|leader|manager|analyst|resident"
    r"|neighbou?r|witness|friend|relative|professor|lawyer|attorney|minister|member|officer"
    r"|executive|chairman|secretary|governor|mayor|senator|worker|activist|coach|player)\b"
)
_AGE_AFTER = re.compile(r"^,\s*\(?\d{1,3}\)?\s*[,;)]")
_CONNECTORS = frozenset(
    {"of", "de", "van", "von", "bin", "al", "da", "di", "del", "la", "le", "der", "den", "du"}
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z0-9]{1,5}s?$")
_KINDS = {
    "person": FactKind.PERSON,
    "place": FactKind.PLACE,
    "organization": FactKind.ORGANIZATION,
    "other": FactKind.OTHER,
}


class _W(NamedTuple):
    """A word (a tuple: one per capitalised word of the article, and tuples come cheap)."""

    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence: its capital says nothing


@cache
def _places() -> dict[str, str]:
    """Folded gazetteer name -> canonical place name (countries, cities, US states)."""
    lex = lexicon()
    out: dict[str, str] = {}
    for name in (*lex["countries"], *lex["cities"]):
        out[fold(name)] = name
    for state in lex["us_states"]:
        out[fold(state)] = state
    return out


@cache
def _org_suffixes() -> frozenset[str]:
    return frozenset(_strip_dot(t) for t in lexicon()["org_suffixes"])


@cache
def _state_abbrevs() -> dict[str, str]:
    out: dict[str, str] = {}
    for state, abbrevs in lexicon()["us_states"].items():
        for a in abbrevs:
            out[a.rstrip(".")] = state
    return out


def _strip_dot(w: str) -> str:
    return w[:-1] if w.endswith(".") else w


def _word_spans(
    text: str, pace: Callable[[], None] = no_check, every_connector: bool = True
) -> list[tuple[int, int]]:
    """The spans of ``_WORD.finditer(text)``, from one scan per branch; without
    ``every_connector``, only the connectors that follow another span after spaces only (or
    right after a dot), the only ones a run of names can take in (``_groups``).

    The alternation takes, at the leftmost place at or after the end of its last match where
    any branch matches, the first branch that matches there. Each branch's own scan lists
    every place where that branch matches: its scan only skips the inside of its own matches,
    where it cannot match (a capitalised word, ordinal or connector is preceded by a word
    character there), and the initialism chains (``U.S.A.``, which also match from their
    second letter) are listed at every letter. Sorted by (start, branch), the first candidate
    at or after the last end is the alternation's next match.
    """
    others: list[tuple[int, int, int]] = []  # (start, branch, end) of the sparse branches
    pairs = [m.start() - 1 for m in finditer(_INITIAL_PAIR_DOT, text, pace=pace)]
    k = 0
    while k < len(pairs):
        j = k
        while j + 1 < len(pairs) and pairs[j + 1] == pairs[j] + 2:
            j += 1
        end = pairs[j] + 2
        others.extend((pairs[q], 0, end) for q in range(k, j))  # two or more pairs to the end
        k = j + 1
    for m in finditer(_HYPHEN_CAP, text, pace=pace):
        h = m.start()
        if text[max(0, h - 2) : h] in _PARTICLES_2:
            word = _CAP_WORD.match(text, h - 2)
        elif text[max(0, h - 3) : h] in _PARTICLES_3:
            word = _CAP_WORD.match(text, h - 3)
        else:
            continue
        if word is not None:
            others.append((word.start(), 1, word.end()))
    others.extend((m.start(), 2, m.end()) for m in at_digits(_ORDINAL, text, pace))
    caps = [m.span() for m in finditer(_UPPER_WORD, text, pace=pace)]
    if every_connector or _connector_takes_dot():
        others.extend((m.start(), 3, m.end()) for m in finditer(_CONNECTOR, text, pace=pace))
    else:
        others.extend(_connectors_after(text, [e for _s, e in caps], others, pace))
    pace()
    others.sort()
    out: list[tuple[int, int]] = []
    pos = 0
    i, n_caps = 0, len(caps)
    others.append((len(text) + 1, 0, 0))  # a sentinel after every capitalised word
    for s, _branch, e in paced(others, pace):  # a capital may start an initialism (first)
        while i < n_caps and caps[i][0] < s:
            if not i & 1023:
                pace()
            if caps[i][0] >= pos:
                out.append(caps[i])
                pos = caps[i][1]
            i += 1
        if s >= pos and s <= len(text):
            out.append((s, e))
            pos = e
    release(caps, pace)  # freeing 100k+ tuples in one go holds the GIL too long
    release(others, pace)
    return out


@cache
def _connector_takes_dot() -> bool:
    """Whether ``_words`` would give a connector its dot (then its dot decides whether the
    next word starts a sentence, so every connector counts)."""
    abbrev = word_set("titles") | {"st.", "mt.", "ft.", "mts."}
    return any(c + "." in abbrev or c in _state_abbrevs() for c in _CONNECTORS)


_CONNECTOR_FIRST = frozenset("odvbal")


def _connectors_after(
    text: str, ends: list[int], others: list[tuple[int, int, int]], pace: Callable[[], None]
) -> list[tuple[int, int, int]]:
    """``_CONNECTOR`` matches that follow the end of a span (``ends`` and ``others``'s, then
    their own) after spaces only, or right after the span's dot ("Mr. de Villepin"): a run of
    names (``_groups``) takes in only those; any other connector ends nothing (the next word
    is not joined to the run before it either way) and starts nothing."""
    n = len(text)
    out: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    todo = ends + [e for _s, _b, e in others]
    k = 0
    while todo:
        k += 1
        if not k & 1023:
            pace()
        e = todo.pop()
        q = e
        while q < n and text[q] == " ":
            q += 1
        if q == e and q < n and text[q] == ".":  # "Mr." keeps its dot: spaces after it
            q += 1
            while q < n and text[q] == " ":
                q += 1
        if q < n and text[q] in _CONNECTOR_FIRST and q not in seen:
            m = _CONNECTOR.match(text, q)
            if m is not None:
                seen.add(q)
                out.append((q, 3, m.end()))
                todo.append(m.end())
    return out


def _words(text: str, pace: Callable[[], None] = no_check) -> list[_W]:
    out: list[_W] = []
    append = out.append
    abbrev = word_set("titles") | {"st.", "mt.", "ft.", "mts."}
    states = _state_abbrevs()
    next_pace = 0
    spans = _word_spans(text, pace, every_connector=False)
    for s, e in spans:
        if s >= next_pace:
            pace()
            next_pace = s + 2048
        w = text[s:e]
        after = text[e : e + 1]
        if after == "$":
            continue  # "US$334 million": a currency, not the country
        # "Mr." "Mo." "Jr." keep their dot; single initials too ("A." in "Bryant A. Dalton")
        if after == "." and (
            len(w) == 1 or w.split("-")[-1].casefold() + "." in abbrev or w in states
        ):
            e += 1
            w += "."
        k = s - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        prev_char = text[k] if k >= 0 else "\n"
        initial = prev_char in '\n.!?"“‘([:|•*#>' and not (
            prev_char == "."
            and out
            and out[-1].end == k + 1
            and out[-1].text.endswith(".")
            and (
                len(out[-1].text) == 2
                or out[-1].text.split("-")[-1].casefold() in abbrev
                or out[-1].text.count(".") > 1
            )
        )
        append(new_tuple(_W, (w, s, e, initial)))
    release(spans, pace)
    return out


_PARTICLE = re.compile(r"^(?:al|el|ad|as|bin|ibn|abu)-(?=[A-Z])")


@cache
def _stop_folded() -> frozenset[str]:
    return frozenset(fold(w) for w in word_set("cap_stopwords"))


def _is_cap(w: str) -> bool:
    """Capitalised, or an Arabic name with a lower-case particle (``al-Bashir``)."""
    return w[:1].isupper() or w[:1].isdigit() or bool(_PARTICLE.match(w))


def _groups(text: str, words: list[_W], pace: Callable[[], None] = no_check) -> list[list[int]]:
    """Runs of capitalised words separated by single spaces (and lower-case connectors)."""
    stop = _stop_folded()
    known = aliases()
    place_words = word_set("place_keywords")
    groups: list[list[int]] = []
    cur: list[int] = []
    # what a word's own text says, once per distinct word: (capitalised, a stop word that
    # ends a run, ends the run itself: "US-drafted", "BBC's")
    info: dict[str, tuple[bool, bool, bool]] = {}

    def flush() -> None:
        while cur and not info[words[cur[-1]].text][0]:
            cur.pop()
        if cur:
            groups.append(cur.copy())
        cur.clear()

    last_end = 0  # the end of the last word in ``cur`` (while ``cur`` holds any)
    for i, (t, start, end, initial) in enumerate(words):
        if not i & 255:
            pace()
        got = info.get(t)
        if got is None:
            cap = _is_cap(t)
            got = info[t] = (
                cap,
                cap
                and not (len(t) == 2 and t.endswith("."))
                and fold(_strip_dot(t)) in stop
                and t.rstrip(".").casefold() not in ("mr", "mrs", "ms", "dr"),
                cap
                and (
                    # "US-drafted", "Calif.-based": the capitalised head is the name
                    ("-" in t and not _is_cap(t.split("-")[-1]))
                    # "BBC's James Copnall": a possessive ends the name
                    or (t.endswith(("'s", "’s", "s'", "s’")) and t[:-2] != "People")
                ),
            )
        cap, stop_word, ends_run = got
        if cur:
            gap = text[last_end:start]
            joined = (
                gap == " "
                or (gap != "" and not gap.strip(" "))
                or (gap == "" and text[last_end - 1] == ".")
                # "Martyrs' Square": a plural possessive before a place word is in the name
                or (gap in ("' ", "’ ") and t.casefold() in place_words)
            )
            if not joined or initial:
                flush()
        if (
            stop_word
            # "Doctor Who": a stop word that completes a known name stays in it
            and not (cur and fold(" ".join(words[k].text for k in cur) + t) in known)
        ):
            flush()
            continue
        if cap:
            cur.append(i)
            last_end = end
            if ends_run:
                flush()
        elif cur and t in _CONNECTORS:
            cur.append(i)
            last_end = end
        elif cur:
            flush()
    flush()
    return groups


@dataclass(slots=True)
class _Cand:
    words: list[str]
    start: int
    end: int
    kind: FactKind | None
    canonical: str
    cued: bool  # a title or a said-verb marks it as a person
    hint: FactKind | None = None  # for unclassified names: what the context suggests


def _surface(words: list[_W], idx: list[int], text: str) -> tuple[list[str], int, int]:
    toks = [words[i].text for i in idx]
    for k, i in enumerate(idx[:-1]):
        if text[words[i].end] in "'’":  # "Martyrs' Square" keeps its apostrophe
            toks[k] += text[words[i].end]
    start, end = words[idx[0]].start, words[idx[-1]].end
    last = toks[-1]
    if "-" in last and not _is_cap(last.split("-")[-1]):
        head = last.split("-")[0]
        toks[-1] = head
        end = words[idx[-1]].start + len(head)
    # a possessive ending ("'s" or "'") is not part of the name
    last = toks[-1]
    cut = 2 if last.endswith(("'s", "’s")) else 1 if last.endswith(("'", "’")) else 0
    if cut and len(last) > 2:
        toks[-1] = last[:-cut]
        end -= cut
    return toks, start, end


_Kind = tuple[FactKind | None, str]  # what a name is (None: not a name) and its canonical form


@lru_cache(maxsize=1 << 14)
def _kind_by_form_cached(toks: tuple[str, ...], cued: bool, after_comma: bool) -> _Kind | None:
    """``_kind_by_form`` once per distinct name: names recur throughout an article."""
    return _kind_by_form(list(toks), cued, ", " if after_comma else "")


#: street words written short, after a street's name (before one, "St." is "Saint")
_STREETS = {"st": "Street", "ave": "Avenue", "rd": "Road", "blvd": "Boulevard"}


def _kind_by_form(toks: list[str], cued: bool, before: str) -> _Kind | None:
    suffixes = _org_suffixes()
    if len(toks) > 1 and _strip_dot(toks[-1]) in suffixes:
        base = list(toks)
        while len(base) > 1 and _strip_dot(base[-1]) in suffixes:
            if base[-1] in ("Group", "Holdings") and len(base) > 2:
                break  # "Threat Assessment Group" keeps its name; "Lenovo Group" is Lenovo
            base.pop()
        hit = aliases().get(fold(" ".join(base)))
        return FactKind.ORGANIZATION, hit[1] if hit else " ".join(base)  # "Intel Corp." is Intel
    name = " ".join(toks)
    key = fold(name)
    if name.casefold() in word_set("demonyms"):
        return None, name
    if len(toks) == 1 and before.endswith(", ") and _strip_dot(name) in _state_abbrevs():
        return FactKind.PLACE, _state_abbrevs()[_strip_dot(name)]
    hit = aliases().get(key)
    if hit is not None:
        return _KINDS[hit[0]], hit[1]
    if cued:
        return FactKind.PERSON, name
    last = _strip_dot(toks[-1]).casefold()
    org_kw, place_kw = word_set("org_keywords"), word_set("place_keywords")
    if len(toks) == 1 and (last in org_kw or last in place_kw):
        return None, name  # "Police", "Street" alone name nothing
    if len(toks) > 1 and any(_ACRONYM.match(t) for t in toks) and fold(name) not in _places():
        return FactKind.ORGANIZATION, name  # "NBC New York", "U.N. Security Council"
    if len(toks) > 1 and (last in org_kw or toks[0].casefold() in org_kw):
        return FactKind.ORGANIZATION, name
    if len(toks) > 1 and all(t.isupper() for t in toks):
        return None, name  # a heading in capitals, not a name
    if last in place_kw or (len(toks) > 1 and toks[0].casefold() in ("mount", "mt", "lake")):
        if len(toks) > 1 and last in _STREETS:  # "117th St." is "117th Street"
            return FactKind.PLACE, " ".join([*toks[:-1], _STREETS[last]])
        return FactKind.PLACE, name
    places = _places()
    if key in places:
        return FactKind.PLACE, places[key]
    if len(toks) > 1 and toks[0].casefold() in word_set("compass"):
        return FactKind.PLACE, name  # "South Kordofan", "Northeast Philadelphia"
    if len(toks) > 2 and toks[1] == "of" and toks[0].casefold() in place_kw:
        return FactKind.PLACE, name  # "Republic of South Sudan"
    if len(toks) > 1:
        for cut in range(len(toks) - 1, 0, -1):
            if fold(" ".join(toks[:cut])) in places:
                return FactKind.ORGANIZATION, name  # "Kansas City Chiefs"
    if _ACRONYM.match(name) and name.rstrip("s") not in ("I", "II", "III"):
        return FactKind.ORGANIZATION, name
    return None


_COMMA_NAME = re.compile(r"^,\s*(?:[A-Z][a-z]+\.?|(?:[A-Z]\.)+)")
_COMMA_NAME_GROUP = re.compile(r"^,\s*((?:[A-Z]\.)+|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_LOWER_AFTER = re.compile(r"\s+([a-z]+)")
_PLACE_OF = re.compile(r"\b(?:town|city|village|state|province|region|county|district) of\s*$")
# the last word before a position, read backwards: ``[\s,]*([A-Za-z]+)`` matched at the
# start of the reversed window is ``([A-Za-z]+)[\s,]*$`` searched in it (one match attempt,
# not one per character of the window)
#: the next word after spaces and commas (on reversed text: the previous word, reversed)
_NEXT_WORD = re.compile(r"[\s,]*([A-Za-z]+)")


def _kind_by_context(
    toks: list[str], prev: str, nxt: str, after: str, before: str, initial: bool
) -> _Kind | None:
    name = " ".join(toks)
    places = _places()
    if _COMMA_NAME.match(after):
        nxt_name = _COMMA_NAME_GROUP.match(after)
        if nxt_name:
            nn = nxt_name.group(1)
            if fold(nn) in places or nn.rstrip(".") in _state_abbrevs():
                return FactKind.PLACE, name
    said = word_set("said_verbs")
    if initial and len(toks) == 1 and name.casefold().endswith("ing"):
        return None, name  # "Being asked to play ...": a sentence's first word, not a name
    # "said Putin", but not 'said: "Being asked ...' where a quote opens in between
    said_before = prev in said and not before.rstrip().endswith(tuple('"“‘:'))
    if nxt in said or said_before:
        return FactKind.PERSON, name
    # a lower-case noun after it says what it is, unless the capital is the sentence's own
    after_word = None if initial and len(toks) == 1 else _LOWER_AFTER.match(after)
    if len(toks) <= 3 and after_word and after_word.group(1) in word_set("place_nouns_after"):
        return FactKind.PLACE, name  # "the Yida camp", "Pariang county"
    if after_word and after_word.group(1) in word_set("org_nouns_after"):
        return FactKind.ORGANIZATION, name  # "an Intel spokesman", "the X Solutions group"
    if " of" in before and _PLACE_OF.search(before):
        return FactKind.PLACE, name  # "the town of Talodi"
    if _APPOSITION.match(after):
        return FactKind.PERSON, name  # "Aleem Siddique, a U.N. spokesman"
    if _CRIME_FAMILY.match(after):
        return FactKind.ORGANIZATION, name  # "the Genovese crime family"
    if prev == "from" and len(toks) > 1 and toks[0] not in word_set("given_names"):
        return FactKind.PLACE, name  # "from Little Italy to the docks"
    if prev in ("in", "at", "near", "outside", "across", "into", "around", "inside") and not (
        after.startswith(("'s", "’s"))
    ):
        return FactKind.PLACE, name
    # a run of capitalised words is a person only with some evidence: a known given name, a
    # role word before it, or an age after it ("Raj Chohan, 59,"); otherwise _join_people may
    # still make it one when its surname recurs alone
    if (
        len(toks) > 1
        and all(t[:1].isupper() or t in _CONNECTORS for t in toks)
        and (
            toks[0] in word_set("given_names")
            or toks[0].casefold() in word_set("given_names")
            or prev in word_set("person_cue_before")
            or _AGE_AFTER.match(after)
        )
    ):
        return FactKind.PERSON, name
    return None


#: the two words before a name, in its sentence: "City manager " before "Frank Doyle"
_ROLE_BEFORE = re.compile(r"(?:([A-Za-z]+) )?([A-Za-z]+) $")


def _role_before(text: str, start: int, titles: frozenset[str]) -> str:
    """The role a person is named in ("city manager", "club spokesman"): a title word in lower
    case just before the name, with the word before it unless that is a stop word. Two articles
    naming different people in one role in linked sentences disagree about who holds it. (A
    capitalised title, "Mr" or "President", is how the person is addressed: not read as a role.)"""
    m = _ROLE_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(2).casefold() not in titles or m.group(2)[0].isupper():
        return ""
    modifier = m.group(1)
    if modifier and fold(modifier) not in _stop_folded():
        return f"{modifier.casefold()} {m.group(2).casefold()}"
    return m.group(2).casefold()


def _prev_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[max(0, pos - 30) : pos][::-1])
    return m.group(1)[::-1].casefold() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos, pos + 30)
    return m.group(1).casefold() if m else ""


@lru_cache(maxsize=1 << 14)
def _person_key(name: str) -> str:
    """Folded name without middle initials: ``Bryant A. Dalton`` -> ``bryantdalton``."""
    toks = [_PARTICLE.sub("", t) for t in name.split() if len(t.rstrip(".")) > 1]
    return fold(" ".join(toks)) if toks else fold(name)


def _blank_nicknames(text: str, pace: Callable[[], None] = no_check) -> str:
    """``text`` with every nickname (``_NICKNAME``) replaced by as many spaces."""
    parts: list[str] = []
    last = 0
    for m in finditer(_NICKNAME, text, pace=pace):
        parts.append(text[last : m.start()])
        parts.append(" " * (m.end() - m.start()))
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def extract_names(
    text: str, masks: list[tuple[int, int]], pace: Callable[[], None] = no_check
) -> list[Mention]:
    """Person, place and organisation mentions outside ``masks`` (dates); ``pace()`` runs
    often (it raises to cancel)."""
    text = _blank_nicknames(text, pace)
    words = _words(text, pace)
    cands: list[_Cand] = []
    masked = bytearray(len(text))
    for s, e in paced(masks, pace, 1024):
        masked[s:e] = b"\x01" * (e - s)
    headline = _headline_mask(text, pace)
    deferred: list[list[int]] = []
    groups = _groups(text, words, pace)
    for grp in paced(groups, pace, 64):
        for rel, cued_seg in _parts(tuple([words[i].text for i in grp])):
            part = [grp[j] for j in rel]
            if headline[words[part[0]].start]:
                deferred.append(part)
                continue
            cand = _candidate(text, words, part, cued_seg, masked)
            if cand is not None:
                cands.append(cand)
    release(groups, pace)
    _join_people(cands, pace)
    cands.extend(_headline_names(text, words, deferred, cands, pace))
    cands = sorted_by_position(cands, _cand_start, _cand_start, pace)
    out: list[Mention] = []
    stop_folded, compass, titles = _stop_folded(), word_set("compass"), word_set("titles")
    for c in paced(cands, pace, 256):
        if c.kind is None:
            name = " ".join(c.words)
            if (
                len(name) > 1
                and fold(name) not in stop_folded
                and not name[0].isdigit()
                and name.casefold() not in compass
            ):
                kind = c.hint or FactKind.OTHER
                out.append(new_mention((kind, fold(name), name, c.start, c.end, "", "", "", True)))
            continue
        slot = ""
        if c.kind == FactKind.PERSON:
            key = _person_key(c.canonical)
            parts = c.canonical.split()
            role = _role_before(text, c.start, titles)
            if role:
                slot = "role " + role
            elif len(parts) > 1:
                slot = "person " + fold(parts[-1])
        else:
            key = fold(c.canonical)
            words_c = c.canonical.split()
            if (
                c.kind == FactKind.PLACE
                and len(words_c) > 1
                and words_c[-1].casefold() in ("state", "county", "province", "region", "district")
            ):
                key = fold(" ".join(words_c[:-1]))  # "Unity State" is "Unity"
        out.append(new_mention((c.kind, key, c.canonical, c.start, c.end, slot, "", "", False)))
    release(cands, pace)
    release(words, pace)
    return out


@lru_cache(maxsize=1 << 14)
def _parts(texts: tuple[str, ...]) -> tuple[tuple[tuple[int, ...], bool], ...]:
    """The name candidates in a run of capitalised words, as positions in the run and whether
    a title cues a person: split at titles and demonyms (what follows a title is a person),
    after a known acronym, at "of", without connectors at the ends. It depends on the words
    alone, so it is worked out once per distinct run (names recur throughout an article)."""
    words = [_W(t, 0, 0, False) for t in texts]
    grp = range(len(texts))
    titles = word_set("titles")
    demonyms = word_set("demonyms")
    suffixes = word_set("name_suffixes")
    segments: list[tuple[list[int], bool]] = []
    seg: list[int] = []
    cued = False
    last_tok = _strip_dot(texts[-1]).casefold()
    whole_org = last_tok in word_set("org_keywords") or fold(" ".join(texts)) in aliases()
    for n_i in grp:
        low = texts[n_i].casefold()
        # a title counts only before a name ("Amy Bishop" ends in a name, not a title)
        is_title = low in titles and n_i + 1 < len(texts)
        if not whole_org and (is_title or low in demonyms) and low not in suffixes:
            if seg:
                segments.append((seg, cued))
            seg = []
            cued = is_title
            continue
        seg.append(n_i)
    if seg:
        segments.append((seg, cued))
    out: list[tuple[tuple[int, ...], bool]] = []
    for seg, cued_seg in _split_known_acronym(words, segments):
        for part in _split_of(words, seg):
            while part and texts[part[0]] in _CONNECTORS:
                part = part[1:]
            while part and texts[part[-1]] in _CONNECTORS:
                part = part[:-1]
            if part:
                out.append((tuple(part), cued_seg))
    return tuple(out)


def _cand_start(c: _Cand) -> int:
    return c.start


#: what follows a dateline's place: ", Aug. 9", ", 12 June", " (Reuters)", " - "
_DATELINE_AFTER = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+)?\d|\s*\(|\s+[-–—]\s")


def _is_dateline(toks: list[str], text: str, start: int, end: int) -> bool:
    """A paragraph opening with a place in capitals, then a date or the agency: "GOMA, Aug. 9,
    2024 - ...". The capitals are the place the story was filed from, not an acronym."""
    return (
        (start == 0 or text[start - 1] == "\n")
        and all(t.isupper() and t.isalpha() for t in toks)
        and _DATELINE_AFTER.match(text, end) is not None
    )


def _candidate(
    text: str, words: list[_W], part: list[int], cued: bool, masked: bytearray
) -> _Cand | None:
    toks, start, end = _surface(words, part, text)
    if end <= start or masked.find(1, start, end) >= 0:
        return None
    if len(toks) == 1 and (len(toks[0]) < 2 or toks[0].casefold() in word_set("titles")):
        return None  # a lone title ("the Russian President") names nobody
    # what the run names: first by its own words (suffixes, aliases, keywords, known places),
    # then by its context (said-verbs, the noun after it, the preposition before it); the
    # context is read only when the name's own words do not decide
    if _is_dateline(toks, text, start, end):
        name = " ".join(t.capitalize() for t in toks)  # "GOMA" is Goma
        return _Cand(toks, start, end, FactKind.PLACE, _places().get(fold(name), name), cued)
    form = _kind_by_form_cached(tuple(toks), cued, text[max(0, start - 2) : start] == ", ")
    if form is not None and form[0] is not None:
        return _Cand(toks, start, end, form[0], form[1], cued, None)
    prev = _prev_word(text, words[part[0]].start)
    if form is None:
        nxt = _next_word(text, words[part[-1]].end)
        before = text[max(0, start - 20) : start]
        initial = words[part[0]].initial
        kind, canonical = _kind_by_context(
            toks, prev, nxt, text[end : end + 60], before, initial
        ) or (None, " ".join(toks))
    else:
        kind, canonical = form
    hint = None
    possessive = text[end : end + 2] in ("'s", "’s")
    if kind is None and prev in ("in", "at", "from", "near") and not possessive:
        hint = FactKind.PLACE
    elif kind is None and prev in ("a", "an", "the"):
        hint = FactKind.ORGANIZATION  # "a Rite Aid": something, not someone
    return _Cand(toks, start, end, kind, canonical, cued, hint)


def _split_known_acronym(
    words: list[_W], segments: list[tuple[list[int], bool]]
) -> list[tuple[list[int], bool]]:
    """``AMD Opteron``, ``NYPD Officer``: a known acronym heading a run stands alone."""
    out: list[tuple[list[int], bool]] = []
    for seg, cued in segments:
        head = words[seg[0]].text
        if (
            len(seg) == 2
            and _ACRONYM.match(head)
            and fold(head) in aliases()
            and fold(" ".join(words[i].text for i in seg)) not in aliases()
            and _strip_dot(words[seg[-1]].text).casefold() not in word_set("org_keywords")
        ):
            out.append(([seg[0]], cued))
            out.append((seg[1:], False))
        else:
            out.append((seg, cued))
    return out


def _split_of(words: list[_W], seg: list[int]) -> list[list[int]]:
    """``Vishwanand Subryan of Schenectady`` is a person and a place, ``University of
    Alabama`` one organisation: split at ``of`` unless the head is an organisation or place
    word or the whole is a known alias."""
    toks = [words[i].text for i in seg]
    if "of" not in toks or fold(" ".join(toks)) in aliases():
        return [seg]
    k = toks.index("of")
    head = _strip_dot(toks[k - 1]).casefold() if k > 0 else ""
    if head in word_set("org_keywords") or head in word_set("place_keywords"):
        return [seg]
    if k > 0 and toks[0].casefold() in word_set("org_keywords"):
        return [seg]
    return [seg[:k], seg[k + 1 :]]


_LINE = re.compile(r"[^\n]+")
_LINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _headline_mask(text: str, pace: Callable[[], None] = no_check) -> bytearray:
    """1 over lines written in Title Case, where a capital says nothing about names."""
    mask = bytearray(len(text))
    for m in finditer(_LINE, text, pace=pace):
        pace()
        line = m.group()
        if len(line) > 250 or line.rstrip().endswith((".", "!", "?", '"', "”", "’")):
            continue  # a sentence, not a headline
        ws = _LINE_WORD.findall(line)
        long_words = [w for w in ws if len(w) > 3]
        if len(ws) < 3 or len(long_words) < 2:
            continue
        caps = sum(1 for w in long_words if w[0].isupper())
        if caps / len(long_words) >= 0.8 and len(ws) <= 25:
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def _headline_names(
    text: str,
    words: list[_W],
    deferred: list[list[int]],
    cands: list[_Cand],
    pace: Callable[[], None] = no_check,
) -> list[_Cand]:
    """Names in Title Case lines: only the longest runs the body also names (or known names)."""
    known: dict[str, _Cand] = {}
    for c in paced(cands, pace):
        if c.kind is not None:
            known.setdefault(fold(" ".join(c.words)), c)
            known.setdefault(fold(c.canonical), c)
    out: list[_Cand] = []
    for part in paced(deferred, pace, 64):
        i = 0
        while i < len(part):
            found = None
            for j in range(len(part), i, -1):
                toks, start, end = _surface(words, part[i:j], text)
                key = fold(" ".join(toks))
                hit = known.get(key)
                if hit is not None:
                    found = _Cand(toks, start, end, hit.kind, hit.canonical, hit.cued)
                elif key in aliases():
                    kind_name, canonical = aliases()[key]
                    found = _Cand(toks, start, end, _KINDS[kind_name], canonical, False)
                elif key in _places():
                    found = _Cand(toks, start, end, FactKind.PLACE, _places()[key], False)
                if found is not None:
                    out.append(found)
                    i = j
                    break
            if found is None:
                i += 1
    return out


def _join_people(cands: list[_Cand], pace: Callable[[], None] = no_check) -> None:
    """A surname alone (or a spelling one letter off) joins the full name used in the article."""
    # an unclassified run of capitalised words whose last word recurs alone is a person
    alone = {  # a surname on its own with a person cue (a title, a said-verb)
        fold(c.words[0])
        for c in paced(cands, pace)
        if len(c.words) == 1 and c.kind == FactKind.PERSON
    }
    for c in paced(cands, pace):
        if c.kind is None and len(c.words) > 1 and fold(c.words[-1]) in alone:
            c.kind = FactKind.PERSON
    by_surname: dict[str, set[str]] = {}
    for c in paced(cands, pace):
        if c.kind == FactKind.PERSON and len(c.canonical.split()) > 1:
            by_surname.setdefault(fold(c.canonical.split()[-1]), set()).add(c.canonical)
    # the longest form of each name stands for the shorter ones ("Khaled Saad" in "X Khaled Saad")
    full: dict[str, str] = {}
    names = sorted({n for s in by_surname.values() for n in s}, key=len, reverse=True)
    # a longer form must end in the same (folded) surname: look only among those, in the
    # same longest-first order
    keys = {n: _person_key(n) for n in paced(names, pace)}
    same_surname: dict[str, list[str]] = {}
    for n in paced(names, pace):
        same_surname.setdefault(fold(n.split()[-1]), []).append(n)
    for n in names:
        pace()
        toks = keys[n]
        for longer in same_surname[fold(n.split()[-1])]:
            if len(longer) <= len(n):
                break
            if keys[longer].endswith(toks):
                full[n] = full.get(longer, longer)
                break
    surnames = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
    for s, v in by_surname.items():
        resolved = {full.get(n, n) for n in v}
        if len(resolved) == 1:
            surnames[s] = next(iter(resolved))
    # spelling neighbours share the first three letters: look only among those, in order
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for s, n in paced(list(surnames.items()), pace):
        by_prefix.setdefault(s[:3], []).append((s, n))
    for c in paced(cands, pace, 64):
        if c.kind == FactKind.PERSON and c.canonical in full:
            c.canonical = full[c.canonical]
            continue
        if len(c.words) != 1 or c.kind not in (None, FactKind.PERSON):
            continue
        k = fold(c.words[0])
        if k in surnames:
            c.kind, c.canonical = FactKind.PERSON, surnames[k]
            continue
        if len(k) >= 4:
            for s, n in by_prefix.get(k[:3], ()):
                if Levenshtein.distance(s, k, score_cutoff=1) <= 1:
                    c.kind, c.canonical = FactKind.PERSON, n
                    break
