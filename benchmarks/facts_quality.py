"""Fact quality against hand-checked gold lists: precision, recall and F1 per kind.

Usage:
    .venv/bin/python benchmarks/facts_quality.py            # every gold file, with its misses
    .venv/bin/python benchmarks/facts_quality.py -v         # also list extras
    .venv/bin/python benchmarks/facts_quality.py --draft A B  # system facts as a gold draft
    .venv/bin/python benchmarks/facts_quality.py --speed 10000 100000  # timing per size

``--speed`` times compare() on each pair with its facts step timed from inside (alignment is
the rest), then compare_facts alone (best of 3 up to 100k words), and prints their ratio.
``--speed`` also runs compare_facts once more per pair to measure responsiveness: the longest
gap between two ``should_cancel`` calls, and the longest stall of a thread that sleeps 2 ms in
a loop meanwhile (how long one step held the GIL, plus scheduling noise on a busy machine).

``--share [RUNS]`` times compare() on the real pairs (the example pair and every gold pair
whose articles are in ``../shared``), its facts step timed from inside, and prints per pair the
median over RUNS runs (20 unless given) of compare() and of its facts, and the facts' share.
``--root DIR`` imports ``core`` from another checkout instead (to time two versions side by
side, alternating runs of each).

Gold files are ``tests/data/gold/facts/*.json``; their article paths are relative to the
shared data folder (``../shared``), which is other people's text and is never shipped, or start
with ``tests/`` for pairs written for the project. Scores are printed per kind and per status;
a gold fact may carry ``"why"`` (same, equivalent, range, reworded), checked against the
system fact's ``why`` apart from the score. A ``"partial": true`` file lists only some facts of
its pair (the ones worded differently or in conflict): there, extras count against precision
only when they are conflicts. A gold
fact is ``{"kind", "status", "value"?, "values"?, "a": [surface...], "b": [surface...]}``:
a system fact matches it when kind and status agree, the value agrees (if given, case-folded)
and every gold surface on each side lies inside (or contains) some span of that side. Only
content facts count (facts in captions, bylines and boilerplate are kept by the product but
marked ``content=False`` and left out here). Links come from ``core.compare.compare``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# --root DIR: import core from that checkout (the gold files and data stay this checkout's)
CODE = Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else ROOT
sys.path.insert(0, str(CODE))

from core.compare import compare  # noqa: E402
from core.facts import compare_facts  # noqa: E402
from core.model import Document, Fact, Link  # noqa: E402
from core.progress import Work  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold" / "facts"
SHARED = ROOT.parent / "shared"
STATUSES = ("shared", "only_a", "only_b", "conflict")
WHY: dict[bool, int] = {True: 0, False: 0}  # gold facts with a "why": the system's agrees or not
KINDS = ("date", "number", "person", "place", "organization", "quote", "other")


def article_path(name: str) -> Path:
    """A gold article path: ``tests/...`` is text written for the project (in this repository),
    anything else is relative to the shared data folder."""
    return ROOT / name if name.startswith("tests/") else SHARED / name


def system_facts(a: Document, b: Document) -> tuple[Fact, ...]:
    links = compare(a, b).links
    return compare_facts(a, b, links)


def _side_ok(surfaces: list[str], spans: list[str]) -> bool:
    """Each gold surface lies inside a span, or a span covers most of it (not "12" in "12th")."""
    return all(any(s in t or (t in s and len(t) >= 0.6 * len(s)) for t in spans) for s in surfaces)


def matches(g: dict[str, Any], f: Fact, a: Document, b: Document) -> bool:
    if f.kind.value != g["kind"] or f.status.value != g["status"]:
        return False
    if "value" in g and f.value.casefold() != g["value"].casefold():
        return False
    if "values" in g and (
        f.values is None or [v.casefold() for v in f.values] != [v.casefold() for v in g["values"]]
    ):
        return False
    ta = [s.of(a.text) for s in f.a]
    tb = [s.of(b.text) for s in f.b]
    if bool(g["a"]) != bool(ta) or bool(g["b"]) != bool(tb):
        return False
    return _side_ok(g["a"], ta) and _side_ok(g["b"], tb)


def score_file(
    path: Path, verbose: bool, by_status: dict[str, list[int]] | None = None
) -> dict[str, list[int]] | None:
    """(tp, fp, fn) per kind for one gold file; adds the same per status to ``by_status``."""
    spec = json.loads(path.read_text("utf-8"))
    pa, pb = article_path(spec["a"]), article_path(spec["b"])
    if not (pa.is_file() and pb.is_file()):
        print(f"{path.name}: skipped ({pa} or {pb} is absent)")
        return None
    a, b = read_path(pa), read_path(pb)
    facts = [f for f in system_facts(a, b) if f.content]
    gold: list[dict[str, Any]] = spec["facts"]
    used: set[int] = set()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    statuses = by_status if by_status is not None else defaultdict(lambda: [0, 0, 0])
    misses: list[dict[str, Any]] = []
    for g in gold:
        hit = next((i for i, f in enumerate(facts) if i not in used and matches(g, f, a, b)), None)
        if hit is None:
            counts[g["kind"]][2] += 1
            statuses[g["status"]][2] += 1
            misses.append(g)
        else:
            used.add(hit)
            counts[g["kind"]][0] += 1
            statuses[g["status"]][0] += 1
            if "why" in g:
                WHY[getattr(facts[hit], "why", "").split(" ")[0].rstrip(":") == g["why"]] += 1
    extras = [f for i, f in enumerate(facts) if i not in used]
    if spec.get("partial"):  # only some facts are listed: a false conflict still counts
        extras = [f for f in extras if f.status.value == "conflict"]
    for f in extras:
        counts[f.kind.value][1] += 1
        statuses[f.status.value][1] += 1
    conflicts = sum(1 for f in facts if f.status.value == "conflict")
    gold_conflicts = sum(1 for g in gold if g["status"] == "conflict")
    print(
        f"{path.stem}: {len(gold)} gold, {len(facts)} system, {len(misses)} missed, "
        f"{len(extras)} extra, conflicts {conflicts} (gold {gold_conflicts})"
    )
    for g in misses:
        print("   MISS ", json.dumps(g, ensure_ascii=False))
    if verbose:
        for f in extras:
            print("   EXTRA", json.dumps(_draft(f, a, b), ensure_ascii=False))
    return counts


def _draft(f: Fact, a: Document, b: Document) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": f.kind.value, "status": f.status.value}
    if f.kind.value != "quote":
        d["value"] = f.value
    if f.values:
        d["values"] = list(f.values)
    d["a"] = sorted({s.of(a.text) for s in f.a}, key=len)[:1]
    d["b"] = sorted({s.of(b.text) for s in f.b}, key=len)[:1]
    if f.kind.value == "quote":
        d["a"] = [t[:40] for t in d["a"]]
        d["b"] = [t[:40] for t in d["b"]]
    return d


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def responsiveness(a: Document, b: Document, links: tuple[Link, ...]) -> tuple[float, float]:
    """(longest gap between should_cancel calls, longest GIL stall) in seconds for one run of
    compare_facts, with the garbage collector off as compare() runs it."""
    calls: list[float] = []

    def should_cancel() -> bool:
        calls.append(time.perf_counter())
        return False

    stalls = [0.0]
    stop = threading.Event()

    def sampler() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            stalls[0] = max(stalls[0], now - last - 0.002)
            last = now

    was_enabled = gc.isenabled()
    gc.disable()
    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    try:
        t0 = time.perf_counter()
        # kept until the sampler stops: freeing the result is the caller's business (in the
        # app the facts live on in the Comparison)
        facts = compare_facts(a, b, links, Work(should_cancel=should_cancel))
        t1 = time.perf_counter()
    finally:
        stop.set()
        thread.join()
        if was_enabled:
            gc.enable()
    del facts
    points = [t0, *calls, t1]
    return max(y - x for x, y in pairwise(points)), stalls[0]


@contextlib.contextmanager
def facts_timed() -> Iterator[list[float]]:
    """Inside the block, compare() records how long each of its facts steps took."""
    import core.compare as compare_module

    inside: list[float] = []
    plain_compare_facts = compare_module.compare_facts

    def timed_compare_facts(*args: Any, **kwargs: Any) -> tuple[Fact, ...]:
        t = time.perf_counter()
        try:
            return plain_compare_facts(*args, **kwargs)
        finally:
            inside.append(time.perf_counter() - t)

    compare_module.compare_facts = timed_compare_facts  # type: ignore[assignment]
    try:
        yield inside
    finally:
        compare_module.compare_facts = plain_compare_facts


def speed(sizes: list[int]) -> None:
    """Time compare() and compare_facts() on generated pairs (bench_compare's generator) and on
    pairs made by concatenating the news articles, for each size in words per side."""
    import glob
    import random

    from benchmarks.bench_compare import generate_pair
    from core.reading.dispatch import read_text

    news_a = [
        Path(p).read_text("utf-8")
        for p in sorted(glob.glob(str(SHARED / "data/news-pairs/*/a.txt")))
    ]
    news_b = [
        Path(p).read_text("utf-8")
        for p in sorted(glob.glob(str(SHARED / "data/news-pairs/*/b.txt")))
    ]

    def concat(texts: list[str], words: int, seed: int) -> str:
        rnd, out, n = random.Random(seed), [], 0
        while n < words:
            t = rnd.choice(texts)
            out.append(t)
            n += len(t.split())
        return "\n\n".join(out)

    warm_a, warm_b = generate_pair(500)  # load the lexicon and compile the patterns first
    compare(read_text(warm_a), read_text(warm_b))
    for words in sizes:
        pairs = [("generated", *generate_pair(words))]
        if news_a and news_b:
            pairs.append(("news", concat(news_a, words, 1), concat(news_b, words, 2)))
        for name, ta, tb in pairs:
            a, b = read_text(ta), read_text(tb)
            # compare() with its facts step timed from inside: alignment is the rest
            with facts_timed() as inside:
                t0 = time.perf_counter()
                comparison = compare(a, b)
                total = time.perf_counter() - t0
            align = total - sum(inside)
            # facts alone, as compare() runs them (collector off), best of a few runs
            runs = 3 if words <= 100_000 else 1
            alone = float("inf")
            for _ in range(runs):
                gc.disable()
                try:
                    t1 = time.perf_counter()
                    facts = compare_facts(a, b, comparison.links)
                    alone = min(alone, time.perf_counter() - t1)
                finally:
                    gc.enable()
            gap, stall = responsiveness(a, b, comparison.links)
            print(
                f"{name:9} {words:>8} words/side: compare() {total:6.2f}s, alignment "
                f"{align:6.2f}s, facts {sum(inside):6.2f}s inside / {alone:6.2f}s alone "
                f"(best of {runs}) = {alone / align:4.2f} x alignment, {len(facts)} facts; "
                f"longest cancel-check gap {gap * 1000:5.1f} ms, longest GIL stall "
                f"{stall * 1000:5.1f} ms"
            )


def real_pairs() -> list[tuple[str, Path, Path]]:
    """(name, a, b) for the gold pairs read from the shared data folder, when it is there."""
    out: list[tuple[str, Path, Path]] = []
    for path in sorted(GOLD.glob("*.json")):
        spec = json.loads(path.read_text("utf-8"))
        if spec["a"].startswith("tests/"):
            continue
        pa, pb = article_path(spec["a"]), article_path(spec["b"])
        if pa.is_file() and pb.is_file():
            out.append((path.stem, pa, pb))
    return out


def share(runs: int) -> None:
    """Median compare() time, median time of its facts step and their ratio, per real pair."""
    import statistics

    with facts_timed() as inside:
        for name, pa, pb in real_pairs():
            a, b = read_path(pa), read_path(pb)
            compare(a, b)  # warm: lexicon loaded, patterns compiled
            totals: list[float] = []
            facts: list[float] = []
            for _ in range(runs):
                inside.clear()
                t0 = time.perf_counter()
                compare(a, b)
                totals.append(time.perf_counter() - t0)
                facts.append(sum(inside))
            total, fact = statistics.median(totals) * 1000, statistics.median(facts) * 1000
            print(f"{name:28} compare {total:7.2f} ms  facts {fact:6.2f} ms  {fact / total:4.0%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--draft", nargs=2, metavar=("A", "B"), help="print system facts as gold")
    ap.add_argument("--speed", nargs="+", type=int, metavar="WORDS", help="time facts per size")
    ap.add_argument("--share", nargs="?", const=20, type=int, metavar="RUNS", help="facts share")
    ap.add_argument("--root", type=Path, help="import core from this checkout")
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    if args.share:
        share(args.share)
        return 0
    if args.speed:
        speed(args.speed)
        return 0
    if args.draft:
        a, b = read_path(args.draft[0]), read_path(args.draft[1])
        facts = [_draft(f, a, b) for f in system_facts(a, b) if f.content]
        print("[\n  " + ",\n  ".join(json.dumps(f, ensure_ascii=False) for f in facts) + "\n]")
        return 0
    files = args.files or sorted(GOLD.glob("*.json"))
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_status: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    t0 = time.perf_counter()
    for path in files:
        counts = score_file(path, args.verbose, by_status)
        for k, (tp, fp, fn) in (counts or {}).items():
            total[k][0] += tp
            total[k][1] += fp
            total[k][2] += fn
    print(f"\n{'kind':14}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    all_counts = [0, 0, 0]
    for k in KINDS:
        tp, fp, fn = total.get(k, [0, 0, 0])
        all_counts = [all_counts[0] + tp, all_counts[1] + fp, all_counts[2] + fn]
        p, r, f = prf(tp, fp, fn)
        print(f"{k:14}{tp + fn:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    p, r, f = prf(*all_counts)
    print(f"{'all':14}{all_counts[0] + all_counts[2]:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    print(f"\n{'status':14}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for st in STATUSES:
        tp, fp, fn = by_status.get(st, [0, 0, 0])
        p, r, f = prf(tp, fp, fn)
        print(f"{st:14}{tp + fn:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    if WHY[True] + WHY[False]:
        print(
            f"why: {WHY[True]} of {WHY[True] + WHY[False]} matched gold facts give the gold reason"
        )
    print(f"({time.perf_counter() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
