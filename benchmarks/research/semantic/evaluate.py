"""Does a sentence-embedding signal raise sentence-link F1 on the gold alignments?

Inputs: ``data/<stem>.json`` from ``dump.py`` (sentences, gold pairs, the current aligner's pairs)
and sentence embeddings, either precomputed (``--emb emb/minilm``: ``<stem>.npz`` with L2-normalized
``a``/``b``) or computed here with the numpy-only static encoder (``--table tables/x.npz``).

    venv/bin/python evaluate.py --emb emb/minilm            # full MiniLM (from embed_minilm.py)
    venv/bin/python evaluate.py --table tables/m2v_256_f16.npz

Reports
1. ROC-AUC of gold-link vs non-link content sentence pairs, pooled over the 8 news pairs and the
   mean of the per-pair AUCs, for the cosine, a margin-normalized cosine, and our links (binary).
2. Decision rules that combine our links with the cosine (all pairs content x content):
   ADD  ours | {cos >= t and (i, j) mutual top-k}          (k in 1..3; or "row/col top-k" union)
   DROP ours - {cos < t2}
   BOTH ADD and DROP.
   Thresholds are chosen on one fold of the news pairs and read on the other (fold A = news 21,
   22, 23, 26; fold B = news 29, 39, 41, 43: the split of benchmarks/quality.py); held-out counts
   of both folds are summed. The rule tuned on all 8 news pairs is then run on every gold file.
Only numpy is needed (so it runs in either venv).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

HERE = Path(__file__).resolve().parent
FOLD_A = ("news_21_queens", "news_22_kraft", "news_23_mount_cook", "news_26_gigante")
FOLD_B = ("news_29_colts", "news_39_capaldi", "news_41_yida", "news_43_amd")
NEWS = FOLD_A + FOLD_B

Pair = tuple[int, int]
F32 = npt.NDArray[np.float32]
B8 = npt.NDArray[np.bool_]


@dataclass
class Case:
    stem: str
    name: str
    cos: F32  # (na, nb) cosine
    content: B8  # (na, nb) both sentences are content
    gold: B8
    pred: B8
    texts_a: list[str]
    texts_b: list[str]
    clause: F32 | None = None  # max(cos, clause of A vs B, A vs clause of B)


@dataclass(frozen=True)
class Rule:
    """ours | ADD(t, k, mode) minus DROP(t2); t or t2 = None turns that half off."""

    t: float | None = None
    k: int = 1
    mode: str = "mutual"  # "mutual": i in col top-k and j in row top-k; "either": one of them
    gap: float | None = None  # instead of top-k: within ``gap`` of the row / column best
    t2: float | None = None
    score: str = "cos"  # "cos" or "margin"

    def __str__(self) -> str:
        parts = []
        if self.t is not None:
            near = f"top-{self.k}" if self.gap is None else f"best-{self.gap:.2f}"
            parts.append(f"ADD {self.score}>={self.t:.2f} {self.mode} {near}")
        if self.t2 is not None:
            parts.append(f"DROP {self.score}<{self.t2:.2f}")
        return " + ".join(parts) or "ours as is"


def load_cases(emb_dir: Path | None, table: Path | None) -> list[Case]:
    encoder = None
    if table is not None:
        sys.path.insert(0, str(HERE))
        from encoder import StaticEncoder

        encoder = StaticEncoder.load(table)
    cases = []
    for path in sorted((HERE / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        ta = [s["text"] for s in rec["a"]]
        tb = [s["text"] for s in rec["b"]]
        if encoder is not None:
            from clauses import clauses

            ea, eb = encoder.encode(ta), encoder.encode(tb)
            cl: dict[str, np.ndarray] = {}
            for side, texts in (("a", ta), ("b", tb)):
                pieces = [(k, c) for k, t in enumerate(texts) for c in clauses(t)]
                cl[f"c{side}"] = encoder.encode([c for _, c in pieces])
                cl[f"c{side}_owner"] = np.array([k for k, _ in pieces], dtype=np.int64)
        else:
            assert emb_dir is not None
            z = np.load(emb_dir / f"{path.stem}.npz")
            ea, eb = z["a"], z["b"]
            cl = {k: z[k] for k in ("ca", "ca_owner", "cb", "cb_owner") if k in z.files}
        cos = (ea @ eb.T).astype(np.float32)
        clause = None
        if cl:
            clause = cos.copy()
            for owner, vecs, other, axis in (
                (cl["ca_owner"], cl["ca"], eb, 0),
                (cl["cb_owner"], cl["cb"], ea, 1),
            ):
                if len(owner) == 0:
                    continue
                sims = (vecs @ other.T).astype(np.float32)  # (pieces, n_other)
                for k, row in zip(owner.tolist(), sims, strict=True):
                    if axis == 0:
                        clause[k] = np.maximum(clause[k], row)
                    else:
                        clause[:, k] = np.maximum(clause[:, k], row)
        ca = np.array([s["content"] for s in rec["a"]], dtype=bool)
        cb = np.array([s["content"] for s in rec["b"]], dtype=bool)
        gold = np.zeros(cos.shape, dtype=bool)
        for i, j in rec["gold"]:
            gold[i, j] = True
        pred = np.zeros(cos.shape, dtype=bool)
        for i, j, _ in rec["pred"]:
            pred[i, j] = True
        cases.append(
            Case(path.stem, rec["name"], cos, ca[:, None] & cb[None, :], gold, pred, ta, tb, clause)
        )
    return cases


def margin(cos: F32, content: B8, k: int = 3) -> F32:
    """Ratio margin (Artetxe & Schwenk 2019): cos / mean of the k-NN cosines of row and column."""
    c = np.where(content, cos, np.nan)
    kr = min(k, c.shape[1])
    kc = min(k, c.shape[0])
    with np.errstate(all="ignore"):
        row = np.nanmean(-np.sort(-np.nan_to_num(c, nan=-1.0), axis=1)[:, :kr], axis=1)
        col = np.nanmean(-np.sort(-np.nan_to_num(c, nan=-1.0), axis=0)[:kc, :], axis=0)
        denom = (row[:, None] + col[None, :]) / 2
        out = np.where(denom > 0, cos / np.maximum(denom, 1e-6), 0.0)
    return out.astype(np.float32)


def gap_mask(s: F32, content: B8, gap: float, mode: str) -> B8:
    """Pairs within ``gap`` of row i's best and/or of column j's best."""
    x = np.where(content, s, -np.inf)
    if x.size == 0:
        return np.zeros(x.shape, dtype=bool)
    in_row = x >= x.max(axis=1, keepdims=True) - gap
    in_col = x >= x.max(axis=0, keepdims=True) - gap
    m: B8 = (in_row & in_col) if mode == "mutual" else (in_row | in_col)
    return m & content


def topk_mask(s: F32, content: B8, k: int, mode: str) -> B8:
    """Pairs whose B is among row i's top-k and/or whose A is among column j's top-k."""
    x = np.where(content, s, -np.inf)
    na, nb = x.shape
    if na == 0 or nb == 0:
        return np.zeros(x.shape, dtype=bool)
    kr, kc = min(k, nb), min(k, na)
    row_thr = -np.sort(-x, axis=1)[:, kr - 1 : kr]
    col_thr = -np.sort(-x, axis=0)[kc - 1 : kc, :]
    in_row = x >= row_thr
    in_col = x >= col_thr
    m = (in_row & in_col) if mode == "mutual" else (in_row | in_col)
    return m & content


def scored(case: Case, score: str) -> F32:
    if score == "cos":
        return case.cos
    if score == "clause":
        assert case.clause is not None
        return case.clause
    return _margin_cached(case, None)


def apply(case: Case, rule: Rule, cache: dict[tuple[str, str, object, str], B8]) -> B8:
    s = scored(case, rule.score)
    out = case.pred.copy()
    if rule.t is not None:
        key = (case.stem, rule.score, rule.k if rule.gap is None else rule.gap, rule.mode)
        m = cache.get(key)
        if m is None:
            if rule.gap is None:
                m = topk_mask(s, case.content, rule.k, rule.mode)
            else:
                m = gap_mask(s, case.content, rule.gap, rule.mode)
            cache[key] = m
        out |= m & (s >= rule.t)
    if rule.t2 is not None:
        out &= ~(s < rule.t2)
    return out


_MARGIN: dict[str, F32] = {}


def _margin_cached(case: Case, cache: object) -> F32:
    m = _MARGIN.get(case.stem)
    if m is None:
        m = margin(case.cos, case.content)
        _MARGIN[case.stem] = m
    return m


@dataclass(frozen=True)
class Count:
    tp: int
    fp: int
    fn: int

    def __add__(self, o: Count) -> Count:
        return Count(self.tp + o.tp, self.fp + o.fp, self.fn + o.fn)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        return (
            f"{label:36} {self.p:6.3f} {self.r:6.3f} {self.f1:6.3f}"
            f" {self.tp:4d} {self.fp:4d} {self.fn:4d}"
        )


def count(case: Case, got: B8) -> Count:
    g = case.gold
    return Count(int((got & g).sum()), int((got & ~g).sum()), int((~got & g).sum()))


def total(
    cases: Iterable[Case], rule: Rule, cache: dict[tuple[str, str, object, str], B8]
) -> Count:
    c = Count(0, 0, 0)
    for case in cases:
        c = c + count(case, apply(case, rule, cache))
    return c


def auc(scores: npt.NDArray[np.float64], labels: B8) -> float:
    """ROC-AUC by the Mann-Whitney rank sum (ties get mid ranks)."""
    pos = int(labels.sum())
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores), dtype=np.float64)
    s = scores[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def grid(scores: Sequence[str]) -> list[Rule]:
    ts = [round(x, 2) for x in np.arange(0.30, 0.951, 0.01)]
    t2s = [round(x, 2) for x in np.arange(0.10, 0.651, 0.02)]
    rules: list[Rule] = [Rule()]
    for score in scores:
        tt = (
            ts
            if score in ("cos", "clause")
            else [round(x, 2) for x in np.arange(0.80, 1.501, 0.02)]
        )
        tt2 = (
            t2s
            if score in ("cos", "clause")
            else [round(x, 2) for x in np.arange(0.20, 1.001, 0.02)]
        )
        adds = [
            Rule(t=t, k=k, mode=m, score=score)
            for t, k, m in itertools.product(tt, (1, 2, 3), ("mutual", "either"))
        ] + [
            Rule(t=t, k=1, mode=m, gap=g, score=score)
            for t, g, m in itertools.product(tt, (0.03, 0.06, 0.1, 0.15), ("mutual", "either"))
        ]
        drops = [Rule(t2=t2, score=score) for t2 in tt2]
        both = [
            Rule(t=a.t, k=a.k, mode=a.mode, gap=a.gap, t2=d.t2, score=score)
            for a in adds
            for d in drops
            if d.t2 is not None and a.t is not None and d.t2 < a.t
        ]
        rules += adds + drops + both
    return rules


def family(rule: Rule) -> str:
    if rule.t is None and rule.t2 is None:
        return "none"
    if rule.t2 is None:
        return "ADD"
    if rule.t is None:
        return "DROP"
    return "BOTH"


def best(
    cases: list[Case], rules: list[Rule], cache: dict[tuple[str, str, object, str], B8]
) -> tuple[Rule, Count]:
    """Highest micro F1; ties go to the most conservative rule (higher t, lower t2)."""
    top: tuple[float, float, float] | None = None
    pick: tuple[Rule, Count] = (rules[0], total(cases, rules[0], cache))
    for rule in rules:
        c = total(cases, rule, cache)
        key = (round(c.f1, 6), rule.t if rule.t is not None else 9.0, -(rule.t2 or 0.0))
        if top is None or key > top:
            top, pick = key, (rule, c)
    return pick


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--emb", type=Path, help="dir of <stem>.npz embeddings")
    p.add_argument("--table", type=Path, help="static table for encoder.StaticEncoder")
    p.add_argument("--scores", default="cos,margin", help="score kinds to search")
    p.add_argument("--show", action="store_true", help="list changed pairs of the final rule")
    p.add_argument("--json", type=Path, help="write the headline numbers here")
    args = p.parse_args(argv)
    if (args.emb is None) == (args.table is None):
        p.error("give exactly one of --emb and --table")
    cases = load_cases(args.emb, args.table)
    by = {c.stem: c for c in cases}
    news = [by[s] for s in NEWS]
    fa, fb = [by[s] for s in FOLD_A], [by[s] for s in FOLD_B]
    out: dict[str, object] = {"source": str(args.emb or args.table)}

    # 1. AUC
    print("== ROC-AUC, gold-link vs non-link content pairs (news pairs)")
    for label, fn in (
        ("cosine", lambda c: c.cos),
        ("margin cosine", lambda c: margin(c.cos, c.content)),
        ("clause-max cosine", lambda c: c.clause if c.clause is not None else c.cos),
        ("our links (0/1)", lambda c: c.pred.astype(np.float32)),
        ("ours + cosine (ours=+1)", lambda c: c.pred.astype(np.float32) + c.cos),
    ):
        per = []
        allc, alll = [], []
        for c in news:
            s = np.asarray(fn(c), dtype=np.float64)[c.content]
            lab = c.gold[c.content]
            per.append(auc(s, lab))
            allc.append(s)
            alll.append(lab)
        pooled = auc(np.concatenate(allc), np.concatenate(alll))
        print(f"  {label:26} pooled {pooled:.3f}   mean per pair {np.nanmean(per):.3f}")
        out[f"auc_{label}"] = {"pooled": pooled, "mean": float(np.nanmean(per))}

    # recall ceiling: gold pairs the cosine puts in the row or column top-k
    for k in (1, 2, 3):
        hit = sum(int((c.gold & topk_mask(c.cos, c.content, k, "either")).sum()) for c in news)
        missed = sum(
            int((c.gold & ~c.pred & topk_mask(c.cos, c.content, k, "either")).sum()) for c in news
        )
        ng = sum(int(c.gold.sum()) for c in news)
        nfn = sum(int((c.gold & ~c.pred).sum()) for c in news)
        print(f"  gold pairs in cosine row|col top-{k}: {hit}/{ng}; of our FNs: {missed}/{nfn}")

    # 2. rules
    cache: dict[tuple[str, str, object, str], B8] = {}
    rules = grid(args.scores.split(","))
    print(f"\n== decision rules ({len(rules)} in the grid), news pairs")
    print(f"{'':36} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    print(total(news, Rule(), cache).row("ours as is"))
    fam_rules: dict[str, list[Rule]] = {}
    for r in rules:
        fam_rules.setdefault(f"{family(r)}/{r.score}", []).append(r)
    held: dict[str, Count] = {}
    for fam, rs in sorted(fam_rules.items()):
        if fam.startswith("none"):
            continue
        ra, ca = best(fa, rs, cache)
        rb, cb = best(fb, rs, cache)
        ho = total(fb, ra, cache) + total(fa, rb, cache)
        held[fam] = ho
        rall, call = best(news, rs, cache)
        print(ho.row(f"{fam} held-out (2-fold)"))
        print(f"    tuned on A: {ra}  (A {ca.f1:.3f} -> B {total(fb, ra, cache).f1:.3f})")
        print(f"    tuned on B: {rb}  (B {cb.f1:.3f} -> A {total(fa, rb, cache).f1:.3f})")
        print(f"    tuned on all 8 (in-sample {call.f1:.3f}): {rall}")
        out[f"heldout_{fam}"] = {"p": ho.p, "r": ho.r, "f1": ho.f1, "rule_all": str(rall)}

    # upper bound: every news pair tuned on itself (not a usable rule; a ceiling)
    for fam in sorted(held):
        orc = Count(0, 0, 0)
        for c in news:
            orc = orc + best([c], fam_rules[fam], cache)[1]
        print(orc.row(f"{fam} ceiling: each pair tuned on itself"))
        out[f"ceiling_{fam}"] = orc.f1

    # 3. the best family's all-news rule on every gold file
    fam = max(held, key=lambda f: held[f].f1)
    rall, _ = best(news, fam_rules[fam], cache)
    print(f"\n== best family by held-out F1: {fam}; its all-news rule: {rall}")
    print(f"{'gold':36} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}   (ours F1)")
    for c in cases:
        now = count(c, apply(c, rall, cache))
        was = count(c, c.pred)
        print(now.row(c.name[:36]) + f"   ({was.f1:.3f})")
        if args.show:
            got = apply(c, rall, cache)
            for tag, m in (("+", got & ~c.pred), ("-", c.pred & ~got)):
                for i, j in zip(*np.nonzero(m), strict=True):
                    ok = "gold" if c.gold[i, j] else "NOT gold"
                    print(f"   {tag} {ok} cos {c.cos[i, j]:.2f} a{i}: {c.texts_a[i][:60]!r}")
                    print(f"        b{j}: {c.texts_b[j][:60]!r}")
    out["final_rule"] = str(rall)
    out["final_news"] = total(news, rall, cache).f1
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
