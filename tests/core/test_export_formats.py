"""``core.export.formats``: one table of report formats for the command line and both exports."""

from __future__ import annotations

from pathlib import Path

from core.export.formats import format_of, report_target, save_filters
from core.export.nway_report import NWAY_FORMATS


def test_a_suffix_names_its_format_whatever_its_case() -> None:
    assert format_of("r.HTM") == "html"
    assert format_of(Path("r.markdown")) == "md"
    assert format_of("r.pdf") == "pdf"
    assert format_of("r.txt") is None


def test_dialog_filters_follow_the_table_and_the_formats_allowed() -> None:
    assert list(save_filters()) == [
        "HTML report (*.html)",
        "Markdown (*.md)",
        "JSON (*.json)",
        "PDF (*.pdf)",
    ]
    assert list(save_filters(NWAY_FORMATS).values()) == ["html", "md", "json"]


def test_the_suffix_wins_else_the_chosen_filter_adds_its_own() -> None:
    assert report_target(Path("r.json"), "PDF (*.pdf)") == (Path("r.json"), "json")
    assert report_target(Path("r"), "Markdown (*.md)") == (Path("r.md"), "md")
    assert report_target(Path("r.pdf"), "JSON (*.json)", NWAY_FORMATS) == (Path("r.json"), "json")
    assert report_target(Path("r"), "", NWAY_FORMATS) == (Path("r.html"), "html")
