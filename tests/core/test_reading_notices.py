"""How an input was read, said out loud: damaged UTF-8, wide text without a BOM, surrogates,
parser failures named by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from core.reading.decoding import decode_bytes, normalize_text
from core.reading.dispatch import read_path, read_text

DAMAGED = b"Varg\xc3\xa1 said \xe2\x82\xac18.5 million.\xff"


def test_one_bad_byte_keeps_utf8_and_says_where() -> None:
    notices: list[str] = []
    text = decode_bytes(DAMAGED, "d.txt", notices)
    assert text == "Vargá said €18.5 million.\ufffd"
    assert len(notices) == 1
    assert "byte 28" in notices[0] and "UTF-8" in notices[0]


def test_damage_offsets_are_capped() -> None:
    data = "Mostefaï et Abdeslam. ".encode() * 20
    data = b"\xff".join([data] * 9)
    notices: list[str] = []
    decode_bytes(data, "d.txt", notices)
    assert notices and "and 3 more" in notices[0]
    assert notices[0].count(",") == 4


def test_damaged_file_document_carries_the_notice(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(DAMAGED)
    doc = read_path(path)
    assert "Vargá" in doc.text and "€18.5" in doc.text
    assert len(doc.notices) == 1 and "byte 28" in doc.notices[0]


def test_clean_file_has_no_notices(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes("Vargá said €18.5 million.".encode())
    assert read_path(path).notices == ()


WIDE = [
    "Президент заявил, что переговоры продолжатся в понедельник.\nВторой абзац.",
    "总统表示，谈判将于周一继续。第二段说明了更多细节。",
    "Ο πρόεδρος δήλωσε ότι οι συνομιλίες θα συνεχιστούν τη Δευτέρα.",
    "日本語のテキストです。首相は月曜日に会談すると述べた。",
]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", WIDE, ids=["ru", "zh", "el", "ja"])
def test_wide_text_without_bom_in_any_script(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "w.txt") == text


def test_lone_surrogates_replaced_at_the_entrance() -> None:
    notices: list[str] = []
    assert normalize_text("abc\ud800def", notices) == "abc\ufffddef"
    assert notices and "surrogate" in notices[0]


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "auto"])
def test_pasted_surrogates_read_with_a_notice(fmt: str) -> None:
    page = "<html><body><p>Police said abc\ud800def on Monday.</p></body></html>"
    text = page if fmt == "html" else "abc\ud800def said."
    doc = read_text(text, fmt=fmt)
    assert "\ud800" not in doc.text
    doc.text.encode("utf-8")
    assert any("surrogate" in n for n in doc.notices)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bad.html", b'<a><a><div>><m"><'),
        ("bad.htm", b"<html><body>" + b"<div>" * 3000 + b"x" + b"</div>" * 3000),
    ],
)
def test_parser_failure_names_the_file(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_path(path)
    except InputError as e:
        assert str(e).startswith(f"{path}: ")
        assert "\n" not in str(e)
