"""The PDF word limit: decided from the comparison alone, before any layout."""

from __future__ import annotations

from core.export.pdf_size import PDF_CHAR_LIMIT, PDF_WORD_LIMIT, pdf_refusal, report_words
from core.model import Comparison, Coverage, Role, SentenceCoverage, Summary
from tests.core.test_export_helpers import build_document, handmade


def words_pair(words_a: int, words_b: int) -> Comparison:
    """Two one-sentence articles of the given word counts, nothing linked."""
    a = build_document("a.txt", [(Role.BODY, [" ".join(["harbour"] * words_a)])])
    b = build_document("b.txt", [(Role.BODY, [" ".join(["storm"] * words_b)])])
    unique = (SentenceCoverage(Coverage.UNIQUE, 0.0),)
    return Comparison(a, b, (), (), unique, unique, (), Summary(0.0, 0.0, 0))


def test_ordinary_comparisons_may_be_printed() -> None:
    assert pdf_refusal(handmade()) is None
    at_limit = words_pair(PDF_WORD_LIMIT // 2, PDF_WORD_LIMIT - PDF_WORD_LIMIT // 2)
    assert report_words(at_limit) == PDF_WORD_LIMIT
    assert pdf_refusal(at_limit) is None


def test_a_comparison_over_the_limit_is_refused_with_its_size() -> None:
    c = words_pair(PDF_WORD_LIMIT // 2, PDF_WORD_LIMIT // 2 + 1)
    assert pdf_refusal(c) == (
        f"too large for PDF ({PDF_WORD_LIMIT + 1:,} words); export HTML instead"
    )


def test_text_with_few_spaces_is_bounded_by_characters() -> None:
    """Chinese or Japanese text has few spaces: its size in characters decides."""
    line = "港口昨夜被淹市长中午讲话" * 10_000
    a = build_document("a.txt", [(Role.BODY, [line] * 9)])
    b = build_document("b.txt", [(Role.BODY, [line] * 9)])
    unique = tuple(SentenceCoverage(Coverage.UNIQUE, 0.0) for _ in range(9))
    c = Comparison(a, b, (), (), unique, unique, (), Summary(0.0, 0.0, 0))
    assert report_words(c) < PDF_WORD_LIMIT
    chars = len(a.text) + len(b.text)
    assert chars > PDF_CHAR_LIMIT
    assert pdf_refusal(c) == f"too large for PDF ({chars:,} characters); export HTML instead"
