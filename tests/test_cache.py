import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest

import bot.cache as cache_module
import bot.knowledge_base as knowledge_base
from bot.cache import IndexCache
from bot.knowledge_base import KnowledgeBase
from bot.passages import Passage


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    return IndexCache(tmp_path / "cache")


def entries(cache: IndexCache) -> list[Path]:
    return sorted(cache.directory.glob("*.pickle"))


def forbid_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("the index was rebuilt instead of loaded from the cache")

    monkeypatch.setattr(knowledge_base, "_build_snapshot", fail)


def test_a_second_start_loads_the_index_instead_of_building_it(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    forbid_building(monkeypatch)
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version == first.version
    assert second.ask("volcano lava").passages[0].text == first.ask("volcano lava").passages[0].text


def test_a_changed_file_misses_the_cache_and_rebuilds(
    tiny_kb_dir: Path, cache: IndexCache, add_article
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    add_article("bridge", "The old bridge reopened on Friday.")
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version != first.version
    assert second.ask("bridge reopened").answered


def test_a_corrupt_entry_is_rebuilt_not_trusted(tiny_kb_dir: Path, cache: IndexCache, caplog):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [entry] = entries(cache)
    entry.write_bytes(b"\x80\x05not a pickle at all")
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version == first.version
    assert second.ask("volcano lava").answered
    assert "unusable" in caplog.text
    assert entries(cache) == [entry] and entry.read_bytes()[:2] != b"\x80\x05n"


def test_an_entry_for_other_files_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache, add_article
):
    KnowledgeBase(tiny_kb_dir, cache=cache)
    [old_entry] = entries(cache)
    bridge = add_article("bridge", "The old bridge reopened on Friday.")
    current = KnowledgeBase(tiny_kb_dir, cache=cache)
    current_entry = next(e for e in entries(cache) if e != old_entry)
    current_entry.write_bytes(old_entry.read_bytes())
    again = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert again.version == current.version
    assert "bridge" in again.snapshot.articles
    assert bridge.exists()


def test_reload_uses_and_fills_the_cache(tiny_kb_dir: Path, cache: IndexCache, add_article):
    kb = KnowledgeBase(tiny_kb_dir, cache=cache)
    add_article("bridge", "The old bridge reopened on Friday.")
    assert kb.reload().status == "reloaded"
    assert len(entries(cache)) == 2


def test_an_unwritable_cache_only_costs_the_speed_up(tiny_kb_dir: Path, tmp_path: Path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache folder should be")
    kb = KnowledgeBase(tiny_kb_dir, cache=IndexCache(blocker / "cache"))
    assert kb.ask("volcano lava").answered


def test_an_entry_written_by_older_code_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    old_layout = dataclasses.replace(first.snapshot, passages=[SimpleNamespace(id=0)])
    cache.store(tiny_kb_dir, old_layout)
    again = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert again.ask("volcano lava").answered
    assert isinstance(again.snapshot.passages[0], Passage)


def test_an_entry_with_an_older_speller_is_rebuilt_not_trusted(
    tiny_kb_dir: Path, cache: IndexCache
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    old_speller = SimpleNamespace(words=("volcano",), known=frozenset({"volcano"}))
    cache.store(tiny_kb_dir, dataclasses.replace(first.snapshot, speller=old_speller))
    again = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert again.ask("vulcano lava").corrections == {"vulcano": "volcano"}


def test_an_entry_that_cannot_be_removed_is_skipped_and_rebuilt(
    tiny_kb_dir: Path, cache: IndexCache
):
    first = KnowledgeBase(tiny_kb_dir, cache=cache)
    [entry] = entries(cache)
    entry.unlink()
    entry.mkdir()  # unreadable as a pickle, and unlink() fails on it as on a read-only cache
    second = KnowledgeBase(tiny_kb_dir, cache=cache)
    assert second.version == first.version and second.ask("volcano lava").answered


def test_a_failed_write_leaves_no_partial_file(
    tiny_kb_dir: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch, caplog
):
    def disk_full(obj, handle, protocol=None):
        handle.write(b"\x80\x05partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.pickle, "dump", disk_full)
    assert KnowledgeBase(tiny_kb_dir, cache=cache).ask("volcano lava").answered
    assert "No space left on device" in caplog.text
    assert list(cache.directory.iterdir()) == []


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
