"""More of the window: overview map, band clicks, cancel, swap, recent pairs, export."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

import gui.compare_controller as controller_module
from core.errors import Cancelled
from tests.gui.conftest import compare_in


def _long_pair(tmp_path: Path) -> tuple[Path, Path]:
    lines = [
        f"Paragraph {i} says that item {i} of the harbour plan was approved." for i in range(120)
    ]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(lines), encoding="utf-8")
    b.write_text("\n\n".join(reversed(lines)), encoding="utf-8")
    return a, b


def test_overview_click_jumps_there(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *_long_pair(tmp_path))
    window.act_lock.setChecked(False)
    overview, view = window.pane_a.overview, window.views["a"]
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(8, overview.height() * 3 // 4))
    assert bar.value() > 0
    text = window.model.comparison.a.text
    middle = view.offset_at(QPoint(10, view.viewport().height() // 2))
    assert abs(middle / len(text) - 0.75) < 0.1


def test_clicking_a_band_selects_its_link(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *_long_pair(tmp_path))
    strip = window.strip
    strip.grab()
    assert strip.painted_links
    k = strip.painted_links[0]
    path = strip.band_path(k)
    rect = path.boundingRect()
    point = next(
        QPointF(x, y)
        for x in (2.0, rect.right() - 2)
        for y in range(int(rect.top()), int(rect.bottom()))
        if path.contains(QPointF(x, y)) and strip.link_at(QPointF(x, y)) == k
    )
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.model.selected_link == k
    assert "similarity" in window.statusBar().currentMessage()
    assert comparison.links[k].kind.value in window.statusBar().currentMessage().lower()


def test_cancel_stops_a_running_comparison(window, qtbot, bundled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = compare_in(window, qtbot, *bundled)
    started = threading.Event()

    def slow_compare(a, b, options=None, progress=None, should_cancel=None):  # type: ignore[no-untyped-def]
        started.set()
        while not should_cancel():
            threading.Event().wait(0.01)
        raise Cancelled()

    monkeypatch.setattr(controller_module, "compare", slow_compare)
    window.reload()
    assert window.cancel_button.isVisibleTo(window)
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(window.controller.cancelled, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.cancel_button.isVisibleTo(window)
    assert window.model.comparison is before
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_swap_sides(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.act_swap.trigger()
    assert [s.path for s in window.model.sources] == [bundled[1], bundled[0]]
    comparison = window.model.comparison
    assert comparison.a.sentence_text(1) in bundled[1].read_text(encoding="utf-8")
    assert comparison.a.sentence_text(1) in window.views["a"].toPlainText()


def test_recent_pairs_menu_reopens_a_pair(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _long_pair(tmp_path)
    compare_in(window, qtbot, *first)
    compare_in(window, qtbot, *bundled)
    window._fill_recent_menu()
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions][:2] == [
        f"{bundled[0].name} ↔ {bundled[1].name}",
        "a.txt ↔ b.txt",
    ]
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        actions[1].trigger()
    assert [s.path for s in window.model.sources] == list(first)


def test_export_writes_a_report(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    out = tmp_path / "report.json"
    assert window.export_to(out, "json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "article-comparer/1"
    assert str(out) in window.statusBar().currentMessage()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_theme_keeps_text_readable(window, qtbot, bundled, theme) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    window.set_theme(theme, remember=False)
    try:
        style = window.style_
        assert style.dark == (theme == "dark")
        text = style.color("text")
        for name in ("shared", "partial", "unique", "conflict", "selected", "diff", "fact"):
            background = style.color(name)
            assert abs(text.lightness() - background.lightness()) > 100, name
        doc = window.views["a"].document()
        fmt = doc.begin().begin().fragment().charFormat()
        lightness = fmt.foreground().color().lightness()
        assert lightness > 180 if theme == "dark" else lightness < 80
    finally:
        window.set_theme("light", remember=False)


def test_switching_themes_repeatedly_keeps_the_panes(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    """The worker-built documents are shown once: later theme changes build new ones."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    compare_in(window, qtbot, *bundled)
    text = window.views["a"].toPlainText()
    try:
        for theme in ("light", "dark", "light", "light", "dark"):
            window.set_theme(theme, remember=False)
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # deleteLater()
            QApplication.processEvents()
            for side in ("a", "b"):
                assert window.views[side].document() is not None
            assert window.views["a"].toPlainText() == text
    finally:
        window.set_theme("light", remember=False)


def test_paste_rich_text_reads_the_html(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    compare_in(window, qtbot, *bundled)
    mime = QMimeData()
    body = " ".join(["The harbour council met on Tuesday to approve the new sea walls."] * 3)
    mime.setHtml(f"<html><body><h1>Harbour vote</h1><p>{body}</p><p>{body}</p></body></html>")
    mime.setText(f"Harbour vote\n\n{body}\n\n{body}")
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.act_paste_b.trigger()
    shown = window.views["b"].toPlainText()
    assert "Harbour vote" in shown and "<p>" not in shown


def test_ctrl_wheel_zooms_both_panes(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    compare_in(window, qtbot, *bundled)
    before = window.font_size()
    view = window.views["a"]
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        P(0, 0),
        P(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert window.font_size() == before + 1
    sizes = {v.document().defaultFont().pointSizeF() for v in window.views.values()}
    assert sizes == {before + 1}
    families = {v.document().defaultFont().family() for v in window.views.values()}
    assert len(families) == 1
