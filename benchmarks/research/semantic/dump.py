"""Dump sentences, gold pairs and the current aligner's links for every gold alignment file.

Run with the product venv so its core/ and benchmarks/ are imported:
    cd benchmarks/research/semantic && PYTHONPATH=../../.. ../../../.venv/bin/python dump.py
Writes data/<gold-stem>.json with: name, a/b sentences (text, content flag),
gold pairs, predicted pairs (with link similarity).
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.quality import GOLD_DIR, gold_pairs, resolve, sentence_at
from core.compare import compare
from core.reading.dispatch import read_path

OUT = Path(__file__).resolve().parent / "data"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        pa, pb = resolve(gold["a"]), resolve(gold["b"])
        if not (pa.is_file() and pb.is_file()):
            print("skip", path.stem)
            continue
        a, b = read_path(pa), read_path(pb)
        cmp = compare(a, b)
        want = sorted(gold_pairs(gold, a, b))
        got: dict[tuple[int, int], float] = {}
        for link in cmp.links:
            for i in link.a:
                for j in link.b:
                    got[(i, j)] = max(got.get((i, j), 0.0), link.similarity)
        rec = {
            "name": str(gold.get("name") or path.stem),
            "stem": path.stem,
            "a": [
                {"text": a.sentence_text(i), "content": a.is_content_sentence(i)}
                for i in range(len(a.sentences))
            ],
            "b": [
                {"text": b.sentence_text(j), "content": b.is_content_sentence(j)}
                for j in range(len(b.sentences))
            ],
            "gold": [list(p) for p in want],
            "groups": [
                [
                    sorted({sentence_at(a, t) for t in g["a"]}),
                    sorted({sentence_at(b, t) for t in g["b"]}),
                ]
                for g in gold.get("links", [])
            ],
            "pred": [[i, j, s] for (i, j), s in sorted(got.items())],
        }
        (OUT / f"{path.stem}.json").write_text(json.dumps(rec, indent=1), encoding="utf-8")
        print(path.stem, len(a.sentences), len(b.sentences), len(want), len(got))


if __name__ == "__main__":
    main()
