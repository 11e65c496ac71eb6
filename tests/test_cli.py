"""The command-line contract: --help, usage errors exit 2 with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.bundled import example_pair
from gui.cli import main


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    assert "article-comparer" in capsys.readouterr().out


def test_one_article_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["only-one.txt", "--export", "out.json"]) == 2
    assert "give two articles" in capsys.readouterr().err


def test_missing_file_exits_one_with_one_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.txt"
    assert main([str(missing), str(missing), "--export", str(tmp_path / "r.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert "nope.txt" in err and "\n" not in err


# ---- --export (headless reports) -------------------------------------------------------


def _pair(tmp_path: Path) -> tuple[str, str]:
    a, b = example_pair()
    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_bytes(a.read_bytes())
    pb.write_bytes(b.read_bytes())
    return str(pa), str(pb)


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("r.json", '{\n  "format": "article-comparer/1"'),
        ("r.md", "# Article comparison"),
        ("r.markdown", "# Article comparison"),
        ("r.HTML", "<!DOCTYPE html>"),
        ("r.htm", "<!DOCTYPE html>"),
    ],
)
def test_export_format_from_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, start: str
) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / name
    assert main([a, b, "--export", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)
    assert capsys.readouterr() == ("", "")


def test_format_option_beats_the_suffix(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "report.txt"
    assert main([a, b, "--export", str(out), "--format", "json"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "article-comparer/1"


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_dash_writes_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    a, b = _pair(tmp_path)
    assert main([a, b, "--export", "-", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert json.loads(out)["a"]["source"] == a
    else:
        assert "Article comparison" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_bundled_pair_when_no_articles_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--export", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["a"]["source"].endswith("article_a.txt")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--export", "r.docx"], "cannot tell the report format"),
        (["--export", "-"], "needs --format"),
        (["--export", "-", "--format", "pdf"], "PDF cannot be written to stdout"),
        (["--format", "md"], "--format goes with --export"),
        (["--export", "r.md", "--screenshot", "x.png"], "cannot be combined"),
        # Regression: an empty name was taken as "no --export" and opened the window.
        (["--export", ""], "need a file name"),
        (["--screenshot", ""], "need a file name"),
        (["--export", "", "--format", "json"], "need a file name"),
    ],
)
def test_usage_errors_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    a, b = _pair(tmp_path)
    assert main([a, b, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_unknown_format_choice_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--export", "-", "--format", "docx"])
    assert e.value.code == 2


def test_binary_input_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = _pair(tmp_path)
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert main([a, str(binary), "--export", str(tmp_path / "r.md")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(binary)) and "\n" not in err
    assert not (tmp_path / "r.md").exists()


def test_refuses_to_overwrite_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    before = Path(b).read_bytes()
    assert main([a, b, "--export", b, "--format", "md"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{b}: is one of the compared articles; choose another file name"
    assert Path(b).read_bytes() == before


def test_unwritable_export_path_exits_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    assert main([a, b, "--export", str(tmp_path / "no" / "r.html")]) == 1
    err = capsys.readouterr().err.strip()
    assert "does not exist" in err and "\n" not in err


def test_pdf_without_qt_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    a, b = _pair(tmp_path)
    monkeypatch.setitem(sys.modules, "gui.pdf_export", None)  # import fails as without Qt
    assert main([a, b, "--export", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{tmp_path / 'r.pdf'}: PDF export needs Qt") and "\n" not in err


def test_bad_target_is_reported_before_comparing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.compare

    a, b = _pair(tmp_path)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("compare() ran before the target was checked")

    monkeypatch.setattr(core.compare, "compare", never)
    assert main([a, b, "--export", a, "--format", "html"]) == 1
    assert "is one of the compared articles" in capsys.readouterr().err


def test_a_web_address_is_named_not_mangled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: Path() folded '//' and the message read "https:/example.com/a.html: no such file".
    a, _ = _pair(tmp_path)
    url = "https://example.com/a.html"
    assert main([a, url, "--export", str(tmp_path / "r.json")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{url}: web addresses are not read yet; save the page and give the file"
    )


def test_html_without_article_is_exactly_one_line(tmp_path: Path) -> None:
    # Regression: trafilatura's own "discarding data: None" warnings came before our message.
    import subprocess
    import sys

    a, _ = _pair(tmp_path)
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Only a title</title></head><body></body></html>")
    done = subprocess.run(
        [sys.executable, "-m", "gui.cli", a, str(page), "--export", str(tmp_path / "r.json")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 1
    assert done.stderr == f"{page}: no article text found in this HTML page\n"


def test_no_display_is_one_line_not_a_qt_abort(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: without a display Qt aborted (exit 134) with five lines about xcb plugins.
    import sys

    a, b = _pair(tmp_path)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main([a, b]) == 1
    assert capsys.readouterr().err == (
        "article-comparer: no display to open a window on (DISPLAY is not set); "
        "use --export OUT or --screenshot PNG\n"
    )


def test_screenshot_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.cli import _choose_platform

    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    _choose_platform(screenshot=True)
    import os

    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    _choose_platform(screenshot=True)  # an explicit choice is kept
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"


def test_no_model_compares_lexically(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "lexical.json"
    assert main([a, b, "--export", str(out), "--no-model"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["options"]["use_model"] is False
    assert report["summary"]["model_links"] == 0
    assert all(link["kind"] != "paraphrase (model)" for link in report["links"])


def test_model_flag_runs_the_pair_model(tmp_path: Path) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "model.json"
    assert main([a, b, "--export", str(out), "--model"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["options"]["use_model"] is True
