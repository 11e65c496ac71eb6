"""Sentence-link precision, recall and F1 of ``compare()`` against the gold alignments.

Gold files: ``tests/data/gold/align/*.json`` (format in the ALIGN brief): each link group names
A and B sentences by an exact, unique substring; every A sentence of a group links to every B
sentence of it. Predicted links are expanded into (a_sentence, b_sentence) pairs the same way.

Second table: per content sentence, "shown as shared" P/R/F1. A sentence is gold-shared when
it is in any gold link, and shown as shared when the window does not mark it unique (coverage
status shared or partial: some link holds it). Caption, byline and boilerplate sentences are
not judged.

Both tables give the time per pair. Fold A (the first four news pairs) and fold B (the last
four) are printed apart, so a setting picked on one fold can be read on the other.

Usage: ``python benchmarks/quality.py [gold files...]`` (``make quality``). Prints a table per
gold file and the micro average; ``shared:`` paths resolve under ../shared and are skipped when
absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.compare import compare  # noqa: E402
from core.model import Comparison, Coverage, Document  # noqa: E402
from core.options import CompareOptions  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402

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


Judged = tuple[str, int]  # ("a" | "b", sentence index)


def shown_shared(comparison: Comparison) -> set[Judged]:
    """Content sentences the window does not show as unique (shared or partly shared)."""
    out: set[Judged] = set()
    for side, cov in (("a", comparison.coverage_a), ("b", comparison.coverage_b)):
        out |= {(side, i) for i, c in enumerate(cov) if c.counted and c.status != Coverage.UNIQUE}
    return out


def gold_shared(want: set[Pair], a: Document, b: Document) -> set[Judged]:
    """Content sentences that are in some gold link."""
    return {("a", i) for i, _ in want if a.is_content_sentence(i)} | {
        ("b", j) for _, j in want if b.is_content_sentence(j)
    }


def sentence_score(name: str, comparison: Comparison, want: set[Pair]) -> Score:
    """Per content sentence: shown as shared against in a gold link."""
    return Score.of(name, shown_shared(comparison), gold_shared(want, comparison.a, comparison.b))


def score_file(
    path: Path, options: CompareOptions | None = None, root: Path = ROOT, shared: Path = SHARED
) -> tuple[Score, set[Pair], set[Pair], Comparison] | None:
    """Score one gold file; None when one of its articles is absent (shared data missing)."""
    result = score_file_timed(path, options, root, shared)
    return None if result is None else result[:4]


def score_file_timed(
    path: Path, options: CompareOptions | None = None, root: Path = ROOT, shared: Path = SHARED
) -> tuple[Score, set[Pair], set[Pair], Comparison, Score, float] | None:
    """``score_file`` plus the per-sentence score and the seconds compare() took."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    pa, pb = resolve(gold["a"], root, shared), resolve(gold["b"], root, shared)
    if not (pa.is_file() and pb.is_file()):
        return None
    a, b = read_path(pa), read_path(pb)
    start = time.perf_counter()
    comparison = compare(a, b, options)
    took = time.perf_counter() - start
    want = gold_pairs(gold, a, b)
    got = predicted_pairs(comparison)
    name = str(gold.get("name") or path.stem)
    score = Score.of(name, got, want)
    return score, want, got, comparison, sentence_score(name, comparison, want), took


def micro(scores: Iterable[Score]) -> Score:
    s = list(scores)
    return Score("micro", sum(x.tp for x in s), sum(x.fp for x in s), sum(x.fn for x in s))


#: the 2-fold split of the real pairs for any threshold choice (tune on one, read the other)
FOLD_A = ("news-21", "news-22", "news-23", "news-26")
FOLD_B = ("news-29", "news-39", "news-41", "news-43")


@dataclass(frozen=True)
class Row:
    """One gold file's figures for one setting."""

    name: str
    links: Score
    sentences: Score
    seconds: float


def measure(files: list[Path], options: CompareOptions) -> list[Row]:
    rows: list[Row] = []
    for f in files:
        result = score_file_timed(f, options)
        if result is not None:
            s, _, _, _, sent, took = result
            rows.append(Row(s.name, s, sent, took))
    return rows


def _line(label: str, m: Score) -> str:
    figures = f"{m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} {m.tp:4d} {m.fp:4d} {m.fn:4d}"
    return f"{label:28} {figures}"


def _fold(rows: list[Row], prefixes: tuple[str, ...]) -> list[Row]:
    return [r for r in rows if r.name.startswith(prefixes)]


def totals(rows: list[Row]) -> list[tuple[str, Score, Score]]:
    out = [("micro average", micro(r.links for r in rows), micro(r.sentences for r in rows))]
    for label, part in (
        ("micro, news pairs", [r for r in rows if r.name.startswith("news")]),
        ("micro, news fold A", _fold(rows, FOLD_A)),
        ("micro, news fold B", _fold(rows, FOLD_B)),
    ):
        if part:
            out.append((label, micro(r.links for r in part), micro(r.sentences for r in part)))
    return out


def report(title: str, rows: list[Row]) -> None:
    print(f"\n== {title}")
    head = f"{'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    print(f"{'gold':28} {'links:':>6}{head[6:]}   {'sentences shown shared:':>23}{head[6:]}  s")
    for r in rows:
        print(f"{_line(r.name[:28], r.links)}   {_line('', r.sentences)[29:]} {r.seconds:6.3f}")
    for label, links, sents in totals(rows):
        print(f"{_line(label, links)}   {_line('', sents)[29:]}")


def run(files: list[Path], options: CompareOptions | None = None, verbose: bool = False) -> Score:
    """The link table for one setting (and false pairs with ``verbose``); the micro link score."""
    opts = options or CompareOptions()
    rows = measure(files, opts)
    report("links and sentences", rows)
    if verbose:
        for f in files:
            result = score_file(f, opts)
            if result is None:
                continue
            _, want, got, cmp = result
            print(f"-- {f.stem}")
            for tag, pairs in (("FP", got - want), ("FN", want - got)):
                for i, j in sorted(pairs):
                    print(f"   {tag} a{i}: {cmp.a.sentence_text(i)[:70]!r}")
                    print(f"      b{j}: {cmp.b.sentence_text(j)[:70]!r}")
    return micro(r.links for r in rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("gold", nargs="*", type=Path, help="gold files (default: all)")
    p.add_argument("-v", "--verbose", action="store_true", help="list false pairs")
    args = p.parse_args(argv)
    files = args.gold or sorted(GOLD_DIR.glob("*.json"))
    run(files, CompareOptions(), verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
