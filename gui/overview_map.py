"""A thin map beside a pane: where shared, partial, unique and conflicting passages are in the
whole article, and a frame for the part on screen. Clicking or dragging jumps there.

Positions are character offsets scaled to the map's height (no full layout of a long article is
needed), and the viewport frame is drawn from the offsets at the top and bottom of the view.

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.article_view import ArticleView
from gui.comparison_model import ComparisonModel
from gui.prepared_panes import overview_rows
from gui.style import Style


class OverviewMap(QWidget):
    def __init__(
        self, model: ComparisonModel, view: ArticleView, style: Style, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = view
        self._style = style
        self._rows: list[tuple[float, float, str]] = []  # (top, bottom) as fractions, colour name
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.setFixedWidth(16)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click to jump")
        self.setObjectName(f"overview_map_{view.side}")
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().rangeChanged.connect(self._on_layout_changed)
        model.comparison_changed.connect(self._on_model_comparison_changed)

    def sizeHint(self) -> QSize:
        return QSize(16, 400)

    def set_style(self, style: Style) -> None:
        self._style = style
        self.update()

    def _on_model_comparison_changed(self) -> None:
        self._compute()  # now, so the first paint uses the rows the worker computed
        self.update()

    def _on_layout_changed(self) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.update()

    def _compute(self) -> None:
        self._dirty = False
        comparison = self.model.comparison
        prepared = self.model.prepared_pane(self.view.side)
        if prepared is not None and prepared.overview:
            self._rows = prepared.overview  # computed by the worker
        else:
            self._rows = overview_rows(comparison, self.view.side) if comparison else []

    def _fraction(self) -> float:
        comparison = self.model.comparison
        return 1.0 / max(1, len(comparison.document(self.view.side).text)) if comparison else 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dirty:
            self._compute()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        h = float(self.height())
        w = self.width()
        colours: dict[str, QColor] = {}
        for top, bottom, name in self._rows:
            colour = colours.setdefault(name, self._style.color(name))
            full = name == "conflict_line"
            rect = QRectF(
                0 if full else 3, top * h, w if full else w - 6, max(2.0, (bottom - top) * h)
            )
            painter.fillRect(rect, colour)
        if self.view.positions is not None and self.view.verticalScrollBar().maximum() > 0:
            # The frame shows the text on screen, by character offsets like the rows above.
            scale = self._fraction() * h
            vp = self.view.viewport().rect()
            top = self.view.offset_at(QPoint(0, 0)) * scale
            bottom = self.view.offset_at(QPoint(vp.width(), vp.height())) * scale
            painter.setPen(QPen(self._style.color("viewport"), 2))
            painter.setBrush(self._style.color("viewport", 40))
            painter.drawRect(QRectF(1, top + 1, w - 2, max(6.0, bottom - top) - 2))
        painter.end()

    def _jump(self, y: float) -> None:
        comparison = self.model.comparison
        if comparison is None or self.view.positions is None or self.height() <= 0:
            return
        text = comparison.document(self.view.side).text
        offset = round(min(max(y / self.height(), 0.0), 1.0) * (len(text) - 1))
        self.view.scroll_offset_to(offset, self.view.viewport().height() // 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())
