"""The strip between the panes: one band from each linked passage of A to its counterpart in B.

Bands cross where the articles are reordered. Only links with a passage visible in either pane
are painted (the others would be off the strip), the selected link last, on top and outlined;
links made by hand have a dashed outline. Clicking a band selects its link.

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.article_view import ArticleView
from gui.comparison_model import ComparisonModel
from gui.style import Style, hand_pen


class ConnectorStrip(QWidget):
    link_clicked = Signal(int)

    def __init__(
        self,
        model: ComparisonModel,
        view_a: ArticleView,
        view_b: ArticleView,
        style: Style,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._views = (view_a, view_b)
        self._style = style
        self._hits: list[tuple[QPainterPath, int]] = []
        self.painted_links: list[int] = []  # what the last paint drew (for tests)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(60)
        self.setObjectName("connector_strip")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for view in self._views:
            view.verticalScrollBar().valueChanged.connect(self.update)
            view.verticalScrollBar().rangeChanged.connect(self.update)
        model.comparison_changed.connect(self.update)
        model.selection_changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(90, 400)

    def set_style(self, style: Style) -> None:
        self._style = style
        self.update()

    def visible_links(self) -> list[int]:
        comparison = self.model.comparison
        if comparison is None:
            return []
        found: set[int] = set()
        for view in self._views:
            coverage = comparison.coverage(view.side)
            for i in view.visible_sentences():
                found.update(coverage[i].links)
        return sorted(found)

    def band_path(self, link_index: int) -> QPainterPath | None:
        """The band of one link in strip coordinates, or None when it is off the strip."""
        view_a, view_b = self._views
        comparison = self.model.comparison
        if comparison is None or view_a.shown is not comparison or view_b.shown is not comparison:
            return None
        link = self.model.link(link_index)
        a_top, a_bottom = view_a.sentences_y(link.a)
        b_top, b_bottom = view_b.sentences_y(link.b)
        dy_a = self.mapFromGlobal(view_a.viewport().mapToGlobal(QPoint(0, 0))).y()
        dy_b = self.mapFromGlobal(view_b.viewport().mapToGlobal(QPoint(0, 0))).y()
        a_top, a_bottom, b_top, b_bottom = (
            a_top + dy_a,
            a_bottom + dy_a,
            b_top + dy_b,
            b_bottom + dy_b,
        )
        h = self.height()
        if max(a_bottom, b_bottom) < 0 or min(a_top, b_top) > h:
            return None
        # A counterpart far off screen would make a huge path that is slow to fill: clamp it to
        # just beyond the strip, which keeps the band's direction.
        a_top, a_bottom, b_top, b_bottom = (
            min(max(v, -h), 2 * h) for v in (a_top, a_bottom, b_top, b_bottom)
        )
        w = float(self.width())
        mid = w / 2
        path = QPainterPath(QPointF(0, a_top))
        path.cubicTo(QPointF(mid, a_top), QPointF(mid, b_top), QPointF(w, b_top))
        path.lineTo(QPointF(w, b_bottom))
        path.cubicTo(QPointF(mid, b_bottom), QPointF(mid, a_bottom), QPointF(0, a_bottom))
        path.closeSubpath()
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        self._hits = []
        self.painted_links = []
        comparison = self.model.comparison
        if comparison is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.model.selected_link
        order = [k for k in self.visible_links() if k != selected]
        if selected is not None:
            order.append(selected)
        for k in order:
            path = self.band_path(k)
            if path is None:
                continue
            link = comparison.links[k]
            if k == selected:
                painter.setPen(QPen(self._style.color("selected_edge"), 2))
                painter.setBrush(self._style.color("selected", 230))
            else:  # fill only: an antialiased outline doubles the cost of a band
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._style.band_color(link.kind, 140))
            painter.drawPath(path)
            if link.by == "hand":  # made by hand: a dashed outline (also over the selection)
                painter.setPen(hand_pen(self._style, 2.2 if k == selected else 1.6))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
            self._hits.append((path, k))
            self.painted_links.append(k)
        painter.end()

    def link_at(self, point: QPointF) -> int | None:
        """The topmost band under ``point`` as last painted."""
        for path, k in reversed(self._hits):
            if path.contains(point):
                return k
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        k = self.link_at(event.position())
        if k is None:
            event.ignore()
            return
        self.link_clicked.emit(k)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            k = self.link_at(QPointF(event.pos()))
            if k is None:
                QToolTip.showText(event.globalPos(), "Click a band to select its link", self)
            else:
                QToolTip.showText(event.globalPos(), self.model.describe_link(k), self)
            return True
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, 100)
