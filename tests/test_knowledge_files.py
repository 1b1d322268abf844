"""The files of the knowledge folder as an attacker or a careless editor leaves them: names with
control characters, links out of the folder, files written while a reload reads them."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.cli import run_check
from bot.config import Settings
from bot.knowledge_base import KnowledgeBase
from tests.conftest import ARTICLE, write_article

FORGED_NAME = "bridge\nReplicas: 9 of 9 on version 0123456789ab.md"


def check(directory: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(directory, Settings(_env_file=None), out)
    return code, out.getvalue()


# -- 6. file names with control characters --------------------------------------------------------


def test_a_file_name_with_a_newline_cannot_forge_a_line_of_the_reload_report(tiny_kb_dir: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    (tiny_kb_dir / FORGED_NAME).write_text(
        ARTICLE.format(title="Bridge", publisher="Gazette", slug="b", body="The bridge opened."),
        encoding="utf-8",
    )

    report = kb.reload()

    assert report.status == "refused"
    lines = report.summary().splitlines()
    assert not [line for line in lines if line.startswith("Replicas:")]
    assert lines[1].startswith("Problem: bridge\\nReplicas: 9 of 9 on version 0123456789ab.md: ")
    assert "control characters (\\n)" in report.summary()


def test_check_names_a_file_with_control_characters_as_a_problem(tiny_kb_dir: Path):
    write_article(tiny_kb_dir, "bridge\x1b[2J", "Bridge", "Gazette", "The bridge opened.")

    code, out = check(tiny_kb_dir)

    assert code == 1
    assert "bridge\\x1b[2J.md: file name contains control characters (\\x1b); rename it" in out
    assert "\x1b" not in out


# -- 9. symbolic links --------------------------------------------------------------------------


def test_a_link_to_a_file_outside_the_folder_is_refused(tiny_kb_dir: Path, tmp_path: Path):
    kb = KnowledgeBase(tiny_kb_dir)
    outside = write_article(tmp_path, "secret", "Payroll", "HR", "Salaries are confidential.")
    (tiny_kb_dir / "payroll.md").symlink_to(outside)

    report = kb.reload()
    code, out = check(tiny_kb_dir)

    assert report.status == "refused"
    assert [(p.file, p.reason) for p in report.problems] == [
        ("payroll.md", "a symbolic link to a file outside the knowledge folder; refused")
    ]
    assert not kb.ask("What are the salaries?").answered
    assert code == 1 and "payroll.md: a symbolic link to a file outside" in out


def test_a_relative_link_climbing_out_of_the_folder_is_refused(tiny_kb_dir: Path, tmp_path: Path):
    write_article(tmp_path, "secret", "Payroll", "HR", "Salaries are confidential.")
    (tiny_kb_dir / "payroll.md").symlink_to(Path("..") / "secret.md")

    code, out = check(tiny_kb_dir)

    assert code == 1 and "payroll.md: a symbolic link to a file outside" in out


def test_a_link_to_a_file_inside_the_folder_is_read(tiny_kb_dir: Path):
    drafts = tiny_kb_dir / "drafts"
    drafts.mkdir()
    target = write_article(
        drafts, "bridge", "Bridge reopens", "Gazette", "The old bridge reopened."
    )
    (tiny_kb_dir / "bridge.md").symlink_to(target)

    kb = KnowledgeBase(tiny_kb_dir)

    assert kb.snapshot.problems == []
    assert kb.ask("When did the old bridge reopen?").answered
    assert check(tiny_kb_dir)[0] == 0


# -- 10. a file changing while a reload reads it ------------------------------------------------


APPENDER = """
import sys, time
with open(sys.argv[1], "ab", buffering=0) as handle:
    while True:
        handle.write(b"More words are being written. ")
        time.sleep(0.0002)
"""


@contextmanager
def written_without_pause(path: Path) -> Iterator[None]:
    """Another process appending a sentence to ``path`` every fraction of a millisecond."""
    size = path.stat().st_size
    writer = subprocess.Popen([sys.executable, "-c", APPENDER, str(path)])
    try:
        deadline = time.monotonic() + 10
        while path.stat().st_size == size and time.monotonic() < deadline:
            time.sleep(0.01)
        yield
    finally:
        writer.kill()
        writer.wait(timeout=5)


def test_a_file_that_keeps_changing_while_read_is_refused_and_the_old_version_stays(
    tiny_kb_dir: Path,
):
    """Each reload reads the file at most twice; the writer may pause long enough for one read
    to see the file steady (then that complete state is published), so a few reloads are tried
    and at least one must catch it. Without the check, none ever does."""
    kb = KnowledgeBase(tiny_kb_dir)
    path = write_article(tiny_kb_dir, "growing", "Growing", "Gazette", "Words. " * 300_000)

    refusals = []
    with written_without_pause(path):
        for _ in range(8):
            before = kb.version
            report = kb.reload()
            if report.status == "refused":
                refusals.append((report, before, kb.version))
                break

    assert refusals, "no reload noticed the file changing while it was read"
    report, before, after = refusals[0]
    assert [(p.file, p.reason) for p in report.problems] == [
        (
            "growing.md",
            "changed while it was read, twice; write the new version elsewhere and move it in",
        )
    ]
    assert after == before
