"""One article, read-only, with coverage highlighting, selection overlays and margin markers.

The text is built once per comparison from the Document's paragraphs (one block each, formats by
role and coverage, conflicting facts underlined); the selection (link, word diff, fact) is an
overlay of extra selections, so selecting never rebuilds the text. All offsets go through
``gui.positions.PositionMap``. Geometry helpers answer in viewport pixels for the connector strip,
the overview map and scroll sync.

Imports: PySide6, core.model, gui.positions, gui.style, gui.comparison_model, gui.wording.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from core.labels import COVERAGE_LABEL, FACT_STATUS_LABEL
from core.model import Comparison, Coverage, DiffTag, Side, Span
from gui.comparison_model import ComparisonModel
from gui.layout_steps import LayoutSteps
from gui.pane_document import PaneDocument, build_document
from gui.pane_restyle import restyle
from gui.positions import PositionMap
from gui.style import Style
from gui.wording import fact_label, fact_words

log = logging.getLogger(__name__)

MARKER_X = 7
MARKER_WIDTH = 5


_WEB_SCHEMES = ("http", "https")  # links a browser drops; other schemes are refused


class ArticleView(QTextEdit):
    passage_activated = Signal(int)  # sentence index picked by click or keyboard
    file_dropped = Signal(Path)
    url_dropped = Signal(str)  # a link dragged from a browser
    paste_requested = Signal()  # Ctrl+V: the window decides whether to paste here
    pair_dropped = Signal(Path, Path)  # two files dropped at once: compare them as A and B
    files_dropped = Signal(list)  # three or more files at once: compare them all (N-way view)
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 larger, -1 smaller, for both panes

    def __init__(
        self, model: ComparisonModel, side: Side, style: Style, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.side: Side = side
        self._style = style
        self._font_size = 11.5
        self._map: PositionMap | None = None
        self._layout_steps: LayoutSteps | None = None
        self._last_sentence: int | None = None
        self._cursor: QTextCursor | None = None
        self._sentence_paragraphs: list[int] = []
        self.shown: Comparison | None = None  # the comparison whose text is on screen
        self._visible_cache: tuple[tuple[int, int, int, float], tuple[int, int]] | None = None
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # Text always wraps to the pane; a long token (URL) breaks rather than scrolling sideways.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)  # Tab moves between the panes; the text is read-only
        self.setObjectName(f"article_view_{side}")
        model.comparison_changed.connect(self._on_model_comparison_changed)
        model.selection_changed.connect(self._on_model_selection_changed)

    # -- building -----------------------------------------------------------------------------
    @property
    def positions(self) -> PositionMap | None:
        return self._map

    def set_style(self, style: Style) -> None:
        self._style = style
        comparison = self.model.comparison
        if comparison is not None:  # a document built by the worker is shown once, never again
            self.install(build_document(comparison, self.side, style, self._font_size))

    def font_size(self) -> float:
        return self._font_size

    def set_font_size(self, size: float) -> None:
        self._font_size = size
        self.document().setDefaultFont(self._style.reading_font(size))
        self._lay_out_in_steps()

    def _lay_out_in_steps(self) -> None:
        """After the whole document is to be laid out again (a new one, a new font size)."""
        if self._layout_steps is not None:
            self._layout_steps.stop()
            self._layout_steps.deleteLater()
        self._layout_steps = LayoutSteps(self.document(), self)

    def _on_model_comparison_changed(self) -> None:
        comparison = self.model.comparison
        if comparison is None:
            return
        if self._restyled(comparison):
            return
        prepared = self.model.prepared_pane(self.side)
        built = prepared.document if prepared is not None else None
        if built is None or built.dark != self._style.dark or built.font_size != self._font_size:
            positions = prepared.positions if prepared is not None else None
            built = build_document(comparison, self.side, self._style, self._font_size, positions)
        self.install(built)

    def _restyled(self, comparison: Comparison) -> bool:
        """A hand edit of the comparison on screen: restyle what it touched, keep the scroll."""
        edited, shown = self.model.edited, self.shown
        if edited is None or shown is None or self._map is None:
            return False
        if comparison.a is not shown.a or comparison.b is not shown.b:
            return False
        restyle(
            self.document(), self._map, shown, comparison, self.side, self._style, edited[self.side]
        )
        self.shown = comparison
        self.viewport().update()
        return True

    def install(self, prepared: PaneDocument) -> None:
        """Show a document built by ``build_document``."""
        doc = prepared.document
        old = self.document()
        # the view's own documents (Qt's default one included) go when replaced
        ours = old is not None and old is not doc and old.parent() is self
        self._map = prepared.positions
        self.shown = prepared.comparison
        self._sentence_paragraphs = [
            s.paragraph for s in prepared.comparison.document(self.side).sentences
        ]
        doc.setParent(self)
        self.setDocument(doc)
        self._lay_out_in_steps()
        self._cursor = QTextCursor(doc)
        if ours:
            old.deleteLater()
        self._last_sentence = None
        self._visible_cache = None  # it described the document just replaced
        self.setExtraSelections([])
        self.verticalScrollBar().setValue(0)

    # -- selection overlay --------------------------------------------------------------------
    def _selection(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        assert self._map is not None
        qs, qe = self._map.to_qt_span(span)
        cursor = QTextCursor(self.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def overlay_spans(self) -> list[tuple[Span, str]]:
        """What the current selection paints on this side: (span, "selected"|"diff"|"fact")."""
        model, comparison = self.model, self.model.comparison
        if comparison is None:
            return []
        document = comparison.document(self.side)
        out: list[tuple[Span, str]] = []
        if model.selected_link is not None:
            link = comparison.links[model.selected_link]
            for i in link.side(self.side):
                out.append((document.sentences[i].span, "selected"))
            wanted = (
                (DiffTag.REPLACE, DiffTag.DELETE)
                if self.side == "a"
                else (DiffTag.REPLACE, DiffTag.INSERT)
            )
            for op in link.diff:
                span = op.side(self.side)
                if op.tag in wanted and span is not None:
                    out.append((span, "diff"))
        elif model.active is not None and model.active[0] == self.side:
            out.append((document.sentences[model.active[1]].span, "selected"))
        if model.selected_fact is not None:
            for span in comparison.facts[model.selected_fact].side(self.side):
                out.append((span, "fact"))
        return out

    def _on_model_selection_changed(self) -> None:
        if self._map is None:
            return
        formats = {
            "selected": self._style.selected_format(),
            "diff": self._style.diff_format(),
            "fact": self._style.fact_format(),
        }
        self.setExtraSelections([self._selection(s, formats[k]) for s, k in self.overlay_spans()])
        self.viewport().update()

    # -- geometry (viewport pixels) -----------------------------------------------------------
    def _rect_at(self, qt_position: int) -> QRect:
        cursor = self._cursor or QTextCursor(self.document())
        cursor.setPosition(min(qt_position, max(0, self.document().characterCount() - 1)))
        return self.cursorRect(cursor)

    def span_y(self, start: int, end: int, exact: bool = False) -> tuple[int, int]:
        """Viewport top and bottom of the text from code-point ``start`` to ``end``.

        Unless ``exact``, text far off screen is reported just beyond the viewport edge instead
        of being measured, so painting never makes Qt lay out a long article to its end.
        """
        assert self._map is not None
        qs, qe = self._map.to_qt(start), self._map.to_qt(end)
        if not exact:
            lo, hi = self.visible_qt_range()
            far = 2 * self.viewport().height() + 10
            if qe < lo:
                return -far - 1, -far
            if qs > hi:
                return far, far + 1
            top = self._rect_at(qs).top() if qs >= lo else self._rect_at(lo).top() - far
            bottom = self._rect_at(qe).bottom() if qe <= hi else self._rect_at(hi).bottom() + far
            return top, max(bottom, top + 1)
        top = self._rect_at(qs).top()
        bottom = self._rect_at(qe).bottom()
        return top, max(bottom, top + 1)

    def sentences_y(
        self, sentences: tuple[int, ...] | list[int], exact: bool = False
    ) -> tuple[int, int]:
        """Viewport top and bottom covering the given sentences of this side."""
        comparison = self.model.comparison
        assert comparison is not None
        doc_sentences = comparison.document(self.side).sentences
        tops, bottoms = [], []
        for i in sentences:
            top, bottom = self.span_y(doc_sentences[i].span.start, doc_sentences[i].span.end, exact)
            tops.append(top)
            bottoms.append(bottom)
        return min(tops), max(bottoms)

    def point_of(self, offset: int) -> QPoint:
        """A viewport point on the character at code-point ``offset`` (for tests and tools)."""
        assert self._map is not None
        rect = self._rect_at(self._map.to_qt(offset))
        return QPoint(rect.left() + 3, rect.center().y())

    def _block_at_y(self, y: float) -> int:
        """Number of the block at document ``y``.

        Gallops from the top, then bisects, so Qt lays out the document only about as far as
        ``y`` (a bisection from the middle would lay out half of a long article at once).
        """
        doc = self.document()
        layout = doc.documentLayout()
        count = doc.blockCount()

        def bottom(n: int) -> float:
            return float(layout.blockBoundingRect(doc.findBlockByNumber(n)).bottom())

        hi = 1
        while hi < count and bottom(hi - 1) < y:
            hi *= 2
        lo, hi = hi // 2 - (1 if hi > 1 else 0), min(hi, count) - 1
        lo = max(lo, 0)
        while lo < hi:
            mid = (lo + hi) // 2
            if bottom(mid) < y:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def visible_qt_range(self) -> tuple[int, int]:
        """Qt positions of the first and last character of the blocks on screen."""
        top = self.verticalScrollBar().value()
        doc = self.document()
        vp = self.viewport()
        key = (top, vp.width(), vp.height(), doc.defaultFont().pointSizeF())
        if self._visible_cache is not None and self._visible_cache[0] == key:
            return self._visible_cache[1]
        first = doc.findBlockByNumber(self._block_at_y(top))
        last = doc.findBlockByNumber(self._block_at_y(top + vp.height()))
        result = (first.position(), last.position() + last.length())
        self._visible_cache = (key, result)
        return result

    def offset_at(self, point: QPoint) -> int:
        """Code-point offset of the character at (or nearest to) viewport ``point``."""
        assert self._map is not None
        return self._map.from_qt(self._hit(point))

    def _hit(self, point: QPoint) -> int:
        """Qt position at viewport ``point``: the answer of ``cursorForPosition`` (Qt's fuzzy hit
        test) for a point on a line of text, the block's first position elsewhere in the block
        (its margins: Qt answers the next block there), the document's end below the last line.

        Only the block at that height is tested: Qt's own hit test walks every block of the
        document before the point, 20 ms at the end of a 100k-word article, and the overview
        maps and scroll sync ask on every scroll step.
        """
        doc = self.document()
        y = point.y() + self.verticalScrollBar().value()
        x = point.x() + self.horizontalScrollBar().value()
        block = doc.findBlockByNumber(self._block_at_y(y))
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return block.position()
        origin = layout.position()
        py, px = y - origin.y(), x - origin.x()
        if py > layout.boundingRect().bottom():  # below the text: the end, if it is the last
            return block.position() + (0 if block.next().isValid() else block.length() - 1)
        off = 0
        for i in range(layout.lineCount()):  # as QTextDocumentLayout's hit test of a block
            line = layout.lineAt(i)
            rect = line.naturalTextRect()
            if rect.top() > py:
                off = min(off, line.textStart())
            elif rect.bottom() <= py:
                off = max(off, line.textStart() + line.textLength())
            else:
                off = line.xToCursor(px, QTextLine.CursorPosition.CursorBetweenCharacters)
                break
        return block.position() + off

    def _hit_by_qt(self, point: QPoint) -> int:
        """What ``_hit`` answered before, through Qt's whole-document hit test (for tests)."""
        doc = self.document()
        block = doc.findBlockByNumber(
            self._block_at_y(point.y() + self.verticalScrollBar().value())
        )
        position = self.cursorForPosition(point).position()
        # In a frame margin Qt's hit test answers the end of the document: use the block instead.
        if not block.position() <= position < block.position() + block.length():
            position = block.position()
        return position

    def sentence_at_point(self, point: QPoint) -> int | None:
        if self._map is None:
            return None
        offset = self.offset_at(point)
        found = self.model.sentence_at(self.side, offset)
        if found is None and offset > 0:  # a click right of a line's last character
            found = self.model.sentence_at(self.side, offset - 1)
        return found

    def visible_sentences(self) -> range:
        """Sentences that may be on screen, found from the laid-out paragraphs."""
        comparison = self.model.comparison
        if comparison is None or self._map is None:
            return range(0)
        top = self.verticalScrollBar().value()
        first = self._block_at_y(top)
        last = self._block_at_y(top + self.viewport().height())
        lo = bisect_left(self._sentence_paragraphs, first)
        hi = bisect_right(self._sentence_paragraphs, last)
        return range(lo, hi)

    def scroll_offset_to(self, offset: int, y: int) -> None:
        """Scroll so the line holding code-point ``offset`` sits at viewport ``y``."""
        assert self._map is not None
        top = self._rect_at(self._map.to_qt(offset)).top()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - y)

    # -- input --------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        sentence = self.sentence_at_point(event.position().toPoint())
        if sentence is not None:
            self._last_sentence = sentence
            self.passage_activated.emit(sentence)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
        if self._map is None or self.textCursor().hasSelection():
            return
        offset = self._map.from_qt(self.textCursor().position())
        sentence = self.model.sentence_at(self.side, offset)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if sentence is not None:
                self._last_sentence = sentence
                self.passage_activated.emit(sentence)
            return
        if sentence is not None and sentence != self._last_sentence:
            self._last_sentence = sentence
            self.passage_activated.emit(sentence)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QTextEdit zooms only itself, with the widget font; zoom both panes the same instead.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        comparison = self.model.comparison
        sentence = self.sentence_at_point(point)
        if comparison is None or sentence is None:
            return ""
        cov = comparison.coverage(self.side)[sentence]
        other = "B" if self.side == "a" else "A"
        if not cov.counted:
            lines = ["Caption, byline or boilerplate: not compared"]
        elif cov.mark == "shared":
            lines = [f"Marked by hand: shared with {other} (no single counterpart)"]
        elif cov.mark == "not_shared":
            lines = [f"Marked by hand: not in {other}"]
        elif not cov.links:
            lines = [f"Unique: not in {other}"]
        else:
            lines = [f"{COVERAGE_LABEL[cov.status].capitalize()} (coverage {cov.score:.2f})"]
            for k in cov.links[:4]:
                link = comparison.links[k]
                lines.append(f"{link.kind.value} link to {other}, similarity {link.similarity:.2f}")
        offset = self.offset_at(point)
        texts = (comparison.a.text, comparison.b.text)
        for fact in comparison.facts:
            if any(span.contains(offset) for span in fact.side(self.side)):
                status = FACT_STATUS_LABEL[fact.status]
                line = f"{fact.kind.value} “{fact_label(fact, texts)}”: {status}"
                words = fact_words(fact, texts)
                if words is not None:
                    line += f" (A: {words[0]}, B: {words[1]})"
                lines.append(line)
        return "\n".join(lines)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() or u.scheme() in _WEB_SCHEMES for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if not urls:
            links = [u for u in event.mimeData().urls() if u.scheme() in _WEB_SCHEMES]
            if links:
                event.acceptProposedAction()
                self.url_dropped.emit(links[0].toString())
            else:
                event.ignore()
            return
        event.acceptProposedAction()
        if len(urls) > 2:
            self.files_dropped.emit([Path(u.toLocalFile()) for u in urls])
        elif len(urls) == 2:
            self.pair_dropped.emit(Path(urls[0].toLocalFile()), Path(urls[1].toLocalFile()))
        else:
            self.file_dropped.emit(Path(urls[0].toLocalFile()))

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        comparison = self.model.comparison
        if comparison is None or self._map is None:
            return
        coverage = comparison.coverage(self.side)
        sentences = comparison.document(self.side).sentences
        painter = QPainter(self.viewport())
        mark: QColor = self._style.color("unique_mark")
        for i in self.visible_sentences():
            cov = coverage[i]
            if cov.status is Coverage.UNIQUE and cov.counted:
                top, bottom = self.span_y(sentences[i].span.start, sentences[i].span.end)
                painter.fillRect(MARKER_X, top + 2, MARKER_WIDTH, bottom - top - 3, mark)
            elif cov.status is Coverage.PARTIAL and cov.counted:
                top, bottom = self.span_y(sentences[i].span.start, sentences[i].span.end)
                painter.setPen(mark)
                painter.drawLine(MARKER_X + 2, top + 2, MARKER_X + 2, bottom - 2)
        painter.end()
