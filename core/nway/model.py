"""The result types of an N-way comparison: statements, cross-article facts, the whole result.

An N-way comparison is built from the pairwise ``Comparison`` of every two of the N documents
(each made by ``core.compare.compare`` as for two). Like ``core.model`` the types are frozen,
slotted dataclasses of tuples, indexed by the documents' position in ``documents``.

Imports: standard library and core.model only.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.model import Comparison, Document, FactKind, Span

MIN_DOCUMENTS = 2
MAX_DOCUMENTS = 8


class Cell(StrEnum):
    """How one article carries one statement (a cell of the coverage matrix)."""

    ABSENT = "absent"
    SHARED = "shared"  # linked as the same or a paraphrase in at least one other article
    PARTIAL = "partial"  # only partly carried by the others
    CONFLICT = "conflict"  # carried, but a fact in it conflicts with another article's
    UNIQUE = "unique"  # no other article carries it ("only here")


@dataclass(frozen=True, slots=True)
class Statement:
    """A connected set of linked sentences across the articles.

    ``sentences[d]`` holds the sentence indices of document ``d`` in this statement (empty when
    the article does not carry it); ``cells[d]`` says how it carries it.
    """

    sentences: tuple[tuple[int, ...], ...]
    cells: tuple[Cell, ...]

    def __post_init__(self) -> None:
        if len(self.sentences) != len(self.cells):
            raise ValueError("a statement needs one cell per document")
        if not any(self.sentences):
            raise ValueError("a statement holds at least one sentence")
        for held, cell in zip(self.sentences, self.cells, strict=True):
            if bool(held) == (cell is Cell.ABSENT):
                raise ValueError("a cell is absent exactly when its article has no sentence")

    @property
    def carriers(self) -> tuple[int, ...]:
        """Indices of the documents that carry this statement."""
        return tuple(d for d, held in enumerate(self.sentences) if held)

    @property
    def count(self) -> int:
        return sum(1 for held in self.sentences if held)

    @property
    def only_here(self) -> int | None:
        """The one document that carries the statement, or None when several do."""
        carriers = self.carriers
        return carriers[0] if len(carriers) == 1 else None


class CrossStatus(StrEnum):
    SHARED = "shared"  # several articles carry it with one value
    ONLY = "only"  # one article carries it
    CONFLICT = "conflict"  # articles give the same slot different values


@dataclass(frozen=True, slots=True)
class CrossFact:
    """One fact across the N articles.

    ``spans[d]`` are its occurrences in document ``d`` (empty when the article does not carry
    it) and ``values[d]`` the normalized value that article gives (None when absent). For a
    conflict, ``by_value`` names which articles say which value.
    """

    kind: FactKind
    value: str
    status: CrossStatus
    spans: tuple[tuple[Span, ...], ...]
    values: tuple[str | None, ...]
    content: bool = True

    @property
    def carriers(self) -> tuple[int, ...]:
        return tuple(d for d, v in enumerate(self.values) if v is not None)

    @property
    def by_value(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """``(value, articles)`` for each value given, most articles first."""
        seen: dict[str, list[int]] = {}
        for d, v in enumerate(self.values):
            if v is not None:
                seen.setdefault(v, []).append(d)
        return tuple(
            (v, tuple(ds)) for v, ds in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[1]))
        )


@dataclass(frozen=True, slots=True)
class PairResult:
    """The comparison of documents ``i`` and ``j`` (``i < j``; ``i`` is its side a)."""

    i: int
    j: int
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class NWayComparison:
    """Everything an N-way view or exporter needs; built once by ``core.nway.compare_many``."""

    documents: tuple[Document, ...]
    pairs: tuple[PairResult, ...]
    statements: tuple[Statement, ...]
    facts: tuple[CrossFact, ...]
    created: str = ""

    def __post_init__(self) -> None:
        n = len(self.documents)
        if not MIN_DOCUMENTS <= n <= MAX_DOCUMENTS:
            raise ValueError(f"{n} documents: compare {MIN_DOCUMENTS} to {MAX_DOCUMENTS}")
        if len(self.pairs) != n * (n - 1) // 2:
            raise ValueError("an N-way comparison holds one pair result per two documents")

    def pair(self, i: int, j: int) -> Comparison:
        """The comparison with document ``i`` as side a and ``j`` as side b (any order)."""
        if i == j:
            raise ValueError("a pair needs two different documents")
        lo, hi = sorted((i, j))
        for p in self.pairs:
            if (p.i, p.j) == (lo, hi):
                if i < j:
                    return p.comparison
                from core.nway.mirror import mirrored

                return mirrored(p.comparison)
        raise KeyError((i, j))

    def statement_of(self, document: int, sentence: int) -> int | None:
        """Index of the statement holding this sentence, or None (not a content sentence)."""
        for k, st in enumerate(self.statements):
            if sentence in st.sentences[document]:
                return k
        return None

    def order_by(self, reference: int) -> tuple[int, ...]:
        """Statement indices in the order of ``reference``'s text, then the rest.

        The rest follow in the order of the first article that carries them, then its text.
        """

        def key(k: int) -> tuple[int, int, int]:
            st = self.statements[k]
            held = st.sentences[reference]
            if held:
                return (0, held[0], 0)
            first = st.carriers[0]
            return (1 + first, st.sentences[first][0], 0)

        return tuple(sorted(range(len(self.statements)), key=key))
