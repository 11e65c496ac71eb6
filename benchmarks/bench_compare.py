"""Speed and memory of ``compare()`` on generated article pairs of growing size.

For each size (words per side) a base text is generated (pseudo-words with a Zipf-like
frequency, stop words between them, sentences in paragraphs); B is made from it by reordering
paragraphs, paraphrasing words, dropping, adding and splitting sentences. Each size runs in a
fresh subprocess so its peak memory (``ru_maxrss``) is its own.

Printed per size: compare() time, peak RSS (whole process, and the part added by compare), the
naive ``difflib.SequenceMatcher`` sentence matcher as the peer (quadratic: a few rows are timed
and the time is scaled to all rows), a bare read-and-tokenize pass over both texts and the ratio
of compare() to it, the largest interval between progress() calls and, on request, the cancel
latency. Growth per doubling is derived from consecutive sizes.

Also printed: the longest interval between two ``should_cancel()`` calls ("check gap": the
longest any cancel can wait to be seen), the longest pause of Python's cyclic collector while a
window-like workload (100k small containers made and kept) runs after compare() returned, and
the time of one full ``gc.collect()`` then ("gc auto/full"); the result is alive meanwhile.
With ``--cancel [POINTS]``, POINTS runs are cancelled, one deadline drawn in each of POINTS
equal slices of the run, and the max and p95 of the latency (deadline to ``Cancelled`` in the
caller) are printed, with the worst run split into waiting for the next check and unwinding, and
the longest the caller then waits for the GIL while the cancelled run is freed.

Usage: ``python benchmarks/bench_compare.py [--sizes 1000 10000 100000 1000000] [--cancel [N]]``
(``make bench``). The benchmark is the only place difflib may appear.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import difflib
import itertools
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_STOP_TEXT = (
    "the of and to in a that is was he for it with as his on be at by had are but from or "
    "have an they which one were all we when there been has would their more said after"
)
STOP = _STOP_TEXT.split()
_SYLLABLE_TEXT = (
    "ka lo mi ten ra vo su del par min cor tal ben ris gan fol ter nu sa pe di mor "
    "lan ces vit ro ba ne qui sto var len"
)
SYLLABLES = _SYLLABLE_TEXT.split()
FACTS_FRACTION = 0.98
_WORD = re.compile(r"\w+(?:['’]\w+)*(?:[.,]\d+)*")


def _vocabulary(rnd: random.Random, size: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < size:
        w = "".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def generate_pair(words: int, seed: int = 1) -> tuple[str, str]:
    """Texts A and B of about ``words`` words each, B derived from A as described above."""
    rnd = random.Random(seed)
    # Heaps' law: real vocabularies grow like the square root of the text
    vocab = _vocabulary(rnd, max(2000, int(40 * words**0.5)))
    weights = [1.0 / (r + 10) for r in range(len(vocab))]  # Zipf-like, flattened head
    cum = list(_accumulate(weights))

    def sentence() -> list[str]:
        n = rnd.randint(10, 24)
        content = rnd.choices(vocab, cum_weights=cum, k=n)
        out: list[str] = []
        for w in content:
            if rnd.random() < 0.45:
                out.append(rnd.choice(STOP))
            out.append(w)
        if rnd.random() < 0.3:
            out.insert(rnd.randrange(len(out)), str(rnd.randint(2, 2000)))
        return out

    paragraphs: list[list[list[str]]] = []
    total = 0
    while total < words:
        para = [sentence() for _ in range(rnd.randint(2, 5))]
        total += sum(len(s) for s in para)
        paragraphs.append(para)

    def paraphrase(s: list[str]) -> list[str]:
        out = []
        for w in s:
            r = rnd.random()
            if r < 0.12:
                out.append(rnd.choices(vocab, cum_weights=cum)[0])  # other word
            elif r < 0.17:
                continue  # dropped word
            else:
                out.append(w)
            if rnd.random() < 0.04:
                out.append(rnd.choice(STOP))
        return out or s

    b_paras: list[list[list[str]]] = []
    for para in paragraphs:
        new: list[list[str]] = []
        for s in para:
            r = rnd.random()
            if r < 0.08:
                continue  # dropped sentence
            s2 = paraphrase(s)
            if r < 0.14 and len(s2) > 12:  # split in two
                cut = len(s2) // 2
                new += [s2[:cut], s2[cut:]]
            else:
                new.append(s2)
            if rnd.random() < 0.08:
                new.append(sentence())  # added sentence
        if new:
            b_paras.append(new)
    rnd.shuffle(b_paras)  # reordered paragraphs

    def render(paras: list[list[list[str]]]) -> str:
        return "\n\n".join(" ".join(" ".join(s).capitalize() + "." for s in para) for para in paras)

    return render(paragraphs), render(b_paras)


def _accumulate(values: list[float]) -> list[float]:
    out, acc = [], 0.0
    for v in values:
        acc += v
        out.append(acc)
    return out


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def peer_seconds(a_sents: list[str], b_sents: list[str], rows: int) -> float:
    """Naive peer: best difflib ratio of each A sentence against every B sentence, scaled."""
    rnd = random.Random(5)
    picked = rnd.sample(a_sents, min(rows, len(a_sents)))
    t0 = time.perf_counter()
    for s in picked:
        m = difflib.SequenceMatcher(None, s, autojunk=False)
        best = 0.0
        for t in b_sents:
            m.set_seq2(t)
            if m.real_quick_ratio() > best and m.quick_ratio() > best:
                best = max(best, m.ratio())
    per_row = (time.perf_counter() - t0) / len(picked)
    return per_row * len(a_sents)


def _percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


@contextlib.contextmanager
def gc_pauses() -> Iterator[list[float]]:
    """Seconds of each collection of Python's cyclic GC while the block runs (it holds the
    GIL, so its pauses are told apart from the code's own work)."""
    import gc

    pauses: list[float] = []
    started: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        elif started:
            pauses.append(time.perf_counter() - started[0])

    gc.callbacks.append(on_gc)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(on_gc)


def gc_pauses_after(work: int = 100_000) -> tuple[list[float], float]:
    """Seconds of each automatic collection while ``work`` small containers are made and kept,
    as a window does after compare() returns (the result is alive meanwhile), then of one full
    ``gc.collect()``."""
    import gc

    with gc_pauses() as pauses:
        kept = [[k] for k in range(work)]
    t0 = time.perf_counter()
    gc.collect()
    full = time.perf_counter() - t0
    del kept
    return pauses, full


def cancel_latencies(
    a: object, b: object, checks: list[float], points: int, seed: int = 3
) -> list[tuple[float, float, float, float, float]]:
    """Cancel ``points`` runs of compare(), one cancel drawn in each of ``points`` equal slices
    of an uncancelled run whose ``should_cancel`` calls came at ``checks`` (seconds from its
    start; the last entry is its end). A cancel drawn at time t after call n is asked for at the
    same distance after the n-th call of the cancelled run, so the points cover the same work
    however fast the machine runs meanwhile (when a run ends first, as the facts step calls by
    time, the point is retried at the same share of the calls that run made). Per run: (progress
    reached, latency, to the first True answer, after it, longest stall of this thread while the
    run is freed); latency runs from the moment the cancel was asked for to the moment
    ``Cancelled`` reached the caller."""
    rnd = random.Random(seed)
    total_calls = len(checks) - 2
    out: list[tuple[float, float, float, float, float]] = []
    for k in range(points):
        wanted = (k + rnd.random()) / points * checks[-1]
        n = bisect.bisect_right(checks, wanted) - 1
        after = min(wanted - checks[n], checks[n + 1] - checks[n])
        for _ in range(3):
            got = _cancel_once(a, b, n, after)
            if isinstance(got, tuple):
                out.append(got)
                break
            n = int(n * got / max(1, total_calls))  # it made ``got`` calls, not total_calls
    return out


def _cancel_once(
    a: object, b: object, n: int, after: float
) -> tuple[float, float, float, float, float] | int:
    """One compare() cancelled ``after`` seconds after its n-th should_cancel call (n = 0: after
    its start): the figures of ``cancel_latencies``, or the number of calls if it finished."""
    from core.compare import compare
    from core.errors import Cancelled

    calls = 0
    deadline = math.inf
    answered = 0.0
    last = 0.0

    def should_cancel() -> bool:
        nonlocal calls, deadline, answered
        now = time.perf_counter()
        calls += 1
        if calls == n:
            deadline = now + after
        if now >= deadline:
            answered = answered or now
            return True
        return False

    def track(f: float) -> None:
        nonlocal last
        last = f

    if n == 0:
        deadline = time.perf_counter() + after
    try:
        compare(a, b, progress=track, should_cancel=should_cancel)  # type: ignore[arg-type]
    except Cancelled:
        caught = time.perf_counter()
        stall = _stall_while_freeing()
        return (last, caught - deadline, answered - deadline, caught - answered, stall)
    return calls


def _stall_while_freeing() -> float:
    """The longest this thread waits for the GIL (sleeping 1 ms at a time) while compare()
    frees a cancelled run in the background."""
    from core.collector import wait_freed

    worst = 0.0
    beat = time.perf_counter()
    while not wait_freed(0):
        time.sleep(0.001)
        now = time.perf_counter()
        worst = max(worst, now - beat)
        beat = now
    return worst


def run_one(words: int, peer_rows: int, cancel_points: int) -> dict[str, float]:
    from core.compare import compare
    from core.reading.dispatch import read_text

    text_a, text_b = generate_pair(words)
    t0 = time.perf_counter()
    a, b = read_text(text_a, "a.txt"), read_text(text_b, "b.txt")
    n_tok = len(_WORD.findall(text_a)) + len(_WORD.findall(text_b))
    read_tok = time.perf_counter() - t0
    rss_before = _maxrss_mb()

    stamps: list[tuple[float, float]] = []
    checks: list[float] = []

    def progress(fraction: float) -> None:
        stamps.append((time.perf_counter(), fraction))

    def should_cancel() -> bool:
        checks.append(time.perf_counter())
        return False

    t0 = time.perf_counter()
    stamps.append((t0, 0.0))
    checks.append(t0)
    result = compare(a, b, progress=progress, should_cancel=should_cancel)
    elapsed = time.perf_counter() - t0
    stamps.append((time.perf_counter(), 1.0))
    checks.append(stamps[-1][0])
    gaps = [y[0] - x[0] for x, y in itertools.pairwise(stamps)]
    # compare() holds progress at 0.98 while core.facts runs: gaps there are the facts step's
    own_gaps = [
        y[0] - x[0] for x, y in itertools.pairwise(stamps) if not (x[1] == y[1] == FACTS_FRACTION)
    ]
    facts_time = sum(
        y[0] - x[0] for x, y in itertools.pairwise(stamps) if x[1] == y[1] == FACTS_FRACTION
    )
    out: dict[str, float] = {
        "words": words,
        "words_a": len(text_a.split()),
        "tokens": n_tok,
        "sentences_a": len(a.sentences),
        "sentences_b": len(b.sentences),
        "links": len(result.links),
        "seconds": elapsed,
        "read_tokenize": read_tok,
        "rss_mb": _maxrss_mb(),
        "rss_added_mb": max(0.0, _maxrss_mb() - rss_before),
        "max_progress_gap": max(gaps) if gaps else 0.0,
        "max_gap_outside_facts": max(own_gaps) if own_gaps else 0.0,
        # the longest time between two should_cancel() calls: bounds the wait for every cancel
        "max_check_gap": max(y - x for x, y in itertools.pairwise(checks)),
        "facts_seconds": facts_time,
    }
    pauses, full = gc_pauses_after()
    out["gc_pause_max"] = max(pauses) if pauses else 0.0
    out["gc_collections"] = len(pauses)
    out["gc_full"] = full
    del result
    if peer_rows:
        a_s = [a.sentence_text(i) for i in range(len(a.sentences))]
        b_s = [b.sentence_text(i) for i in range(len(b.sentences))]
        out["peer_seconds"] = peer_seconds(a_s, b_s, peer_rows)
    if cancel_points:
        runs = cancel_latencies(a, b, [t - t0 for t in checks], cancel_points)
        lat = [r[1] for r in runs]
        out["cancel_points"] = len(runs)
        out["cancel_latency_max"] = max(lat) if lat else float("nan")
        out["cancel_latency_p95"] = _percentile(lat, 0.95) if lat else float("nan")
        worst = max(runs, key=lambda r: r[1]) if runs else (math.nan,) * 5
        out["cancel_worst_at"], out["cancel_worst_wait"], out["cancel_worst_unwind"] = (
            worst[0],
            worst[2],
            worst[3],
        )
        out["cancel_unwind_max"] = max(r[3] for r in runs) if runs else float("nan")
        out["cancel_free_stall_max"] = max(r[4] for r in runs) if runs else float("nan")
    return out


def _child(args: argparse.Namespace) -> int:
    result = run_one(args.child, args.peer_rows, args.cancel)
    print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="compare() speed and memory per size")
    p.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000, 1_000_000])
    p.add_argument("--peer-rows", type=int, default=20, help="A sentences timed for the peer")
    p.add_argument(
        "--cancel",
        type=int,
        nargs="?",
        const=20,
        default=0,
        metavar="POINTS",
        help="also measure cancel latency: cancel POINTS runs (default 20), one deadline in each"
        " of POINTS equal slices of the run; prints max and p95",
    )
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return _child(args)
    rows: list[dict[str, float]] = []
    print(
        f"{'words/side':>10} {'sents A/B':>13} {'compare s':>9} {'peak MB':>8} {'+MB':>6}"
        f" {'peer s':>10} {'x peer':>8} {'read+tok s':>10} {'x read':>6} {'/doubling':>9}"
        f" {'facts s':>7} {'gap all/own':>13} {'check gap':>9} {'gc auto/full':>13}"
        + (f" {'cancel max/p95':>16}" if args.cancel else "")
    )
    details: list[str] = []
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(size), "--peer-rows", str(args.peer_rows)]
        if args.cancel:
            cmd += ["--cancel", str(args.cancel)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"{size:>10} failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        growth = ""
        if rows:
            prev = rows[-1]
            doublings = math.log2(r["tokens"] / prev["tokens"])
            growth = f"{(r['seconds'] / prev['seconds']) ** (1 / doublings):9.2f}"
        rows.append(r)
        peer = r.get("peer_seconds", float("nan"))
        print(
            f"{size:>10} {int(r['sentences_a']):>6}/{int(r['sentences_b']):<6}"
            f" {r['seconds']:9.3f} {r['rss_mb']:8.0f} {r['rss_added_mb']:6.0f}"
            f" {peer:10.1f} {peer / r['seconds']:8.0f} {r['read_tokenize']:10.3f}"
            f" {r['seconds'] / r['read_tokenize']:6.2f} {growth:>9}"
            f" {r['facts_seconds']:7.2f}"
            f" {r['max_progress_gap'] * 1000:6.0f}/{r['max_gap_outside_facts'] * 1000:4.0f}ms"
            f" {r['max_check_gap'] * 1000:7.0f}ms"
            f" {r['gc_pause_max'] * 1000:6.0f}/{r['gc_full'] * 1000:4.0f}ms"
            + (
                f" {r['cancel_latency_max'] * 1000:9.0f}/{r['cancel_latency_p95'] * 1000:4.0f}ms"
                if args.cancel
                else ""
            ),
            flush=True,
        )
        if args.cancel:
            details.append(
                f"{size:>10}: {int(r['cancel_points'])} cancelled runs; worst at progress"
                f" {r['cancel_worst_at']:.2f}: {r['cancel_worst_wait'] * 1000:.0f} ms to the"
                f" next check + {r['cancel_worst_unwind'] * 1000:.0f} ms to unwind;"
                f" longest unwind {r['cancel_unwind_max'] * 1000:.0f} ms; longest stall of the"
                f" caller while the run is freed {r['cancel_free_stall_max'] * 1000:.0f} ms"
            )
    for line in details:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
