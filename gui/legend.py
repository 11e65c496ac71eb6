"""A key to the colours and marks used in the panes and the connector strip.

One line when the window is wide enough; in a narrow window the items flow onto more lines
(height for width) instead of being cut off at the right edge.

Imports: PySide6, gui.style.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.style import Style, hand_pen

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
    ("band_hand", "made by hand"),
)

_BAND_TAIL = frozenset({"band_paraphrase", "band_partial", "band_hand"})


class Legend(QWidget):
    def __init__(self, style: Style, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self.setObjectName("legend")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_style(self, style: Style) -> None:
        self._style = style
        self.update()

    _SWATCH = 22.0

    def _item_width(self, fm: QFontMetrics, label: str) -> float:
        return self._SWATCH + 5 + fm.horizontalAdvance(label) + 16

    def _rows(self, width: int) -> list[tuple[float, int]]:
        """Where each item starts: (x, line), flowing onto a new line when it would not fit."""
        fm = QFontMetrics(self.font())
        widths = [self._item_width(fm, label) for _, label in _ITEMS]
        x, row, out = 6.0, 0, []
        for i, (key, _) in enumerate(_ITEMS):
            # The band kinds read as one phrase ("Link: same, paraphrase, partial"): keep together.
            together = sum(widths[i:]) if key == "band_same" else widths[i]
            if x > 6.0 and key not in _BAND_TAIL and x + together - 12 > width:
                x, row = 6.0, row + 1
            out.append((x, row))
            x += widths[i]
        return out

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return (self._rows(width)[-1][1] + 1) * self._line_height()

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        width = sum(self._item_width(fm, label) for _, label in _ITEMS)
        return QSize(int(width), self._line_height())

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        widest = max(self._item_width(fm, label) for _, label in _ITEMS)
        return QSize(int(widest), self._line_height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the layout asks heightForWidth again

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = self._line_height()
        sw = self._SWATCH
        sh = float(fm.height())
        text_colour = self.palette().windowText().color()
        for (key, label), (x, row) in zip(_ITEMS, self._rows(self.width()), strict=True):
            y = row * line + (line - sh) / 2
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
                if key == "band_hand":  # as the strip draws links made by hand
                    painter.setPen(hand_pen(self._style))
                    painter.setBrush(self._style.color("band_paraphrase", 160))
                else:
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
                QRectF(x + sw + 5, row * line, fm.horizontalAdvance(label) + 4, line),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
        painter.end()
