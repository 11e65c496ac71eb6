"""Web pages, dropped links and pasting in the window (local server on 127.0.0.1; no sleeps)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from core.reading.formats import dialog_filters
from gui.url_input import OpenUrlDialog
from tests.web_server import FIRST_PAGE, LocalServer


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    s = LocalServer()
    yield s
    s.close()


def test_open_urls_fetches_in_the_worker(window, qtbot, server) -> None:  # type: ignore[no-untyped-def]
    a, b = server.url(f"/page/{FIRST_PAGE}"), server.url("/redirect/1")
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.open_urls(a, b)
    comparison = window.model.comparison
    assert comparison.a.source == a and comparison.b.source == a  # B's final URL
    assert comparison.a.fetched_at
    assert "127.0.0.1" in window.pane_a.header.text()
    assert window.pane_a.header.toolTip() == a


def test_fetch_reports_progress_and_cancels(window, qtbot, server, bundled) -> None:  # type: ignore[no-untyped-def]
    from gui.comparison_model import Source

    with qtbot.waitSignal(window.controller.progressed, timeout=10_000):
        window.compare_sources((Source.of_url(server.url("/trickle")), Source.of_path(bundled[1])))
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.controller.cancelled, timeout=5_000):
        window.cancel_button.click()
    assert not window.controller.busy


def test_fetch_failure_is_one_line_naming_the_url(window, qtbot, server, bundled) -> None:  # type: ignore[no-untyped-def]
    window.interactive = False  # no dialog to close
    url = server.url("/status/500")
    with qtbot.waitSignal(window.controller.failed, timeout=10_000) as blocker:
        window.compare_inputs(url, bundled[1])
    message = blocker.args[0]
    assert message.startswith(url) and "HTTP 500" in message and "\n" not in message


def test_a_bad_address_is_refused_before_any_fetch(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.interactive = False
    window.open_urls("ftp://127.0.0.1/a.txt", None)
    assert not window.controller.busy and window.controller.request_id == 0


def test_dropping_a_browser_link_opens_it(window, qtbot, server, bundled) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.conftest import compare_in

    compare_in(window, qtbot, *bundled)
    url = server.url(f"/page/{FIRST_PAGE}")
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    view = window.views["b"]
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        view.dropEvent(drop)
    assert window.model.comparison.b.source == url
    assert window.model.sources[0].path == bundled[0]


def test_ctrl_v_pastes_into_an_empty_pane(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(["The ferry board met on Monday to approve the new pontoon."] * 3)
    mime = QMimeData()
    mime.setHtml(f"<html><body><h1>Ferry vote</h1><p>{body}</p><p>{body}</p></body></html>")
    mime.setText(f"Ferry vote\n\n{body}\n\n{body}")
    QApplication.clipboard().setMimeData(mime)
    assert window.model.sources is None
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        qtbot.keyClick(window.views["a"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    comparison = window.model.comparison
    assert comparison.a.source == "pasted" and comparison.a.title == "Ferry vote"
    assert "<p>" not in window.views["a"].toPlainText()
    # Not empty any more: Ctrl+V no longer replaces the article.
    qtbot.keyClick(window.views["a"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (
        not window.controller.busy and "Paste as article A" in window.statusBar().currentMessage()
    )
    QApplication.clipboard().clear()  # the clipboard owns the mime data: free it before exit


def test_open_url_action_and_dialog(window) -> None:  # type: ignore[no-untyped-def]
    assert window.act_open_url.shortcut() == QKeySequence("Ctrl+L")
    assert window.act_lock.shortcut() != QKeySequence("Ctrl+L")
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_open_url in file_menu.actions()
    dialog = OpenUrlDialog(window, "https://a.example/story", "")
    assert dialog.urls() == ("https://a.example/story", None)
    assert "*.docx" in dialog_filters() and "*.pdf" in dialog_filters()
