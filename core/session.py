"""Review sessions: ``.acmp`` files that keep a comparison's inputs and hand edits, not its result.

A session holds where each article came from (a file path, or the pasted text itself), a hash
of each article's text as read, the comparison options and the hand edits in the order they were
made. Sentences in edits are named by their text and their number, never by offsets alone, so
reopening after a source changed still finds them: at the same number when its text is the
same, otherwise at the nearest sentence with that text. Reopening compares again and replays
the edits (``place_edits``); edits whose sentences are gone, or that no longer fit (a link the
aligner no longer makes), are listed, never dropped silently.

The file is JSON (``"format": "article-comparer-session/1"``), written atomically through
``core.export.write_bytes``. A corrupt, truncated or newer file raises ``SessionError`` with one
line naming the file.

Imports: standard library, core.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.edits import MARKS, AddLink, Edit, EditError, MarkSentence, RemoveLink, apply_edit
from core.errors import ArticleComparerError
from core.export.writer import write_bytes
from core.model import Comparison, Document, Side
from core.options import CompareOptions

FORMAT = "article-comparer-session/1"
_FORMAT_NAME, _, _VERSION = FORMAT.rpartition("/")
SUFFIX = ".acmp"
MAX_BYTES = 200 * 1024 * 1024  # pasted texts live inside; articles are capped at 20 MB each

__all__ = [
    "FORMAT",
    "SUFFIX",
    "Placed",
    "SavedSource",
    "Session",
    "SessionError",
    "load_session",
    "options_of",
    "place_edits",
    "read_sources",
    "save_session",
    "session_of",
    "text_hash",
]


class SessionError(ArticleComparerError):
    """A session file cannot be read: ``<path>: <problem>``."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def text_hash(text: str) -> str:
    """``sha256:<hex>`` of an article's text as read (what the comparison saw)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class SavedSource:
    """One article of a session: a file (``path``) or pasted text (``text``, ``html``)."""

    name: str
    hash: str
    path: Path | None = None
    text: str | None = None
    html: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence by number (0-based) and text, so it can be found again if the article moved."""

    n: int
    text: str


@dataclass(frozen=True, slots=True)
class SavedEdit:
    """An edit as saved: ``kind`` is ``link``, ``unlink`` or ``mark``."""

    kind: str
    a: tuple[SentenceRef, ...] = ()
    b: tuple[SentenceRef, ...] = ()
    mark: str = ""

    def describe(self) -> str:
        def quoted(refs: Sequence[SentenceRef], name: str) -> str:
            first = refs[0].text if refs else ""
            short = first if len(first) <= 60 else first[:57] + "…"
            more = f" (+{len(refs) - 1})" if len(refs) > 1 else ""
            return f"{name} “{short}”{more}"

        if self.kind == "mark":
            side, refs = ("A", self.a) if self.a else ("B", self.b)
            label = {"not_shared": "not shared", "shared": "shared", "": "unmarked"}[self.mark]
            return f"mark {label}: {quoted(refs, side)}"
        verb = "link" if self.kind == "link" else "unlink"
        return f"{verb} {quoted(self.a, 'A')} ↔ {quoted(self.b, 'B')}"


@dataclass(frozen=True, slots=True)
class Session:
    sources: tuple[SavedSource, SavedSource]
    options: dict[str, float] = field(default_factory=dict)
    edits: tuple[SavedEdit, ...] = ()
    saved: str = ""


# -- making and writing -----------------------------------------------------------------------
def _refs(doc: Document, indices: Iterable[int]) -> tuple[SentenceRef, ...]:
    return tuple(SentenceRef(i, doc.sentence_text(i)) for i in indices)


def saved_edit(comparison: Comparison, edit: Edit) -> SavedEdit:
    """``edit`` (made on ``comparison``) with its sentences named by number and text."""
    a, b = comparison.a, comparison.b
    if isinstance(edit, MarkSentence):
        refs = _refs(comparison.document(edit.side), (edit.sentence,))
        on_a = edit.side == "a"
        return SavedEdit("mark", refs if on_a else (), () if on_a else refs, edit.mark)
    kind = "link" if isinstance(edit, AddLink) else "unlink"
    return SavedEdit(kind, _refs(a, edit.a), _refs(b, edit.b))


def session_of(
    comparison: Comparison, sources: tuple[SavedSource, SavedSource], edits: Iterable[Edit]
) -> Session:
    """A session of ``comparison`` read from ``sources`` with ``edits`` made on it, in order
    (sentence numbers are the documents', the same before and after any edit)."""
    return Session(
        sources=sources,
        options=asdict(comparison.options),
        edits=tuple(saved_edit(comparison, e) for e in edits),
    )


def _source_dict(source: SavedSource, folder: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"name": source.name, "hash": source.hash}
    if source.path is not None:
        absolute = source.path.absolute()
        out["path"] = str(absolute)
        # a session moved together with its articles still finds them (not across drives)
        with contextlib.suppress(ValueError):
            out["relative_path"] = os.path.relpath(absolute, folder.absolute())
    else:
        out["text"] = source.text or ""
        if source.html:
            out["html"] = source.html
    return out


def _ref_list(refs: Sequence[SentenceRef]) -> list[dict[str, Any]]:
    return [{"n": r.n, "text": r.text} for r in refs]


def to_dict(session: Session, folder: Path) -> dict[str, Any]:
    edits: list[dict[str, Any]] = []
    for e in session.edits:
        if e.kind == "mark":
            side = "a" if e.a else "b"
            edits.append(
                {"edit": "mark", "side": side, "sentence": _ref_list(e.a or e.b)[0], "mark": e.mark}
            )
        else:
            edits.append({"edit": e.kind, "a": _ref_list(e.a), "b": _ref_list(e.b)})
    return {
        "format": FORMAT,
        "generator": "article-comparer",
        "saved": session.saved or datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": {
            "a": _source_dict(session.sources[0], folder),
            "b": _source_dict(session.sources[1], folder),
        },
        "options": dict(session.options),
        "edits": edits,
    }


def save_session(session: Session, path: str | os.PathLike[str]) -> None:
    """Write ``session`` to ``path`` atomically (never over an article of the session)."""
    target = Path(path)
    data = json.dumps(to_dict(session, target.parent), ensure_ascii=False, indent=1) + "\n"
    protect = [s.path for s in session.sources if s.path is not None]
    write_bytes(target, data.encode("utf-8", "surrogatepass"), protect)


# -- reading ----------------------------------------------------------------------------------
class _Bad(Exception):
    """What is wrong inside a session file (becomes a SessionError naming the file)."""


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read a session file; ``SessionError`` with one line for anything it cannot use."""
    shown = str(path)
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise SessionError(shown, f"too large for a session file ({size // 1_000_000} MB)")
        raw = target.read_bytes()
    except FileNotFoundError:
        raise SessionError(shown, "no such file") from None
    except IsADirectoryError:
        raise SessionError(shown, "is a folder, not a session file") from None
    except OSError as e:
        raise SessionError(shown, e.strerror or type(e).__name__) from None
    if not raw.strip():
        raise SessionError(shown, "empty file, not a session")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError(shown, "not a session file (not UTF-8 text)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # the text stops inside a value, or where more must follow: cut short, not garbled
        cut = e.pos >= len(text.rstrip()) or e.msg.startswith("Unterminated string")
        problem = "truncated" if cut else "corrupt"
        raise SessionError(
            shown, f"{problem} session file (JSON error at line {e.lineno}, column {e.colno})"
        ) from None
    try:
        return _session(data, target.parent)
    except _Bad as e:
        raise SessionError(shown, str(e)) from None


def _session(data: Any, folder: Path) -> Session:
    if not isinstance(data, dict):
        raise _Bad("not a session file (no format field)")
    fmt = data.get("format")
    if not isinstance(fmt, str) or "/" not in fmt:
        raise _Bad("not a session file (no format field)")
    name, _, version = fmt.rpartition("/")
    if name != _FORMAT_NAME:
        raise _Bad(f"not a session file (format {fmt!r})")
    if version != _VERSION:
        newer = version.isdigit() and int(version) > int(_VERSION)
        raise _Bad(
            f"made by a newer Article Comparer (format {fmt}); this one reads {FORMAT}"
            if newer
            else f"unknown session format {fmt!r}"
        )
    sources = data.get("sources")
    if not isinstance(sources, dict):
        raise _Bad("session has no sources")
    a, b = (_source(sources.get(side), side, folder) for side in ("a", "b"))
    options = data.get("options", {})
    if not isinstance(options, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
        for k, v in options.items()
    ):
        raise _Bad("session options must map names to numbers")
    edits = data.get("edits", [])
    if not isinstance(edits, list):
        raise _Bad("session edits must be a list")
    saved = data.get("saved", "")
    return Session(
        (a, b),
        {k: float(v) for k, v in options.items()},
        tuple(_edit(e, n) for n, e in enumerate(edits, 1)),
        saved if isinstance(saved, str) else "",
    )


def _source(raw: Any, side: str, folder: Path) -> SavedSource:
    name = side.upper()
    if not isinstance(raw, dict):
        raise _Bad(f"session has no source for {name}")
    digest = raw.get("hash")
    if not isinstance(digest, str):
        raise _Bad(f"source {name} has no text hash")
    label = raw.get("name")
    if "text" in raw:
        text, html = raw.get("text"), raw.get("html")
        if not isinstance(text, str) or not (html is None or isinstance(html, str)):
            raise _Bad(f"pasted text of {name} is not text")
        return SavedSource(str(label or f"<pasted {name}>"), digest, None, text, html)
    path = raw.get("path")
    relative = raw.get("relative_path")
    if not isinstance(path, str) or not path:
        raise _Bad(f"source {name} has neither a path nor pasted text")
    found = Path(path)
    if isinstance(relative, str) and relative and not found.exists():
        moved = folder / relative
        if moved.exists():
            found = moved
    return SavedSource(str(label or found.name), digest, found)


def _refs_of(raw: Any, where: str) -> tuple[SentenceRef, ...]:
    if not isinstance(raw, list) or not raw:
        raise _Bad(f"{where}: needs a list of sentences")
    return tuple(_ref_of(r, where) for r in raw)


def _ref_of(raw: Any, where: str) -> SentenceRef:
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("n"), int)
        and not isinstance(raw.get("n"), bool)
        and raw["n"] >= 0
        and isinstance(raw.get("text"), str)
    ):
        raise _Bad(f"{where}: a sentence needs a number n and its text")
    return SentenceRef(raw["n"], raw["text"])


def _edit(raw: Any, n: int) -> SavedEdit:
    where = f"edit {n}"
    if not isinstance(raw, dict):
        raise _Bad(f"{where} is not an object")
    kind = raw.get("edit")
    if kind in ("link", "unlink"):
        return SavedEdit(kind, _refs_of(raw.get("a"), where), _refs_of(raw.get("b"), where))
    if kind == "mark":
        side, mark = raw.get("side"), raw.get("mark")
        if side not in ("a", "b") or mark not in MARKS:
            raise _Bad(f"{where}: a mark needs side a or b and mark not_shared, shared or empty")
        ref = (_ref_of(raw.get("sentence"), where),)
        return SavedEdit("mark", ref if side == "a" else (), ref if side == "b" else (), mark)
    raise _Bad(f"{where}: unknown edit {kind!r} (link, unlink or mark)")


def read_sources(session: Session) -> tuple[Document, Document]:
    """Read a session's two articles again (a file, or the pasted text kept in the session)."""
    from core.inputs import read_pasted
    from core.reading.dispatch import read_path

    def read(source: SavedSource) -> Document:
        if source.path is not None:
            return read_path(source.path)
        return read_pasted(source.name, source.text, source.html)

    return read(session.sources[0]), read(session.sources[1])


def options_of(session: Session) -> CompareOptions:
    """The session's comparison options (unknown names ignored; unusable values: defaults)."""
    names = {f.name for f in fields(CompareOptions)}
    try:
        return CompareOptions(**{k: v for k, v in session.options.items() if k in names})
    except (TypeError, ValueError):
        return CompareOptions()


# -- replaying --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Placed:
    """The outcome of replaying a session's edits on a fresh comparison."""

    comparison: Comparison
    edits: tuple[Edit, ...]  # the edits that were placed, in order, as applied
    after: tuple[Comparison, ...]  # the comparison each placed edit made (undo steps)
    unplaced: tuple[str, ...]  # one line per edit that could not be placed, saying why
    changed: tuple[Side, ...]  # sides whose text differs from the one the session saw
    moved: int = 0  # sentences found at another number than saved


class _Finder:
    """Sentences of one article by text, for finding a saved sentence again."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_text: dict[str, list[int]] = {}
        for i in range(len(doc.sentences)):
            self.by_text.setdefault(_norm(doc.sentence_text(i)), []).append(i)

    def find(self, ref: SentenceRef) -> int | None:
        if ref.n < len(self.doc.sentences) and self.doc.sentence_text(ref.n) == ref.text:
            return ref.n
        at = self.by_text.get(_norm(ref.text))
        if not at:
            return None
        return min(at, key=lambda i: (abs(i - ref.n), i))


def _norm(text: str) -> str:
    return " ".join(text.split())


def place_edits(session: Session, comparison: Comparison) -> Placed:
    """Replay ``session``'s edits on ``comparison`` (a fresh compare of its sources)."""
    sides: tuple[Side, Side] = ("a", "b")
    changed = tuple(
        side
        for side, source in zip(sides, session.sources, strict=True)
        if text_hash(comparison.document(side).text) != source.hash
    )
    finders = (_Finder(comparison.a), _Finder(comparison.b))
    current = comparison
    placed: list[Edit] = []
    steps: list[Comparison] = []
    unplaced: list[str] = []
    moved = 0
    for saved in session.edits:
        found_a = [finders[0].find(r) for r in saved.a]
        found_b = [finders[1].find(r) for r in saved.b]
        if None in found_a or None in found_b:
            unplaced.append(f"{saved.describe()}: sentence not found")
            continue
        ia = [i for i in found_a if i is not None]
        ib = [j for j in found_b if j is not None]
        moved += sum(r.n != i for r, i in zip(saved.a, ia, strict=True))
        moved += sum(r.n != j for r, j in zip(saved.b, ib, strict=True))
        try:
            edit = _edit_of(saved, ia, ib)
            after = apply_edit(current, edit)
        except EditError as e:
            unplaced.append(f"{saved.describe()}: {e}")
            continue
        placed.append(edit)
        steps.append(after)
        current = after
    return Placed(current, tuple(placed), tuple(steps), tuple(unplaced), changed, moved)


def _edit_of(saved: SavedEdit, ia: list[int], ib: list[int]) -> Edit:
    if saved.kind == "mark":
        side: Side = "a" if ia else "b"
        return MarkSentence(side, (ia or ib)[0], saved.mark)  # type: ignore[arg-type]
    a, b = tuple(sorted(set(ia))), tuple(sorted(set(ib)))
    return AddLink(a, b) if saved.kind == "link" else RemoveLink(a, b)
