"""Reading web pages by URL against a real local HTTP server (127.0.0.1 only, never the network)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import Cancelled, InputError
from core.fetch import USER_AGENT, FetchOptions, check_url, decode_page, fetch, is_url, read_url
from core.model import Role
from core.reading.dispatch import read_path
from tests import web_server
from tests.doc_factory import Article, write_pdf
from tests.web_server import DATA, FIRST_PAGE, LocalServer


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    s = LocalServer()
    yield s
    s.close()


def _error(url: str, options: FetchOptions | None = None) -> str:
    with pytest.raises(InputError) as info:
        read_url(url, options)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_saved_page_reads_as_the_file_does(server: LocalServer) -> None:
    url = server.url(f"/page/{FIRST_PAGE}")
    doc = read_url(url)
    from_file = read_path(DATA / f"{FIRST_PAGE}.html")
    assert doc.text == from_file.text and doc.title == from_file.title
    assert doc.source == url
    assert doc.fetched_at is not None and doc.fetched_at.endswith("Z")


def test_redirects_are_followed_and_the_final_url_kept(server: LocalServer) -> None:
    doc = read_url(server.url("/redirect/4"))
    assert doc.source == server.url(f"/page/{FIRST_PAGE}")
    assert "too many redirects" in _error(server.url("/redirect/7"))
    message = _error(server.url("/loop"))
    assert message.startswith(server.url("/loop")) and "redirect loop" in message


@pytest.mark.parametrize("code", [404, 500])
def test_http_errors_name_the_status(server: LocalServer, code: int) -> None:
    message = _error(server.url(f"/status/{code}"))
    assert message.startswith(server.url(f"/status/{code}")) and f"HTTP {code}" in message


def test_slow_response_times_out(server: LocalServer) -> None:
    options = FetchOptions(total_timeout=0.5)
    assert 2 * options.total_timeout < web_server.SLOW_SECONDS
    assert "timed out" in _error(server.url("/slow"), options)


def test_charset_from_header_meta_or_bytes(server: LocalServer) -> None:
    for path in ("/wrong-charset", "/cp1252", "/meta-cp1252"):
        doc = read_url(server.url(path))
        assert "Zoé Mostefaï" in doc.text and "débris" in doc.text, path


def test_gzip_and_canonical(server: LocalServer) -> None:
    doc = read_url(server.url("/gzip"))
    assert doc.text == read_path(DATA / f"{FIRST_PAGE}.html").text
    assert read_url(server.url("/canonical")).canonical_url == "https://example.org/storm"


def test_bodies_over_the_size_cap_are_cut_off(server: LocalServer) -> None:
    for path in ("/huge", "/huge-declared"):
        assert "too large" in _error(server.url(path)), path


def test_a_pdf_link_goes_to_the_pdf_reader(
    server: LocalServer, tmp_path: Path, qapp: object
) -> None:
    article = Article(
        "Night trains return to the coast line",
        [
            ("body", "The rail company will run a sleeper service to the coast from June."),
            ("body", "Tickets go on sale next week, with fares starting at forty euros."),
        ],
    )
    web_server.PDF_BODY["pdf"] = write_pdf(article, tmp_path / "a.pdf").read_bytes()
    doc = read_url(server.url("/doc.pdf"))
    assert doc.title == article.title and doc.paragraphs[0].role is Role.TITLE
    assert doc.source.endswith("/doc.pdf") and doc.fetched_at


def test_not_html_and_no_article(server: LocalServer) -> None:
    assert "not a web page" in _error(server.url("/image"))
    assert "no article text" in _error(server.url("/no-article"))


def test_refused_connection() -> None:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    message = _error(f"http://127.0.0.1:{port}/article")
    assert "refused" in message


def test_dns_failure_without_touching_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_args: object, **_kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    message = _error("http://news.invalid/story")
    assert message.startswith("http://news.invalid/story") and "cannot find the server" in message


def test_only_http_and_https() -> None:
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/a.txt", "javascript://x"):
        assert is_url(url)
        with pytest.raises(InputError, match="only http:// and https://"):
            check_url(url)
    assert not is_url("articles/a.txt")


def test_cancel_between_chunks(server: LocalServer) -> None:
    with pytest.raises(Cancelled):
        fetch(server.url("/huge"), should_cancel=lambda: True)


def test_cancel_while_the_server_is_silent(server: LocalServer) -> None:
    import time

    started = time.monotonic()
    with pytest.raises(Cancelled):
        fetch(server.url("/slow"), should_cancel=lambda: time.monotonic() - started > 0.2)
    assert time.monotonic() - started < 1.5 < web_server.SLOW_SECONDS


def test_user_agent_names_the_product() -> None:
    assert USER_AGENT.startswith("Mozilla/5.0") and "ArticleComparer" in USER_AGENT


def test_decode_page_prefers_a_byte_order_mark() -> None:
    body = b"\xef\xbb\xbf<p>caf\xc3\xa9</p>"
    assert decode_page(body, "iso-8859-1", "x") == "<p>café</p>"
