"""A PDF over the word limit is refused in one line, from the command line and the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import core.export.pdf_size
from core.bundled import example_pair
from gui.cli import main
from tests.gui.conftest import compare_in


def test_the_cli_refuses_in_one_line(
    qapp: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = (str(p) for p in example_pair())
    monkeypatch.setattr(core.export.pdf_size, "PDF_WORD_LIMIT", 100)
    out = tmp_path / "r.pdf"
    assert main([a, b, "--export", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{out}: too large for PDF (") and "\n" not in err
    assert err.endswith(" words); export HTML instead")
    assert not out.exists()


def test_the_window_refuses_and_html_still_works(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch
) -> None:
    compare_in(window, qtbot, *bundled)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(core.export.pdf_size, "PDF_WORD_LIMIT", 100)
    out = tmp_path / "r.pdf"
    assert not window.export_to(out, "pdf")
    assert len(shown) == 1 and shown[0].startswith(f"{out}: too large for PDF (")
    assert not out.exists()
    assert window.export_to(tmp_path / "r.html", "html")
