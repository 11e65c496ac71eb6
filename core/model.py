"""The result types every part of Article Comparer reads: Document in, Comparison out.

All types are frozen, slotted dataclasses holding tuples, so a Comparison can be shared by the
GUI thread, exporters and tests without copying and can never be changed after ``compare()``
returns. Spans are half-open code-point offsets into ``Document.text`` (Python string
indices); the GUI converts them to Qt's UTF-16 positions in exactly one module.

Imports: standard library only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from typing import Generic, Literal, TypeVar

from core.options import CompareOptions

Side = Literal["a", "b"]
#: who made a link or a coverage decision: the aligner, or the person reviewing by hand
By = Literal["hand", "aligner"]

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True, slots=True)
class Sides(Generic[T]):
    """One value per article, picked by ``Side``: keeps "A or B" choices in one place.

    Hoist ``get`` out of inner loops; it is a method call, not a plain attribute.
    """

    a: T
    b: T

    @staticmethod
    def of(fn: Callable[[Side], T]) -> Sides[T]:
        """``Sides(fn("a"), fn("b"))``, for values built the same way on each side."""
        return Sides(fn("a"), fn("b"))

    def get(self, side: Side) -> T:
        return self.a if side == "a" else self.b

    def replace(self, side: Side, value: T) -> Sides[T]:
        """A copy with ``side``'s value swapped for ``value``."""
        return Sides(value, self.b) if side == "a" else Sides(self.a, value)

    def map(self, fn: Callable[[T], U]) -> Sides[U]:
        return Sides(fn(self.a), fn(self.b))

    def items(self) -> Iterator[tuple[Side, T]]:
        """``("a", a)`` then ``("b", b)``."""
        yield "a", self.a
        yield "b", self.b


#: a letter or a digit (``\w`` without the underscore): what makes a sentence say something
_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open ``[start, end)`` range of code points; never empty."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise TypeError(f"span bounds must be ints, got {self.start!r}, {self.end!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid span ({self.start}, {self.end}): need 0 <= start < end")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The passage of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: Span) -> bool:
        return other.start <= self.start and self.end <= other.end

    def as_list(self) -> list[int]:
        """JSON form: ``[start, end]``."""
        return [self.start, self.end]


class Role(StrEnum):
    """What a paragraph is on the page. Only content roles are aligned and counted."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"

    @property
    def is_content(self) -> bool:
        return self in _CONTENT_ROLES


_CONTENT_ROLES = frozenset({Role.TITLE, Role.HEADING, Role.BODY})


@dataclass(frozen=True, slots=True)
class Paragraph:
    span: Span
    role: Role


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and the index of the paragraph that holds it."""

    span: Span
    paragraph: int


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: plain text plus paragraph and sentence spans into it.

    Paragraphs are ordered and disjoint; sentences are ordered, disjoint and each lies inside
    its paragraph. Validated on construction so no view ever has to defend against bad spans.
    """

    text: str
    source: str
    title: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    # For pages read by URL (source is then the final URL): when, and the page's canonical URL.
    fetched_at: str | None = None
    canonical_url: str | None = None
    # One-line warnings about how the input was read (damaged bytes replaced, text dropped):
    # the reader carries on, and every view and report shows them so nothing is lost silently.
    notices: tuple[str, ...] = ()
    # Where each sentence starts, for finding the sentence at an offset by bisection.
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.text)
        prev_end = 0
        for i, p in enumerate(self.paragraphs):
            if p.span.end > n:
                raise ValueError(f"paragraph {i} {p.span} out of bounds (text has {n})")
            if p.span.start < prev_end:
                raise ValueError(f"paragraph {i} {p.span} overlaps or precedes the previous one")
            prev_end = p.span.end
        prev_end = 0
        count = len(self.paragraphs)
        for i, s in enumerate(self.sentences):
            if not 0 <= s.paragraph < count:
                raise ValueError(f"sentence {i} names paragraph {s.paragraph} of {count}")
            if s.span.start < prev_end:
                raise ValueError(f"sentence {i} {s.span} overlaps or precedes the previous one")
            if not s.span.within(self.paragraphs[s.paragraph].span):
                raise ValueError(f"sentence {i} {s.span} is outside paragraph {s.paragraph}")
            prev_end = s.span.end
        object.__setattr__(self, "_starts", tuple(s.span.start for s in self.sentences))

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence holding code point ``offset``, or None between sentences."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].span.end else None

    def sentence_near(self, offset: int) -> int:
        """The sentence holding ``offset``, else the last one starting before it (0 if none)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].span.of(self.text)

    def paragraph_text(self, index: int) -> str:
        return self.paragraphs[index].span.of(self.text)

    def sentence_role(self, index: int) -> Role:
        return self.paragraphs[self.sentences[index].paragraph].role

    def is_content_sentence(self, index: int) -> bool:
        """True for the sentences that are aligned and counted: in a title, heading or body
        paragraph, and holding a word.

        Captions, bylines and boilerplate are not the article's statements, and a sentence
        without a letter or digit (a ``* * *`` divider, a lone dash or bullet) says nothing:
        neither is shared or unique, so identical articles are wholly shared.
        """
        if not self.sentence_role(index).is_content:
            return False
        span = self.sentences[index].span
        return _WORD_CHAR.search(self.text, span.start, span.end) is not None


class LinkKind(StrEnum):
    SAME = "same"
    PARAPHRASE = "paraphrase"
    PARTIAL = "partial"


class DiffTag(StrEnum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"  # words only in A
    INSERT = "insert"  # words only in B


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of a word diff inside a link: the A words and/or B words it covers."""

    tag: DiffTag
    a: Span | None
    b: Span | None

    def __post_init__(self) -> None:
        # DELETE has A words only, INSERT B words only, EQUAL and REPLACE both
        if (self.a is None) != (self.tag is DiffTag.INSERT) or (self.b is None) != (
            self.tag is DiffTag.DELETE
        ):
            raise ValueError(f"diff op {self.tag} with spans {self.a} and {self.b}")

    def side(self, side: Side) -> Span | None:
        return self.a if side == "a" else self.b


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of A that say what sentences of B say (indices into ``Document.sentences``).

    One-to-many and many-to-one links hold several indices on one side, sorted ascending.
    ``by`` says who made it; ``cover`` is the aligner's ``(cover_a, cover_b)``, the share of
    each side's content the other carries (a hand link carries both sides whole), kept so that
    an edit can work out the coverage of the sentences it touches again.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    kind: LinkKind
    diff: tuple[DiffOp, ...] = ()
    by: By = "aligner"
    cover: tuple[float, float] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.a or not self.b:
            raise ValueError("a link joins at least one sentence on each side")
        if not 0.0 <= self.similarity <= 1.0:
            raise ValueError(f"similarity {self.similarity} outside [0, 1]")

    def side(self, side: Side) -> tuple[int, ...]:
        return self.a if side == "a" else self.b


@dataclass(frozen=True, slots=True)
class ParagraphLink:
    """Paragraph ``a`` of A and paragraph ``b`` of B share linked sentences."""

    a: int
    b: int
    similarity: float


class Coverage(StrEnum):
    SHARED = "shared"
    PARTIAL = "partial"
    UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    """How much of one sentence the other article carries, and through which links.

    ``counted`` is False for sentences in caption/byline/boilerplate paragraphs: they are shown
    but left out of alignment and statistics. ``mark`` is a decision made by hand that overrides
    the links: ``"not_shared"`` (the other article does not say this) or ``"shared"`` (it does,
    spread over passages with no single counterpart); empty when the links decide.
    """

    status: Coverage
    score: float
    links: tuple[int, ...] = ()
    counted: bool = True
    mark: Literal["", "not_shared", "shared"] = ""


class FactKind(StrEnum):
    DATE = "date"
    NUMBER = "number"
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    QUOTE = "quote"
    OTHER = "other"


class FactStatus(StrEnum):
    SHARED = "shared"
    ONLY_A = "only_a"
    ONLY_B = "only_b"
    CONFLICT = "conflict"


# which sides a fact of each status occurs on
_FACT_SIDES = {
    FactStatus.SHARED: (True, True),
    FactStatus.CONFLICT: (True, True),
    FactStatus.ONLY_A: (True, False),
    FactStatus.ONLY_B: (False, True),
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact matched across the two articles, with every place it occurs on each side.

    ``value`` is the normalized form (``--11-27``, ``28 point``, ``Vladimir Putin``);
    ``values`` holds each side's surface value when the status is a conflict.
    ``content`` is False when every occurrence sits in caption/byline/boilerplate paragraphs.
    ``note`` says how a value was decided where that was a guess (e.g. day-first dates).
    ``why`` says why the sides were matched: ``same value``, ``equivalent value: 45 km = 28
    miles``, ``range agreement: more than 100 ~ 127``, or for a conflict what disagrees.
    """

    kind: FactKind
    value: str
    status: FactStatus
    a: tuple[Span, ...]
    b: tuple[Span, ...]
    values: tuple[str, str] | None = None
    content: bool = True
    note: str = ""
    why: str = ""

    def __post_init__(self) -> None:
        if not (self.a or self.b):
            raise ValueError(f"fact {self.value!r} occurs on neither side")
        if (bool(self.a), bool(self.b)) != _FACT_SIDES[self.status]:
            raise ValueError(
                f"fact {self.value!r} is {self.status} but occurs in A {len(self.a)}"
                f"× and in B {len(self.b)}×"
            )
        if (self.values is not None) != (self.status is FactStatus.CONFLICT):
            raise ValueError(f"fact {self.value!r}: two values only for a conflict")
        for spans in (self.a, self.b):
            if any(x.start > y.start for x, y in pairwise(spans)):
                raise ValueError(f"fact {self.value!r}: occurrences out of text order")

    def side(self, side: Side) -> tuple[Span, ...]:
        return self.a if side == "a" else self.b


@dataclass(frozen=True, slots=True)
class Summary:
    """Headline figures. ``a_shared``/``b_shared`` are fractions in [0, 1] of counted text."""

    a_shared: float
    b_shared: float
    links: int
    a_unique: int = 0
    b_unique: int = 0
    a_partial: int = 0
    b_partial: int = 0
    conflicts: int = 0

    # the flat ``a_``/``b_`` fields are the JSON contract; these pick them by side
    @property
    def shared(self) -> Sides[float]:
        return Sides(self.a_shared, self.b_shared)

    @property
    def unique(self) -> Sides[int]:
        return Sides(self.a_unique, self.b_unique)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a view or exporter needs; built once by ``core.compare.compare``."""

    a: Document
    b: Document
    links: tuple[Link, ...]
    paragraph_links: tuple[ParagraphLink, ...]
    coverage_a: tuple[SentenceCoverage, ...]
    coverage_b: tuple[SentenceCoverage, ...]
    facts: tuple[Fact, ...]
    summary: Summary
    created: str = ""  # ISO 8601 time the comparison was made
    #: the thresholds the comparison was made with (reports record them)
    options: CompareOptions = field(default_factory=CompareOptions, compare=False, hash=False)

    def __post_init__(self) -> None:
        if len(self.coverage_a) != len(self.a.sentences):
            raise ValueError("coverage_a needs one entry per sentence of A")
        if len(self.coverage_b) != len(self.b.sentences):
            raise ValueError("coverage_b needs one entry per sentence of B")

    def document(self, side: Side) -> Document:
        return self.a if side == "a" else self.b

    def coverage(self, side: Side) -> tuple[SentenceCoverage, ...]:
        return self.coverage_a if side == "a" else self.coverage_b

    def links_of(self, side: Side, sentence: int) -> tuple[int, ...]:
        """Indices into ``links`` of the links that hold this sentence."""
        return self.coverage(side)[sentence].links
