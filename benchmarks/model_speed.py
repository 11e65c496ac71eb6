"""Time of a typical comparison with and without the pair model, first run in a fresh process.

Each case runs in its own subprocess so the first ``compare()`` pays for everything a user's
first comparison pays for: importing core, loading the model and its tokenizer, reading the
candidate pairs. Printed per case: import seconds, first compare (model load included), a
second compare of the same pair, links, links the model added and pairs it read.

Cases: a real pair of about 1,000 words a side (two same-event news pairs of ../shared put end
to end: 43 AMD + 26 Gigante), and a generated 1,000-word pair (``bench_compare.generate_pair``).

Usage: ``python benchmarks/model_speed.py``
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "news-pairs"
REAL = ("ecbplus_43_amd_acquires_seamicro_2012", "ecbplus_26_vincent_gigante_death_2005")

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from core.compare import compare
from core.options import CompareOptions
from core.reader import read_text
t1 = time.perf_counter()
texts = json.loads(sys.stdin.read())
a, b = read_text(texts[0], "a.txt"), read_text(texts[1], "b.txt")
opts = CompareOptions(use_model={model})
t2 = time.perf_counter()
c = compare(a, b, opts)
t3 = time.perf_counter()
compare(a, b, opts)
t4 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first": t3 - t2, "second": t4 - t3, "links": len(c.links),
    "model_links": c.summary.model_links, "words": [len(x.split()) for x in texts]}}))
"""


def texts() -> dict[str, tuple[str, str]]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_compare import generate_pair

    out = {"generated 1000 words": generate_pair(1000)}
    if all((SHARED / d).is_dir() for d in REAL):
        a = "\n\n".join((SHARED / d / "a.txt").read_text(encoding="utf-8") for d in REAL)
        b = "\n\n".join((SHARED / d / "b.txt").read_text(encoding="utf-8") for d in REAL)
        out["news 43+26 (~1,200 words)"] = (a, b)
    return out


def main() -> int:
    print(
        f"{'case':28} {'model':>5} {'words':>11} {'import':>7} {'first':>7} {'second':>7}"
        f" {'links':>5} {'model':>5}"
    )
    for name, pair in texts().items():
        for model in (False, True):
            code = _CHILD.format(root=str(ROOT), model=model)
            res = subprocess.run(
                [sys.executable, "-c", code],
                input=json.dumps(pair),
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(res.stdout.strip().splitlines()[-1])
            words = f"{r['words'][0]}/{r['words'][1]}"
            print(
                f"{name:28} {'on' if model else 'off':>5} {words:>11} {r['import']:7.3f}"
                f" {r['first']:7.3f} {r['second']:7.3f} {r['links']:5d} {r['model_links']:5d}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
