"""``run_app(paths, screenshot)`` renders the real window with a link selected and saves a PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from core.bundled import example_pair
from core.errors import ArticleComparerError
from gui.app import run_app, showcase_link


def test_screenshot_of_the_bundled_pair(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shot.png"
    assert run_app(example_pair(), screenshot=out) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # Not a blank window: many distinct colours (text, highlights, bands).
    colours = {image.pixel(x, y) for x in range(0, 1600, 7) for y in range(0, 1000, 7)}
    assert len(colours) > 50


def test_screenshot_never_writes_over_an_input(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: "--screenshot a.txt" emptied article a (Qt truncated it, then failed on ".txt").
    a = tmp_path / "a.txt"
    a.write_bytes(example_pair()[0].read_bytes())
    before = a.read_bytes()
    with pytest.raises(ArticleComparerError, match="is one of the compared articles"):
        run_app((a, example_pair()[1]), screenshot=a)
    assert a.read_bytes() == before


def test_screenshot_is_png_whatever_the_name(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: a name without ".png" gave "cannot write the PNG" after all the work.
    out = tmp_path / "shot"
    assert run_app(example_pair(), screenshot=out) == 0
    assert out.read_bytes().startswith(b"\x89PNG\r\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shot"]


def test_screenshot_reports_unreadable_input(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.txt"
    with pytest.raises(ArticleComparerError, match=r"missing\.txt"):
        run_app((missing, example_pair()[1]), screenshot=tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_cli_screenshot_of_a_missing_file_exits_1(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from gui.cli import main

    code = main(
        [
            str(tmp_path / "nope.txt"),
            str(example_pair()[1]),
            "--screenshot",
            str(tmp_path / "x.png"),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.txt" in err[0]


def test_showcase_link_prefers_a_diffed_link(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import compare_in

    comparison = compare_in(window, qtbot, *bundled)
    k = showcase_link(comparison)
    assert k is not None and min(comparison.links[k].a) > 0


def test_cli_screenshot_prints_nothing_on_success(tmp_path: Path) -> None:
    # Regression: every run printed "This plugin does not support propagateSizeHints()".
    import os
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert out.read_bytes().startswith(b"\x89PNG")
