"""Markdown that would take minutes and gigabytes (huge tables) is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from core.reading.dispatch import read_path
from core.reading.markdown import MAX_TABLE_ROWS


def _table(rows: int) -> str:
    lines = ["| Name | Value |", "| --- | --- |"] + [f"| item {i} | {i * 7} |" for i in range(rows)]
    return "# Table\n\n" + "\n".join(lines) + "\n"


def test_huge_table_refused_before_rendering(tmp_path: Path) -> None:
    path = tmp_path / "rows.md"
    path.write_text(_table(MAX_TABLE_ROWS), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith(f"{path}: too large to read as Markdown (")
    assert "table rows" in message and "\n" not in message


def test_article_with_a_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "small.md"
    path.write_text(_table(30), encoding="utf-8")
    doc = read_path(path)
    assert "item 29 | 203" in doc.text
