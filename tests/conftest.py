"""Shared fixtures: where the reference articles live (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared_examples() -> tuple[Path, Path]:
    """The reference pair from ../shared/examples (other people's text: read, never shipped)."""
    folder = SHARED / "examples"
    a, b = folder / "000_062e5f67cde8e23e.txt", folder / "001_2b1772b336df3982.txt"
    if not (a.is_file() and b.is_file()):
        pytest.skip("../shared/examples is absent")
    return a, b


@pytest.fixture(scope="session")
def news_pairs() -> Path:
    """../shared/data/news-pairs: same-event articles from different outlets."""
    folder = SHARED / "data" / "news-pairs"
    if not folder.is_dir():
        pytest.skip("../shared/data/news-pairs is absent")
    return folder
