"""Writing reports: atomic replace, no temp file left, inputs never overwritten, clear errors."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import core.export.writer as writer
from core.errors import ExportError
from core.export import render, write_bytes, write_report
from core.model import Comparison
from tests.core.test_export_helpers import handmade


@pytest.fixture(scope="module")
def made() -> Comparison:
    return handmade()


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_write_report_writes_the_rendered_text(made: Comparison, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    write_report(made, out, fmt)
    assert out.read_text(encoding="utf-8") == render(made, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_replaces_an_existing_report_and_keeps_its_mode(made: Comparison, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("old report")
    out.chmod(0o640)
    write_report(made, out, "md")
    assert out.read_text(encoding="utf-8").startswith("# Article comparison")
    assert out.stat().st_mode & 0o777 == 0o640


def test_failure_mid_write_leaves_the_old_file_and_no_temp(
    made: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.html"
    out.write_text("old report")

    def half_then_fail(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "_write_all", half_then_fail)
    with pytest.raises(ExportError) as e:
        write_report(made, out, "html")
    assert str(e.value) == f"{out}: the disk is full"
    assert out.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_failure_at_rename_leaves_the_old_file_and_no_temp(
    made: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.json"
    out.write_text("old")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_report(made, out, "json")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_an_interrupt_mid_write_also_cleans_up(
    made: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, data: bytes) -> None:
        os.write(fd, data[:10])
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_report(made, tmp_path / "r.md", "md")
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_an_input(
    made: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.txt"
    a.write_text("article A")
    monkeypatch.chdir(tmp_path)
    # Same file by another spelling, through a symlink and through a hard link.
    (tmp_path / "link.txt").symlink_to(a)
    os.link(a, tmp_path / "hard.txt")
    for target in (
        a,
        Path("a.txt"),
        tmp_path / "sub" / ".." / "a.txt",
        tmp_path / "link.txt",
        tmp_path / "hard.txt",
    ):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(ExportError, match="is one of the compared articles"):
            write_report(made, target, "md", protect=(str(a), tmp_path / "b.txt"))
    assert a.read_text() == "article A"
    with pytest.raises(ExportError, match="compared articles"):
        write_bytes(a, b"x", protect=(a,))
    assert a.read_text() == "article A"


@pytest.mark.parametrize(
    ("name", "problem"),
    [("missing/r.md", "does not exist"), (".", "is a folder")],
)
def test_unwritable_targets_are_one_line_errors(
    made: Comparison, tmp_path: Path, name: str, problem: str
) -> None:
    with pytest.raises(ExportError, match=problem) as e:
        write_report(made, tmp_path / name, "md")
    assert "\n" not in str(e.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_named_as_such(
    made: Comparison, tmp_path: Path
) -> None:
    # Regression: /etc/hostname/x.json used to say "the folder '/etc/hostname' does not exist".
    plain = tmp_path / "plain.txt"
    plain.write_text("keep")
    with pytest.raises(ExportError) as e:
        write_report(made, plain / "r.json", "json")
    assert str(e.value) == f"{plain / 'r.json'}: {str(plain)!r} is a file, not a folder"
    assert plain.read_text() == "keep"


def test_a_folder_that_takes_no_files_is_not_called_missing(
    made: Comparison, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Regression: /proc/x.json (ENOENT from open, folder present) said "the folder does not exist".
    def refuse(folder: Path, name: str) -> tuple[int, Path]:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr(writer, "_open_temp", refuse)
    with pytest.raises(ExportError) as e:
        write_report(made, tmp_path / "r.json", "json")
    assert (
        str(e.value)
        == f"{tmp_path / 'r.json'}: cannot create a file in the folder {str(tmp_path)!r}"
    )


@pytest.mark.skipif(os.name != "posix", reason="POSIX device paths and pipes")
def test_devices_and_pipes_are_never_replaced(made: Comparison, tmp_path: Path) -> None:
    # Regression: the atomic replace swapped a pipe, /dev/null or /dev/stdout (as root, the /dev
    # entry itself) for a regular file holding the report.
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="is a device or pipe, not a regular file"):
        write_report(made, pipe, "json")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    for device in ("/dev/null", "/dev/stdout", "/proc/self/fd/1"):
        with pytest.raises(ExportError) as e:
            write_report(made, Path(device), "md")
        assert (
            str(e.value) == f"{device}: is a system device path (print the report with --export -)"
        )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlinked_report_is_written_through_the_link(made: Comparison, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_report(made, link, "json")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8") == render(made, "json")


def test_read_only_folder(made: Comparison, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "r.md").write_text("old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_report(made, folder / "r.md", "md")
        assert (folder / "r.md").read_text() == "old"
    finally:
        folder.chmod(0o700)


def test_unknown_or_pdf_format_is_an_export_error(made: Comparison, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown report format"):
        write_report(made, tmp_path / "r.doc", "doc")
    with pytest.raises(ExportError, match="pdf_export"):
        write_report(made, tmp_path / "r.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def _age(path: Path, seconds: float) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_stale_temp_files_of_a_killed_write_are_removed(made: Comparison, tmp_path: Path) -> None:
    """A killed write leaves its temporary file; the next write to that target removes it."""
    out = tmp_path / "report.json"
    out.write_text("old report")
    stale = tmp_path / ".report.json.1a2b3c4d.tmp"
    stale.write_bytes(b"x" * 1000)
    _age(stale, 3600)
    fresh = tmp_path / ".report.json.0badf00d.tmp"  # another write may be under way
    fresh.write_bytes(b"y")
    kept = [
        ".report.json.notes.tmp",  # look-alikes a user might keep: not our naming
        ".report.json.1A2B3C4D.tmp",
        ".report.json.1a2b3c4d.tmp.bak",
        "report.json.1a2b3c4d.tmp",
        ".other.json.1a2b3c4d.tmp",  # ours, but for another target
    ]
    for name in kept:
        (tmp_path / name).write_text("user data")
        _age(tmp_path / name, 3600)
    (tmp_path / "real").write_text("linked")
    link = tmp_path / ".report.json.99999999.tmp"
    link.symlink_to(tmp_path / "real")
    write_report(made, out, "json")
    assert out.read_text(encoding="utf-8") == render(made, "json")
    names = {p.name for p in tmp_path.iterdir()}
    assert stale.name not in names
    assert names == {out.name, fresh.name, *kept, "real", link.name}


_KILLED_WRITER = """
import os, sys, time
import core.export.writer as writer
from tests.core.test_export_helpers import handmade
from core.export import write_report

def slow(fd, data):
    os.write(fd, data[: len(data) // 2])
    print("writing", flush=True)
    time.sleep(60)

writer._write_all = slow
write_report(handmade(), sys.argv[1], "html")
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_write_killed_midway_leaves_the_target_and_its_leftover_goes_later(
    made: Comparison, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    out.write_text("old report")
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(out)],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "writing\n"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert out.read_text() == "old report"
    (leftover,) = [p for p in tmp_path.iterdir() if p != out]
    assert leftover.name.startswith(".r.html.") and leftover.name.endswith(".tmp")
    write_report(made, out, "html")  # too recent: perhaps another write's, kept
    assert leftover.exists()
    _age(leftover, writer.STALE_TEMP_SECONDS + 60)
    write_report(made, out, "html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
