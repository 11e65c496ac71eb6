"""Batch runs: manifests, one item, resume, failures, progress figures, worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.batch.items import run_item
from core.batch.local import run_local
from core.batch.manifest import Item, read_manifest
from core.batch.progress import Progress, duration
from core.batch.results import ResultWriter, finished
from core.errors import InputError

NWAY = Path(__file__).resolve().parent.parent / "data" / "nway"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_manifest_with_header_ids_and_clusters(tmp_path: Path) -> None:
    m = _write(
        tmp_path / "m.csv",
        "id,a,b,c\n"
        "p1,one.txt,two.txt,\n"
        "# a comment\n"
        "\n"
        "c1,one.txt,two.txt,three.txt\n"
        ",/abs/x.txt,y.txt,\n"
        "p1,one.txt,four.txt,\n"
        "solo,one.txt,,\n"
        "web,https://example.org/a,two.txt,\n",
    )
    items = read_manifest(m)
    assert [i.id for i in items][:3] == ["p1", "c1", "/abs/x.txt + y.txt"]
    assert items[0].files == (str(tmp_path / "one.txt"), str(tmp_path / "two.txt"))
    assert items[0].kind == "pair" and items[1].kind == "cluster"
    assert items[2].files[0] == "/abs/x.txt"
    assert items[3].problem is not None and "also used on line 2" in items[3].problem
    assert items[4].problem == "1 files: an item compares 2 to 8"
    assert items[5].problem is None and items[5].files[0] == "https://example.org/a"
    assert [i.line for i in items] == [2, 5, 6, 7, 8, 9]


def test_csv_without_header_and_jsonl(tmp_path: Path) -> None:
    items = read_manifest(_write(tmp_path / "m.csv", "one.txt,two.txt\n"))
    assert items[0].id == "one.txt + two.txt"
    jl = _write(
        tmp_path / "m.jsonl",
        '{"id": "x", "files": ["one.txt", "two.txt", "three.txt"]}\n'
        '{"a": "one.txt", "b": "two.txt"}\n'
        '["one.txt", "four.txt"]\n'
        "{not json\n"
        '{"files": "one.txt"}\n',
    )
    items = read_manifest(jl)
    assert [len(i.files) for i in items[:3]] == [3, 2, 2]
    assert items[0].id == "x" and items[3].problem is not None and "not JSON" in items[3].problem
    assert items[4].problem == "expected a list of file names"


def test_unreadable_manifest_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_manifest(tmp_path / "none.csv")
    with pytest.raises(InputError, match="lists no items"):
        read_manifest(_write(tmp_path / "empty.csv", "# nothing\n"))


def test_run_item_pair_cluster_and_failure(tmp_path: Path) -> None:
    pair = run_item(Item("p", (str(NWAY / "one.txt"), str(NWAY / "two.txt")), 1), full=True)
    assert pair["ok"] and pair["kind"] == "pair" and pair["conflicts"] == 1
    assert 0 < pair["a_shared"] <= 1 and pair["report"]["format"] == "article-comparer/1"
    files = tuple(str(NWAY / f"{n}.txt") for n in ("one", "two", "three"))
    cluster = run_item(Item("c", files, 2))
    assert cluster["ok"] and cluster["kind"] == "cluster" and cluster["documents"] == 3
    assert len(cluster["shared"]) == 3 and len(cluster["pairs"]) == 3
    assert "report" not in cluster
    bad = run_item(Item("b", (str(tmp_path / "gone.txt"), files[0]), 3))
    assert not bad["ok"] and bad["error"] == f"{tmp_path / 'gone.txt'}: no such file"
    flagged = run_item(Item("w", ("https://x.org/a", files[0]), 4, problem="web: not yet"))
    assert flagged == {**flagged, "ok": False, "error": "web: not yet"}


def test_results_resume_after_a_cut_line(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text('{"id": "a", "ok": true}\n{"id": "b", "ok": false}\n{"id": "c", "o', "utf-8")
    assert finished(out) == {"a": True, "b": False}
    with ResultWriter(out) as w:
        w.write({"id": "c", "ok": True})
    lines = out.read_text("utf-8").splitlines()
    assert json.loads(lines[-1]) == {"id": "c", "ok": True}
    assert finished(out) == {"a": True, "b": False, "c": True}
    assert finished(tmp_path / "absent.jsonl") == {}


def test_progress_rate_and_eta() -> None:
    now = [100.0]
    p = Progress(10, clock=lambda: now[0])
    assert p.eta is None and "ETA --" in p.line()
    now[0] = 104.0
    for ok in (True, True, False, True):
        p.add(ok)
    assert p.rate == 1.0 and p.eta == 6.0
    assert p.line() == "[##########..............] 4/10 (40%) · 1.0 items/s · ETA 6s · 1 failed"
    assert (duration(59.6), duration(185), duration(7800)) == ("1m00s", "3m05s", "2h10m")


def test_local_workers_run_every_item_once(tmp_path: Path) -> None:
    names = ("one", "two", "three", "four")
    items = [
        Item(f"{a}-{b}", (str(NWAY / f"{a}.txt"), str(NWAY / f"{b}.txt")), k)
        for k, (a, b) in enumerate((a, b) for a in names for b in names if a < b)
    ]
    items.append(Item("bad", (str(tmp_path / "x.txt"), str(NWAY / "one.txt")), 99))
    serial = {r["id"]: r for r in run_local(items, jobs=1)}
    parallel = {r["id"]: r for r in run_local(items, jobs=2)}
    assert serial.keys() == parallel.keys() == {i.id for i in items}
    for key, r in serial.items():
        assert {k: v for k, v in r.items() if k != "seconds"} == {
            k: v for k, v in parallel[key].items() if k != "seconds"
        }
    assert not serial["bad"]["ok"]


def test_chunks_of_items_per_task() -> None:
    from core.batch.items import chunk_size, run_items

    assert chunk_size(7, 2) == 1 and chunk_size(200, 2) == 8 and chunk_size(10**6, 64) == 8
    assert chunk_size(0, 2) == 1
    pair = (str(NWAY / "one.txt"), str(NWAY / "two.txt"))
    items = [Item(f"p{k}", pair, k) for k in range(40)]
    results = list(run_local(items, jobs=2))  # chunks of 2 items a task
    assert sorted(r["id"] for r in results) == sorted(i.id for i in items)
    assert all(r["ok"] for r in run_items(items[:2]))
