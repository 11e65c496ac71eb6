"""Bad and odd input through the window: one dialog with one line, the comparison on screen kept.

Each case is a file a daily user might drop on the window. Unreadable ones must give exactly one
warning dialog naming the file, leave the previous comparison on screen and the window usable;
readable-but-odd ones (other encodings, scripts, emoji) must compare without a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import compare_in

_TEXT = "The harbour plan was approved on Monday. Mayor Ilse Varga said 340 homes were saved."


def _write(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "input.txt"
        path.write_bytes(data)
        return path

    return make


def _html(markup: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "input.html"
        path.write_text(markup, encoding="utf-8")
        return path

    return make


def _big(folder: Path) -> Path:
    path = folder / "input.txt"
    with path.open("wb") as f:
        f.truncate(25 * 1024 * 1024)  # sparse: quick to make, 25 MB to the reader
    return path


UNREADABLE: dict[str, Callable[[Path], Path]] = {
    "empty": _write(b""),
    "whitespace": _write(b"  \n\t\r\n   "),
    "binary": _write(bytes(range(256)) * 8),
    "25 MB": _big,
    "html without article": _html("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    "folder": lambda folder: folder,
    "missing": lambda folder: folder / "missing.txt",
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_input_shows_one_line_and_keeps_comparison(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch, case: str
) -> None:
    before = compare_in(window, qtbot, *bundled)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    bad = UNREADABLE[case](tmp_path)
    with qtbot.waitSignal(window.controller.failed, timeout=30_000):
        window.open_side("a", bad)
    assert len(shown) == 1, shown
    message = shown[0]
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(str(bad)), message
    assert window.model.comparison is before
    assert not window.controller.busy and not window.progress.isVisible()
    assert before.a.sentence_text(0) in window.views["a"].toPlainText()


READABLE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "utf-16 with BOM": (_write(_TEXT.encode("utf-16")), "Ilse Varga"),
    "utf-16-le without BOM": (_write(_TEXT.encode("utf-16-le")), "Ilse Varga"),
    "utf-16-be without BOM": (_write(_TEXT.encode("utf-16-be")), "Ilse Varga"),
    "cp1252": (
        _write("Le maire a dit « très cher » — 5 € par façade, naïvement.".encode("cp1252")),
        "« très cher » — 5 €",
    ),
    "latin-1": (
        _write("Le maire a visité Montréal. Ça coûte très cher, dit-il.".encode("latin-1")),
        "visité Montréal. Ça coûte",
    ),
    "shift-jis": (
        _write(
            "東京で火曜日に地震が発生した。気象庁によると、規模は6.5だった。".encode("shift_jis")
        ),
        "気象庁によると",
    ),
    "emoji rtl cjk": (
        _write(
            "The crowd 😀 cheered in Tel Aviv. שלום עליכם, said the mayor. "
            "東京の市長も来た。".encode()
        ),
        "שלום עליכם",
    ),
    "truncated html": (
        _html("<html><body><article><p>The harbour plan was approved on Monday <b>by the"),
        "approved on Monday by the",
    ),
    "one sentence": (_write(b"The harbour plan was approved."), "The harbour plan was approved."),
}


@pytest.mark.parametrize("case", sorted(READABLE))
def test_odd_but_readable_input_compares_without_dialog(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch, case: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    make, expected = READABLE[case]
    comparison = compare_in(window, qtbot, make(tmp_path), bundled[1])
    assert not shown
    assert expected in comparison.a.text
    assert expected in window.views["a"].toPlainText()


def test_identical_articles_link_every_sentence(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, bundled[0], bundled[0])
    assert comparison.summary.a_shared == comparison.summary.b_shared == 1.0
    assert "100% of A and 100% of B" in window.statusBar().currentMessage()


def test_unrelated_articles_say_nothing_is_shared(window, qtbot, tmp_path: Path, bundled) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "recipe.txt"
    other.write_text(
        "Mix two cups of flour with water. Bake at 200 degrees for thirty minutes. Serve warm.",
        encoding="utf-8",
    )
    comparison = compare_in(window, qtbot, bundled[0], other)
    assert comparison.links == ()
    assert window.statusBar().currentMessage().startswith("0 links")


@pytest.mark.parametrize(
    "target",
    [
        lambda tmp: Path("/etc/hostname/report.json"),
        lambda tmp: tmp / "missing" / "report.json",
        lambda tmp: tmp,
    ],
    ids=["under a file", "missing folder", "a folder"],
)
def test_export_to_a_bad_place_shows_one_line(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch, target
) -> None:
    before = compare_in(window, qtbot, *bundled)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    path = target(tmp_path)
    for fmt in ("json", "pdf"):
        assert not window.export_to(path, fmt)
    assert len(shown) == 2 and all("\n" not in m for m in shown)
    assert shown[0] == shown[1] and shown[0].startswith(f"{path}: ")
    if path.parent.is_file():
        assert shown[0].endswith("is a file, not a folder")
    assert window.model.comparison is before


def test_export_onto_an_input_is_refused_and_the_input_kept(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.txt"
    a.write_text(_TEXT, encoding="utf-8")
    b.write_text(_TEXT.replace("Monday", "Tuesday"), encoding="utf-8")
    compare_in(window, qtbot, a, b)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.export_to(a, "md")
    assert shown == [f"{a}: is one of the compared articles; choose another file name"]
    assert a.read_text(encoding="utf-8") == _TEXT


def test_one_sentence_articles_read_in_the_singular(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: "1 conflicts", "1 links", "1 sentence(s) of A" in the window's labels.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The harbour plan was approved on Monday with 340 votes.", encoding="utf-8")
    b.write_text("On Monday the harbour plan was approved with 430 votes.", encoding="utf-8")
    comparison = compare_in(window, qtbot, a, b)
    assert len(comparison.links) == 1
    status = window.statusBar().currentMessage()
    assert status.startswith("1 link · ") and "s)" not in status
    assert window.model.describe_link(0).endswith(": 1 sentence of A ↔ 1 of B")
    conflicts = sum(f.status.value == "conflict" for f in comparison.facts)
    assert conflicts == 1
    assert window.facts_dock.counts_label.text().endswith(" · 1 conflict")
    assert status.endswith(" · 1 conflicting fact")


def test_export_runs_while_the_window_keeps_its_event_loop(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch
) -> None:
    # Regression: export ran on the GUI thread; a PDF of 100k words a side froze it for 8 s.
    import threading

    from PySide6.QtCore import QTimer

    import core.export

    compare_in(window, qtbot, *bundled)
    ticked = threading.Event()
    seen: dict[str, object] = {}

    def slow_write(comparison, path, fmt, protect=()):  # type: ignore[no-untyped-def]
        seen["gui_ticked"] = ticked.wait(10)  # only the GUI thread's event loop can set it
        seen["enabled"] = window.isEnabled()
        path.write_text("report", encoding="utf-8")

    monkeypatch.setattr(core.export, "write_report", slow_write)
    QTimer.singleShot(50, ticked.set)
    assert window.export_to(tmp_path / "r.md", "md")
    assert seen == {"gui_ticked": True, "enabled": False}
    assert window.isEnabled()
    assert "Report written to" in window.statusBar().currentMessage()


def test_pdf_export_from_the_window_in_a_worker(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    out = tmp_path / "r.pdf"
    assert window.export_to(out, "pdf")  # Qt warnings from the worker would fail this test
    assert out.read_bytes().startswith(b"%PDF")
