"""The window's status bar while comparing and after: progress and Cancel while a comparison
runs, then its summary, with any reading notes kept in sight.

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from core.model import Comparison
from gui.comparison_model import Source
from gui.wording import counted

log = logging.getLogger(__name__)


def reading_notes(comparison: Comparison) -> list[str]:
    """Every reading notice of both articles, each named by its source."""
    return [f"{doc.source}: {n}" for doc in (comparison.a, comparison.b) for n in doc.notices]


class WindowStatus:
    """The progress bar, the Cancel button and the reading-notes label of a window's status bar."""

    def __init__(self, window: QMainWindow) -> None:
        self._bar = window.statusBar()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_button")
        self.label = QLabel()
        self._bar.addPermanentWidget(self.label)
        self._bar.addPermanentWidget(self.progress)
        self._bar.addPermanentWidget(self.cancel_button)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def started(self, sources: Sequence[Source] | None) -> None:
        self.set_busy(True)
        names = " and ".join(s.label for s in sources) if sources else "the articles"
        self._bar.showMessage(f"Reading and comparing {names}…")

    def progressed(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def shown(self, comparison: Comparison) -> None:
        """The summary of the comparison now on screen."""
        self.set_busy(False)
        s = comparison.summary
        summary = (
            f"{counted(s.links, 'link')} · {s.a_shared:.0%} of A and {s.b_shared:.0%} of B "
            f"shared · {counted(s.conflicts, 'conflicting fact')}"
        )
        notes = reading_notes(comparison)
        if notes:
            # How an input was read (damaged bytes, dropped text) must not go unseen: it stays
            # longer, and the whole list is in the tooltip of the status line.
            more = " …" if len(notes) > 1 else ""
            self._bar.showMessage(f"⚠ {notes[0]}{more} · {summary}", 60000)
            self.label.setText(f"⚠ {counted(len(notes), 'reading note')}")
            self.label.setToolTip("\n".join(notes))
            log.warning("reading notes: %s", " | ".join(notes))
        else:
            self._bar.showMessage(summary, 10000)
            self.label.setText("")
            self.label.setToolTip("")

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self._bar.showMessage("Could not compare: " + message, 10000)

    def cancelled(self) -> None:
        self.set_busy(False)
        self._bar.showMessage("Comparison cancelled.", 5000)
