"""The legend flows onto more lines in a narrow window instead of cutting items off."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from gui.legend import _ITEMS


def _right_edges(legend, width: int) -> list[float]:  # type: ignore[no-untyped-def]
    fm = QFontMetrics(legend.font())
    return [
        x + legend._item_width(fm, label) - 12
        for (x, _), (_, label) in zip(legend._rows(width), _ITEMS, strict=True)
    ]


def test_legend_wraps_in_a_narrow_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = window.legend
    line = legend._line_height()
    window.resize(1900, 760)
    qtbot.waitUntil(lambda: legend.width() > 1500)
    assert legend.heightForWidth(legend.width()) == line
    # Regression: at 1024 px "paraphrase" and "partial" were painted past the right edge.
    window.resize(900, 700)
    qtbot.waitUntil(lambda: legend.width() < 900 and legend.height() >= 2 * line)
    assert max(_right_edges(legend, legend.width())) <= legend.width()
    rows = {k: r for (k, _), (_, r) in zip(_ITEMS, legend._rows(legend.width()), strict=True)}
    assert rows["band_same"] == rows["band_paraphrase"] == rows["band_partial"]
