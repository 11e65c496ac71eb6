"""Typed errors the core raises for expected failures; callers show ``str(error)`` as is.

Every message is one line that names the input and says what is wrong, so the CLI can print it
and exit 1 and the window can show it in a dialog, never a traceback.
"""

from __future__ import annotations


class ArticleComparerError(Exception):
    """Base for every error a user is meant to see."""


class InputError(ArticleComparerError):
    """An input cannot be read: ``<source>: <problem>``."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ExportError(ArticleComparerError):
    """A report cannot be written: ``<path>: <problem>``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class Cancelled(ArticleComparerError):
    """Raised by long core work when ``should_cancel()`` answered True."""

    def __init__(self) -> None:
        super().__init__("cancelled")
