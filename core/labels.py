"""The words a reader sees for the comparison's kinds and statuses, for the window and every report.

One table per thing named, so the window, the Markdown, HTML and PDF reports and the N-way
views say "only in A" or "partly shared" the same way; and the readable form of a canonical date
value ("27 November (no year)" for ``--11-27``).

Imports: standard library, core.model, core.nway.
"""

from __future__ import annotations

import re

from core.model import Coverage, FactStatus
from core.nway import Cell

# A fact's status; reports and the facts panel list facts in this order.
FACT_STATUS_LABEL = {
    FactStatus.CONFLICT: "conflict",
    FactStatus.SHARED: "shared",
    FactStatus.ONLY_A: "only in A",
    FactStatus.ONLY_B: "only in B",
}
# A sentence's coverage by the other article.
COVERAGE_LABEL = {
    Coverage.SHARED: "shared",
    Coverage.PARTIAL: "partly shared",
    Coverage.UNIQUE: "only in this article",
}
# A cell of the N-way coverage matrix: its mark and what the mark means.
CELL_MARK = {
    Cell.SHARED: "●",
    Cell.PARTIAL: "◐",
    Cell.CONFLICT: "✖",
    Cell.UNIQUE: "○",
    Cell.ABSENT: "",
}
CELL_LABEL = {
    Cell.SHARED: "shared",
    Cell.PARTIAL: "partly shared",
    Cell.CONFLICT: "conflicting fact",
    Cell.UNIQUE: "only in this article",
    Cell.ABSENT: "not carried",
}


def counted(n: int, noun: str) -> str:
    """``n`` and the noun in the right number: ``counted(1, "link")`` is ``"1 link"``."""
    return f"{n} {noun if n == 1 else noun + 's'}"


def label(index: int) -> str:
    """``A``, ``B``, ``C``… for articles 0, 1, 2…"""
    return chr(ord("A") + index)


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DATE_VALUE = re.compile(r"(?:(?P<y>\d{4})|-)-?(?P<m>\d\d)?(?:-(?P<d>\d\d))?")


def readable_date(value: str) -> str:
    """A date value as a reader says it: ``--11-27`` is "27 November (no year)", ``2025-11`` is
    "November 2025", ``--11`` "November (no year)"; full dates and years stay as they are."""
    match = _DATE_VALUE.fullmatch(value)
    if match is None or match["m"] is None or not 1 <= int(match["m"]) <= 12:
        return value
    month = _MONTH_NAMES[int(match["m"]) - 1]
    if match["y"] is None:
        return f"{int(match['d'])} {month} (no year)" if match["d"] else f"{month} (no year)"
    return value if match["d"] else f"{month} {match['y']}"
