"""Article Comparer GUI (PySide6). Importing this package itself loads no Qt.

It does one thing on import: on Python 3.11, shiboken6 6.12.0 drops a reference to ``None``
every time a Qt method that returns nothing is called (measured: 100 ``QPoint.setX`` calls
lower ``sys.getrefcount(None)`` by 100). A window makes millions of such calls, and when the
count reaches zero CPython aborts with "none_dealloc: deallocating None". Python 3.12 made
``None`` immortal, so the bug is harmless there; on 3.11 we give ``None`` a huge reference
count once so it can never reach zero. Remove when PySide6 is pinned to a fixed release.
"""

from __future__ import annotations

import ctypes
import sys

_NONE_HEADROOM = 1 << 40


def _protect_none() -> None:
    if sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every PyObject (a Py_ssize_t) in CPython 3.11.
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < _NONE_HEADROOM:
        refcnt.value += _NONE_HEADROOM


_protect_none()
