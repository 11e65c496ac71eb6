"""PDF speed on a 100k-word pair (slow: ``EXPORT_BENCH=1 pytest -m slow -s``)."""

from __future__ import annotations

import os
import time

import pytest

from gui.pdf_export import render_pdf
from tests.core.test_export_speed import WORDS, big_pair


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("EXPORT_BENCH"), reason="set EXPORT_BENCH=1 to run")
def test_pdf_on_a_100k_word_pair(qapp: object) -> None:
    c = big_pair()
    start = time.perf_counter()
    data = render_pdf(c)
    took = time.perf_counter() - start
    print(f"\npdf, {WORDS} words a side: {took:.2f} s, {len(data) / 1e6:.1f} MB")
    assert data.startswith(b"%PDF") and took < 60
