"""Whether a comparison is small enough for the PDF report.

The PDF is laid out by QTextDocument, whose time and memory per word are many times those of the
HTML report: on generated pairs (``benchmarks/bench_export.py``) the PDF export alone takes
17-23× the HTML export's time at every size, and the whole run (read, compare, export) about 4×;
its peak memory stays within 3× of the HTML run's up to 100k words a side (2.9×) and then passes
it (3.4× at 250k, 3.8× and 2.2 GB at 1M words a side, 51 s of layout). Above the limit the PDF
is refused before any layout starts, pointing to the HTML report, which shows the same content.

Imports: core.model only.
"""

from __future__ import annotations

from core.model import Comparison

# Both articles together: 100k-125k words a side, where memory reaches 3× the HTML run's. The
# layout's cost follows the characters, so text with few spaces (Chinese, Japanese) is bounded
# by characters too: 2M is about 250k words of the measured text (7.6 characters a word).
PDF_WORD_LIMIT = 250_000
PDF_CHAR_LIMIT = 2_000_000


def report_words(comparison: Comparison) -> int:
    """Words (whitespace-separated) of both articles together."""
    return len(comparison.a.text.split()) + len(comparison.b.text.split())


def pdf_refusal(comparison: Comparison) -> str | None:
    """Why a PDF of ``comparison`` is refused, or None when it is within the limit."""
    words = report_words(comparison)
    if words > PDF_WORD_LIMIT:
        return f"too large for PDF ({words:,} words); export HTML instead"
    chars = len(comparison.a.text) + len(comparison.b.text)
    if chars > PDF_CHAR_LIMIT:
        return f"too large for PDF ({chars:,} characters); export HTML instead"
    return None
