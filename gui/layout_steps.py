"""Lays out a pane's document in short steps, so a long article never stalls the window.

Qt lays out a text document lazily on a timer, but each timer step takes twice the text of
the one before, up to 200,000 characters: on a 100k-word article the last steps take 40-70 ms
each, and with two panes they arrive back to back (a 120 ms stall measured by
benchmarks/gui_stall.py). While a ``LayoutSteps`` runs it keeps the layout's own timer events
from arriving and asks for the layout itself, a few blocks at a time, for at most about 8 ms
per turn of the event loop: asking for a block's rectangle lays the document out up to that
block and no further. When the end is reached it lets the layout's timer events through
again, and Qt reports the document's final size as usual.

Imports: PySide6 only.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextDocument

_STEP_SECONDS = 0.008
_BLOCKS_PER_LOOK = 8  # blocks laid out between two looks at the clock


class LayoutSteps(QObject):
    """Lays out ``document`` in steps from now on; ``stop()`` hands the layout back to Qt."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._layout = document.documentLayout()
        self._next = 0  # the block to lay out up to in the next step
        self._layout.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the layout's own steps, which grow to 200,000 characters each, wait until we are done
        return watched is self._layout and event.type() == QEvent.Type.Timer

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._layout.removeEventFilter(self)

    def _step(self) -> None:
        deadline = time.perf_counter() + _STEP_SECONDS
        count = self._document.blockCount()
        while self._next < count and time.perf_counter() < deadline:
            self._next = min(count - 1, self._next + _BLOCKS_PER_LOOK)
            self._layout.blockBoundingRect(self._document.findBlockByNumber(self._next))
            if self._next == count - 1:
                self._next = count
        if self._next >= count:
            self.stop()
