"""The command line with web addresses, against a local server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.cli import main
from tests.web_server import DATA, FIRST_PAGE, LocalServer


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    s = LocalServer()
    yield s
    s.close()


def test_url_and_file_mixed_export_shows_source_and_fetch_time(
    server: LocalServer, tmp_path: Path
) -> None:
    url = server.url("/redirect/2")
    out = tmp_path / "r.json"
    assert main([url, str(DATA / "02_broadcaster.html"), "--export", str(out)]) == 0
    report = json.loads(out.read_text("utf-8"))
    a = report["a"] if "a" in report else report["documents"]["a"]
    assert a["source"] == server.url(f"/page/{FIRST_PAGE}")  # the final URL
    assert a["fetched_at"].endswith("Z")
    md = tmp_path / "r.md"
    assert main([url, server.url("/page/02_broadcaster"), "--export", str(md)]) == 0
    assert "| Fetched |" in md.read_text("utf-8")
    html = tmp_path / "r.html"
    assert main([url, str(DATA / "02_broadcaster.html"), "--export", str(html)]) == 0
    text = html.read_text("utf-8")
    assert "<th>Fetched</th>" in text and server.url(f"/page/{FIRST_PAGE}") in text


def test_a_web_address_is_named_not_mangled(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Regression: Path() folded '//' and the message read "http:/127.0.0.1...: no such file".
    url = server.url("/status/404")
    assert main([str(DATA / "02_broadcaster.html"), url, "--export", str(tmp_path / "r.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{url}: ") and "HTTP 404" in err and "\n" not in err


def test_other_schemes_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = str(DATA / "02_broadcaster.html")
    assert main([a, "file:///etc/hostname", "--export", str(tmp_path / "r.json")]) == 1
    assert "only http:// and https://" in capsys.readouterr().err


def test_help_lists_the_formats_from_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    for suffix in (".txt", ".md", ".html", ".docx", ".odt", ".pdf"):
        assert suffix in out
    assert "http(s) URL" in out
