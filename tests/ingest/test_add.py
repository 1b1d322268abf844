"""``add``: one article file from a URL, an HTML file or a text file, validated as a reload
would, never overwriting, never a duplicate, never outside the folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NEWS_PAGE, PageServer

from bot.articles import Article
from bot.cli import main
from bot.ingest.add import AddReport, Document, add_article, add_document, slugify
from bot.ingest.fetch import FetchPolicy
from bot.knowledge_base import KnowledgeBase

TEXT_ARTICLE = """Council approves relief fund for storm-hit fishing crews

By Dana Whitlow

The town council of Ashford approved a relief fund of 40,000 pounds on Friday for the fishing
crews whose boats were damaged in last week's storm.

Payments of up to 2,000 pounds per boat will be made within a month, the council said.
"""


@pytest.fixture
def kb_dir(tiny_kb_dir: Path) -> Path:
    return tiny_kb_dir


def existing(directory: Path) -> list[Article]:
    return KnowledgeBase(directory).articles


def add(source: str | Path, directory: Path, policy: FetchPolicy | None = None) -> AddReport:
    return add_article(
        str(source), directory, existing=existing(directory), policy=policy or FetchPolicy()
    )


def test_an_html_file_becomes_an_article_file_with_its_page_kept_beside_it(
    kb_dir: Path, tmp_path: Path
):
    page = tmp_path / "harbour.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    report = add(page, kb_dir)
    assert report.ok, report.problems
    written = kb_dir / "harbour-reopens-after-the-storm.md"
    assert report.path == str(written)
    assert report.original == str(kb_dir / "originals" / "harbour-reopens-after-the-storm.html")
    assert Path(report.original).read_bytes() == page.read_bytes()
    text = written.read_text(encoding="utf-8")
    assert "publisher: The Coast Herald\n" in text
    assert "published: 2024-03-14\n" in text
    assert "url: https://coastherald.example/2024/03/14/harbour-reopens\n" in text
    assert {(g.field, g.value, g.source) for g in report.guessed} >= {
        ("publisher", "The Coast Herald", "the page's site name"),
        ("author", "Mira Castell", "the page's author metadata"),
    }


def test_the_added_article_reloads_and_answers_once(kb_dir: Path, tmp_path: Path):
    kb = KnowledgeBase(kb_dir)
    page = tmp_path / "harbour.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    assert add(page, kb_dir).ok
    report = kb.reload()
    assert report.status == "reloaded", report.problems
    assert report.added == ["harbour-reopens-after-the-storm.md"]  # the kept page is not indexed
    answer = kb.ask("How much is the relief fund for the crews?")
    assert answer.passages[0].article.id == "harbour-reopens-after-the-storm"


def test_a_text_file_is_added_with_the_fields_its_text_gives(kb_dir: Path, tmp_path: Path):
    source = tmp_path / "relief.txt"
    source.write_text(TEXT_ARTICLE, encoding="utf-8")
    report = add(source, kb_dir)
    assert report.ok, report.problems
    assert report.original is None
    assert not (kb_dir / "originals").exists()
    guessed = {g.field: (g.value, g.source) for g in report.guessed}
    assert guessed["author"] == ("Dana Whitlow", "the line 'By Dana Whitlow'")
    kb = KnowledgeBase(kb_dir)
    answer = kb.ask("How much will each boat get from the relief fund?")
    assert answer.passages[0].article.title == report.title
    assert answer.passages[0].article.author == "Dana Whitlow"


def test_a_url_served_on_loopback_is_added_end_to_end(
    server: PageServer, policy: FetchPolicy, kb_dir: Path, monkeypatch, capsys
):
    server.page("/2024/03/14/harbour-reopens", NEWS_PAGE)
    monkeypatch.setenv("FETCH_ALLOWED_NETWORKS", "127.0.0.1/32")
    monkeypatch.setenv("INDEX_CACHE", "false")
    url = server.url("/2024/03/14/harbour-reopens")
    assert main(["add", url, "--kb", str(kb_dir)]) == 0
    out = capsys.readouterr().out
    assert f"Added “Harbour reopens after the storm” as {kb_dir}/harbour-reopens" in out
    assert "Guessed published: 2024-03-14 (from the page's date metadata" in out
    assert out.rstrip().endswith("Run /reload (or restart the bot) to make the new articles live.")
    kb = KnowledgeBase(kb_dir)
    assert kb.ask("Who cleared the channel overnight?").passages[0].article.publisher == (
        "The Coast Herald"
    )


def test_a_page_without_a_canonical_link_keeps_the_address_it_came_from(server, policy, kb_dir):
    bare = NEWS_PAGE.replace('<link rel="canonical"', '<link rel="alternate"')
    server.page("/story", bare)
    report = add(server.url("/story"), kb_dir, policy)
    assert report.ok, report.problems
    assert ("url", server.url("/story"), "the address it was fetched from") in {
        (g.field, g.value, g.source) for g in report.guessed
    }


def test_a_refused_fetch_says_why_in_one_line(server, kb_dir: Path, monkeypatch, capsys):
    monkeypatch.setenv("INDEX_CACHE", "false")
    server.page("/story", NEWS_PAGE)
    assert main(["add", server.url("/story"), "--kb", str(kb_dir)]) == 1
    out = capsys.readouterr().out
    assert out == (f"Not added: {server.url('/story')}: refused: 127.0.0.1 is a loopback address\n")
    assert sorted(path.name for path in kb_dir.iterdir()) == sorted(
        ["election.md", "football.md", "volcano.md"]
    )


def test_the_same_text_twice_is_refused_as_a_duplicate(kb_dir: Path, tmp_path: Path):
    page = tmp_path / "harbour.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    assert add(page, kb_dir).ok
    again = tmp_path / "copy.html"
    again.write_text(NEWS_PAGE.replace("<nav>", "<nav>Menu "), encoding="utf-8")
    report = add(again, kb_dir)
    assert report.problems == ["duplicate: the same text as harbour-reopens-after-the-storm.md"]
    assert sorted(p.name for p in (kb_dir / "originals").iterdir()) == [
        "harbour-reopens-after-the-storm.html"
    ]


def test_the_same_canonical_address_twice_is_refused_as_a_duplicate(kb_dir, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(NEWS_PAGE, encoding="utf-8")
    updated = NEWS_PAGE.replace("three days after", "three full days after")
    second.write_text(updated.replace("/harbour-reopens", "/harbour-reopens/#top"), "utf-8")
    assert add(first, kb_dir).ok
    report = add(second, kb_dir)
    assert report.status == "refused"
    assert report.problems[0].startswith(
        "duplicate: the same address as harbour-reopens-after-the-storm.md"
    )


def test_a_different_article_with_the_same_title_never_overwrites(kb_dir, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(NEWS_PAGE, encoding="utf-8")
    other = NEWS_PAGE.replace("coastherald.example/2024/03/14", "coastherald.example/2025/01/02")
    other = other.replace("fishing boats on Thursday", "ferries and fishing boats on Monday")
    second.write_text(other, encoding="utf-8")
    assert add(first, kb_dir).ok
    before = (kb_dir / "harbour-reopens-after-the-storm.md").read_bytes()
    report = add(second, kb_dir)
    assert report.path == str(kb_dir / "harbour-reopens-after-the-storm-2.md")
    assert (kb_dir / "harbour-reopens-after-the-storm.md").read_bytes() == before
    assert KnowledgeBase(kb_dir).reload().status == "unchanged"


def test_a_title_cannot_name_a_path_outside_the_folder(kb_dir: Path, tmp_path: Path):
    page = NEWS_PAGE.replace(
        'content="Harbour reopens after the storm"', 'content="../../../escaped"'
    )
    report = add_document(
        Document(name="evil.html", data=page.encode(), html=True),
        kb_dir,
        existing=[],
        max_bytes=10_000_000,
    )
    assert report.ok, report.problems
    assert report.path == str(kb_dir / "escaped.md")
    assert not (tmp_path.parent / "escaped.md").exists()


def test_a_kept_page_that_would_land_outside_the_folder_is_refused(kb_dir, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (kb_dir / "originals").symlink_to(outside, target_is_directory=True)
    page = tmp_path / "harbour.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    report = add(page, kb_dir)
    assert report.problems == [
        "originals/harbour-reopens-after-the-storm.html would be written outside the "
        f"knowledge folder {kb_dir}"
    ]
    assert list(outside.iterdir()) == []
    assert not (kb_dir / "harbour-reopens-after-the-storm.md").exists()


def test_a_page_without_article_text_is_refused(kb_dir: Path, tmp_path: Path):
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    report = add(page, kb_dir)
    assert report.status == "refused"
    assert report.problems[0].startswith("no article text")  # "Home" is the only line
    assert len(list(kb_dir.glob("*.md"))) == 3


def test_a_file_that_is_neither_html_nor_text_is_refused(kb_dir: Path, tmp_path: Path):
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.7")
    assert add(source, kb_dir).problems == [
        "not an HTML or text file (expected .htm, .html, .markdown, .md, .txt)"
    ]


def test_a_missing_file_says_so(kb_dir: Path, tmp_path: Path):
    report = add(tmp_path / "nowhere.html", kb_dir)
    assert report.problems == ["cannot be read (No such file or directory)"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Putin's talks: what's next?", "putins-talks-whats-next"),
        ("../../etc/passwd", "etc-passwd"),
        ("_hidden .dotted", "hidden-dotted"),
        ("북한군 러시아 파병", "북한군-러시아-파병"),
        ("???", "article"),
    ],
)
def test_slugs_are_plain_names(title: str, slug: str):
    assert slugify(title) == slug


def test_the_command_adds_what_it_can_and_exits_1_for_the_rest(
    kb_dir: Path, tmp_path: Path, monkeypatch, capsys
):
    monkeypatch.setenv("INDEX_CACHE", "false")
    page, text = tmp_path / "harbour.htm", tmp_path / "relief.md"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    text.write_text(TEXT_ARTICLE, encoding="utf-8")
    code = main(["add", str(page), str(text), str(page), "--kb", str(kb_dir)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0].startswith("Added “Harbour reopens after the storm” as ")
    assert any(line.startswith("Added “Council approves relief fund") for line in lines)
    assert "Not added: harbour.htm: duplicate: the same text as harbour-reopens-after" in "\n".join(
        lines
    )
    assert lines[-1] == "Run /reload (or restart the bot) to make the new articles live."


def test_the_command_refuses_a_folder_that_does_not_exist(tmp_path: Path, capsys):
    assert main(["add", "page.html", "--kb", str(tmp_path / "nowhere")]) == 2
    assert (
        capsys.readouterr().err
        == f"error: knowledge directory {tmp_path / 'nowhere'} does not exist\n"
    )
