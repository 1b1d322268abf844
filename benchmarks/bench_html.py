"""Time to read HTML pages: trafilatura's extraction, then the whole article reading.

    python benchmarks/bench_html.py [--pages DIR] [--rounds 3] [--big-mb 10]

For every ``*.html`` page of ``DIR`` (for example trafilatura's own test pages, its
repository's ``tests/cache``), the median over ``--rounds`` of:

- ``lxml``: parsing the page with lxml alone, the floor any extractor pays (the baseline,
  measured in the same run);
- ``extract``: ``bot.ingest.html.read_html`` (trafilatura's main text and metadata, htmldate);
- ``article``: ``bot.ingest.files.read_article`` (the above, then cleaning and validation).

Then the same three on one generated page of ``--big-mb`` megabytes (a news page with its
body repeated), the largest page the size limit lets through, and how late an asyncio event
loop's 10 ms timer fires while that page is read in a worker thread (as a reload reads it
beside a chat adapter). Prints medians over pages and the ratio of ``extract`` to ``lxml``
per page. ``article`` clears the extraction cache before each reading, so that it measures
the extraction too.

Last, ``--reload N``: N pages in a folder (the first N of ``--pages``, else generated ones),
the median time of a reload after one of them changed, with the extraction cache
(``bot.ingest.extracted``) warm, against the same reload with the cache cleared first (every
page extracted again, as before the cache), both measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

from bot.articles import ArticleError
from bot.ingest.extracted import EXTRACTIONS
from bot.ingest.files import read_article
from bot.ingest.html import read_html
from bot.knowledge_base import KnowledgeBase

PARAGRAPH = (
    "<p>Russian President Vladimir Putin told reporters in Kazan on Thursday that the "
    "partner countries of BRICS had been chosen, and that invitations would be sent "
    "to each of them before the end of the year, {n}.</p>\n"
)


def big_page(megabytes: float) -> bytes:
    head = (
        "<html><head><title>A very long page</title>"
        '<meta property="og:site_name" content="Bench News"></head><body><article>'
        "<h1>A very long page</h1>\n"
    )
    body, size, number = [head], len(head), 0
    while size < megabytes * 1_000_000:
        paragraph = PARAGRAPH.format(n=number)
        body.append(paragraph)
        size += len(paragraph)
        number += 1
    return ("".join(body) + "</article></body></html>").encode()


def median_seconds(function: Callable[[bytes], object], data: bytes, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        with contextlib.suppress(ArticleError):  # a page without text still costs its reading
            function(data)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def measure(data: bytes, rounds: int) -> dict[str, float]:
    return {
        "lxml": median_seconds(lxml.html.fromstring, data, rounds),
        "extract": median_seconds(read_html, data, rounds),
        "article": median_seconds(
            lambda page: (
                EXTRACTIONS.clear(),
                read_article(page, article_id="page", path="page.html"),
            ),
            data,
            rounds,
        ),
    }


def news_page(number: int, paragraphs: int = 12) -> bytes:
    """A generated news page of its own (title and paragraphs numbered)."""
    head = (
        f"<html><head><title>Summit report number {number}</title>"
        '<meta property="og:site_name" content="Bench News"></head><body><article>'
        f"<h1>Summit report number {number}</h1>\n"
    )
    body = [PARAGRAPH.format(n=f"{number}-{index}") for index in range(paragraphs)]
    return (head + "".join(body) + "</article></body></html>").encode()


def reload_seconds(pages: list[bytes], rounds: int) -> dict[str, float]:
    """Median seconds of a reload after one of ``pages`` changed: cache warm or cleared."""
    samples: dict[str, list[float]] = {"cached": [], "cleared": []}
    with tempfile.TemporaryDirectory() as folder:
        for number, page in enumerate(pages):
            (Path(folder) / f"page{number}.html").write_bytes(page)
        kb = KnowledgeBase(folder)
        for turn in range(rounds * 2):
            mode = "cleared" if turn % 2 else "cached"
            changed = pages[0] + f"<!-- changed {turn} -->".encode()
            (Path(folder) / "page0.html").write_bytes(changed)
            if mode == "cleared":
                EXTRACTIONS.clear()
            started = time.perf_counter()
            kb.reload()
            samples[mode].append(time.perf_counter() - started)
    return {mode: statistics.median(values) for mode, values in samples.items()}


def loop_lag(data: bytes) -> list[float]:
    """Lateness of a 10 ms asyncio timer while ``data`` is read in a thread, in seconds."""

    async def watch() -> list[float]:
        finished, lags = threading.Event(), []

        def read() -> None:
            read_article(data, article_id="page", path="page.html")
            finished.set()

        threading.Thread(target=read).start()
        while not finished.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - started - 0.01)
        return lags

    return asyncio.run(watch())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="a folder of .html pages")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big-mb", type=float, default=10.0)
    parser.add_argument("--reload", type=int, default=0, metavar="N", help="pages to reload")
    args = parser.parse_args()
    read_html(big_page(0.01))  # import trafilatura and warm its caches outside the timings
    if args.pages:
        pages = sorted(args.pages.glob("*.html"))
        results = [measure(page.read_bytes(), args.rounds) for page in pages]
        sizes = [page.stat().st_size for page in pages]
        print(f"{len(pages)} pages, median size {statistics.median(sizes) / 1000:.0f} kB")
        for name in ("lxml", "extract", "article"):
            values = [result[name] * 1000 for result in results]
            print(
                f"  {name:8} median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms"
            )
        ratios = [result["extract"] / result["lxml"] for result in results]
        print(f"  extract ÷ lxml per page: median {statistics.median(ratios):.1f}")
    if args.reload:
        found = sorted(args.pages.glob("*.html"))[: args.reload] if args.pages else []
        pages = [page.read_bytes() for page in found] or [
            news_page(number) for number in range(args.reload)
        ]
        times = reload_seconds(pages, args.rounds)
        print(
            f"a reload after 1 of {len(pages)} pages changed: cache cleared "
            f"{times['cleared']:.2f} s, cache warm {times['cached']:.2f} s "
            f"(÷ {times['cleared'] / times['cached']:.1f})"
        )
    data = big_page(args.big_mb)
    result = measure(data, args.rounds)
    print(f"one generated page of {len(data) / 1_000_000:.1f} MB:")
    for name, seconds in result.items():
        print(f"  {name:8} {seconds:7.2f} s")
    lags = sorted(loop_lag(data))
    print(
        f"  event loop beside it: timer late by median {statistics.median(lags) * 1000:.1f} ms, "
        f"p99 {lags[int(0.99 * (len(lags) - 1))] * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
