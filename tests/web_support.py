"""A local web site for the fetch tests: an HTTP server on 127.0.0.1 started by the test.

    with LocalSite() as site:
        site.page("/a", "<html>...</html>")
        site.url("/a")            # http://127.0.0.1:PORT/a
        site.requests             # every request: (path, headers), in order

Pages answer conditional requests (ETag and Last-Modified) with 304 unless told not to;
routes can be slow, fail a given number of times first, redirect, or be large.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True  # send ETag/Last-Modified and answer 304 to them
    delay: float = 0.0  # seconds before answering
    fail_first: list[int] = field(default_factory=list)  # statuses answered before `status`
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0  # requests being answered now
        self.most_active = 0  # the most at once so far
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site._lock:
                    site.active += 1
                    site.most_active = max(site.most_active, site.active)
                try:
                    site._answer(self)
                finally:
                    with site._lock:
                        site.active -= 1

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: str | bytes, **options: object) -> Route:
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(body=data, **options)  # type: ignore[arg-type]
        self.routes[path] = route
        return route

    def paths(self) -> list[str]:
        with self._lock:
            return [path for path, _ in self.requests]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        headers = {key.lower(): value for key, value in handler.headers.items()}
        with self._lock:
            self.requests.append((handler.path, headers))
            route = self.routes.get(handler.path)
            status = route.fail_first.pop(0) if route and route.fail_first else None
        if route is None:
            self._send(handler, 404, b"not here", {"Content-Type": "text/plain"})
            return
        if route.delay:
            time.sleep(route.delay)
        extra = dict(route.headers)
        if status is not None:
            self._send(handler, status, b"try again", {"Content-Type": "text/plain", **extra})
            return
        if route.content_type:
            extra["Content-Type"] = route.content_type
        if route.validators and route.status == 200:
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:12] + '"'
            modified = "Wed, 02 Jun 2021 10:00:00 GMT"
            extra.update({"ETag": etag, "Last-Modified": modified})
            if headers.get("if-none-match") == etag or (
                "if-none-match" not in headers and headers.get("if-modified-since") == modified
            ):
                self._send(handler, 304, b"", {"ETag": etag})
                return
        self._send(handler, route.status, route.body, extra, length=route.length)

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: dict[str, str],
        *,
        length: bool = True,
    ) -> None:
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        else:
            handler.send_header("Connection", "close")
            handler.close_connection = True
        handler.end_headers()
        if status != 304:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                handler.wfile.write(body)


def article(title: str, *sentences: str, date: str | None = "2021-06-02") -> str:
    """A small news page with a title, a publication date and the sentences as paragraphs."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in sentences)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def rss(title: str, links: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed whose items (title, link) point at pages."""
    items = "".join(
        f"<item><title>{name}</title><link>{link}</link>"
        f"<pubDate>Wed, 02 Jun 2021 08:00:00 GMT</pubDate><description>{name}</description></item>"
        for name, link in links
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link>{items}</channel></rss>"
    )
