"""Review sessions in the window: Save session (Ctrl+S), Save session as, Open session, Recent
sessions; the title names the session and shows an unsaved-changes marker; closing with unsaved
edits asks.

A session (``core.session``) keeps the articles' sources and the hand edits, not the result:
opening one compares its articles again and replays the edits as undoable steps, then says if an
article changed and which edits could not be placed.

Imports: PySide6, core, gui.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from shiboken6 import isValid

from core.errors import ArticleComparerError
from core.session import (
    SUFFIX,
    SavedSource,
    Session,
    load_session,
    options_of,
    place_edits,
    save_session,
    session_of,
    text_hash,
)
from gui.comparison_model import Source
from gui.review_actions import ReviewActions
from gui.window_settings import settings_list

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

MAX_RECENT_SESSIONS = 8
_FILTER = f"Article Comparer sessions (*{SUFFIX});;All files (*)"


def sources_of(session: Session) -> tuple[Source, Source]:
    """The window's sources for a session's articles."""
    out = []
    for saved in session.sources:
        if saved.path is not None:
            out.append(Source.of_path(saved.path))
        else:
            out.append(Source.pasted(saved.text or "", saved.name, html=saved.html))
    return out[0], out[1]


class SessionActions(QObject):
    def __init__(self, window: MainWindow, review: ReviewActions) -> None:
        super().__init__(window)
        self.window = window
        self.review = review
        self.path: Path | None = None  # the session file the comparison on screen belongs to
        self._opening: tuple[Session, Path] | None = None  # waiting for its comparison
        self.last_report = ""  # what reopening the last session said (tests read it)
        w = window
        self.act_open = self._action("Open &session…", self.open_dialog, "Ctrl+Shift+O")
        self.act_save = self._action(
            "Sa&ve session", self.save, QKeySequence.StandardKey.Save, "Ctrl+S"
        )
        self.act_save_as = self._action(
            "Save session &as…", self.save_as, QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S"
        )
        self.recent_menu = QMenu("Recent s&essions", w)
        self.recent_menu.setObjectName("recent_sessions_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._install_menu()
        review.stack.cleanChanged.connect(self._on_stack_clean_changed)
        w.comparison_shown.connect(self._on_window_comparison_shown)
        w.controller.failed.connect(self._on_controller_failed)
        w.controller.cancelled.connect(self._on_controller_failed)
        self._fill_recent_menu()

    def _action(
        self,
        text: str,
        slot: object,
        key: QKeySequence.StandardKey | str,
        fallback: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        shortcut = QKeySequence(key)
        if shortcut.isEmpty() and fallback:  # some platforms have no standard Save As key
            shortcut = QKeySequence(fallback)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _install_menu(self) -> None:
        bar = self.window.menuBar()
        menu = next((a.menu() for a in bar.actions() if a.menu() is not None), None)
        if not isinstance(menu, QMenu):
            menu = bar.addMenu("&File")
        before = self.window.act_export  # sessions go above the export
        menu.insertAction(before, self.act_open)
        menu.insertMenu(before, self.recent_menu)
        menu.insertAction(before, self.act_save)
        menu.insertAction(before, self.act_save_as)
        menu.insertSeparator(before)

    # -- title and unsaved marker ---------------------------------------------------------
    def update_title(self) -> None:
        w = self.window
        sources = w.model.sources
        if self.path is not None:
            name = self.path.name
        elif sources is not None:
            name = f"{sources[0].label} ↔ {sources[1].label}"
        else:
            name = ""
        w.setWindowTitle(f"{name}[*] — Article Comparer" if name else "Article Comparer[*]")
        w.setWindowModified(not self.review.stack.isClean())

    @Slot(bool)
    def _on_stack_clean_changed(self, _clean: bool) -> None:
        if isValid(self.window):  # the stack also says so while the window is being deleted
            self.update_title()

    # -- saving -----------------------------------------------------------------------------
    def _saved_sources(self) -> tuple[SavedSource, SavedSource] | None:
        comparison, sources = self.window.model.comparison, self.window.model.sources
        if comparison is None or sources is None:
            return None
        out = []
        for source, doc in zip(sources, (comparison.a, comparison.b), strict=True):
            digest = text_hash(doc.text)
            if source.path is not None:
                out.append(SavedSource(source.label, digest, source.path))
            else:
                out.append(SavedSource(source.label, digest, None, source.text, source.html))
        return out[0], out[1]

    def save_to(self, path: Path) -> bool:
        """Write the session to ``path``; a failure is one line in a dialog, nothing is lost."""
        comparison = self.window.model.comparison
        sources = self._saved_sources()
        if comparison is None or sources is None:
            return False
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        session = session_of(comparison, sources, self.review.edits())
        try:
            save_session(session, path)
        except (ArticleComparerError, OSError) as e:
            self.window.show_error("Cannot save the session", str(e))
            return False
        self.path = path
        self.review.stack.setClean()
        self._add_recent(path)
        self.update_title()
        n = len(session.edits)
        self.window.statusBar().showMessage(
            f"Session saved to {path} ({n} hand edit{'s' if n != 1 else ''})", 10000
        )
        return True

    @Slot()
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    @Slot()
    def save_as(self) -> bool:
        if self.window.model.comparison is None:
            return False
        start = str(self.path) if self.path is not None else self.window.prefs.last_dir()
        name, _ = QFileDialog.getSaveFileName(self.window, "Save session", start, _FILTER)
        if not name:
            return False
        return self.save_to(Path(name))

    # -- unsaved edits ----------------------------------------------------------------------
    def ask_unsaved(self) -> str:
        """``save``, ``discard`` or ``cancel`` (a dialog; tests replace it)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            "Unsaved hand edits",
            "The hand edits of this comparison are not saved. Save them as a session?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")

    def may_discard(self) -> bool:
        """True when the edits on screen are saved, or the person chose to save or drop them."""
        if self.review.stack.isClean() or not self.window.interactive:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- opening ----------------------------------------------------------------------------
    @Slot()
    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open session", self.window.prefs.last_dir(), _FILTER
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> bool:
        """Open a session: compare its articles again, then replay its edits (asynchronous)."""
        try:
            session = load_session(path)
        except ArticleComparerError as e:
            self.window.show_error("Cannot open the session", str(e))
            self.window.statusBar().showMessage(str(e), 10000)
            return False
        previous = self.window.controller.request_id
        self._opening = (session, path)
        if self.window.compare_sources(sources_of(session), options_of(session)) == previous:
            self._opening = None  # the person kept the unsaved edits on screen
            return False
        return True

    @Slot()
    def _on_window_comparison_shown(self) -> None:
        """A comparison the controller delivered is on screen: replay the session being
        opened onto it, if any."""
        opening, self._opening = self._opening, None
        if opening is None:
            self.path = None  # a new comparison: no session file describes it yet
            self.update_title()
            return
        session, path = opening
        base = self.window.model.comparison
        assert base is not None
        placed = place_edits(session, base)
        before = base
        for edit, after in zip(placed.edits, placed.after, strict=True):
            self.review.push_replayed(before, after, edit, "Replayed edit")
            before = after
        self.review.stack.setClean()
        self.path = path
        self._add_recent(path)
        self.update_title()
        self._report(session, placed.changed, len(placed.edits), placed.unplaced)

    def _report(
        self, session: Session, changed: tuple[str, ...], placed: int, unplaced: tuple[str, ...]
    ) -> None:
        lines = []
        for side in changed:
            saved = session.sources[0 if side == "a" else 1]
            lines.append(f"{side.upper()} ({saved.name}) changed since the session was saved.")
        total = placed + len(unplaced)
        summary = f"{placed} of {total} hand edit{'s' if total != 1 else ''} placed."
        self.last_report = "\n".join([*lines, summary, *unplaced])
        self.window.statusBar().showMessage(" ".join([*lines, summary]), 15000)
        if unplaced or changed:
            detail = "\n".join(f"• {u}" for u in unplaced)
            message = "\n".join([*lines, summary]) + (
                "\n\nThese could not be placed:\n" + detail if detail else ""
            )
            if self.window.interactive:  # shown without blocking: the window is usable behind it
                box = QMessageBox(
                    QMessageBox.Icon.Information, "Session reopened", message, parent=self.window
                )
                box.setObjectName("session_report")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()
            else:
                log.info("session reopened: %s", message)

    @Slot()
    def _on_controller_failed(self, *_args: object) -> None:
        self._opening = None

    # -- recent sessions --------------------------------------------------------------------
    def recent(self) -> list[Path]:
        return [Path(x) for x in settings_list(self.window.settings, "recent_sessions") if x]

    def _add_recent(self, path: Path) -> None:
        path = path.absolute()
        paths = [p for p in self.recent() if p != path]
        paths.insert(0, path)
        self.window.settings.setValue(
            "recent_sessions", [str(p) for p in paths[:MAX_RECENT_SESSIONS]]
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        if not paths:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
            return
        for p in paths:
            act = self.recent_menu.addAction(p.name)
            act.setToolTip(str(p))
            act.triggered.connect(lambda _=False, x=p: self.open(x))
