"""Alignment quality against the gold files (tests/data/gold/align), and the scorer itself.

Targets: F1 = 1.0 on the shared example pair, >= 0.85 on the others. Pairs measured
below target are listed in ``BELOW_TARGET`` with the floor they must keep (a regression guard)
and are reported as xfail, so the gap stays visible instead of being hidden by a lower bar.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.quality import (
    GOLD_DIR,
    GoldError,
    Score,
    gold_pairs,
    micro,
    score_file,
    sentence_at,
)
from core.reading.dispatch import read_text

TARGET = {"shared_example.json": 1.0}
DEFAULT_TARGET = 0.85
#: measured F1 below target with the current lexical aligner: floor = regression guard
BELOW_TARGET = {
    "news_21_queens.json": 0.75,
    "news_22_kraft.json": 0.56,
    "news_23_mount_cook.json": 0.74,
    "news_26_gigante.json": 0.8,
    "news_29_colts.json": 0.72,
    "news_39_capaldi.json": 0.8,
    "news_41_yida.json": 0.42,
    "news_43_amd.json": 0.52,
}

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_f1(path: Path) -> None:
    result = score_file(path)
    if result is None:
        pytest.skip(f"{path.name}: article files absent")
    score, want, got, _ = result
    if not want:  # a pair that must give no links
        assert not got, f"{path.name}: {len(got)} spurious pairs"
        return
    target = TARGET.get(path.name, DEFAULT_TARGET)
    floor = BELOW_TARGET.get(path.name)
    if floor is not None and score.f1 < target:
        assert score.f1 >= floor, f"{path.name}: F1 {score.f1:.3f} fell below its floor {floor}"
        pytest.xfail(f"F1 {score.f1:.3f} below target {target} (floor {floor} kept)")
    assert score.f1 >= target, f"{path.name}: F1 {score.f1:.3f} < {target}"


def test_shared_example_is_perfect(shared_examples: tuple[Path, Path]) -> None:
    result = score_file(GOLD_DIR / "shared_example.json")
    assert result is not None
    assert result[0].f1 == 1.0


# --- the scorer ------------------------------------------------------------------------------


def test_score_figures() -> None:
    s = Score("x", tp=3, fp=1, fn=2)
    assert s.precision == 0.75 and s.recall == 0.6
    assert abs(s.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12
    assert Score("empty", 0, 0, 0).f1 == 1.0  # no links wanted, none given
    assert Score("spurious", 0, 2, 0).f1 == 0.0
    m = micro([Score("a", 1, 0, 1), Score("b", 2, 2, 0)])
    assert (m.tp, m.fp, m.fn) == (3, 2, 1)


def test_gold_groups_expand_to_pairs_and_substrings_must_be_unique() -> None:
    a = read_text("The storm hit the coast. Homes were lost. The mayor spoke.", "a.txt")
    b = read_text("Homes were lost in the storm. The coast was hit. The mayor spoke.", "b.txt")
    gold = {"links": [{"a": ["The storm hit"], "b": ["in the storm", "coast was hit"]}]}
    assert gold_pairs(gold, a, b) == {(0, 0), (0, 1)}
    assert sentence_at(a, "mayor spoke") == 2
    with pytest.raises(GoldError, match="not unique"):
        sentence_at(a, "The ")
    with pytest.raises(GoldError, match="not found"):
        sentence_at(a, "volcano")


def test_score_file_on_a_tiny_gold(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The council approved the flood wall on Tuesday. Tourists love the beach.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "On Tuesday the council approved a flood wall. Fishermen are worried.\n",
        encoding="utf-8",
    )
    gold = {
        "name": "tiny",
        "a": "a.txt",
        "b": "b.txt",
        "links": [{"a": ["council approved the flood"], "b": ["council approved a flood"]}],
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = score_file(path, root=tmp_path)
    assert result is not None
    score, want, got, _ = result
    assert want == {(0, 0)}
    assert got == {(0, 0)}
    assert score.f1 == 1.0
    # a gold file naming absent shared articles is skipped, not failed
    gold["a"] = "shared:nowhere/a.txt"
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert score_file(path, root=tmp_path, shared=tmp_path / "shared") is None


def test_articles_about_different_events_do_not_link(news_pairs: Path) -> None:
    """Real articles of different events share generic sentences, names and words, not content."""
    from core.compare import compare
    from core.reading.dispatch import read_path

    events = sorted(p for p in news_pairs.iterdir() if (p / "a.txt").is_file())
    assert len(events) >= 4
    docs = [read_path(p / "a.txt") for p in events]
    for k, doc in enumerate(docs):
        other = docs[(k + 1) % len(docs)]
        links = compare(doc, other).links
        assert not links, f"{events[k].name} vs {events[(k + 1) % len(docs)].name}: {links[:3]}"


def test_news_sentences_shown_shared(news_pairs: Path) -> None:
    """Per content sentence on the 8 news pairs: "shown as shared" and link F1 keep their floors."""
    from benchmarks.quality import measure
    from core.options import CompareOptions

    news = [p for p in GOLD_FILES if p.name.startswith("news_")]
    rows = measure(news, CompareOptions())
    assert len(rows) == 8
    sent, links = micro(r.sentences for r in rows), micro(r.links for r in rows)
    assert sent.f1 >= 0.83 and links.f1 >= 0.69, (sent, links)
