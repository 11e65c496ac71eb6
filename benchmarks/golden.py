"""The JSON export of every gold pair, as fingerprints: proof that a refactoring changed no output.

The pairs: every sentence-link gold file (tests/data/gold/align, the bundled example included),
the news pairs in ../shared/data/news-pairs, and the hand-written pairs in tests/data/pairs. Each
pair is compared with the default options and exported as JSON with its time stamp removed; the
SHA-256 of that text is its fingerprint. tests/golden/outputs.json holds the fingerprints and
``tests/golden/test_golden_outputs.py`` checks them. Fingerprints rather than the exports
themselves: most pairs are other people's text, which the repository does not copy.

Usage:
  python benchmarks/golden.py --check        # which pairs changed (exit 1 if any)
  python benchmarks/golden.py --update       # a change on purpose: record the new fingerprints
  python benchmarks/golden.py --write DIR    # the exports themselves, to diff two checkouts
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FINGERPRINTS = ROOT / "tests" / "golden" / "outputs.json"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.compare import compare  # noqa: E402
from core.export.json_report import render_json  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402


def _label(path: Path) -> str:
    """A path as written in the fingerprint file: ``shared:`` for ../shared, else repo-relative."""
    path = path.resolve()
    if path.is_relative_to(SHARED.resolve()):
        return "shared:" + path.relative_to(SHARED.resolve()).as_posix()
    return path.relative_to(ROOT).as_posix()


def _path(label: str) -> Path:
    if label.startswith("shared:"):
        return SHARED / label.removeprefix("shared:")
    return ROOT / label


def gold_pairs() -> Iterator[tuple[Path, Path]]:
    """Each pair once, in a fixed order; pairs under a missing ../shared are left out."""
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[Path, Path]] = []
    for gold in sorted((ROOT / "tests" / "data" / "gold" / "align").glob("*.json")):
        spec = json.loads(gold.read_text(encoding="utf-8"))
        candidates.append((_path(spec["a"]), _path(spec["b"])))
    for folder in sorted((SHARED / "data" / "news-pairs").glob("*/")):
        candidates.append((folder / "a.txt", folder / "b.txt"))
    for a in sorted((ROOT / "tests" / "data" / "pairs").rglob("*a.txt")):
        b = a.with_name(a.name[:-5] + "b.txt")
        if b.exists():
            candidates.append((a, b))
    for a, b in candidates:
        if not (a.exists() and b.exists()):
            continue
        key = (_label(a), _label(b))
        if key not in seen:
            seen.add(key)
            yield a, b


def export(a: Path, b: Path) -> str:
    """The JSON report of the pair with the default options, without its time stamp and with
    the checkout's own location left out of the paths."""
    text = render_json(compare(read_path(a), read_path(b)))
    # the articles' sources are their paths: written relative, so every checkout agrees
    for prefix, short in ((SHARED.resolve(), "shared:"), (SHARED, "shared:"), (ROOT, "")):
        text = text.replace(json.dumps(str(prefix) + "/")[1:-1], short)
    return "".join(
        line for line in text.splitlines(keepends=True) if not line.startswith('  "created": ')
    )


def fingerprints() -> dict[str, str]:
    return {
        f"{_label(a)} | {_label(b)}": hashlib.sha256(export(a, b).encode("utf-8")).hexdigest()
        for a, b in gold_pairs()
    }


def changed(recorded: dict[str, str], now: dict[str, str]) -> list[str]:
    """Pairs whose export differs from the recorded one (pairs not recorded count as changed)."""
    return [name for name, digest in now.items() if recorded.get(name) != digest]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--check", action="store_true")
    group.add_argument("--update", action="store_true")
    group.add_argument("--write", type=Path, metavar="DIR")
    args = p.parse_args(argv)
    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for a, b in gold_pairs():
            name = f"{_label(a)}__{_label(b)}".replace("/", "_").replace(":", "_")
            (args.write / f"{name}.json").write_text(export(a, b), encoding="utf-8")
        return 0
    now = fingerprints()
    if args.update:
        recorded = json.loads(FINGERPRINTS.read_text()) if FINGERPRINTS.exists() else {}
        recorded.update(now)
        FINGERPRINTS.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
        print(f"{len(now)} fingerprints recorded in {FINGERPRINTS.relative_to(ROOT)}")
        return 0
    recorded = json.loads(FINGERPRINTS.read_text())
    diff = changed(recorded, now)
    for name in diff:
        print("changed:", name)
    print(f"{len(now) - len(diff)} of {len(now)} pairs unchanged")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
