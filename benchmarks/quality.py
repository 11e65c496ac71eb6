"""Sentence-link precision, recall and F1 of ``compare()`` against the gold alignments.

Gold files: ``tests/data/gold/align/*.json`` (format in the ALIGN brief): each link group names
A and B sentences by an exact, unique substring; every A sentence of a group links to every B
sentence of it. Predicted links are expanded into (a_sentence, b_sentence) pairs the same way.

Usage: ``python benchmarks/quality.py [gold files...]`` (``make quality``). Prints a table per
gold file and the micro average; ``shared:`` paths resolve under ../shared and are skipped when
absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.compare import compare  # noqa: E402
from core.model import Comparison, Document  # noqa: E402
from core.options import CompareOptions  # noqa: E402
from core.reader import read_path  # noqa: E402

GOLD_DIR = ROOT / "tests" / "data" / "gold" / "align"
SHARED = ROOT.parent / "shared"

Pair = tuple[int, int]


class GoldError(ValueError):
    """A gold file names a passage that is missing or not unique."""


@dataclass(frozen=True)
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, name: str, got: set[Pair], want: set[Pair]) -> Score:
        """Predicted pairs ``got`` scored against the gold pairs ``want``."""
        return cls(name, len(got & want), len(got - want), len(want - got))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def resolve(ref: str, root: Path = ROOT, shared: Path = SHARED) -> Path:
    """A gold path: ``shared:x`` under ../shared, anything else relative to the repo root."""
    if ref.startswith("shared:"):
        return shared / ref.removeprefix("shared:")
    return root / ref


def sentence_at(doc: Document, needle: str) -> int:
    """Index of the sentence whose span holds the first character of the unique ``needle``."""
    pos = doc.text.find(needle)
    if pos < 0:
        raise GoldError(f"{doc.source}: passage not found: {needle!r}")
    if doc.text.find(needle, pos + 1) >= 0:
        raise GoldError(f"{doc.source}: passage not unique: {needle!r}")
    for i, s in enumerate(doc.sentences):
        if s.span.contains(pos):
            return i
    raise GoldError(f"{doc.source}: passage is not inside a sentence: {needle!r}")


def gold_pairs(gold: dict[str, object], a: Document, b: Document) -> set[Pair]:
    pairs: set[Pair] = set()
    links = gold.get("links", [])
    assert isinstance(links, list)
    for group in links:
        sa = {sentence_at(a, t) for t in group["a"]}
        sb = {sentence_at(b, t) for t in group["b"]}
        pairs |= {(i, j) for i in sa for j in sb}
    return pairs


def predicted_pairs(comparison: Comparison) -> set[Pair]:
    return {(i, j) for link in comparison.links for i in link.a for j in link.b}


def score_file(
    path: Path, options: CompareOptions | None = None, root: Path = ROOT, shared: Path = SHARED
) -> tuple[Score, set[Pair], set[Pair], Comparison] | None:
    """Score one gold file; None when one of its articles is absent (shared data missing)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    pa, pb = resolve(gold["a"], root, shared), resolve(gold["b"], root, shared)
    if not (pa.is_file() and pb.is_file()):
        return None
    a, b = read_path(pa), read_path(pb)
    comparison = compare(a, b, options)
    want = gold_pairs(gold, a, b)
    got = predicted_pairs(comparison)
    name = str(gold.get("name") or path.stem)
    score = Score.of(name, got, want)
    return score, want, got, comparison


def micro(scores: Iterable[Score]) -> Score:
    s = list(scores)
    return Score("micro", sum(x.tp for x in s), sum(x.fp for x in s), sum(x.fn for x in s))


def run(files: list[Path], options: CompareOptions | None = None, verbose: bool = False) -> Score:
    scores: list[Score] = []
    print(f"{'gold':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for f in files:
        result = score_file(f, options)
        if result is None:
            print(f"{f.stem:34} skipped (article files absent)")
            continue
        s, want, got, cmp = result
        scores.append(s)
        print(
            f"{s.name[:34]:34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
            f" {s.tp:4d} {s.fp:4d} {s.fn:4d}"
        )
        if verbose:
            for tag, pairs in (("FP", got - want), ("FN", want - got)):
                for i, j in sorted(pairs):
                    print(f"   {tag} a{i}: {cmp.a.sentence_text(i)[:70]!r}")
                    print(f"      b{j}: {cmp.b.sentence_text(j)[:70]!r}")
    rows = [("micro average", micro(scores))]
    news = [s for s in scores if s.name.startswith("news")]
    if news:
        # the halves of the real pairs, for 2-fold checks of tuning (tune on one, read the other)
        half = (len(news) + 1) // 2
        rows += [
            ("micro, news pairs", micro(news)),
            ("micro, news fold A", micro(news[:half])),
            ("micro, news fold B", micro(news[half:])),
        ]
    for label, m in rows:
        print(
            f"{label:34} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}"
            f" {m.tp:4d} {m.fp:4d} {m.fn:4d}"
        )
    return rows[0][1]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("gold", nargs="*", type=Path, help="gold files (default: all)")
    p.add_argument("-v", "--verbose", action="store_true", help="list false pairs")
    args = p.parse_args(argv)
    files = args.gold or sorted(GOLD_DIR.glob("*.json"))
    run(files, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
