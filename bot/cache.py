"""The built index, kept on disk between runs so that a cold start does not rebuild it.

An entry is named by the knowledge directory and the snapshot version, which hashes every
file's bytes and the index format, so any change to the articles or to the code's index
format misses the cache. A missing, stale or corrupt entry is rebuilt, never trusted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

import bot

if TYPE_CHECKING:
    from bot.snapshot import Snapshot

log = logging.getLogger(__name__)

KEEP_ENTRIES = 2
"""Entries kept per knowledge directory: the live version and the one before it."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsdesk"


class IndexCache:
    """A folder of pickled snapshots. Only the bot writes it; never point it at shared files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def load(self, knowledge_dir: Path, version: str, files: dict[str, str]) -> Snapshot | None:
        path = self._entry(knowledge_dir, version)
        if not path.exists():
            return None
        try:
            with path.open("rb") as handle:
                snapshot = pickle.load(handle)
            if snapshot.version != version or snapshot.files != files:
                raise ValueError("entry does not match the knowledge files")
            _check_layout(snapshot)
        except Exception as error:  # a corrupt entry can raise almost anything
            log.warning("index cache entry %s is unusable (%s); rebuilding", path.name, error)
            with suppress(OSError):  # a read-only cache keeps the bad entry, and still works
                path.unlink(missing_ok=True)
            return None
        return snapshot

    def store(self, knowledge_dir: Path, snapshot: Snapshot) -> None:
        """Write atomically (temporary file, then rename); a failure only logs."""
        path = self._entry(knowledge_dir, snapshot.version)
        tmp_name: str | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=self.directory, delete=False, suffix=".tmp"
            ) as tmp:
                tmp_name = tmp.name
                pickle.dump(snapshot, tmp, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp_name, path)
            tmp_name = None
            self._prune(knowledge_dir, keep=path)
        except OSError as error:
            log.warning("cannot write the index cache in %s: %s", self.directory, error)
        finally:
            if tmp_name is not None:  # a full disk must not keep a half-written entry
                with suppress(OSError):
                    os.unlink(tmp_name)

    def _entry(self, knowledge_dir: Path, version: str) -> Path:
        return self.directory / f"{_prefix(knowledge_dir)}-{version}.pickle"

    def _prune(self, knowledge_dir: Path, keep: Path) -> None:
        entries = sorted(
            self.directory.glob(f"{_prefix(knowledge_dir)}-*.pickle"),
            key=lambda entry: entry.stat().st_mtime,
            reverse=True,
        )
        for entry in entries[KEEP_ENTRIES:]:
            if entry != keep:
                entry.unlink(missing_ok=True)


def _check_layout(snapshot: Snapshot) -> None:
    """Raise unless the entry's objects have the fields today's classes have.

    A pickle stores instance fields, not classes: an entry written before a field was added
    or a model became a dataclass would load without error and fail at the first question.
    """
    from bot.articles import Article
    from bot.passages import Passage
    from bot.spelling import Speller

    passage, article = snapshot.passages[0], next(iter(snapshot.articles.values()))
    speller = getattr(snapshot, "speller", None)
    missing = [f.name for f in dataclasses.fields(Passage) if not hasattr(passage, f.name)]
    missing += [name for name in Article.model_fields if name not in vars(article)]
    missing += [f.name for f in dataclasses.fields(Speller) if not hasattr(speller, f.name)]
    if not isinstance(passage, Passage) or not isinstance(article, Article) or missing:
        raise ValueError(f"entry was written by another version of the code ({missing})")


def _prefix(knowledge_dir: Path) -> str:
    """Names the directory and the runtime, since pickles are only safe to share between equals."""
    runtime = f"{knowledge_dir.resolve()}|{bot.__version__}|{sys.version_info[:2]}|{np.__version__}"
    return hashlib.sha256(runtime.encode()).hexdigest()[:12]
