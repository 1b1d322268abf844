"""The built index on disk between runs: plain arrays, text and JSON, memory-mapped, never code.

An entry is a folder named by the knowledge directory and the snapshot version (which hashes
every file's bytes, the index format and the code that builds: ``build_code_version``, so an
upgrade that reads pages differently never serves what older rules read). It holds one
``.npy`` file per array (loaded with ``mmap_mode="r"``, so a cold start maps pages rather
than reads them, and processes on one machine share them), the index terms, the words and
the speller's words one a line (``terms.txt``, ``words.txt``, ``speller.txt``), ``data.json``
(articles' ids, aliases, the rest) and ``header.json``: the cache format, the knowledge-base
version and an XXH3-64 checksum of every other file (a check against damage, as CRC-32 is in
zip and PNG, at a fraction of its cost on every start; the folder's privacy, not the
checksum, keeps others from writing an entry). Nothing in an entry is executed: ``np.load``
runs with ``allow_pickle=False``, JSON and lines of text are data. A missing, truncated,
corrupt, foreign or other-format entry is rebuilt, never trusted, and the log says why.

The folder must be private to the bot (an entry is what the bot quotes as the articles):
it is created with mode 0700, and a folder that is a symlink, is owned by another user or is
writable by group or others is refused with one log line; the bot then builds in memory.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import mmap
import os
import shutil
import stat
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

import numpy as np
import xxhash

from bot.articles import Problem
from bot.index import EPSILON, B, BM25Index
from bot.snapshot import (
    OVERFLOW,
    ArticleTable,
    Listing,
    PassageLayout,
    PassageTable,
    RecordedFiles,
    Sentences,
    Snapshot,
    StoredArticles,
    Words,
    files_digest,
)
from bot.spelling import Speller
from bot.tokens import Aliases

log = logging.getLogger(__name__)

CACHE_FORMAT = 7
"""The layout of an entry; 1 was a pickle, 3 stored every sentence's terms apart from its
words, 5 had a CRC-32 and the word lists in ``data.json``. An entry of another format is
rebuilt."""
KEEP_ENTRIES = 2
"""Entries kept per knowledge directory: the live version and the one before it."""
HEADER = "header.json"
DATA = "data.json"
LINES = ("terms", "words", "speller")
"""Lists of strings stored one a line in ``NAME.txt``: split in a few milliseconds where
``json.loads`` of the same list takes several times as long. No string of theirs holds a
line break (they are tokens, stems and concepts: ``~`` and words); a writer that met one
would refuse to store the entry."""
MAX_HEADER_BYTES = 1_000_000
STALE_TMP_SECONDS = 3600
"""A temporary folder this old is left over from a crash, even if its process id is reused."""
WINDOW = 1 << 24
"""Bytes of an entry's file mapped at once to hash them (a multiple of any page size)."""
COMPACT = (",", ":")
"""JSON without the spaces after separators: a tenth less of it on disk."""
MAX_SIGNATURES_BYTES = 100_000_000
SIGNATURES_FORMAT = 2
"""The layout of a folder's record of its files' signatures (1: one pair per file)."""

ARRAY_KINDS = {
    "text": "u",
    "text_offsets": "i",
    "records": "u",
    "record_offsets": "i",
    "indptr": "i",
    "postings": "i",
    "tf": "u",
    "passage_length": "iu",
    "passage_article": "iu",
    "passage_caption": "b",
    "passage_sentence_counts": "iu",
    "article_passage_counts": "iu",
    "sentence_start": "iu",
    "sentence_end": "iu",
    "sentence_flags": "u",
    "stored_at": "i",
    "stored_ptr": "i",
    "stored_terms": "iu",
    "sentence_word_counts": "iu",
    "tokens": "u",
    "token_overflow_at": "i",
    "token_overflow_ids": "i",
    "word_term": "i",
    "word_shouted_term": "i",
    "word_stem": "iu",
}
"""Every array of an entry and the dtype kinds it may have (numpy's ``dtype.kind``)."""
SMALL = frozenset(
    {
        "passage_article",
        "sentence_start",
        "sentence_end",
        "passage_length",
        "passage_sentence_counts",
        "article_passage_counts",
        "sentence_word_counts",
        "word_stem",
    }
)
"""Arrays read one value at a time (``int()``, ``tolist()``) or summed at load: stored in 8
or 16 bits when their values fit. Pointers are stored as the counts they sum."""
COUNTS = {
    "passage_sentence_counts": "passage_sentences",
    "article_passage_counts": "article_passages",
    "sentence_word_counts": "sentence_tokens",
}
"""Each stored count array and the pointer array summed from it at load."""


class UnusableEntry(Exception):
    """Why a cache entry cannot be trusted; the message goes to the log."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsdesk"


class IndexCache:
    """A private folder of built snapshots. Only the bot writes it; never point it at shared files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._refusal_logged = False

    def load(
        self, knowledge_dir: Path, version: str, files: dict[str, str], listed: str | None = None
    ) -> Snapshot | None:
        """The snapshot stored for these files, or None (then the caller builds it).
        ``listed``: their ``files_digest``, when the caller has it already."""
        if not self._usable_folder(create=False):
            return None
        entry = self._entry(knowledge_dir, version)
        if not entry.exists():
            return None
        try:
            return read_entry(entry, version, files, listed)
        except Exception as error:  # a damaged entry can raise almost anything
            log.warning("index cache entry %s is unusable (%s); rebuilding", entry.name, error)
            with suppress(OSError):  # a read-only cache keeps the bad entry, and still works
                _remove(entry)
            return None

    def store(self, knowledge_dir: Path, snapshot: Snapshot) -> None:
        """Write into a temporary folder, then rename it into place; a failure only logs.

        When another process stored the same version first, its entry stays and this one
        is dropped: both are built from the same files.
        """
        if not self._usable_folder(create=True):
            return
        entry = self._entry(knowledge_dir, snapshot.version)
        tmp = entry.with_name(f"{entry.name}.{os.getpid()}-{time.monotonic_ns()}.tmp")
        try:
            self._remove_stale_tmp()
            if entry.exists():
                self._record_signatures(knowledge_dir, snapshot)
                return
            write_entry(tmp, snapshot)
            try:
                os.rename(tmp, entry)
            except OSError as error:
                if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
                log.info("index cache entry %s was stored by another process", entry.name)
            self._prune(knowledge_dir, keep=entry)
            self._record_signatures(knowledge_dir, snapshot)
        except (OSError, ValueError) as error:  # ValueError: a snapshot this format cannot hold
            log.warning("cannot write the index cache in %s: %s", self.directory, error)
        finally:
            with suppress(OSError):  # a full disk must not keep a half-written entry
                _remove(tmp)

    def recorded_files(self, knowledge_dir: Path) -> RecordedFiles | None:
        """Each file's key, signature and digest when it was last read for this knowledge
        folder, so that a start reads only the files that changed; None when unknown or
        unusable (then every file is read)."""
        if not self._usable_folder(create=False):
            return None
        try:
            with self._signatures(knowledge_dir).open("rb") as handle:
                raw = handle.read(MAX_SIGNATURES_BYTES + 1)
            if len(raw) > MAX_SIGNATURES_BYTES:
                return None
            record = json.loads(raw)
            if record.get("format") != SIGNATURES_FORMAT:
                return None
            columns = [record[name] for name in ("keys", "sizes", "mtimes", "inodes", "digests")]
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return None
        keys, sizes, mtimes, inodes, digests = columns
        if (
            not all(isinstance(column, list) for column in columns)
            or len({len(column) for column in columns}) != 1
        ):
            return None
        signatures = list(zip(sizes, mtimes, inodes, strict=True))
        return RecordedFiles(keys, signatures, digests, _listing(record, keys))

    def _record_signatures(self, knowledge_dir: Path, snapshot: Snapshot) -> None:
        """The record ``recorded_files`` reads: one list per field, in the files' order (a
        start compares whole lists, and parsing columns is a third of parsing pairs)."""
        keys = [name for name in snapshot.signatures if name in snapshot.files]
        signatures = [snapshot.signatures[key] for key in keys]
        record = {
            "format": SIGNATURES_FORMAT,
            "keys": keys,
            "sizes": [signature[0] for signature in signatures],
            "mtimes": [signature[1] for signature in signatures],
            "inodes": [signature[2] for signature in signatures],
            "digests": [snapshot.files[key] for key in keys],
        }
        if snapshot.listing is not None:  # the names, or how many of the keys they are
            folder, names = snapshot.listing
            record["folder"] = folder
            record["listing"] = len(names) if keys[: len(names)] == names else names
        path = self._signatures(knowledge_dir)
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp")
        try:
            descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(record, handle, separators=COMPACT)
            os.replace(tmp, path)
        finally:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)

    def read_copy(self, name: str) -> bytes | None:
        """A file kept by ``write_copy`` (a derived file, such as the English dictionary
        decompressed), if it is there and whole: its first line is the XXH3-64 of the rest."""
        if not self._usable_folder(create=False):
            return None
        try:
            raw = (self.directory / _copy_name(name)).read_bytes()
        except OSError:
            return None
        digest, _, data = raw.partition(b"\n")
        return data if digest == xxhash.xxh3_64_hexdigest(data).encode() else None

    def write_copy(self, name: str, data: bytes) -> None:
        """Keep ``data`` under ``name`` for ``read_copy`` (written aside, then renamed into
        place); a failure only logs."""
        if not self._usable_folder(create=True):
            return
        path = self.directory / _copy_name(name)
        tmp = path.with_name(f"{path.name}.{os.getpid()}-{time.monotonic_ns()}.tmp")
        try:
            descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(xxhash.xxh3_64_hexdigest(data).encode() + b"\n" + data)
            os.replace(tmp, path)
        except OSError as error:
            log.warning("cannot keep %s in the index cache %s: %s", name, self.directory, error)
        finally:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)

    def _signatures(self, knowledge_dir: Path) -> Path:
        return self.directory / f"{_prefix(knowledge_dir)}.files.json"

    def _usable_folder(self, *, create: bool) -> bool:
        """Whether the folder is private to this user, creating it (0700) when asked."""
        try:
            if create and not os.path.lexists(self.directory):
                self.directory.parent.mkdir(parents=True, exist_ok=True)
                with suppress(FileExistsError):  # another process made it meanwhile
                    os.mkdir(self.directory, 0o700)
            info = os.lstat(self.directory)
        except FileNotFoundError:
            return False
        except OSError as error:
            return self._refuse(f"cannot be used ({error.strerror or error})")
        if stat.S_ISLNK(info.st_mode):
            return self._refuse("is a symbolic link")
        if not stat.S_ISDIR(info.st_mode):
            return self._refuse("is not a folder")
        if info.st_uid != os.geteuid():
            return self._refuse(f"is owned by another user (uid {info.st_uid})")
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return self._refuse(
                f"is writable by group or others (mode {stat.S_IMODE(info.st_mode):o})"
            )
        return True

    def _refuse(self, reason: str) -> bool:
        if not self._refusal_logged:
            log.warning(
                "index cache folder %s %s; not using it, the index is built in memory "
                "(INDEX_CACHE_DIR must be a folder of this user's, mode 700)",
                self.directory,
                reason,
            )
            self._refusal_logged = True
        return False

    def _entry(self, knowledge_dir: Path, version: str) -> Path:
        return self.directory / f"{_prefix(knowledge_dir)}-{version}"

    def _entries(self, knowledge_dir: Path) -> list[Path]:
        return [
            path
            for path in self.directory.glob(f"{_prefix(knowledge_dir)}-*")
            if not path.name.endswith(".tmp")
        ]

    def _prune(self, knowledge_dir: Path, keep: Path) -> None:
        entries = sorted(
            self._entries(knowledge_dir), key=lambda entry: entry.lstat().st_mtime, reverse=True
        )
        for entry in entries[KEEP_ENTRIES:]:
            if entry != keep:
                _remove(entry)

    def _remove_stale_tmp(self) -> None:
        """Remove temporary folders whose writer is gone (a crash) or that are over an hour old."""
        for path in self.directory.glob("*.tmp"):
            with suppress(OSError, ValueError):
                pid = int(path.name.rsplit(".", 2)[-2].split("-")[0])
                age = time.time() - path.lstat().st_mtime
                if age > STALE_TMP_SECONDS or not _process_alive(pid):
                    _remove(path)


def write_entry(folder: Path, snapshot: Snapshot) -> None:
    """Write ``snapshot`` into a new ``folder``: arrays, data, then the header that seals them."""
    folder.mkdir(mode=0o700)
    for name, values in snapshot_arrays(snapshot).items():
        write_array(folder / f"{name}.npy", values)
    data = snapshot_data(snapshot)
    for name in LINES:
        (folder / f"{name}.txt").write_bytes(_lines(data.pop(name)))
    (folder / DATA).write_bytes(json.dumps(data, separators=COMPACT).encode("utf-8"))
    names = sorted(path.name for path in folder.iterdir())
    header = {
        "format": CACHE_FORMAT,
        "version": snapshot.version,
        "files": names,
        "checksum": _checksum(folder, names),
    }
    (folder / HEADER).write_text(json.dumps(header), encoding="utf-8")


def write_array(path: Path, values: np.ndarray) -> None:
    """One ``.npy`` file, written through Python's file object so that a full disk raises
    ``OSError(ENOSPC)`` (numpy's own writer reports only "requested and written")."""
    values = np.ascontiguousarray(values)
    if values.dtype.hasobject:
        raise ValueError(f"{path.name}: object arrays are never stored")
    with path.open("wb") as handle:
        np.lib.format.write_array_header_1_0(
            handle, np.lib.format.header_data_from_array_1_0(values)
        )
        handle.write(memoryview(values).cast("B"))


def read_entry(
    folder: Path, version: str, files: dict[str, str], listed: str | None = None
) -> Snapshot:
    """The snapshot stored in ``folder``, or ``UnusableEntry`` saying why it cannot be trusted."""
    header = _read_header(folder)
    if header.get("format") != CACHE_FORMAT:
        raise UnusableEntry(f"cache format {header.get('format')!r}, expected {CACHE_FORMAT}")
    if header.get("version") != version:
        raise UnusableEntry(f"version {header.get('version')!r}, expected {version}")
    names = header.get("files")
    expected = sorted(
        [DATA, *(f"{name}.txt" for name in LINES), *(f"{n}.npy" for n in ARRAY_KINDS)]
    )
    if names != expected:
        raise UnusableEntry("its list of files is not this format's")
    if _checksum(folder, names) != header.get("checksum"):
        raise UnusableEntry("checksum mismatch: the files changed after they were written")
    data = json.loads((folder / DATA).read_bytes())  # faster than pydantic_core's here
    if data.get("files_digest") != (listed or files_digest(files)):
        raise UnusableEntry("it was built from other files")
    data.update({name: _read_lines(folder / f"{name}.txt") for name in LINES})
    arrays = {
        name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        for name in ARRAY_KINDS
    }
    _check_kinds(arrays)
    arrays = _with_pointers(arrays)
    _check_arrays(arrays, data)
    return _snapshot(version, arrays, data, files)


def snapshot_arrays(snapshot: Snapshot) -> dict[str, np.ndarray]:
    """Every array of an entry; offsets as 8, 16 or 32-bit integers when they fit."""
    return {name: _narrow(name, values) for name, values in _arrays(snapshot).items()}


def _narrow(name: str, values: np.ndarray) -> np.ndarray:
    if values.dtype.kind not in "iu" or values.dtype.itemsize <= 2:
        return values
    largest = int(values.max()) if values.size else 0
    if name in SMALL and largest <= 0xFFFF and (values.size == 0 or int(values.min()) >= 0):
        return values.astype(np.uint8 if largest <= 0xFF else np.uint16)
    if values.dtype == np.int64 and largest < 2**31:
        return values.astype(np.int32)
    return values


def _lines(strings: list[str]) -> bytes:
    """The strings as UTF-8, each ended by a line break (so that an empty list and a list of
    one empty string differ)."""
    if any("\n" in string for string in strings):
        raise ValueError("a stored word holds a line break")  # never made by the tokeniser
    return "".join(f"{string}\n" for string in strings).encode("utf-8")


def _read_lines(path: Path) -> list[str]:
    lines = path.read_bytes().decode("utf-8").split("\n")
    if lines.pop() != "":
        raise UnusableEntry(f"{path.name} does not end with a line break")
    return lines


def _arrays(snapshot: Snapshot) -> dict[str, np.ndarray]:
    articles, passages, index = snapshot.articles, snapshot.passages, snapshot.index
    texts = [articles[article_id].text.encode("utf-8") for article_id in articles.ids]
    lengths = np.fromiter((len(text) for text in texts), np.int64, len(texts))
    records = [json.dumps(r, separators=COMPACT).encode("utf-8") for r in articles.records()]
    record_lengths = np.fromiter((len(record) for record in records), np.int64, len(records))
    layout, sentences, words = passages.layout, passages.sentences, passages.words
    return {
        "text": np.frombuffer(b"".join(texts), dtype=np.uint8),
        "text_offsets": np.concatenate(([0], np.cumsum(lengths))),
        "records": np.frombuffer(b"".join(records), dtype=np.uint8),
        "record_offsets": np.concatenate(([0], np.cumsum(record_lengths))),
        "indptr": index.indptr,
        "postings": index.passages,
        "tf": index.tf,
        "passage_length": _passage_lengths(index),
        "passage_article": layout.article,
        "passage_caption": layout.caption,
        "passage_sentence_counts": np.diff(layout.sentence_ptr),
        "article_passage_counts": np.diff(layout.article_ptr),
        "sentence_start": sentences.start,
        "sentence_end": sentences.end,
        "sentence_flags": sentences.flags,
        "stored_at": sentences.stored_at,
        "stored_ptr": sentences.stored_ptr,
        "stored_terms": sentences.stored_terms,
        "sentence_word_counts": np.diff(words.sentence_ptr),
        "tokens": words.ids,
        "token_overflow_at": words.overflow_at,
        "token_overflow_ids": words.overflow_ids,
        "word_term": words.term,
        "word_shouted_term": words.shouted_term,
        "word_stem": _stem_ids(snapshot)[1],
    }


def _passage_lengths(index: BM25Index) -> np.ndarray:
    """Tokens per passage: every token counts once in its term's ``tf`` for the passage."""
    if index.doc_len is not None:
        return index.doc_len
    counted = np.bincount(index.passages, weights=index.tf, minlength=index.corpus_size)
    return counted.astype(np.int64)


def _stem_ids(snapshot: Snapshot) -> tuple[list[str], np.ndarray]:
    """The words' stems as ids into the index terms followed by the stems that are no term
    (stopwords, marks): the stems that are terms are not stored twice."""
    names = {term: number for number, term in enumerate(snapshot.index.terms)}
    extra: list[str] = []
    ids = []
    for word_stem in snapshot.passages.words.stems:
        number = names.get(word_stem)
        if number is None:
            number = names[word_stem] = len(names)
            extra.append(word_stem)
        ids.append(number)
    return extra, np.asarray(ids, dtype=np.int64)


def snapshot_data(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "files_digest": files_digest(snapshot.files),
        "problems": [problem.model_dump() for problem in snapshot.problems],
        "article_ids": list(snapshot.articles.ids),
        "terms": snapshot.index.terms,
        "words": list(snapshot.passages.words.vocabulary),
        "stems_beyond_terms": _stem_ids(snapshot)[0],
        "k1": snapshot.index.k1,
        "b": B,
        "epsilon": EPSILON,
        "aliases": [
            [list(phrase), concept] for phrase, concept in snapshot.aliases.phrases.items()
        ],
        "speller": list(snapshot.speller.ordered),
        "alias_places": sorted(snapshot.aliases.places),
        "aliases_file": snapshot.aliases_file,
        "office_holders": {
            place: {office: sorted(names) for office, names in offices.items()}
            for place, offices in sorted(snapshot.office_holders.items())
        },
    }


def _snapshot(
    version: str, arrays: dict[str, np.ndarray], data: dict[str, Any], files: dict[str, str]
) -> Snapshot:
    stored = StoredArticles(
        arrays["records"], arrays["record_offsets"], arrays["text"], arrays["text_offsets"]
    )
    articles = ArticleTable.from_stored(list(data["article_ids"]), stored)
    layout = PassageLayout(
        article=arrays["passage_article"],
        start=arrays["passage_start"],
        end=arrays["passage_end"],  # both from the sentences: see _with_pointers
        caption=arrays["passage_caption"],
        sentence_ptr=arrays["passage_sentences"],
        article_ptr=arrays["article_passages"],
    )
    sentences = Sentences(
        start=arrays["sentence_start"],
        end=arrays["sentence_end"],
        flags=arrays["sentence_flags"],
        stored_at=arrays["stored_at"],
        stored_ptr=arrays["stored_ptr"],
        stored_terms=arrays["stored_terms"],
    )
    words = Words(
        vocabulary=tuple(data["words"]),
        stems=_stems(arrays["word_stem"], data),
        sentence_ptr=arrays["sentence_tokens"],
        ids=arrays["tokens"],
        overflow_at=arrays["token_overflow_at"],
        overflow_ids=arrays["token_overflow_ids"],
        term=arrays["word_term"],
        shouted_term=arrays["word_shouted_term"],
    )
    index = BM25Index.from_postings(
        data["terms"],
        arrays["indptr"],
        arrays["postings"],
        arrays["tf"],
        arrays["passage_length"],
        float(data["k1"]),
        float(data["b"]),
        float(data["epsilon"]),
    )
    return Snapshot(
        version=version,
        articles=articles,
        passages=PassageTable(articles, layout, sentences, words),
        index=index,
        aliases=Aliases(
            {tuple(phrase): concept for phrase, concept in data["aliases"]},
            frozenset(data["alias_places"]),
        ),
        files=files,
        problems=[Problem.model_validate(problem) for problem in data["problems"]],
        speller=Speller(tuple(data["speller"])),
        aliases_file=data.get("aliases_file"),
        office_holders={
            place: {office: frozenset(names) for office, names in offices.items()}
            for place, offices in data["office_holders"].items()
        },
    )


def _stems(ids: np.ndarray, data: dict[str, Any]) -> tuple[str, ...]:
    """Each word's stem, looked up for all eighty thousand words at once in numpy (an object
    array of the names): a quarter of the time of a lookup per word, even one made in C."""
    names = np.array([*data["terms"], *data["stems_beyond_terms"]], dtype=object)
    return tuple(names[np.asarray(ids, dtype=np.intp)].tolist())


def _with_pointers(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The stored arrays plus the pointers summed from their counts (see ``COUNTS``) and the
    passages' offsets, which are their first sentence's start and last sentence's end."""
    summed = {
        pointer: np.concatenate(([0], np.cumsum(arrays[counts], dtype=np.int64)))
        for counts, pointer in COUNTS.items()
    }
    sentence_ptr = summed["passage_sentences"]
    if (
        sentence_ptr[-1] != arrays["sentence_start"].size
        or not arrays["passage_sentence_counts"].all()
    ):  # a passage without a sentence: the pointer's step is its count
        raise UnusableEntry("array passage_sentence_counts does not cover the sentences")
    return {
        **arrays,
        **summed,
        "passage_start": arrays["sentence_start"][sentence_ptr[:-1]],
        "passage_end": arrays["sentence_end"][sentence_ptr[1:] - 1],
    }


def _check_kinds(arrays: dict[str, np.ndarray]) -> None:
    for name, values in arrays.items():
        if values.ndim != 1 or values.dtype.kind not in ARRAY_KINDS[name]:
            raise UnusableEntry(f"array {name} is {values.dtype}, {values.ndim}-dimensional")


def _check_arrays(arrays: dict[str, np.ndarray], data: dict[str, Any]) -> None:
    """Raise unless every pointer and id stays in range.

    An entry that passed its checksum was written by this code, but a question must never
    index past an array, so the shapes are checked once here rather than on every access.
    """
    articles, terms = len(data["article_ids"]), len(data["terms"])
    passages = arrays["passage_sentence_counts"].size
    sentences = arrays["sentence_start"].size
    _pointers(arrays["text_offsets"], articles, arrays["text"].size, "text_offsets")
    _pointers(arrays["record_offsets"], articles, arrays["records"].size, "record_offsets")
    _pointers(arrays["indptr"], terms, arrays["postings"].size, "indptr")
    _pointers(arrays["article_passages"], articles, passages, "article_passages")
    _pointers(arrays["passage_sentences"], passages, sentences, "passage_sentences")
    stored = arrays["stored_at"].size
    _pointers(arrays["stored_ptr"], stored, arrays["stored_terms"].size, "stored_ptr")
    _pointers(arrays["sentence_tokens"], sentences, arrays["tokens"].size, "sentence_tokens")
    words = len(data["words"])
    _ids(arrays["word_stem"], terms + len(data["stems_beyond_terms"]), "word_stem")
    sizes = {
        "tf": arrays["postings"].size,
        "passage_length": passages,
        "word_stem": words,
        "passage_article": passages,
        "passage_caption": passages,
        "sentence_end": sentences,
        "sentence_flags": sentences,
        "token_overflow_ids": arrays["token_overflow_at"].size,
        "word_term": words,
        "word_shouted_term": words,
    }
    for name, size in sizes.items():
        if arrays[name].size != size:
            raise UnusableEntry(f"array {name} has {arrays[name].size} entries, not {size}")
    _ids(arrays["postings"], passages, "postings")
    _ids(arrays["passage_article"], articles, "passage_article")
    _ids(arrays["stored_terms"], terms, "stored_terms")
    _ids(arrays["stored_at"], sentences, "stored_at")
    _ids(arrays["token_overflow_at"], arrays["tokens"].size, "token_overflow_at")
    _ids(arrays["token_overflow_ids"], words, "token_overflow_ids")
    _ids(arrays["tokens"], min(words, OVERFLOW + 1), "tokens")
    for name in ("word_term", "word_shouted_term"):
        _ids(arrays[name], terms, name, lowest=-1)
    for name in ("stored_at", "token_overflow_at"):
        if arrays[name].size > 1 and np.any(np.diff(arrays[name]) <= 0):
            raise UnusableEntry(f"array {name} is not ascending")


def _pointers(values: np.ndarray, count: int, total: int, name: str) -> None:
    if values.size != count + 1 or values[0] != 0 or values[-1] != total:
        raise UnusableEntry(f"array {name} does not span its {total} entries")
    if count and np.any(np.diff(values) < 0):
        raise UnusableEntry(f"array {name} goes backwards")


def _ids(values: np.ndarray, count: int, name: str, lowest: int = 0) -> None:
    if not values.size:
        return
    unsigned = values.dtype.kind == "u" and lowest <= 0  # no pass for the lowest value then
    if (not unsigned and values.min() < lowest) or values.max() >= count:
        raise UnusableEntry(f"array {name} points outside its {count} entries")


def _read_header(folder: Path) -> dict[str, Any]:
    path = folder / HEADER
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_HEADER_BYTES + 1)
    except FileNotFoundError:
        raise UnusableEntry("no header: it was never finished") from None
    if len(raw) > MAX_HEADER_BYTES:
        raise UnusableEntry("header too large")
    try:
        header = json.loads(raw)
    except ValueError as error:
        raise UnusableEntry(f"header is not JSON ({error})") from None
    if not isinstance(header, dict):
        raise UnusableEntry("header is not a JSON object")
    return header


def _checksum(folder: Path, names: list[str]) -> str:
    """XXH3-64 of every file's name, size and bytes. The bytes are hashed where they lie in
    the page cache, through a mapping of at most ``WINDOW`` bytes at a time: no copy into a
    buffer (a third of the time it took), and no more than one window's pages counted in
    this process's memory at once (a mapping of a whole entry would count all of it).
    XXH3 hashes at several times CRC-32's speed, with as good a check against damage; like
    CRC-32, it is no seal against someone who can write the folder (the folder's privacy is)."""
    digest = xxhash.xxh3_64()
    for name in names:
        with (folder / name).open("rb", buffering=0) as handle:
            size = os.fstat(handle.fileno()).st_size
            digest.update(f"\0{name}\0{size}\0".encode())
            for offset in range(0, size, WINDOW):
                length = min(WINDOW, size - offset)
                with mmap.mmap(
                    handle.fileno(), length, offset=offset, access=mmap.ACCESS_READ
                ) as window:
                    digest.update(window)
    return digest.hexdigest()


def _listing(record: dict[str, Any], keys: list[str]) -> Listing | None:
    """The folder's recorded signature and names, when the record holds them well formed.
    The names are usually the first keys (every file listed was signed): then the record
    holds only how many they are."""
    folder, names = record.get("folder"), record.get("listing")
    if type(names) is int and 0 <= names <= len(keys):
        names = keys[:names]
    if (
        isinstance(folder, list)
        and len(folder) == 3
        and all(type(value) is int for value in folder)
        and isinstance(names, list)
        and all(isinstance(name, str) and name for name in names)
    ):
        return (folder[0], folder[1], folder[2]), names
    return None


def _copy_name(name: str) -> str:
    """A kept copy's file name: a plain name, never a path or an entry's name."""
    if os.sep in name or name.startswith(".") or not name.endswith((".json", ".txt")):
        raise ValueError(f"not a name for a kept copy: {name!r}")
    return f"copy-{name}"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prefix(knowledge_dir: Path) -> str:
    """Names the knowledge directory, so that two knowledge bases can share one cache folder."""
    return hashlib.sha256(str(knowledge_dir.resolve()).encode()).hexdigest()[:12]
