"""Reading .docx, .odt and .pdf: structure, words, and one clear line for every bad file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from core.errors import InputError
from core.model import Document, Role
from core.reading import zip_guard
from core.reading.dispatch import read_path
from core.reading.documents import sniff_document
from core.reading.formats import all_suffixes, dialog_filters, format_for_suffix, help_text
from tests.doc_factory import Article, PdfLayout, write_docx, write_odt, write_pdf

# Written for these tests: long enough for two columns and a second page.
_BODY = [
    "The harbour board of Lindmark voted on Tuesday to close the old ferry terminal, ending "
    "ninety years of crossings to the island of Vessa.",
    "Board chair Petra Hollund said the concrete piers had become unsafe after the winter "
    "storms, and that repairs would cost more than a new terminal.",
    "Ferry passengers will use a temporary pontoon north of the fish market from 1 May, while "
    "engineers study three sites for a permanent replacement.",
    "Shopkeepers near the terminal fear the change will take customers away. Maria Olsen, who "
    "runs a bakery opposite the ticket hall, said half of her trade came from travellers.",
    "The board expects to choose a site by September and to open the new terminal within four "
    "years, financed by a regional infrastructure grant and higher harbour fees.",
]
ARTICLE = Article(
    "Lindmark closes its ferry terminal after ninety years",
    [("body", _BODY[0]), ("heading", "Unsafe piers"), ("body", _BODY[1]), ("body", _BODY[2])]
    + [("item", "Temporary pontoon from 1 May"), ("item", "Three sites under study")]
    + [("body", t) for t in _BODY[3:]] * 12,
)


def content_words(doc: Document) -> list[str]:
    return " ".join(
        p.span.of(doc.text) for p in doc.paragraphs if p.role is not Role.BOILERPLATE
    ).split()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    two = PdfLayout(columns=2, header="Lindmark Courier", footer=True, hyphenate=True, justify=True)
    return {
        "docx": write_docx(ARTICLE, folder / "a.docx", footnote="EDITOR COMMENT XYZZY"),
        "odt": write_odt(ARTICLE, folder / "a.odt", note="FOOTNOTE XYZZY"),
        "pdf": write_pdf(ARTICLE, folder / "a.pdf"),
        "pdf2": write_pdf(ARTICLE, folder / "two.pdf", two),
        "scan": write_pdf(ARTICLE, folder / "scan.pdf", PdfLayout(image_only=True)),
    }


@pytest.mark.parametrize("kind", ["docx", "odt", "pdf", "pdf2"])
def test_documents_give_back_every_word_with_title_and_headings(
    files: dict[str, Path], kind: str
) -> None:
    doc = read_path(files[kind])
    assert doc.title == ARTICLE.title
    assert doc.paragraphs[0].role is Role.TITLE
    words = content_words(doc)
    assert [w.casefold() for w in words] == [w.casefold() for w in ARTICLE.words()]
    headings = [p.span.of(doc.text) for p in doc.paragraphs if p.role is Role.HEADING]
    assert "Unsafe piers" in headings
    assert "XYZZY" not in doc.text  # comments and footnotes stay out


def test_two_column_pdf_marks_headers_and_page_numbers_boilerplate(files: dict[str, Path]) -> None:
    doc = read_path(files["pdf2"])
    boiler = [p.span.of(doc.text) for p in doc.paragraphs if p.role is Role.BOILERPLATE]
    assert "Lindmark Courier" in boiler and "Page 2" in boiler
    # hyphenated line ends were joined: every body paragraph is one of the originals
    bodies = {p.span.of(doc.text) for p in doc.paragraphs if p.role is Role.BODY}
    assert bodies <= {t for _k, t in ARTICLE.paragraphs}


def test_suffix_that_lies_is_read_by_content(files: dict[str, Path], tmp_path: Path) -> None:
    pdf_as_txt = tmp_path / "article.txt"
    pdf_as_txt.write_bytes(files["pdf"].read_bytes())
    assert read_path(pdf_as_txt).title == ARTICLE.title
    docx_as_odt = tmp_path / "article.odt"
    docx_as_odt.write_bytes(files["docx"].read_bytes())
    assert read_path(docx_as_odt).title == ARTICLE.title
    text_as_pdf = tmp_path / "notes.pdf"
    text_as_pdf.write_text("A plain note.\n\nIt was saved with the wrong name.\n", "utf-8")
    assert "wrong name" in read_path(text_as_pdf).text
    assert sniff_document(files["odt"].read_bytes()) == "odt"
    assert sniff_document(b"<html><p>How %PDF-1.7 files begin</p></html>") is None


def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_scanned_pdf_without_text_layer(files: dict[str, Path]) -> None:
    assert "no text layer: scanned image?" in _error(files["scan"])


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    key = "00" * 32
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n"
        b"4 0 obj <</Filter /Standard /V 1 /R 2 /P -4 /O <"
        + key.encode()
        + b"> /U <"
        + ("ab" * 32).encode()
        + b">>> endobj\n"
        b"trailer <</Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<0011><0011>]>>\n%%EOF\n"
    )
    assert "password-protected" in _error(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 20)
    assert "PDF" in _error(path)


def test_corrupt_zip_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x14\x00broken archive" * 30)
    assert "damaged" in _error(path)


def test_zip_bomb_docx_is_refused_before_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zip_guard, "MAX_UNPACKED", 8 * 1024 * 1024)  # the same check, faster
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(9):
                member.write(chunk)
    assert path.stat().st_size < 64 * 1024
    message = _error(path)
    assert "zip bomb" in message and "refused" in message


def test_old_word_doc_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    message = _error(path)
    assert "not supported" in message and ".docx" in message


def test_zip_that_is_no_document(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "hello")
    assert "ZIP archive, not a document" in _error(path)


def test_the_one_suffix_table_feeds_help_and_dialogs() -> None:
    for suffix in (".txt", ".md", ".html", ".docx", ".odt", ".pdf"):
        assert format_for_suffix(suffix.upper()) is not None
        assert suffix in help_text()
        assert f"*{suffix}" in dialog_filters()
    assert dialog_filters().startswith("Articles (") and dialog_filters().endswith("(*)")
    assert len(all_suffixes()) == len(set(all_suffixes()))
