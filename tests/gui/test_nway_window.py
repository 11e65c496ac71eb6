"""The N-way view: matrix model, panel, pair switching, clicks, drop, screenshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from core.nway import NWayComparison, compare_many
from core.reading.dispatch import read_path
from gui.coverage_matrix import (
    DOCUMENT_ROLE,
    STATEMENT_ROLE,
    CoverageMatrixModel,
    CoverageMatrixProxy,
)
from gui.style import Style

DATA = Path(__file__).resolve().parent.parent / "data" / "nway"
FILES = [DATA / f"{n}.txt" for n in ("one", "two", "three", "four")]


@pytest.fixture(scope="module")
def nway() -> NWayComparison:
    return compare_many([read_path(p) for p in FILES])


def _statement(nway: NWayComparison, doc: int, words: str) -> int:
    d = nway.documents[doc]
    s = next(i for i in range(len(d.sentences)) if words in d.sentence_text(i))
    k = nway.statement_of(doc, s)
    assert k is not None
    return k


def test_matrix_model_passes_the_model_tester(qtmodeltester, nway: NWayComparison) -> None:  # type: ignore[no-untyped-def]
    model = CoverageMatrixModel(Style(False))
    qtmodeltester.check(model)  # empty
    model.set_comparison(nway, 0)
    qtmodeltester.check(model)
    assert model.rowCount() == len(nway.statements)
    assert model.columnCount() == 1 + 4 + 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 7)] == [
        "A", "B", "C", "D", "Only here", "Articles"
    ]  # fmt: skip
    model.set_reference(3)
    qtmodeltester.check(model)


def test_cells_colours_and_roles(nway: NWayComparison) -> None:
    style = Style(False)
    model = CoverageMatrixModel(style)
    model.set_comparison(nway, 0)
    k = _statement(nway, 0, "treated in hospital")
    row = model.row_of(k)
    assert model.data(model.index(row, 0), STATEMENT_ROLE) == k
    cell = model.index(row, 2)  # B
    assert model.data(cell, DOCUMENT_ROLE) == 1
    assert model.data(cell) == "✖"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == style.color("conflict")
    assert "Five passengers" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    absent = model.index(row, 4)  # D does not carry it
    assert model.data(absent) == "" and model.data(absent, Qt.ItemDataRole.BackgroundRole) is None
    only = _statement(nway, 3, "safety board")
    assert model.data(model.index(model.row_of(only), model.only_column())) == "D"


def test_sorting_by_how_many_articles_carry_a_statement(nway: NWayComparison) -> None:
    model = CoverageMatrixModel(Style(False))
    model.set_comparison(nway, 0)
    proxy = CoverageMatrixProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.count_column(), Qt.SortOrder.DescendingOrder)
    counts = [int(proxy.index(r, model.count_column()).data()) for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] == 4 and counts[-1] == 1
    proxy.sort(model.count_column(), Qt.SortOrder.AscendingOrder)
    singles = [
        proxy.index(r, 0).data(STATEMENT_ROLE)
        for r in range(proxy.rowCount())
        if proxy.index(r, model.count_column()).data() == "1"
    ]
    assert singles == sorted(singles, key=model.row_of)  # ties keep the reference order
    model.set_reference(2)  # C first: its statements lead
    first = nway.statements[model.statement_at(0)]
    assert first.sentences[2] and first.sentences[2][0] == 0


@pytest.fixture
def opened(window, qtbot):  # type: ignore[no-untyped-def]
    from gui.nway_mode import nway_mode

    mode = nway_mode(window)
    with qtbot.waitSignal(mode.controller.comparison_ready, timeout=60_000):
        window.compare_many_paths(FILES)
    yield mode
    mode.controller.shutdown()


def test_window_opens_four_articles_and_switches_pairs(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    mode = opened
    assert mode.panel.isVisible() and mode.panel.matrix.rowCount() == len(mode.nway.statements)
    shown = window.model.comparison
    assert shown.a is mode.nway.documents[0] and shown.b is mode.nway.documents[1]
    mode.panel.right_box.setCurrentIndex(3)
    mode.panel.right_box.activated.emit(3)
    assert window.model.comparison.b is mode.nway.documents[3]
    assert "(of 4)" in window.windowTitle()
    mode.panel.left_box.setCurrentIndex(3)  # the same article on both sides is moved away
    mode.panel.left_box.activated.emit(3)
    left, right = mode.panel.pair
    assert left == 3 and right != 3
    assert window.model.comparison.a is mode.nway.documents[3]


def _click(qtbot, panel, statement: int, column: int) -> None:  # type: ignore[no-untyped-def]
    source = panel.matrix.index(panel.matrix.row_of(statement), column)
    index = panel.proxy.mapFromSource(source)
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_cell_shows_that_sentence(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    mode = opened
    k = _statement(mode.nway, 3, "safety board")  # only D carries it; D is not on screen
    _click(qtbot, mode.panel, k, 4)
    assert 3 in mode.panel.pair
    side = "a" if mode.panel.pair[0] == 3 else "b"
    assert window.model.active == (side, mode.nway.statements[k].sentences[3][0])


def test_clicking_a_row_shows_the_statement_everywhere(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    mode = opened
    k = _statement(mode.nway, 0, "ran aground off")
    _click(qtbot, mode.panel, k, 0)
    detail = mode.panel.detail.toPlainText()
    for d in range(4):
        assert f" {'ABCD'[d]} " in detail or detail.startswith(f" {'ABCD'[d]}")
    assert "not in this article" in detail  # C does not carry it
    link = window.model.comparison.links[window.model.selected_link]
    st = mode.nway.statements[k]
    left, right = mode.panel.pair
    assert set(link.a) & set(st.sentences[left]) and set(link.b) & set(st.sentences[right])
    # and a passage picked in a pane selects its row in the matrix
    other = _statement(mode.nway, left, "Tobias Ferrante")
    window.activate_passage("a", mode.nway.statements[other].sentences[left][0])
    selected = mode.panel.table.selectionModel().selectedRows()
    assert [r.data(STATEMENT_ROLE) for r in selected] == [other]


def test_export_of_all_articles(window, qtbot, opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "all.json"
    assert opened.export_to(out, "json")
    assert json.loads(out.read_text("utf-8"))["format"] == "article-comparer/2"
    assert opened.export_to(tmp_path / "all.html", "html")


def test_comparing_two_again_leaves_the_nway_view(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.compare_paths(FILES[0], FILES[2])
    assert not opened.panel.isVisible()


def test_dropping_three_files_opens_them_all(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.nway_mode import nway_mode

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in FILES[:3]])
    view = window.views["a"]
    center = view.viewport().rect().center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    drop = QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime, buttons, mods)
    mode = nway_mode(window)
    with qtbot.waitSignal(mode.controller.comparison_ready, timeout=60_000):
        QApplication.sendEvent(view.viewport(), drop)
    assert [s.path for s in mode.sources] == FILES[:3]
    mode.controller.shutdown()


def test_cli_screenshot_of_four_articles(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.cli import main

    out = tmp_path / "nway.png"
    assert main([*map(str, FILES), "--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    conflict = Style(False).color("conflict").rgb()
    left = {image.pixel(x, y) for x in range(0, 560, 3) for y in range(150, 600, 3)}
    assert conflict in left  # the matrix, with its conflict cells, is on the left


def test_cli_rejects_more_than_eight(capsys: pytest.CaptureFixture[str]) -> None:
    from gui.cli import main

    assert main([str(FILES[0])] * 2 + [str(p) for p in FILES] * 2) == 2
    assert "at most 8 articles" in capsys.readouterr().err


def test_facts_across_articles_model(qtmodeltester, nway: NWayComparison) -> None:  # type: ignore[no-untyped-def]
    from gui.cross_facts_model import FACT_ROLE, CrossFactsModel

    model = CrossFactsModel(Style(False))
    qtmodeltester.check(model)
    model.set_comparison(nway)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "conflict"  # conflicts first
    assert model.data(model.index(0, 2)) == "3 passenger (A, C) / 5 passenger (B)"
    assert [model.data(model.index(0, c)) for c in range(3, 7)] == [
        "3 passenger", "5 passenger", "3 passenger", "—"
    ]  # fmt: skip
    assert model.data(model.index(0, 0), FACT_ROLE).status == "conflict"


def test_clicking_a_conflict_shows_two_articles_that_disagree(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    mode = opened
    mode.panel.tabs.setCurrentIndex(1)
    assert "1 conflict" in mode.panel.tabs.tabText(1)
    table = mode.panel.facts_table
    rect = table.visualRect(mode.panel.facts.index(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert mode.panel.pair == (0, 1)
    fact = window.model.comparison.facts[window.model.selected_fact]
    assert fact.values == ("3 passenger", "5 passenger")


def test_theme_change_recolours_the_matrix(window, qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    window.set_theme("dark", remember=False)
    model = opened.panel.matrix
    k = _statement(opened.nway, 0, "treated in hospital")
    index = model.index(model.row_of(k), 1)
    dark = Style(True).color("conflict")
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.BackgroundRole).color() == dark)
    window.set_theme("light", remember=False)


def test_an_unreadable_article_is_one_line_and_nothing_is_lost(  # type: ignore[no-untyped-def]
    window, qtbot, opened, tmp_path: Path
) -> None:
    before = opened.nway
    window.interactive = False  # no dialog to close
    missing = tmp_path / "gone.txt"
    with qtbot.waitSignal(opened.controller.failed, timeout=60_000) as failed:
        window.compare_many_paths([FILES[0], FILES[1], missing])
    assert failed.args == [f"{missing}: no such file"]
    assert opened.nway is before and opened.panel.isVisible()
    assert not window.cancel_button.isVisible()


def test_cancel_stops_an_nway_run(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.nway_mode import nway_mode

    mode = nway_mode(window)
    with qtbot.waitSignal(mode.controller.cancelled, timeout=60_000):
        mode.compare_paths(FILES)
        window.cancel_button.click()
    assert mode.nway is None and not mode.busy
    mode.controller.shutdown()
