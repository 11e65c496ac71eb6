"""The batch manifest: which pairs or clusters of articles to compare.

Two forms, told apart by the file's suffix (``.jsonl``/``.ndjson`` or ``.csv``/``.tsv``, else by
its first character):

- CSV: one item a row, each cell a file; a first row naming the columns (``id``, ``a``, ``b``,
  ``c``…, or ``file1``, ``file2``…) is a header, and an ``id`` column names the items.
- JSONL: one object a line, ``{"id": "...", "files": ["a.txt", "b.txt", ...]}`` (or
  ``"a"``/``"b"``/``"c"``… keys), or a bare list of files.

Relative paths are taken from the manifest's folder. Blank lines and lines starting with ``#``
are skipped. An item without an id is named by its files. A line that cannot be understood is
an item with a ``problem``: it is reported in the results like any failing item and does not
stop the run. An unreadable manifest is an ``InputError``.

Imports: standard library, core.errors, core.nway.model.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError
from core.nway.model import MAX_DOCUMENTS, MIN_DOCUMENTS

_URL = re.compile(r"[a-z][a-z0-9+.-]+://", re.IGNORECASE)
_HEADER_NAME = re.compile(r"(?:id|[a-h]|file\d*|files|article\d*|path\d*)", re.IGNORECASE)
_MAX_MANIFEST_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Item:
    """One pair (two files) or cluster (3 to 8) to compare; ``line`` is its manifest line."""

    id: str
    files: tuple[str, ...]
    line: int
    problem: str | None = None

    @property
    def kind(self) -> str:
        return "pair" if len(self.files) == 2 else "cluster"


def _check(files: list[str]) -> str | None:
    if not MIN_DOCUMENTS <= len(files) <= MAX_DOCUMENTS:
        return f"{len(files)} files: an item compares {MIN_DOCUMENTS} to {MAX_DOCUMENTS}"
    return None


def _resolve(name: str, folder: Path) -> str:
    if _URL.match(name):
        return name
    path = Path(name).expanduser()
    return str(path if path.is_absolute() else folder / path)


def _item(raw_id: object, files: list[str], line: int, folder: Path, ids: dict[str, int]) -> Item:
    files = [f.strip() for f in files if f and f.strip()]
    item_id = str(raw_id).strip() if raw_id not in (None, "") else " + ".join(files)
    if not item_id:
        item_id = f"line {line}"
    problem = _check(files)
    if item_id in ids:
        problem = f"the id {item_id!r} is also used on line {ids[item_id]}"
        item_id = f"{item_id} (line {line})"
    ids.setdefault(item_id, line)
    return Item(item_id, tuple(_resolve(f, folder) for f in files), line, problem)


def _from_csv(text: str, folder: Path, delimiter: str) -> list[Item]:
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    items: list[Item] = []
    ids: dict[str, int] = {}
    id_column: int | None = None
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not items and id_column is None and all(_HEADER_NAME.fullmatch(c) for c in cells if c):
            lowered = [c.lower() for c in cells]
            id_column = lowered.index("id") if "id" in lowered else -1
            continue
        raw_id = cells[id_column] if id_column is not None and 0 <= id_column < len(cells) else ""
        files = [c for k, c in enumerate(cells) if k != id_column]
        items.append(_item(raw_id, files, n, folder, ids))
    return items


def _from_jsonl(text: str, folder: Path) -> list[Item]:
    items: list[Item] = []
    ids: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            items.append(Item(f"line {n}", (), n, f"not JSON ({e.msg} at column {e.colno})"))
            continue
        raw_id: object = None
        if isinstance(value, dict):
            raw_id = value.get("id")
            listed = value.get("files")
            if listed is None:
                listed = [value[k] for k in "abcdefgh" if k in value]
        else:
            listed = value
        if not isinstance(listed, list) or not all(isinstance(f, str) for f in listed):
            items.append(Item(f"line {n}", (), n, "expected a list of file names"))
            continue
        items.append(_item(raw_id, listed, n, folder, ids))
    return items


def read_manifest(path: Path) -> list[Item]:
    """The items of the manifest at ``path``, in its order."""
    try:
        if path.stat().st_size > _MAX_MANIFEST_BYTES:
            raise InputError(str(path), "manifest larger than 200 MB")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a manifest") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "manifest is not UTF-8 text") from None
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None
    folder = path.resolve().parent
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        items = _from_jsonl(text, folder)
    elif suffix in (".csv", ".tsv"):
        items = _from_csv(text, folder, "\t" if suffix == ".tsv" else ",")
    elif text.lstrip()[:1] in ("{", "["):
        items = _from_jsonl(text, folder)
    else:
        items = _from_csv(text, folder, ",")
    if not items:
        raise InputError(str(path), "the manifest lists no items")
    return items
