"""Date values as a reader says them (shown in the window; exports keep the canonical value)."""

from __future__ import annotations

import pytest

from core.labels import readable_date


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("--11-27", "27 November (no year)"),
        ("--03-04", "4 March (no year)"),
        ("--07", "July (no year)"),
        ("2025-11", "November 2025"),
        ("2025-11-27", "2025-11-27"),
        ("2013", "2013"),
        ("1940s", "1940s"),
        ("--13", "--13"),
        ("relative: yesterday", "relative: yesterday"),
    ],
)
def test_readable_date(value: str, shown: str) -> None:
    assert readable_date(value) == shown
