"""How far two independent human annotations of the same pairs agree, and the aligner with each.

The second annotation (``tests/data/gold/align2/``) was written by another annotator from the
same guidelines (tests/data/gold/README.md) without seeing the first gold or the aligner's output.
Human-vs-human F1 is the ceiling a sentence-link F1 against one annotation can be read against.

Usage: ``python benchmarks/agreement.py`` (``make quality`` runs it too).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import (  # noqa: E402
    GOLD_DIR,
    Score,
    gold_pairs,
    micro,
    predicted_pairs,
    resolve,
)
from core.compare import compare  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402

SECOND_DIR = ROOT / "tests" / "data" / "gold" / "align2"


def _row(label: str, s: Score) -> str:
    counts = f"{s.tp:4d} {s.fp:4d} {s.fn:4d}"
    return f"{label:34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {counts}"


def main() -> int:
    human: list[Score] = []
    vs_first: list[Score] = []
    vs_second: list[Score] = []
    print(f"{'pair / comparison':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for second_path in sorted(SECOND_DIR.glob("*.json")):
        first_path = GOLD_DIR / second_path.name
        first = json.loads(first_path.read_text(encoding="utf-8"))
        second = json.loads(second_path.read_text(encoding="utf-8"))
        pa, pb = resolve(first["a"]), resolve(first["b"])
        if not (pa.is_file() and pb.is_file()):
            print(f"{second_path.stem:34} skipped (article files absent)")
            continue
        a, b = read_path(pa), read_path(pb)
        g1, g2 = gold_pairs(first, a, b), gold_pairs(second, a, b)
        got = predicted_pairs(compare(a, b))
        name = second_path.stem
        rows = [
            ("second vs first annotator", Score.of(name, g2, g1)),
            ("aligner vs first annotator", Score.of(name, got, g1)),
            ("aligner vs second annotator", Score.of(name, got, g2)),
        ]
        human.append(rows[0][1])
        vs_first.append(rows[1][1])
        vs_second.append(rows[2][1])
        print(name)
        for label, s in rows:
            print(_row("  " + label, s))
    print("micro over the pairs above")
    print(_row("  second vs first annotator", micro(human)))
    print(_row("  aligner vs first annotator", micro(vs_first)))
    print(_row("  aligner vs second annotator", micro(vs_second)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
