"""Emoji before a linked passage: the highlight covers exactly that passage's characters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.conftest import compare_in


def test_emoji_before_linked_passage_highlights_right_characters(
    window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    passage = "The council approved the harbour plan on Tuesday after a long debate."
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        f"Storm news 🌊🌊 today 🎉😀.\n\nResidents 😀 cheered 👏👏👏 loudly. {passage}\n",
        encoding="utf-8",
    )
    b.write_text(
        f"{passage}\n\nA completely unrelated closing remark about gardening.\n", encoding="utf-8"
    )
    comparison = compare_in(window, qtbot, a, b)
    i = next(
        i for i, s in enumerate(comparison.a.sentences) if s.span.of(comparison.a.text) == passage
    )
    assert comparison.coverage_a[i].links, "identical sentences are linked"
    view = window.views["a"]
    point = view.point_of(comparison.a.sentences[i].span.start + 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.model.active == ("a", i)
    selected = [s.cursor.selectedText() for s in view.extraSelections()]
    assert passage in selected
    selected_b = [s.cursor.selectedText() for s in window.views["b"].extraSelections()]
    assert passage in selected_b
