"""The panes' own hit test (one block, not the whole document) answers what Qt's did."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.gui.conftest import compare_in


def test_block_hit_test_matches_qts_whole_document_hit_test(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    compare_in(window, qtbot, *bundled)
    for zoom in (0, 3):
        window.zoom(zoom)
        for side in ("a", "b"):
            view = window.views[side]
            qtbot.waitUntil(lambda v=view: v.verticalScrollBar().maximum() > 0)  # type: ignore[misc]
            bar = view.verticalScrollBar()
            checked = 0
            for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 5)):
                bar.setValue(value)
                height, width = view.viewport().height(), view.viewport().width()
                for y in range(-3, height + 4, 5):
                    for x in (0, 10, 22, 40, 250, width - 1, width + 5):
                        point = QPoint(x, y)
                        assert view._hit(point) == view._hit_by_qt(point), (side, value, x, y)
                        checked += 1
            assert checked > 1000
