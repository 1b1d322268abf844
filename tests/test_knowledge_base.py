import os
import shutil
import threading
from pathlib import Path

import pytest

from bot.answer import answer_question
from bot.knowledge_base import KnowledgeBase, KnowledgeBaseError


def test_missing_directory_is_a_clear_error(tmp_path: Path):
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        KnowledgeBase(tmp_path / "nowhere")


def test_empty_directory_is_a_clear_error(tmp_path: Path):
    with pytest.raises(KnowledgeBaseError, match="no article files"):
        KnowledgeBase(tmp_path)


def test_bad_file_at_start_is_skipped_and_reported(tiny_kb_dir: Path):
    (tiny_kb_dir / "broken.md").write_bytes(b"\xff\xfe\x00binary")
    kb = KnowledgeBase(tiny_kb_dir)
    assert len(kb.articles) == 3
    assert [p.file for p in kb.snapshot.problems] == ["broken.md"]


def test_same_article_twice_is_indexed_once_and_reported_once(tiny_kb_dir: Path):
    shutil.copy(tiny_kb_dir / "volcano.md", tiny_kb_dir / "volcano-copy.md")
    kb = KnowledgeBase(tiny_kb_dir)
    assert len(kb.articles) == 3
    assert [str(p) for p in kb.snapshot.problems] == [
        "volcano.md: same article as volcano-copy.md; indexed once"
    ]


def test_reload_swaps_in_new_articles_and_reports_changes(tiny_kb_dir: Path, add_article):
    kb = KnowledgeBase(tiny_kb_dir)
    old_version = kb.version
    add_article("bridge", "The old bridge reopened after repairs on Friday.")
    (tiny_kb_dir / "election.md").unlink()
    (tiny_kb_dir / "football.md").write_text(
        (tiny_kb_dir / "football.md").read_text() + "\nThe coach resigned.", encoding="utf-8"
    )
    report = kb.reload()
    assert report.status == "reloaded" and report.ok
    assert (report.added, report.removed, report.changed) == (
        ["bridge.md"],
        ["election.md"],
        ["football.md"],
    )
    assert report.articles == 3 and report.passages == len(kb.snapshot.passages)
    assert report.version == kb.version != old_version
    assert kb.ask("bridge reopened").passages[0].article.id == "bridge"


def test_a_reload_gives_back_the_replaced_snapshots_memory_once_it_is_freed(
    tiny_kb_dir: Path, add_article, monkeypatch: pytest.MonkeyPatch
):
    """The old snapshot is dropped before the C library is asked to return freed memory, so
    that the next reload's peak does not stand on it (docs/speed.md)."""
    import weakref

    import bot.memory

    kb = KnowledgeBase(tiny_kb_dir)
    old = weakref.ref(kb.snapshot.index)
    old_alive_at_trim: list[bool] = []
    monkeypatch.setattr(
        bot.memory, "give_back_freed_memory", lambda: old_alive_at_trim.append(old() is not None)
    )
    add_article("bridge", "The old bridge reopened after repairs on Friday.")
    assert kb.reload().status == "reloaded"
    assert old_alive_at_trim[-1:] == [False]


def test_reload_without_changes_says_so(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    report = kb.reload()
    assert report.status == "unchanged" and report.version == kb.version


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("latin1.md", "Caf\xe9".encode("latin-1"), "not UTF-8"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("empty.md", b"", "empty"),
        ("header.md", b"---\ntitle: [oops\n---\nText.", "malformed front matter"),
    ],
)
def test_reload_with_a_bad_file_is_refused_and_the_old_index_stays_live(
    tiny_kb_dir: Path, name: str, data: bytes, reason: str
):
    kb = KnowledgeBase(tiny_kb_dir)
    live = kb.snapshot
    (tiny_kb_dir / name).write_bytes(data)
    report = kb.reload()
    assert report.status == "refused" and not report.ok
    assert [p.file for p in report.problems] == [name]
    assert reason in report.problems[0].reason
    assert kb.snapshot is live
    assert kb.ask("volcano").answered


def test_reload_of_an_oversized_file_names_the_limit(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir, max_file_bytes=1_000)
    (tiny_kb_dir / "huge.md").write_bytes(b"a" * 50_000)
    report = kb.reload()
    assert report.status == "refused"
    assert "over the 1,000-byte limit" in report.problems[0].reason


def test_reload_of_an_emptied_directory_keeps_the_old_index(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    for path in tiny_kb_dir.iterdir():
        path.unlink()
    report = kb.reload()
    assert report.status == "refused"
    assert "no article files" in report.problems[0].reason
    assert kb.ask("volcano").answered


def test_reload_of_a_removed_directory_keeps_the_old_index(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    shutil.rmtree(tiny_kb_dir)
    assert kb.reload().status == "refused"
    assert len(kb.articles) == 3


def test_concurrent_reload_is_told_one_is_running(tiny_kb_dir: Path, monkeypatch):
    kb = KnowledgeBase(tiny_kb_dir)
    entered, release = threading.Event(), threading.Event()
    original = kb._reload

    def slow_reload():
        entered.set()
        release.wait(timeout=10)
        return original()

    monkeypatch.setattr(kb, "_reload", slow_reload)
    first = threading.Thread(target=kb.reload)
    first.start()
    assert entered.wait(timeout=10)
    second = kb.reload()
    release.set()
    first.join(timeout=10)
    assert second.status == "busy"
    assert "already running" in second.summary()


def test_questions_in_flight_finish_on_the_snapshot_they_started_with(
    tiny_kb_dir: Path, add_article
):
    kb = KnowledgeBase(tiny_kb_dir)
    before = kb.snapshot
    add_article("bridge", "The old bridge reopened after repairs on Friday.")
    kb.reload()
    answer = answer_question(before, "volcano")
    assert answer.answered
    assert answer.version == before.version != kb.version


def test_progress_is_quiet_when_output_is_not_a_terminal(tiny_kb_dir: Path, capsys):
    KnowledgeBase(tiny_kb_dir, progress=True)
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_file_that_vanishes_while_being_read_is_reported(tiny_kb_dir: Path, monkeypatch):
    kb = KnowledgeBase(tiny_kb_dir)
    real_open = Path.open

    def vanishing_open(path: Path, *args, **kwargs):
        if path.name == "election.md":
            path.unlink()
            raise FileNotFoundError(2, "No such file or directory")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", vanishing_open)
    report = kb.reload()
    assert report.status == "refused"
    assert [p.file for p in report.problems] == ["election.md"]
    assert "cannot be read" in report.problems[0].reason
    assert len(kb.articles) == 3


def test_reload_of_a_directory_that_cannot_be_listed_keeps_the_old_index(
    tiny_kb_dir: Path, monkeypatch
):
    kb = KnowledgeBase(tiny_kb_dir)

    def denied(path: object):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "listdir", denied)  # chmod 000 does not stop root
    report = kb.reload()
    assert report.status == "refused"
    assert "cannot list the knowledge directory" in report.problems[0].reason
    assert kb.ask("volcano").answered


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_a_file_that_is_not_a_regular_file_is_refused_without_reading_it(
    tiny_kb_dir: Path, special: str
):
    kb = KnowledgeBase(tiny_kb_dir)
    path = tiny_kb_dir / "special.md"
    if special == "fifo":
        os.mkfifo(path)  # reading it would block until a writer came
    else:
        path.symlink_to("/dev/zero")  # reading it would never end
    reports = []
    worker = threading.Thread(target=lambda: reports.append(kb.reload()), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert reports, "the reload blocked"
    assert reports[0].status == "refused"
    assert [(p.file, p.reason) for p in reports[0].problems] == [
        ("special.md", "not a regular file")
    ]


def test_a_dangling_aliases_link_is_a_problem_not_no_aliases(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    (tiny_kb_dir / "aliases.yml").symlink_to(tiny_kb_dir / "gone.yml")
    report = kb.reload()
    assert report.status == "refused"
    assert report.problems[0].file == "aliases.yml"


LAVA_ALIASES = "magma: [lava]\n"


def test_a_folder_without_aliases_uses_the_fallback_aliases_file(tiny_kb_dir: Path, tmp_path: Path):
    fallback = tmp_path / "defaults" / "aliases.yml"
    fallback.parent.mkdir()
    fallback.write_text(LAVA_ALIASES, encoding="utf-8")

    without = KnowledgeBase(tiny_kb_dir)
    with_fallback = KnowledgeBase(tiny_kb_dir, aliases_fallback=fallback)

    assert without.snapshot.aliases_file is None
    assert without.snapshot.search("magma", 1) == []
    assert with_fallback.snapshot.aliases_file == str(fallback)
    [(passage, _)] = with_fallback.snapshot.search("magma", 1)
    assert "Lava" in passage.text


def test_the_folders_own_aliases_win_over_the_fallback(tiny_kb_dir: Path, tmp_path: Path):
    fallback = tmp_path / "fallback.yml"
    fallback.write_text(LAVA_ALIASES, encoding="utf-8")
    (tiny_kb_dir / "aliases.yml").write_text("mayor: [city leader]\n", encoding="utf-8")

    kb = KnowledgeBase(tiny_kb_dir, aliases_fallback=fallback)

    assert kb.snapshot.aliases_file == str(tiny_kb_dir / "aliases.yml")
    assert kb.snapshot.search("magma", 1) == []


def test_a_line_printed_under_three_articles_is_boilerplate_not_text(tmp_path: Path):
    footer = "Our reporting is supported by readers like you, every single day."
    for name in ["a", "b", "c"]:
        (tmp_path / f"{name}.txt").write_text(
            f"Story {name.upper()} Makes the Headline Here\n\nStory {name} text.\n\n{footer}"
        )
    (tmp_path / "d.txt").write_text("Story D Makes the Headline Here\n\nStory d text.")
    kb = KnowledgeBase(tmp_path)
    assert all(footer not in article.text for article in kb.articles)
