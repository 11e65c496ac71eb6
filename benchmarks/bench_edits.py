"""Time of one hand edit against a full ``compare()`` on a generated pair (default 10k words).

An edit recomputes only what it touches (``core.edits``): the coverage of the sentences it
names, the paragraph links of their paragraphs, the facts (matched again from mentions that are
extracted once per pair: the first edit pays for that) and the summary. Printed: the median
(and max) time of compare(), of the first edit, and of each kind of edit after it, over
``--repeat`` runs, and the ratio to compare().

Usage: ``python benchmarks/bench_edits.py [--words 10000] [--repeat 7]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_compare import generate_pair  # noqa: E402
from core.compare import compare  # noqa: E402
from core.edits import (  # noqa: E402
    AddLink,
    Edit,
    MarkSentence,
    RemoveLink,
    apply_edit,
    forget_matchers,
)
from core.model import Comparison, Coverage  # noqa: E402
from core.reading.dispatch import read_text  # noqa: E402


def _timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _edits(c: Comparison) -> dict[str, Edit]:
    ua = [i for i, x in enumerate(c.coverage_a) if x.counted and x.status is Coverage.UNIQUE]
    ub = [i for i, x in enumerate(c.coverage_b) if x.counted and x.status is Coverage.UNIQUE]
    middle = c.links[len(c.links) // 2]
    linked = next(i for i, x in enumerate(c.coverage_a) if x.links and i > len(ua))
    return {
        "add link": AddLink((ua[len(ua) // 2],), (ub[len(ub) // 2],)),
        "remove link": RemoveLink(middle.a, middle.b),
        "mark not shared": MarkSentence("a", linked, "not_shared"),
        "mark shared": MarkSentence("b", ub[0], "shared"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    text_a, text_b = generate_pair(args.words)
    a, b = read_text(text_a, "a.txt"), read_text(text_b, "b.txt")
    full = _timed(lambda: compare(a, b), args.repeat)
    c = compare(a, b)
    edits = _edits(c)
    first_edit = next(iter(edits.values()))

    def first() -> None:
        forget_matchers()
        apply_edit(c, first_edit)

    rows = [("compare()", full), ("first edit (extracts facts' mentions)", _timed(first, 3))]
    apply_edit(c, first_edit)  # mentions kept from here on
    for name, edit in edits.items():
        rows.append((name, _timed(lambda e=edit: apply_edit(c, e), args.repeat)))  # type: ignore[misc]
    base = statistics.median(full)
    print(
        f"{args.words} words a side: {len(a.sentences)}/{len(b.sentences)} sentences, "
        f"{len(c.links)} links, {len(c.facts)} facts"
    )
    print(f"{'':40} {'median':>9} {'max':>9} {'× compare':>10}")
    for name, times in rows:
        med = statistics.median(times)
        print(f"{name:40} {med * 1000:7.1f}ms {max(times) * 1000:7.1f}ms {med / base:10.3f}")


if __name__ == "__main__":
    main()
