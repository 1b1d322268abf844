"""The one object adapters hold: ``ask()`` and ``reload()`` over an immutable snapshot.

A reload builds a complete new ``Snapshot`` and then replaces one reference, so questions in
flight finish on the snapshot they started with and a bad file never loses what was live.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel

from bot.answer import Answer, answer_question
from bot.articles import (
    Article,
    ArticleError,
    Problem,
    describe_yaml_error,
    read_file,
)
from bot.cache import IndexCache
from bot.cleaning import repeated_lines
from bot.control_characters import control_characters, escape_controls
from bot.gazetteer import country_names
from bot.index import BM25Index
from bot.ingest.files import (
    ARTICLE_FILE_SUFFIXES,
    ArticleFile,
    article_file,
    is_html,
    read_article_file,
    text_fingerprint,
)
from bot.ingest.html import reader_version
from bot.passages import Passage, chunk_article
from bot.roles import titled_places
from bot.spelling import Speller
from bot.tokens import Aliases, document_terms, parse_query

if TYPE_CHECKING:
    from bot.timeline import Timeline

log = logging.getLogger(__name__)

INDEX_FORMAT = "15"
"""Bumped whenever tokenising, chunking or scoring changes, so versions change with them."""
ALIASES_FILE = "aliases.yml"
DEFAULT_MAX_FILE_BYTES = 10_000_000
IGNORED_NAMES = frozenset({"readme.md", "readme.txt"})


class KnowledgeBaseError(Exception):
    """The knowledge base cannot be used at all (missing, empty, or no valid article)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True, eq=False)
class Snapshot:
    """One complete, immutable version of the knowledge base and its index."""

    version: str
    articles: dict[str, Article]
    passages: list[Passage]
    index: BM25Index
    aliases: Aliases
    files: dict[str, str]
    """Each file's name within the directory and the SHA-256 of its bytes."""
    problems: list[Problem] = field(default_factory=list)
    speller: Speller = field(default_factory=Speller)
    aliases_file: str | None = None
    """The aliases file in force: the folder's own, the fallback, or None."""
    titled_places: frozenset[str] = frozenset()
    """The places the articles name an office holder for (see ``bot.roles``)."""

    def search(self, query: str, k: int) -> list[tuple[Passage, float]]:
        """Plain BM25 retrieval with alias expansion, for features other than ``ask``."""
        terms = parse_query(query, self.aliases).all_terms
        return [(self.passages[pid], score) for pid, score in self.index.top(terms, k)]


class ReloadReport(BaseModel):
    """What a reload did, for the moderator who asked."""

    status: Literal["reloaded", "unchanged", "refused", "busy"]
    version: str
    articles: int
    passages: int
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []
    problems: list[Problem] = []
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in ("reloaded", "unchanged")

    def summary(self) -> str:
        head = {
            "reloaded": f"Reloaded: now version {self.version}",
            "unchanged": f"Nothing changed: still version {self.version}",
            "refused": f"Reload refused; version {self.version} stays live",
            "busy": "A reload is already running; try again in a moment",
        }[self.status]
        lines = [
            f"{head} ({self.articles} articles, {self.passages} passages, {self.seconds:.2f} s)."
        ]
        for label, names in (
            ("Added", self.added),
            ("Removed", self.removed),
            ("Changed", self.changed),
        ):
            if names:
                lines.append(f"{label}: {', '.join(escape_controls(name) for name in names)}")
        lines.extend(f"Problem: {problem}" for problem in self.problems)
        return "\n".join(lines)


@dataclass(frozen=True)
class SourceFile:
    """One file of the knowledge directory as read: its bytes, or why they could not be used."""

    path: Path
    digest: str
    data: bytes | None = None
    problem: str | None = None


def load_snapshot(
    directory: Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    cache: IndexCache | None = None,
    progress: bool = False,
    aliases_fallback: Path | None = None,
) -> Snapshot:
    """Read, validate, chunk and index every article file of ``directory``.

    Files that fail are listed in ``Snapshot.problems``; only when no article at all is
    usable does it raise ``KnowledgeBaseError``. With a ``cache``, a snapshot built before
    from exactly the same files is loaded instead of rebuilt. ``aliases_fallback`` is read
    when the folder has no ``aliases.yml`` (a folder mounted over the bundled one, say).
    """
    sources = [_read_source(path, max_file_bytes) for path in _article_paths(directory)]
    aliases_path = live_aliases_path(directory, aliases_fallback)
    if aliases_path is not None:
        sources.append(_read_source(aliases_path, max_file_bytes))
    files = {_file_key(source.path, directory): source.digest for source in sources}
    version = _version(files)
    if cache and (cached := cache.load(directory, version, files)):
        return cached
    snapshot = _build_snapshot(directory, sources, version, files, progress, aliases_path)
    if cache:
        cache.store(directory, snapshot)
    return snapshot


def live_aliases_path(directory: Path, fallback: Path | None) -> Path | None:
    """The folder's ``aliases.yml`` (a dangling link too: it is a problem), else ``fallback``."""
    own = directory / ALIASES_FILE
    if own.exists() or own.is_symlink():
        return own
    if fallback is not None and fallback.exists():
        return fallback
    return None


def _file_key(path: Path, directory: Path) -> str:
    """A file's name within ``directory``; a file from elsewhere (the fallback) by its path."""
    return path.name if path.parent == directory else str(path)


def _read_source(path: Path, max_file_bytes: int) -> SourceFile:
    try:
        _check_name_and_link(path)
        data = read_file(path, max_bytes=max_file_bytes)
    except ArticleError as error:
        try:
            stat = path.stat()
            marker = f"{error}|{stat.st_size}|{stat.st_mtime_ns}"
        except OSError:  # gone since it was listed, or a dangling link
            marker = str(error)
        return SourceFile(path, hashlib.sha256(marker.encode()).hexdigest(), problem=str(error))
    digest = hashlib.sha256(data)
    if is_html(path.name):  # another extractor may read the same page differently
        digest.update(f"\0{reader_version()}".encode())
    return SourceFile(path, digest.hexdigest(), data=data)


def _check_name_and_link(path: Path) -> None:
    """Refuse a name with control characters (it would garble reports and terminals) and a
    symbolic link leading out of the knowledge folder (it would publish any file the bot can
    read); links to files inside the folder, e.g. in a subfolder, are read like files."""
    if controls := control_characters(path.name):
        raise ArticleError(
            f"file name contains control characters ({' '.join(controls)}); rename it"
        )
    if not path.is_symlink() or not path.is_file():  # not a regular file: read_file says so
        return
    folder = path.parent.resolve()
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling or a loop: reading it says why
        return
    if not target.is_relative_to(folder):
        raise ArticleError("a symbolic link to a file outside the knowledge folder; refused")


def _build_snapshot(
    directory: Path,
    sources: list[SourceFile],
    version: str,
    files: dict[str, str],
    progress: bool,
    aliases_path: Path | None = None,
) -> Snapshot:
    problems: list[Problem] = []
    articles: dict[str, Article] = {}
    seen_text: dict[str, str] = {}
    aliases = Aliases()
    prepared = _article_files(sources, aliases_path)
    boilerplate = repeated_lines(
        {name: source.lines for name, source in prepared.items() if isinstance(source, ArticleFile)}
    )
    for source in sources:
        name = source.path.name
        try:
            if source.problem is not None:
                raise ArticleError(source.problem)
            if isinstance(prepared.get(name), ArticleError):
                raise prepared[name]
            if source.path == aliases_path:
                aliases = _parse_aliases(source.data or b"")
                continue
            article = read_article_file(
                prepared[name],
                article_id=source.path.stem,
                path=str(source.path),
                boilerplate=boilerplate.get(name, frozenset()),
            ).article
        except ArticleError as error:
            problems.append(Problem(file=name, reason=str(error)))
            continue
        if problem := _duplicate_problem(name, article, articles, seen_text):
            problems.append(problem)
            continue
        articles[article.id] = article
    aliases = aliases.extended(country_names(), places=True)
    if not articles:
        detail = "; ".join(str(problem) for problem in problems)
        raise KnowledgeBaseError(
            f"no usable article in {directory}" + (f" ({detail})" if detail else ""), problems
        )
    passages = _chunk_all(list(articles.values()), progress)
    index = BM25Index.build(document_terms(passage.text, aliases) for passage in passages)
    return Snapshot(
        version=version,
        articles=articles,
        passages=passages,
        index=index,
        aliases=aliases,
        files=files,
        problems=problems,
        speller=Speller.from_texts(article.text for article in articles.values()),
        aliases_file=str(aliases_path) if aliases_path else None,
        titled_places=titled_places((article.text for article in articles.values()), aliases),
    )


def _article_files(
    sources: list[SourceFile], aliases_path: Path | None
) -> dict[str, ArticleFile | ArticleError]:
    """Each readable article file as an article file (an HTML page's text extracted once),
    or why it is not one, so that folder boilerplate is counted on what will be read."""
    prepared: dict[str, ArticleFile | ArticleError] = {}
    for source in sources:
        if source.data is None or source.path == aliases_path:
            continue
        try:
            prepared[source.path.name] = article_file(source.data, path=str(source.path))
        except ArticleError as error:
            prepared[source.path.name] = error
    return prepared


def _chunk_all(articles: list[Article], progress: bool) -> list[Passage]:
    """Passages of every article, with a progress bar on a terminal when asked."""
    bar = None
    if progress:
        from tqdm import tqdm

        quiet = None if not os.environ.get("CI") else True  # None: only on a terminal
        bar = tqdm(total=len(articles), unit="article", desc="Indexing", disable=quiet, leave=False)
    passages: list[Passage] = []
    for article in articles:
        passages.extend(chunk_article(article, first_id=len(passages)))
        if bar is not None:
            bar.update()
            bar.set_postfix(passages=len(passages), refresh=False)
    if bar is not None:
        bar.close()
    return passages


def _parse_aliases(data: bytes) -> Aliases:
    try:
        return Aliases.from_yaml(data.decode("utf-8"))
    except yaml.YAMLError as error:
        raise ArticleError(f"not usable YAML{describe_yaml_error(error)}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ArticleError(f"not usable: {error}") from None
    except RecursionError:
        raise ArticleError("not usable: nested too deeply") from None


def _article_paths(directory: Path) -> list[Path]:
    if not directory.exists():
        raise KnowledgeBaseError(f"knowledge directory {directory} does not exist")
    if not directory.is_dir():
        raise KnowledgeBaseError(f"{directory} is not a directory")
    try:
        paths = sorted(
            path
            for path in directory.iterdir()
            if path.suffix.lower() in ARTICLE_FILE_SUFFIXES
            and not path.name.startswith((".", "_"))
            and path.name.lower() not in IGNORED_NAMES
            and not path.is_dir()
        )
    except OSError as error:  # unreadable, or removed since the check above
        raise KnowledgeBaseError(
            f"cannot list the knowledge directory {directory} ({error.strerror or error})"
        ) from None
    if not paths:
        raise KnowledgeBaseError(
            f"no article files ({', '.join(sorted(ARTICLE_FILE_SUFFIXES))}) in {directory}"
        )
    return paths


def _duplicate_problem(
    name: str, article: Article, articles: dict[str, Article], seen_text: dict[str, str]
) -> Problem | None:
    """The same id or the same text (ignoring case and spacing) as an article already read.

    The text itself is the key rather than a digest: hashlib releases the GIL for every call,
    and thousands of such short releases starve other threads, such as an adapter's event
    loop while a reload runs (CPython's GIL "convoy effect").
    """
    if article.id in articles:
        return Problem(file=name, reason=f"same id as {Path(articles[article.id].path).name}")
    fingerprint = text_fingerprint(article.text)
    if fingerprint in seen_text:
        return Problem(file=name, reason=f"same article as {seen_text[fingerprint]}; indexed once")
    seen_text[fingerprint] = name
    return None


def _version(files: dict[str, str]) -> str:
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for name in sorted(files):
        digest.update(f"\0{name}\0{files[name]}".encode())
    return digest.hexdigest()[:12]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off a snapshot being built or unpickled.

    A snapshot of an archive is a few hundred thousand objects, none in reference cycles.
    Collections on the way would scan them again and again: loading from the cache takes
    three times as long, and a reload in a thread holds the GIL long enough to stall an
    adapter's event loop. On the way out ``gc.freeze()`` moves everything made meanwhile out
    of the collector's sight *before* it is switched back on (else its first young-generation
    pass would walk the whole snapshot at once). Frozen objects are still freed by reference
    counting when a snapshot is replaced.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class KnowledgeBase:
    """The live knowledge base. ``ask`` is safe from any thread; ``reload`` swaps atomically."""

    def __init__(
        self,
        directory: Path | str,
        *,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        cache: IndexCache | None = None,
        progress: bool = False,
        aliases_fallback: Path | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.aliases_fallback = aliases_fallback
        self.max_file_bytes = max_file_bytes
        self.cache = cache
        self.progress = progress
        self._reload_lock = threading.Lock()
        self._snapshot = self._load()
        for problem in self._snapshot.problems:
            log.warning("skipped %s", problem)

    def _load(self) -> Snapshot:
        with _collector_paused():
            return load_snapshot(
                self.directory,
                max_file_bytes=self.max_file_bytes,
                cache=self.cache,
                progress=self.progress,
                aliases_fallback=self.aliases_fallback,
            )

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def version(self) -> str:
        return self._snapshot.version

    @property
    def articles(self) -> list[Article]:
        return list(self._snapshot.articles.values())

    def ask(self, question: str, k: int = 3) -> Answer:
        return answer_question(self._snapshot, question, k)

    def timeline(self, topic: str | None = None, limit: int | None = None) -> Timeline:
        """Dated, sourced events of the live snapshot, optionally about one topic."""
        from bot.timeline import DEFAULT_LIMIT, build_timeline

        return build_timeline(self._snapshot, topic, DEFAULT_LIMIT if limit is None else limit)

    @property
    def reloading(self) -> bool:
        """Whether a reload is running now (here, asked from any surface or replica)."""
        return self._reload_lock.locked()

    def reload(self) -> ReloadReport:
        """Build a new snapshot and swap it in, unless any file is bad or a reload is running."""
        if not self._reload_lock.acquire(blocking=False):
            return self._report("busy", self._snapshot)
        try:
            return self._reload()
        finally:
            self._reload_lock.release()

    def _reload(self) -> ReloadReport:
        started = time.perf_counter()
        old = self._snapshot
        try:
            new = self._load()
        except KnowledgeBaseError as error:
            problems = error.problems or [Problem(file=str(self.directory), reason=str(error))]
            return self._report("refused", old, problems=problems, started=started)
        if new.problems:
            return self._report("refused", old, problems=new.problems, started=started)
        if new.version == old.version:
            return self._report("unchanged", old, started=started)
        self._snapshot = new
        return self._report("reloaded", new, old=old, started=started)

    @staticmethod
    def _report(
        status: Literal["reloaded", "unchanged", "refused", "busy"],
        snapshot: Snapshot,
        *,
        old: Snapshot | None = None,
        problems: list[Problem] | None = None,
        started: float | None = None,
    ) -> ReloadReport:
        before = old.files if old else snapshot.files
        after = snapshot.files
        return ReloadReport(
            status=status,
            version=snapshot.version,
            articles=len(snapshot.articles),
            passages=len(snapshot.passages),
            added=sorted(after.keys() - before.keys()),
            removed=sorted(before.keys() - after.keys()),
            changed=sorted(n for n in after.keys() & before.keys() if after[n] != before[n]),
            problems=problems or [],
            seconds=time.perf_counter() - started if started else 0.0,
        )
