"""A thin map beside a pane: where shared, partial, unique and conflicting passages are in the
whole article, and a frame for the part on screen. Clicking or dragging jumps there.

Positions come from the laid-out paragraphs (recomputed, throttled, when the layout changes);
sentences are placed inside their paragraph by character share.

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from core.model import Coverage, FactStatus
from gui.article_view import ArticleView
from gui.comparison_model import ComparisonModel
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
        model.comparison_changed.connect(self._on_layout_changed)

    def sizeHint(self) -> QSize:
        return QSize(16, 400)

    def set_style(self, style: Style) -> None:
        self._style = style
        self.update()

    def _on_layout_changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.update()

    def _compute(self) -> None:
        self._dirty = False
        self._rows = []
        comparison = self.model.comparison
        pmap = self.view.positions
        if comparison is None or pmap is None:
            return
        doc = self.view.document()
        height = float(doc.size().height())
        if height <= 0:
            return
        layout = doc.documentLayout()
        document = comparison.document(self.view.side)
        coverage = comparison.coverage(self.view.side)
        rects: list[QRectF] = []
        block = doc.begin()
        while block.isValid():
            rects.append(layout.blockBoundingRect(block))
            block = block.next()

        def frac(offset: int) -> float:
            p = pmap.paragraph_at(offset)
            if p >= len(rects):
                return 1.0
            span = document.paragraphs[p].span
            r = rects[p]
            share = min(max((offset - span.start) / max(1, len(span)), 0.0), 1.0)
            return (r.top() + r.height() * share) / height

        names = {Coverage.SHARED: "band_same", Coverage.PARTIAL: "band_partial"}
        for i, sentence in enumerate(document.sentences):
            cov = coverage[i]
            if not cov.counted:
                continue
            name = names.get(cov.status, "unique_mark")
            self._rows.append((frac(sentence.span.start), frac(sentence.span.end), name))
        for fact in comparison.facts:
            if fact.status is FactStatus.CONFLICT:
                for span in fact.side(self.view.side):
                    y = frac(span.start)
                    self._rows.append((y, y, "conflict_line"))

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
            y0 = top * h
            full = name == "conflict_line"
            rect = QRectF(0 if full else 3, y0, w if full else w - 6, max(2.0, (bottom - top) * h))
            painter.fillRect(rect, colour)
        bar = self.view.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total > 0 and bar.maximum() > 0:
            top = bar.value() / total * h
            span = max(6.0, bar.pageStep() / total * h)
            painter.setPen(QPen(self._style.color("viewport"), 2))
            painter.setBrush(self._style.color("viewport", 40))
            painter.drawRect(QRectF(1, top + 1, w - 2, span - 2))
        painter.end()

    def _jump(self, y: float) -> None:
        bar = self.view.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if self.height() <= 0:
            return
        target = y / self.height() * total - bar.pageStep() / 2
        bar.setValue(round(min(max(target, 0), bar.maximum())))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())
