"""Encodings and text normalization: BOMs, strict UTF-8, the cp1252 preference, binary data."""

from __future__ import annotations

import codecs

import pytest

from core.errors import InputError
from core.reading.decoding import decode_bytes, normalize_text

FRENCH = (
    "Le procès de Salah Abdeslam et de Mohamed Abrini s'est ouvert à Paris. "
    "Brahim Abdeslam et Foued Mohamed-Aggad, ainsi que Samy Amimour et Ismaël Omar "
    "Mostefaï, sont morts le soir des attentats. « Nous n'avons rien oublié », a déclaré "
    "une partie civile, très émue, à la sortie de l'audience."
)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_decides(bom: bytes, codec: str) -> None:
    text = "Mostefaï – “quoted” 😀"
    assert decode_bytes(bom + text.encode(codec), "x.txt") == text


def test_utf16_without_bom() -> None:
    assert decode_bytes("Plain words here".encode("utf-16-le"), "x.txt") == "Plain words here"


def test_strict_utf8() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), "x.txt") == FRENCH


def test_cp1252_preferred_over_central_european_guess() -> None:
    data = FRENCH.encode("cp1252")
    text = decode_bytes(data, "x.txt")
    assert "Mostefaï" in text
    assert "Mostefaď" not in text
    assert text == FRENCH


def test_cp1252_smart_quotes() -> None:
    sample = "“Nothing,” he said – and left. " * 5
    assert decode_bytes(sample.encode("cp1252"), "x.txt") == sample


def test_cyrillic_code_page_is_not_forced_to_cp1252() -> None:
    russian = (
        "Президент России Владимир Путин заявил журналистам в Бишкеке, что план может стать "
        "основой для будущих договорённостей. Он добавил, что Москва готова к обсуждению. "
    ) * 3
    text = decode_bytes(russian.encode("cp1251"), "x.txt")
    assert "Путин" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00\x01\x02def" * 10, "binary data at byte 3"),
        (bytes(range(0, 32)) * 20, "binary data at byte 0"),
    ],
)
def test_binary_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode_bytes(data, "b.txt")
    assert str(info.value).startswith("b.txt: ")
    assert "\n" not in str(info.value)


def test_bad_utf16_after_bom() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "b.txt")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # NFC
        ("10\u00a0000\u202fkm\u2007x", "10 000 km x"),
        ("“curly” – dash — ‘kept’", "“curly” – dash — ‘kept’"),
        ("a\x00b\x07c\ufeffd", "abcd"),
        ("p1\u2029p2\u2028l2", "p1\n\np2\nl2"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_short_cp1252_sample_is_not_read_as_an_exotic_code_page() -> None:
    # charset-normalizer alone guesses cp1006 (Urdu) for these bytes.
    assert decode_bytes("Mostefaï".encode("cp1252"), "x.txt") == "Mostefaï"


def test_genuine_cp1250_with_bytes_cp1252_lacks_stays_czech() -> None:
    czech = "Příliš žluťoučký kůň úpěl ďábelské ódy. " * 3
    assert decode_bytes(czech.encode("cp1250"), "x.txt") == czech


def test_utf8_with_one_damaged_byte_stays_utf8() -> None:
    # Regression: one stray byte sent the file to the code-page guess: "Mostefaï" became
    # "MostefaÃ¯" and "café" "cafÃ©" all through the article.
    good = ("Mostefaï said the café opened on Monday. " * 10).encode()
    cut = len("Mostefaï said the café opened on Monday. ".encode())
    text = decode_bytes(good[:cut] + b"\xff" + good[cut:], "a.txt")
    assert "Ã" not in text and text.count("Mostefaï") == 10 and text.count("\ufffd") == 1


@pytest.mark.parametrize("codec", ["cp1252", "gbk", "shift_jis", "euc_kr", "koi8_r"])
def test_legacy_code_pages_are_not_taken_for_damaged_utf8(codec: str) -> None:
    samples = {
        "cp1252": "Le maire a déclaré lundi que la tempête a inondé 340 maisons. ",
        "gbk": "市长说是的。理事会投票通过了该计划。风暴淹没了三百四十所房屋。",
        "shift_jis": "東京で火曜日に地震が発生した。気象庁によると、規模は6.5だった。",
        "euc_kr": "시장은 그렇다고 말했다. 의회가 계획을 승인했다. 폭풍이 집을 침수시켰다.",
        "koi8_r": "Мэр города заявил, что совет одобрил план защиты гавани. ",
    }
    text = samples[codec] * 4
    assert decode_bytes(text.encode(codec), "a.txt").strip() == text.strip()
