"""The ``article-comparer`` command: window, headless export, or screenshot.

Headless export of json/md/html never loads Qt; only the window, ``--screenshot`` and PDF do.
``--screenshot`` and PDF use Qt's offscreen platform unless ``QT_QPA_PLATFORM`` says otherwise,
so neither needs a display; the window without a display is a one-line error.
Expected failures print one line on stderr and exit 1 (input) or 2 (usage); never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from core.bundled import example_pair
from core.errors import ArticleComparerError, ExportError, InputError
from core.export.formats import FORMAT_KEYS, format_of
from core.fetch import check_url, is_url
from core.model import Document
from core.reading.formats import help_text

log = logging.getLogger(__name__)


class UsageError(Exception):
    """Bad command-line words: exit 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="article-comparer",
        description="Compare two articles about the same event. With no files, opens the bundled "
        "example pair.",
        epilog="Many pairs or clusters from a manifest, no window: article-comparer batch --help",
    )
    kinds = f"a file ({help_text()}) or an http(s) URL"
    p.add_argument(
        "a", nargs="?", help=f"first article: {kinds}; or a review session (.acmp) alone"
    )
    p.add_argument("b", nargs="?", help=f"second article: {kinds}")
    p.add_argument(
        "more", nargs="*", metavar="C", help="more articles (up to 8 in all): the N-way view"
    )
    p.add_argument(
        "--export", metavar="OUT", help="write a report and exit, no window; - for stdout"
    )
    p.add_argument(
        "--format", choices=FORMAT_KEYS, help="report format (default: from OUT's suffix)"
    )
    p.add_argument(
        "--screenshot", metavar="PNG", help="render the window offscreen to PNG and exit"
    )
    p.add_argument("--debug", action="store_true", help="log details and show tracebacks")
    return p


Input = str | Path  # a URL stays a string: Path() would fold its '//'


def _inputs(args: argparse.Namespace) -> tuple[Input, Input]:
    if args.a is None and args.b is None:
        return example_pair()
    if args.a is None or args.b is None:
        raise UsageError("give two articles (A and B), or none for the bundled example")
    return _input(args.a), _input(args.b)


def _input(name: str) -> Input:
    return check_url(name) if is_url(name) else Path(name)


def _files(inputs: tuple[Input, Input]) -> tuple[Path, ...]:
    """The inputs that are files: a report or screenshot must never overwrite them."""
    return tuple(i for i in inputs if isinstance(i, Path))


def _export_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.export == "-":
        raise UsageError("--export - needs --format (json, md or html)")
    fmt = format_of(args.export)
    if fmt is None:
        raise UsageError(f"cannot tell the report format from {args.export!r}: use --format")
    return fmt


def _write_stdout(text: str) -> None:
    """The report on stdout as UTF-8 whatever the locale; a closed pipe (``| head``) is fine."""
    data = text.encode("utf-8", "replace")
    try:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream (e.g. captured in tests)
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
    except BrokenPipeError:
        # Python would complain again when flushing at exit: point stdout at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _session_path(args: argparse.Namespace) -> Path | None:
    """The session file given instead of two articles, if any."""
    if args.a is not None and args.b is None and args.a.lower().endswith(".acmp"):
        return Path(args.a)
    return None


def _run_session_export(args: argparse.Namespace, path: Path) -> int:
    """Export a session's comparison with its hand edits; notes about it go to stderr."""
    from core.compare import compare
    from core.session import load_session, options_of, place_edits, read_sources

    fmt = _export_format(args)
    if args.export == "-" and fmt == "pdf":
        raise UsageError("a PDF cannot be written to stdout: give a file name")
    session = load_session(path)
    doc_a, doc_b = read_sources(session)
    say_notices((doc_a, doc_b))
    from core.export import check_target, render, write_report

    protect = [s.path for s in session.sources if s.path is not None] + [path]
    if args.export != "-":
        check_target(Path(args.export), protect)
    placed = place_edits(session, compare(doc_a, doc_b, options_of(session)))
    for side in placed.changed:
        name = session.sources[0 if side == "a" else 1].name
        print(
            f"{path}: {side.upper()} ({name}) changed since the session was saved", file=sys.stderr
        )
    for line in placed.unplaced:
        print(f"{path}: edit not placed: {line}", file=sys.stderr)
    comparison = placed.comparison
    if args.export == "-":
        _write_stdout(render(comparison, fmt))
    elif fmt == "pdf":
        try:
            from gui.pdf_export import write_pdf
        except ImportError as e:
            raise ExportError(args.export, f"PDF export needs Qt (PySide6): {e}") from None
        write_pdf(comparison, Path(args.export), protect=protect)
    else:
        write_report(comparison, Path(args.export), fmt, protect=protect)
    return 0


def say_notices(docs: Sequence[Document]) -> None:
    """One stderr line per reading notice, named by file: the run goes on and exits 0."""
    for doc in docs:
        for notice in doc.notices:
            print(f"{doc.source}: {notice}", file=sys.stderr)


def _run_export(args: argparse.Namespace) -> int:
    from core.compare import compare
    from core.inputs import read_input

    fmt = _export_format(args)
    if args.export == "-" and fmt == "pdf":
        raise UsageError("a PDF cannot be written to stdout: give a file name")
    path_a, path_b = _inputs(args)
    protect = _files((path_a, path_b))
    doc_a, doc_b = read_input(path_a), read_input(path_b)
    say_notices((doc_a, doc_b))
    from core.export import check_target, render, write_report  # after reading: input errors first

    if args.export != "-":  # a bad target is reported before the work of comparing
        check_target(Path(args.export), protect)
    comparison = compare(doc_a, doc_b)

    if args.export == "-":
        _write_stdout(render(comparison, fmt))
    elif fmt == "pdf":
        try:
            from gui.pdf_export import write_pdf
        except ImportError as e:  # Qt missing or broken: say so in one line
            raise ExportError(args.export, f"PDF export needs Qt (PySide6): {e}") from None
        write_pdf(comparison, Path(args.export), protect=protect)
    else:
        write_report(comparison, Path(args.export), fmt, protect=protect)
    return 0


def _many_inputs(args: argparse.Namespace) -> list[Input]:
    from core.nway import MAX_DOCUMENTS

    names = [args.a, args.b, *args.more]
    if len(names) > MAX_DOCUMENTS:
        raise UsageError(f"give at most {MAX_DOCUMENTS} articles ({len(names)} given)")
    if len(set(names)) != len(names):
        raise UsageError("an article is given twice")
    return [_input(n) for n in names]


def _run_many(args: argparse.Namespace) -> int:
    """3 to 8 articles: the N-way window, its screenshot, or its report (json, md, html)."""
    inputs = _many_inputs(args)
    paths = [i for i in inputs if isinstance(i, Path)]
    if args.export is None:
        if len(paths) < len(inputs):
            raise UsageError(
                "the window opens several articles from files; web addresses go with --export"
            )
        if args.format:
            raise UsageError("--format goes with --export")
        _choose_platform(screenshot=args.screenshot is not None)
        from gui.nway_app import run_nway_app

        screenshot = Path(args.screenshot) if args.screenshot is not None else None
        return run_nway_app(paths, screenshot=screenshot)
    fmt = _export_format(args)
    if fmt == "pdf":
        raise UsageError("reports of several articles are json, md or html")
    from core.inputs import read_input
    from core.nway import compare_many
    from core.parallel import cores

    docs = [read_input(i) for i in inputs]
    say_notices(docs)
    from core.export.nway_report import render_nway, write_nway_report

    if args.export != "-":
        from core.export import check_target

        check_target(Path(args.export), paths)
    nway = compare_many(docs, jobs=cores())
    if args.export == "-":
        _write_stdout(render_nway(nway, fmt))
    else:
        write_nway_report(nway, Path(args.export), fmt, protect=paths)
    return 0


def _choose_platform(screenshot: bool) -> None:
    """A screenshot needs no screen: render it offscreen unless told otherwise. A window needs
    one: without a display Qt aborts with five lines about plugins, so say it in one."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise ArticleComparerError(
            "article-comparer: no display to open a window on (DISPLAY is not set); "
            "use --export OUT or --screenshot PNG"
        )


def _subcommand(argv: list[str]) -> int | None:
    """``article-comparer batch …`` runs its own command (gui.batch_cli); None for the rest."""
    if argv and argv[0] == "batch":
        from gui.batch_cli import run_batch

        return run_batch(argv[1:])
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sub = _subcommand(argv)
    if sub is not None:
        return sub
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING, format="%(name)s: %(message)s"
    )
    if not args.debug:  # its "discarding data"/"empty HTML tree" lines would wrap our messages
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        # "is not None": an empty name ("--export ''") must not fall through to the window
        if args.export == "" or args.screenshot == "":
            raise UsageError("--export and --screenshot need a file name")
        if args.export is not None and args.screenshot is not None:
            raise UsageError("--export and --screenshot cannot be combined")
        if args.more:
            return _run_many(args)
        session = _session_path(args)
        if args.export is not None:
            if session is not None:
                return _run_session_export(args, session)
            return _run_export(args)
        if args.format:
            raise UsageError("--format goes with --export")
        if session is not None:
            from core.session import load_session

            load_session(session)  # a bad file is one line here, before any window
        paths = _inputs(args) if session is None else example_pair()
        _choose_platform(screenshot=args.screenshot is not None)
        from gui.app import run_app

        screenshot = Path(args.screenshot) if args.screenshot is not None else None
        return run_app(paths, screenshot=screenshot, session=session)
    except UsageError as e:
        parser.print_usage(sys.stderr)
        print(f"article-comparer: error: {e}", file=sys.stderr)
        return 2
    except InputError as e:
        print(str(e), file=sys.stderr)
        return 1
    except ArticleComparerError as e:
        print(str(e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the last line of defence: one line, never a traceback
        if args.debug:
            raise
        log.debug("unexpected error", exc_info=True)
        print(f"article-comparer: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
