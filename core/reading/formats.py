"""The one table of input formats: which suffixes exist, which reader each goes to, how it is named.

Everything that lists formats reads it from here: the reader's suffix dispatch, the command
line's ``--help`` and the window's open-file filters, so a format added here shows up in all
three and none of them can drift. The suffix is only a first guess: documents are recognized by
their content (core.reading.documents), so a PDF called ``.txt`` is still read as a PDF.

Imports: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputFormat:
    """One kind of article file: ``key`` names its reader."""

    key: str
    label: str
    suffixes: tuple[str, ...]


INPUT_FORMATS: tuple[InputFormat, ...] = (
    InputFormat("txt", "Plain text", (".txt", ".text")),
    InputFormat("md", "Markdown", (".md", ".markdown", ".mdown", ".mkd")),
    InputFormat("html", "Web page", (".html", ".htm", ".xhtml", ".shtml")),
    InputFormat("docx", "Word document", (".docx",)),
    InputFormat("odt", "OpenDocument text", (".odt",)),
    InputFormat("pdf", "PDF document", (".pdf",)),
)

# Formats people try that no reader handles, with what to do instead.
UNSUPPORTED_SUFFIXES: dict[str, str] = {
    ".doc": "old Word documents (.doc) are not supported: open it in Word or LibreOffice "
    "and save it as .docx",
    ".rtf": "RTF documents are not supported: save it as .docx or .txt",
    ".pages": "Apple Pages documents are not supported: export it as .docx or PDF",
}

# Text formats whose bytes are decoded and read as text (core.reading.dispatch); the rest are
# binary documents.
TEXT_KEYS = frozenset({"txt", "md", "html"})

SUFFIX_FORMAT: dict[str, str] = {s: f.key for f in INPUT_FORMATS for s in f.suffixes}


def format_for_suffix(suffix: str) -> str | None:
    """The reader key for a file suffix (``".PDF"`` → ``"pdf"``), None when unknown."""
    return SUFFIX_FORMAT.get(suffix.lower())


def text_suffixes() -> dict[str, str]:
    """Suffix → reader key for the text formats only (what core.reading.dispatch dispatches on)."""
    return {s: k for s, k in SUFFIX_FORMAT.items() if k in TEXT_KEYS}


def all_suffixes() -> list[str]:
    return [s for f in INPUT_FORMATS for s in f.suffixes]


def help_text() -> str:
    """``.txt, .md, .html, .docx, .odt, .pdf``: the main suffix of every format, for --help."""
    return ", ".join(f.suffixes[0] for f in INPUT_FORMATS)


def dialog_filters() -> str:
    """Qt file-dialog filters: all articles first, then one per format, then all files."""
    patterns = " ".join(f"*{s}" for s in all_suffixes())
    each = [f"{f.label} ({' '.join('*' + s for s in f.suffixes)})" for f in INPUT_FORMATS]
    return ";;".join([f"Articles ({patterns})", *each, "All files (*)"])
