"""The one object holding the Comparison on screen and what the user selected in it.

Views subscribe to ``comparison_changed`` and ``selection_changed`` and query this model; they
never talk to each other, so a new view needs no wiring to the others. Everything derived from
the Comparison that views need often (sentence lookup, unique runs, the monotone chain of links
used for scroll sync) is computed once here, when the comparison arrives.

Imports: PySide6.QtCore, core.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.fetch import is_url
from core.model import Comparison, Coverage, Fact, FactStatus, Link, Side
from core.scroll_sync import monotone_chain
from gui.prepared_panes import PreparedPane, PreparedPanes
from gui.wording import counted

log = logging.getLogger(__name__)

SIDES: tuple[Side, Side] = ("a", "b")


def other(side: Side) -> Side:
    return "b" if side == "a" else "a"


@dataclass(frozen=True)
class Source:
    """Where one article comes from: a file, or text pasted from the clipboard."""

    path: Path | None = None
    text: str | None = None
    name: str = "<pasted>"
    html: str | None = None  # pasted rich text, read as HTML first (plain text as fallback)
    url: str | None = None  # a web page, fetched in the worker

    @staticmethod
    def of_path(path: Path | str) -> Source:
        p = Path(path)
        return Source(path=p, name=p.name)

    @staticmethod
    def of_url(url: str) -> Source:
        return Source(url=url, name=url)

    @staticmethod
    def of_input(name: str | Path) -> Source:
        """A file path, or a web address given as a string."""
        if isinstance(name, str) and is_url(name):
            return Source.of_url(name)
        return Source.of_path(name)

    @staticmethod
    def pasted(text: str, name: str = "<pasted>", html: str | None = None) -> Source:
        return Source(text=text, name=name, html=html)

    @property
    def label(self) -> str:
        if self.url is not None:  # host and last path segment: "example.org › storm-report"
            host, _, rest = self.url.split("://", 1)[-1].partition("/")
            tail = rest.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            return f"{host} › {tail}" if tail else host
        return self.name if self.path is None else self.path.name

    @property
    def tooltip(self) -> str:
        if self.url is not None:
            return self.url
        return str(self.path) if self.path is not None else "pasted from the clipboard"


class ComparisonModel(QObject):
    comparison_changed = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.sources: tuple[Source, Source] | None = None
        self.selected_link: int | None = None
        self.selected_fact: int | None = None
        self.active: tuple[Side, int] | None = None  # the passage the user picked
        self.sync_chain: list[int] = []  # link indices, increasing on both sides
        self._chain_a: list[int] = []  # first A sentence of each chain link
        self.conflicts: list[int] = []  # fact indices of conflicts, in reading order of A
        # What the worker computed for the panes of this comparison (None: nothing).
        self.prepared: PreparedPanes | None = None
        # While a hand edit's comparison is announced: the sentences it touched, by side (views
        # restyle those in place and keep their scroll position); None for a new comparison.
        self.edited: dict[Side, frozenset[int]] | None = None

    # -- setting ------------------------------------------------------------------------------
    def set_comparison(
        self,
        comparison: Comparison,
        sources: tuple[Source, Source],
        prepared: PreparedPanes | None = None,
    ) -> None:
        self.comparison = comparison
        self.sources = sources
        self.prepared = prepared
        self.selected_link = self.selected_fact = None
        self.active = None
        self._index(comparison)
        log.debug(
            "comparison set: %d links, %d facts", len(comparison.links), len(comparison.facts)
        )
        self.comparison_changed.emit()
        self.selection_changed.emit()

    def set_edited(
        self,
        comparison: Comparison,
        touched: dict[Side, frozenset[int]],
        select: tuple[Side, int] | None = None,
    ) -> None:
        """Show the comparison a hand edit made of the one on screen (same documents): views
        restyle the ``touched`` sentences in place. The passage ``select`` (or the one picked
        before) stays picked, with its newest link if it has one."""
        self.comparison = comparison
        self._index(comparison)
        active = select or self.active
        self.selected_fact = None
        self.active = active
        links = comparison.links_of(*active) if active is not None else ()
        self.selected_link = links[-1] if links else None  # the newest: a link just made
        self.edited = touched
        try:
            self.comparison_changed.emit()
        finally:
            self.edited = None
        self.selection_changed.emit()

    def _index(self, comparison: Comparison) -> None:
        """What views look up often, computed once per comparison."""
        pairs = [(min(link.a), min(link.b)) for link in comparison.links]
        self.sync_chain = monotone_chain(pairs)
        self._chain_a = [pairs[k][0] for k in self.sync_chain]
        self.conflicts = [
            i for i, f in enumerate(comparison.facts) if f.status is FactStatus.CONFLICT
        ]
        self.conflicts.sort(key=lambda i: _first_offset(comparison.facts[i]))

    # -- queries ------------------------------------------------------------------------------
    def prepared_pane(self, side: Side) -> PreparedPane | None:
        """What the worker prepared for ``side``'s pane of the comparison on screen, if any."""
        prepared = self.prepared[side] if self.prepared is not None else None
        return prepared if prepared is not None and prepared.comparison is self.comparison else None

    def sentence_at(self, side: Side, offset: int) -> int | None:
        """Index of the sentence of ``side`` holding code-point ``offset``, if any."""
        if self.comparison is None:
            return None
        return self.comparison.document(side).sentence_at(offset)

    def sentence_near(self, side: Side, offset: int) -> int:
        """The sentence holding ``offset`` or the last one starting before it (0 if none)."""
        if self.comparison is None:
            return 0
        return self.comparison.document(side).sentence_near(offset)

    def link(self, index: int) -> Link:
        assert self.comparison is not None
        return self.comparison.links[index]

    def chain_neighbours(self, sentence_a: int) -> list[int]:
        """Link indices of the sync chain around A sentence ``sentence_a`` (at most three)."""
        k = bisect_right(self._chain_a, sentence_a)
        lo, hi = max(0, k - 2), min(len(self.sync_chain), k + 1)
        return self.sync_chain[lo:hi]

    def chain_around(self, side: Side, sentence: int) -> list[int]:
        """Like ``chain_neighbours`` but for a sentence of either side."""
        if side == "a":
            return self.chain_neighbours(sentence)
        assert self.comparison is not None
        keys = [min(self.comparison.links[k].b) for k in self.sync_chain]
        k = bisect_right(keys, sentence)
        return self.sync_chain[max(0, k - 2) : min(len(self.sync_chain), k + 1)]

    def unique_runs(self, side: Side) -> list[int]:
        """First sentence of each run of counted unique sentences on ``side``."""
        if self.comparison is None:
            return []
        runs: list[int] = []
        prev = False
        for i, cov in enumerate(self.comparison.coverage(side)):
            unique = cov.status is Coverage.UNIQUE and cov.counted
            if unique and not prev:
                runs.append(i)
            prev = unique
        return runs

    def unique_run_end(self, side: Side, start: int) -> int:
        """One past the last sentence of the unique run starting at ``start``."""
        assert self.comparison is not None
        cov = self.comparison.coverage(side)
        end = start
        while end < len(cov) and cov[end].status is Coverage.UNIQUE and cov[end].counted:
            end += 1
        return max(end, start + 1)

    # -- selecting ----------------------------------------------------------------------------
    def select_passage(self, side: Side, sentence: int) -> str:
        """Select what the user picked; returns a status-bar message."""
        assert self.comparison is not None
        comparison = self.comparison
        links = comparison.links_of(side, sentence)
        k: int | None
        if links and self.active == (side, sentence) and self.selected_link in links:
            # Picking the same passage again steps through its links (one-to-many).
            k = links[(links.index(self.selected_link) + 1) % len(links)]
        else:
            k = links[0] if links else None
        self.active = (side, sentence)
        self.selected_link = k
        self.selected_fact = None
        self.selection_changed.emit()
        cov = comparison.coverage(side)[sentence]
        name = side.upper()
        if k is None:
            if not cov.counted:
                return f"Not compared: caption, byline or boilerplate of {name}."
            return f"Only in {name}: this passage has no counterpart in the other article."
        more = f" (link {links.index(k) + 1} of {len(links)}; click again for the next)"
        return self.describe_link(k) + (more if len(links) > 1 else "")

    def select_link(self, index: int) -> None:
        """Select a link directly (e.g. a band clicked in the connector strip)."""
        assert self.comparison is not None
        self.selected_link = index
        self.selected_fact = None
        self.active = ("a", min(self.comparison.links[index].a))
        self.selection_changed.emit()

    def describe_link(self, index: int) -> str:
        assert self.comparison is not None
        link = self.comparison.links[index]
        made = "Link made by hand (" + link.kind.value if link.by == "hand" else None
        if made is not None:
            return (
                f"{made}, similarity {link.similarity:.2f}): "
                f"{counted(len(link.a), 'sentence')} of A ↔ {len(link.b)} of B · Delete unlinks"
            )
        return (
            f"{link.kind.value.capitalize()} link, similarity {link.similarity:.2f}: "
            f"{counted(len(link.a), 'sentence')} of A ↔ {len(link.b)} of B"
        )

    def select_fact(self, index: int | None) -> None:
        self.selected_fact = index
        self.selected_link = None
        self.active = None
        self.selection_changed.emit()

    def fact(self, index: int) -> Fact:
        assert self.comparison is not None
        return self.comparison.facts[index]


def _first_offset(fact: Fact) -> int:
    spans = fact.a or fact.b
    return spans[0].start if spans else 0
