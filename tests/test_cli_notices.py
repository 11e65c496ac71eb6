"""Reading notices reach the user: stderr lines named by file, and every report format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.cli import main

DAMAGED = "Vargá said €18.5 million on Monday.\n".encode() + b"\xff\n"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(DAMAGED)
    b.write_text("On Monday Vargá said it cost €18.5 million.\n", encoding="utf-8")
    return a, b


def test_notice_on_stderr_and_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    assert main([str(a), str(b), "--export", str(tmp_path / "r.json")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{a}: ") and "byte 39" in err[0]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["a"]["notices"] and "byte 39" in report["a"]["notices"][0]
    assert report["b"]["notices"] == []
    assert "Vargá" in report["a"]["text"]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_reports_show_reading_notes(tmp_path: Path, suffix: str) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / f"r{suffix}"
    assert main([str(a), str(b), "--export", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Reading notes" in text and "byte 39" in text


@pytest.mark.parametrize("suffix", [".json", ".md", ".html"])
def test_nway_reports_show_reading_notes(tmp_path: Path, suffix: str) -> None:
    a, b = _pair(tmp_path)
    c = tmp_path / "c.txt"
    c.write_text("Vargá spoke on Monday about the €18.5 million plan.\n", encoding="utf-8")
    out = tmp_path / f"all{suffix}"
    assert main([str(a), str(b), str(c), "--export", str(out)]) == 0
    assert "byte 39" in out.read_text(encoding="utf-8")
