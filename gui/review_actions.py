"""Review mode: correct the links by hand (Link, Unlink, mark a sentence), with undo and redo.

The person picks a passage in each pane (a click picks a sentence, a text selection the
sentences it covers) and chooses Link (Ctrl+K); Unlink (Delete) removes the selected link (a
band clicked, or a linked sentence); a sentence can be marked "not shared" or "shared (no single
counterpart)" from its context menu. Every edit is a ``core.edits`` value applied to the
comparison on screen and pushed on a QUndoStack (Ctrl+Z, Ctrl+Shift+Z) as an ``EditCommand``;
the model then restyles only the sentences it touched.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar

from core.edits import AddLink, Edit, EditError, Mark, MarkSentence, RemoveLink, apply_edit
from core.model import Comparison, Side
from gui.comparison_model import SIDES
from gui.edit_commands import EditCommand
from gui.wording import counted

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

_MARK_WORDS = {
    "not_shared": "not shared",
    "shared": "shared (no single counterpart)",
    "": "decided by the links again",
}


class ReviewActions(QObject):
    """The Edit menu of the window: hand edits and their undo stack."""

    edited = Signal()  # an edit was made, undone or redone

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.stack = QUndoStack(self)
        self._commands: list[EditCommand] = []  # pushed, in order (the stack's own are C++)
        self.picked: dict[Side, tuple[int, ...]] = {}
        self._shown: Comparison | None = None  # the comparison the stack's edits belong to

        self.act_undo = self.stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.act_redo = self.stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_link = self._action(
            "&Link passages", self.link, ["Ctrl+K"], "Link the passages picked in A and in B"
        )
        self.act_unlink = self._action(
            "&Unlink", self.unlink, ["Delete"], "Remove the selected link"
        )
        self.act_not_shared = self._action(
            "Mark as &not shared",
            lambda: self.mark("not_shared"),
            [],
            "The other article does not say this (removes its links)",
        )
        self.act_shared = self._action(
            "Mark as &shared (no single counterpart)",
            lambda: self.mark("shared"),
            [],
            "The other article says this, spread over several passages",
        )
        self.act_clear_mark = self._action(
            "&Clear mark", lambda: self.mark(""), [], "Let the links decide this sentence again"
        )
        for act in (self.act_undo, self.act_redo):
            window.addAction(act)
        self._install_menu()
        self.model.comparison_changed.connect(self._on_model_comparison_changed)
        self.model.selection_changed.connect(self._on_model_selection_changed)
        self.stack.indexChanged.connect(self._on_stack_index_changed)
        for side, view in window.views.items():
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, s=side: self._on_view_context_menu_requested(s, pos)
            )
            view.selectionChanged.connect(lambda s=side: self._on_view_selection_changed(s))
        window.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.strip.customContextMenuRequested.connect(self._on_strip_context_menu_requested)
        self._update_actions()

    def _action(self, text: str, slot: object, keys: list[str], tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(tip + (f" ({keys[0]})" if keys else ""))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _install_menu(self) -> None:
        bar = self.window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        menu = QMenu("&Edit", self.window)
        menu.setObjectName("edit_menu")
        if len(menus) > 1:
            bar.insertMenu(menus[1], menu)  # after File
        else:
            bar.addMenu(menu)
        for act in (self.act_undo, self.act_redo):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.act_link, self.act_unlink):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.act_not_shared, self.act_shared, self.act_clear_mark):
            menu.addAction(act)
        self.menu = menu
        toolbar = self.window.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.act_link)
            toolbar.addAction(self.act_unlink)

    # -- what the edits apply to ------------------------------------------------------------
    def edits(self) -> list[Edit]:
        """The edits in force, in the order they were made (undone ones left out)."""
        return [c.edit for c in self._commands[: self.stack.index()]]

    def _pick_selection(self, side: Side) -> tuple[int, ...]:
        """Sentences the text selected in ``side``'s pane covers (content ones only)."""
        view = self.window.views[side]
        cursor = view.textCursor()
        comparison, positions = self.model.comparison, view.positions
        if comparison is None or positions is None or not cursor.hasSelection():
            return ()
        start = positions.from_qt(cursor.selectionStart())
        end = positions.from_qt(cursor.selectionEnd())
        doc = comparison.document(side)
        first, last = self.model.sentence_near(side, start), self.model.sentence_near(side, end - 1)
        return tuple(
            i
            for i in range(first, last + 1)
            if doc.sentences[i].span.start < end
            and start < doc.sentences[i].span.end
            and doc.is_content_sentence(i)
        )

    def pick(self, side: Side, sentences: tuple[int, ...]) -> None:
        """Pick sentences of one side for the next Link (tests, drag and drop)."""
        self.picked[side] = tuple(sorted(set(sentences)))
        self._update_actions()

    @Slot()
    def _on_model_selection_changed(self) -> None:
        active = self.model.active
        if active is not None and not self.window.views[active[0]].textCursor().hasSelection():
            self.picked[active[0]] = (active[1],)
        self._update_actions()

    def _on_view_selection_changed(self, side: Side) -> None:
        chosen = self._pick_selection(side)
        if chosen:
            self.picked[side] = chosen
            self._update_actions()

    @Slot()
    def _on_model_comparison_changed(self) -> None:
        comparison = self.model.comparison
        if self.model.edited is not None:
            self._shown = comparison
            return
        if comparison is not self._shown:  # a new comparison: its edits start afresh
            self._shown = comparison
            self._commands.clear()
            self.stack.clear()
            self.picked = {}
        self._update_actions()

    def _on_stack_index_changed(self, _index: int) -> None:
        self._update_actions()
        self.edited.emit()

    def _update_actions(self) -> None:
        has = self.model.comparison is not None
        self.act_link.setEnabled(has and all(self.picked.get(s) for s in SIDES))
        self.act_unlink.setEnabled(has and self.model.selected_link is not None)
        active = self.model.active
        markable = False
        if has and active is not None:
            assert self.model.comparison is not None
            markable = self.model.comparison.coverage(active[0])[active[1]].counted
        for act in (self.act_not_shared, self.act_shared, self.act_clear_mark):
            act.setEnabled(markable)

    # -- edits ------------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)

    def apply(self, edit: Edit, text: str, select: tuple[Side, int] | None = None) -> bool:
        """Apply ``edit`` to the comparison on screen as one undoable step."""
        before = self.model.comparison
        if before is None:
            return False
        try:
            after = apply_edit(before, edit)
        except EditError as e:
            self._say(f"Cannot {text.lower()}: {e}")
            return False
        del self._commands[self.stack.index() :]
        command = EditCommand(self.model, before, after, edit, text, select)
        self._commands.append(command)
        self.stack.push(command)
        s = after.summary
        self._say(
            f"{text} (by hand) · {counted(s.links, 'link')} · {s.a_shared:.0%} of A and "
            f"{s.b_shared:.0%} of B shared · Ctrl+Z undoes it"
        )
        return True

    def push_replayed(self, before: Comparison, after: Comparison, edit: Edit, text: str) -> None:
        """A step of a reopened session: already applied, pushed so it can be undone."""
        command = EditCommand(self.model, before, after, edit, text)
        self._commands.append(command)
        self.stack.push(command)

    @Slot()
    def link(self) -> None:
        a, b = self.picked.get("a", ()), self.picked.get("b", ())
        if not (a and b):
            self._say("Pick a passage in A and one in B first (click or select text), then Link.")
            return
        self.apply(
            AddLink(a, b), f"Link {counted(len(a), 'sentence')} of A to {len(b)} of B", ("a", a[0])
        )

    @Slot()
    def unlink(self) -> None:
        k, comparison = self.model.selected_link, self.model.comparison
        if k is None or comparison is None:
            self._say("Select a link first (click a band or a linked passage), then Unlink.")
            return
        link = comparison.links[k]
        text = f"Unlink {counted(len(link.a), 'sentence')} of A from {len(link.b)} of B"
        self.apply(RemoveLink(link.a, link.b), text, self.model.active)

    def mark(self, mark: Mark) -> None:
        active = self.model.active
        if active is None:
            self._say("Pick a sentence first, then mark it.")
            return
        side, i = active
        text = f"Mark sentence {i + 1} of {side.upper()} {_MARK_WORDS[mark]}"
        self.apply(MarkSentence(side, i, mark), text, active)

    # -- context menus ----------------------------------------------------------------------
    def context_menu(self, side: Side, pos: QPoint) -> QMenu:
        """The pane's menu at viewport point ``pos``: the sentence there is picked first."""
        view = self.window.views[side]
        if not view.textCursor().hasSelection():
            sentence = view.sentence_at_point(pos)
            if sentence is not None and self.model.active != (side, sentence):
                self.window.activate_passage(side, sentence)
        menu = view.createStandardContextMenu()
        menu.addSeparator()
        for act in (self.act_link, self.act_unlink):
            menu.addAction(act)
        menu.addSeparator()
        for act in (self.act_not_shared, self.act_shared, self.act_clear_mark):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_undo)
        menu.addAction(self.act_redo)
        return menu

    def _on_view_context_menu_requested(self, side: Side, pos: QPoint) -> None:
        menu = self.context_menu(side, pos)
        menu.exec(self.window.views[side].viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_strip_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.act_unlink)
        menu.addAction(self.act_link)
        menu.exec(self.window.strip.mapToGlobal(pos))
        menu.deleteLater()
