"""core must import and work with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

_SCRIPT = r"""
import sys, importlib.abc, pkgutil, importlib

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "gui"):
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, Block())
import core
for mod in pkgutil.walk_packages(core.__path__, "core."):
    importlib.import_module(mod.name)
from core.bundled import example_pair
from core.reading.dispatch import read_path
from core.compare import compare
a, b = example_pair()
c = compare(read_path(a), read_path(b))
assert c.links, "the bundled pair must produce links"
print("ok", len(c.links))
"""


def test_core_imports_and_compares_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    assert not any(m in result.stdout for m in ("PySide6", "shiboken6"))
