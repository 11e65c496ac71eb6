"""The pair-model step after alignment, with a stand-in scorer (no model file needed): which
pairs it reads, which it links, the cap, and that unrelated articles are left alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from core.compare import compare
from core.errors import Cancelled
from core.model import LinkKind
from core.model_links import candidates, model_links, model_note
from core.options import CompareOptions
from core.reader import read_text

A = (
    "The council approved the new flood wall on Tuesday after a long debate.\n\n"
    "Its products are geared primarily towards high-volume web transaction workloads.\n\n"
    "Tourists still crowded the beach promenade on Sunday."
)
B = (
    "On Tuesday the council approved a new flood wall after a long debate.\n\n"
    "Such products are popular among companies that run huge consumer web sites.\n\n"
    "Fishermen say the harbour needs dredging."
)


class Stub:
    """Scores pairs from a table of (a words, b words) -> probability; counts what it read."""

    def __init__(self, table: dict[tuple[str, str], float]) -> None:
        self.table = table
        self.read: list[tuple[str, str]] = []

    def score(
        self, pairs: Sequence[tuple[str, str]], tick: Callable[[], None] | None = None
    ) -> list[float]:
        out = []
        for a, b in pairs:
            if tick is not None:
                tick()
            self.read.append((a, b))
            out.append(max((p for (x, y), p in self.table.items() if x in a and y in b), default=0))
        return out


def _docs() -> tuple:
    return read_text(A, "a.txt"), read_text(B, "b.txt")


def test_unique_sentences_get_candidates_and_a_sure_pair_links() -> None:
    a, b = _docs()
    lexical = compare(a, b, CompareOptions(use_model=False)).links
    assert [(x.a, x.b) for x in lexical] == [((0,), (0,))]
    found = candidates(a, b, lexical, 3, lambda: None)
    assert (1, 1) in {(i, j) for _, i, j in found}  # "products" and "web" are shared
    stub = Stub({("geared", "popular"): 0.9, ("Tourists", "Fishermen"): 0.2})
    added = model_links(stub, a, b, lexical, CompareOptions(), lambda: None)
    assert [(x.a, x.b, x.kind) for x in added.links] == [((1,), (1,), LinkKind.MODEL)]
    assert added.links[0].similarity == 0.9 and not added.capped
    assert str(LinkKind.MODEL) == "paraphrase (model)"


def test_below_threshold_nothing_links_and_the_cap_is_reported() -> None:
    a, b = _docs()
    lexical = compare(a, b, CompareOptions(use_model=False)).links
    stub = Stub({("geared", "popular"): 0.4})
    assert not model_links(stub, a, b, lexical, CompareOptions(), lambda: None).links
    capped = model_links(stub, a, b, lexical, CompareOptions(model_max_pairs=0), lambda: None)
    assert capped.capped and capped.pairs_read == 0 and not capped.links
    assert "cap" in model_note(0, True) and model_note(0, False) == ""
    assert model_note(2, False) == "2 links found by the pair model"


def test_articles_without_a_lexical_link_are_not_read() -> None:
    a = read_text("Volcano erupts on the island. Ash covers the town.", "a.txt")
    b = read_text("The central bank raised rates. Markets fell sharply.", "b.txt")
    stub = Stub({("", ""): 1.0})
    assert model_links(stub, a, b, (), CompareOptions(), lambda: None).links == ()
    assert stub.read == []


def test_cancel_between_batches_stops_the_model_step() -> None:
    a, b = _docs()
    lexical = compare(a, b, CompareOptions(use_model=False)).links

    def cancel() -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        model_links(Stub({}), a, b, lexical, CompareOptions(), cancel)
