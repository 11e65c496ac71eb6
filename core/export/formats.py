"""Report formats: one table of names, dialog labels and file suffixes, read by the command line,
the window's export and N-way mode's export, so all three tell a format from a suffix alike.

Imports: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReportFormat:
    key: str  # what --format takes and write_report reads
    label: str  # its name in a save dialog
    suffixes: tuple[str, ...]  # the first is given to a file named without one


# In a save dialog's order: the first is the default.
REPORT_FORMATS: tuple[ReportFormat, ...] = (
    ReportFormat("html", "HTML report", (".html", ".htm")),
    ReportFormat("md", "Markdown", (".md", ".markdown")),
    ReportFormat("json", "JSON", (".json",)),
    ReportFormat("pdf", "PDF", (".pdf",)),
)
FORMAT_KEYS = tuple(f.key for f in REPORT_FORMATS)
SUFFIX_FORMAT = {s: f.key for f in REPORT_FORMATS for s in f.suffixes}


def format_of(path: str | Path) -> str | None:
    """The report format a file name's suffix asks for, if any."""
    return SUFFIX_FORMAT.get(Path(path).suffix.lower())


def save_filters(keys: tuple[str, ...] = FORMAT_KEYS) -> dict[str, str]:
    """Save-dialog filters of the formats ``keys`` (e.g. ``"JSON (*.json)"``), each to its key."""
    return {f"{f.label} (*{f.suffixes[0]})": f.key for f in REPORT_FORMATS if f.key in keys}


def report_target(path: Path, chosen: str, keys: tuple[str, ...] = FORMAT_KEYS) -> tuple[Path, str]:
    """Where a report chosen in a save dialog goes, and in what format: the file's suffix when
    it names one of ``keys``, else the dialog filter ``chosen`` (the first if none), whose suffix
    is then added."""
    fmt = format_of(path)
    if fmt in keys:
        assert fmt is not None
        return path, fmt
    filters = save_filters(keys)
    fmt = filters.get(chosen) or next(iter(filters.values()))  # else the dialog's first
    suffix = next(f.suffixes[0] for f in REPORT_FORMATS if f.key == fmt)
    return path.with_suffix(suffix), fmt
