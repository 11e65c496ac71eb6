"""The JSON export of every gold pair is exactly what was recorded (time stamp aside).

A refactoring must not change any output; a change on purpose is recorded with
``python benchmarks/golden.py --update`` in the same commit, which says why.
``python benchmarks/golden.py --write DIR`` writes the exports themselves, to diff two checkouts.
"""

from __future__ import annotations

import json

from benchmarks.golden import FINGERPRINTS, changed, fingerprints


def test_every_gold_pair_exports_as_recorded() -> None:
    recorded = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
    now = fingerprints()  # pairs from ../shared are left out when it is absent
    assert len(now) >= 10
    assert changed(recorded, now) == []
