"""Keeps the two panes together: scroll sync through the links, and levelling a picked passage
or fact with its counterpart in the other pane.

Scrolling the panes from code must not set off scroll sync again (a feedback loop), so every
programmatic scroll runs inside ``scroll_guard``. Sync follows ``core.scroll_sync``: an anchor
per link of the monotone chain around the sentence at the sync point, and a steady direction.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

from core.labels import FACT_STATUS_LABEL
from core.model import Side
from core.scroll_sync import Anchor, steady, sync_scroll, syncpoint
from gui.comparison_model import SIDES, other
from gui.wording import fact_label, fact_words

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class PaneSync:
    """Scroll sync between the window's panes, and picking passages and facts in both."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.model, self.views = window.model, window.views
        self._syncing = False
        self._synced_at: dict[Side, int] = {}  # scroll values when the panes were last synced
        for side, view in window.views.items():
            view.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self._on_view_scrolled(s)
            )

    @contextmanager
    def scroll_guard(self, forget_direction: bool = True) -> Iterator[None]:
        """Programmatic scrolling must not trigger scroll sync (no feedback loops)."""
        previous = self._syncing
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = previous
            if forget_direction and not previous:
                self._synced_at = {}  # the panes moved on their own: no direction to keep

    def activate_passage(self, side: Side, sentence: int) -> None:
        """Select a passage; level its counterpart with it in the other pane."""
        if self.model.comparison is None:
            return
        message = self.model.select_passage(side, sentence)
        self.window.statusBar().showMessage(message, 15000)
        if self.model.selected_link is None:
            return
        link = self.model.link(self.model.selected_link)
        src, dst = self.views[side], self.views[other(side)]
        with self.scroll_guard():
            doc_src = self.model.comparison.document(side)
            src_offset = doc_src.sentences[sentence].span.start
            top, _ = src.span_y(src_offset, src_offset + 1, exact=True)
            if top < 0 or top > src.viewport().height() - 20:
                src.scroll_offset_to(src_offset, src.viewport().height() // 3)
                top, _ = src.span_y(src_offset, src_offset + 1, exact=True)
            doc_dst = self.model.comparison.document(other(side))
            dst_offset = doc_dst.sentences[min(link.side(other(side)))].span.start
            dst.scroll_offset_to(dst_offset, top)
            dst_top, _ = dst.span_y(dst_offset, dst_offset + 1, exact=True)
            if dst_top != top:  # the counterpart hit a document end: move the source instead
                src.scroll_offset_to(src_offset, dst_top)

    def select_link(self, index: int) -> None:
        """Select a link (a band clicked in the connector strip) and describe it."""
        self.model.select_link(index)
        self.window.statusBar().showMessage(self.model.describe_link(index), 15000)

    def select_fact(self, index: int) -> None:
        """Highlight every occurrence of a fact and scroll each pane to its first one."""
        if self.model.comparison is None:
            return
        self.model.select_fact(index)
        fact = self.model.fact(index)
        with self.scroll_guard():
            for side in SIDES:
                spans = fact.side(side)
                if spans:
                    view = self.views[side]
                    view.scroll_offset_to(spans[0].start, view.viewport().height() // 3)
        where = []
        if fact.a:
            where.append(f"{len(fact.a)}× in A")
        if fact.b:
            where.append(f"{len(fact.b)}× in B")
        texts = (self.model.comparison.a.text, self.model.comparison.b.text)
        words = fact_words(fact, texts)
        values = f" — A: {words[0]!r}, B: {words[1]!r}" if words else ""
        self.window.statusBar().showMessage(
            f"{FACT_STATUS_LABEL[fact.status]} {fact.kind.value}: {fact_label(fact, texts)} "
            f"({', '.join(where)}){values}",
            15000,
        )

    def on_lock_toggled(self) -> None:
        if self.window.act_lock.isChecked():
            self.sync_from("a")

    def _on_view_scrolled(self, side: Side) -> None:
        if self._syncing or not self.window.act_lock.isChecked():
            return
        self.sync_from(side)

    def sync_from(self, side: Side) -> None:
        """Scroll the other pane to follow ``side`` through the links (core.scroll_sync)."""
        comparison = self.model.comparison
        if comparison is None or not self.window.act_lock.isChecked():
            return
        src, dst = self.views[side], self.views[other(side)]
        if src.shown is not comparison or dst.shown is not comparison:
            return  # a pane is still being switched to a new comparison
        bar, target_bar = src.verticalScrollBar(), dst.verticalScrollBar()
        fraction = syncpoint(bar.value(), bar.pageStep(), bar.maximum())
        y = int(fraction * src.viewport().height())
        sentence = self.model.sentence_near(side, src.offset_at(QPoint(0, y)))
        anchors: list[Anchor] = []
        for k in self.model.chain_around(side, sentence):
            link = comparison.links[k]
            s_top, s_bottom = src.sentences_y(link.side(side), exact=True)
            t_top, t_bottom = dst.sentences_y(link.side(other(side)), exact=True)
            anchors.append(
                (
                    float(s_top + bar.value()),
                    float(s_bottom + bar.value()),
                    float(t_top + target_bar.value()),
                    float(t_bottom + target_bar.value()),
                )
            )
        value = sync_scroll(
            bar.value(),
            bar.pageStep(),
            bar.maximum(),
            target_bar.pageStep(),
            target_bar.maximum(),
            anchors,
        )
        delta = bar.value() - self._synced_at.get(side, bar.value())
        value = round(steady(target_bar.value(), value, delta))
        with self.scroll_guard(forget_direction=False):
            target_bar.setValue(value)
        self._synced_at = {side: bar.value(), other(side): target_bar.value()}
