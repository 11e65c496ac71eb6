"""Colours and text formats, built once per palette (light or dark) and shared by all views.

Nothing else in the GUI picks colours. Highlight colours are chosen so black text stays
readable on the light backgrounds and light text on the dark ones; colour is never the only cue
(unique passages also get a dotted underline and a margin bar, conflicts a wavy underline).

Imports: PySide6 and core.model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextFormat

from core.model import Coverage, LinkKind, Role


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for when the user (or a screenshot) asks for one."""
    p = QPalette()
    c = QPalette.ColorRole
    p.setColor(c.Window, QColor("#2b2d31"))
    p.setColor(c.WindowText, QColor("#e6e6e6"))
    p.setColor(c.Base, QColor("#1e1f22"))
    p.setColor(c.AlternateBase, QColor("#2b2d31"))
    p.setColor(c.Text, QColor("#e6e6e6"))
    p.setColor(c.Button, QColor("#35373c"))
    p.setColor(c.ButtonText, QColor("#e6e6e6"))
    p.setColor(c.Highlight, QColor("#3d6fb4"))
    p.setColor(c.HighlightedText, QColor("#ffffff"))
    p.setColor(c.ToolTipBase, QColor("#35373c"))
    p.setColor(c.ToolTipText, QColor("#e6e6e6"))
    p.setColor(c.PlaceholderText, QColor("#9a9ca3"))
    p.setColor(c.Mid, QColor("#4a4c52"))
    p.setColor(c.Dark, QColor("#151618"))
    p.setColor(c.Light, QColor("#45474d"))
    p.setColor(QPalette.ColorGroup.Disabled, c.Text, QColor("#7a7c82"))
    p.setColor(QPalette.ColorGroup.Disabled, c.WindowText, QColor("#7a7c82"))
    p.setColor(QPalette.ColorGroup.Disabled, c.ButtonText, QColor("#7a7c82"))
    return p


@dataclass(frozen=True)
class Colours:
    text: str
    muted: str
    shared: str
    partial: str
    unique: str
    unique_mark: str
    conflict: str
    conflict_line: str
    selected: str
    selected_edge: str
    diff: str
    fact: str
    band_same: str
    band_paraphrase: str
    band_partial: str
    viewport: str


LIGHT = Colours(
    text="#1d1d1f",
    muted="#6b6b72",
    shared="#dcebfb",
    partial="#fbf1c7",
    unique="#fde3cf",
    unique_mark="#e0761f",
    conflict="#f8c9c9",
    conflict_line="#c62828",
    selected="#a9cdf7",
    selected_edge="#1f63c6",
    diff="#ffc25e",
    fact="#bfeaa0",
    band_same="#7fb0e6",
    band_paraphrase="#a9c8ea",
    band_partial="#ecd37a",
    viewport="#1f63c6",
)

DARK = Colours(
    text="#e6e6e6",
    muted="#9a9ca3",
    shared="#1f3753",
    partial="#4a4220",
    unique="#5a3319",
    unique_mark="#f0934a",
    conflict="#6e2424",
    conflict_line="#ff7070",
    selected="#2f5f9a",
    selected_edge="#79b0ff",
    diff="#8a5a08",
    fact="#2f5a1c",
    band_same="#3f6fa6",
    band_paraphrase="#35577e",
    band_partial="#7a6a2a",
    viewport="#79b0ff",
)

READING_FONT_FAMILIES = ["Georgia", "Charter", "DejaVu Serif", "Noto Serif", "serif"]


class Style:
    """Every colour and format a view needs, for one palette."""

    def __init__(self, dark: bool) -> None:
        self.dark = dark
        self.colours = DARK if dark else LIGHT

    def color(self, name: str, alpha: int = 255) -> QColor:
        c = QColor(getattr(self.colours, name))
        c.setAlpha(alpha)
        return c

    def reading_font(self, point_size: float) -> QFont:
        font = QFont()
        font.setFamilies(READING_FONT_FAMILIES)
        font.setPointSizeF(point_size)
        return font

    # Block and character formats used while building a pane's document.
    def block_format(self, role: Role) -> QTextBlockFormat:
        f = QTextBlockFormat()
        f.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        f.setBottomMargin(14)
        if role is Role.TITLE:
            f.setBottomMargin(18)
            f.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        elif role is Role.HEADING:
            f.setTopMargin(8)
        elif not role.is_content:
            f.setBottomMargin(10)
            f.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return f

    def role_format(self, role: Role) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setForeground(self.color("text"))
        if role is Role.TITLE:
            f.setProperty(QTextFormat.Property.FontSizeAdjustment, 2)
            f.setFontWeight(QFont.Weight.Bold)
        elif role is Role.HEADING:
            f.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
            f.setFontWeight(QFont.Weight.Bold)
        elif not role.is_content:
            f.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
            f.setFontItalic(True)
            f.setForeground(self.color("muted"))
        return f

    def coverage_format(self, base: QTextCharFormat, status: Coverage) -> QTextCharFormat:
        f = QTextCharFormat(base)
        if status is Coverage.SHARED:
            f.setBackground(self.color("shared"))
        elif status is Coverage.PARTIAL:
            f.setBackground(self.color("partial"))
        else:
            f.setBackground(self.color("unique"))
            f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            f.setUnderlineColor(self.color("unique_mark"))
        return f

    def conflict_format(self) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setBackground(self.color("conflict"))
        f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        f.setUnderlineColor(self.color("conflict_line"))
        return f

    # Overlay formats (QTextEdit extra selections) for the current selection.
    def selected_format(self) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setBackground(self.color("selected"))
        return f

    def diff_format(self) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setBackground(self.color("diff"))
        f.setFontWeight(QFont.Weight.Bold)
        return f

    def fact_format(self) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setBackground(self.color("fact"))
        f.setFontUnderline(True)
        f.setUnderlineColor(self.color("text"))
        return f

    def band_color(self, kind: LinkKind, alpha: int = 120) -> QColor:
        name = {
            LinkKind.SAME: "band_same",
            LinkKind.PARAPHRASE: "band_paraphrase",
            LinkKind.MODEL: "band_paraphrase",
            LinkKind.PARTIAL: "band_partial",
        }[kind]
        return self.color(name, alpha)
