"""The installed Qt binding must not leak references to None.

PySide6 6.12.0 under Python 3.11 drops one reference to ``None`` per void Qt call; a window
makes millions, and CPython then aborts ("none_dealloc"). pyproject pins below it; this test
fails if a resolver ever installs a binding with that defect again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint


def test_void_qt_calls_keep_none_refcount() -> None:
    point = QPoint()
    before = sys.getrefcount(None)
    for i in range(2000):
        point.setX(i)
    # Other threads may create or drop a few references meanwhile; the defect loses 2000.
    assert before - sys.getrefcount(None) < 100
