"""A real HTTP server on 127.0.0.1 (a free port) serving saved pages and every failure case.

Only the loopback address is ever used; nothing here reaches the network. Routes:

- ``/page/NAME`` a saved page from tests/data/html (UTF-8, header charset)
- ``/redirect/N`` N redirects, then the first saved page; ``/loop`` redirects to itself
- ``/status/CODE`` that HTTP status; ``/slow`` answers after ``SLOW_SECONDS``
- ``/wrong-charset`` UTF-8 bytes labelled ISO-8859-1; ``/cp1252`` and ``/meta-cp1252`` are
  Windows-1252 bytes labelled in the header and only in the page's meta
- ``/gzip`` the first saved page gzip-compressed; ``/huge`` 30 MB streamed without a length,
  ``/huge-declared`` announcing 30 MB; ``/doc.pdf`` a PDF set by the test; ``/image`` a PNG
- ``/no-article`` a page with no article text; ``/trickle`` a slow body (progress, cancel)
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "html"
SLOW_SECONDS = 3.0
FIRST_PAGE = "01_wire"

_ACCENTED = (
    "<!doctype html><html><head><title>Storm closes the harbour road</title>{meta}</head><body>"
    "<article><h1>Storm closes the harbour road</h1>"
    "<p>The mayor, Zoé Mostefaï, said on Monday that the road along the harbour would stay "
    "closed until engineers had inspected the sea wall.</p>"
    "<p>Residents of the Vieux-Port district were told to use the inland route, which adds "
    "about twenty minutes to the journey into the town centre.</p>"
    "<p>Crews from the regional roads agency began clearing stones and débris from the "
    "carriageway on Tuesday morning, a spokesperson said.</p></article></body></html>"
)
PDF_BODY: dict[str, bytes] = {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet in tests
        pass

    def _send(
        self, body: bytes, ctype: str, status: int = 200, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        # The client may stop reading (a size limit): expected.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(self.path)

    def _route(self, path: str) -> None:
        html = "text/html; charset=utf-8"
        if path.startswith("/page/"):
            self._send((DATA / f"{path[6:]}.html").read_bytes(), html)
        elif path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/redirect/{n - 1}" if n > 1 else f"/page/{FIRST_PAGE}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path.startswith("/status/"):
            self._send(b"<html><body>error</body></html>", html, int(path[8:]))
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send((DATA / f"{FIRST_PAGE}.html").read_bytes(), html)
        elif path == "/wrong-charset":
            self._send(_ACCENTED.format(meta="").encode("utf-8"), "text/html; charset=ISO-8859-1")
        elif path == "/cp1252":
            self._send(
                _ACCENTED.format(meta="").encode("cp1252"), "text/html; charset=windows-1252"
            )
        elif path == "/meta-cp1252":
            page = _ACCENTED.format(meta='<meta charset="windows-1252">')
            self._send(page.encode("cp1252"), "text/html")
        elif path == "/gzip":
            body = gzip.compress((DATA / f"{FIRST_PAGE}.html").read_bytes())
            self._send(body, html, extra={"Content-Encoding": "gzip"})
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * (1 << 20) + b"</p>"
            for _ in range(30):
                self.wfile.write(chunk)
            self.close_connection = True
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", str(30 * 1024 * 1024))
            self.end_headers()
            self.wfile.write(b"<p>only the start</p>")
            self.close_connection = True
        elif path == "/trickle":  # 1 KB every 50 ms, 200 KB announced: for progress and cancel
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", str(200 * 1024))
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b" " * 1024)
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/doc.pdf":
            self._send(PDF_BODY["pdf"], "application/pdf")
        elif path == "/image":
            self._send(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/no-article":
            self._send(
                b"<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>", html
            )
        elif path == "/canonical":
            page = _ACCENTED.format(meta='<link rel="canonical" href="https://example.org/storm">')
            self._send(page.encode("utf-8"), html)
        else:
            self._send(b"not found", "text/plain", 404)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (a size limit, a cancel) is expected; say nothing."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class LocalServer:
    """Serves on 127.0.0.1 in a daemon thread until ``close()``."""

    def __init__(self) -> None:
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
