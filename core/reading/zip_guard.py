"""Opening ZIP-based documents (.docx, .odt) without trusting the archive.

Why: a .docx is a ZIP archive, and a small archive can claim gigabytes once unpacked (a zip
bomb). Before any library reads a member, the declared sizes are added up and the archive is
refused past ``MAX_UNPACKED``; Python's zipfile never returns more bytes than a member declares
(and checks its CRC), so the declared sizes bound the memory used. A broken archive is one line
("damaged ... not a valid ZIP archive"), never a traceback.

Imports: standard library, core.errors.
"""

from __future__ import annotations

import io
import zipfile

from core.errors import InputError

# A long article with a few photos is 1-10 MB unpacked; 200 MB is far above any real document
# and far below what would hurt the machine.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000


def open_zip(data: bytes, source: str, what: str) -> zipfile.ZipFile:
    """The archive in ``data``, checked; ``what`` names the format in messages ("Word document")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as e:
        raise InputError(source, f"damaged {what}: not a valid ZIP archive ({e})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(source, f"refused: the {what} holds {len(members)} files")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise InputError(
            source,
            f"refused: the {what} would unpack to {unpacked / 1024 / 1024:.0f} MB "
            f"(the limit is {MAX_UNPACKED // 1024 // 1024} MB; a zip bomb?)",
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, source: str, what: str) -> bytes:
    """One member's bytes; a missing or damaged member is an InputError."""
    try:
        return archive.read(name)
    except KeyError:
        raise InputError(source, f"damaged {what}: {name} is missing") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as e:
        raise InputError(source, f"damaged {what}: cannot unpack {name} ({e})") from None
