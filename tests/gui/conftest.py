"""GUI test fixtures: settings in a temp dir, a shown main window, helpers to compare and wait.

Tests wait on signals, never sleep. QSettings is pointed at a per-test directory (INI format) so
tests never read or write the user's configuration.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.bundled import example_pair
from core.model import Comparison, Fact, FactKind, FactStatus, Span

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QCoreApplication, QSettings


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            # The offscreen platform plugin says this about every top-level window; harmless.
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("ArticleComparerTests")
    QCoreApplication.setApplicationName("article-comparer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def bundled() -> tuple[Path, Path]:
    return example_pair()


@pytest.fixture
def window(qtbot, qapp):  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 760)
    w.facts_dock.hide()
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()


def compare_in(window, qtbot, a: Path, b: Path) -> Comparison:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.model.comparison_changed, timeout=60_000):
        window.compare_paths(a, b)
    assert window.model.comparison is not None
    return window.model.comparison


def show_comparison(window, comparison: Comparison) -> None:  # type: ignore[no-untyped-def]
    """Put a hand-made Comparison on screen the way a finished job does."""
    from gui.comparison_model import Source

    sources = (Source.pasted(comparison.a.text, "a"), Source.pasted(comparison.b.text, "b"))
    window._on_controller_comparison_ready(comparison, sources)


def word_span(text: str, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word))


def with_facts(comparison: Comparison) -> Comparison:
    """The comparison with hand-made facts: one shared, one conflict, one only in A."""
    a, b = comparison.a.text, comparison.b.text
    facts = (
        Fact(
            FactKind.PLACE,
            "Kestrel Bay",
            FactStatus.SHARED,
            (word_span(a, "Kestrel Bay"), word_span(a, "Kestrel Bay", 1)),
            (word_span(b, "Kestrel Bay"),),
        ),
        Fact(
            FactKind.NUMBER,
            "homes",
            FactStatus.CONFLICT,
            (word_span(a, "340 homes"),),
            (word_span(b, "430 homes"),),
            values=("340 homes", "430 homes"),
        ),
        Fact(
            FactKind.ORGANIZATION,
            "Nordvann",
            FactStatus.SHARED,
            (word_span(a, "Nordvann"),),
            (word_span(b, "Nordvann"),),
        ),
        Fact(FactKind.PERSON, "Marta Quill", FactStatus.ONLY_A, (word_span(a, "Marta Quill"),), ()),
    )
    return dataclasses.replace(comparison, facts=facts)
