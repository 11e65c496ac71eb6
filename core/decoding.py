"""Bytes to normalized text: the one place that decides an input's encoding.

Why a module of its own: every reader (txt, md, html) starts from bytes, and getting the
encoding wrong spoils every name that follows ("Mostefaï" read as "Mostefaď"). The order is
fixed by issue 3: a byte-order mark first, then strict UTF-8 (or UTF-8 with a few damaged bytes,
replaced), then charset-normalizer, with
cp1252 preferred over a Central-European single-byte guess whenever the bytes decode cleanly as
cp1252 (charset-normalizer tends to pick cp1250 for short French or German text).

``normalize_text`` is applied to every text, pasted or read, before any span is taken, so
spans always index the normalized text: CRLF/CR become LF, Unicode NFC, non-breaking spaces
become plain spaces, stray control characters go. Curly quotes and dashes stay as written.

Imports: standard library, charset-normalizer, core.errors.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from core.errors import InputError

log = logging.getLogger(__name__)

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of formats people try to open by mistake: a named message beats "binary data".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)

# Single-byte code pages charset-normalizer picks for Western text that is really cp1252.
_CENTRAL_EUROPEAN = frozenset(
    {
        "cp1250",
        "iso8859-2",
        "iso8859-4",
        "iso8859-13",
        "iso8859-16",
        "cp1257",
        "mac-latin2",
        "cp852",
        "latin-1",
        "iso8859-1",
        "iso8859-15",
        "iso8859-3",
        "iso8859-10",
        "iso8859-14",
    }
)

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸƒ"
    "“”‘’‚„–—…€«»‹›°£¥©®§¶·×÷¡¿ªº±²³¹¼½¾µ¢¤¦¨¯´¸•†‡‰ˆ˜™ "
)

# C0 controls other than tab/newline/CR/FF/VT, DEL: a few of these in "text" means binary.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

# Line separators that are not LF: CRLF, CR, NEL, LS, VT, FF, file/group/record separators.
_NEWLINES = re.compile("\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028]")
_PARAGRAPH_SEPARATOR = "\u2029"
# Spaces that must not break (NBSP, figure space, narrow NBSP) read as plain spaces.
_NBSP = re.compile("[\u00a0\u2007\u202f]")
# Control characters that carry nothing readable (tab and newline are kept), and stray BOMs.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")


def normalize_text(text: str) -> str:
    """The text every span indexes: LF line ends, NFC, plain spaces, no control characters."""
    text = _NEWLINES.sub("\n", text)
    if _PARAGRAPH_SEPARATOR in text:
        text = text.replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _DROP.sub("", text)
    text = _NBSP.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (ASCII-range UTF-16), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _check_binary(data: bytes, source: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                source, f"not text: this is {what}; save the article as .txt, .md or .html"
            )
    first = _CONTROL_BYTES.search(data)
    if first is None:
        return
    # A NUL anywhere, or more than 1 control byte in 1000, is not a text file.
    count = len(_CONTROL_BYTES.findall(data[:65536]))
    if b"\x00" in data or count > max(2, len(data[:65536]) // 1000):
        raise InputError(source, f"not text (binary data at byte {first.start()})")


def _reads_as_western(text: str) -> bool:
    """True when a cp1252 reading looks like Western European text, not mojibake.

    Western text has a few accented letters among many ASCII ones; a Cyrillic or Greek code
    page read as cp1252 is almost all accented letters, and CJK double-byte text shows symbols.
    """
    foreign = _NON_ASCII.findall(text)
    if not foreign:
        return True
    if any(c not in _WESTERN for c in foreign):
        return False
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    return len(foreign) * 4 <= ascii_letters


def _guess(data: bytes, source: str) -> str:
    """Decode non-UTF-8 bytes with charset-normalizer, preferring cp1252 (see module doc)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = codecs.lookup(best.encoding).name if best is not None else ""
    if encoding != "cp1252":
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            # The rule of issue 3 for Central-European guesses, and the same for any other
            # guess when the cp1252 reading is plainly Western text (short samples get
            # guesses like cp1006).
            if encoding in _CENTRAL_EUROPEAN or _reads_as_western(text):
                log.debug("%s: read as cp1252 rather than the guessed %s", source, encoding)
                return text
    if best is None:
        raise InputError(source, "cannot tell the text encoding (not UTF-8, no known code page)")
    log.debug("%s: encoding guessed as %s", source, encoding)
    return str(best)


def _mostly_utf8(data: bytes, source: str) -> str | None:
    """UTF-8 with a few damaged bytes (a stray byte from a cut or a concatenation), read as
    UTF-8 with U+FFFD for the damage; None when the bytes do not look like UTF-8 at all.

    Without this, one bad byte sent the whole file to the code-page guess, and every accented
    name came out as mojibake ("Mostefaï" as "MostefaÃ¯"). A legacy code page (cp1252, a CJK
    double-byte one) rarely forms valid multi-byte UTF-8, so ten valid characters for every
    damaged one tells them apart.
    """
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    if damaged and valid >= 10 * damaged:
        log.warning("%s: %d damaged UTF-8 byte(s) shown as \ufffd", source, damaged)
        return text
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a file's bytes (BOM, then strict UTF-8, then a guess) and normalize the text.

    Raises InputError for binary data and for bytes no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(
                    source,
                    f"invalid {encoding.upper()} at byte {e.start + len(bom)} after its "
                    "byte-order mark",
                ) from None
            return normalize_text(text)
    utf16 = _looks_utf16_without_bom(data)
    if utf16 is not None:
        try:
            return normalize_text(data.decode(utf16))
        except UnicodeDecodeError:
            pass
    _check_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data, source) or _guess(data, source)
    return normalize_text(text)
