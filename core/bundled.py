"""Where the bundled example pair lives once installed (found via importlib.resources)."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def example_pair() -> tuple[Path, Path]:
    """Paths of the two bundled example articles (written for the project)."""
    folder = files("resources") / "examples"
    with as_file(folder / "article_a.txt") as a, as_file(folder / "article_b.txt") as b:
        return Path(a), Path(b)
