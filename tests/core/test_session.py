"""Session files: save, reopen and replay; changed sources; bad files get one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.bundled import example_pair
from core.compare import compare
from core.edits import AddLink, MarkSentence, RemoveLink, apply_edits
from core.errors import ExportError
from core.model import Comparison, Coverage
from core.reading.dispatch import read_path
from core.session import (
    FORMAT,
    SavedSource,
    SessionError,
    load_session,
    place_edits,
    save_session,
    session_of,
    text_hash,
)


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = example_pair()
    out = tmp_path / "a.txt", tmp_path / "b.txt"
    out[0].write_text(a.read_text("utf-8"), "utf-8")
    out[1].write_text(b.read_text("utf-8"), "utf-8")
    return out


def _compare(pair: tuple[Path, Path]) -> Comparison:
    return compare(read_path(pair[0]), read_path(pair[1]))


def _sources(c: Comparison, pair: tuple[Path, Path]) -> tuple[SavedSource, SavedSource]:
    return (
        SavedSource(pair[0].name, text_hash(c.a.text), pair[0]),
        SavedSource(pair[1].name, text_hash(c.b.text), pair[1]),
    )


def _edits(c: Comparison) -> list[AddLink | RemoveLink | MarkSentence]:
    ua = [i for i, x in enumerate(c.coverage_a) if x.counted and x.status is Coverage.UNIQUE]
    ub = [i for i, x in enumerate(c.coverage_b) if x.counted and x.status is Coverage.UNIQUE]
    link = next(x for x in c.links if min(x.a) > 3 and len(x.a) == len(x.b) == 1)
    return [
        RemoveLink(link.a, link.b),
        AddLink((ua[0],), (ub[0],)),
        MarkSentence("a", ua[1], "not_shared"),
        MarkSentence("b", link.b[0], "shared"),
    ]


def test_save_and_reopen_gives_the_same_comparison(pair: tuple[Path, Path], tmp_path: Path) -> None:
    c = _compare(pair)
    edits = _edits(c)
    edited = apply_edits(c, edits)
    path = tmp_path / "review.acmp"
    save_session(session_of(c, _sources(c, pair), edits), path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == FORMAT == "article-comparer-session/1"
    assert data["sources"]["a"]["hash"].startswith("sha256:")
    assert data["edits"][1]["a"][0]["text"] == c.a.sentence_text(edits[1].a[0])  # type: ignore[union-attr]
    assert "links" not in data  # the edits, not the computed result
    session = load_session(path)
    placed = place_edits(session, _compare(pair))
    assert placed.unplaced == () and placed.changed == () and placed.moved == 0
    assert placed.edits == tuple(edits)
    assert placed.comparison.links == edited.links
    assert placed.comparison.coverage_a == edited.coverage_a
    assert placed.comparison.coverage_b == edited.coverage_b
    assert placed.comparison.summary == edited.summary


def test_pasted_text_and_moved_folder(pair: tuple[Path, Path], tmp_path: Path) -> None:
    c = _compare(pair)
    sources = (
        SavedSource("<pasted A>", text_hash(c.a.text), None, text=pair[0].read_text("utf-8")),
        SavedSource(pair[1].name, text_hash(c.b.text), pair[1]),
    )
    path = tmp_path / "s.acmp"
    save_session(session_of(c, sources, []), path)
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "s.acmp").write_bytes(path.read_bytes())
    (moved / "b.txt").write_bytes(pair[1].read_bytes())
    pair[1].unlink()
    loaded = load_session(moved / "s.acmp")
    assert loaded.sources[0].text == pair[0].read_text("utf-8") and loaded.sources[0].path is None
    assert loaded.sources[1].path == moved / "b.txt"  # found beside the session


def test_changed_source_keeps_edits_that_still_match(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    c = _compare(pair)
    edits = _edits(c)
    path = tmp_path / "review.acmp"
    save_session(session_of(c, _sources(c, pair), edits), path)
    # a new paragraph in A shifts the sentences after it; the marked sentence is rewritten
    marked = c.a.sentence_text(edits[2].sentence)  # type: ignore[union-attr]
    text = pair[0].read_text("utf-8").replace(marked, "This sentence was rewritten entirely.")
    lines = text.split("\n")
    lines.insert(3, "A new paragraph was added here. It has two sentences.")
    pair[0].write_text("\n".join(lines), "utf-8")
    placed = place_edits(load_session(path), _compare(pair))
    assert placed.changed == ("a",)
    assert placed.moved > 0
    assert len(placed.edits) == 3, placed.unplaced
    assert len(placed.unplaced) == 1 and "sentence not found" in placed.unplaced[0]
    assert placed.unplaced[0].startswith("mark not shared: A “")
    hand = [link for link in placed.comparison.links if link.by == "hand"]
    assert len(hand) == 1
    assert placed.comparison.a.sentence_text(hand[0].a[0]) == c.a.sentence_text(
        edits[1].a[0]  # type: ignore[union-attr]
    )


def test_an_edit_that_no_longer_fits_is_listed(pair: tuple[Path, Path], tmp_path: Path) -> None:
    c = _compare(pair)
    link = c.links[0]
    edits = [RemoveLink(link.a, link.b), RemoveLink(link.a, link.b)]
    path = tmp_path / "twice.acmp"
    save_session(session_of(c, _sources(c, pair), edits), path)
    placed = place_edits(load_session(path), _compare(pair))
    assert len(placed.edits) == 1 and len(placed.unplaced) == 1
    assert "no link joins" in placed.unplaced[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b'{"format": "article-comparer-session/1", "sources": {', "truncated session file"),
        (b'{"format": "article-comparer-session/1",, }', "corrupt session file"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2]", "no format field"),
        (b'{"format": "article-comparer/1"}', "not a session file"),
        (b'{"format": "article-comparer-session/2"}', "made by a newer Article Comparer"),
        (b'{"format": "article-comparer-session/1"}', "no sources"),
        (
            b'{"format": "article-comparer-session/1", "sources": {"a": {"hash": "x", '
            b'"path": "a.txt"}, "b": {"hash": "y", "text": "t"}}, "edits": [{"edit": "zap"}]}',
            "edit 1: unknown edit 'zap'",
        ),
    ],
)
def test_bad_session_files_get_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.acmp"
    path.write_bytes(content)
    with pytest.raises(SessionError) as info:
        load_session(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ") and message in text and "\n" not in text


def test_missing_session_file(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="no such file"):
        load_session(tmp_path / "nope.acmp")


def test_saving_is_atomic_and_never_over_an_input(pair: tuple[Path, Path], tmp_path: Path) -> None:
    c = _compare(pair)
    session = session_of(c, _sources(c, pair), [])
    before = pair[0].read_bytes()
    with pytest.raises(ExportError, match="is one of the compared articles"):
        save_session(session, pair[0])
    assert pair[0].read_bytes() == before
    path = tmp_path / "s.acmp"
    save_session(session, path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
