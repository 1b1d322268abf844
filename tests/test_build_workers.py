"""A build in worker processes makes exactly the snapshot the in-process build makes, and
falls back to the in-process build when its workers fail, leaving no process behind."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import bot.build as build_module
import bot.build_workers as workers_module
import bot.snapshot as snapshot_module
from bot.snapshot import Snapshot, load_snapshot

FOOTER = "Follow us on the Coast Herald app for the latest news from Ashford."
STORIES = [
    ("Harbour reopens", "The harbour of Ashford reopened to fishing boats on Thursday."),
    ("Council fund", "The town council approved a relief fund for the fishing crews."),
    ("Ferry raised", "A crane barge from Dunmore raised the ferry that sank at its berth."),
    ("Piers rebuilt", "Work to rebuild the two piers torn away by the storm began on Monday."),
    ("Minister visits", "The Prime Minister of Spain, Ana Ruiz, visited the harbour on Friday."),
    ("Schools close", "Schools in Ashford closed for two days while the roads were cleared."),
    ("Catch lost", "Fishermen said they had lost a week of catch to the storm in Ashford."),
]
PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm damage counted | Coast Herald</title>
<meta property="og:title" content="Storm damage counted"></head><body><article>
<h1>Storm damage counted</h1>
<p>Insurers in Ashford counted the damage of the storm at four million pounds on Tuesday,
twice the first estimate, after surveyors inspected the harbour and the seafront.</p>
<p>The council said the relief fund would be raised if the figure was confirmed.</p>
</article></body></html>"""


def write_folder(directory: Path) -> Path:
    """Articles that share a footer, a copy of one, two files with one id, a bad file, an
    HTML page, an empty file and an aliases file."""
    directory.mkdir()
    for number, (title, sentence) in enumerate(STORIES):
        body = f"{sentence} {sentence.replace('.', ' again.')}\n\nMore follows.\n\n{FOOTER}\n"
        (directory / f"story-{number}.md").write_text(f"---\ntitle: {title}\n---\n{body}")
    (directory / "story-7-copy.md").write_text((directory / "story-2.md").read_text().upper())
    (directory / "story-1.txt").write_text("---\ntitle: Same id\n---\nAnother text entirely.\n")
    (directory / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    (directory / "empty.md").write_text("")
    (directory / "damage.html").write_text(PAGE)
    (directory / "aliases.yml").write_text("Spain: [Kingdom of Spain]\n")
    return directory


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "archive")


@pytest.fixture
def parallel_for_any_size(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers for a folder of any size; the pids of the workers started."""
    monkeypatch.setattr(build_module, "PARALLEL_MIN_FILES", 1)
    started: list[int] = []
    crew_init = workers_module._Crew.__init__

    def counting_init(self: Any, count: int) -> None:
        crew_init(self, count)
        started.extend(process.pid for process in self.processes)

    monkeypatch.setattr(workers_module._Crew, "__init__", counting_init)
    return started


def contents(snapshot: Snapshot) -> dict[str, Any]:
    """Every array and record of a snapshot, by name."""
    found: dict[str, Any] = {"version": snapshot.version}
    passages = snapshot.passages
    for name, record in (
        ("layout", passages.layout),
        ("sentences", passages.sentences),
        ("words", passages.words),
    ):
        for field in dataclasses.fields(record):
            found[f"{name}.{field.name}"] = getattr(record, field.name)
    found.update({f"index.{name}": value for name, value in vars(snapshot.index).items()})
    found["articles"] = [snapshot.articles[i].model_dump() for i in snapshot.articles.ids]
    found["problems"] = [(problem.file, problem.reason) for problem in snapshot.problems]
    found["speller"] = snapshot.speller.ordered
    found["office_holders"] = snapshot.office_holders
    found["aliases"] = (snapshot.aliases.phrases, snapshot.aliases.places)
    return found


def assert_same(one: Snapshot, other: Snapshot) -> None:
    mine, theirs = contents(one), contents(other)
    assert mine.keys() == theirs.keys()
    for name, value in mine.items():
        if isinstance(value, np.ndarray):
            assert value.dtype == theirs[name].dtype, name
            assert np.array_equal(value, theirs[name]), name
        elif hasattr(value, "nnz"):  # a sparse matrix
            assert value.dtype == theirs[name].dtype and (value != theirs[name]).nnz == 0, name
        else:
            assert value == theirs[name], name


def assert_gone(pids: list[int]) -> None:
    assert pids, "no worker was started"
    assert not multiprocessing.active_children()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_a_build_in_workers_is_the_in_process_build_array_for_array(
    folder: Path, parallel_for_any_size: list[int]
):
    here = load_snapshot(folder, workers=1)
    assert not parallel_for_any_size
    for workers in (2, 3):
        assert_same(load_snapshot(folder, workers=workers), here)
    assert_gone(parallel_for_any_size)
    assert [problem.file for problem in here.problems] == [
        "broken.md",
        "empty.md",
        "story-1.txt",
        "story-7-copy.md",
    ]
    assert "damage" in here.articles and "~spain" in here.office_holders
    footer = [passage.text for passage in here.passages if "Coast Herald app" in passage.text]
    assert not footer, "the shared footer should be read as the folder's boilerplate"


def test_the_blocks_tokens_sent_in_small_pieces_and_wide_word_ids_make_the_same_snapshot(
    folder: Path, parallel_for_any_size: list[int], monkeypatch: pytest.MonkeyPatch
):
    """Pieces of a few values cut every block's arrays mid-term and mid-passage, and a word
    id limit of 20 sends most tokens' word ids to the overflow table: the parent's merge
    places each piece and overflow where the in-process build puts them."""
    monkeypatch.setattr(workers_module, "PIECE_ITEMS", 7)
    for module in (build_module, workers_module):
        monkeypatch.setattr(module, "OVERFLOW", 20)
    here = load_snapshot(folder, workers=1)
    assert here.passages.words.overflow_at.size > 0
    assert_same(load_snapshot(folder, workers=2), here)
    assert_gone(parallel_for_any_size)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rebuild_shares_the_articles_that_read_the_same(
    folder: Path, parallel_for_any_size: list[int], workers: int
):
    """While the snapshot built before lives (a reload's live one), an article that reads
    the same is that snapshot's object: one copy in memory, not two."""
    first = load_snapshot(folder, workers=1)
    story = folder / "story-3.md"
    story.write_text(story.read_text() + "\nA late correction was added today.\n")
    second = load_snapshot(folder, workers=workers)
    assert second.articles["story-0"] is first.articles["story-0"]
    assert second.articles["story-3"] is not first.articles["story-3"]
    assert "late correction" in second.articles["story-3"].text
    del first
    assert_same(load_snapshot(folder, workers=1), second)


def test_a_folder_smaller_than_the_threshold_is_built_in_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    def refuse(*args: object) -> None:
        raise AssertionError("workers started for a small folder")

    monkeypatch.setattr(workers_module, "build_in_workers", refuse)
    assert len(load_snapshot(folder, workers=4).articles) == len(STORIES) + 1


@pytest.mark.parametrize(
    ("step", "then"), [(1, "building in this process"), (3, "indexing in this process")]
)
def test_a_worker_that_dies_leaves_the_build_to_this_process(
    folder: Path,
    parallel_for_any_size: list[int],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    step: int,
    then: str,
):
    crew_receive = workers_module._Crew.receive
    steps: list[int] = []

    def die_at_step(self: Any) -> list[Any]:
        steps.append(len(steps) + 1)
        if steps[-1] == step:
            self.processes[-1].kill()
        return crew_receive(self)

    monkeypatch.setattr(workers_module._Crew, "receive", die_at_step)
    with caplog.at_level(logging.WARNING, logger="bot"):
        snapshot = load_snapshot(folder, workers=2)
    assert_same(snapshot, load_snapshot(folder, workers=1))
    [line] = [record.getMessage() for record in caplog.records]
    assert "build workers failed" in line and then in line
    assert_gone(parallel_for_any_size)


def test_workers_that_cannot_start_leave_the_build_to_this_process(
    folder: Path,
    parallel_for_any_size: list[int],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    def no_processes() -> Any:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(workers_module, "_context", no_processes)
    with caplog.at_level(logging.WARNING, logger="bot.build"):
        snapshot = load_snapshot(folder, workers=2)
    assert_same(snapshot, load_snapshot(folder, workers=1))
    assert "cannot start the build workers" in caplog.text
    assert not multiprocessing.active_children()


def test_the_blocks_are_contiguous_and_cover_every_file_once():
    sources = [
        snapshot_module.SourceFile(f"{n}.md", "digest", data=b"x" * (n % 7 * 100))
        for n in range(50)
    ]
    for count in (1, 2, 3, 8):
        blocks = workers_module._blocks(sources, count)
        assert len(blocks) <= count
        assert [source for block in blocks for source in block] == sources
