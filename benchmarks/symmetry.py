"""How many pairings of the text files compare differently when A and B are swapped.

``compare(B, A)`` must be ``compare(A, B)`` with the sides swapped: the same links (same
similarity, kind and cover), the same coverage per sentence, the same facts with only_a and
only_b exchanged, the same summary. Every pair of ``.txt`` files under ``../shared/data`` and
``tests/data`` is compared both ways; prints the asymmetric pairs and their number.

Usage: ``python benchmarks/symmetry.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.compare import compare  # noqa: E402
from core.model import Comparison, Document, FactStatus  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402

SHARED = ROOT.parent / "shared"
_SWAPPED = {FactStatus.ONLY_A: FactStatus.ONLY_B, FactStatus.ONLY_B: FactStatus.ONLY_A}


def text_files() -> list[Path]:
    """Every ``.txt`` file of ../shared/data (when present) and tests/data, in path order."""
    roots = [SHARED / "data", ROOT / "tests" / "data"]
    return sorted(p for r in roots if r.is_dir() for p in r.rglob("*.txt"))


def _links(c: Comparison, swap: bool) -> set[tuple[object, ...]]:
    out: set[tuple[object, ...]] = set()
    for link in c.links:
        a, b, cover = link.a, link.b, link.cover
        if swap:
            a, b, cover = b, a, (cover[1], cover[0])
        out.add((a, b, link.similarity, link.kind, cover))
    return out


def _facts(c: Comparison, swap: bool) -> set[tuple[object, ...]]:
    out: set[tuple[object, ...]] = set()
    for f in c.facts:
        a, b, status = f.a, f.b, f.status
        if swap:
            a, b, status = b, a, _SWAPPED.get(status, status)
        out.add((f.kind, status, a, b, f.content))
    return out


def _coverage(c: Comparison, side: str) -> list[tuple[object, ...]]:
    cov = c.coverage_a if side == "a" else c.coverage_b
    return [(s.status, s.score, s.counted) for s in cov]


def mirror_differences(ab: Comparison, ba: Comparison) -> list[str]:
    """What differs between ``ab`` = compare(A, B) and ``ba`` = compare(B, A) read mirrored."""
    out: list[str] = []
    if _links(ab, False) != _links(ba, True):
        out.append(f"links: {len(ab.links)} one way, {len(ba.links)} the other")
    if _coverage(ab, "a") != _coverage(ba, "b") or _coverage(ab, "b") != _coverage(ba, "a"):
        out.append("coverage")
    if _facts(ab, False) != _facts(ba, True):
        out.append("facts")
    s, t = ab.summary, ba.summary
    mirrored = (t.b_shared, t.a_shared, t.links, t.b_unique, t.a_unique, t.b_partial)
    if (s.a_shared, s.b_shared, s.links, s.a_unique, s.b_unique, s.a_partial) != mirrored or (
        s.b_partial,
        s.conflicts,
    ) != (t.a_partial, t.conflicts):
        out.append(
            f"summary: shared {s.a_shared}/{s.b_shared} one way, {t.b_shared}/{t.a_shared} mirrored"
        )
    return out


def asymmetric_pairs(
    docs: list[tuple[str, Document]],
) -> Iterator[tuple[str, str, list[str]]]:
    """Each unordered pair of ``docs`` whose two comparisons are not mirror images."""
    for (na, a), (nb, b) in itertools.combinations(docs, 2):
        diff = mirror_differences(compare(a, b), compare(b, a))
        if diff:
            yield na, nb, diff


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = parser.parse_args()
    files = text_files()
    if args.limit:
        files = files[: args.limit]
    docs = [(str(p.relative_to(ROOT.parent)), read_path(p)) for p in files]
    pairs = len(docs) * (len(docs) - 1) // 2
    bad = 0
    for na, nb, diff in asymmetric_pairs(docs):
        bad += 1
        print(f"{na} | {nb}: {'; '.join(diff)}")
    print(f"{bad} of {pairs} pairs asymmetric ({len(docs)} files)")


if __name__ == "__main__":
    main()
