"""The main window end to end, against the real core.compare (pytest-qt, offscreen, no sleeps)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from core.model import Coverage, FactStatus
from tests.gui.conftest import compare_in, show_comparison, with_facts


def _visible_top(view, offset: int) -> int:  # type: ignore[no-untyped-def]
    return view.span_y(offset, offset + 1)[0]


def _click_sentence(qtbot, view, sentence: int) -> None:  # type: ignore[no-untyped-def]
    comparison = view.model.comparison
    span = comparison.document(view.side).sentences[sentence].span
    view.scroll_offset_to(span.start, view.viewport().height() // 2)
    point = view.point_of(span.start + min(3, len(span) - 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_opening_a_pair_shows_both_texts(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *bundled)
    for side, view in window.views.items():
        doc = comparison.document(side)
        shown = view.toPlainText()
        for i in (0, len(doc.sentences) - 1):
            assert doc.sentence_text(i) in shown
    assert "found in B" in window.pane_a.header.text()
    assert bundled[0].name in window.pane_a.header.text()


def test_worker_hands_plain_data_and_panes_own_their_documents(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    """The worker computes offsets and overview rows only; no Qt object crosses threads (moving
    a document built in a worker to the GUI thread could deadlock with the interpreter lock)."""
    from PySide6.QtCore import QObject

    comparison = compare_in(window, qtbot, *bundled)
    for side, view in window.views.items():
        prepared = window.model.prepared[side]
        assert prepared.comparison is comparison
        assert not any(isinstance(v, QObject) for v in vars(prepared).values())
        assert view.positions is prepared.positions
        assert view.document().thread() is QApplication.instance().thread()


@pytest.mark.parametrize("side", ["a", "b"])
def test_click_selects_and_levels_counterpart(window, qtbot, tmp_path: Path, side) -> None:  # type: ignore[no-untyped-def]
    # B has A's paragraphs in reverse order: every counterpart is far away in the other pane.
    lines = [
        f"Paragraph {i} says that item {i} of the harbour plan was approved." for i in range(90)
    ]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(lines), encoding="utf-8")
    b.write_text("\n\n".join(reversed(lines)), encoding="utf-8")
    comparison = compare_in(window, qtbot, a, b)
    window.act_lock.setChecked(False)
    other = "b" if side == "a" else "a"
    sentence = 35
    src, dst = window.views[side], window.views[other]
    _click_sentence(qtbot, src, sentence)
    assert window.model.selected_link in comparison.links_of(side, sentence)
    link = comparison.links[window.model.selected_link]
    assert comparison.document(other).sentence_text(link.side(other)[0]) == (
        comparison.document(side).sentence_text(sentence)
    )
    # The counterpart is highlighted ...
    selected = {s for s, kind in dst.overlay_spans() if kind == "selected"}
    for i in link.side(other):
        assert comparison.document(other).sentences[i].span in selected
    assert len(dst.extraSelections()) >= len(link.side(other))
    # ... scrolled into view and level with the clicked passage.
    src_top = _visible_top(src, comparison.document(side).sentences[sentence].span.start)
    dst_top = _visible_top(
        dst, comparison.document(other).sentences[min(link.side(other))].span.start
    )
    bar = dst.verticalScrollBar()
    assert 0 < bar.value() < bar.maximum()
    assert 0 <= dst_top < dst.viewport().height()
    assert abs(src_top - dst_top) <= 2


def test_unique_passage_click_says_so(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *bundled)
    unique = [
        i for i, c in enumerate(comparison.coverage_a) if c.status is Coverage.UNIQUE and c.counted
    ]
    assert unique, "the bundled pair has passages only in A"
    _click_sentence(qtbot, window.views["a"], unique[0])
    assert window.model.selected_link is None
    assert "Only in A" in window.statusBar().currentMessage()


def test_keyboard_moves_selection(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *bundled)
    view = window.views["a"]
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(comparison.a.sentences[1].span.end - 1))
    view.setTextCursor(cursor)
    with qtbot.waitSignal(view.passage_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args[0] > 1
    assert window.model.active == ("a", blocker.args[0])


def test_fact_click_highlights_occurrences_on_both_sides(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = with_facts(compare_in(window, qtbot, *bundled))
    show_comparison(window, comparison)
    window.facts_dock.show()
    table = window.facts_dock.table
    index = table.model().index(0, 2)  # conflicts come first
    assert table.model().data(index) == "340 homes / 430 homes"
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    row = next(i for i, f in enumerate(comparison.facts) if f.status.value == "conflict")
    assert window.model.selected_fact == row
    fact = comparison.facts[row]
    for side, spans, words in (
        ("a", fact.a, "340 homes"),
        ("b", fact.b, "430 homes"),
    ):
        view = window.views[side]
        texts = sorted(sel.cursor.selectedText() for sel in view.extraSelections())
        assert texts == [words] * len(spans)
    first = fact.a[0].start
    assert 0 <= _visible_top(window.views["a"], first) < window.views["a"].viewport().height()


def test_next_and_previous_navigation(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = with_facts(compare_in(window, qtbot, *bundled))
    show_comparison(window, comparison)
    runs = window.model.unique_runs("a")
    assert len(runs) >= 2
    window.act_next_unique.trigger()
    assert window.model.active == ("a", runs[0])
    window.act_next_unique.trigger()
    assert window.model.active == ("a", runs[1])
    window.act_prev_unique.trigger()
    assert window.model.active == ("a", runs[0])
    conflicts = [i for i, f in enumerate(comparison.facts) if f.status is FactStatus.CONFLICT]
    window.act_next_conflict.trigger()
    assert window.model.selected_fact == conflicts[0]
    window.act_prev_conflict.trigger()
    assert window.model.selected_fact == conflicts[-1]
    shown = [sel.cursor.selectedText() for sel in window.views["b"].extraSelections()]
    assert shown == ["430 homes"]
    assert "F8" in [k.toString() for k in window.act_next_unique.shortcuts()]
    assert window.act_next_conflict.shortcut().toString() == "F9"
    # Hovering the conflicting number says what each side claims.
    view_a = window.views["a"]
    span = comparison.facts[1].a[0]
    view_a.scroll_offset_to(span.start, 100)
    tip = view_a.tooltip_at(view_a.point_of(span.start + 1))
    assert "conflict" in tip and "340 homes" in tip and "430 homes" in tip


def test_drop_a_file_on_pane_b(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    dropped = tmp_path / "dropped.txt"
    dropped.write_text(
        "Harbour plan approved.\n\nKestrel Bay councillors approved a 12-point plan to protect "
        "the harbour district after the storms.\n",
        encoding="utf-8",
    )
    view = window.views["b"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    point = view.viewport().rect().center()
    pos = QPointF(point)
    enter = QDragEnterEvent(  # takes a QPoint, QDropEvent a QPointF
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        QApplication.sendEvent(view.viewport(), drop)
    assert window.model.sources[1].path == dropped
    assert window.model.sources[0].path == bundled[0]
    assert "Harbour plan approved." in view.toPlainText()


def test_drop_two_files_compares_them(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Regression: the second of two dropped files was silently ignored.
    compare_in(window, qtbot, *bundled)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The harbour plan was approved on Monday.", encoding="utf-8")
    second.write_text("On Monday the harbour plan was approved.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    view = window.views["b"]
    enter = QDragEnterEvent(
        view.viewport().rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), enter)
    drop = QDropEvent(
        QPointF(view.viewport().rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.model.comparison_changed, timeout=10_000):
        QApplication.sendEvent(view.viewport(), drop)
    assert [s.path for s in window.model.sources] == [first, second]


def test_bad_file_shows_dialog_and_keeps_comparison(  # type: ignore[no-untyped-def]
    window, qtbot, bundled, tmp_path: Path, monkeypatch
) -> None:
    before = compare_in(window, qtbot, *bundled)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    missing = tmp_path / "missing.txt"
    with qtbot.waitSignal(window.controller.failed, timeout=30_000):
        window.open_side("b", missing)
    assert len(shown) == 1 and "missing.txt" in shown[0]
    assert window.model.comparison is before
    assert before.b.sentence_text(0) in window.views["b"].toPlainText()
    # Reload still uses the pair on screen, not the failed one.
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.reload()
    assert window.model.sources[1].path == bundled[1]


def test_failed_export_shows_dialog(window, qtbot, bundled, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = compare_in(window, qtbot, *bundled)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.export_to(tmp_path / "no" / "such" / "dir" / "r.json", "json")
    assert shown
    assert window.model.comparison is before


def test_scroll_lock_follows_links(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        f"Paragraph {i} says the harbour plan item number {i} was approved." for i in range(80)
    ]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(lines), encoding="utf-8")
    b.write_text(
        "\n\n".join([*lines[:40], "An extra paragraph only in B. " * 6, *lines[40:]]),
        encoding="utf-8",
    )
    compare_in(window, qtbot, a, b)
    window.act_lock.setChecked(True)
    bar_a, bar_b = (window.views[s].verticalScrollBar() for s in "ab")
    qtbot.waitUntil(lambda: bar_a.maximum() > 0 and bar_b.maximum() > 0)
    followed = []
    for step in range(21):
        bar_a.setValue(bar_a.maximum() * step // 20)
        followed.append(bar_b.value())
    assert followed[0] == 0 and followed[10] > 0
    assert followed == sorted(followed), "B never scrolls against A"
    assert followed[-1] == bar_b.maximum()
    window.act_lock.setChecked(False)
    bar_a.setValue(0)
    assert bar_b.value() == bar_b.maximum()


def test_zoom_and_settings_are_remembered(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    size = window.views["a"].document().defaultFont().pointSizeF()
    window.act_zoom_in.trigger()
    assert window.views["a"].document().defaultFont().pointSizeF() > size
    window.resize(760, 540)
    window.splitter.setSizes([200, 60, 450])
    sizes = window.splitter.sizes()
    window.close()
    from gui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.font_size() == window.font_size()
    assert again.recent_pairs()[0] == tuple(bundled)
    assert (again.size().width(), again.size().height()) == (760, 540)
    again.show()
    qtbot.waitExposed(again)
    assert all(abs(x - y) <= 4 for x, y in zip(again.splitter.sizes(), sizes, strict=True)), (
        again.splitter.sizes(),
        sizes,
    )


def test_stale_results_are_dropped(window, qtbot, bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.txt"
    other.write_text("A different article entirely.\n\nIt has two paragraphs.\n", encoding="utf-8")
    received = []
    window.controller.comparison_ready.connect(lambda c, s, p: received.append(s))
    window.compare_paths(bundled[0], other)
    with qtbot.waitSignal(window.controller.comparison_ready, timeout=60_000):
        window.compare_paths(*bundled)
    window.controller.shutdown()
    QApplication.processEvents()
    assert [s[1].path for s in received] == [bundled[1]]


def test_paste_from_clipboard(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    QApplication.clipboard().setText("Pasted article about the harbour.\n\nSecond paragraph here.")
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.act_paste_a.trigger()
    assert window.model.sources[0].path is None
    assert "Pasted article about the harbour." in window.views["a"].toPlainText()


def test_band_hover_tooltip_text(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *bundled)
    view = window.views["a"]
    i = next(i for i, c in enumerate(comparison.coverage_a) if c.links)
    text = view.tooltip_at(view.point_of(comparison.a.sentences[i].span.start + 1))
    assert "similarity" in text
    unique = next(
        i for i, c in enumerate(comparison.coverage_a) if c.status is Coverage.UNIQUE and c.counted
    )
    view.scroll_offset_to(comparison.a.sentences[unique].span.start, 50)
    assert "Unique" in view.tooltip_at(view.point_of(comparison.a.sentences[unique].span.start + 1))


def test_reading_notes_show_in_the_status_bar(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("Vargá said €18.5 million on Monday.\n".encode() + b"\xff\n")
    b.write_text("On Monday Vargá said it cost €18.5 million.\n", encoding="utf-8")
    compare_in(window, qtbot, a, b)
    assert "byte 39" in window.statusBar().currentMessage()
    assert "reading note" in window.status_label.text()
    assert str(a) in window.status_label.toolTip()
