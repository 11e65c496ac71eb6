"""The batch output: one JSON object a line, appended as items finish, read back to resume.

``finished(path)`` says which item ids an output already holds and whether each succeeded; a
line cut short by a crash is ignored (its item runs again). ``ResultWriter`` appends one line
per result and flushes it, so a run stopped at any point keeps everything written so far; it
first ends a cut-short last line so the next result starts on a line of its own.

Imports: standard library, core.errors.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from core.errors import ExportError


def finished(path: Path) -> dict[str, bool]:
    """``{item id: ok}`` for every complete result line in ``path`` (empty when absent)."""
    done: dict[str, bool] = {}
    try:
        with path.open("r", encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line.endswith("\n"):
                    break  # cut short: the item runs again
                try:
                    value = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(value, dict) and isinstance(value.get("id"), str):
                    done[value["id"]] = done.get(value["id"], False) or bool(value.get("ok"))
    except FileNotFoundError:
        return {}
    except OSError as e:
        raise ExportError(str(path), e.strerror or str(e)) from None
    return done


class ResultWriter:
    """Appends result lines to ``path`` (a context manager)."""

    def __init__(self, path: Path, protect: tuple[Path, ...] = ()) -> None:
        self.path = path
        for p in protect:
            try:
                if path.exists() and os.path.samefile(path, p):
                    raise ExportError(str(path), "is the manifest; choose another output file")
            except OSError:
                continue
        if path.is_dir():
            raise ExportError(str(path), "is a folder, not a file")
        try:
            self._file: IO[str] = path.open("a+", encoding="utf-8")
        except OSError as e:
            raise ExportError(str(path), e.strerror or str(e)) from None
        self._end_cut_line()

    def _end_cut_line(self) -> None:
        f = self._file
        f.seek(0, os.SEEK_END)
        if f.tell() == 0:
            return
        with self.path.open("rb") as raw:
            raw.seek(-1, os.SEEK_END)
            if raw.read(1) != b"\n":
                f.write("\n")
                f.flush()

    def write(self, result: dict[str, Any]) -> None:
        try:
            self._file.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
            self._file.flush()
        except OSError as e:
            raise ExportError(str(self.path), e.strerror or str(e)) from None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
