"""HTTP for live sources: one polite, bounded client (httpx) shared by the fetches of a run.

For each URL, in this order:

1. only ``http``/``https``; the host is resolved and refused when it is loopback, private,
   link-local or otherwise not public, unless ``allow_private`` (and the address the
   connection reached is checked again, against DNS rebinding);
2. the origin's robots.txt (RFC 9309, read once and kept for a day; ``Crawl-delay`` slows
   that host down further);
3. per host at most ``per_host`` requests at once and ``rate`` request starts a second; at
   most ``connections`` requests at once in all;
4. a GET with tripolar's User-Agent, the conditional headers of the last fetch (ETag,
   Last-Modified) and timeouts; redirects are followed by hand, each hop checked as in 1-2;
5. 429 and 5xx answers are retried with exponential backoff, waiting at least what
   ``Retry-After`` asks;
6. the content type is checked before the body is read, and the body is read up to
   ``max_bytes``.

Every way of failing raises FetchError with a reason a user can act on; nothing here
touches the store (the caller passes the last FetchRecord in and records what came back).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from tripolar.config import FetchOptions
from tripolar.errors import FetchError
from tripolar.model import FetchRecord

ROBOTS_AGENT = "tripolar"
"""The product token robots.txt rules are matched against."""
USER_AGENT = (
    f"tripolar/{version('tripolar')} (political event coding; python-httpx/{httpx.__version__})"
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml"}
)  # fmt: skip
TEXT_TYPES = frozenset({"text/plain"})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8"
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to read at least 500 KiB
ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt is trusted (RFC 9309: at most a day)

Resolver = Callable[[str, int], list[str]]
"""host, port -> the IP addresses the name stands for (socket.getaddrinfo by default)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answer: 200 with its body, or 304 (not modified, no body)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    body: bytes
    media_type: str | None  # "text/html", from Content-Type, lower case, without parameters
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime  # UTC, naive
    charset: str | None = None  # from Content-Type, when given

    def record(
        self, *, doc_id: str | None = None, items: tuple[str, ...] | None = None
    ) -> FetchRecord:
        """What the store keeps of this fetch, naming the document or feed items it gave."""
        return FetchRecord(
            url=self.url, final_url=self.final_url, status=self.status, etag=self.etag,
            last_modified=self.last_modified, content_type=self.media_type, doc_id=doc_id,
            items=items, fetched_at=self.fetched_at,
        )  # fmt: skip


class _StatusError(FetchError):
    """An HTTP error answer (after any retries); robots.txt reads its status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class _Retry(Exception):
    def __init__(self, reason: str, status: int, after: float | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.after = after


class _Host:
    """Connection cap and rate limit for one host name."""

    def __init__(self, per_host: int, interval: float) -> None:
        self.slots = threading.BoundedSemaphore(max(1, per_host))
        self.lock = threading.Lock()
        self.interval = interval
        self.next_start = 0.0

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self.slots:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.interval
            if start > now:
                time.sleep(start - now)
            yield


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, as the operating system's resolver says."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def public_address(address: str) -> bool:
    """Is this an address on the public internet (not loopback, private, link-local ...)?"""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    current = now if now is not None else time.time()
    return max(0.0, when.timestamp() - current)


class Fetcher:
    """Fetches URLs on a pool of threads, politely; use as a context manager.

    ``resolve`` replaces the DNS lookup (tests); ``transport`` the httpx transport.
    """

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        resolve: Resolver | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.options = options or FetchOptions()
        self._resolve = resolve or system_resolver
        limits = httpx.Limits(
            max_connections=self.options.connections,
            max_keepalive_connections=self.options.connections,
        )
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            timeout=httpx.Timeout(self.options.timeout),
            limits=limits,
            follow_redirects=False,
            transport=transport,
            trust_env=False,  # no proxies or .netrc from the environment
        )
        self._pool = ThreadPoolExecutor(
            max_workers=self.options.connections, thread_name_prefix="tripolar-fetch"
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, tuple[RobotFileParser | str | None, float]] = {}
        self._origin_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._client.close()

    def submit(self, url: str, record: FetchRecord | None = None) -> Future[Fetched]:
        """Fetch ``url`` on the pool; the future raises FetchError when it fails."""
        return self._pool.submit(self.fetch, url, record)

    def fetch(self, url: str, record: FetchRecord | None = None) -> Fetched:
        """GET ``url``, conditionally when ``record`` holds validators; raise FetchError."""
        headers = {}
        if record is not None and record.etag:
            headers["If-None-Match"] = record.etag
        if record is not None and record.last_modified:
            headers["If-Modified-Since"] = record.last_modified
        return self._follow(url, headers, robots=True, max_bytes=self.options.max_bytes)

    # -- one URL, hop by hop ---------------------------------------------------------------

    def _follow(
        self, url: str, headers: dict[str, str], *, robots: bool, max_bytes: int
    ) -> Fetched:
        current = url
        for _ in range(self.options.max_redirects + 1):
            parts = self._checked(current)
            if robots:
                self._obey_robots(current, parts)
            status, response_headers, body, media = self._exchange(
                current, parts, headers, max_bytes=max_bytes, check_type=robots
            )
            if status in REDIRECTS:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header")
                current = urljoin(current, location.strip())
                continue
            if status == 304 and not headers:
                raise FetchError("HTTP 304 Not Modified to a request that was not conditional")
            return Fetched(
                url=url, final_url=current, status=status, body=body, media_type=media,
                charset=_charset(response_headers.get("content-type")),
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                fetched_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            )  # fmt: skip
        raise FetchError(f"more than {self.options.max_redirects} redirects - the chain was left")

    def _checked(self, url: str) -> httpx.URL:
        """The URL parsed, when its scheme and host may be fetched."""
        try:
            parts = httpx.URL(url)
        except httpx.InvalidURL as err:
            raise FetchError(f"not a valid URL ({err})") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(
                f"a {scheme or 'schemeless'} URL ({url}) - only http and https are fetched"
            )
        if not parts.host:
            raise FetchError("the URL names no host")
        if not self.options.allow_private:
            port = parts.port or (443 if scheme == "https" else 80)
            try:
                addresses = self._resolve(parts.host, port)
            except (OSError, UnicodeError) as err:
                raise FetchError(
                    f"the host name {parts.host} could not be resolved (DNS: {err})"
                ) from None
            private = [a for a in addresses if not public_address(a)]
            if private or not addresses:
                raise FetchError(
                    f"{parts.host} is a loopback or private address ({', '.join(private)}) - "
                    "refused; pass --allow-private to fetch from local or internal servers"
                )
        return parts

    def _host(self, name: str) -> _Host:
        with self._lock:
            host = self._hosts.get(name)
            if host is None:
                rate = self.options.rate
                host = _Host(self.options.per_host, 1.0 / rate if rate > 0 else 0.0)
                self._hosts[name] = host
            return host

    def _exchange(
        self,
        url: str,
        parts: httpx.URL,
        headers: dict[str, str],
        *,
        max_bytes: int,
        check_type: bool,
    ) -> tuple[int, httpx.Headers, bytes, str | None]:
        """One request, retried on 429 and 5xx: (status, headers, body, media type)."""
        options = self.options
        host = self._host(parts.host)
        for attempt in range(options.retries + 1):
            try:
                with host.turn():
                    return self._request(url, headers, max_bytes=max_bytes, check_type=check_type)
            except _Retry as retry:
                wait = options.backoff * 2**attempt
                if retry.after is not None:
                    if retry.after > options.max_retry_wait:
                        raise _StatusError(
                            f"{retry.reason}; the server asks to wait {retry.after:.0f} s "
                            "before trying again - try later",
                            retry.status,
                        ) from None
                    wait = max(wait, retry.after)
                if attempt == options.retries:
                    tries = f"{options.retries + 1} tries" if options.retries else "one try"
                    raise _StatusError(f"{retry.reason} after {tries}", retry.status) from None
                time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(
        self, url: str, headers: dict[str, str], *, max_bytes: int, check_type: bool
    ) -> tuple[int, httpx.Headers, bytes, str | None]:
        deadline = time.monotonic() + self.options.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                self._check_peer(response)
                status = response.status_code
                reason = f"HTTP {status} {response.reason_phrase}".rstrip()
                if status == 429 or status >= 500:
                    raise _Retry(reason, status, retry_after(response.headers.get("retry-after")))
                if status in REDIRECTS or status == 304:
                    return status, response.headers, b"", None
                if not 200 <= status < 300 or status == 204:
                    raise _StatusError(reason, status)
                media = _media_type(response.headers.get("content-type"))
                if check_type and media is not None and media not in _ACCEPTED:
                    raise FetchError(
                        f"not a web page or feed (content type {media}) - only HTML, RSS/Atom "
                        "feeds and plain text are read"
                    )
                body = _read_capped(response, max_bytes, deadline, self.options.timeout)
                return status, response.headers, body, media
        except httpx.TimeoutException:
            raise FetchError(f"timed out (no answer within {self.options.timeout:g} s)") from None
        except httpx.ConnectError as err:
            raise FetchError(_connect_reason(err)) from None
        except httpx.HTTPError as err:
            raise FetchError(f"the HTTP exchange failed ({type(err).__name__}: {err})") from None

    def _check_peer(self, response: httpx.Response) -> None:
        """Refuse an answer from a private address the name was re-pointed to after the check."""
        if self.options.allow_private:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and not public_address(str(peer[0])):
            raise FetchError(
                f"the connection reached a private address ({peer[0]}) - refused; pass "
                "--allow-private to fetch from local or internal servers"
            )

    # -- robots.txt ----------------------------------------------------------------------

    def _obey_robots(self, url: str, parts: httpx.URL) -> None:
        origin = f"{parts.scheme}://{parts.netloc.decode('ascii')}"
        rules = self._robots_for(origin)
        if isinstance(rules, str):
            raise FetchError(rules)
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(
                f"robots.txt of {origin} disallows this URL for crawlers - not fetched"
            )

    def _robots_for(self, origin: str) -> RobotFileParser | str | None:
        """The origin's rules; None when there are none; a reason string when it is closed."""
        with self._lock:
            lock = self._origin_locks.setdefault(origin, threading.Lock())
        with lock:
            cached = self._robots.get(origin)
            if cached is not None and cached[1] > time.monotonic():
                return cached[0]
            rules = self._read_robots(origin)
            self._robots[origin] = (rules, time.monotonic() + ROBOTS_TTL)
            return rules

    def _read_robots(self, origin: str) -> RobotFileParser | str | None:
        try:
            fetched = self._follow(
                origin + "/robots.txt", {}, robots=False, max_bytes=ROBOTS_MAX_BYTES
            )
        except _StatusError as err:
            if err.status >= 500 or err.status == 429:
                return (
                    f"robots.txt of {origin} could not be read (HTTP {err.status}) - crawlers "
                    "must stay away until it can; try again later"
                )
            return None  # 4xx: no robots.txt, everything is allowed (RFC 9309 2.3.1.3)
        except FetchError as err:
            if "larger than" in err.reason:
                return None
            raise
        parser = RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            host = self._host(urlsplit(origin).hostname or "")
            with host.lock:
                host.interval = max(host.interval, float(delay))
        return parser


_ACCEPTED = HTML_TYPES | FEED_TYPES | TEXT_TYPES


def _charset(value: str | None) -> str | None:
    for parameter in (value or "").split(";")[1:]:
        name, _, given = parameter.partition("=")
        if name.strip().lower() == "charset":
            return given.strip().strip("\"'") or None
    return None


def _media_type(value: str | None) -> str | None:
    if not value:
        return None
    media = value.split(";", 1)[0].strip().lower()
    return media or None


def _read_capped(
    response: httpx.Response, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(_too_large(f"{int(length):,} bytes", max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large("the answer", max_bytes))
        if time.monotonic() > deadline:
            raise FetchError(f"timed out (the answer took longer than {timeout:g} s)")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(what: str, limit: int) -> str:
    return (
        f"too large: {what} is more than the limit of {limit:,} bytes - not fetched "
        "(raise it with --max-bytes)"
    )


def _connect_reason(err: httpx.ConnectError) -> str:
    text = str(err)
    lowered = text.lower()
    if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
        return f"TLS error ({text}) - the site's certificate or encryption could not be trusted"
    if "refused" in lowered:
        return "connection refused - is the server up?"
    if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
        return f"the host name could not be resolved (DNS: {text})"
    return f"could not connect ({text})"
