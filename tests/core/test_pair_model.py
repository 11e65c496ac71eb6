"""The shipped pair model: the file is the one trained (hash), it loads once, it reads pairs
the way it was trained to, and compare() uses it only when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import pair_model
from core.compare import compare
from core.errors import Cancelled
from core.model import LinkKind
from core.options import CompareOptions
from core.reader import read_text

#: sha256 of resources/model/pair_model.onnx as written by training/train_pair_model.py
MODEL_SHA256 = "55a31597f54bedce278ca42b69d8e08706d7af978594620484378db4185920f5"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


def test_shipped_files_are_the_trained_ones() -> None:
    folder = pair_model.model_dir()
    assert pair_model.file_sha256(folder / pair_model.MODEL_FILE) == MODEL_SHA256
    assert pair_model.file_sha256(folder / pair_model.TOKENIZER_FILE) == TOKENIZER_SHA256
    assert (folder / pair_model.MODEL_FILE).stat().st_size < 25_000_000


def test_model_loads_once_and_reads_pairs() -> None:
    model = pair_model.load()
    assert model is not None and pair_model.load() is model
    same = "Sudan's armed forces denied they carried out the strike."
    p = model.score(
        [
            (same, "The Sudanese military denied carrying out the air strike."),
            (same, "The camp houses about 20,000 refugees from the Nuba Mountains."),
        ]
    )
    assert p[0] > 0.5 > p[1]


def test_a_damaged_model_file_means_lexical_comparison(tmp_path: Path) -> None:
    (tmp_path / pair_model.MODEL_FILE).write_bytes(b"not a model")
    (tmp_path / pair_model.TOKENIZER_FILE).write_text("{}", encoding="utf-8")
    assert pair_model._load(tmp_path) is None
    assert pair_model._load(tmp_path / "absent") is None


A = (
    "AMD buys server maker SeaMicro.\n\n"
    "Advanced Micro Devices said on Wednesday it would buy SeaMicro for $334 million.\n\n"
    "Its products are geared primarily towards high volume, Web-based transaction workloads.\n\n"
    "Tourists still crowded the beach promenade on Sunday."
)
B = (
    "AMD to acquire SeaMicro.\n\n"
    "Advanced Micro Devices will buy SeaMicro for $334 million, the company said Wednesday.\n\n"
    "Such products are particularly popular among companies that buy servers in huge volumes"
    " to run popular consumer websites.\n\n"
    "The chip maker's shares rose 2 percent."
)


def test_compare_adds_model_links_only_when_asked() -> None:
    a, b = read_text(A, "a.txt"), read_text(B, "b.txt")
    lexical = compare(a, b, CompareOptions(use_model=False))
    with_model = compare(a, b, CompareOptions(use_model=True))
    assert not any(link.kind is LinkKind.MODEL for link in lexical.links)
    assert lexical.summary.model_links == 0
    assert not CompareOptions().use_model  # off unless asked
    added = [link for link in with_model.links if link.kind is LinkKind.MODEL]
    assert with_model.summary.model_links == len(added) >= 1
    assert all(link.b != (3,) for link in added)  # the tourists and the shares stay unique
    assert json.dumps(with_model.options["use_model"]) == "true"


def test_cancel_while_the_model_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = read_text(A, "a.txt"), read_text(B, "b.txt")
    reading: list[int] = []
    batches: list[int] = []
    score = pair_model.PairModel.score
    run = pair_model.PairModel._run

    def start_reading(self: pair_model.PairModel, *args: object, **kw: object) -> list[float]:
        reading.append(1)
        return score(self, *args, **kw)  # type: ignore[arg-type]

    def one_batch(self: pair_model.PairModel, pairs: list[tuple[str, str]]) -> list[float]:
        batches.append(len(pairs))
        return run(self, pairs)

    monkeypatch.setattr(pair_model.PairModel, "score", start_reading)
    monkeypatch.setattr(pair_model.PairModel, "_run", one_batch)
    with pytest.raises(Cancelled):
        compare(a, b, CompareOptions(use_model=True), should_cancel=lambda: bool(reading))
    assert reading and not batches  # cancelled at the first check inside the model step
