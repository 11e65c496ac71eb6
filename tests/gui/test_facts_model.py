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


def test_status_column_sorts_conflicts_first_then_text_order(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    # The status sort keys are computed once per reset (a speed fix); the order must stay the one
    # the status labels give, ties in fact (text) order.
    from PySide6.QtCore import Qt

    from gui.facts_model import FACT_INDEX_ROLE, STATUS_LABELS

    comparison = with_facts(compare_in(window, qtbot, *bundled))
    model = FactsModel()
    model.set_facts(comparison.facts)
    proxy = FactsFilter()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    rows = [proxy.data(proxy.index(r, 0), FACT_INDEX_ROLE) for r in range(proxy.rowCount())]
    order = list(STATUS_LABELS)
    facts = comparison.facts
    assert rows == sorted(range(len(facts)), key=lambda i: (order.index(facts[i].status), i))
    assert facts[rows[0]].status is FactStatus.CONFLICT
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    rows = [proxy.data(proxy.index(r, 0), FACT_INDEX_ROLE) for r in range(proxy.rowCount())]
    assert rows == sorted(
        range(len(facts)), key=lambda i: (order.index(facts[i].status), i), reverse=True
    )


def test_long_fact_list_fills_in_chunks_to_the_same_table(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    # A long list is added a chunk per event-loop turn; the table ends as one reset gives it.
    import dataclasses

    from PySide6.QtCore import Qt

    import gui.facts_dock as facts_dock
    from gui.facts_model import FACT_INDEX_ROLE
    from tests.gui.conftest import show_comparison

    comparison = with_facts(compare_in(window, qtbot, *bundled))
    many = dataclasses.replace(comparison, facts=comparison.facts * 60)  # 240 facts
    reference = FactsModel()
    reference.set_facts(many.facts, (many.a.text, many.b.text))
    proxy = FactsFilter()
    proxy.setSourceModel(reference)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)

    def table(model) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return [
            (
                *(model.data(model.index(r, c)) for c in range(model.columnCount())),
                model.data(model.index(r, 0), FACT_INDEX_ROLE),
            )
            for r in range(model.rowCount())
        ]

    dock = window.facts_dock
    old = facts_dock.FILL_CHUNK
    facts_dock.FILL_CHUNK = 50
    try:
        show_comparison(window, many)
        assert dock.filling() and dock.facts_model.rowCount() == 50
        assert dock.status_box.itemText(0) == "All facts (240)"  # counts of the whole list
        qtbot.waitUntil(lambda: not dock.filling(), timeout=5000)
    finally:
        facts_dock.FILL_CHUNK = old
    assert dock.facts_model.rowCount() == 240
    assert table(dock.proxy) == table(proxy)
    assert "60 conflicts" in dock.counts_label.text()
