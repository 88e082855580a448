"""The HTTP client of live sources, against a local server: politeness, limits, failures."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tripolar import __version__
from tripolar.config import FetchOptions
from tripolar.errors import FetchError
from tripolar.ingest.fetch import Fetcher, public_address, retry_after
from tripolar.model import FetchRecord
from web_support import LocalSite, article

FAST = FetchOptions(allow_private=True, rate=0, timeout=2.0, backoff=0.01, retries=2)
PAGE = article("Envoys meet", "Russia and China signed an energy agreement in Beijing.")


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as local:
        local.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        local.page("/a", PAGE)
        yield local


def _fetch(url: str, options: FetchOptions = FAST, record: FetchRecord | None = None) -> object:
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url, record)


def _reason(url: str, options: FetchOptions = FAST) -> str:
    with pytest.raises(FetchError) as caught, Fetcher(options) as fetcher:
        fetcher.fetch(url)
    return caught.value.reason


def test_fetch_page_names_tripolar_and_its_version(site: LocalSite) -> None:
    with Fetcher(FAST) as fetcher:
        fetched = fetcher.fetch(site.url("/a"))
    assert fetched.status == 200 and fetched.body == PAGE.encode()
    assert fetched.media_type == "text/html" and fetched.final_url == site.url("/a")
    assert fetched.etag and fetched.last_modified
    agent = dict(site.requests)["/a"]["user-agent"]
    assert agent.startswith(f"tripolar/{__version__} ")


def test_fetch_conditional_request_of_an_unchanged_page_downloads_nothing(
    site: LocalSite,
) -> None:
    with Fetcher(FAST) as fetcher:
        first = fetcher.fetch(site.url("/a"))
        again = fetcher.fetch(site.url("/a"), first.record(doc_id="d1"))
    assert again.status == 304 and again.body == b""
    assert site.requests[-1][1]["if-none-match"] == first.etag
    assert site.requests[-1][1]["if-modified-since"] == first.last_modified


def test_fetch_follows_redirects_and_keeps_the_final_url(site: LocalSite) -> None:
    site.page("/old", "", status=301, headers={"Location": "/a"})
    fetched = _fetch(site.url("/old"))
    assert fetched.url == site.url("/old")  # type: ignore[attr-defined]
    assert fetched.final_url == site.url("/a")  # type: ignore[attr-defined]


def test_fetch_refuses_redirects_to_other_schemes_and_endless_chains(site: LocalSite) -> None:
    site.page("/to-file", "", status=302, headers={"Location": "file:///etc/passwd"})
    site.page("/to-ftp", "", status=302, headers={"Location": "ftp://example.org/x"})
    site.page("/loop", "", status=302, headers={"Location": "/loop"})
    assert "only http and https" in _reason(site.url("/to-file"))
    assert "only http and https" in _reason(site.url("/to-ftp"))
    assert "redirects" in _reason(site.url("/loop"), replace(FAST, max_redirects=3))
    assert site.paths().count("/loop") == 4


def test_fetch_honours_robots_txt(site: LocalSite) -> None:
    site.page("/private/x", PAGE)
    assert "robots.txt" in _reason(site.url("/private/x"))
    assert "/private/x" not in site.paths()


def test_fetch_without_robots_txt_may_fetch_everything() -> None:
    with LocalSite() as site:
        site.page("/private/x", PAGE)
        assert _fetch(site.url("/private/x")).status == 200  # type: ignore[attr-defined]
        assert site.paths() == ["/robots.txt", "/private/x"]


def test_fetch_stays_away_while_robots_txt_fails() -> None:
    with LocalSite() as site:
        site.page("/robots.txt", "down", status=503, content_type="text/plain")
        site.page("/a", PAGE)
        assert "robots.txt" in _reason(site.url("/a"), replace(FAST, retries=0))
        assert "/a" not in site.paths()


def test_fetch_reads_robots_txt_once_per_site(site: LocalSite) -> None:
    site.page("/b", PAGE)
    with Fetcher(FAST) as fetcher:
        fetcher.fetch(site.url("/a"))
        fetcher.fetch(site.url("/b"))
    assert site.paths().count("/robots.txt") == 1


def test_fetch_retries_5xx_and_429_with_backoff(site: LocalSite) -> None:
    site.page("/flaky", PAGE, fail_first=[503, 429])
    assert _fetch(site.url("/flaky")).status == 200  # type: ignore[attr-defined]
    assert site.paths().count("/flaky") == 3


def test_fetch_gives_up_on_5xx_after_the_retries(site: LocalSite) -> None:
    site.page("/down", "oops", status=500, content_type="text/plain")
    reason = _reason(site.url("/down"))
    assert reason.startswith("HTTP 500") and "after 3 tries" in reason
    assert site.paths().count("/down") == 3


def test_fetch_does_not_retry_a_404(site: LocalSite) -> None:
    assert _reason(site.url("/missing")).startswith("HTTP 404")
    assert site.paths().count("/missing") == 1


def test_fetch_waits_as_long_as_retry_after_asks(site: LocalSite) -> None:
    site.page("/busy", PAGE, fail_first=[429], headers={"Retry-After": "1"})
    started = time.monotonic()
    assert _fetch(site.url("/busy")).status == 200  # type: ignore[attr-defined]
    assert time.monotonic() - started >= 1.0


def test_fetch_gives_up_when_retry_after_is_too_long(site: LocalSite) -> None:
    site.page("/later", PAGE, fail_first=[503], headers={"Retry-After": "3600"})
    started = time.monotonic()
    assert "3600 s" in _reason(site.url("/later"))
    assert time.monotonic() - started < 5


def test_fetch_times_out_on_a_slow_server(site: LocalSite) -> None:
    site.page("/slow", PAGE, delay=1.5)
    assert "timed out" in _reason(site.url("/slow"), replace(FAST, timeout=0.3))


@pytest.mark.parametrize("length", [True, False], ids=["declared", "streamed"])
def test_fetch_refuses_answers_over_the_size_cap(site: LocalSite, length: bool) -> None:
    site.page("/big", "<p>" + "x" * 300_000 + "</p>", length=length)
    assert "too large" in _reason(site.url("/big"), replace(FAST, max_bytes=100_000))


def test_fetch_refuses_content_that_is_neither_page_nor_feed(site: LocalSite) -> None:
    site.page("/doc.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    assert "application/pdf" in _reason(site.url("/doc.pdf"))


def test_fetch_refuses_private_addresses_unless_allowed(site: LocalSite) -> None:
    strict = replace(FAST, allow_private=False)
    assert "--allow-private" in _reason(site.url("/a"), strict)
    assert site.requests == []
    internal = Fetcher(strict, resolve=lambda host, port: ["10.1.2.3"])
    with internal, pytest.raises(FetchError, match="private"):
        internal.fetch("http://intranet.example/")


def test_fetch_reports_dns_failures() -> None:
    def no_such_host(host: str, port: int) -> list[str]:
        raise socket.gaierror(-2, "Name or service not known")

    fetcher = Fetcher(replace(FAST, allow_private=False), resolve=no_such_host)
    with fetcher, pytest.raises(FetchError, match="could not be resolved"):
        fetcher.fetch("http://no-such-host.example/")


def test_fetch_reports_refused_connections() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "refused" in _reason(f"http://127.0.0.1:{port}/")


def test_fetch_reports_tls_errors(site: LocalSite) -> None:
    assert "TLS" in _reason(f"https://127.0.0.1:{site.port}/a")


def test_fetch_refuses_other_schemes() -> None:
    assert "only http and https" in _reason("ftp://example.org/file.txt")
    assert "only http and https" in _reason("file:///etc/hostname")


def test_fetch_caps_connections_to_one_host(site: LocalSite) -> None:
    for number in range(6):
        site.page(f"/p{number}", PAGE, delay=0.2)
    with Fetcher(replace(FAST, per_host=2)) as fetcher:
        futures = [fetcher.submit(site.url(f"/p{number}")) for number in range(6)]
        assert all(future.result().status == 200 for future in futures)
    assert site.most_active == 2


def test_fetch_limits_the_request_rate_per_host(site: LocalSite) -> None:
    for number in range(4):
        site.page(f"/r{number}", PAGE)
    started = time.monotonic()
    with Fetcher(replace(FAST, rate=5.0)) as fetcher:
        futures = [fetcher.submit(site.url(f"/r{number}")) for number in range(4)]
        assert all(future.result().status == 200 for future in futures)
    # robots.txt and four pages: four intervals of 0.2 s at least
    assert time.monotonic() - started >= 0.8


def test_fetch_honours_crawl_delay() -> None:
    with LocalSite() as site:
        site.page("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
        site.page("/a", PAGE)
        site.page("/b", PAGE)
        started = time.monotonic()
        with Fetcher(FAST) as fetcher:
            fetcher.fetch(site.url("/a"))
            fetcher.fetch(site.url("/b"))
        assert time.monotonic() - started >= 1.0


def test_fetch_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_fetch_public_address_rejects_internal_ranges() -> None:
    assert public_address("93.184.216.34") and public_address("2606:2800:220:1::1")
    internal = ("127.0.0.1", "10.0.0.8", "192.168.1.1", "169.254.169.254", "::1", "fc00::1",
                "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1", "224.0.0.1")  # fmt: skip
    for address in internal:
        assert not public_address(address), address


def test_fetch_refuses_a_name_that_reaches_a_private_address_after_the_check(
    site: LocalSite,
) -> None:
    # DNS rebinding: the lookup says public, the connection lands on 127.0.0.1
    rebinding = Fetcher(replace(FAST, allow_private=False), resolve=lambda h, p: ["93.184.216.34"])
    with rebinding, pytest.raises(FetchError, match="reached a private address"):
        rebinding.fetch(site.url("/a"))
    assert "/a" not in site.paths()
