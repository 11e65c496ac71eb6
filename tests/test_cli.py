"""The command-line contract: --help, usage errors exit 2 with one clear line."""

from __future__ import annotations

import pytest

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
