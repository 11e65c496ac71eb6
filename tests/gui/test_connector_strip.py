"""Pixels: bands are painted between linked passages, the selected one on top."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from tests.gui.conftest import compare_in


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_bands_are_painted_between_linked_passages(window, qtbot, bundled) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_in(window, qtbot, *bundled)
    strip = window.strip
    link_index = next(k for k, link in enumerate(comparison.links) if min(link.a) > 0)
    window.activate_passage("a", comparison.links[link_index].a[0])
    image = strip.grab().toImage()
    assert link_index in strip.painted_links
    assert set(strip.painted_links) <= set(range(len(comparison.links)))
    # The selected band joins the two passages: at the left edge it spans the A passage's rows,
    # at the right edge the B passage's rows, and it is painted in the selection colour.
    view_a, view_b = window.views["a"], window.views["b"]
    link = comparison.links[link_index]
    a_top, a_bottom = view_a.sentences_y(link.a)
    b_top, b_bottom = view_b.sentences_y(link.b)
    dy_a = strip.mapFromGlobal(view_a.viewport().mapToGlobal(QPoint(0, 0))).y()
    dy_b = strip.mapFromGlobal(view_b.viewport().mapToGlobal(QPoint(0, 0))).y()
    background = strip.palette().window().color()
    selected = window.style_.color("selected")
    left = image.pixelColor(3, dy_a + (a_top + a_bottom) // 2)
    right = image.pixelColor(strip.width() - 4, dy_b + (b_top + b_bottom) // 2)
    for colour in (left, right):
        assert not _close(colour, background, 4)
        assert _close(colour, selected, 30)
    # Somewhere in the strip no band passes: plain background there (bands are not a fill).
    x = strip.width() // 2
    path_free = [
        y
        for y in range(0, strip.height(), 3)
        if not any(path.contains(QPoint(x, y).toPointF()) for path, _ in strip._hits)
    ]
    assert path_free, "some rows of the strip are free of bands"
    assert _close(image.pixelColor(x, path_free[len(path_free) // 2]), background, 4)


def test_only_visible_links_are_painted(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        f"Paragraph {i} reports that item number {i} of the harbour plan passed."
        for i in range(150)
    ]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n\n".join(lines), encoding="utf-8")
    b.write_text("\n\n".join(lines), encoding="utf-8")
    comparison = compare_in(window, qtbot, a, b)
    window.strip.grab()
    painted = window.strip.painted_links
    assert painted
    assert len(painted) < len(comparison.links) / 2
