"""The PDF report: an A4 PDF with both articles, written atomically, never over an input."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import core.export.writer as writer
from core.bundled import example_pair
from core.compare import compare
from core.errors import ExportError
from core.model import Comparison
from core.reading.dispatch import read_path
from gui.pdf_export import render_pdf, write_pdf
from tests.core.test_export_helpers import XSS, collapse, handmade

ROOT = Path(__file__).resolve().parents[2]


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def bundled() -> Comparison:
    a, b = example_pair()
    return compare(read_path(a), read_path(b))


def test_pdf_is_a4_and_has_pages(qapp: object, bundled: Comparison, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    write_pdf(bundled, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    # A4 media box in points (595 x 842), whatever the rounding.
    assert b"/MediaBox [0 0 595" in data
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")
        >= 1
    )
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_pdf_text_holds_both_articles(qapp: object, tmp_path: Path) -> None:
    c = handmade()
    out = tmp_path / "r.pdf"
    write_pdf(c, out)
    text = collapse(_pdftotext(out))
    for needle in (
        "Article comparison",
        "Only A says the pier collapsed",
        "curfew",
        "5 people died",
        "24 people died",
        "Ilse Varga",
    ):
        assert needle in text, needle
    for fact in c.facts:
        assert fact.value in text, fact.value


def test_pdf_shows_xss_payloads_as_text(qapp: object, tmp_path: Path) -> None:
    c = compare(read_path(XSS / "a.txt"), read_path(XSS / "b.txt"))
    out = tmp_path / "x.pdf"
    write_pdf(c, out)
    text = collapse(_pdftotext(out))
    assert "<script>alert(1)</script>" in text
    assert "<svg onload=alert(2)></svg>" in text


def test_pdf_refuses_to_overwrite_an_input(
    qapp: object, bundled: Comparison, tmp_path: Path
) -> None:
    a = tmp_path / "a.txt"
    a.write_text("article")
    with pytest.raises(ExportError, match="is one of the compared articles"):
        write_pdf(bundled, a, protect=(a,))
    assert a.read_text() == "article"


def test_pdf_failure_mid_write_keeps_the_old_file(
    qapp: object, bundled: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")

    def half_then_fail(fd: int, data: bytes) -> None:
        os.write(fd, data[:100])
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(writer, "_write_all", half_then_fail)
    with pytest.raises(ExportError, match="Input/output error"):
        write_pdf(bundled, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_render_pdf_returns_bytes(qapp: object, bundled: Comparison) -> None:
    assert render_pdf(bundled).startswith(b"%PDF")


def test_cli_pdf_headless_without_platform(tmp_path: Path) -> None:
    """The CLI makes its own offscreen QGuiApplication: no display, no QT_QPA_PLATFORM."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    out = tmp_path / "r.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", "--export", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert out.read_bytes().startswith(b"%PDF")


def _pdf_strings(raw: bytes) -> str:
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def test_pdf_link_numbers_jump_to_named_counterparts(
    qapp: object, bundled: Comparison, tmp_path: Path
) -> None:
    """Each link number is a PDF link to a destination that exists: the counterpart passage."""
    import re

    out = tmp_path / "r.pdf"
    write_pdf(bundled, out)
    data = out.read_bytes()
    targets = {_pdf_strings(m.group(1)) for m in re.finditer(rb"/Dest \((.*?)\)\n", data, re.S)}
    names: set[str] = set()
    for array in re.finditer(rb"/Names \[(.*?)\]\n>>", data, re.S):
        names |= {
            _pdf_strings(m.group(1))
            for m in re.finditer(rb"\((.*?)\) \d+ 0 R", array.group(1), re.S)
        }
    expected = {f"b-s{link.b[0]}" for link in bundled.links} | {
        f"a-s{link.a[0]}" for link in bundled.links
    }
    assert expected <= targets
    assert targets <= names
    assert {f"a-s{i}" for i in range(len(bundled.a.sentences))} <= names


def test_pdf_fact_kinds_are_not_broken_mid_word(qapp: object, tmp_path: Path) -> None:
    # Regression: the Kind column (13%) printed "organizati" / "on" on two lines.
    import dataclasses

    from core.model import Fact, FactKind, FactStatus

    c = handmade()
    org = Fact(
        FactKind.ORGANIZATION, "Harbour Board", FactStatus.ONLY_A, (c.a.sentences[0].span,), ()
    )
    out = tmp_path / "r.pdf"
    write_pdf(dataclasses.replace(c, facts=(*c.facts, org)), out)
    words = _pdftotext(out).split()
    assert "organization" in words
    assert "organizati" not in words


def test_a_pdf_over_the_word_limit_is_refused_before_layout(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gui.pdf_export
    from core.export.pdf_size import PDF_WORD_LIMIT
    from tests.core.test_export_pdf_size import words_pair

    def no_layout(*args: object) -> bytes:
        raise AssertionError("laid out a PDF over the limit")

    monkeypatch.setattr(gui.pdf_export, "render_pdf", no_layout)
    out = tmp_path / "big.pdf"
    with pytest.raises(ExportError) as e:
        write_pdf(words_pair(PDF_WORD_LIMIT, 1), out)
    assert str(e.value) == (
        f"{out}: too large for PDF ({PDF_WORD_LIMIT + 1:,} words); export HTML instead"
    )
    assert list(tmp_path.iterdir()) == []
