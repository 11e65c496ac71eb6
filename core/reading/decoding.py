"""Bytes to normalized text: the one place that decides an input's encoding.

Why a module of its own: every reader (txt, md, html) starts from bytes, and getting the
encoding wrong spoils every name that follows ("Mostefaï" read as "Mostefaď"). The order:
a byte-order mark first, then strict UTF-8 (or UTF-8 with a few damaged bytes,
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
_SURROGATE = re.compile("[\ud800-\udfff]")
# How many damaged places a notice lists by byte offset before it says "and N more".
_LISTED_OFFSETS = 5


def normalize_text(text: str, notices: list[str] | None = None) -> str:
    """The text every span indexes: LF line ends, NFC, plain spaces, no control characters.

    Lone surrogates (pasted from a broken clipboard, or escaped in JSON) cannot be encoded, so
    they become U+FFFD here, at the entrance, with a line in ``notices`` saying so.
    """
    if _SURROGATE.search(text):
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        if notices is not None:
            notices.append(f"{count} lone surrogate character(s) replaced by \ufffd")
    text = _NEWLINES.sub("\n", text)
    if _PARAGRAPH_SEPARATOR in text:
        text = text.replace(_PARAGRAPH_SEPARATOR, "\n\n")
    text = _DROP.sub("", text)
    text = _NBSP.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# Unicode categories that never make up readable text: unassigned, private use, surrogates,
# controls (tab, LF and CR excepted, below) and format characters.
_UNREADABLE = frozenset({"Cn", "Co", "Cs", "Cc", "Cf"})
_WIDE_ENCODINGS = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


def _readable_share(text: str) -> float:
    """The share of characters in ``text`` that can be part of written text."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if c not in "\t\n\r" and unicodedata.category(c) in _UNREADABLE)
    return 1 - bad / len(text)


def _blocks_used(text: str) -> int:
    """How many 256-code-point blocks ``text`` uses: few for real text in any script.

    Read in the wrong byte order, UTF-16 text turns into characters spread over many blocks.
    """
    return len({ord(c) >> 8 for c in text})


def _is_cjk(c: str) -> bool:
    return "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"  # kana, ideographs, Hangul


def _reads_as_prose(text: str) -> bool:
    """True when decoded characters look like writing: spaced words, or CJK with punctuation.

    Binary data decoded as UTF-16 is made of letters too (mostly stray ideographs), but it
    has no spaces and no line ends, and no CJK punctuation.
    """
    if sum(c.isspace() for c in text) * 100 >= len(text):
        return True
    cjk = sum(_is_cjk(c) for c in text)
    punctuation = any("\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uff65" for c in text)
    return punctuation and cjk * 2 >= len(text)


def _wide_text_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 bytes without a byte-order mark, else None.

    Such files hold NUL and other control bytes (ASCII characters, spaces and line ends have a
    zero byte, Cyrillic letters a 0x04 one), which would otherwise make them "binary". Every
    wide encoding that decodes the bytes strictly into readable text is a candidate; the one
    using the fewest Unicode blocks wins, since a wrong byte order scatters the characters.
    """
    if _CONTROL_BYTES.search(data[:65536]) is None:
        return None
    best: tuple[int, str] | None = None
    for encoding in _WIDE_ENCODINGS:
        unit = 4 if "32" in encoding else 2
        if len(data) % unit:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:8192]
        if _readable_share(sample) < 0.95 or not _reads_as_prose(sample):
            continue
        score = _blocks_used(sample)
        if best is None or score < best[0]:
            best = (score, text)
    return None if best is None else best[1]


def _check_magic(data: bytes, source: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                source, f"not text: this is {what}; save the article as .txt, .md or .html"
            )


def _check_binary(data: bytes, source: str) -> None:
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
            # cp1252 wins over Central-European guesses, and the same for any other
            # guess when the cp1252 reading is plainly Western text (short samples get
            # guesses like cp1006).
            if encoding in _CENTRAL_EUROPEAN or _reads_as_western(text):
                log.debug("%s: read as cp1252 rather than the guessed %s", source, encoding)
                return text
    if best is None:
        raise InputError(source, "cannot tell the text encoding (not UTF-8, no known code page)")
    log.debug("%s: encoding guessed as %s", source, encoding)
    return str(best)


def _damage_offsets(data: bytes, limit: int) -> list[int]:
    """Byte offsets of the first ``limit`` invalid UTF-8 sequences in ``data``."""
    offsets: list[int] = []
    view = memoryview(data)
    pos = 0
    while len(offsets) < limit:
        try:
            codecs.utf_8_decode(view[pos:], "strict", True)
        except UnicodeDecodeError as e:
            offsets.append(pos + e.start)
            pos += e.end
        else:
            break
    return offsets


def _mostly_utf8(data: bytes, notices: list[str]) -> str | None:
    """UTF-8 with a few damaged bytes (a stray byte from a cut or a concatenation), read as
    UTF-8 with U+FFFD for the damage; None when the bytes do not look like UTF-8 at all.

    Without this, one bad byte sent the whole file to the code-page guess, and every accented
    name came out as mojibake ("Mostefaï" as "MostefaÃ¯"). A legacy code page (cp1252, a CJK
    double-byte one) rarely forms even one valid multi-byte UTF-8 sequence, so as many valid
    multi-byte characters as damaged places tells them apart. The damage is reported in
    ``notices`` by byte offset, because the reader goes on as if nothing happened.
    """
    text = data.decode("utf-8", "replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    if not damaged or valid < max(1, damaged):
        return None
    offsets = _damage_offsets(data, _LISTED_OFFSETS)
    where = ", ".join(str(o) for o in offsets)
    if damaged > len(offsets):
        where += f" and {damaged - len(offsets)} more"
    notices.append(
        f"read as UTF-8 with {damaged} invalid byte sequence(s) replaced by \ufffd "
        f"(at byte {where})"
    )
    return text


def decode_bytes(data: bytes, source: str, notices: list[str] | None = None) -> str:
    """Decode a file's bytes (BOM, then strict UTF-8, then a guess) and normalize the text.

    Warnings about how the bytes were read (damage replaced) go to ``notices`` when given.
    Raises InputError for binary data and for bytes no encoding explains.
    """
    if notices is None:
        notices = []
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
            return normalize_text(text, notices)
    _check_magic(data, source)
    wide = _wide_text_without_bom(data)
    if wide is not None:
        return normalize_text(wide, notices)
    _check_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _mostly_utf8(data, notices) or _guess(data, source)
    return normalize_text(text, notices)
