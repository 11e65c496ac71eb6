"""Batch throughput: items per second for 200 pairs of real-sized articles.

The pairs are the same-event news articles in ../shared/data/news-pairs (a-b, a-c and b-c of
each set, 300-1,500 words an article), cycled to 200 items; without that folder, pairs are made
from the bundled example pair. Each run goes through the product's own runners, from a fresh
pool (worker start-up counted): ``core.batch.local.run_local`` with 1, 2 and all cores, then
``core.batch.cluster.run_dask`` on a 2-worker ``dask.distributed.LocalCluster`` (one process and
one thread a worker; its start-up not counted, as a cluster is there before a batch). Every
configuration runs ``--repeat`` times; the best and the median are printed, with the CPU
seconds of the best local run and how many cores that kept busy (CPU / wall time): on a machine
other work shares, a run that cannot get a second core shows it there. Run it when nothing else
is busy.

    .venv/bin/python benchmarks/bench_batch.py [--items 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.batch.local import run_local  # noqa: E402
from core.batch.manifest import Item  # noqa: E402
from core.parallel import cores  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news-pairs"


def make_items(count: int) -> tuple[list[Item], str]:
    pairs: list[tuple[str, str]] = []
    if NEWS.is_dir():
        for folder in sorted(p for p in NEWS.iterdir() if p.is_dir()):
            a, b, c = (str(folder / f"{n}.txt") for n in "abc")
            pairs += [(a, b), (a, c), (b, c)]
        source = f"{len(pairs)} news pairs from {NEWS.name}"
    else:
        folder = ROOT / "resources" / "examples"
        pairs = [(str(folder / "article_a.txt"), str(folder / "article_b.txt"))]
        source = "the bundled example pair"
    items = [Item(f"item-{k}", pairs[k % len(pairs)], k + 1) for k in range(count)]
    return items, source


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pool workers, once joined)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


CPU: list[float] = []


def timed(run: object) -> float:
    started, cpu = time.perf_counter(), _cpu()
    results = list(run)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - started
    CPU.append(_cpu() - cpu)
    failed = [r for r in results if not r["ok"]]
    if failed:
        raise SystemExit(f"{len(failed)} items failed: {failed[0]['error']}")
    return elapsed


def _spin(n: int) -> int:
    total = 0
    for k in range(n):
        total += k * k % 7
    return total


def machine_speedup(n: int = 3_000_000) -> float:
    """What two processes of plain Python arithmetic gain over one on this machine right now:
    the most any 1 -> 2 speedup can be while other work shares the cores."""
    from concurrent.futures import ProcessPoolExecutor

    from core.parallel import pool_context

    started = time.perf_counter()
    _spin(n)
    _spin(n)
    one = time.perf_counter() - started
    with ProcessPoolExecutor(2, mp_context=pool_context()) as pool:
        list(pool.map(_spin, [1000, 1000]))  # started
        started = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        two = time.perf_counter() - started
    return one / two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    items, source = make_items(args.items)
    words = sum(len(Path(f).read_text("utf-8").split()) for item in items for f in item.files)
    print(f"{len(items)} items from {source}, {words / len(items) / 2:.0f} words an article")
    print(f"{cores()} cores available")
    print(f"two processes of plain arithmetic run {machine_speedup():.2f}x one, now\n")
    configs: list[tuple[str, object]] = []
    for jobs in sorted({1, 2, cores()}):
        configs.append((f"local, {jobs} process{'es' if jobs > 1 else ''}", jobs))
    rows: list[tuple[str, list[float]]] = []
    cpu: dict[str, float] = {}
    for name, jobs in configs:
        CPU.clear()
        times = [timed(run_local(items, jobs=int(jobs))) for _ in range(args.repeat)]  # type: ignore[call-overload]
        rows.append((name, times))
        best = times.index(min(times))
        cpu[name] = CPU[best]
    if not args.no_dask:
        from distributed import LocalCluster

        from core.batch.cluster import run_dask

        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            address = cluster.scheduler_address
            timed(run_dask(items[:4], address))  # workers import core once
            times = [timed(run_dask(items, address)) for _ in range(args.repeat)]
        rows.append(("dask LocalCluster, 2 workers", times))
    base = min(rows[0][1])
    print(f"after: two processes of plain arithmetic run {machine_speedup():.2f}x one")
    print(f"load average before: {os.getloadavg()[0]:.2f} (other work on the machine slows it)")
    print(
        "| run | best s | median s | items/s (best) | speedup over 1 process | CPU s | cores busy |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, times in rows:
        best = min(times)
        used = f"{cpu[name]:.2f} | {cpu[name] / best:.2f}" if name in cpu else "– | –"
        print(
            f"| {name} | {best:.2f} | {statistics.median(times):.2f} | "
            f"{len(items) / best:.1f} | {base / best:.2f}x | {used} |"
        )


if __name__ == "__main__":
    main()
