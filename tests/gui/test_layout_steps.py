"""A long article's layout is done in steps, and ends as Qt's own would (size, scroll range)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QTextEdit

from gui.layout_steps import LayoutSteps


def _long_document(paragraphs: int) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(
        "\n".join(f"Paragraph {n}: " + "words of an article " * 40 for n in range(paragraphs))
    )
    return doc


def test_steps_lay_out_the_whole_document_and_report_its_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTextEdit()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    doc = _long_document(3000)
    view.setDocument(doc)
    steps = LayoutSteps(doc, view)
    assert steps.running
    qtbot.waitUntil(lambda: not steps.running, timeout=30_000)
    for _ in range(5):
        QApplication.processEvents()  # the size Qt reports once the layout has finished
    last = doc.documentLayout().blockBoundingRect(doc.lastBlock())
    height = doc.documentLayout().documentSize().height()
    assert last.bottom() > 3000 * 20  # every block laid out, each several lines high
    assert abs(height - last.bottom()) < 100
    bar = view.verticalScrollBar()
    assert bar.maximum() >= height - view.viewport().height() - 100


def test_stopping_hands_the_layout_back_to_qt(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QTextEdit()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    doc = _long_document(3000)
    view.setDocument(doc)
    steps = LayoutSteps(doc, view)
    steps.stop()
    assert not steps.running
    # Qt's own timer finishes the layout now
    qtbot.waitUntil(
        lambda: (
            view.verticalScrollBar().maximum()
            >= doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom() - 500
        ),
        timeout=30_000,
    )
