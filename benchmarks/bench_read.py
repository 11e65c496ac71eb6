"""Reading speed: MB/s for .txt and .html files of growing size, and that the time is linear.

Texts are built from the bundled example's sentences (shuffled words keep it from being one
repeated string); .txt files use both paragraph conventions, .html pages put the same
paragraphs inside site chrome. Each size is read from disk with ``core.reading.dispatch.read_path``.

    .venv/bin/python benchmarks/bench_read.py [--max-words 1000000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.reading.dispatch import read_path  # noqa: E402

BASE = ROOT / "resources" / "examples" / "article_a.txt"


def make_paragraphs(words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocabulary = BASE.read_text(encoding="utf-8").split()
    paragraphs: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            n = rng.randint(8, 30)
            words_ = [rng.choice(vocabulary) for _ in range(n)]
            words_[0] = words_[0].capitalize()
            sentences.append(" ".join(words_).rstrip(".,") + rng.choice([".", ".", ".", "?", '."']))
            total += n
        paragraphs.append(" ".join(sentences))
    return paragraphs


def write_txt(path: Path, paragraphs: list[str], blank_lines: bool) -> None:
    sep = "\n\n" if blank_lines else "\n"
    path.write_text(
        "Headline of the benchmark text\n\n" + sep.join(paragraphs) + "\n", encoding="utf-8"
    )


def write_html(path: Path, paragraphs: list[str]) -> None:
    chrome = (
        '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>'
        "</nav></header><div class='cookie'>We use cookies. <button>Accept</button></div>"
    )
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        "<!DOCTYPE html><html><head><title>Benchmark page</title></head><body>"
        f"{chrome}<main><article><h1>Benchmark page</h1>{body}</article></main>"
        "<footer>© 2024 Example</footer></body></html>",
        encoding="utf-8",
    )


def time_read(path: Path, repeat: int) -> tuple[float, int, int, int]:
    best = float("inf")
    doc = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = read_path(path)
        best = min(best, time.perf_counter() - t0)
    assert doc is not None
    tracemalloc.start()
    read_path(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, len(doc.paragraphs), len(doc.sentences), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-words", type=int, default=1_000_000)
    args = parser.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000) if s <= args.max_words]
    print(
        f"{'kind':16} {'words':>9} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'paras':>7} "
        f"{'sents':>7} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for words in sizes:
            paragraphs = make_paragraphs(words)
            cases = [
                (
                    "txt blank-line",
                    folder / f"b{words}.txt",
                    lambda p, ps=paragraphs: write_txt(p, ps, True),
                ),
                (
                    "txt line-per-par",
                    folder / f"l{words}.txt",
                    lambda p, ps=paragraphs: write_txt(p, ps, False),
                ),
                ("html", folder / f"h{words}.html", lambda p, ps=paragraphs: write_html(p, ps)),
            ]
            for kind, path, write in cases:
                write(path)
                mb = path.stat().st_size / 1e6
                seconds, n_par, n_sent, peak = time_read(path, repeat=3 if words < 1_000_000 else 1)
                print(
                    f"{kind:16} {words:9,d} {mb:6.2f} {seconds:8.3f} {mb / seconds:7.1f} "
                    f"{n_par:7d} {n_sent:7d} {peak / 1e6:8.0f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
