"""HTML reading quality: word-level precision/recall/F1 of the read article against expected text.

For every ``tests/data/html/*.html`` with a ``*.expected.txt`` beside it, the page is read with
``core.reading.dispatch.read_path`` and the text of its content paragraphs (title, headings,
body: what alignment compares) is scored against the expected article text as bags of words
(collections.Counter over lower-cased word tokens). Also prints what the whole read text scores
(captions, bylines and boilerplate included), to show how much the roles remove.

    .venv/bin/python benchmarks/reading_quality.py [--show NAME]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.model import Document  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402

PAGES = ROOT / "tests" / "data" / "html"
TARGET = 0.93
_TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*")


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def prf(got: Counter[str], want: Counter[str]) -> tuple[float, float, float]:
    overlap = sum((got & want).values())
    p = overlap / max(1, sum(got.values()))
    r = overlap / max(1, sum(want.values()))
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def content_text(doc: Document) -> str:
    return "\n\n".join(
        doc.paragraph_text(i) for i, p in enumerate(doc.paragraphs) if p.role.is_content
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print the read content text of pages whose name has this")
    args = parser.parse_args()
    pages = sorted(p for p in PAGES.glob("*.html") if p.with_suffix(".expected.txt").exists())
    if not pages:
        print(f"no pages with expected text in {PAGES}")
        return 1
    print(f"{'page':32} {'P':>6} {'R':>6} {'F1':>6}   {'F1 all':>6} {'ms':>6}")
    scores: list[float] = []
    for page in pages:
        want = tokens(page.with_suffix(".expected.txt").read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        doc = read_path(page)
        ms = (time.perf_counter() - t0) * 1000
        p, r, f = prf(tokens(content_text(doc)), want)
        _, _, f_all = prf(tokens(doc.text), want)
        scores.append(f)
        print(f"{page.stem:32} {p:6.3f} {r:6.3f} {f:6.3f}   {f_all:6.3f} {ms:6.0f}")
        if args.show and args.show in page.stem:
            for i, para in enumerate(doc.paragraphs):
                print(f"    [{para.role.value}] {doc.paragraph_text(i)}")
    mean = sum(scores) / len(scores)
    print(f"{'mean F1 over ' + str(len(scores)) + ' pages':32} {'':6} {'':6} {mean:6.3f}")
    print(f"target >= {TARGET}: {'met' if mean >= TARGET else 'NOT met'}")
    return 0 if mean >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
