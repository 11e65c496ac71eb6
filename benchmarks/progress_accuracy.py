"""How truthful the progress bar is: the fraction compare() reports against the share of the run
that has really elapsed, on the generated pairs of ``bench_compare`` (10k, 100k, 1M words a side).

A bar that reads 95% when half the run is over makes a user wait without knowing for how long.
For each size the run's ``progress(fraction)`` calls are recorded with their times; printed are
the largest gap between the bar and elapsed/total time (target: within 15 points), where in the
run it happens, and the bar's reading at each tenth of the run. Each size runs in a fresh
subprocess so the sizes do not warm each other's caches.

``--calibrate`` measures what the bar is placed by (``core.progress.SHARES``): each stage's share
of the time of the stage it runs in, per size and the mean over the sizes, next to the share in
the table.

Usage: ``python benchmarks/progress_accuracy.py [--sizes 10000 100000 1000000] [--calibrate]``
"""

from __future__ import annotations

import argparse
import bisect
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def measure(words: int) -> dict[str, object]:
    """Run compare() once on a ``words``-word pair; the bar's readings against elapsed time and
    each stage's share of the stage it runs in."""
    import core.compare
    import core.progress
    from benchmarks.bench_compare import generate_pair
    from core.compare import compare
    from core.reading.dispatch import read_text

    runs: list[core.progress.Work] = []

    class Recorded(core.progress.Work):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            runs.append(self)

    core.compare.Work = Recorded  # type: ignore[misc]
    text_a, text_b = generate_pair(words)
    a, b = read_text(text_a, "a.txt"), read_text(text_b, "b.txt")
    samples: list[tuple[float, float]] = []
    start = time.perf_counter()
    compare(a, b, progress=lambda f: samples.append((time.perf_counter() - start, f)))
    total = time.perf_counter() - start
    times = [t / total for t, _ in samples]
    fractions = [f for _, f in samples]
    # the bar between two reports stays at the earlier one: check it just before each report too
    gaps = [(abs(f - x), x, f) for x, f in zip(times, fractions, strict=True)]
    gaps += [(abs(f - x), x, f) for x, f in zip(times[1:], fractions, strict=False)]
    worst, at, reads = max(gaps) if gaps else (1.0, 0.0, 0.0)
    tenths = []
    for k in range(1, 10):
        i = bisect.bisect_right(times, k / 10) - 1
        tenths.append(fractions[i] if i >= 0 else 0.0)
    # a stage may run in several enclosing stages (the mentions of each article): its share is
    # its time over theirs
    seconds: dict[str, float] = {"": total}
    parents: dict[str, set[str]] = {}
    for name, parent, took in runs[0].seconds:
        seconds[name] = seconds.get(name, 0.0) + took
        parents.setdefault(name, set()).add(parent)
    shares = {
        name: seconds[name] / max(sum(seconds[p] for p in outer), 1e-9)
        for name, outer in parents.items()
    }
    return {
        "shares": shares,
        "words": words,
        "seconds": total,
        "reports": len(samples),
        "worst": worst,
        "at": at,
        "reads": reads,
        "tenths": tenths,
    }


def _child_run(words: int) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(words)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def calibrate(sizes: list[int]) -> int:
    """Print each stage's share of the stage it runs in, per size, their mean and the table's."""
    from core.progress import SHARES

    runs = [_child_run(words) for words in sizes]
    print(f"{'stage':<14}" + " ".join(f"{w:>9,}" for w in sizes) + "      mean     table")
    for name in SHARES:
        shares = [r["shares"].get(name, 0.0) for r in runs]  # type: ignore[attr-defined]
        cells = " ".join(f"{s:>9.3f}" for s in shares)
        print(f"{name:<14}{cells} {sum(shares) / len(shares):>9.3f} {SHARES[name]:>9.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="progress bar against elapsed time")
    p.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--calibrate", action="store_true", help="measure the bar's placing table")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    if args.calibrate:
        return calibrate(args.sizes)
    failed = False
    print(f"{'words':>9} {'seconds':>8} {'worst gap':>10} {'at':>6} {'bar':>6}  bar at each tenth")
    for words in args.sizes:
        r: dict[str, Any] = _child_run(words)
        tenths = " ".join(f"{100 * f:3.0f}" for f in r["tenths"])
        ok = r["worst"] <= 0.15
        failed |= not ok
        print(
            f"{r['words']:>9,} {r['seconds']:>8.2f} {100 * r['worst']:>9.0f}% "
            f"{100 * r['at']:>5.0f}% {100 * r['reads']:>5.0f}%  {tenths}  {'ok' if ok else 'OFF'}"
        )
    print("target: the bar within 15 points of elapsed/total time")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
