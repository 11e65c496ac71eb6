"""Long fuzzing run of the file and paste readers (not collected by pytest: no test_ prefix).

    python tests/fuzz/fuzz_readers.py --examples 5000 --seed 1

Same property as tests/core/test_fuzz_readers.py, many more examples; a failure prints the
smallest input hypothesis finds and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.fuzz.check import check_file, check_pasted
from tests.fuzz.strategies import SUFFIXES, file_bytes, pasted_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same run)")
    args = parser.parse_args(argv)
    run = settings(
        max_examples=args.examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )

    @seed(args.seed)
    @run
    @given(data=file_bytes, suffix=st.sampled_from(SUFFIXES))
    def files(data: bytes, suffix: str) -> None:
        check_file(data, suffix)

    @seed(args.seed)
    @run
    @given(text=pasted_text, fmt=st.sampled_from(["txt", "md", "html", "auto"]))
    def pasted(text: str, fmt: str) -> None:
        check_pasted(text, fmt)

    failed = False
    for name, prop in (("files", files), ("pasted", pasted)):
        try:
            prop()
        except Exception as e:  # report and go on to the next property
            print(f"{name}: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
            failed = True
        else:
            print(f"{name}: {args.examples} examples passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
