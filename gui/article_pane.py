"""One side of the window: a header (source name, share found in the other article), the article
view and its overview map (outside edge, as in Meld).

Imports: PySide6, core.model, gui.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.model import Side
from gui.article_view import ArticleView
from gui.comparison_model import ComparisonModel
from gui.overview_map import OverviewMap
from gui.style import Style
from gui.wording import counted


class ArticlePane(QWidget):
    def __init__(
        self, model: ComparisonModel, side: Side, style: Style, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.side: Side = side
        self.setObjectName(f"article_pane_{side}")
        self.header = QLabel(self)
        self.header.setObjectName(f"pane_header_{side}")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(8, 4, 8, 4)
        self.header.setWordWrap(False)
        # A long file name must not stop the pane from getting narrow: let the header clip.
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.header.setMinimumWidth(40)
        self.view = ArticleView(model, side, style, self)
        self.view.setAccessibleName(f"Article {side.upper()}")
        self.view.setAccessibleDescription(
            "Read-only article text. Click or move the caret to a passage to select it and its "
            "counterpart in the other article."
        )
        self.overview = OverviewMap(model, self.view, style, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.header)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        if side == "a":
            row.addWidget(self.overview)
            row.addWidget(self.view, 1)
        else:
            row.addWidget(self.view, 1)
            row.addWidget(self.overview)
        outer.addLayout(row, 1)
        model.comparison_changed.connect(self._on_model_comparison_changed)
        self._on_model_comparison_changed()

    def set_style(self, style: Style) -> None:
        self.view.set_style(style)
        self.overview.set_style(style)

    def _on_model_comparison_changed(self) -> None:
        comparison = self.model.comparison
        letter, other = ("A", "B") if self.side == "a" else ("B", "A")
        if comparison is None or self.model.sources is None:
            self.header.setText(f"<b>{letter}</b> — drop a file here or use File ▸ Open")
            return
        source = self.model.sources[0 if self.side == "a" else 1]
        shared = comparison.summary.shared.get(self.side)
        unique = comparison.summary.unique.get(self.side)
        name = html.escape(source.label)
        extra = f" · {counted(unique, 'unique passage')}" if unique else ""
        self.header.setText(
            f"<span style='font-size:large'><b>{letter}</b>&nbsp; <b>{name}</b></span>"
            f"&nbsp;&nbsp; {shared:.0%} found in {other}{extra}"
        )
        self.header.setToolTip(source.tooltip)
