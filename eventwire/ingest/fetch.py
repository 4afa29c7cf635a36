"""Fetching a URL safely and politely: the one seam between eventwire and the network.

- Only http and https; by default no loopback, private, link-local or reserved
  address, checked on every address the host resolves to and on every redirect
  (``Settings.allow_private_addresses`` lifts that, e.g. for a local test server).
- A clear user agent, a timeout, and a size cap enforced while streaming, so a
  100 MB page is abandoned at the cap rather than read.
- Content types checked: HTML, plain text, and RSS/Atom/XML feeds only.
- Retries with exponential backoff on timeouts, connection errors, 429 and 5xx.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..config import Settings
from ..errors import FetchError, FetchTooLarge, PrivateAddress, UnwantedContent, message

USER_AGENT = "eventwire/0.1 (news event coder; +https://pypi.org/project/eventwire/)"
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Response:
    """What a fetch brings back: the final URL, its content type and the bytes."""

    url: str
    content_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES or (
            self.content_type in ("text/plain", "") and self.body.lstrip()[:100].lower().startswith(b"<?xml"))


def fetch(url: str, *, settings: Settings, client: httpx.Client | None = None) -> Response:
    """GET ``url`` under the rules above; FetchError (naming the URL) when it cannot be had."""
    own = client is None
    client = client or httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=False,
                                    timeout=settings.fetch_timeout)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, settings=settings)
            result = _with_retries(client, url, settings=settings)
            if isinstance(result, Response):
                return result
            url = result  # a redirect: its target is checked like the first URL
        raise FetchError(message("E600", url=url, detail=f"more than {MAX_REDIRECTS} redirects"))
    finally:
        if own:
            client.close()


def check_url(url: str, *, settings: Settings) -> None:
    """Refuse non-http schemes and, unless allowed, hosts on non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(message("E600", url=url, detail="only http:// and https:// URLs are fetched"))
    if settings.allow_private_addresses:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except socket.gaierror as error:
        raise FetchError(message("E600", url=url, detail=f"the host does not resolve ({error})")) from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise PrivateAddress(message("E601", url=url, address=address))


def _with_retries(client: httpx.Client, url: str, *, settings: Settings) -> Response | str:
    """One request with retries; a redirect's target URL, or the response."""
    delay = 0.5
    for attempt in range(settings.fetch_retries + 1):
        try:
            return _get(client, url, settings=settings)
        except (httpx.TimeoutException, httpx.TransportError, _Retry) as error:
            if attempt == settings.fetch_retries:
                raise FetchError(message("E600", url=url, detail=f"gave up after {attempt + 1} tries "
                                                                  f"({error})")) from error
            time.sleep(delay)
            delay *= 2
    raise FetchError(message("E600", url=url, detail="no response"))


class _Retry(Exception):
    """A status worth trying again (429, 5xx)."""


def _get(client: httpx.Client, url: str, *, settings: Settings) -> Response | str:
    with client.stream("GET", url) as response:
        if response.is_redirect:
            return urljoin(url, response.headers.get("location", ""))
        if response.status_code in RETRY_STATUS:
            raise _Retry(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise FetchError(message("E600", url=url, detail=f"HTTP {response.status_code}"))
        kind = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if kind and kind not in ARTICLE_TYPES + FEED_TYPES:
            raise UnwantedContent(message("E602", url=url, kind=kind))
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_fetch_bytes:
            raise FetchTooLarge(message("E603", url=url, limit=settings.max_fetch_bytes))
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > settings.max_fetch_bytes:
                raise FetchTooLarge(message("E603", url=url, limit=settings.max_fetch_bytes))
        return Response(url=str(response.url), content_type=kind, body=bytes(body))
