"""Atomic report writing: a temporary file in the target's folder, fsync, then ``os.replace``.

A reader of the target sees the old file or the new one, never half a report; on any failure the
temporary file is removed and an existing target is left untouched. Refuses to write over an
input article (same path after resolving, or the same file through a link) and over anything
that is not a regular file (/dev/null, /dev/stdout, a pipe); writes through a symlink to the file
it names instead of replacing the link.

A process killed while writing cannot remove its temporary file, so each write first removes
the leftovers of earlier writes to the same target: regular files named exactly as we name them
(``.<target name>.<8 hex digits>.tmp``) and untouched for ``STALE_TEMP_SECONDS``. A temporary
file lives only while the finished report's bytes are written, so one that old is nobody's.

Imports: standard library and core.errors only.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable
from os import PathLike
from pathlib import Path

from core.errors import ExportError

log = logging.getLogger(__name__)

_TEMP_ATTEMPTS = 20
_TEMP_TOKEN_BYTES = 4
STALE_TEMP_SECONDS = 10 * 60
_SYSTEM_TREES = ("/dev/", "/proc/", "/sys/") if os.name == "posix" else ()


def _problem(error: OSError, folder: Path) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write here (permission denied)"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.ENOENT:
        if folder.is_dir():  # e.g. /proc: the folder is there but takes no new files
            return f"cannot create a file in the folder {str(folder)!r}"
        return f"the folder {str(folder)!r} does not exist"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return error.strerror or str(error)


def _same_file(target: Path, other: Path) -> bool:
    try:
        if target.resolve() == other.resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop: fall through to samefile
        pass
    try:
        return os.path.samefile(target, other)
    except OSError:
        return False


def check_target(path: Path, protect: Iterable[str | PathLike[str]] = ()) -> None:
    """Raise ExportError when ``path`` cannot take a report (an input, a folder, no folder)."""
    for item in protect:
        if _same_file(path, Path(item)):
            raise ExportError(
                str(path), "is one of the compared articles; choose another file name"
            )
    if path.is_dir():
        raise ExportError(str(path), "is a folder, not a file")
    if os.path.abspath(path).startswith(_SYSTEM_TREES):
        # /dev/stdout resolves to whatever fd 1 is (a terminal, the shell's output file); the
        # atomic replace below would swap that file, or as root the /dev entry, for a report.
        raise ExportError(str(path), "is a system device path (print the report with --export -)")
    if path.exists() and not path.is_file():
        # A pipe or device elsewhere: replacing it with a report would break it for everyone.
        raise ExportError(str(path), "is a device or pipe, not a regular file")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise ExportError(str(path), f"{str(parent)!r} is a file, not a folder")
    if not parent.is_dir():
        raise ExportError(str(path), f"the folder {str(parent)!r} does not exist")


def _real_target(path: Path) -> Path:
    """Where the bytes go: through a symlink to the file it names (the link itself stays)."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop: check_target or the open below says what is wrong
        return path


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (a seam tests patch to fail mid-write)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view[: 1 << 20])
        view = view[written:]


def _open_temp(folder: Path, name: str) -> tuple[int, Path]:
    # O_EXCL with a random name: never follows or reuses an existing file. Mode 0o666 so the
    # user's umask decides the permissions, as for any file they create.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        temp = folder / f".{name}.{secrets.token_hex(_TEMP_TOKEN_BYTES)}.tmp"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "cannot create a temporary file", str(folder))


def remove_stale_temps(folder: Path, name: str) -> None:
    """Remove our temporary files for ``name`` left in ``folder`` by a killed write; best effort."""
    ours = re.compile(re.escape(f".{name}.") + f"[0-9a-f]{{{2 * _TEMP_TOKEN_BYTES}}}" + r"\.tmp")
    prefix = f".{name}."
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(prefix) or not ours.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                log.debug("removed stale temporary file %s", entry.path)
        except OSError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (POSIX); best effort."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes(
    path: str | PathLike[str], data: bytes, protect: Iterable[str | PathLike[str]] = ()
) -> None:
    """Write ``data`` to ``path`` atomically, or raise ExportError leaving ``path`` untouched."""
    shown = Path(path)  # errors name the path as the user gave it
    check_target(shown, protect)
    target = _real_target(shown)
    folder = target.parent
    remove_stale_temps(folder, target.name)
    try:
        fd, temp = _open_temp(folder, target.name)
    except OSError as e:
        raise ExportError(str(shown), _problem(e, folder)) from None
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if target.exists():
            with contextlib.suppress(OSError):  # keep the mode of the file being replaced
                os.chmod(temp, target.stat().st_mode & 0o7777)
        os.replace(temp, target)
        _sync_folder(folder)
    except BaseException as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(e, OSError):
            log.debug("writing %s failed", target, exc_info=True)
            raise ExportError(str(shown), _problem(e, folder)) from None
        raise
    log.debug("wrote %s (%d bytes)", target, len(data))
