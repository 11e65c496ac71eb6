"""``run_blocking``: a call in a worker thread that the caller sees as synchronous."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from gui.background import run_blocking


def test_result_and_exception_reach_the_caller(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    caller = threading.get_ident()
    assert run_blocking(lambda: threading.get_ident() != caller, widget) is True
    with pytest.raises(OSError, match="disk"):
        run_blocking(lambda: (_ for _ in ()).throw(OSError("disk")), widget)
    assert widget.isEnabled()


def test_an_event_loop_ended_early_still_waits_for_the_work(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Quitting the application ends every running event loop, this one too; the half-written
    # report must still be finished before the caller goes on. (QCoreApplication.exit itself
    # cannot be used here: it would end every later test's event loop as well.)
    import gui.background

    class EndsAtOnce(QObject):
        def exec(self) -> int:
            return 0

        @Slot()
        def quit(self) -> None:
            pass

    monkeypatch.setattr(gui.background, "QEventLoop", EndsAtOnce)
    widget = QWidget()
    qtbot.addWidget(widget)

    def work() -> int:
        time.sleep(0.3)
        return 42

    assert run_blocking(work, widget) == 42
