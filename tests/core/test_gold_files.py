"""Sanity of the gold sentence alignments in tests/data/gold/align (see tests/data/gold/README.md).

Checks only the annotation files against the raw UTF-8 texts: the format, the paths, and that
every substring is non-empty and occurs exactly once in its document. Deliberately independent of
the reader's sentence splitting and of the aligner.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT, SHARED

GOLD = DATA / "gold" / "align"
#: the second, independent annotation of some news pairs (benchmarks/agreement.py)
SECOND = DATA / "gold" / "align2"
GOLD_FILES = sorted(GOLD.glob("*.json")) + sorted(SECOND.glob("*.json"))


def _resolve(ref: str) -> Path:
    """A gold path: ``shared:<path>`` is relative to ../shared, anything else to the repo root."""
    if ref.startswith("shared:"):
        return SHARED / ref.removeprefix("shared:")
    return ROOT / ref


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: top level must be an object"
    return data


def _texts(gold: dict[str, Any]) -> tuple[str, str]:
    pa, pb = _resolve(gold["a"]), _resolve(gold["b"])
    for ref, p in ((gold["a"], pa), (gold["b"], pb)):
        if not p.is_file():
            if ref.startswith("shared:"):
                pytest.skip(f"{ref} is absent (../shared not available)")
            pytest.fail(f"{gold['name']}: input {ref} does not exist")
    return pa.read_text(encoding="utf-8"), pb.read_text(encoding="utf-8")


def test_gold_files_exist() -> None:
    names = {p.stem for p in GOLD_FILES if p.parent == GOLD}
    expected = {"shared_example", "bundled_example", "split_merge", "unrelated", "identical"}
    assert expected <= names, f"missing gold files: {sorted(expected - names)}"
    assert sum(n.startswith("news_") for n in names) >= 4


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_format(path: Path) -> None:
    gold = _load(path)
    assert set(gold) == {"name", "a", "b", "links", "notes"}, f"unexpected keys {sorted(gold)}"
    for key in ("name", "a", "b", "notes"):
        assert isinstance(gold[key], str) and gold[key].strip(), f"{key} must be a non-empty string"
    assert not gold["a"].startswith("/") and not gold["b"].startswith("/"), "paths must be relative"
    assert isinstance(gold["links"], list)
    for i, link in enumerate(gold["links"]):
        assert isinstance(link, dict) and set(link) == {"a", "b"}, f"link {i}: keys must be a, b"
        for side in ("a", "b"):
            subs = link[side]
            assert isinstance(subs, list) and subs, f"link {i}: {side} must be a non-empty list"
            assert all(isinstance(s, str) for s in subs), f"link {i}: {side} must hold strings"
            assert len(set(subs)) == len(subs), f"link {i}: duplicate substring on side {side}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_substrings_unique(path: Path) -> None:
    gold = _load(path)
    text_a, text_b = _texts(gold)
    problems = []
    for i, link in enumerate(gold["links"]):
        for side, text in (("a", text_a), ("b", text_b)):
            for sub in link[side]:
                if not sub.strip():
                    problems.append(f"link {i} {side}: empty substring")
                    continue
                n = text.count(sub)
                if n != 1:
                    problems.append(f"link {i} {side}: {sub!r} occurs {n} times")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_pairs_not_repeated(path: Path) -> None:
    """Each (A sentence, B sentence) pair is annotated once: a repeat means a copy-paste slip."""
    gold = _load(path)
    seen: set[tuple[str, str]] = set()
    for i, link in enumerate(gold["links"]):
        for sa in link["a"]:
            for sb in link["b"]:
                assert (sa, sb) not in seen, f"link {i}: pair ({sa!r}, {sb!r}) repeated"
                seen.add((sa, sb))


def test_unrelated_has_no_links_and_identical_links_to_itself() -> None:
    assert _load(GOLD / "unrelated.json")["links"] == []
    identical = _load(GOLD / "identical.json")
    assert identical["a"] == identical["b"]
    assert identical["links"], "identical pair must have links"
    assert all(link["a"] == link["b"] for link in identical["links"])


def test_written_pairs_are_short_articles() -> None:
    """Pairs written for the project are 150-400 words a side (tests/data/gold/README.md)."""
    pairs = sorted((DATA / "pairs").glob("*.txt"))
    assert pairs
    for p in pairs:
        words = len(p.read_text(encoding="utf-8").split())
        assert 150 <= words <= 400, f"{p.name}: {words} words"
