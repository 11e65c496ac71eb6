"""One hand edit as an undoable command: the comparison before it and the one it made.

Both comparisons are kept (they share everything the edit did not touch), so undo and redo
only hand the model the other one: nothing is recomputed. The model restyles the sentences
whose coverage differs between the two.

Imports: PySide6.QtGui, core, gui.comparison_model.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core.edits import Edit
from core.model import Comparison, Side
from gui.comparison_model import SIDES, ComparisonModel


def changed_sentences(before: Comparison, after: Comparison) -> dict[Side, frozenset[int]]:
    """Sentences of each side whose coverage status or hand mark differs."""
    out: dict[Side, frozenset[int]] = {}
    for side in SIDES:
        old, new = before.coverage(side), after.coverage(side)
        out[side] = frozenset(
            i
            for i, (x, y) in enumerate(zip(old, new, strict=True))
            if x is not y and (x.status, x.mark, bool(x.links)) != (y.status, y.mark, bool(y.links))
        )
    return out


class EditCommand(QUndoCommand):
    def __init__(
        self,
        model: ComparisonModel,
        before: Comparison,
        after: Comparison,
        edit: Edit,
        text: str,
        select: tuple[Side, int] | None = None,
    ) -> None:
        super().__init__(text)
        self.model = model
        self.before, self.after, self.edit = before, after, edit
        self.select = select
        self.touched = changed_sentences(before, after)

    def redo(self) -> None:
        self.model.set_edited(self.after, self.touched, self.select)

    def undo(self) -> None:
        self.model.set_edited(self.before, self.touched, self.select)
