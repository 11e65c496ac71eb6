"""``article-comparer session.acmp --export OUT``: a session's comparison, hand edits included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.bundled import example_pair
from core.compare import compare
from core.edits import AddLink
from core.model import Coverage
from core.reading.dispatch import read_path
from core.session import SavedSource, save_session, session_of, text_hash
from gui.cli import main


def _session(tmp_path: Path) -> tuple[Path, Path]:
    paths = []
    for src, name in zip(example_pair(), ("a.txt", "b.txt"), strict=True):
        (tmp_path / name).write_bytes(src.read_bytes())
        paths.append(tmp_path / name)
    c = compare(read_path(paths[0]), read_path(paths[1]))
    i = next(i for i, x in enumerate(c.coverage_a) if x.counted and x.status is Coverage.UNIQUE)
    j = next(j for j, x in enumerate(c.coverage_b) if x.counted and x.status is Coverage.UNIQUE)
    sources = (
        SavedSource("a.txt", text_hash(c.a.text), paths[0]),
        SavedSource("b.txt", text_hash(c.b.text), paths[1]),
    )
    path = tmp_path / "review.acmp"
    save_session(session_of(c, sources, [AddLink((i,), (j,))]), path)
    return path, paths[0]


def test_session_export_has_the_hand_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _session(tmp_path)
    out = tmp_path / "out.json"
    assert main([str(path), "--export", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert [link["by"] for link in data["links"]].count("hand") == 1
    assert capsys.readouterr().err == ""


def test_session_export_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, a = _session(tmp_path)
    a.write_text(a.read_text("utf-8") + "\nOne more paragraph at the end.\n", "utf-8")
    assert main([str(path), "--export", str(tmp_path / "out.md")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{path}: A (a.txt) changed since the session was saved"]
    assert "by hand" in (tmp_path / "out.md").read_text("utf-8")


def test_bad_session_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.acmp"
    path.write_text('{"format": "article-comparer-session/7"}', "utf-8")
    assert main([str(path), "--export", str(tmp_path / "out.html")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "made by a newer Article Comparer" in err
    assert main([str(path)]) == 1  # the window is not even opened
