"""A build over worker processes: the folder cut into contiguous blocks, one process each.

Each worker holds its block through the three steps of a build; between them the parent does
what needs the whole folder, exactly as the in-process build (``bot.build``) does it:

1. The worker prepares its files (an HTML page extracted, a text split from its front matter
   once) and sends a 64-bit digest of each key of each file's lines; the parent finds the
   digests that more than one file holds and asks for those keys only, counts the lines that
   files of the folder share (``repeated_keys``) and sends each block its files' boilerplate.
2. The worker cleans its articles and sends them; the parent lists the problems and the
   duplicates in folder order (``sift``) and tells each block which articles to index.
3. The worker chunks, splits and reads the sentences of those articles and sends its tallies,
   in its own word and term ids, with its vocabulary; the parent renumbers them into one
   vocabulary in the order the in-process build meets the words, so that the snapshot is
   the same, array for array.

The processes come from the forkserver (spawn where there is none), never from ``fork``: the
bot runs threads and event loops, and a forked child would inherit their locks mid-use. The
parent only waits on pipes meanwhile, so an event loop beside a reload keeps running. A
worker that fails, or processes that cannot start, raise ``WorkersFailed``, and the caller
builds in its own process instead.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import resource
import signal
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from hashlib import blake2b
from itertools import pairwise
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import numpy as np

from bot.articles import Article, ArticleError, is_html
from bot.build import (
    FIRST_USE_CHUNK,
    LAST_BUILD,
    Built,
    Reading,
    Tally,
    article_files,
    indexed,
    read_source,
    require_articles,
    same_as_before,
    sift,
    tables,
)
from bot.cleaning import line_keys, repeated_keys
from bot.ingest.extracted import EXTRACTIONS, ExtractionCache
from bot.ingest.files import ArticleFile
from bot.memory import give_back_freed_memory
from bot.roles import titled_places
from bot.sentence_reading import NO_TERM, SentenceReader
from bot.snapshot import ArticleTable, SourceFile
from bot.spelling import Speller, word_counts
from bot.tokens import Aliases

log = logging.getLogger(__name__)

PIECE_BYTES = 1 << 22
"""The size of each message carrying part of an array from a worker."""
READINGS_PER_MESSAGE = 200
"""Files' readings (articles, mostly) per message from a worker: the parent unpickles one
message at a time, so a message's bytes are a transient of about a megabyte."""
STOP_WAITING_S = 10.0
"""How long a worker is given to exit once its work is done, before it is killed."""
TALLY_ARRAYS = (
    "term_keys",
    "sentence_tokens",
    "sentence_start",
    "sentence_end",
    "sentence_flags",
    "stored_at",
    "stored_count",
    "stored_keys",
    "passage_sentences",
    "passage_article",
    "passage_start",
    "passage_end",
    "passage_caption",
    "article_passages",
    "sentence_words",
    "word_ids",
)
"""The arrays of ``bot.build.Tally``, which a worker sends as they are."""


class WorkersFailed(Exception):
    """A worker died or failed, or the processes could not be started."""


def build_in_workers(
    directory: Path, sources: list[SourceFile], aliases_path: Path | None, workers: int
) -> Built:
    """The in-process build's result (``bot.build._build_here``), made by ``workers``
    processes. ``sources`` is emptied once every file is read; should the workers fail
    before, it is left as it was, for the in-process build; after, this process indexes
    the articles read."""
    aliases_at = str(aliases_path) if aliases_path is not None else None
    blocks = _blocks([source for source in sources if source.location != aliases_at], workers)
    names = [[_name(source) for source in block] for block in blocks]
    with _Crew(len(blocks)) as crew:
        crew.send([(block, aliases_path, _known_pages(block)) for block in blocks])
        del blocks
        digests = []
        for block_digests, extracted in crew.receive():
            digests.append(block_digests)
            EXTRACTIONS.keep(extracted)
        crew.send([_held_twice(digests)] * len(names))
        del digests
        keys: dict[str, set[str]] = {}
        for block_keys in crew.receive():
            keys.update(block_keys)
        boilerplate = repeated_keys(keys)
        del keys
        crew.send([{n: boilerplate[n] for n in block if n in boilerplate} for block in names])
        del boilerplate
        give_back_freed_memory()  # the keys, before the articles come
        before = LAST_BUILD.articles()
        block_readings = [crew.receive_readings(number, before) for number in range(len(names))]
        del before
        folder = [(_name(s), s if s.location == aliases_at else None) for s in sources]
        sources.clear()  # every file is read: their bytes are freed before the articles are sifted
        give_back_freed_memory()
        articles, problems, aliases = sift(_in_folder_order(folder, aliases_path, block_readings))
        require_articles(directory, articles, problems)
        kept = [
            [number for number, reading in enumerate(readings) if _is_kept(reading, articles)]
            for readings in block_readings
        ]
        del block_readings
        give_back_freed_memory()  # the files' bytes and lines, before the tallies come
        table = ArticleTable.from_articles(list(articles.values()))
        try:
            crew.send([(numbers, aliases) for numbers in kept])
            parts: list[BlockIndex] = crew.receive()
            speller, places = _speller_and_places(parts)
            tally = _merged(parts, aliases, crew)
        except WorkersFailed as error:
            log.warning("build workers failed (%s); indexing in this process instead", error)
            return indexed(table, aliases, problems)
    peaks, cpu = [round(part.peak_mb) for part in parts], [part.cpu_s for part in parts]
    extra = {"peaks_mb": peaks, "cpu_s": cpu}
    log.debug("built in %d workers (peak RSS %s MB)", len(parts), peaks, extra=extra)
    del parts
    passages, index = tables(table, tally)
    return Built(
        articles=table,
        passages=passages,
        index=index,
        aliases=aliases,
        problems=problems,
        speller=speller,
        titled_places=places,
    )


def _speller_and_places(parts: list[BlockIndex]) -> tuple[Speller, frozenset[str]]:
    """The speller from the blocks' word counts, added up in order (which frees them before
    the tallies are merged), and the titled places of all the blocks."""
    counts: Counter[str] = Counter()
    for part in parts:
        counts.update(part.word_counts)
        part.word_counts.clear()
    places = frozenset().union(*(part.titled_places for part in parts))
    return Speller.from_counts(counts), places


def _blocks(sources: list[SourceFile], count: int) -> list[list[SourceFile]]:
    """``sources`` in ``count`` contiguous blocks of about the same number of bytes."""
    sizes = np.cumsum([len(source.data or b"") + 1 for source in sources])
    cuts = np.searchsorted(sizes, sizes[-1] * np.arange(1, count) / count).tolist()
    edges = [0, *cuts, len(sources)]
    blocks = [sources[a:b] for a, b in pairwise(edges)]
    return [block for block in blocks if block]


def _known_pages(block: list[SourceFile]) -> dict[str, str]:
    """The HTML pages of ``block`` this process extracted before (``bot.ingest.extracted``)."""
    return EXTRACTIONS.known([s.data for s in block if s.data and is_html(_name(s))])


def _name(source: SourceFile) -> str:
    """The file's name, as ``source.path.name`` but without making a ``Path`` (ten thousand
    of them cost the parent half a second, serially)."""
    return os.path.basename(source.location)


def _held_twice(digests: list[np.ndarray]) -> np.ndarray:
    """The line-key digests (``_key_digests``) found in more than one file, sorted: each
    file's digests are distinct, so a digest seen twice is in two files (or two keys share
    it, which only sends one key more). Only a line of two files or more can be a folder's
    boilerplate or make two files copies (``repeated_keys``), so the parent asks for those
    keys alone: in an archive without boilerplate, none."""
    every = np.sort(np.concatenate(digests)) if digests else np.empty(0, np.uint64)
    twice = every[1:][every[1:] == every[:-1]]
    return np.unique(twice)


def _in_folder_order(
    folder: list[tuple[str, SourceFile | None]],
    aliases_path: Path | None,
    block_readings: list[list[Reading]],
) -> Iterator[tuple[str, Reading]]:
    """Every file's reading in folder order (each file's name, and its source if it is the
    aliases file): the blocks' in turn, the aliases read here."""
    from_blocks = (reading for readings in block_readings for reading in readings)
    for name, aliases_source in folder:
        if aliases_source is not None:
            yield name, read_source(aliases_source, None, frozenset(), aliases_path)
        else:
            yield name, next(from_blocks)


def _is_kept(reading: Reading, articles: dict[str, Article]) -> bool:
    return isinstance(reading, Article) and articles.get(reading.id) is reading


# The parent's side: processes and pipes.


def _context() -> multiprocessing.context.BaseContext:
    """The forkserver, preloaded with this module so that each worker starts with the
    build's code imported; spawn where there is no forkserver."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


class _Crew:
    """One worker process per block, each spoken to through its own pipe."""

    def __init__(self, count: int) -> None:
        self.pipes: list[Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        try:
            context = _context()
            for _ in range(count):
                ours, theirs = context.Pipe()
                process = context.Process(  # type: ignore[attr-defined]
                    target=_serve, args=(theirs,), name="newsdesk-build", daemon=True
                )
                process.start()
                theirs.close()
                self.pipes.append(ours)
                self.processes.append(process)
        except (OSError, ValueError, RuntimeError) as error:
            self.close()
            raise WorkersFailed(f"cannot start the build workers: {error}") from None

    def __enter__(self) -> _Crew:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def send(self, messages: list[Any]) -> None:
        for pipe, message in zip(self.pipes, messages, strict=True):
            try:
                pipe.send(message)
            except OSError as error:  # the worker is gone
                raise WorkersFailed(f"a build worker stopped listening: {error}") from None

    def receive(self) -> list[Any]:
        return [
            self._receive(pipe, process)
            for pipe, process in zip(self.pipes, self.processes, strict=True)
        ]

    def receive_readings(self, number: int, before: ArticleTable | None) -> list[Reading]:
        """Worker ``number``'s readings, sent a few at a time (``READINGS_PER_MESSAGE``); each
        article that reads as in the live snapshot is that snapshot's (``same_as_before``), so
        that a reload holds one copy of it, and no message is a block's every article."""
        pipe, process = self.pipes[number], self.processes[number]
        readings: list[Reading] = []
        for _ in range(self._receive(pipe, process)):
            readings += [same_as_before(r, before) for r in self._receive(pipe, process)]
        return readings

    def receive_array_into(self, number: int, window: np.ndarray) -> None:
        """An array worker ``number`` sends as it is (``Connection.send_bytes``), read
        straight into ``window`` (its place in the merged array: no copy of the block's)."""
        data = memoryview(window).cast("B")
        try:
            for start in range(0, len(data), PIECE_BYTES):
                self.pipes[number].recv_bytes_into(data[start : start + PIECE_BYTES])
        except (EOFError, OSError):
            raise WorkersFailed("a build worker exited while sending its tallies") from None

    @staticmethod
    def _receive(pipe: Connection, process: multiprocessing.process.BaseProcess) -> Any:
        ready = wait([pipe, process.sentinel])
        try:
            if pipe not in ready and not pipe.poll():
                raise EOFError
            answer = pipe.recv()
        except (EOFError, OSError):
            process.join(STOP_WAITING_S)
            raise WorkersFailed(f"a build worker exited (code {process.exitcode})") from None
        if isinstance(answer, _Failure):
            raise WorkersFailed(f"a build worker failed: {answer.description}")
        return answer

    def close(self) -> None:
        for pipe in self.pipes:
            pipe.close()
        for process in self.processes:
            process.join(STOP_WAITING_S)
            if process.is_alive():
                process.kill()
                process.join()
            process.close()
        self.pipes, self.processes = [], []


# The worker's side.


@dataclass(frozen=True)
class _Failure:
    description: str


@dataclass(frozen=True)
class BlockIndex:
    """A block's tallies (``bot.build.Tally``) in its own word and term ids, with what
    those ids stand for, and its share of the speller's counts and of the titled places."""

    arrays: dict[str, Any]
    """Each array of the tally; as sent, its typecode and length (the arrays follow, as bytes)."""
    words: list[str]
    stems: list[str]
    term: np.ndarray
    shouted_term: np.ndarray
    terms: list[str]
    word_counts: Counter[str]
    titled_places: frozenset[str]
    peak_mb: float
    """The worker's peak resident memory (its ``ru_maxrss``)."""
    cpu_s: float
    """The CPU time the worker used, for the whole of its block."""


def _serve(pipe: Connection) -> None:
    """A worker: its block through the three steps, each answer sent back on ``pipe``.

    Without the cyclic garbage collector, as a build in the bot's own process runs (see
    ``bot.knowledge_base``): the block's objects form no cycles, and collections on the way
    would walk them again and again. Ctrl-C is the parent's to handle: it closes the pipes,
    and the worker stops at its next read or write."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()
    try:
        block, aliases_path, known_pages = pipe.recv()
        extractions = ExtractionCache()
        extractions.keep(known_pages)
        prepared = article_files(block, aliases_path, extractions)
        keys = _line_keys(prepared)
        pipe.send((_key_digests(keys), _new_entries(extractions, known_pages)))
        pipe.send(_keys_held(keys, pipe.recv()))
        del keys
        boilerplate = pipe.recv()
        readings = [
            read_source(
                source,
                prepared.pop(source.path.name, None),
                boilerplate.get(source.path.name, frozenset()),
                aliases_path,
            )
            for source in block
        ]
        del block, prepared
        pipe.send(-(-len(readings) // READINGS_PER_MESSAGE))
        for start in range(0, len(readings), READINGS_PER_MESSAGE):
            pipe.send(readings[start : start + READINGS_PER_MESSAGE])
        numbers, aliases = pipe.recv()
        kept = [readings[number] for number in numbers]
        del readings
        part = _index(kept, aliases)
        arrays = part.arrays
        pipe.send(replace(part, arrays={name: (a.typecode, len(a)) for name, a in arrays.items()}))
        for name in TALLY_ARRAYS:  # as they are: no pickled copy of ten million tokens
            _send_array(pipe, arrays.pop(name))
    except (EOFError, OSError):  # the parent went away
        return
    except Exception:
        pipe.send(_Failure(traceback.format_exc(limit=5)))
    finally:
        pipe.close()


def _send_array(pipe: Connection, values: Any) -> None:
    """``values`` in pieces of ``PIECE_BYTES``: a connection reads each message whole into a
    buffer of its own before copying it out, so one message would be a second copy."""
    data = memoryview(values).cast("B")
    for start in range(0, len(data), PIECE_BYTES):
        pipe.send_bytes(data[start : start + PIECE_BYTES])


def _line_keys(prepared: dict[str, ArticleFile | ArticleError]) -> dict[str, set[str]]:
    return {
        name: line_keys(source.lines)
        for name, source in prepared.items()
        if isinstance(source, ArticleFile)
    }


KEY_DIGEST_BYTES = 8


def _key_digest(key: str) -> int:
    """A line key's digest, the same in every process (``hash`` of a string is not)."""
    data = key.encode("utf-8", "surrogatepass")
    return int.from_bytes(blake2b(data, digest_size=KEY_DIGEST_BYTES).digest(), "little")


def _key_digests(keys: dict[str, set[str]]) -> np.ndarray:
    """The digests of every file's line keys, file after file."""
    digests = [_key_digest(key) for lines in keys.values() for key in lines]
    return np.array(digests, np.uint64)


def _keys_held(keys: dict[str, set[str]], held: np.ndarray) -> dict[str, set[str]]:
    """Each file's line keys whose digest is in ``held`` (sorted), for the files with any."""
    if held.size == 0:
        return {}
    found: dict[str, set[str]] = {}
    for name, lines in keys.items():
        ordered = list(lines)
        digests = np.array([_key_digest(key) for key in ordered], np.uint64)
        at = np.minimum(np.searchsorted(held, digests), held.size - 1)
        shared = {ordered[i] for i in np.flatnonzero(held[at] == digests).tolist()}
        if shared:
            found[name] = shared
    return found


def _new_entries(extractions: ExtractionCache, known: dict[str, str]) -> dict[str, str]:
    return {key: entry for key, entry in extractions.entries().items() if key not in known}


def _index(articles: list[Article], aliases: Aliases) -> BlockIndex:
    tally = Tally(aliases)
    for position, article in enumerate(articles):
        tally.add(position, article)
    reader = tally.reader
    return BlockIndex(
        arrays={name: getattr(tally, name) for name in TALLY_ARRAYS},
        words=list(reader.word_ids),
        stems=reader.stems,
        term=np.asarray(reader.term, np.int32),
        shouted_term=np.asarray(reader.shouted_term, np.int32),
        terms=list(reader.term_keys),
        word_counts=word_counts(article.text for article in articles),
        titled_places=titled_places((article.text for article in articles), aliases),
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        cpu_s=time.process_time(),
    )


# The parent's side again: the blocks' tallies as one.


def _merged(parts: list[BlockIndex], aliases: Aliases, crew: _Crew) -> Tally:
    """One tally from the blocks', in the word ids and term keys the in-process build would
    have given: a word's id is its place among first appearances, block after block, and a
    term's key any one per term (``tables`` numbers terms by first use). Each block's
    arrays are read from its worker one at a time, into the merged arrays."""
    tally = Tally(aliases)
    reader: SentenceReader = tally.reader
    word_ids: dict[str, int] = {}
    term_keys: dict[str, int] = {}
    terms: list[np.ndarray] = []
    words: list[np.ndarray] = []
    for part in parts:
        term_key = np.array(
            [term_keys.setdefault(t, len(term_keys)) for t in part.terms] + [NO_TERM], np.int32
        )
        word_id = np.empty(len(part.words), np.int32)
        for local, word in enumerate(part.words):
            found = word_ids.get(word)
            if found is None:
                found = word_ids[word] = len(word_ids)
                reader.stems.append(part.stems[local])
                reader.term.append(int(term_key[part.term[local]]))
                reader.shouted_term.append(int(term_key[part.shouted_term[local]]))
            word_id[local] = found
        terms.append(term_key)
        words.append(word_id)
        for merged_list in (part.words, part.stems, part.terms):
            merged_list.clear()  # renumbered: freed before the next block's are read
    reader.word_ids = word_ids
    reader.term_keys = term_keys
    sentences = np.cumsum([0] + [part.arrays["sentence_start"][1] for part in parts])
    articles = np.cumsum([0] + [part.arrays["article_passages"][1] for part in parts])
    offsets = {"stored_at": sentences, "passage_article": articles}  # block-local positions
    for name in TALLY_ARRAYS:
        typecode = parts[0].arrays[name][0]
        merged = np.empty(sum(part.arrays[name][1] for part in parts), np.dtype(typecode))
        at = 0
        for number, part in enumerate(parts):
            window = merged[at : at + part.arrays[name][1]]
            crew.receive_array_into(number, window)
            if name in ("term_keys", "stored_keys"):
                _renumbered(terms[number], window)
            elif name == "word_ids":
                _renumbered(words[number], window)
            elif name in offsets:
                window += offsets[name][number]
            at += window.size
        setattr(tally, name, merged)
    return tally


def _renumbered(table: np.ndarray, ids: np.ndarray) -> None:
    """``ids[:] = table[ids]`` in place, a chunk at a time: the whole step would make a
    64-bit index copy of a block's every token (numpy indexes with 64-bit integers)."""
    for start in range(0, ids.size, FIRST_USE_CHUNK):
        chunk = ids[start : start + FIRST_USE_CHUNK]
        chunk[...] = table[chunk]
