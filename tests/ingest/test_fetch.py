"""Fetching a page for ``add``: limits, redirects and the private-address refusal."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import NEWS_PAGE, PageHandler, PageServer

from bot.ingest.fetch import FetchError, FetchPolicy, fetch_page, parse_networks


def lookup_table(table: dict[str, list[str]]):
    """A resolver hook: host name → the addresses it resolves to."""

    async def lookup(host: str, port: int) -> list[str]:
        return table[host]

    return lookup


def test_a_page_is_fetched_with_its_type_and_charset(server: PageServer, policy: FetchPolicy):
    server.page("/story", NEWS_PAGE)
    page = fetch_page(server.url("/story"), policy)
    assert page.url == server.url("/story")
    assert (page.content_type, page.charset) == ("text/html", "utf-8")
    assert page.data == NEWS_PAGE.encode()


def test_loopback_is_refused_unless_a_setting_allows_it(server: PageServer):
    server.page("/story", NEWS_PAGE)
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a loopback address"):
        fetch_page(server.url("/story"), FetchPolicy())
    assert server.requests == []
    assert fetch_page(server.url("/story"), FetchPolicy(allow_private=True)).data


@pytest.mark.parametrize(
    ("addresses", "refused"),
    [
        (["10.1.2.3"], "10.1.2.3, a private address"),
        (["169.254.169.254"], "169.254.169.254, a link-local address"),
        (["93.184.215.14", "192.168.0.7"], "192.168.0.7, a private address"),
        (["::1"], "::1, a loopback address"),
        (["240.0.0.1"], "240.0.0.1, a reserved address"),
    ],
)
def test_a_name_is_refused_if_any_of_its_addresses_is_not_public(addresses, refused):
    policy = FetchPolicy(timeout_seconds=5, lookup=lookup_table({"news.test": addresses}))
    with pytest.raises(FetchError, match=re.escape(f"refused: news.test resolves to {refused}")):
        fetch_page("http://news.test/story", policy)


def test_the_connection_goes_to_the_address_that_was_checked(
    server: PageServer, policy: FetchPolicy
):
    """The checked addresses are the ones connected to: a name cannot resolve again to
    another address between the check and the connection (DNS rebinding)."""
    server.page("/story", NEWS_PAGE)
    checked = dataclasses.replace(policy, lookup=lookup_table({"news.test": ["127.0.0.1"]}))
    page = fetch_page(f"http://news.test:{server.port}/story", checked)
    assert page.data == NEWS_PAGE.encode()
    assert server.requests == [("/story", f"news.test:{server.port}")]


def test_a_server_that_does_not_answer_in_time_is_given_up(server: PageServer, policy):
    server.routes["/slow"] = lambda handler: handler.server.owner.release.wait(10)
    quick = dataclasses.replace(policy, timeout_seconds=0.5)
    with pytest.raises(FetchError, match=r"no complete answer within 0\.5 s"):
        fetch_page(server.url("/slow"), quick)


def test_a_404_says_so(server: PageServer, policy: FetchPolicy):
    with pytest.raises(FetchError, match="the server answered 404 Not Found"):
        fetch_page(server.url("/missing"), policy)


def test_a_page_declared_too_large_is_refused_before_its_body(server, policy):
    server.page("/big", b"x" * 2_000)
    with pytest.raises(FetchError, match=r"too large \(2,000 bytes, over the 1,000-byte limit\)"):
        fetch_page(server.url("/big"), dataclasses.replace(policy, max_bytes=1_000))


def test_a_page_that_grows_past_the_limit_while_streaming_is_refused(server, policy):
    def endless(handler: PageHandler) -> None:  # no Content-Length: read until it stops
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"<p>" + b"y" * 1_000 + b"</p>")
        handler.close_connection = True

    server.routes["/endless"] = endless
    with pytest.raises(FetchError, match=r"too large \(over the 10,000-byte limit\)"):
        fetch_page(server.url("/endless"), dataclasses.replace(policy, max_bytes=10_000))


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_only_web_pages_and_text_are_accepted(server, policy, content_type):
    server.page("/file", b"%PDF-1.7", content_type)
    with pytest.raises(
        FetchError, match=re.escape(f"not a web page or text (Content-Type: {content_type}")
    ):
        fetch_page(server.url("/file"), policy)


def test_plain_text_is_accepted(server: PageServer, policy: FetchPolicy):
    server.page("/notes.txt", "Some text.", "text/plain; charset=iso-8859-1")
    page = fetch_page(server.url("/notes.txt"), policy)
    assert (page.content_type, page.charset, page.is_html) == ("text/plain", "iso-8859-1", False)


def test_redirects_are_followed_to_the_page(server: PageServer, policy: FetchPolicy):
    server.page("/story", NEWS_PAGE)
    server.routes["/short"] = lambda handler: handler.redirect("/story", 301)
    page = fetch_page(server.url("/short"), policy)
    assert page.url == server.url("/story")


def test_redirects_in_a_loop_are_refused(server: PageServer, policy: FetchPolicy):
    server.routes["/a"] = lambda handler: handler.redirect("/b")
    server.routes["/b"] = lambda handler: handler.redirect("/a")
    with pytest.raises(FetchError, match="redirects in a loop"):
        fetch_page(server.url("/a"), policy)
    assert [path for path, _ in server.requests] == ["/a", "/b"]


def test_more_redirects_than_allowed_are_refused(server: PageServer, policy: FetchPolicy):
    for hop in range(10):
        server.routes[f"/hop/{hop}"] = lambda handler, hop=hop: handler.redirect(f"/hop/{hop + 1}")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch_page(server.url("/hop/0"), dataclasses.replace(policy, max_redirects=3))
    assert len(server.requests) == 4


def test_a_redirect_to_a_private_address_is_refused_after_an_allowed_first_hop(
    server: PageServer, other_server: PageServer, policy: FetchPolicy
):
    """127.0.0.1 is allowed (the test server); the redirect to 127.0.0.2 is checked again
    and refused, and the second server never sees a request."""
    other_server.page("/inside", "<html><body><p>Internal only.</p></body></html>")
    server.routes["/out"] = lambda handler: handler.redirect(other_server.url("/inside"))
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.2 is a loopback address"):
        fetch_page(server.url("/out"), policy)
    assert other_server.requests == []

    both = dataclasses.replace(policy, allowed_networks=parse_networks(["127.0.0.0/30"]))
    assert fetch_page(server.url("/out"), both).url == other_server.url("/inside")


def test_a_redirect_to_a_name_of_a_private_address_is_refused(server, policy):
    server.routes["/out"] = lambda handler: handler.redirect("http://intranet.test/admin")
    hooked = dataclasses.replace(policy, lookup=lookup_table({"intranet.test": ["10.0.0.5"]}))
    with pytest.raises(FetchError, match=r"intranet\.test resolves to 10\.0\.0\.5, a private"):
        fetch_page(server.url("/out"), hooked)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a.html", "gopher://x/", "javascript:alert(1)"]
)
def test_only_http_and_https_are_fetched(url: str, policy: FetchPolicy):
    with pytest.raises(FetchError, match="only http and https addresses are fetched"):
        fetch_page(url, policy)


def test_a_redirect_to_another_scheme_is_refused(server: PageServer, policy: FetchPolicy):
    server.routes["/out"] = lambda handler: handler.redirect("file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https addresses are fetched"):
        fetch_page(server.url("/out"), policy)


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/", "::1 is a loopback address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("https://10.0.0.1/admin", "10.0.0.1 is a private address"),
    ],
)
def test_an_address_written_in_the_url_is_checked_before_any_request(url: str, refused: str):
    with pytest.raises(FetchError, match=re.escape(f"refused: {refused}")):
        fetch_page(url, FetchPolicy(timeout_seconds=5))


def test_a_numeric_host_that_means_loopback_is_not_fetched(server: PageServer):
    server.page("/", NEWS_PAGE)
    with pytest.raises(FetchError):
        fetch_page(f"http://2130706433:{server.port}/", FetchPolicy(timeout_seconds=5))
    assert server.requests == []
