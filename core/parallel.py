"""Process pools for work that parallelizes by item (pairs of articles, batch items).

alignment and facts are mostly Python code holding the GIL, so threads would take turns; worker
processes run the items side by side on the machine's cores. The start method matters: ``fork``
is cheapest but unsafe in a process running other threads (the window's thread pool, a lock held
mid-copy), so it is used only when the calling process has one thread; otherwise ``forkserver``
(a clean server process that forks the workers, with core imported once) where the system has
it, else ``spawn``.

Imports: standard library only.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

_PRELOAD = ["core.compare", "core.reading.dispatch"]


def cores() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every system
        return max(1, os.cpu_count() or 1)


def pool_context() -> BaseContext:
    """The multiprocessing context to start worker processes from, chosen as the module says."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes mid-task (the executor has no public way to), so a
    cancelled or interrupted run never waits for them (Ctrl+C could leave ``shutdown`` hanging)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()
