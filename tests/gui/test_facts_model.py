"""The facts table model passes qtmodeltester and its filter keeps the right rows."""

from __future__ import annotations

from core.model import FactStatus
from gui.facts_model import FactsFilter, FactsModel
from tests.gui.conftest import compare_in, with_facts


def test_facts_model_passes_modeltester(window, qtbot, qtmodeltester, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = with_facts(compare_in(window, qtbot, *bundled))
    model = FactsModel()
    model.set_facts(comparison.facts)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(comparison.facts)
    assert model.data(model.index(1, 3)) == "340 homes"
    assert model.data(model.index(1, 4)) == "430 homes"


def test_facts_filter(window, qtbot, qtmodeltester, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = with_facts(compare_in(window, qtbot, *bundled))
    model = FactsModel()
    model.set_facts(comparison.facts)
    proxy = FactsFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_status(FactStatus.CONFLICT)
    assert proxy.rowCount() == 1
    proxy.set_status(None)
    proxy.setFilterFixedString("nordv")
    assert proxy.rowCount() == 1
    model.set_facts(())
    assert proxy.rowCount() == 0


def test_dock_shows_counts(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import show_comparison

    comparison = with_facts(compare_in(window, qtbot, *bundled))
    show_comparison(window, comparison)
    dock = window.facts_dock
    assert "1 conflict" in dock.counts_label.text()
    assert dock.status_box.itemText(0) == "All facts (4)"
    dock.set_status_filter(FactStatus.ONLY_A)
    assert dock.table.model().rowCount() == 1


def test_year_less_dates_read_as_words(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    # Regression: the Fact column showed the canonical "--03-14" of "14/3" and "March 14".
    comparison = compare_in(window, qtbot, *bundled)
    model = FactsModel()
    model.set_facts(comparison.facts)
    shown = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert "14 March (no year)" in shown
    assert not any(s.startswith("--") for s in shown)


def test_conflicts_show_each_article_s_own_words(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    # Regression: the table and status bar showed the canonical "340 home" / "430 home".
    comparison = compare_in(window, qtbot, *bundled)
    row = next(i for i, f in enumerate(comparison.facts) if f.status is FactStatus.CONFLICT)
    assert comparison.facts[row].values == ("340 home", "430 home")  # matching's canonical form
    table = window.facts_dock.facts_model
    assert [table.data(table.index(row, col)) for col in (2, 3, 4)] == [
        "more than 340 homes / around 430 homes",
        "more than 340 homes",
        "around 430 homes",
    ]
    window.select_fact(row)
    assert (
        window.statusBar()
        .currentMessage()
        .endswith("— A: 'more than 340 homes', B: 'around 430 homes'")
    )


def test_dock_lists_conflicts_first_and_says_why(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    comparison = compare_in(window, qtbot, *bundled)
    dock = window.facts_dock
    first = dock.proxy.index(0, 0)
    row = dock.proxy.mapToSource(first).row()
    fact = comparison.facts[row]
    assert fact.status is FactStatus.CONFLICT and row > 0  # not first in text order
    assert [dock.proxy.index(0, c).data() for c in (3, 4)] == [
        "more than 340 homes",
        "around 430 homes",
    ]
    tip = dock.proxy.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "Why: conflict: more than 340 homes vs around 430 homes" in tip
    with qtbot.waitSignal(dock.fact_activated):
        qtbot.mouseClick(
            dock.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dock.table.visualRect(first).center(),
        )
    assert window.model.selected_fact == row and fact.a and fact.b
