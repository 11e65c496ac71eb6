"""Longest event-loop stall of the real window while it compares two large articles.

Generates a pair of N-word articles (default 100,000 words a side, the generator of
``bench_compare.py``), opens them in the real ``MainWindow`` offscreen, and measures the gaps
between ticks of a 5 ms QTimer (QElapsedTimer) in three phases:

- compare: from the request until the result arrives (reading + compare() in the worker);
- display: showing both panes (their documents are built in the worker) and the next 2 s of idle,
  incremental layout and painting;
- interact: clicking passages (select + level the counterpart) and scrolling with the lock on.

The stall is the longest gap minus the timer interval. Target: <= 100 ms in every phase.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/gui_stall.py [--words 100000]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_compare import gc_pauses, generate_pair  # noqa: E402

INTERVAL_MS = 5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000, help="words per article")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="gui-stall-"))
    QCoreApplication.setOrganizationName("ArticleComparerBench")
    QCoreApplication.setApplicationName("gui-stall")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))

    from gui.main_window import MainWindow

    text_a, text_b = generate_pair(args.words)
    path_a, path_b = tmp / "a.txt", tmp / "b.txt"
    path_a.write_text(text_a, encoding="utf-8")
    path_b.write_text(text_b, encoding="utf-8")

    window = MainWindow(remember=False)
    window.interactive = False
    window.resize(1600, 1000)
    window.show()
    app.processEvents()

    # Python's cyclic GC holds the GIL: record its pauses to tell them apart from our own work.
    with gc_pauses() as gc_seconds:

        def open_and_wait(a: Path, b: Path) -> None:
            loop = QEventLoop()
            window.model.comparison_changed.connect(loop.quit)
            window.compare_paths(a, b)
            loop.exec()
            window.model.comparison_changed.disconnect(loop.quit)

        # The window always opens on a pair first (the bundled example without arguments).
        from core.bundled import example_pair

        open_and_wait(*example_pair())

        clock = QElapsedTimer()
        clock.start()
        state = {"last": 0, "phase": "idle"}
        gaps: dict[str, list[int]] = {"compare": [], "display": [], "interact": []}

        def tick() -> None:
            now = clock.elapsed()
            gap = now - state["last"]  # type: ignore[operator]
            state["last"] = now
            if state["phase"] in gaps:
                gaps[str(state["phase"])].append(gap)

        timer = QTimer()
        timer.setInterval(INTERVAL_MS)
        timer.timeout.connect(tick)
        timer.start()

        def run_for(ms: int) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        run_for(200)
        done = QEventLoop()
        result: dict[str, float] = {}

        def ready(*_a: object) -> None:
            result["compare_s"] = time.perf_counter() - started
            state["phase"] = "display"
            done.quit()

        def failed(message: str) -> None:
            print("failed:", message)
            done.quit()

        window.controller.comparison_ready.connect(ready)
        window.controller.failed.connect(failed)
        state["last"] = clock.elapsed()
        state["phase"] = "compare"
        started = time.perf_counter()
        window.compare_paths(path_a, path_b)
        done.exec()
        comparison = window.model.comparison
        if comparison is None:
            return 1
        run_for(2000)

        state["phase"] = "interact"
        view_a = window.views["a"]
        linked = [i for i, c in enumerate(comparison.coverage_a) if c.links]
        for n in range(20):
            sentence = linked[(n * 7919) % len(linked)]
            QTimer.singleShot(0, lambda s=sentence: window.activate_passage("a", s))
            run_for(30)
        bar = view_a.verticalScrollBar()
        for n in range(40):
            QTimer.singleShot(0, lambda n=n: bar.setValue(bar.maximum() * n // 40))
            run_for(30)
        state["phase"] = "idle"
        timer.stop()

        words = (len(text_a.split()), len(text_b.split()))
        print(
            f"articles: {words[0]:,} and {words[1]:,} words; "
            f"{len(comparison.a.sentences):,} and {len(comparison.b.sentences):,} sentences; "
            f"{len(comparison.links):,} links"
        )
        print(f"compare in the worker: {result['compare_s']:.2f} s")
        worst = 0
        for phase, values in gaps.items():
            longest = max(values) if values else 0
            stall = max(0, longest - INTERVAL_MS)
            worst = max(worst, stall)
            top = sorted(values, reverse=True)[:3]
            print(
                f"{phase:>9}: longest event-loop stall {stall} ms over {len(values)} ticks "
                f"(largest gaps {top} ms)"
            )
        print(f"worst stall: {worst} ms (target <= 100 ms): {'OK' if worst <= 100 else 'OVER'}")
        if gc_seconds:
            longest = max(gc_seconds) * 1000
            print(f"python gc: {len(gc_seconds)} collections, longest {longest:.0f} ms")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
