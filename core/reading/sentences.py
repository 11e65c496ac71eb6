"""Rule-based sentence splitting for news English (no NLTK, no spaCy, no model files).

Why rules: alignment links sentences, so a split after "Mr." or inside "6.1" creates a bogus
unit on one side only. One regex finds every candidate end (terminal punctuation, closing
quotes/brackets, then whitespace); a few cheap rules look at the word before and the word
after to reject abbreviations (Mr., Gen., Jan. 5), initials (Bryant A. Dalton), dotted
abbreviations (U.S., p.m.) unless a typical sentence opener follows, and ``...," he said``.
Decimals and thousands separators never match because a candidate needs whitespace after it.
A quotation running over several sentences is split at its inner sentence ends; the closing
quote stays with the sentence it closes. Work is linear: Python runs once per candidate, not
per character.

Imports: standard library only.
"""

from __future__ import annotations

import re

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
# CJK full stops end a sentence without a following space.
_CANDIDATE = re.compile(
    r"(?:\.(?:\s?\.){2,}|…+|[.!?‽]+)[\"'”’»)\]]*(?=\s)|[。！？]+[\"'”’»」』)\]]*"
)
_NON_SPACE = re.compile(r"\S+")
_OPENING = "\"'“‘«([「『"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles and abbreviations that precede a name or number: never the end of a sentence.
_NEVER_FINAL = _word_set(
    "mr mrs ms mssrs messrs dr prof gen sen rep gov lt col capt sgt maj cmdr adm rev hon "
    "pres supt det insp cpl pvt fr brig no nos art fig figs vol vols ch pp para sec "
    "approx ca cf vs v"
)
# Ends a sentence only when the next word is a typical sentence opener.
_AMBIGUOUS = _word_set(
    "inc ltd co corp plc llc bros jr sr etc al esq dept univ assn ave blvd rd st ste mt "
    "ft ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn "
    "miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo jan feb mar apr "
    "jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
)
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
# Words that often start a sentence after a dotted abbreviation ("... in the U.S. The plan").
_OPENERS = _word_set(
    "a an the this that these those it its he she they we i you his her their our my "
    "there here but and or so yet however meanwhile in on at after before when while if "
    "as since although though despite during for from with without by to no not some many "
    "most all both each one two three four five six seven eight nine ten what who why how "
    "where police officials authorities"
)
_COMPOUND = re.compile(r"[-/–]")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def _is_boundary(text: str, term_start: int, term: str, next_word: str) -> bool:
    """Decide whether the candidate ``term`` at ``term_start`` ends a sentence."""
    first = next_word[0]
    stripped_next = next_word.lstrip(_OPENING)
    lower_next = stripped_next[:1].islower()
    if lower_next:
        return False  # "... he said", "The male... adjusted", "Apple Inc. said"
    if "!" in term or "?" in term or "‽" in term:
        return True
    if term[0] == "…" or term.replace(" ", "").startswith(".."):
        return True  # an ellipsis before a capital starts a new sentence
    # A single full stop: look at the word it ends.
    before = text[max(0, term_start - 40) : term_start + 1].split()
    word = before[-1].lstrip(_OPENING) if before else "."
    if word[:-1] == "" or not word[:-1].replace(".", "").replace("-", "").strip():
        return True  # a lone "." or a run of punctuation
    # The last part of a compound counts: "Aoraki-Mt. Cook", "Calif.-based" never reaches here.
    bare = _COMPOUND.split(word[:-1].lower())[-1]
    if first.isdigit() and bare in _MONTHS:
        return False  # "Jan. 5"
    if bare in _NEVER_FINAL and _COMPOUND.split(word[:-1])[-1][:1].isupper():
        return False  # "Mr. Putin", "Gen. Smith", "No. 7"
    core = stripped_next.rstrip(".,;:!?\"'”’)").lower()
    if _INITIAL.match(word):
        return core in _OPENERS  # "Bryant A. Dalton", but "... Plan B. The council"
    if _DOTTED.match(word) or bare in _AMBIGUOUS:
        return core in _OPENERS or first in "\"“‘'«"
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Half-open sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace.

    Every non-space character of the range lies in exactly one span; no span is empty.
    """
    spans: list[tuple[int, int]] = []
    sent_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        cut = m.end()
        nxt = _NON_SPACE.search(text, cut, end)
        if nxt is None:
            break  # the rest is the last sentence
        if m.group()[0] not in "。！？" and not _is_boundary(
            text, m.start(), m.group(), nxt.group()
        ):
            continue
        spans.append((sent_start, cut))
        sent_start = nxt.start()
    spans.append((sent_start, end))
    return [t for t in (_trim(text, s, e) for s, e in spans) if t is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
