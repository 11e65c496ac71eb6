"""``article-comparer batch``: result lines, resume, a failing item, exit codes, the Dask path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.cli import main

NWAY = Path(__file__).resolve().parent / "data" / "nway"


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    rows = [
        "id,a,b,c",
        f"ab,{NWAY / 'one.txt'},{NWAY / 'two.txt'},",
        f"cd,{NWAY / 'three.txt'},{NWAY / 'four.txt'},",
        f"abc,{NWAY / 'one.txt'},{NWAY / 'two.txt'},{NWAY / 'three.txt'}",
        f"broken,missing.txt,{NWAY / 'one.txt'},",
        f"web,http://127.0.0.1:9/story,{NWAY / 'one.txt'},",
    ]
    path = tmp_path / "m.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_batch_writes_one_line_per_item_and_resumes(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(manifest), "--out", str(out), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "5/5 (100%)" in err and "items/s" in err and "ETA" in err
    assert "2 of 5 items failed" in err
    lines = {r["id"]: r for r in _lines(out)}
    assert set(lines) == {"ab", "cd", "abc", "broken", "web"}
    assert lines["ab"]["ok"] and lines["ab"]["conflicts"] == 1 and "report" not in lines["ab"]
    assert lines["abc"]["kind"] == "cluster" and lines["abc"]["documents"] == 3
    assert lines["broken"]["error"] == f"{tmp_path / 'missing.txt'}: no such file"
    # a web address is fetched like a file is read; nothing listens on port 9
    assert str(lines["web"]["error"]).startswith("http://127.0.0.1:9/story: ")
    # a second run skips everything; --retry-failed runs the two failures again
    assert main(["batch", str(manifest), "--out", str(out), "--jobs", "1"]) == 0
    assert "5 of 5 items already done" in capsys.readouterr().err
    assert len(_lines(out)) == 5
    main(["batch", str(manifest), "--out", str(out), "--jobs", "1", "--retry-failed"])
    assert [r["id"] for r in _lines(out)[5:]] == ["broken", "web"]


def test_a_stopped_run_resumes_where_it_was(manifest: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    first = '{"id": "ab", "ok": true}\n{"id": "cd", "ok'  # cut short by a crash
    out.write_text(first, encoding="utf-8")
    main(["batch", str(manifest), "--out", str(out), "--full", "--quiet", "--jobs", "2"])
    lines = out.read_text("utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines if line.endswith("}")]
    assert sorted(ids) == ["ab", "abc", "broken", "cd", "web"]
    full = next(json.loads(line) for line in lines if '"abc"' in line[:20])
    assert full["report"]["format"] == "article-comparer/2"


def test_usage_and_input_errors(
    tmp_path: Path, manifest: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(tmp_path / "none.csv"), "--out", str(tmp_path / "r")]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'none.csv'}: no such file"
    assert main(["batch", str(manifest), "--out", str(manifest)]) == 1
    assert "is the manifest" in capsys.readouterr().err
    assert main(["batch", str(manifest), "--out", str(tmp_path / "r"), "--jobs", "0"]) == 2
    with pytest.raises(SystemExit):
        main(["batch", str(manifest)])  # --out is required


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_cluster_runs_the_items(
    dask_address: str, manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.jsonl"
    local = tmp_path / "local.jsonl"
    assert main(["batch", str(manifest), "--out", str(out), "--dask", dask_address]) == 1
    assert "5/5 (100%)" in capsys.readouterr().err
    main(["batch", str(manifest), "--out", str(local), "--jobs", "1", "--quiet"])

    def strip(path: Path) -> dict[object, dict[str, object]]:
        return {r["id"]: {k: v for k, v in r.items() if k != "seconds"} for r in _lines(path)}

    assert strip(out) == strip(local)
    # resumable on the cluster as well
    assert main(["batch", str(manifest), "--out", str(out), "--dask", dask_address]) == 0
    assert len(_lines(out)) == 5


def test_unreachable_scheduler_is_one_line(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    out = str(tmp_path / "r")
    code = main(
        ["batch", str(manifest), "--out", out, "--dask", "tcp://127.0.0.1:9", "--dask-timeout", "1"]
    )
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.startswith("tcp://127.0.0.1:9: cannot reach the Dask scheduler")
    assert "\n" not in err
