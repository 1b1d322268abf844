"""The immutable built state of a knowledge base: articles, passages, sentences, terms, index.

Everything a question needs is computed once, when the snapshot is built: each sentence is
split and tokenised there, its distinct index terms kept, and the BM25 index counted from
those same tokens. The question path and the timeline only look them up. The state is plain
arrays and plain records, so that ``bot.cache`` stores it as it is and maps it back without
running anything; passages and articles are made into objects only when someone reads them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib.metadata import version as distribution_version
from itertools import chain, repeat
from pathlib import Path
from typing import Any, Protocol, overload

import numpy as np

from bot.articles import ARTICLE_FILE_SUFFIXES, Article, ArticleError, Problem, is_html, read_file
from bot.control_characters import control_characters
from bot.fit import SentenceWords
from bot.index import BM25Index
from bot.passages import Passage, Sentence
from bot.roles import OfficeHolders
from bot.sentence_reading import NO_TERM
from bot.spelling import Speller
from bot.tokens import Aliases, parse_query

log = logging.getLogger(__name__)

INDEX_FORMAT = "17"
"""Bumped whenever tokenising, chunking or scoring changes, so versions change with them."""
BUILD_DEPENDENCIES = ("pystemmer", "blingfire", "countryinfo")
"""Distributions whose release can change what a build makes of the same files (the HTML
extractor's release is in each HTML file's own digest: ``reader_version``)."""
ABOVE_THE_BUILD = frozenset(
    {"adapters", "desk", "feedback", "ops", "__main__.py", "cli.py", "logs.py", "render.py"}
)
"""Parts of the package that never touch a build: chat, conversation, operations, wording."""
BUILD_DATA = ("data/spellings.tsv", "data/line_model.json")
"""Data files a build reads: the spellings the index writes as one, the furniture classifier."""
ALIASES_FILE = "aliases.yml"
DEFAULT_MAX_FILE_BYTES = 10_000_000
IGNORED_NAMES = frozenset({"readme.md", "readme.txt"})


class KnowledgeBaseError(Exception):
    """The knowledge base cannot be used at all (missing, empty, or no valid article)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True, eq=False)
class StoredArticles:
    """The articles as the index cache keeps them: each one's record (JSON, without its text
    and defaults) and its text, both UTF-8 in one buffer each with offsets. A record is parsed
    when its article is first read, so that a start parses none of ten thousand."""

    records: np.ndarray
    record_offsets: np.ndarray
    text: np.ndarray
    text_offsets: np.ndarray

    def article(self, position: int) -> Article:
        record = json.loads(_piece(self.records, self.record_offsets, position))
        text = _piece(self.text, self.text_offsets, position).decode("utf-8")
        return Article.model_validate({**record, "text": text})


def _piece(buffer: np.ndarray, offsets: np.ndarray, position: int) -> bytes:
    return buffer[int(offsets[position]) : int(offsets[position + 1])].tobytes()


class ArticleTable(Mapping[str, Article]):
    """The articles by id, in knowledge-base order.

    Built in memory it holds the ``Article`` objects; loaded from the cache it holds each
    article's record and the place of its text in one UTF-8 buffer (memory-mapped), and makes
    an ``Article`` the first time one is read, so that a start does not make ten thousand.
    """

    def __init__(
        self,
        ids: list[str],
        made: dict[str, Article],
        stored: StoredArticles | None = None,
    ) -> None:
        self.ids = ids
        self._position = {article_id: number for number, article_id in enumerate(ids)}
        self._made = made
        self._stored = stored

    @classmethod
    def from_articles(cls, articles: Sequence[Article]) -> ArticleTable:
        return cls([article.id for article in articles], {a.id: a for a in articles})

    @classmethod
    def from_stored(cls, ids: list[str], stored: StoredArticles) -> ArticleTable:
        return cls(ids, {}, stored)

    def __getitem__(self, article_id: str) -> Article:
        article = self._made.get(article_id)
        if article is None:
            article = self._make(self._position[article_id])
            self._made.setdefault(article_id, article)
        return article

    def at(self, position: int) -> Article:
        return self[self.ids[position]]

    def position(self, article_id: str) -> int:
        return self._position[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._position

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def _make(self, position: int) -> Article:
        if self._stored is None:
            raise KeyError(self.ids[position])
        return self._stored.article(position)

    def records(self) -> list[dict[str, Any]]:
        """Each article without its text and the fields left at their defaults, as JSON-ready
        data (``Article.model_validate`` gives the defaults back)."""
        return [
            self[i].model_dump(mode="json", exclude={"text"}, exclude_defaults=True)
            for i in self.ids
        ]


SHOUTING = 1
"""``Sentences.flags``: written in capitals (``document_terms`` reads no acronym there)."""
STORED_ONLY = 2
"""``Sentences.flags``: its terms do not follow from its tokens; all of them are stored."""
OVERFLOW = 0xFFFF
"""A word id in ``Words.ids`` too large for 16 bits: the id is in ``Words.overflow_ids``."""


def _unwrap_mappings(record: object) -> None:
    """Each memory-mapped array of a frozen record as a plain view of the same pages: a
    question reads these a few values at a time, and each read of an ``np.memmap`` costs
    several times a plain array's (its subclass hooks run on every slice)."""
    for name, values in vars(record).items():
        if isinstance(values, np.memmap):
            object.__setattr__(record, name, values.view(np.ndarray))


@dataclass(frozen=True, eq=False)
class Sentences:
    """Every sentence of every article, in article order.

    ``start`` and ``end`` are offsets into the article's text. A sentence's index terms are
    derived from its tokens (``Words``) and ``flags``, plus the terms stored for it: the
    sentences ``stored_at`` (ascending) have ``stored_terms[stored_ptr[i]:stored_ptr[i + 1]]``
    (ids of ``BM25Index.terms``): the alias concepts they name, or, with ``STORED_ONLY``, all
    their terms (see ``bot.sentence_reading``).
    """

    start: np.ndarray
    end: np.ndarray
    flags: np.ndarray
    stored_at: np.ndarray
    stored_ptr: np.ndarray
    stored_terms: np.ndarray

    def __post_init__(self) -> None:
        _unwrap_mappings(self)


@dataclass(frozen=True, eq=False)
class Words:
    """Every sentence's tokens as ``bot.fit`` reads them, read once at build so that no
    question tokenises a passage again.

    Sentence ``s`` has the tokens ``ids[sentence_ptr[s]:sentence_ptr[s + 1]]``: ids of
    ``vocabulary``, most frequent first, in 16 bits; the rare id that does not fit is
    ``OVERFLOW`` there and ``overflow_ids[i]`` at position ``overflow_at[i]`` (ascending).
    ``stems[i]`` is the stem of ``vocabulary[i]`` case-folded; ``term[i]`` its index term id
    in an ordinary sentence and ``shouted_term[i]`` in one written in capitals (-1: none, a
    stopword or a mark).
    """

    vocabulary: tuple[str, ...]
    stems: tuple[str, ...]
    sentence_ptr: np.ndarray
    ids: np.ndarray
    overflow_at: np.ndarray
    overflow_ids: np.ndarray
    term: np.ndarray
    shouted_term: np.ndarray

    def __post_init__(self) -> None:
        _unwrap_mappings(self)

    def between(self, first: int, last: int) -> list[int]:
        """The word ids of tokens ``first`` to ``last``."""
        ids = self.ids[first:last].tolist()
        if OVERFLOW in ids:  # a rare word among them (a list scan: cheaper than numpy's calls)
            lo, hi = np.searchsorted(self.overflow_at, (first, last)).tolist()
            places = self.overflow_at[lo:hi].tolist()
            for place, word_id in zip(places, self.overflow_ids[lo:hi].tolist(), strict=True):
                ids[place - first] = word_id
        return ids


@dataclass(frozen=True, eq=False)
class PassageLayout:
    """Where each passage is: its article (by position), offsets, caption flag, sentences."""

    article: np.ndarray
    start: np.ndarray
    end: np.ndarray
    caption: np.ndarray
    sentence_ptr: np.ndarray
    """Passage ``p`` holds sentences ``sentence_ptr[p]`` to ``sentence_ptr[p + 1]``."""
    article_ptr: np.ndarray
    """Article ``a`` (by position) holds passages ``article_ptr[a]`` to ``article_ptr[a + 1]``."""


class PassageTable(Sequence[Passage]):
    """The passages of a snapshot by id, each made as a ``Passage`` when it is read."""

    RECENT = 4096
    """Passages kept made: a question reads its candidates several times while ranking."""

    def __init__(
        self, articles: ArticleTable, layout: PassageLayout, sentences: Sentences, words: Words
    ):
        self.articles = articles
        self.layout = layout
        self.sentences = sentences
        self.words = words
        self._recent: dict[int, Passage] = {}

    def __len__(self) -> int:
        return int(self.layout.start.size)

    @overload
    def __getitem__(self, passage_id: int) -> Passage: ...
    @overload
    def __getitem__(self, passage_id: slice) -> list[Passage]: ...
    def __getitem__(self, passage_id: int | slice) -> Passage | list[Passage]:
        if isinstance(passage_id, slice):
            return [self[i] for i in range(*passage_id.indices(len(self)))]
        if passage_id < 0:
            passage_id += len(self)
        if not 0 <= passage_id < len(self):
            raise IndexError(passage_id)
        passage = self._recent.get(passage_id)
        if passage is None:
            if len(self._recent) >= self.RECENT:
                self._recent.clear()
            passage = self._recent.setdefault(passage_id, self._make(passage_id))
        return passage

    def _make(self, passage_id: int) -> Passage:
        layout = self.layout
        article = self.articles.at(int(layout.article[passage_id]))
        start, end = int(layout.start[passage_id]), int(layout.end[passage_id])
        return Passage(
            id=passage_id,
            article_id=article.id,
            start=start,
            end=end,
            text=article.text[start:end],
            sentences=self.spans(range(*self.sentence_range(passage_id))),
            caption=bool(layout.caption[passage_id]),
        )

    def sentence_range(self, passage_id: int) -> tuple[int, int]:
        ptr = self.layout.sentence_ptr
        return int(ptr[passage_id]), int(ptr[passage_id + 1])

    def spans(self, sentence_ids: range) -> tuple[Sentence, ...]:
        starts = self.sentences.start[sentence_ids.start : sentence_ids.stop].tolist()
        ends = self.sentences.end[sentence_ids.start : sentence_ids.stop].tolist()
        return tuple(Sentence(s, e) for s, e in zip(starts, ends, strict=True))

    def sentence_words(self, sentence_id: int, aliases: Aliases) -> SentenceWords:
        """One sentence's words as ``bot.fit`` reads them, from the build's reading."""
        return SentenceWords.of(*self._tokens(sentence_id, sentence_id + 1), aliases)

    def passage_tokens(self, passage_id: int) -> tuple[list[str], list[str]]:
        """A passage's tokens (its sentences', in order) and their stems."""
        return self._tokens(*self.sentence_range(passage_id))

    def _tokens(self, first: int, last: int) -> tuple[list[str], list[str]]:
        words = self.words
        ids = self._word_ids(first, last)
        return [words.vocabulary[i] for i in ids], [words.stems[i] for i in ids]

    def _word_ids(self, first: int, last: int) -> list[int]:
        """The word ids of sentences ``first`` to ``last``."""
        ptr = self.words.sentence_ptr
        return self.words.between(int(ptr[first]), int(ptr[last]))

    def term_ids(self, sentence_id: int) -> frozenset[int]:
        """The distinct index term ids of a sentence, from its tokens and flags."""
        flags = int(self.sentences.flags[sentence_id])
        stored = self._stored_terms(sentence_id)
        if flags & STORED_ONLY:
            return frozenset(stored)
        words = self.words
        table = words.shouted_term if flags & SHOUTING else words.term
        ids = np.asarray(self._word_ids(sentence_id, sentence_id + 1), np.int64)
        found = set(table[ids].tolist())
        found.discard(NO_TERM)
        found.update(stored)
        return frozenset(found)

    def _stored_terms(self, sentence_id: int) -> list[int]:
        sentences = self.sentences
        at = int(np.searchsorted(sentences.stored_at, sentence_id))
        if at == sentences.stored_at.size or int(sentences.stored_at[at]) != sentence_id:
            return []
        lo, hi = int(sentences.stored_ptr[at]), int(sentences.stored_ptr[at + 1])
        return sentences.stored_terms[lo:hi].tolist()

    def sentence_at(self, position: int, start: int, end: int) -> int | None:
        """The id of the sentence of article ``position`` spanning ``start`` to ``end``, if any."""
        first, last = self.article_sentence_range(position)
        sentences = self.sentences
        found = np.flatnonzero(
            (sentences.start[first:last] == start) & (sentences.end[first:last] == end)
        )
        return first + int(found[0]) if found.size else None

    def article_sentence_range(self, position: int) -> tuple[int, int]:
        first, last = self.layout.article_ptr[position], self.layout.article_ptr[position + 1]
        return self.sentence_range(int(first))[0], int(self.layout.sentence_ptr[last])


@dataclass(frozen=True, eq=False)
class Snapshot:
    """One complete, immutable version of the knowledge base and its index."""

    version: str
    articles: ArticleTable
    passages: PassageTable
    index: BM25Index
    aliases: Aliases
    files: dict[str, str]
    """Each file's name within the directory and the SHA-256 of its bytes."""
    problems: list[Problem] = field(default_factory=list)
    speller: Speller = field(default_factory=Speller)
    aliases_file: str | None = None
    """The aliases file in force: the folder's own, the fallback, or None."""
    office_holders: OfficeHolders = field(default_factory=dict)
    """The places the articles name an office holder for, and the holders' names by office
    (see ``bot.roles``)."""
    signatures: dict[str, Signature] = field(default_factory=dict)
    """The files read for this build that may be trusted unchanged while their signature is."""
    listing: Listing | None = None
    """The folder's article file names as listed for this build, with the folder's signature
    taken before they were listed (None when the folder had changed moments before)."""

    def search(self, query: str, k: int) -> list[tuple[Passage, float]]:
        """Plain BM25 retrieval with alias expansion, for features other than ``ask``."""
        terms = parse_query(query, self.aliases).all_terms
        return [(self.passages[pid], score) for pid, score in self.index.top(terms, k)]

    def passage_terms(self, passage_id: int) -> frozenset[str]:
        """The distinct index terms of a passage, as ``document_terms`` gives them."""
        return frozenset().union(*self.sentence_terms(passage_id))

    def sentence_terms(self, passage_id: int) -> tuple[frozenset[str], ...]:
        """The distinct index terms of each sentence of a passage, in order."""
        words = self.index.terms
        first, last = self.passages.sentence_range(passage_id)
        return tuple(
            frozenset(words[i] for i in self.passages.term_ids(s)) for s in range(first, last)
        )

    def article_sentences(self, article_id: str) -> tuple[Sentence, ...]:
        """Every sentence of an article as offsets into its text, split once at build."""
        first, last = self.passages.article_sentence_range(self.articles.position(article_id))
        return self.passages.spans(range(first, last))

    def sentence_terms_at(self, article_id: str, start: int, end: int) -> frozenset[str] | None:
        """The distinct index terms of the article's sentence from ``start`` to ``end`` (a
        sentence as split at build), or None when the snapshot has no such sentence."""
        position = self.articles.position(article_id)
        sentence_id = self.passages.sentence_at(position, start, end)
        if sentence_id is None:
            return None
        words = self.index.terms
        return frozenset(words[i] for i in self.passages.term_ids(sentence_id))

    def title_words(self, article_id: str) -> SentenceWords:
        """An article's title as words, read once per snapshot: a question's names held by the
        headline are held by every passage of the article (``bot.answer._window_has_focus``)."""
        if (words := self._titles.get(article_id)) is None:
            words = SentenceWords.read(self.articles[article_id].title, self.aliases)
            self._titles[article_id] = words
        return words

    @cached_property
    def _titles(self) -> dict[str, SentenceWords]:
        return {}

    @cached_property
    def described_acronyms(self) -> dict[str, str | None]:
        """Each description word met in a question -> the acronym the articles use it for, or
        None: filled by ``bot.expansion.described_acronym``, which reads up to a few hundred
        passages for a word, so each word is read once per snapshot, not once per question."""
        return {}

    def article_sentence_terms(self, article_id: str) -> list[frozenset[str]]:
        """The distinct index terms of every sentence of an article, in order."""
        words = self.index.terms
        first, last = self.passages.article_sentence_range(self.articles.position(article_id))
        return [frozenset(words[i] for i in self.passages.term_ids(s)) for s in range(first, last)]


class SnapshotStore(Protocol):
    """Where built snapshots are kept between runs (``bot.cache.IndexCache``)."""

    def load(
        self, knowledge_dir: Path, version: str, files: dict[str, str], listed: str | None = None
    ) -> Snapshot | None: ...

    def store(self, knowledge_dir: Path, snapshot: Snapshot) -> None: ...

    def recorded_files(self, knowledge_dir: Path) -> RecordedFiles | None: ...


Signature = tuple[int, int, int]
"""A file's size, modification time (ns) and inode: unchanged, its digest is too."""
FolderSignature = tuple[int, int, int]
"""A folder's modification time (ns), inode and device: unchanged, so are the names in it
(adding, removing or renaming a file changes its folder's modification time; writing into a
file does not, which the files' own signatures tell)."""
Listing = tuple[FolderSignature, list[str]]
"""A folder's signature, taken before it was listed, and its article files' names."""
RACY_NS = 2_000_000_000
"""A file modified this recently when read may change again within the same timestamp
(coarse file-system clocks): its signature is not kept, so the next start reads it again."""


@dataclass(frozen=True)
class RecordedFiles:
    """The files read for the last build of a folder, in the order they were listed: each
    one's key (see ``load_snapshot``), signature and digest."""

    keys: list[str]
    signatures: list[Signature]
    digests: list[str]
    listing: Listing | None = None
    """The folder's article files as last listed, while the folder's signature is this one."""

    def unchanged(
        self, keys: list[str], signatures: list[Signature | None]
    ) -> dict[str, str] | None:
        """Every file's digest when the folder lists exactly the recorded files with the
        recorded signatures (two list comparisons, made in C); else None."""
        if keys == self.keys and signatures == self.signatures:
            return dict(zip(keys, self.digests, strict=True))
        return None

    def by_key(self) -> dict[str, tuple[Signature, str]]:
        return dict(zip(self.keys, zip(self.signatures, self.digests, strict=True), strict=True))


@dataclass(frozen=True)
class SourceFile:
    """One file of the knowledge directory as read: its bytes, or why they could not be used.

    A file whose signature matches the one recorded when it was last read is not read at
    all: its digest is the recorded one and ``data`` stays None until a build needs it.
    ``location`` is a plain string: a start with an unchanged folder of ten thousand files
    makes no ``Path`` (a tenth of a second in all).
    """

    location: str
    digest: str
    data: bytes | None = None
    problem: str | None = None
    signature: Signature | None = None

    @cached_property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def unread(self) -> bool:
        return self.data is None and self.problem is None


def load_snapshot(
    directory: Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    cache: SnapshotStore | None = None,
    progress: bool = False,
    aliases_fallback: Path | None = None,
    workers: int | None = None,
) -> Snapshot:
    """Read, validate, chunk and index every article file of ``directory``.

    Files that fail are listed in ``Snapshot.problems``; only when no article at all is
    usable does it raise ``KnowledgeBaseError``. With a ``cache``, a snapshot built before
    from exactly the same files is loaded instead of rebuilt. ``aliases_fallback`` is read
    when the folder has no ``aliases.yml`` (a folder mounted over the bundled one, say).
    A build runs in ``workers`` processes (default: ``default_build_workers``).

    A file is known by its name in the folder (the fallback aliases by its path). When the
    folder lists exactly the files recorded at the last build, each with its recorded
    signature, no file is read and no per-file record is made: the start costs one ``stat``
    per file (see ``RecordedFiles.unchanged``), and the folder is not even listed while its
    own signature is the recorded one (see ``_article_files``).
    """
    folder = str(directory)
    recorded = cache.recorded_files(directory) if cache else None
    keys, signatures, listing = _article_files(directory, recorded.listing if recorded else None)
    locations = [f"{folder}{os.sep}{name}" for name in keys]
    aliases_path = live_aliases_path(directory, aliases_fallback)
    if aliases_path is not None:
        locations.append(str(aliases_path))
        keys.append(_file_key(str(aliases_path), folder))
        signatures.append(_signature(str(aliases_path)))
    files = recorded.unchanged(keys, signatures) if recorded else None
    sources = None
    if files is None:  # a file changed, came or went: read those whose signature differs
        known = recorded.by_key() if recorded else {}
        sources = _check_files(locations, keys, signatures, known, max_file_bytes)
        files = {key: source.digest for key, source in zip(keys, sources, strict=True)}
    listed = files_digest(files)
    version = _version(listed)
    if cache and (cached := cache.load(directory, version, files, listed)):
        return cached
    sources = _read_unread(locations, sources, max_file_bytes)  # a build needs every file
    files = {key: source.digest for key, source in zip(keys, sources, strict=True)}
    version = _version(files_digest(files))
    recorded_signatures = {
        key: source.signature
        for key, source in zip(keys, sources, strict=True)
        if source.signature is not None
    }
    from bot.build import build_snapshot  # the reading rules and the indexer: only to build

    workers = default_build_workers() if workers is None else workers
    snapshot = build_snapshot(directory, sources, version, files, progress, aliases_path, workers)
    snapshot = replace(snapshot, signatures=recorded_signatures, listing=listing)
    if cache:
        cache.store(directory, snapshot)
    return snapshot


def _check_files(
    locations: list[str],
    keys: list[str],
    signatures: list[Signature | None],
    known: dict[str, tuple[Signature, str]],
    max_file_bytes: int,
) -> list[SourceFile]:
    """Each file as recorded when its signature is unchanged, else as read now."""
    return [
        _known_source(location, known.get(key), signature) or _read_source(location, max_file_bytes)
        for location, key, signature in zip(locations, keys, signatures, strict=True)
    ]


def _read_unread(
    locations: list[str], sources: list[SourceFile] | None, max_file_bytes: int
) -> list[SourceFile]:
    """Every file read: those only recorded (all of them after an unchanged listing) now."""
    if sources is None:
        return [_read_source(location, max_file_bytes) for location in locations]
    return [_read_source(s.location, max_file_bytes) if s.unread else s for s in sources]


def _signature(location: str) -> Signature | None:
    """A regular file's size, modification time and inode (links followed); None for
    anything else or a file that cannot be looked at (reading it then says why)."""
    try:
        info = os.stat(location)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _known_source(
    location: str, known: tuple[Signature, str] | None, signature: Signature | None
) -> SourceFile | None:
    """The file as recorded when last read, if its signature is unchanged; else None."""
    if known is None or signature is None or signature != known[0]:
        return None
    return SourceFile(location, known[1], signature=signature)


def live_aliases_path(directory: Path, fallback: Path | None) -> Path | None:
    """The folder's ``aliases.yml`` (a dangling link too: it is a problem), else ``fallback``."""
    own = directory / ALIASES_FILE
    if own.exists() or own.is_symlink():
        return own
    if fallback is not None and fallback.exists():
        return fallback
    return None


def _file_key(location: str, folder: str) -> str:
    """A file's name within ``folder``; a file from elsewhere (the fallback) by its path."""
    head, name = os.path.split(location)
    return name if head == folder else location


def _read_source(location: str, max_file_bytes: int) -> SourceFile:
    path = Path(location)
    signature = None
    with suppress(OSError):  # read_file says what is wrong
        info = os.stat(path)
        if info.st_mtime_ns < time.time_ns() - RACY_NS:
            signature = (info.st_size, info.st_mtime_ns, info.st_ino)
    try:
        _check_name_and_link(path)
        data = read_file(path, max_bytes=max_file_bytes)
    except ArticleError as error:
        try:
            stat = path.stat()
            marker = f"{error}|{stat.st_size}|{stat.st_mtime_ns}"
        except OSError:  # gone since it was listed, or a dangling link
            marker = str(error)
        marker_digest = hashlib.sha256(marker.encode()).hexdigest()
        return SourceFile(location, marker_digest, problem=str(error))
    digest = hashlib.sha256(data)
    if is_html(path.name):  # another extractor may read the same page differently
        from bot.ingest.html import reader_version  # the HTML reader: only for a web page

        digest.update(f"\0{reader_version()}".encode())
    return SourceFile(location, digest.hexdigest(), data=data, signature=signature)


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


MAX_BUILD_WORKERS = 8
"""More processes gain little: the parent's share of a build (counting the folder's shared
lines, sifting, merging) does not shrink with them, and each holds its block of files."""


def default_build_workers() -> int:
    """The CPUs this process may run on, at most ``MAX_BUILD_WORKERS``."""
    return max(1, min(len(os.sched_getaffinity(0)), MAX_BUILD_WORKERS))


_SUFFIXES = tuple(ARTICLE_FILE_SUFFIXES)
"""For ``str.endswith``: one call per name (a name starting with a dot is never listed)."""


def _article_files(
    directory: Path, recorded: Listing | None = None
) -> tuple[list[str], list[Signature | None], Listing | None]:
    """The names of the folder's article files, sorted, each one's signature, and the
    listing to record (see ``Listing``); strings, not paths (see SourceFile).

    While the folder's signature is the ``recorded`` one, its names are the recorded ones
    and the folder is not listed again (a few milliseconds for ten thousand names); a
    folder changed moments before it was listed is not recorded (``RACY_NS``), as a file is
    not. Otherwise the folder is listed as names only (``os.listdir``). Either way each file
    is looked at once (``stat``): its signature, and whether a name is a folder named like
    an article file, which is left out as the listing's file type would have left it out."""
    if not directory.exists():
        raise KnowledgeBaseError(f"knowledge directory {directory} does not exist")
    if not directory.is_dir():
        raise KnowledgeBaseError(f"{directory} is not a directory")
    seen = _folder_signature(directory)
    if recorded is not None and seen is not None and recorded[0] == seen:
        listed = recorded[1]
    else:
        listed = _listed_names(directory)
    names, signatures = _signatures(directory, listed)
    if not names:
        raise KnowledgeBaseError(
            f"no article files ({', '.join(sorted(ARTICLE_FILE_SUFFIXES))}) in {directory}"
        )
    steady = seen is not None and seen[0] < time.time_ns() - RACY_NS
    return names, signatures, (seen, listed) if steady and seen is not None else None


def _folder_signature(directory: Path) -> FolderSignature | None:
    try:
        info = os.stat(directory)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ino, info.st_dev)


def _listed_names(directory: Path) -> list[str]:
    """The article file names in the folder, sorted (a name starting with a dot or an
    underscore, and a README, are not articles)."""
    try:
        listed = os.listdir(directory)
    except OSError as error:  # unreadable, or removed since the check above
        raise KnowledgeBaseError(
            f"cannot list the knowledge directory {directory} ({error.strerror or error})"
        ) from None
    return [
        name
        for name in sorted(listed)
        if name[0] not in "._"
        and (lowered := name.lower()).endswith(_SUFFIXES)
        and lowered not in IGNORED_NAMES
    ]


def _signatures(directory: Path, listed: list[str]) -> tuple[list[str], list[Signature | None]]:
    """The listed names that are not folders, and each one's signature (None: not a
    regular file, or gone since it was listed: reading it says why)."""
    folder = f"{directory}{os.sep}"
    names, signatures = [], []
    for name in listed:
        try:
            info = os.stat(folder + name)
        except OSError:  # a dangling link, or gone since listed: reading it says why
            names.append(name)
            signatures.append(None)
            continue
        if stat.S_ISDIR(info.st_mode):
            continue
        names.append(name)
        signatures.append(
            (info.st_size, info.st_mtime_ns, info.st_ino) if stat.S_ISREG(info.st_mode) else None
        )
    return names, signatures


@cache
def build_code_version() -> str:
    """A digest of the code and the releases that turn files into a snapshot.

    Part of every version, so that a snapshot cached by other reading rules is never served:
    after an upgrade that changes how a page is cleaned, an unchanged folder is read again
    rather than loaded from the cache as the old rules read it. ``INDEX_FORMAT`` alone relied
    on someone remembering to bump it. Reading the package's sources takes a few milliseconds.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] not in ABOVE_THE_BUILD:
            digest.update(f"\0{relative.as_posix()}\0".encode() + path.read_bytes())
    for name in BUILD_DATA:
        digest.update(f"\0{name}\0".encode() + (package / name).read_bytes())
    for name in BUILD_DEPENDENCIES:
        digest.update(f"\0{name} {distribution_version(name)}".encode())
    return digest.hexdigest()[:16]


def files_digest(files: dict[str, str]) -> str:
    """One SHA-256 of every file's name and digest: an entry is checked against the files
    without storing their list again (the version hashes this digest, in 48 bits only)."""
    return hashlib.sha256(files_listing(files).encode()).hexdigest()


def _version(listed: str) -> str:
    """The snapshot version of the files whose ``files_digest`` is ``listed``: the listing of
    ten thousand files is made and hashed once for both."""
    head = f"{INDEX_FORMAT}\0{build_code_version()}"
    return hashlib.sha256(f"{head}\0{listed}".encode()).hexdigest()[:12]


def files_listing(files: dict[str, str]) -> str:
    """Every file's name and digest, by name: ``\0name\0digest`` each, joined in C."""
    names = sorted(files)
    return "".join(
        chain.from_iterable(zip(repeat("\0"), names, repeat("\0"), map(files.get, names)))
    )
