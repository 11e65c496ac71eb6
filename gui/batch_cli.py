"""``article-comparer batch MANIFEST --out results.jsonl``: many comparisons, no window.

Reads the manifest (``core.batch.manifest``), skips the items the output already holds (so a
stopped run resumes where it was), runs the rest on local worker processes (``--jobs``) or on a
Dask cluster (``--dask ADDRESS``) and appends one JSON line per item as it finishes. A progress
line with rate and time left goes to stderr. Never loads Qt. Exit status: 0 when every item
succeeded, 1 when some failed or the run could not start, 2 on a usage error, 130 on Ctrl+C
(everything finished so far is in the output).

Imports: standard library, core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from core.errors import ArticleComparerError

_QUIET_INTERVAL = 10.0  # seconds between progress lines when stderr is not a terminal
_TTY_INTERVAL = 0.2


def _parser() -> argparse.ArgumentParser:
    from core.parallel import cores

    p = argparse.ArgumentParser(
        prog="article-comparer batch",
        description="Compare many pairs or clusters (3 to 8) of articles listed in a manifest "
        "(CSV: one item a row, one file a cell, optional header with an 'id' column; JSONL: "
        '{"id": ..., "files": [...]} a line). Writes one JSON line per item.',
    )
    p.add_argument("manifest", help="the manifest (.csv or .jsonl)")
    p.add_argument("--out", required=True, metavar="JSONL", help="results file (appended)")
    p.add_argument("--full", action="store_true", help="put the whole JSON report in each line")
    p.add_argument(
        "--jobs",
        type=int,
        default=cores(),
        metavar="N",
        help=f"local worker processes (default: the cores, here {cores()})",
    )
    p.add_argument(
        "--dask", metavar="ADDRESS", help="run on the Dask scheduler at ADDRESS (tcp://host:8786)"
    )
    p.add_argument(
        "--dask-timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="how long to try to reach the scheduler (default 20)",
    )
    p.add_argument(
        "--retry-failed", action="store_true", help="run again the items that failed before"
    )
    p.add_argument("--quiet", action="store_true", help="no progress line")
    return p


class _Reporter:
    """Prints the progress line: rewritten in place on a terminal, now and then otherwise."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet
        self._tty = stream.isatty()
        self._last = 0.0

    def show(self, line: str, final: bool = False) -> None:
        if self._quiet:
            return
        now = time.monotonic()
        if not final and now - self._last < (_TTY_INTERVAL if self._tty else _QUIET_INTERVAL):
            return
        self._last = now
        if self._tty:
            self._stream.write("\r\x1b[K" + line + ("\n" if final else ""))
        else:
            self._stream.write(line + "\n")
        self._stream.flush()


def run_batch(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.print_usage(sys.stderr)
        print("article-comparer batch: error: --jobs needs 1 or more", file=sys.stderr)
        return 2
    from core.batch.manifest import read_manifest
    from core.batch.progress import Progress
    from core.batch.results import ResultWriter, finished

    try:
        manifest, out = Path(args.manifest), Path(args.out)
        items = read_manifest(manifest)
        done = finished(out)
        todo = [
            item
            for item in items
            if item.id not in done or (args.retry_failed and not done[item.id])
        ]
        reporter = _Reporter(sys.stderr, args.quiet)
        skipped = len(items) - len(todo)
        if skipped and not args.quiet:
            print(f"{out}: {skipped} of {len(items)} items already done, skipped", file=sys.stderr)
        progress = Progress(len(todo))
        with ResultWriter(out, protect=(manifest,)) as writer:
            if args.dask:
                from core.batch.cluster import run_dask

                results = run_dask(todo, args.dask, args.full, args.dask_timeout)
            else:
                from core.batch.local import run_local

                results = run_local(todo, args.full, args.jobs)
            try:
                for result in results:
                    writer.write(result)
                    progress.add(bool(result.get("ok")))
                    reporter.show(progress.line())
            finally:
                close = getattr(results, "close", None)
                if close is not None:
                    close()
        if todo:
            reporter.show(progress.line(), final=True)
    except KeyboardInterrupt:
        print(f"\narticle-comparer batch: stopped; finished items are in {args.out}",
              file=sys.stderr)  # fmt: skip
        return 130
    except ArticleComparerError as e:
        print(str(e), file=sys.stderr)
        return 1
    if progress.failed:
        print(f"{progress.failed} of {progress.total} items failed (see {out})", file=sys.stderr)
        return 1
    return 0
