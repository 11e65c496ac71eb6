"""Export speed on a 100k-word pair (slow: run with ``-m slow -s`` to see the figures).

The pair is generated from the bundled example (our own text): paragraphs drawn at random and
prefixed with a district number so sentences differ. Prints time and size per format; asserts
generous bounds so a quadratic slip fails.
"""

from __future__ import annotations

import os
import random
import time

import pytest

from core.bundled import example_pair
from core.compare import compare
from core.export import render
from core.model import Comparison
from core.reading.dispatch import read_text

WORDS = int(os.environ.get("EXPORT_BENCH_WORDS", "100000"))


def grown(text: str, words: int, seed: int) -> str:
    rnd = random.Random(seed)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < words:
        p = rnd.choice(paragraphs)
        out.append(f"In district {len(out)}, {p[0].lower()}{p[1:]}")
        count += len(out[-1].split())
    return "\n\n".join(out)


def big_pair(words: int = WORDS) -> Comparison:
    a, b = example_pair()
    doc_a = read_text(grown(a.read_text(encoding="utf-8"), words, 1), "big_a.txt")
    doc_b = read_text(grown(b.read_text(encoding="utf-8"), words, 2), "big_b.txt")
    return compare(doc_a, doc_b)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("EXPORT_BENCH"), reason="set EXPORT_BENCH=1 to run")
def test_text_formats_on_a_100k_word_pair() -> None:
    c = big_pair()
    print(
        f"\n{WORDS} words a side: {len(c.a.sentences)}/{len(c.b.sentences)} sentences, "
        f"{len(c.links)} links, {len(c.facts)} facts"
    )
    for fmt in ("json", "md", "html"):
        start = time.perf_counter()
        text = render(c, fmt)
        took = time.perf_counter() - start
        print(f"{fmt}: {took:.2f} s, {len(text.encode('utf-8')) / 1e6:.1f} MB")
        assert took < 20
