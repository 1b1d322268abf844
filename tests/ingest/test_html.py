"""HTML pages: text and metadata through trafilatura, and HTML files in the knowledge folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import NEWS_PAGE

from bot.articles import ArticleError
from bot.cli import main
from bot.ingest.files import read_article
from bot.ingest.html import read_html
from bot.knowledge_base import KnowledgeBase, load_snapshot

BARE_PAGE = """<html><head><title>Ferry raised from the harbour floor</title></head><body>
<div class="story"><p>A crane barge raised the sunken ferry from the floor of Ashford harbour on
Monday, a week after the storm that sank it at its berth.</p>
<p>Divers had fixed cables to its hull over the weekend, and the lift took four hours.</p></div>
<footer><p>© 2023 Harbour Watch</p></footer></body></html>
"""


def test_the_page_metadata_gives_title_outlet_author_date_and_canonical_link():
    page = read_html(NEWS_PAGE.encode())
    meta = page.metadata
    assert meta.title == "Harbour reopens after the storm"
    assert meta.publisher == "The Coast Herald"
    assert meta.author == "Mira Castell"
    assert meta.published == date(2024, 3, 14)  # the original date, not the modified one
    assert meta.url == "https://coastherald.example/2024/03/14/harbour-reopens"
    assert "three days after the storm tore two piers" in " ".join(page.text.split())
    assert "Home" not in page.text.splitlines()


def test_what_the_page_does_not_say_stays_empty():
    """No site name, author, date or canonical link: none is invented (not the copyright year,
    not the host name)."""
    meta = read_html(BARE_PAGE.encode()).metadata
    assert meta.title == "Ferry raised from the harbour floor"
    assert (meta.publisher, meta.author, meta.published, meta.url) == (None, None, None, None)


@pytest.mark.parametrize(
    "html",
    [
        b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        b"<html><body></body></html>",
        b"   ",
    ],
)
def test_a_page_without_article_text_is_a_clear_problem(html: bytes):
    with pytest.raises(ArticleError, match=r"no article text|file is empty"):
        read_article(html, article_id="menu", path="menu.html")


def test_the_extracted_text_is_cleaned_by_the_raw_text_rules():
    page = NEWS_PAGE.replace(
        "<p>Harbour master", "<p>Advertisement</p><p>By Mira Castell</p><p>Harbour master"
    )
    reading = read_article(page.encode(), article_id="harbour", path="harbour.html")
    paragraphs = reading.article.text.split("\n\n")
    assert "Advertisement" not in paragraphs
    assert "By Mira Castell" not in paragraphs
    assert paragraphs[0].startswith("The harbour of Ashford reopened")


def test_every_field_of_an_html_page_is_reported_with_where_it_came_from():
    reading = read_article(NEWS_PAGE.encode(), article_id="harbour", path="harbour.html")
    assert reading.sources == {
        "title": "the page's title metadata",
        "publisher": "the page's site name",
        "author": "the page's author metadata",
        "published": "the page's date metadata, read by htmldate",
        "url": "the page's canonical link",
    }
    assert set(reading.article.guessed) == set(reading.sources)


def html_kb(tmp_path: Path, pages: dict[str, str]) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    for name, html in pages.items():
        (directory / name).write_text(html, encoding="utf-8")
    return directory


def test_an_html_file_in_the_folder_is_an_article_and_stays_as_it_was(tmp_path: Path):
    directory = html_kb(tmp_path, {"harbour.html": NEWS_PAGE, "ferry.htm": BARE_PAGE})
    kb = KnowledgeBase(directory)
    assert sorted(kb.snapshot.articles) == ["ferry", "harbour"]
    answer = kb.ask("What did the harbour master say about the divers and the channel?")
    assert answer.answered
    assert answer.passages[0].article.publisher == "The Coast Herald"
    assert (directory / "harbour.html").read_text(encoding="utf-8") == NEWS_PAGE


def test_the_index_version_follows_the_html_bytes(tmp_path: Path):
    directory = html_kb(tmp_path, {"harbour.html": NEWS_PAGE, "ferry.htm": BARE_PAGE})
    before = load_snapshot(directory).version
    (directory / "ferry.htm").write_text(BARE_PAGE.replace("four hours", "five hours"))
    assert load_snapshot(directory).version != before


def test_an_html_page_without_text_is_reported_by_check(tmp_path: Path, capsys):
    menu = "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"
    directory = html_kb(tmp_path, {"harbour.html": NEWS_PAGE, "menu.html": menu})
    assert main(["check", "--kb", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "menu.html: no article text" in out
    assert "harbour.html: guessed publisher: The Coast Herald from the page's site name" in out
    assert "harbour.html: guessed published: 2024-03-14 from the page's date metadata" in out


def test_a_sites_boilerplate_is_counted_on_the_text_of_its_pages(tmp_path: Path):
    """A line every page of one site prints in its article body is boilerplate, found on the
    extracted text (the HTML source lines hold it inside tags)."""
    notice = "The Coast Herald has been owned by its readers since 1921 and takes no advertising."
    stories = {
        "storm.html": "The storm tore two piers from their moorings and sank a ferry at its berth.",
        "fund.html": "The council promised a relief fund of 40,000 pounds for the damaged boats.",
        "ferry.html": "A crane barge from Dunmore raised the sunken ferry on Monday afternoon.",
    }
    pages = {
        name: f"<html><head><title>{story[:30]}</title></head><body><article>\n"
        f"<p>{story} Officials said the work would take weeks to complete in full.</p>\n"
        f"<p>{notice}</p>\n</article></body></html>"
        for name, story in stories.items()
    }
    kb = KnowledgeBase(html_kb(tmp_path, pages))
    assert len(kb.articles) == 3
    assert all(notice not in article.text for article in kb.articles)
