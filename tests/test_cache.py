from __future__ import annotations

import errno
import json
import logging
import os
import pickle  # only to plant a pickle in a cache entry and show it is never run
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

import bot.build as build_module
import bot.cache as cache_module
import bot.snapshot as snapshot_module
from bot.cache import CACHE_FORMAT, IndexCache
from bot.fit import sentence_tokens
from bot.knowledge_base import KnowledgeBase
from bot.tokens import document_terms

REPO = Path(__file__).resolve().parent.parent
BUNDLED_KB = REPO / "knowledge"


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    return IndexCache(tmp_path / "cache")


def entries(cache: IndexCache) -> list[Path]:
    return sorted(path for path in cache.directory.iterdir() if path.is_dir())


def only_entry(cache: IndexCache) -> Path:
    [entry] = entries(cache)
    return entry


def forbid_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("the index was rebuilt instead of loaded from the cache")

    monkeypatch.setattr(build_module, "build_snapshot", fail)


def reseal(entry: Path) -> None:
    """Recompute an entry's checksum after changing it, as someone crafting an entry would."""
    header = json.loads((entry / "header.json").read_text())
    header["checksum"] = cache_module._checksum(entry, header["files"])
    (entry / "header.json").write_text(json.dumps(header))


def assert_rebuilt(kb: KnowledgeBase, first: KnowledgeBase) -> None:
    assert kb.version == first.version
    assert kb.ask("volcano lava").passages[0].text == first.ask("volcano lava").passages[0].text


# Using the cache


def test_a_second_start_loads_the_index_instead_of_building_it(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    forbid_building(monkeypatch)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version == first.version
    assert second.ask("volcano lava").passages[0].text == first.ask("volcano lava").passages[0].text


def test_a_loaded_snapshot_equals_the_built_one(tmp_path: Path):
    cache = IndexCache(tmp_path / "cache")
    built = KnowledgeBase(BUNDLED_KB, cache=cache).snapshot
    loaded = KnowledgeBase(BUNDLED_KB, cache=cache).snapshot
    assert loaded is not built
    assert dict(loaded.articles) == dict(built.articles)
    assert list(loaded.passages) == list(built.passages)
    assert loaded.aliases == built.aliases and loaded.files == built.files
    assert loaded.speller == built.speller
    for passage in built.passages:
        assert loaded.sentence_terms(passage.id) == built.sentence_terms(passage.id)
        assert loaded.passages.passage_tokens(passage.id) == built.passages.passage_tokens(
            passage.id
        )
    for sentence_id in range(len(built.passages.sentences.start)):
        assert loaded.passages.sentence_words(
            sentence_id, loaded.aliases
        ) == built.passages.sentence_words(sentence_id, built.aliases)
    question = "What did Putin say about North Korean troops?"
    assert KnowledgeBase(BUNDLED_KB, cache=cache).ask(question) == KnowledgeBase(BUNDLED_KB).ask(
        question
    )


def test_a_loaded_index_is_memory_mapped_not_read(tiny_kb_dir: Path, cache: IndexCache):
    KnowledgeBase(tiny_kb_dir, cache=cache)
    snapshot = KnowledgeBase(tiny_kb_dir, cache=cache).snapshot
    assert isinstance(snapshot.index.passages, np.memmap)
    assert isinstance(snapshot.passages.words.ids.base, np.memmap)  # a plain view of the map


def test_a_changed_file_misses_the_cache_and_rebuilds(
    tiny_kb_dir: Path, cache: IndexCache, add_article
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    add_article("bridge", "The old bridge reopened on Friday.")
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version != first.version
    assert second.ask("bridge reopened").answered


def test_reload_uses_and_fills_the_cache(tiny_kb_dir: Path, cache: IndexCache, add_article):
    kb = KnowledgeBase(tiny_kb_dir, cache=cache)
    add_article("bridge", "The old bridge reopened on Friday.")
    assert kb.reload().status == "reloaded"
    assert len(entries(cache)) == 2


UNPICKLING = re.compile(
    r"^\s*(import|from)\s+(pickle|_pickle|cPickle|dill|joblib|shelve|marshal)\b"
    r"|allow_pickle\s*=\s*True|\bpickle\.\w+\(",
    re.M,
)


def age(directory: Path, seconds: float = 3600) -> None:
    """Date every file back, as files are that were not just written."""
    then = time.time() - seconds
    for path in directory.iterdir():
        os.utime(path, (then, then))


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = snapshot_module.read_file

    def counting(path: Path, **kwargs):
        read.append(path.name)
        return real(path, **kwargs)

    monkeypatch.setattr(snapshot_module, "read_file", counting)
    return read


def test_a_start_with_the_cache_reads_no_unchanged_article_file(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    age(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    read = count_reads(monkeypatch)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert read == []
    assert_rebuilt(second, first)


def test_a_start_with_an_unchanged_folder_makes_no_record_per_file(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    """The files' signatures are compared with the recorded ones as whole lists: a start
    with nothing changed makes no ``SourceFile`` and reads nothing."""
    age(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    made: list[str] = []
    real = snapshot_module.SourceFile

    def counting(location: str, *args, **kwargs):
        made.append(location)
        return real(location, *args, **kwargs)

    monkeypatch.setattr(snapshot_module, "SourceFile", counting)
    read = count_reads(monkeypatch)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert made == [] and read == []
    (tiny_kb_dir / "volcano.md").touch()  # a new signature: that file alone is read again
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert read == ["volcano.md"]


def test_a_record_of_the_files_in_an_older_layout_is_ignored_and_every_file_read(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    age(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [record] = cache.directory.glob("*.files.json")
    names = sorted(path.name for path in tiny_kb_dir.glob("*.md"))
    record.write_text(json.dumps({name: [1, 2, 3, "0" * 64] for name in names}))
    read = count_reads(monkeypatch)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert sorted(read) == names


def age_folder(directory: Path, seconds: float = 3600) -> int:
    """Date the folder and its files back; the folder's modification time (ns)."""
    age(directory, seconds)
    then = time.time_ns() - int(seconds * 1e9)
    os.utime(directory, ns=(then, then))
    return then


def count_listings(directory: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    listed: list[str] = []
    real = os.listdir

    def counting(path=".") -> list[str]:
        if Path(path) == directory:
            listed.append(str(path))
        return real(path)

    monkeypatch.setattr(snapshot_module.os, "listdir", counting)
    return listed


def test_an_unchanged_folder_is_not_listed_again_but_a_file_added_or_removed_is_noticed(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch, add_article
):
    """The folder's names are reused while its modification time, inode and device are the
    recorded ones; adding or removing a file changes its modification time."""
    age_folder(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [record] = cache.directory.glob("*.files.json")
    assert json.loads(record.read_text())["listing"] == 3  # the first three keys
    listed = count_listings(tiny_kb_dir, monkeypatch)
    read = count_reads(monkeypatch)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert listed == [] and read == []
    add_article("harbour", "The harbour reopened after the storm.")
    added = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert len(listed) == 1 and "harbour" in added.snapshot.articles
    (tiny_kb_dir / "harbour.md").unlink()
    removed = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert len(listed) == 2 and "harbour" not in removed.snapshot.articles
    assert removed.version == first.version


def test_a_file_edited_in_an_unchanged_folder_is_read_again(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    """Writing into a file leaves its folder's modification time alone: the file's own
    signature tells it changed (here the folder's time is even set back as it was)."""
    then = age_folder(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    volcano = tiny_kb_dir / "volcano.md"
    volcano.write_text(volcano.read_text().replace("Lava", "Mud!"))
    os.utime(tiny_kb_dir, ns=(then, then))
    listed = count_listings(tiny_kb_dir, monkeypatch)
    read = count_reads(monkeypatch)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert listed == [] and read[0] == "volcano.md"  # then the build reads the others
    assert second.version != first.version
    assert "Mud!" in second.snapshot.articles["volcano"].text


def test_a_folder_changed_moments_before_it_was_listed_is_listed_again(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    age(tiny_kb_dir)  # the files are old, the folder was just written: its clock is racy
    KnowledgeBase(tiny_kb_dir, cache=cache)
    [record] = cache.directory.glob("*.files.json")
    assert "listing" not in json.loads(record.read_text())
    listed = count_listings(tiny_kb_dir, monkeypatch)
    KnowledgeBase(tiny_kb_dir, cache=cache)
    assert len(listed) == 1


def test_a_folder_listed_with_a_file_just_written_keeps_its_names_and_reads_that_file(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    """A file modified moments before it was read is not signed (``RACY_NS``), so the
    record's keys lack it: the listing is kept as names, not as a count of the keys."""
    then = age_folder(tiny_kb_dir)
    (tiny_kb_dir / "volcano.md").touch()
    os.utime(tiny_kb_dir, ns=(then, then))
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [record] = cache.directory.glob("*.files.json")
    fields = json.loads(record.read_text())
    assert "volcano.md" not in fields["keys"]
    assert fields["listing"] == sorted(path.name for path in tiny_kb_dir.glob("*.md"))
    listed = count_listings(tiny_kb_dir, monkeypatch)
    read = count_reads(monkeypatch)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert listed == [] and read == ["volcano.md"]


@pytest.mark.parametrize(
    "damage",
    [
        {"listing": "volcano.md"},
        {"listing": [1, 2]},
        {"folder": [1, 2]},
        {"folder": "now"},
        {"folder": None},
        {"listing": 99},
        {"listing": -1},
        {"listing": True},
    ],
)
def test_a_record_with_a_malformed_listing_lists_the_folder(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch, damage: dict
):
    age_folder(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [record] = cache.directory.glob("*.files.json")
    fields = json.loads(record.read_text())
    assert "listing" in fields and "folder" in fields
    record.write_text(json.dumps({**fields, **damage}))
    listed = count_listings(tiny_kb_dir, monkeypatch)
    read = count_reads(monkeypatch)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert len(listed) == 1 and read == []


def test_a_file_rewritten_with_the_same_size_is_read_again(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    age(tiny_kb_dir)
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    volcano = tiny_kb_dir / "volcano.md"
    volcano.write_text(volcano.read_text().replace("Lava", "Mud!"))
    read = count_reads(monkeypatch)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert "volcano.md" in read and second.version != first.version
    assert "Mud!" in second.snapshot.articles["volcano"].text


def test_files_changed_moments_before_they_were_read_are_read_again(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    KnowledgeBase(tiny_kb_dir, cache=cache)  # the files were just written: their clock is racy
    read = count_reads(monkeypatch)
    KnowledgeBase(tiny_kb_dir, cache=cache)
    assert sorted(read) == sorted(path.name for path in tiny_kb_dir.glob("*.md"))


def test_the_package_never_uses_pickle():
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "bot").rglob("*.py")
        if UNPICKLING.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert UNPICKLING.search("import pickle\nx = pickle.load(handle)")


# What the folder must be


def test_the_cache_folder_is_created_private(tiny_kb_dir: Path, tmp_path: Path):
    folder = tmp_path / "deep" / "cache"
    KnowledgeBase(tiny_kb_dir, cache=IndexCache(folder))
    assert folder.stat().st_mode & 0o777 == 0o700
    assert all(entry.stat().st_mode & 0o077 == 0 for entry in folder.iterdir())


def refused(tiny_kb_dir: Path, folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The bot answers from an in-memory build, writes nothing, and says why in one line."""
    caplog.set_level(logging.WARNING, logger="bot.cache")
    cache = IndexCache(folder)
    kb = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert kb.ask("volcano lava").answered
    assert kb.reload().status == "unchanged"
    lines = [record.getMessage() for record in caplog.records if record.name == "bot.cache"]
    assert len(lines) == 1 and str(folder) in lines[0] and "built in memory" in lines[0]


def test_a_cache_folder_owned_by_another_user_is_refused(
    tiny_kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    os.chown(folder, 4242, 4242)
    refused(tiny_kb_dir, folder, caplog)
    assert list(folder.iterdir()) == []
    assert "owned by another user" in caplog.text


def test_a_cache_folder_writable_by_others_is_refused(
    tiny_kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    refused(tiny_kb_dir, folder, caplog)
    assert list(folder.iterdir()) == []
    assert "writable by group or others" in caplog.text


def test_a_cache_folder_that_is_a_symlink_is_refused(
    tiny_kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    target = tmp_path / "elsewhere"
    target.mkdir(mode=0o700)
    folder = tmp_path / "cache"
    folder.symlink_to(target)
    refused(tiny_kb_dir, folder, caplog)
    assert list(target.iterdir()) == []
    assert "symbolic link" in caplog.text


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs mounted for one test, where the system allows it (root in a container)."""
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=700", "tmpfs", str(mount_point)],
        capture_output=True,
        timeout=10,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=10)


def remount_read_only(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True, timeout=10)


def test_a_full_cache_file_system_keeps_the_bot_running_and_leaves_no_partial_entry(
    tiny_kb_dir: Path, tmpfs: Path, caplog: pytest.LogCaptureFixture
):
    (tmpfs / "filler").write_bytes(b"\0" * (60 * 1024))
    folder = tmpfs / "cache"
    kb = KnowledgeBase(BUNDLED_KB, cache=IndexCache(folder))
    assert kb.ask("What did Putin say about North Korean troops?").answered
    assert "No space left on device" in caplog.text
    assert list(folder.iterdir()) == []


def test_a_failed_write_leaves_no_partial_entry(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch, caplog
):
    real_write = cache_module.write_array

    def disk_full(path: Path, values: np.ndarray) -> None:
        if path.name == "postings.npy":
            real_write(path, values[: len(values) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, values)

    monkeypatch.setattr(cache_module, "write_array", disk_full)
    assert KnowledgeBase(tiny_kb_dir, cache=cache).ask("volcano lava").answered
    assert "No space left on device" in caplog.text
    assert list(cache.directory.iterdir()) == []


def test_a_read_only_cache_file_system_is_still_read_and_never_written(
    tiny_kb_dir: Path, tmpfs: Path, add_article, caplog: pytest.LogCaptureFixture
):
    folder = tmpfs / "cache"
    first = KnowledgeBase(tiny_kb_dir, cache=IndexCache(folder))
    remount_read_only(tmpfs)
    second = KnowledgeBase(tiny_kb_dir, cache=IndexCache(folder))
    assert_rebuilt(second, first)
    add_article("bridge", "The old bridge reopened on Friday.")
    assert second.reload().status == "reloaded"
    assert second.ask("bridge reopened").answered
    assert "Read-only file system" in caplog.text


def test_a_cache_that_turned_read_only_is_still_read_and_a_failed_write_only_logs(
    tiny_kb_dir: Path, cache: IndexCache, add_article, monkeypatch: pytest.MonkeyPatch, caplog
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)

    def read_only(path: Path, values: np.ndarray) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(cache_module, "write_array", read_only)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert_rebuilt(second, first)
    add_article("bridge", "The old bridge reopened on Friday.")
    assert second.reload().status == "reloaded" and second.ask("bridge reopened").answered
    assert "cannot write the index cache" in caplog.text and "Read-only" in caplog.text
    assert len(entries(cache)) == 1 and not list(cache.directory.glob("*.tmp"))


def test_a_cache_folder_that_cannot_be_created_only_costs_the_speed_up(
    tiny_kb_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache folder should be")
    kb = KnowledgeBase(tiny_kb_dir, cache=IndexCache(blocker / "cache"))
    assert kb.ask("volcano lava").answered
    assert "built in memory" in caplog.text


def test_a_temporary_folder_left_by_a_crash_is_removed_on_the_next_write(
    tiny_kb_dir: Path, cache: IndexCache, add_article
):
    KnowledgeBase(tiny_kb_dir, cache=cache)
    dead_pid = 2**22 + 1  # above Linux's pid_max: no process has it
    name = only_entry(cache).name
    crashed = cache.directory / f"{name}.{dead_pid}-1.tmp"
    crashed.mkdir()
    (crashed / "postings.npy").write_bytes(b"half of an array")
    writing = cache.directory / f"{name}.{os.getppid()}-2.tmp"
    writing.mkdir()  # another live process, writing right now
    add_article("bridge", "The old bridge reopened on Friday.")
    KnowledgeBase(tiny_kb_dir, cache=cache)
    assert not crashed.exists()
    assert writing.exists()


# What an entry must be


def test_a_truncated_entry_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    postings = only_entry(cache) / "postings.npy"
    postings.write_bytes(postings.read_bytes()[:-7])
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert "unusable (checksum mismatch" in caplog.text
    assert (only_entry(cache) / "postings.npy").stat().st_size > 0
    assert not caplog.text.count("unusable") > 1


def test_an_entry_with_a_wrong_checksum_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    header_path = only_entry(cache) / "header.json"
    header = json.loads(header_path.read_text())
    header["checksum"] = "0" * 64
    header_path.write_text(json.dumps(header))
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert "checksum mismatch" in caplog.text
    KnowledgeBase(tiny_kb_dir, cache=cache)
    assert caplog.text.count("unusable") == 1


def test_an_entry_of_a_newer_format_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    header_path = only_entry(cache) / "header.json"
    header = json.loads(header_path.read_text())
    header["format"] = CACHE_FORMAT + 1
    header_path.write_text(json.dumps(header))
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert f"cache format {CACHE_FORMAT + 1}, expected {CACHE_FORMAT}" in caplog.text


def test_a_corrupt_header_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    (only_entry(cache) / "header.json").write_bytes(b"\x80\x05not json at all")
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert "header is not JSON" in caplog.text


def test_an_entry_for_other_files_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, add_article, caplog: pytest.LogCaptureFixture
):
    KnowledgeBase(tiny_kb_dir, cache=cache)
    [old_entry] = entries(cache)
    bridge = add_article("bridge", "The old bridge reopened on Friday.")
    current = KnowledgeBase(tiny_kb_dir, cache=cache)
    current_entry = next(e for e in entries(cache) if e != old_entry)
    for path in old_entry.iterdir():
        (current_entry / path.name).write_bytes(path.read_bytes())
    header = json.loads((current_entry / "header.json").read_text())
    header["version"] = current.version
    (current_entry / "header.json").write_text(json.dumps(header))
    again = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert again.version == current.version
    assert "bridge" in again.snapshot.articles
    assert bridge.exists()
    assert "built from other files" in caplog.text


def test_an_entry_pointing_outside_its_arrays_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    entry = only_entry(cache)
    postings = np.load(entry / "postings.npy")
    postings[0] = 10**6
    np.save(entry / "postings.npy", postings)
    reseal(entry)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert "array postings points outside" in caplog.text


def test_an_entry_with_word_ids_outside_its_vocabulary_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    entry = only_entry(cache)
    tokens = np.load(entry / "tokens.npy")
    tokens[0] = np.iinfo(tokens.dtype).max
    np.save(entry / "tokens.npy", tokens)
    reseal(entry)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert "array tokens points outside" in caplog.text


class Planted:
    """Unpickling this would create the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_planted_in_an_entry_is_never_run(
    tiny_kb_dir: Path, cache: IndexCache, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    entry = only_entry(cache)
    marker = tmp_path / "planted-code-ran"
    planted = np.empty(1, dtype=object)
    planted[0] = Planted(marker)
    np.save(entry / "postings.npy", planted, allow_pickle=True)
    reseal(entry)
    (cache.directory / f"{entry.name}.pickle").write_bytes(pickle.dumps(Planted(marker)))
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert not marker.exists()
    assert "unusable" in caplog.text


def test_an_entry_that_cannot_be_removed_is_skipped_and_rebuilt(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    (only_entry(cache) / "header.json").write_text("{}")

    def read_only(path):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(cache_module, "_remove", read_only)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)


# Two processes at once

RACE = """
import sys, time
from pathlib import Path
from bot.cache import IndexCache
from bot.knowledge_base import KnowledgeBase
import bot.cache as cache_module

kb_dir, folder, go = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
real_write = cache_module.write_entry

def write_together(tmp, snapshot):
    while not go.exists():  # both processes have built: write at the same moment
        time.sleep(0.005)
    real_write(tmp, snapshot)

cache_module.write_entry = write_together
Path(sys.argv[4]).touch()
kb = KnowledgeBase(kb_dir, cache=IndexCache(folder))
print(kb.ask("volcano lava").answered, flush=True)
again = KnowledgeBase(kb_dir, cache=IndexCache(folder))
print(again.ask("volcano lava").answered, flush=True)
"""


def test_two_processes_building_the_same_cache_at_once_both_answer(
    tiny_kb_dir: Path, tmp_path: Path
):
    folder = tmp_path / "cache"
    go = tmp_path / f"go-{uuid.uuid4().hex}"
    ready = [tmp_path / f"ready-{number}" for number in range(2)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, str(tiny_kb_dir), str(folder), str(go), str(flag)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for flag in ready
    ]
    try:
        for flag in ready:
            for _ in range(3000):
                if flag.exists():
                    break
                time.sleep(0.01)
        go.touch()
        results = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            process.kill()
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert out.split() == ["True", "True"], err
    assert len([path for path in folder.iterdir() if path.is_dir()]) == 1
    assert not list(folder.glob("*.tmp"))


def test_the_cached_index_remembers_which_aliases_file_was_in_force(
    tiny_kb_dir: Path, cache: IndexCache, tmp_path: Path
):
    fallback = tmp_path / "fallback-aliases.yml"
    fallback.write_text("magma: [lava]\n", encoding="utf-8")
    first = KnowledgeBase(tiny_kb_dir, cache=cache, aliases_fallback=fallback)
    second = KnowledgeBase(tiny_kb_dir, cache=cache, aliases_fallback=fallback)
    assert second.version == first.version
    assert second.snapshot.aliases_file == str(fallback)
    assert second.snapshot.search("magma", 1)


def test_an_entry_of_the_previous_format_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, caplog: pytest.LogCaptureFixture
):
    """Format 3 stored every sentence's terms (``sentence_terms.npy``); its entries are
    rebuilt, whatever they hold."""
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    entry = only_entry(cache)
    np.save(entry / "sentence_terms.npy", np.zeros(3, np.uint16))
    (entry / "word_stem.npy").unlink()
    header = json.loads((entry / "header.json").read_text())
    header["format"] = 3
    header["files"] = sorted(path.name for path in entry.iterdir() if path.name != "header.json")
    (entry / "header.json").write_text(json.dumps(header))
    reseal(entry)
    assert_rebuilt(KnowledgeBase(tiny_kb_dir, cache=cache), first)
    assert f"cache format 3, expected {CACHE_FORMAT}" in caplog.text


def test_word_ids_beyond_16_bits_round_trip_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Word ids are 16-bit ranks by frequency; the rarer words' ids are kept apart (here
    from the fourth word on, as an archive's from the 65,535th)."""
    monkeypatch.setattr(snapshot_module, "OVERFLOW", 3)  # as the snapshot reads the ids
    monkeypatch.setattr(build_module, "OVERFLOW", 3)  # as the build writes them
    cache = IndexCache(tmp_path / "cache")
    built = KnowledgeBase(BUNDLED_KB, cache=cache).snapshot
    loaded = KnowledgeBase(BUNDLED_KB, cache=cache).snapshot
    assert built.passages.words.overflow_at.size > 0
    assert int(loaded.passages.words.ids.max()) == 3
    for passage in built.passages:
        assert loaded.passages.passage_tokens(passage.id) == built.passages.passage_tokens(
            passage.id
        )
        text = built.articles[passage.article_id].text
        tokens = [t for s in passage.sentences for t in sentence_tokens(text[s.start : s.end])]
        assert loaded.passages.passage_tokens(passage.id)[0] == tokens


def test_loaded_sentence_terms_are_the_document_terms_of_each_sentence(tmp_path: Path):
    """Terms are not stored per sentence but derived from its stored words: the same set."""
    cache = IndexCache(tmp_path / "cache")
    KnowledgeBase(BUNDLED_KB, cache=cache)
    loaded = KnowledgeBase(BUNDLED_KB, cache=cache).snapshot
    for article_id, article in loaded.articles.items():
        spans = loaded.article_sentences(article_id)
        for span, found in zip(spans, loaded.article_sentence_terms(article_id), strict=True):
            text = article.text[span.start : span.end]
            assert found == frozenset(document_terms(text, loaded.aliases))


def test_an_index_cached_by_other_reading_code_is_not_served(
    tiny_kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """After an upgrade that reads pages differently, an unchanged folder is read again: the
    version holds a digest of the build's code, so the old entry is not found."""
    cache = IndexCache(tmp_path / "cache")
    before = KnowledgeBase(tiny_kb_dir, cache=cache).version
    monkeypatch.setattr(snapshot_module, "build_code_version", lambda: "other reading rules")
    assert KnowledgeBase(tiny_kb_dir, cache=cache).version != before


def test_the_build_code_digest_leaves_out_the_chat_and_conversation_layers():
    package = Path(snapshot_module.__file__).resolve().parent
    assert {"adapters", "desk", "render.py"} <= snapshot_module.ABOVE_THE_BUILD
    assert all((package / part).exists() for part in snapshot_module.ABOVE_THE_BUILD)
