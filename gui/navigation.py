"""Stepping through a comparison: the next or previous unique passage of the focused pane, and
the next or previous conflicting fact, wrapping around at either end.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

from core.model import Side
from gui.wording import counted

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class Navigation:
    """Unique passages and conflicts, one step at a time."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.model, self.views = window.model, window.views
        self.conflict_pos = -1  # the conflict last stepped to; -1 for a new comparison

    def _focused_side(self) -> Side:
        if self.views["b"].hasFocus():
            return "b"
        if self.views["a"].hasFocus():
            return "a"
        return self.model.active[0] if self.model.active else "a"

    def next_unique(self, step: int) -> None:
        comparison = self.model.comparison
        if comparison is None:
            return
        side = self._focused_side()
        runs = self.model.unique_runs(side)
        name = side.upper()
        if not runs:
            self.window.statusBar().showMessage(f"No unique passages in {name}.", 5000)
            return
        view = self.views[side]
        if self.model.active and self.model.active[0] == side:
            current = self.model.active[1]
        else:
            offset = view.offset_at(QPoint(0, 0))
            current = self.model.sentence_near(side, offset) - (1 if step > 0 else 0)
        if step > 0:
            after = [r for r in runs if r > current]
            target, wrapped = (after[0], False) if after else (runs[0], True)
        else:
            before = [r for r in runs if r < current]
            target, wrapped = (before[-1], False) if before else (runs[-1], True)
        self.model.select_passage(side, target)
        offset = comparison.document(side).sentences[target].span.start
        with self.window.sync.scroll_guard():
            view.scroll_offset_to(offset, view.viewport().height() // 3)
        self.window.sync.sync_from(side)
        n = runs.index(target) + 1
        end = self.model.unique_run_end(side, target)
        self.window.statusBar().showMessage(
            f"Unique passage {n} of {len(runs)} in {name} ({counted(end - target, 'sentence')})"
            + (" — wrapped around" if wrapped else ""),
            10000,
        )

    def next_conflict(self, step: int) -> None:
        conflicts = self.model.conflicts
        if not conflicts:
            self.window.statusBar().showMessage("No conflicting facts.", 5000)
            return
        if self.model.selected_fact in conflicts:
            self.conflict_pos = conflicts.index(self.model.selected_fact)
        self.conflict_pos = (self.conflict_pos + step) % len(conflicts)
        if self.conflict_pos < 0:
            self.conflict_pos += len(conflicts)
        index = conflicts[self.conflict_pos]
        self.window.sync.select_fact(index)
        self.window.facts_dock.show_fact(index)
