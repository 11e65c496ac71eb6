"""A one-line key to the colours and marks used in the panes and the connector strip.

Imports: PySide6, gui.style.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.style import Style

_ITEMS = (
    ("shared", "Shared"),
    ("partial", "Partly shared"),
    ("unique", "Only in one article"),
    ("conflict", "Conflicting fact"),
    ("selected", "Selected link"),
    ("diff", "Changed words"),
    ("fact", "Selected fact"),
    ("band_same", "Link: same"),
    ("band_paraphrase", "paraphrase"),
    ("band_partial", "partial"),
)


class Legend(QWidget):
    def __init__(self, style: Style, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self.setObjectName("legend")

    def set_style(self, style: Style) -> None:
        self._style = style
        self.update()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        width = sum(fm.horizontalAdvance(label) + 40 for _, label in _ITEMS)
        return QSize(width, fm.height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        x = 6.0
        h = self.height()
        sw = 22.0
        sh = float(fm.height())
        y = (h - sh) / 2
        text_colour = self.palette().windowText().color()
        for key, label in _ITEMS:
            rect = QRectF(x, y, sw, sh)
            if key.startswith("band_"):  # a little band, as drawn in the connector strip
                band = QPainterPath(QPointF(x, y + 2))
                band.cubicTo(
                    QPointF(x + sw / 2, y + 2),
                    QPointF(x + sw / 2, y + sh / 2),
                    QPointF(x + sw, y + sh / 2),
                )
                band.lineTo(QPointF(x + sw, y + sh - 1))
                band.cubicTo(
                    QPointF(x + sw / 2, y + sh - 1),
                    QPointF(x + sw / 2, y + sh / 2 + 2),
                    QPointF(x, y + sh / 2 + 2),
                )
                band.closeSubpath()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._style.color(key, 160))
                painter.drawPath(band)
            else:
                painter.fillRect(rect, self._style.color(key))
            if key == "unique":
                painter.fillRect(QRectF(x, y, 4, sh), self._style.color("unique_mark"))
                pen = QPen(self._style.color("unique_mark"), 1, Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.drawLine(QPointF(x + 5, y + sh - 2), QPointF(x + sw, y + sh - 2))
            elif key == "conflict":
                path = QPainterPath(QPointF(x, y + sh - 2))
                for i in range(1, 8):
                    path.lineTo(QPointF(x + i * sw / 7, y + sh - (4 if i % 2 else 1)))
                painter.setPen(QPen(self._style.color("conflict_line"), 1.2))
                painter.drawPath(path)
            elif key == "selected":
                painter.setPen(QPen(self._style.color("selected_edge"), 1.5))
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x + sw + 5, 0, fm.horizontalAdvance(label) + 4, h),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            x += sw + 5 + fm.horizontalAdvance(label) + 16
        painter.end()
