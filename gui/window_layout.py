"""The window's central area: pane A, the connector strip and pane B side by side in a splitter
(the strip keeps its width, the panes share the rest), the legend below them.

Imports: PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def central_area(
    pane_a: QWidget, strip: QWidget, pane_b: QWidget, legend: QWidget
) -> tuple[QWidget, QSplitter]:
    """The central widget, and its splitter (whose sizes the window saves)."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("panes_splitter")
    for widget in (pane_a, strip, pane_b):
        splitter.addWidget(widget)
    splitter.setCollapsible(1, False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(2, 1)
    splitter.setHandleWidth(3)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(4, 4, 4, 0)
    layout.setSpacing(2)
    layout.addWidget(splitter, 1)
    layout.addWidget(legend)
    return central, splitter
