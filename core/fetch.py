"""Web pages by URL: fetch with httpx under firm limits, then read like any other input.

Limits, because a URL can point anywhere: only http and https; connecting may take 10 s and the
whole fetch 30 s (both options); at most 5 redirects (a loop ends there too); at most
``MAX_BYTES`` (20 MB) of decoded body, checked while streaming, so a huge or endless body, or a
gzip bomb, is cut off early. httpx decodes gzip and deflate, and brotli with the brotli package.
The User-Agent is a browser's with the product name added: some sites refuse unknown clients.

The body's charset comes from the Content-Type header, then the page's own ``<meta>``, then
detection (core.reading.decoding); a header that names a single-byte charset for bytes that are
valid multi-byte UTF-8 is wrong (a common server default), and UTF-8 wins. A PDF, Word or ODF body
goes to its document reader; plain text to the text reader; anything else is "not a web page".
The Document's source is the final URL (after redirects); its fetch time and the page's
canonical URL travel with it.

Every failure is an InputError naming the URL, one line. ``should_cancel`` is polled between
chunks; ``progress`` receives the fraction of the body read (when its length is known).

Imports: standard library, httpx (imported lazily), core.
"""

from __future__ import annotations

import codecs
import dataclasses
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.errors import Cancelled, InputError
from core.model import Document

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
TOTAL_TIMEOUT = 30.0
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 ArticleComparer/0.1"
)
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_WEB = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CANONICAL = re.compile(
    r"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']([^"'>\s]+)""",
    re.IGNORECASE,
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_DOCUMENT_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
)


def is_url(name: str) -> bool:
    """True for anything written as scheme://…, web or not (the caller then refuses non-web)."""
    return bool(_URL.match(name.strip()))


def check_url(url: str) -> str:
    """The URL stripped, or InputError when it is not an http(s) address with a host."""
    url = url.strip()
    if not _WEB.match(url):
        scheme = url.split(":", 1)[0].lower()
        if scheme in ("http", "https"):
            raise InputError(url, "not a web address (no host name)")
        raise InputError(url, f"only http:// and https:// addresses can be opened, not {scheme}:")
    return url


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str  # media type, lower case, no parameters
    charset: str | None  # from the header
    body: bytes
    fetched_at: str  # ISO 8601, UTC, seconds


@dataclass(frozen=True, slots=True)
class FetchOptions:
    connect_timeout: float = CONNECT_TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _connect_problem(error: Exception) -> str:
    text = str(error)
    low = text.casefold()
    if (
        any(
            s in low
            for s in (
                "name or service not known",
                "nodename nor servname",
                "getaddrinfo",
                "no address",
            )
        )
        or "name resolution" in low
    ):
        return "cannot find the server (no such host, or no network)"
    if "refused" in low:
        return "connection refused (nothing is listening at that address)"
    if "network is unreachable" in low or "no route" in low:
        return "no network (the address cannot be reached)"
    return f"cannot connect ({text or type(error).__name__})"


_CANCEL_POLL = 0.1  # seconds between looks at should_cancel while the network is silent


def fetch(
    url: str,
    options: FetchOptions | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Fetched:
    """GET ``url`` within the limits; raises InputError (or Cancelled) on every failure.

    With ``should_cancel``, the request runs on a helper thread and this one polls: a cancel
    takes effect at once even while a server keeps the connection silent (the helper ends by
    itself at the latest when the timeouts run out, and its result is dropped).
    """
    if should_cancel is None:
        return _fetch(url, options, None, progress)
    outcome: list[Fetched | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            outcome.append(_fetch(url, options, should_cancel, progress))
        except BaseException as e:  # handed to the waiting thread, raised there
            outcome.append(e)
        finally:
            done.set()

    threading.Thread(target=work, name="fetch", daemon=True).start()
    while not done.wait(_CANCEL_POLL):
        if should_cancel():
            raise Cancelled()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(
    url: str,
    options: FetchOptions | None,
    should_cancel: Callable[[], bool] | None,
    progress: Callable[[float], None] | None,
) -> Fetched:
    import httpx

    options = options or FetchOptions()
    url = check_url(url)
    deadline = time.monotonic() + options.total_timeout
    timeout = httpx.Timeout(
        options.total_timeout, connect=options.connect_timeout, pool=options.connect_timeout
    )
    headers = {"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Language": "en;q=0.9, *;q=0.5"}
    total = _seconds(options.total_timeout)
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=options.max_redirects,
                headers=headers,
                trust_env=False,
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _receive(response, url, options, deadline, should_cancel, progress)
    except httpx.ConnectTimeout:
        raise InputError(
            url, f"timed out connecting (no answer in {_seconds(options.connect_timeout)})"
        ) from None
    except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
        raise InputError(url, f"timed out (the page did not arrive within {total})") from None
    except httpx.TooManyRedirects:
        raise InputError(
            url, f"too many redirects (more than {options.max_redirects}; a redirect loop?)"
        ) from None
    except httpx.UnsupportedProtocol as e:
        raise InputError(url, f"redirected to an address that is not http(s) ({e})") from None
    except httpx.ConnectError as e:
        raise InputError(url, _connect_problem(e)) from None
    except httpx.DecodingError:
        raise InputError(url, "the server sent damaged compressed data") from None
    except (httpx.RemoteProtocolError, httpx.ReadError) as e:
        raise InputError(url, f"the server broke off the connection ({e})") from None
    except httpx.InvalidURL as e:
        raise InputError(url, f"not a valid web address ({e})") from None
    except httpx.HTTPError as e:
        raise InputError(url, f"cannot fetch ({type(e).__name__}: {e})") from None


def _receive(
    response: Any,
    url: str,
    options: FetchOptions,
    deadline: float,
    should_cancel: Callable[[], bool] | None,
    progress: Callable[[float], None] | None,
) -> Fetched:
    final = str(response.url)
    if response.status_code >= 400:
        reason = response.reason_phrase or ""
        raise InputError(url, f"the server answered HTTP {response.status_code} {reason}".strip())
    limit = options.max_bytes
    too_large = (
        f"too large (more than {limit // 1024 // 1024} MB; the limit is far above an article)"
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and "content-encoding" not in response.headers:
        raise InputError(url, too_large)
    expected = int(declared) if declared.isdigit() else 0
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(url, too_large)
        if time.monotonic() > deadline:
            raise InputError(
                url, f"timed out (the page did not arrive within {_seconds(options.total_timeout)})"
            )
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        chunks.append(chunk)
        if progress is not None and expected:
            progress(min(1.0, response.num_bytes_downloaded / expected))
    media, _, params = response.headers.get("content-type", "").partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    return Fetched(
        url=final,
        content_type=media.strip().lower(),
        charset=match.group(1) if match else None,
        body=b"".join(chunks),
        fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    )


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _valid_utf8_beyond_ascii(body: bytes) -> bool:
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_page(body: bytes, header_charset: str | None, source: str) -> str:
    """The page's text: charset from the header, then the page's meta, then detection."""
    from core.reading.decoding import decode_bytes, normalize_text

    if body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(body, source)  # a byte-order mark outranks any label
    meta = _META_CHARSET.search(body[:4096])
    for label in (header_charset, meta.group(1).decode("ascii", "replace") if meta else None):
        codec = _codec(label)
        if codec is None:
            continue
        if codec != "utf-8" and _valid_utf8_beyond_ascii(body):
            log.info("%s: says %s but the bytes are UTF-8; reading UTF-8", source, codec)
            return normalize_text(body.decode("utf-8"))
        try:
            return normalize_text(body.decode(codec))
        except UnicodeDecodeError:
            log.info("%s: the bytes are not %s as labelled; trying the next clue", source, codec)
    return decode_bytes(body, source)


def read_url(
    url: str,
    options: FetchOptions | None = None,
    should_cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """Fetch ``url`` and read it: the article of an HTML page, or a linked document."""
    from core.reading.dispatch import read_text
    from core.reading.documents import read_document

    page = fetch(url, options, should_cancel, progress)
    source = page.url
    canonical: str | None = None
    document = read_document(page.body, source)
    if document is None:
        kind = page.content_type
        if not page.body.strip():
            raise InputError(source, "the server sent an empty page")
        if kind in _DOCUMENT_TYPES:
            raise InputError(source, f"the server says {kind} but sent something else")
        if kind and not (kind in _HTML_TYPES or kind.startswith("text/")):
            raise InputError(source, f"not a web page or document ({kind})")
        text = decode_page(page.body, page.charset, source)
        if kind == "text/plain":
            document = read_text(text, source=source, fmt="txt")
        else:
            fmt = "html" if kind in _HTML_TYPES or not kind else "auto"
            document = read_text(text, source=source, fmt=fmt)
            found = _CANONICAL.search(text[:200_000])
            canonical = found.group(1) if found else None
    return dataclasses.replace(document, fetched_at=page.fetched_at, canonical_url=canonical)
