"""Toolbar icons painted from the current palette, so they read well in light and dark themes.

Imports: PySide6.QtCore, PySide6.QtGui.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

_SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def arrow_icon(down: bool, accent: QColor, ink: QColor) -> QIcon:
    """An arrow beside a coloured bar: next/previous unique passage or conflict."""
    pixmap, p = _canvas()
    p.fillRect(QRectF(3, 5, 6, 22), accent)
    tip, base = (27.0, 9.0) if down else (5.0, 23.0)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawPolygon(QPolygonF([QPointF(13, base), QPointF(29, base), QPointF(21, tip)]))
    p.end()
    return QIcon(pixmap)


def lock_icon(ink: QColor) -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(ink, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(10, 15))
    path.lineTo(QPointF(10, 10))
    path.arcTo(QRectF(10, 4, 12, 12), 180, -180)
    path.lineTo(QPointF(22, 15))
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawRoundedRect(QRectF(6, 14, 20, 14), 3, 3)
    p.end()
    return QIcon(pixmap)


def swap_icon(ink: QColor) -> QIcon:
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ink)
    p.drawRect(QRectF(4, 9, 16, 4))
    p.drawPolygon(QPolygonF([QPointF(19, 4), QPointF(28, 11), QPointF(19, 18)]))
    p.drawRect(QRectF(12, 20, 16, 4))
    p.drawPolygon(QPolygonF([QPointF(13, 15), QPointF(4, 22), QPointF(13, 29)]))
    p.end()
    return QIcon(pixmap)
