"""Export time and memory per size: the HTML report against the PDF report.

For each size a generated pair (``bench_compare.generate_pair``: reordered, paraphrased,
dropped and added sentences) is compared, then one format is written to a temporary folder.
Each (size, format) runs in its own process, so a peak resident size belongs to one export:
the figure is how far the export raised the peak above what reading and comparing had already
reached. The PDF child starts Qt before that baseline, so Qt's own start-up is not counted.
``render_pdf`` is called directly, so sizes above the PDF limit are measured too. The table
gives the export alone and the whole run a user waits for (read, compare, export).

    python benchmarks/bench_export.py [--sizes 10000 100000 1000000] [--formats html pdf]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_one(words: int, fmt: str) -> dict[str, float]:
    from benchmarks.bench_compare import generate_pair
    from core.compare import compare
    from core.export import render
    from core.reading.dispatch import read_text

    start = time.perf_counter()
    text_a, text_b = generate_pair(words)
    generated = time.perf_counter() - start
    c = compare(read_text(text_a, "a.txt"), read_text(text_b, "b.txt"))
    compared = time.perf_counter() - start - generated
    if fmt == "pdf":
        from gui.pdf_export import ensure_gui_application, render_pdf

        ensure_gui_application()
    base = _maxrss_mb()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"report.{fmt}"
        if fmt == "pdf":
            out.write_bytes(render_pdf(c))
        else:
            out.write_text(render(c, fmt), encoding="utf-8")
        took = time.perf_counter() - start
        size = out.stat().st_size
    peak = _maxrss_mb()
    words_total = len(c.a.text.split()) + len(c.b.text.split())
    return {
        "words": words,
        "words_total": words_total,
        "seconds": took,
        "compare_s": compared,
        "rss_mb": max(0.0, peak - base),
        "peak_mb": peak,
        "out_mb": size / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="HTML vs PDF export time and memory per size")
    p.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--formats", nargs="*", default=["html", "pdf"])
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(int(args.child[0]), args.child[1])))
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    results: dict[tuple[int, str], dict[str, float]] = {}
    for words in args.sizes:
        for fmt in args.formats:
            done = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "--child", str(words), fmt],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            results[words, fmt] = json.loads(done.stdout.strip().splitlines()[-1])
            r = results[words, fmt]
            print(
                f"# {words} {fmt}: {r['seconds']:.2f} s, +{r['rss_mb']:.0f} MB "
                f"(peak {r['peak_mb']:.0f} MB), {r['out_mb']:.1f} MB out",
                file=sys.stderr,
                flush=True,
            )
    print(
        "| words a side | format | export | peak RSS added by export | output "
        "| read+compare+export | process peak RSS | × HTML (export) | × HTML (end to end) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for words in args.sizes:
        html = results.get((words, "html"))
        for fmt in args.formats:
            r = results[words, fmt]
            total = r["compare_s"] + r["seconds"]
            if html and fmt != "html":
                h_total = html["compare_s"] + html["seconds"]
                export_x = f"{r['seconds'] / html['seconds']:.0f}× time"
                whole_x = f"{total / h_total:.1f}× time, {r['peak_mb'] / html['peak_mb']:.1f}× RSS"
            else:
                export_x = whole_x = "–"
            print(
                f"| {words:,} | {fmt} | {r['seconds']:.2f} s | {r['rss_mb']:.0f} MB "
                f"| {r['out_mb']:.1f} MB | {total:.1f} s | {r['peak_mb']:.0f} MB "
                f"| {export_x} | {whole_x} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
