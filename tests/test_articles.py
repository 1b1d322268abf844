from datetime import date
from pathlib import Path

import pytest

from bot.articles import ArticleError, read_file
from bot.ingest.text import parse_article


def parse(text: str | bytes) -> object:
    data = text.encode() if isinstance(text, str) else text
    return parse_article(data, article_id="a", path="a.md")


def test_front_matter_gives_the_attribution():
    article = parse(
        "---\ntitle: T\npublisher: P\nauthor: A\npublished: 2024-10-25\nurl: https://x.org\n"
        "tags: [x]\n---\nBody sentence here."
    )
    assert article.reference() == {
        "id": "a",
        "title": "T",
        "publisher": "P",
        "author": "A",
        "published": "2024-10-25",
        "url": "https://x.org",
    }
    assert article.guessed == ()


def test_null_front_matter_field_is_not_guessed_from_the_text():
    article = parse("---\ntitle: T\nauthor: null\n---\nBody sentence here.\n\nBy Someone Else")
    assert article.author is None


def test_file_without_front_matter_guesses_and_reports_what_it_guessed():
    article = parse(
        "A Headline That Names The Story\n\nBy Valerie Hopkins\n\nFirst sentence. Second one."
    )
    assert article.title == "A Headline That Names The Story"
    assert article.author == "Valerie Hopkins"
    assert set(article.guessed) == {"title", "author"}


def test_a_short_first_line_over_body_text_is_the_title():
    body = " ".join(["The Russian president spoke to reporters in Kazan on Thursday."] * 3)
    article = parse(f"Putin in Kazan\n\n{body}\n")
    assert article.title == "Putin in Kazan"
    assert article.text == body


def test_front_matter_key_that_is_no_article_field_is_ignored_and_named():
    article = parse("---\ntitle: T\nauthr: A\n---\nBody sentence.")
    assert article.author is None
    assert article.unknown_keys == ("authr",)


def test_printed_date_is_guessed_when_there_is_no_front_matter():
    article = parse("Friday, October 25, 2024\n\nSome Headline For The Story\n\nBody sentence.")
    assert article.published == date(2024, 10, 25)
    assert "published" in article.guessed


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\xe9 story".encode("latin-1"), "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\nBody.", "malformed front matter"),
        (b"---\n- a\n- b\n---\nBody.", "mapping"),
        (b"---\ntitle: T\npublished: not a date\n---\nBody.", "published"),
        (b"---\ntitle: T\nBody that never closes the header.", "never closed"),
        (b"---\ntitle: T\n---\nfbpx\nAdvertisement\n", "no article text"),
        (b"---\nauthor: A\n---\nOne Line Only Here\n", "only line was taken as the title"),
    ],
)
def test_bad_files_raise_a_reason_a_moderator_can_act_on(data: bytes, reason: str):
    with pytest.raises(ArticleError, match=reason):
        parse(data)


def test_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path: Path):
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ArticleError, match="over the 10,000,000-byte limit"):
        read_file(path, max_bytes=10_000_000)


def test_missing_file_is_reported_not_raised_as_os_error(tmp_path: Path):
    with pytest.raises(ArticleError, match="cannot be read"):
        read_file(tmp_path / "gone.md", max_bytes=10)


@pytest.mark.parametrize("stamp", ["2024-10-24T10:00:00+03:00", '"2024-10-24T10:00:00+03:00"'])
def test_a_published_timestamp_gives_its_date(stamp: str):
    assert parse(f"---\ntitle: T\npublished: {stamp}\n---\nBody.").published == date(2024, 10, 24)
