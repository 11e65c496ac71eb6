"""Matching facts across the two articles: shared, only in one, or in conflict.

Mentions with the same kind and key on both sides are one shared fact. Before grouping, keys
that say the same thing at different precision are joined across the articles: a date without
a year joins the one full date with that day, a bare number joins the one counted number with
that value, a surname joins the one full name that ends in it, and names that differ only by a
safe spelling variant (rapidfuzz ratio >= 90 on names of 6+ letters, same first letter) join.

A conflict needs a real disagreement about one thing: within one link (sentences the aligner
says carry the same content), exactly one unmatched value for a slot on each side (``dead``,
``magnitude``, ``date``, ``money USD``, ``person dalton``) and no shared value for that slot
there. Two different numbers that only happen to sit in linked sentences have different slots
and never conflict. Only content paragraphs take part in conflicts.

Quotes match by wording: candidates are quotes in linked sentences (and every pair when both
articles have few quotes), scored with rapidfuzz; a match carries a word diff in its note.

Imports: standard library, rapidfuzz, core.model, core.facts.{mention,scan,lexicon}.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq, Levenshtein

from core.facts.dates import CLOCK_SLOT, date_relative_days
from core.facts.doc_index import DocIndex
from core.facts.lexicon import fold, word_set
from core.facts.mention import Mention
from core.facts.quantities import amount, judge, judge_clocks, measure_of
from core.facts.worded import IN_WORDS
from core.model import DiffTag, Fact, FactKind, FactStatus, Link, Span
from core.progress import no_check, paced

_NAME_KINDS = frozenset({FactKind.PERSON, FactKind.PLACE, FactKind.ORGANIZATION})
_ALL_PAIRS_LIMIT = 50  # quotes per side under which every pair is scored (else linked only)
_FUZZY_BLOCK_LIMIT = 1_000_000
_FULL_DATE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?$")

GroupKey = tuple[str, str]


# the group kind of a mention: "name" for names and for weak mentions, else the kind's value
_GROUP_KIND = {k: "name" if k in _NAME_KINDS else k.value for k in FactKind}  # unless weak


_Keys = set[tuple[str, str]]
_Remap = dict[GroupKey, GroupKey]


def _unify_keys(
    ma: list[Mention], mb: list[Mention], pace: Callable[[], None] = no_check
) -> _Remap:
    """Key rewrites that join the same fact written at different precision or spelling.

    The rules run in this order, each seeing the rewrites of the ones before it.
    """
    kinds = _GROUP_KIND
    keys_a = {("name" if m.weak else kinds[m.kind], m.key) for m in paced(ma, pace)}
    keys_b = {("name" if m.weak else kinds[m.kind], m.key) for m in paced(mb, pace)}
    remap: _Remap = {}
    pace()
    _unify_dates(keys_a | keys_b, remap)
    pace()
    _unify_counted_numbers(keys_a | keys_b, remap)
    pace()
    _unify_people_counts(keys_a, keys_b, remap)
    pace()
    _unify_surnames(ma, mb, remap, pace)
    pace()
    _unify_organisation_tails(ma, mb, remap, pace)
    pace()
    _unify_spellings(keys_a, keys_b, remap)
    return remap


def _unify_dates(both: _Keys, remap: _Remap) -> None:
    """ "--11-27" joins "2025-11-27" when that is the only full date with that day."""
    full_dates = [k for g, k in both if g == "date" and _FULL_DATE.match(k)]
    by_suffix: dict[str, set[str]] = defaultdict(set)
    for k in full_dates:
        by_suffix["--" + k[5:]].add(k)
    for g, k in both:
        if g == "date" and k.startswith("--") and len(by_suffix.get(k, ())) == 1:
            remap[(g, k)] = (g, next(iter(by_suffix[k])))


def _unify_counted_numbers(both: _Keys, remap: _Remap) -> None:
    """ "2,700" joins "2,700 people" when that is the only counted form of 2,700."""
    counted: dict[str, set[str]] = defaultdict(set)
    for g, k in both:
        if g == "number" and " " in k:
            counted[k.split(" ", 1)[0]].add(k)
    for g, k in both:
        if g == "number" and " " not in k and len(counted.get(k, ())) == 1:
            remap[(g, k)] = (g, next(iter(counted[k])))


def _unify_people_counts(keys_a: _Keys, keys_b: _Keys, remap: _Remap) -> None:
    """ "100 workers" and "100 people": one count of people when each side has one such form."""
    people = word_set("person_nouns")
    for ks_mine, ks_other in ((keys_a, keys_b), (keys_b, keys_a)):
        for g, k in ks_mine - ks_other:
            num, _, unit = k.partition(" ")
            if g != "number" or not _is_people(unit, people):
                continue
            cands = {
                ko
                for go, ko in ks_other - ks_mine
                if go == "number"
                and ko.partition(" ")[0] == num
                and _is_people(ko.partition(" ")[2], people)
            }
            if len(cands) == 1 and (g, k) not in remap:
                target = next(iter(cands))
                if (g, target) not in remap:
                    remap[(g, k)] = (g, target)


def _unify_surnames(
    ma: list[Mention], mb: list[Mention], remap: _Remap, pace: Callable[[], None] = no_check
) -> None:
    """A surname alone, or a shorter form of the other article's full name."""
    people_a = [m for m in paced(ma, pace) if m.kind == FactKind.PERSON]
    people_b = [m for m in paced(mb, pace) if m.kind == FactKind.PERSON]
    for mine, other, people in ((people_a, mb, people_b), (people_b, ma, people_a)):
        full: dict[str, set[str]] = defaultdict(set)
        for m in paced(people, pace):
            if " " in m.value:
                full[m.value.split()[-1].casefold()].add(m.key)
        other_keys = {m.key for m in paced(other, pace) if m.kind in _NAME_KINDS}
        for m in paced(mine, pace, 64):
            if m.key in other_keys:
                continue
            cands = full.get(m.value.split()[-1].casefold(), set())
            cands = {c for c in cands if c.endswith(m.key)}
            if len(cands) == 1:
                remap[("name", m.key)] = ("name", next(iter(cands)))


def _unify_organisation_tails(
    ma: list[Mention], mb: list[Mention], remap: _Remap, pace: Callable[[], None] = no_check
) -> None:
    """A shorter organisation name that ends the only longer one of the other article:
    "Daily News" is "New York Daily News"."""
    for mine, other in ((ma, mb), (mb, ma)):
        longer: dict[str, set[str]] = defaultdict(set)
        for m in paced(other, pace, 64):
            if m.kind == FactKind.ORGANIZATION and m.value.count(" ") >= 2:
                words = m.value.split()
                for cut in range(1, len(words) - 1):
                    longer[fold(" ".join(words[cut:]))].add(m.key)
        other_keys = {m.key for m in paced(other, pace)}
        for m in paced(mine, pace):
            if (
                m.kind == FactKind.ORGANIZATION
                and " " in m.value
                and m.key not in other_keys
                and len(longer.get(m.key, ())) == 1
            ):
                remap[("name", m.key)] = ("name", next(iter(longer[m.key])))


def _unify_spellings(keys_a: _Keys, keys_b: _Keys, remap: _Remap) -> None:
    """Safe spelling variants of names (same first letter, ratio >= 90, 6+ letters)."""
    only_a = sorted(k for g, k in keys_a - keys_b if g == "name" and ("name", k) not in remap)
    only_b = sorted(k for g, k in keys_b - keys_a if g == "name" and ("name", k) not in remap)
    blocks_a: dict[str, list[str]] = defaultdict(list)
    for k in only_a:
        if len(k) >= 6:
            blocks_a[k[0]].append(k)
    for first, group_b in _blocks(only_b).items():
        group_a = blocks_a.get(first, [])
        if not group_a or len(group_a) * len(group_b) > _FUZZY_BLOCK_LIMIT:
            continue
        for kb in group_b:
            hit = process.extractOne(kb, group_a, scorer=fuzz.ratio, score_cutoff=90)
            if hit is not None:
                remap[("name", kb)] = ("name", hit[0])


def _is_people(unit: str, people: frozenset[str]) -> bool:
    return bool(unit) and (unit in people or unit + "s" in people or unit in ("person", "people"))


def _surnames_for_weak(
    ma: list[Mention],
    mb: list[Mention],
    remap: dict[GroupKey, GroupKey],
    pace: Callable[[], None] = no_check,
) -> None:
    """A bare surname the rules left unclassified ("Gigante evaded prison") is the person
    whose full name the other article (or its own) gives, when only one such person exists."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    single_weak: list[Mention] = []  # (in order: looked at once by_surname is complete)
    for m in paced((*ma, *mb), pace):
        if m.weak:
            if " " not in m.value:
                single_weak.append(m)
        elif m.kind == FactKind.PERSON and " " in m.value:
            by_surname[fold(m.value.split()[-1])].add(
                remap.get(("name", m.key), ("name", m.key))[1]
            )
    for m in paced(single_weak, pace):
        if len(by_surname.get(m.key, ())) == 1:
            remap[("name", m.key)] = ("name", next(iter(by_surname[m.key])))


def _blocks(keys: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        if len(k) >= 6:
            out[k[0]].append(k)
    return out


class _Group:
    __slots__ = ("a", "b", "key")

    def __init__(self, key: GroupKey) -> None:
        self.key = key
        self.a: list[Mention] = []
        self.b: list[Mention] = []


def _value_of(ms: list[Mention]) -> str:
    """The most precise value: the longest (full date over ``--11-27``, full name over surname)."""
    if len(ms) == 1:
        return ms[0].value
    strong = {m.value for m in ms if not m.weak} or {m.value for m in ms}
    if len(strong) == 1:
        return next(iter(strong))
    return max(strong, key=lambda v: (len(v), v))  # distinct keys: no tie to break


def _kind_of(ms: list[Mention]) -> FactKind:
    if len(ms) == 1 and not ms[0].weak:
        return ms[0].kind
    counts: dict[FactKind, int] = defaultdict(int)
    for m in ms:
        if m.weak:
            continue
        counts[m.kind] += 1
    return max(counts, key=lambda k: (counts[k], k.value))


def _note_of(ms: list[Mention]) -> str:
    if len(ms) == 1:
        return ms[0].note
    notes: list[str] = []
    for m in ms:
        if m.note and m.note not in notes:
            notes.append(m.note)
    return "; ".join(notes)


def _spans(ms: list[Mention]) -> tuple[Span, ...]:
    # Spans order as (start, end) tuples do: sort plain tuples, build each Span once
    if len(ms) <= 1:
        return (Span(ms[0].start, ms[0].end),) if ms else ()
    return tuple(Span(s, e) for s, e in sorted({(m.start, m.end) for m in ms}))


def match_facts(
    ma: list[Mention],
    mb: list[Mention],
    links: Sequence[Link],
    ia: DocIndex,
    ib: DocIndex,
    pace: Callable[[], None] = no_check,
) -> list[Fact]:
    """Facts from the non-quote mentions of both sides; ``pace()`` runs often (it raises to
    cancel)."""
    ma, mb = date_relative_days(ma, mb, pace)
    remap = _unify_keys(
        [m for m in paced(ma, pace) if not m.weak], [m for m in paced(mb, pace) if not m.weak], pace
    )
    _surnames_for_weak(ma, mb, remap, pace)
    pace()
    groups: dict[GroupKey, _Group] = {}
    first_strong: dict[GroupKey, Mention] = {}  # first classified mention, A's before B's
    with_weak: set[GroupKey] = set()
    for side, ms in (("a", ma), ("b", mb)):
        for m in paced(ms, pace, 256):
            k = ("name" if m.weak else _GROUP_KIND[m.kind], m.key)
            k = remap.get(k, k)
            g = groups.get(k)
            if g is None:
                g = groups[k] = _Group(k)
            (g.a if side == "a" else g.b).append(m)
            if m.weak:
                with_weak.add(k)
            elif k not in first_strong:
                first_strong[k] = m
    # a weak single word naming the head of one known multi-word organisation or place
    # ("Jefferson" for "Jefferson University Hospital") joins it
    heads: dict[str, set[GroupKey]] = defaultdict(set)
    for k, first in paced(list(first_strong.items()), pace, 256):
        if first.kind in (FactKind.ORGANIZATION, FactKind.PLACE):
            parts = first.value.split()
            if len(parts) > 1:
                heads[fold(parts[0])].add(k)
    for k in paced(list(groups), pace, 256):
        if k in first_strong or len(heads.get(k[1], ())) != 1:
            continue
        target_key = next(iter(heads[k[1]]))
        target, g = groups[target_key], groups[k]
        target.a += g.a
        target.b += g.b
        with_weak.add(target_key)
        del groups[k]
    # weak mentions (unclassified names) count only beside a classified one with their key
    for k in paced(list(groups), pace, 256):
        if k not in with_weak:
            continue  # classified mentions only: nothing to do
        pace()  # (one group may hold thousands of mentions)
        g = groups[k]
        if k not in first_strong:
            # an unclassified name both articles use is a name: a place when one of them has
            # it after "in"/"from", a person when it is several capitalised words
            if g.a and g.b:
                hints = {m.kind for m in g.a + g.b}
                kind = (
                    FactKind.PLACE
                    if FactKind.PLACE in hints
                    else FactKind.ORGANIZATION
                    if FactKind.ORGANIZATION in hints and all(" " in m.value for m in g.a + g.b)
                    else FactKind.PERSON
                    if all(" " in m.value for m in g.a + g.b)
                    else None
                )
                if kind is not None:
                    g.a = [m._replace(weak=False, kind=kind) for m in g.a]
                    g.b = [m._replace(weak=False, kind=kind) for m in g.b]
                    continue
            del groups[k]
        else:
            g.a = [m for m in g.a if not m.weak] + [m for m in g.a if m.weak]
            g.b = [m for m in g.b if not m.weak] + [m for m in g.b if m.weak]
    pairs = _conflicts(list(groups.values()), links, ia, ib, pace)
    later = _later_figures(pairs, list(groups.values()), links, ia, ib)
    facts: list[Fact] = []
    in_pair: set[int] = set()
    for ga, gb in pairs:
        in_pair.update((id(ga), id(gb)))
        va, vb = _value_of(ga.a), _value_of(gb.b)
        agree, why = _judged(ga.a, gb.b, ia, ib)
        if agree:
            facts.append(
                Fact(
                    kind=_kind_of(ga.a + gb.b),
                    value=va,
                    status=FactStatus.SHARED,
                    a=_spans(ga.a),
                    b=_spans(gb.b),
                    content=True,
                    note=_note_of(ga.a + gb.b),
                    why=why,
                )
            )
            continue
        newer = later.get(id(ga), []) + later.get(id(gb), [])
        in_pair.update(id(g) for g in newer)
        on_a = ga.a + [m for g in newer for m in g.a]
        on_b = gb.b + [m for g in newer for m in g.b]
        for g in newer:
            why += f"; {'A' if g.a else 'B'} later says {_value_of(g.a or g.b)}"
        facts.append(
            Fact(
                kind=_kind_of(on_a + on_b),
                value=f"{va} / {vb}",
                status=FactStatus.CONFLICT,
                a=_spans(on_a),
                b=_spans(on_b),
                values=(va, vb),
                content=True,
                note=_note_of(on_a + on_b),
                why=why,
            )
        )
    for n, g in enumerate(groups.values()):
        if not n & 31 or len(g.a) + len(g.b) > 64:
            pace()  # (before a big group: one group may hold thousands of mentions)
        if id(g) in in_pair:
            continue
        one_sided = not (g.a and g.b)
        if one_sided and all(IN_WORDS in m.note for m in g.a + g.b):
            continue  # "dozens of people" with no figure beside it: nothing to check
        status = (
            FactStatus.SHARED if g.a and g.b else FactStatus.ONLY_A if g.a else FactStatus.ONLY_B
        )
        ms = g.a + g.b
        if len(ms) == 1:
            content = (ia if g.a else ib).is_content(ms[0].start)
        else:
            content = any(ia.is_content(m.start) for m in g.a) or any(
                ib.is_content(m.start) for m in g.b
            )
        facts.append(
            Fact(
                kind=_kind_of(ms),
                value=_value_of(ms),
                status=status,
                a=_spans(g.a),
                b=_spans(g.b),
                content=content,
                note=_note_of(ms),
                why=_why_shared(g, ia, ib) if status == FactStatus.SHARED else "",
            )
        )
    return facts


def _words(m: Mention, index: DocIndex) -> str:
    """The article's own words for a mention, with its qualifier ("more than 100 killed")."""
    qualifier = _qualifier(m)
    surface = index.doc.text[m.start : m.end]
    if not qualifier or surface.casefold().startswith(qualifier):
        return surface
    return f"{qualifier} {surface}"


def _qualifier(m: Mention) -> str:
    for part in m.note.split("; "):
        if part.startswith("qualified: "):
            return part.removeprefix("qualified: ")
    return ""


def _why_shared(g: _Group, ia: DocIndex, ib: DocIndex) -> str:
    """ "same value" when both articles use the same words, else the two wordings."""
    words_a = {ia.doc.text[m.start : m.end].casefold() for m in g.a if not m.weak}
    words_b = {ib.doc.text[m.start : m.end].casefold() for m in g.b if not m.weak}
    if not words_a or not words_b or words_a & words_b:
        return "same value"
    m_a = next(m for m in g.a if not m.weak)
    m_b = next(m for m in g.b if not m.weak)
    return f"equivalent value: {_words(m_a, ia)} = {_words(m_b, ib)}"


def _judged(
    ms_a: list[Mention], ms_b: list[Mention], ia: DocIndex, ib: DocIndex
) -> tuple[bool, str]:
    """(agree, why) for the two sides' values of one measure in linked sentences."""
    m_a, m_b = ms_a[0], ms_b[0]
    words_a, words_b = _words(m_a, ia), _words(m_b, ib)
    if m_a.slot == CLOCK_SLOT and m_b.slot == CLOCK_SLOT:
        return judge_clocks(
            m_a.value, _qualifier(m_a), m_b.value, _qualifier(m_b), words_a, words_b
        )
    if m_a.kind == FactKind.NUMBER and m_b.kind == FactKind.NUMBER:
        x = amount(m_a.value, m_a.slot, _qualifier(m_a))
        y = amount(m_b.value, m_b.slot, _qualifier(m_b))
        if x is not None and y is not None:
            return judge(x, y, words_a, words_b)
    return False, f"conflict: {words_a} vs {words_b}"


def _conflicts(
    groups: list[_Group],
    links: Sequence[Link],
    ia: DocIndex,
    ib: DocIndex,
    pace: Callable[[], None] = no_check,
) -> list[tuple[_Group, _Group]]:
    """Pairs (only-in-A group, only-in-B group) that disagree about one slot in one link."""
    per_sentence: dict[tuple[str, int], list[tuple[str, _Group, bool]]] = defaultdict(list)
    for n, g in enumerate(groups):
        if not n & 31 or len(g.a) + len(g.b) > 64:
            pace()  # (before a big group: one group may hold thousands of mentions)
        shared = bool(g.a and g.b)
        for side, ms, idx in (("a", g.a, ia), ("b", g.b, ib)):
            for m in ms:
                if not m.slot or not idx.is_content(m.start):
                    continue
                s = idx.sentence_at(m.start)
                if s is not None:
                    per_sentence[(side, s)].append((measure_of(m.slot), g, shared))
    used: set[int] = set()
    out: list[tuple[_Group, _Group]] = []
    a_slotted = {s for side, s in per_sentence if side == "a"}
    for link in paced(links, pace, 64):
        if a_slotted.isdisjoint(link.a):
            continue  # nothing with a slot on the A side: no conflict in this link
        pace()
        on_a_by: dict[str, dict[int, _Group]] = defaultdict(dict)
        on_b_by: dict[str, dict[int, _Group]] = defaultdict(dict)
        agreed_slots: set[str] = set()
        for side, sents, on_side_by in (("a", link.a, on_a_by), ("b", link.b, on_b_by)):
            for s in sents:
                for slot, g, shared in per_sentence.get((side, s), ()):
                    if shared:
                        agreed_slots.add(slot)
                    else:
                        on_side_by[slot][id(g)] = g
        for slot, on_a in on_a_by.items():
            on_b = on_b_by.get(slot, {})
            if slot in agreed_slots or len(on_a) != 1 or len(on_b) != 1:
                continue
            ga, gb = next(iter(on_a.values())), next(iter(on_b.values()))
            if id(ga) in used or id(gb) in used:
                continue
            used.update((id(ga), id(gb)))
            out.append((ga, gb))
    out += _replaced_figures(groups, links, ia, ib, used, pace)
    return out


_TOLLS = frozenset({"dead", "injured"})


def _later_figures(
    pairs: list[tuple[_Group, _Group]],
    groups: list[_Group],
    links: Sequence[Link],
    ia: DocIndex,
    ib: DocIndex,
) -> dict[int, list[_Group]]:
    """One-sided tolls that update a conflicting one later in the same article ("the toll had
    risen to 28 dead"), by the id of the conflict's group on their side: a toll counts the dead
    or injured of the event, so one that stands in a sentence the other article has no link to
    and that exactly one conflict also counts is that story's newer figure, which still
    disagrees with the other article. (Other counts are not joined: "at least one bomb landed
    in the camp" counts something else than "four bombs".) The conflict keeps its first two
    values; the later toll's words are marked with it."""
    measures: dict[tuple[str, str], list[_Group]] = defaultdict(list)
    for ga, gb in pairs:
        for side, g, ms in (("a", ga, ga.a), ("b", gb, gb.b)):
            for measure in {m.slot for m in ms if m.slot in _TOLLS}:
                measures[(side, measure)].append(g)
    if not measures:
        return {}
    paired = {id(g) for pair in pairs for g in pair}
    linked = {"a": {s for k in links for s in k.a}, "b": {s for k in links for s in k.b}}
    out: dict[int, list[_Group]] = defaultdict(list)
    for g in groups:
        if id(g) in paired or bool(g.a) == bool(g.b):
            continue
        side, ms, index = ("a", g.a, ia) if g.a else ("b", g.b, ib)
        if any(m.kind != FactKind.NUMBER or m.slot not in _TOLLS for m in ms):
            continue
        owners = {id(o): o for m in ms for o in measures.get((side, m.slot), ())}
        if len(owners) != 1:
            continue
        if all(
            (s := index.sentence_at(m.start)) is not None
            and s not in linked[side]
            and index.is_content(m.start)
            for m in ms
        ):
            out[next(iter(owners))].append(g)
    return out


_FIGURE_KINDS = (FactKind.NUMBER, FactKind.DATE)


def _replaced_figures(
    groups: list[_Group],
    links: Sequence[Link],
    ia: DocIndex,
    ib: DocIndex,
    used: set[int],
    pace: Callable[[], None] = no_check,
) -> list[tuple[_Group, _Group]]:
    """Pairs of one-sided figures that the word diff of a link puts in one place: the two
    sentences say the same words around them ("promised 12 more systems" / "promised 10 more
    systems"), so they give one quantity two values even where no unit names it."""
    where: dict[str, list[tuple[int, int, _Group]]] = {"a": [], "b": []}
    for g in groups:
        if id(g) in used or bool(g.a) == bool(g.b):
            continue
        side, ms = ("a", g.a) if g.a else ("b", g.b)
        where[side] += [(m.start, m.end, g) for m in ms if m.kind in _FIGURE_KINDS]
    if not where["a"] or not where["b"]:
        return []
    for found in where.values():
        found.sort(key=lambda t: t[0])
    starts = {side: [t[0] for t in found] for side, found in where.items()}

    def inside(side: str, span: Span) -> list[_Group]:
        found = where[side]
        i = bisect_left(starts[side], span.start)
        # a mention that starts before the span may reach into it ("At least 5" / "5")
        if i and found[i - 1][1] > span.start:
            i -= 1
        out: dict[int, _Group] = {}
        while i < len(found) and found[i][0] < span.end:
            out[id(found[i][2])] = found[i][2]
            i += 1
        return list(out.values())

    pairs: list[tuple[_Group, _Group]] = []
    for link in paced(links, pace, 64):
        for op in link.diff:
            if op.tag != DiffTag.REPLACE or op.a is None or op.b is None:
                continue
            on_a, on_b = inside("a", op.a), inside("b", op.b)
            if len(on_a) != 1 or len(on_b) != 1:
                continue
            ga, gb = on_a[0], on_b[0]
            if id(ga) in used or id(gb) in used or not _comparable(ga.a[0], gb.b[0]):
                continue
            used.update((id(ga), id(gb)))
            pairs.append((ga, gb))
    return pairs


def _comparable(x: Mention, y: Mention) -> bool:
    """Whether two figures in one place of a link can be one quantity: the same kind, and
    the same measure when both name one."""
    if x.kind != y.kind:
        return False
    return not (x.slot and y.slot) or measure_of(x.slot) == measure_of(y.slot)


_DIFF_WORDS = re.compile(r"\w+(?:['’]\w+)?")


def _word_diff(a: str, b: str, limit: int = 8) -> str:
    """Compact word diff of two passages: ``-old +new`` runs, compared without case."""
    wa, wb = _DIFF_WORDS.findall(a), _DIFF_WORDS.findall(b)
    la = [w.casefold().replace("’", "'") for w in wa]
    lb = [w.casefold().replace("’", "'") for w in wb]
    parts: list[str] = []
    for op in Levenshtein.opcodes(la, lb):
        if op.tag == "equal":
            continue
        old = " ".join(wa[op.src_start : op.src_end])
        new = " ".join(wb[op.dest_start : op.dest_end])
        parts.append(f"-{old} +{new}" if old and new else f"-{old}" if old else f"+{new}")
    if not parts:
        return "same words"
    more = f" (+{len(parts) - limit} more)" if len(parts) > limit else ""
    return "; ".join(parts[:limit]) + more


def _quote_score(x: str, y: str) -> float:
    nx, ny = len(x.split()), len(y.split())
    short, long_ = (x, y) if nx <= ny else (y, x)
    if min(nx, ny) >= 2 and f" {short} " in f" {long_} ":
        return 90.0  # one article quotes a piece of the other's quote word for word
    score = fuzz.ratio(x, y)
    if min(nx, ny) >= 6:
        score = max(score, fuzz.partial_ratio(x, y) - 5)
    return score


def _quote_threshold(x: str, y: str, linked: bool) -> float:
    if min(len(x.split()), len(y.split())) < 4:
        return 85.0
    return 60.0 if linked else 75.0


def _by_sentence(
    quotes: list[Mention], index: DocIndex, pace: Callable[[], None] = no_check
) -> dict[int, list[int]]:
    """Sentence index -> the quotes (indices into ``quotes``) that touch it."""
    out: dict[int, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        if not i & 255:
            pace()
        for s in index.sentences_in(q.start, q.end):
            out[s].append(i)
    return out


def _candidate_pairs(keys_a: list[str], keys_b: list[str]) -> set[tuple[int, int]]:
    """Quote pairs worth scoring: close wording, one inside the other, or part of a long one."""
    # one C call scores every pair; Python looks only at the promising ones
    plain = process.cdist(keys_a, keys_b, scorer=fuzz.ratio, score_cutoff=55)
    pairs = {(int(i), int(j)) for i, j in zip(*plain.nonzero(), strict=True)}
    # a short quote found word for word inside a longer one
    padded_b = [(len(kb), f" {kb} ") for kb in keys_b]
    for i, ka in enumerate(keys_a):
        n_a, pa = len(ka), f" {ka} "
        for j, (n_b, pb) in enumerate(padded_b):
            if (pa in pb) if n_a < n_b else (pb in pa):
                pairs.add((i, j))
    # part of a longer quote (one article splits it): only quotes of 6+ words qualify
    ia = [i for i, k in enumerate(keys_a) if k.count(" ") >= 5]
    jb = [j for j, k in enumerate(keys_b) if k.count(" ") >= 5]
    if ia and jb:
        long_a, long_b = [keys_a[i] for i in ia], [keys_b[j] for j in jb]
        # partial_ratio >= 80 needs a common subsequence of 2/3 of the shorter quote (its
        # best window w of the longer, len(w) <= n, scores 200 * lcs / (n + len(w)), with
        # lcs <= len(w)): one bit-parallel LCS matrix leaves few pairs for partial_ratio
        lcs = process.cdist(long_a, long_b, scorer=LCSseq.similarity)
        for i, j in zip(*lcs.nonzero(), strict=True):
            x, y = long_a[i], long_b[j]
            if 3 * int(lcs[i, j]) + 3 < 2 * min(len(x), len(y)):
                continue
            if fuzz.partial_ratio(x, y, score_cutoff=80):
                pairs.add((ia[int(i)], jb[int(j)]))
    return pairs


def _scored_pairs(
    qa: list[Mention],
    qb: list[Mention],
    linked_pairs: set[tuple[int, int]],
    pace: Callable[[], None] = no_check,
) -> list[tuple[float, int, int]]:
    """(score, i, j) for quote pairs that pass their threshold, best first."""
    scored: list[tuple[float, int, int]] = []
    if qa and qb and len(qa) <= _ALL_PAIRS_LIMIT and len(qb) <= _ALL_PAIRS_LIMIT:
        keys_a, keys_b = [q.key for q in qa], [q.key for q in qb]
        for i, j in sorted(_candidate_pairs(keys_a, keys_b)):
            sc = _quote_score(keys_a[i], keys_b[j])
            if sc >= _quote_threshold(keys_a[i], keys_b[j], (i, j) in linked_pairs):
                scored.append((sc, i, j))
    else:
        for i, j in linked_pairs:
            pace()
            sc = _quote_score(qa[i].key, qb[j].key)
            if sc >= _quote_threshold(qa[i].key, qb[j].key, True):
                scored.append((sc, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    return scored


class _QuoteClusters:
    """Union-find over ("a", i) / ("b", j): quotes in one cluster are one quote fact."""

    def __init__(
        self, qa: list[Mention], qb: list[Mention], pace: Callable[[], None] = no_check
    ) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}
        self.best_a: set[int] = set()
        self.best_b: set[int] = set()
        for side, qs in (("a", qa), ("b", qb)):  # the same quote twice in one article
            first: dict[str, int] = {}
            for i, q in enumerate(qs):
                if not i & 255:
                    pace()
                j = first.setdefault(q.key, i)
                if j != i:
                    self.parent[(side, i)] = (side, j)

    def find(self, x: tuple[str, int]) -> tuple[str, int]:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, i: int, j: int) -> None:
        self.best_a.add(i)
        self.best_b.add(j)
        ra, rb = self.find(("a", i)), self.find(("b", j))
        if ra != rb:
            self.parent[rb] = ra

    def groups(self, n_a: int, n_b: int) -> list[tuple[list[int], list[int]]]:
        clusters: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
        for i in range(n_a):
            clusters.setdefault(self.find(("a", i)), ([], []))[0].append(i)
        for j in range(n_b):
            clusters.setdefault(self.find(("b", j)), ([], []))[1].append(j)
        return list(clusters.values())


def _quote_fact(ms_a: list[Mention], ms_b: list[Mention], ia: DocIndex, ib: DocIndex) -> Fact:
    content = any(ia.is_content(m.start) for m in ms_a) or any(ib.is_content(m.start) for m in ms_b)
    notes: list[str] = []
    speakers_a = {m.speaker for m in ms_a if m.speaker}
    speakers_b = {m.speaker for m in ms_b if m.speaker}
    if speakers_a or speakers_b:
        notes.append(
            "speaker: "
            + " / ".join(
                ", ".join(sorted(s)) or "?" for s in (speakers_a, speakers_b) if ms_a or ms_b
            )
        )
    values: tuple[str, str] | None = None
    why = ""
    if ms_a and ms_b and _said_by_others(ms_a[0], ms_b[0], speakers_a, speakers_b):
        status = FactStatus.CONFLICT
        values = (ms_a[0].value, ms_b[0].value)
        value = f"{values[0]} / {values[1]}"
        said_a, said_b = (", ".join(sorted(s)) for s in (speakers_a, speakers_b))
        why = f"conflict: said by {said_a} vs {said_b}"
    elif ms_a and ms_b:
        status = FactStatus.SHARED
        notes.append(
            "word diff: "
            + _word_diff(
                ia.doc.text[ms_a[0].start : ms_a[0].end],
                ib.doc.text[ms_b[0].start : ms_b[0].end],
            )
        )
        value = ms_a[0].value
    else:
        status = FactStatus.ONLY_A if ms_a else FactStatus.ONLY_B
        value = (ms_a or ms_b)[0].value
    return Fact(
        kind=FactKind.QUOTE,
        value=value,
        status=status,
        a=_spans(ms_a),
        b=_spans(ms_b),
        content=content,
        note="; ".join(notes),
        values=values,
        why=why,
    )


def _said_by_others(qa: Mention, qb: Mention, speakers_a: set[str], speakers_b: set[str]) -> bool:
    """Whether the same words are given to two different people: the quotes say (nearly) the
    same words, and each side names its speaker in full, with no surname in common. A single
    word ("Clara", "Lu") may be a character or a misread subject, so it never conflicts."""
    if not speakers_a or not speakers_b or fuzz.ratio(qa.key, qb.key) < 90:
        return False
    if any(" " not in name for name in speakers_a | speakers_b):
        return False
    surnames_a = {fold(name.split()[-1]) for name in speakers_a}
    return not any(fold(name.split()[-1]) in surnames_a for name in speakers_b)


def match_quotes(
    qa: list[Mention],
    qb: list[Mention],
    links: Sequence[Link],
    ia: DocIndex,
    ib: DocIndex,
    pace: Callable[[], None] = no_check,
) -> list[Fact]:
    """Quote facts: a quote in A matched to the same quote in B, even worded differently."""
    a_by_sent, b_by_sent = _by_sentence(qa, ia, pace), _by_sentence(qb, ib, pace)
    pace()
    linked_pairs: set[tuple[int, int]] = set()
    a_quoted = set(a_by_sent)
    for link in paced(links, pace, 64):
        if a_quoted.isdisjoint(link.a):
            continue  # no quote on the A side: no pair
        qs_a = {i for s in link.a for i in a_by_sent.get(s, ())}
        qs_b = {j for s in link.b for j in b_by_sent.get(s, ())}
        linked_pairs.update((i, j) for i in qs_a for j in qs_b)
    clusters = _QuoteClusters(qa, qb, pace)
    # one quote may match several when the other article splits it; keep each side's best
    for _sc, i, j in _scored_pairs(qa, qb, linked_pairs, pace):
        pace()
        if not (i in clusters.best_a and j in clusters.best_b):
            clusters.join(i, j)
    # a short quote left alone on each side of one link is the same quote translated
    # ("substantive discussions" / "serious discussions") when the wording is close enough
    for link in paced(links, pace, 64):
        if a_quoted.isdisjoint(link.a):
            continue
        qs_a = {i for s in link.a for i in a_by_sent.get(s, ()) if i not in clusters.best_a}
        if len(qs_a) != 1:
            continue
        qs_b = {j for s in link.b for j in b_by_sent.get(s, ()) if j not in clusters.best_b}
        if len(qs_a) == 1 and len(qs_b) == 1:
            i, j = qs_a.pop(), qs_b.pop()
            if (
                fuzz.token_set_ratio(qa[i].key, qb[j].key) >= 50
                or fuzz.ratio(qa[i].key, qb[j].key) >= 55
            ):
                clusters.join(i, j)
    out: list[Fact] = []
    for ai, bj in clusters.groups(len(qa), len(qb)):
        pace()
        out.append(_quote_fact([qa[i] for i in ai], [qb[j] for j in bj], ia, ib))
    return out
