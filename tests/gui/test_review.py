"""Review mode through the real widgets: link, unlink and mark by hand, undo and redo, save the
session and reopen it; a session whose article changed; bad session files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from core.model import Comparison, Coverage
from tests.gui.conftest import compare_in


def _unique(c: Comparison, side: str) -> list[int]:
    cov = c.coverage_a if side == "a" else c.coverage_b
    return [i for i, x in enumerate(cov) if x.counted and x.status is Coverage.UNIQUE]


def _point(window, side: str, sentence: int) -> QPoint:  # type: ignore[no-untyped-def]
    """A viewport point inside a sentence of a pane (scrolled into view first)."""
    view = window.views[side]
    span = window.model.comparison.document(side).sentences[sentence].span
    view.scroll_offset_to(span.start, 40)
    return view.point_of(span.start + min(3, len(span) - 1))


def _click(window, qtbot, side: str, sentence: int) -> None:  # type: ignore[no-untyped-def]
    """Click a sentence in its pane."""
    point = _point(window, side, sentence)
    qtbot.mouseClick(window.views[side].viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.model.active == (side, sentence)


@pytest.fixture(autouse=True)
def never_ask(window, monkeypatch):  # type: ignore[no-untyped-def]
    """A test that fails with unsaved edits must not block on the Save/Discard dialog."""
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: "discard")
    return window


@pytest.fixture
def pair(tmp_path: Path, bundled: tuple[Path, Path]) -> tuple[Path, Path]:
    out = tmp_path / "a.txt", tmp_path / "b.txt"
    for src, dst in zip(bundled, out, strict=True):
        dst.write_bytes(src.read_bytes())
    return out


def test_link_unlink_mark_undo_redo_save_reopen(  # type: ignore[no-untyped-def]
    window, qtbot, pair, tmp_path: Path
) -> None:
    base = compare_in(window, qtbot, *pair)
    review, sessions = window.review, window.sessions
    assert window.windowTitle() == "a.txt ↔ b.txt[*] — Article Comparer"
    assert not window.isWindowModified()
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]

    # link: click a passage in A, then one in B, then Link (the action in the pane's menu)
    _click(window, qtbot, "a", i)
    _click(window, qtbot, "b", j)
    menu = review.context_menu("b", _point(window, "b", j))
    link_action = next(a for a in menu.actions() if a.text() == "&Link passages")
    assert link_action.isEnabled()
    link_action.trigger()
    linked = window.model.comparison
    made = linked.links[-1]
    assert (made.a, made.b, made.by) == ((i,), (j,), "hand")
    assert linked.coverage_a[i].status is Coverage.SHARED
    assert linked.summary.links == base.summary.links + 1
    assert window.model.selected_link == len(linked.links) - 1
    assert window.isWindowModified()
    # the bands, panes and facts follow at once
    assert window.views["a"].shown is linked and window.views["b"].shown is linked
    assert window.facts_dock.facts_model.rowCount() == len(linked.facts)
    assert window.pane_a.header.text().count(f"{linked.summary.a_shared:.0%}") == 1
    assert "by hand" in window.statusBar().currentMessage()

    # unlink an aligner link: select it by clicking its band's sentence, then Delete
    victim = next(k for k, x in enumerate(linked.links) if x.by == "aligner" and len(x.a) == 1)
    victim_link = linked.links[victim]
    _click(window, qtbot, "a", victim_link.a[0])
    window.model.select_link(victim)
    review.act_unlink.trigger()
    unlinked = window.model.comparison
    assert victim_link not in unlinked.links
    assert len(unlinked.links) == len(linked.links) - 1

    # mark a sentence not shared and another shared (no single counterpart), from the menu
    k = _unique(base, "a")[1]
    menu = review.context_menu("a", _point(window, "a", k))  # picks the sentence there
    next(a for a in menu.actions() if a.text().startswith("Mark as &shared")).trigger()
    assert window.model.comparison.coverage_a[k].mark == "shared"
    assert window.model.comparison.coverage_a[k].status is Coverage.SHARED
    linked_b = next(x.b[0] for x in unlinked.links if x.by == "aligner")
    _click(window, qtbot, "b", linked_b)
    review.act_not_shared.trigger()
    marked = window.model.comparison
    assert marked.coverage_b[linked_b].status is Coverage.UNIQUE
    assert all(linked_b not in x.b for x in marked.links)
    assert len(review.edits()) == 4

    # undo all four, redo all four
    for _ in range(4):
        review.act_undo.trigger()
    assert window.model.comparison is base
    assert not window.isWindowModified()  # back where it was opened
    for _ in range(4):
        review.act_redo.trigger()
    assert window.model.comparison is marked

    # save, reopen in a fresh comparison, get the same result
    path = tmp_path / "review.acmp"
    assert sessions.save_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle() == "review.acmp[*] — Article Comparer"
    saved = json.loads(path.read_text("utf-8"))
    assert [e["edit"] for e in saved["edits"]] == ["link", "unlink", "mark", "mark"]
    with qtbot.waitSignal(window.comparison_shown, timeout=60_000):
        assert sessions.open(path)
    reopened = window.model.comparison
    assert reopened is not marked
    assert reopened.links == marked.links
    assert reopened.coverage_a == marked.coverage_a and reopened.coverage_b == marked.coverage_b
    assert reopened.summary == marked.summary
    assert sessions.last_report == "4 of 4 hand edits placed."
    assert not window.isWindowModified()
    assert sessions.recent()[0] == path.absolute()
    # the replayed edits can be undone too
    review.act_undo.trigger()
    assert window.isWindowModified()
    review.act_redo.trigger()
    assert not window.isWindowModified()


def test_text_selection_links_several_sentences(window, qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    view = window.views["a"]
    doc = base.a
    first, second = doc.sentences[i].span, doc.sentences[min(i + 1, len(doc.sentences) - 1)].span
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(first.start + 2))
    cursor.setPosition(view.positions.to_qt(second.start + 2), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    expected = tuple(x for x in (i, i + 1) if doc.is_content_sentence(x))
    assert window.review.picked["a"] == expected
    _click(window, qtbot, "b", j)
    window.review.act_link.trigger()
    made = window.model.comparison.links[-1]
    assert made.a == expected and made.b == (j,) and made.by == "hand"


def test_session_whose_article_changed(window, qtbot, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    review, sessions = window.review, window.sessions
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    review.pick("a", (i,))
    review.pick("b", (j,))
    review.act_link.trigger()
    k = _unique(base, "a")[1]
    _click(window, qtbot, "a", k)
    review.act_not_shared.trigger()
    path = tmp_path / "s.acmp"
    assert sessions.save_to(path)
    text = pair[0].read_text("utf-8").replace(base.a.sentence_text(k), "Rewritten since.")
    pair[0].write_text(text, "utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=60_000):
        sessions.open(path)
    report = sessions.last_report.splitlines()
    assert report[0] == "A (a.txt) changed since the session was saved."
    assert report[1] == "1 of 2 hand edits placed."
    assert report[2].startswith("mark not shared: A “") and report[2].endswith("sentence not found")
    assert sum(x.by == "hand" for x in window.model.comparison.links) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "article-comparer-session/1", "sour', "truncated session file"),
        (b'{"format": "article-comparer-session/9"}', "made by a newer Article Comparer"),
    ],
)
def test_bad_session_file_says_one_line(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch, content: bytes, message: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    path = tmp_path / "bad.acmp"
    path.write_bytes(content)
    assert not window.sessions.open(path)
    assert len(shown) == 1 and shown[0].startswith(str(path)) and message in shown[0]
    assert "\n" not in shown[0]


def test_closing_with_unsaved_edits_asks(window, qtbot, pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    window.review.pick("a", (_unique(base, "a")[0],))
    window.review.pick("b", (_unique(base, "b")[0],))
    window.review.act_link.trigger()
    answers = ["cancel", "discard"]
    asked: list[str] = []

    def ask() -> str:
        asked.append("?")
        return answers.pop(0)

    monkeypatch.setattr(window.sessions, "ask_unsaved", ask)
    assert not window.close()  # Cancel keeps the window
    assert window.isVisible()
    assert window.close()  # Discard closes it
    assert asked == ["?", "?"]


def test_hand_link_band_is_dashed(window, qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    window.review.pick("a", (i,))
    window.review.pick("b", (j,))
    window.review.act_link.trigger()
    k = len(window.model.comparison.links) - 1
    window.model.select_link(k)
    window.activate_passage("a", i)
    strip = window.strip
    strip.repaint()
    assert k in strip.painted_links
    path = strip.band_path(k)
    assert path is not None
    image = strip.grab().toImage()
    edge = window.style_.color("hand_edge")
    rect = path.boundingRect().toRect().intersected(strip.rect())
    found = any(
        image.pixelColor(x, y).rgb() == edge.rgb()
        for x in range(rect.left(), rect.right(), 1)
        for y in range(rect.top(), rect.bottom(), 1)
    )
    assert found


def test_status_bar_says_a_link_was_made_by_hand(window, qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    window.review.pick("a", (_unique(base, "a")[0],))
    window.review.pick("b", (_unique(base, "b")[0],))
    window.review.act_link.trigger()
    k = len(window.model.comparison.links) - 1
    assert window.model.describe_link(k).startswith("Link made by hand (")
    assert not window.model.describe_link(0).startswith("Link made by hand")


def test_reload_with_unsaved_edits_asks_first(window, qtbot, pair, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    window.review.pick("a", (_unique(base, "a")[0],))
    window.review.pick("b", (_unique(base, "b")[0],))
    window.review.act_link.trigger()
    edited = window.model.comparison
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: "cancel")
    window.reload()
    assert not window.controller.busy and window.model.comparison is edited
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: "discard")
    with qtbot.waitSignal(window.comparison_shown, timeout=60_000):
        window.reload()
    assert window.model.comparison is not edited and not window.isWindowModified()
    assert window.review.edits() == []


def test_tooltip_says_a_sentence_was_marked_by_hand(window, qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    k = _unique(base, "a")[0]
    window.activate_passage("a", k)
    window.review.act_shared.trigger()
    tip = window.views["a"].tooltip_at(_point(window, "a", k))
    assert tip.startswith("Marked by hand: shared with B (no single counterpart)")


def test_keyboard_shortcuts_link_unlink_undo(window, qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    base = compare_in(window, qtbot, *pair)
    i, j = _unique(base, "a")[0], _unique(base, "b")[0]
    _click(window, qtbot, "a", i)
    _click(window, qtbot, "b", j)
    view = window.views["b"]
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.model.comparison.links[-1].by == "hand"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.model.comparison.links == base.links
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.comparison.links[-1].by == "hand"
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, shift_ctrl)
    assert window.model.comparison.links == base.links
