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
    LAST_BUILD,
    Built,
    Reading,
    Tally,
    article_files,
    first_uses,
    in_first_use_order,
    indexed,
    passage_table,
    read_source,
    require_articles,
    same_as_before,
    sift,
    tokens_per_passage,
    word_frequency,
    word_order,
    words_table,
)
from bot.cleaning import line_keys, repeated_keys
from bot.index import BM25Index, smallest_unsigned, term_major
from bot.ingest.extracted import EXTRACTIONS, ExtractionCache
from bot.ingest.files import ArticleFile
from bot.memory import give_back_freed_memory
from bot.roles import OfficeHolders, merged_holders, office_holders
from bot.sentence_reading import NO_TERM, SentenceReader
from bot.snapshot import OVERFLOW, ArticleTable, PassageTable, SourceFile
from bot.spelling import Speller, word_counts
from bot.tokens import Aliases

log = logging.getLogger(__name__)

PIECE_ITEMS = 1 << 18
"""The values of an array each message from a worker carries: the parent turns the largest
arrays into its own a message at a time, so one message's values are its transients."""
ITEMS_PER_MESSAGE = 200
"""Files (to a worker) or their readings (from it) per message: a message is pickled whole,
so its bytes are a transient of about a megabyte, not of a block's every file."""
STOP_WAITING_S = 10.0
"""How long a worker is given to exit once its work is done, before it is killed."""
TALLY_ARRAYS = (
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
)
"""The arrays of ``bot.build.Tally`` a worker sends as they are, the parent joins block after
block (the tokens' term keys and word ids are sent as ``BLOCK_ARRAYS``)."""
BLOCK_ARRAYS = (
    "first_use",
    "word_frequency",
    "indptr",
    "word_ids",
    "passages",
    "tf",
)
"""What a worker makes of its tokens, sent after ``TALLY_ARRAYS`` in this order: where each
of its term keys is first used, how often each of its words is used, its postings (its
passages term-major, as ``bot.index.term_major``), and its tokens' word ids. The parent needs
every block's first three before it can place a block's last three."""


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
        crew.send([(aliases_path, _known_pages(block)) for block in blocks])
        for number, block in enumerate(blocks):  # the files, a few at a time
            crew.send_in_pieces(number, block)
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
            crew.send([(numbers, aliases, PIECE_ITEMS) for numbers in kept])
            parts: list[BlockIndex] = crew.receive()
            speller, places = _speller_and_places(parts)
            tally, blocks = _merged(parts, aliases, crew)
            passages, index = _tables(table, tally, blocks, parts, crew)
        except WorkersFailed as error:
            log.warning("build workers failed (%s); indexing in this process instead", error)
            return indexed(table, aliases, problems)
    peaks, cpu = [round(part.peak_mb) for part in parts], [part.cpu_s for part in parts]
    extra = {"peaks_mb": peaks, "cpu_s": cpu}
    log.debug("built in %d workers (peak RSS %s MB)", len(parts), peaks, extra=extra)
    del parts
    return Built(
        articles=table,
        passages=passages,
        index=index,
        aliases=aliases,
        problems=problems,
        speller=speller,
        office_holders=places,
    )


def _speller_and_places(parts: list[BlockIndex]) -> tuple[Speller, OfficeHolders]:
    """The speller from the blocks' word counts, added up in order (which frees them before
    the tallies are merged), and the office holders of all the blocks."""
    counts: Counter[str] = Counter()
    for part in parts:
        counts.update(part.word_counts)
        part.word_counts.clear()
    places = merged_holders(part.office_holders for part in parts)
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

    def send_in_pieces(self, number: int, items: list[Any]) -> None:
        """``items`` to worker ``number`` in messages of ``ITEMS_PER_MESSAGE`` (``_in_pieces``):
        one message would be pickled whole, a block's every file at once."""
        try:
            _send_in_pieces(self.pipes[number], items)
        except OSError as error:  # the worker is gone
            raise WorkersFailed(f"a build worker stopped listening: {error}") from None

    def receive_readings(self, number: int, before: ArticleTable | None) -> list[Reading]:
        """Worker ``number``'s readings, sent a few at a time (``ITEMS_PER_MESSAGE``); each
        article that reads as in the live snapshot is that snapshot's (``same_as_before``), so
        that a reload holds one copy of it, and no message is a block's every article."""
        pipe, process = self.pipes[number], self.processes[number]
        readings: list[Reading] = []
        for _ in range(self._receive(pipe, process)):
            readings += [same_as_before(r, before) for r in self._receive(pipe, process)]
        return readings

    def receive_array_into(self, number: int, window: np.ndarray) -> None:
        """An array worker ``number`` sends as it is (``_send_array``), read straight into
        ``window`` (its place in the merged array: no copy of the block's)."""
        for start in range(0, window.size, PIECE_ITEMS):
            self._receive_bytes_into(number, window[start : start + PIECE_ITEMS])

    def receive_pieces(
        self, number: int, dtype: np.dtype, length: int
    ) -> Iterator[tuple[int, np.ndarray]]:
        """An array of ``length`` values worker ``number`` sends, a message at a time: each
        piece's first position and values (read into one buffer, reused)."""
        buffer = np.empty(min(length, PIECE_ITEMS), dtype)
        for start in range(0, length, PIECE_ITEMS):
            piece = buffer[: min(PIECE_ITEMS, length - start)]
            self._receive_bytes_into(number, piece)
            yield start, piece

    def _receive_bytes_into(self, number: int, values: np.ndarray) -> None:
        try:
            self.pipes[number].recv_bytes_into(memoryview(values).cast("B"))
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
    """``TALLY_ARRAYS`` and ``BLOCK_ARRAYS``; as sent, each one's dtype and length (the
    arrays follow, as bytes)."""
    term_tokens: int
    """How many index terms the block's sentences hold (its tokens' term keys)."""
    largest_tf: int
    """The most times a term is in one of its passages."""
    words: list[str]
    stems: list[str]
    term: np.ndarray
    shouted_term: np.ndarray
    terms: list[str]
    word_counts: Counter[str]
    office_holders: OfficeHolders
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
        aliases_path, known_pages = pipe.recv()
        block = _in_pieces(pipe)
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
        _send_in_pieces(pipe, readings)
        numbers, aliases, piece_items = pipe.recv()
        kept = [readings[number] for number in numbers]
        del readings
        part = _index(kept, aliases)
        arrays = part.arrays
        sizes = {name: (np.asarray(a).dtype.str, len(a)) for name, a in arrays.items()}
        pipe.send(replace(part, arrays=sizes))
        for name in TALLY_ARRAYS + BLOCK_ARRAYS:  # as they are: no pickled copy of the tokens
            _send_array(pipe, arrays.pop(name), piece_items)
    except (EOFError, OSError):  # the parent went away
        return
    except Exception:
        pipe.send(_Failure(traceback.format_exc(limit=5)))
    finally:
        pipe.close()


def _send_in_pieces(pipe: Connection, items: list[Any]) -> None:
    """How many messages follow, then ``items`` in messages of ``ITEMS_PER_MESSAGE``."""
    pipe.send(-(-len(items) // ITEMS_PER_MESSAGE))
    for start in range(0, len(items), ITEMS_PER_MESSAGE):
        pipe.send(items[start : start + ITEMS_PER_MESSAGE])


def _in_pieces(pipe: Connection) -> list[Any]:
    """What ``_send_in_pieces`` sent."""
    items: list[Any] = []
    for _ in range(pipe.recv()):
        items += pipe.recv()
    return items


def _send_array(pipe: Connection, values: Any, piece_items: int) -> None:
    """``values`` in pieces of ``piece_items`` (the parent's ``PIECE_ITEMS``): a connection
    reads each message whole into a buffer of its own before copying it out, so one message
    would be a second copy."""
    array = np.asarray(values)
    for start in range(0, array.size, piece_items):
        pipe.send_bytes(memoryview(array[start : start + piece_items]).cast("B"))


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
    """The block's tallies, with its tokens turned into ``BLOCK_ARRAYS`` here, in parallel,
    rather than in the parent for every block at once."""
    tally = Tally(aliases)
    for position, article in enumerate(articles):
        tally.add(position, article)
    reader = tally.reader
    keys = np.frombuffer(tally.term_keys, np.int32)
    indptr, passages, tf = term_major(keys, tokens_per_passage(tally), len(reader.term_keys))
    made = {
        "first_use": first_uses(keys, len(reader.term_keys)),
        "word_frequency": word_frequency(
            np.frombuffer(tally.word_ids, np.int32), len(reader.stems)
        ),
        "indptr": indptr,
        "word_ids": tally.word_ids,
        "passages": passages,
        "tf": tf,
    }
    return BlockIndex(
        arrays={name: getattr(tally, name) for name in TALLY_ARRAYS} | made,
        term_tokens=keys.size,
        largest_tf=int(tf.max(initial=0)),
        words=list(reader.word_ids),
        stems=reader.stems,
        term=np.asarray(reader.term, np.int32),
        shouted_term=np.asarray(reader.shouted_term, np.int32),
        terms=list(reader.term_keys),
        word_counts=word_counts(article.text for article in articles),
        office_holders=office_holders((article.text for article in articles), aliases),
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        cpu_s=time.process_time(),
    )


# The parent's side again: the blocks' tallies as one.


@dataclass(frozen=True)
class _Renumbering:
    """Each block's own ids in the merged tally's: per block, its term keys' (its last entry
    ``NO_TERM``, for ``NO_TERM``) and its word ids'."""

    terms: list[np.ndarray]
    words: list[np.ndarray]


def _merged(parts: list[BlockIndex], aliases: Aliases, crew: _Crew) -> tuple[Tally, _Renumbering]:
    """One tally from the blocks' ``TALLY_ARRAYS``, in the word ids and term keys the
    in-process build would have given: a word's id is its place among first appearances,
    block after block, and a term's key any one per term (terms are numbered by first use
    later). Each block's arrays are read from its worker one at a time, into the merged
    arrays."""
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
        dtype = np.dtype(parts[0].arrays[name][0])
        merged = np.empty(sum(part.arrays[name][1] for part in parts), dtype)
        at = 0
        for number, part in enumerate(parts):
            window = merged[at : at + part.arrays[name][1]]
            crew.receive_array_into(number, window)
            if name == "stored_keys":
                window[...] = terms[number][window]
            elif name in offsets:
                window += offsets[name][number]
            at += window.size
        setattr(tally, name, merged)
    return tally, _Renumbering(terms, words)


def _tables(
    articles: ArticleTable,
    tally: Tally,
    blocks: _Renumbering,
    parts: list[BlockIndex],
    crew: _Crew,
) -> tuple[PassageTable, BM25Index]:
    """``bot.build.tables`` of the merged tally, from the blocks' ``BLOCK_ARRAYS``: the
    same terms, words and postings, but no array of every token's term key or wide word id
    is made here, only the snapshot's own arrays, a message at a time."""
    reader = tally.reader
    sizes = [part.arrays for part in parts]
    first = np.full(len(reader.term_keys), sum(p.term_tokens for p in parts), np.int64)
    at = 0
    for number, part in enumerate(parts):
        local = _received(crew, number, sizes[number]["first_use"])
        used = local < part.term_tokens
        np.minimum.at(first, blocks.terms[number][:-1][used], local[used] + at)
        at += part.term_tokens
    terms, renumber = in_first_use_order(first, at, reader.term_keys)
    del first
    frequency = np.zeros(len(reader.stems), np.int64)
    for number in range(len(parts)):
        frequency[blocks.words[number]] += _received(crew, number, sizes[number]["word_frequency"])
    order, rank = word_order(frequency)
    del frequency
    postings = _Postings(len(terms), [renumber[table[:-1]] for table in blocks.terms])
    for number in range(len(parts)):
        postings.count(number, _received(crew, number, sizes[number]["indptr"]))
    narrow, overflow_at, overflow_ids = _word_ids(crew, blocks, rank, sizes)
    words = words_table(tally, order, renumber, narrow, overflow_at, overflow_ids)
    index = BM25Index.from_postings(terms, *postings.placed(crew, parts), tokens_per_passage(tally))
    return passage_table(articles, tally, renumber, words, len(terms)), index


def _received(crew: _Crew, number: int, size: tuple[str, int]) -> np.ndarray:
    """A (small) array worker ``number`` sends, of ``size`` (its dtype and length)."""
    values = np.empty(size[1], np.dtype(size[0]))
    crew.receive_array_into(number, values)
    return values


def _word_ids(
    crew: _Crew, blocks: _Renumbering, rank: np.ndarray, sizes: list[dict[str, Any]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``bot.build.narrowed`` of every block's word ids, each message's turned in place."""
    narrow = np.empty(sum(size["word_ids"][1] for size in sizes), np.uint16)
    overflow_at: list[np.ndarray] = [np.empty(0, np.int64)]
    overflow_ids: list[np.ndarray] = [np.empty(0, np.int32)]
    at = 0
    for number, size in enumerate(sizes):
        ranked = rank[blocks.words[number]]
        for start, piece in crew.receive_pieces(
            number, np.dtype(size["word_ids"][0]), size["word_ids"][1]
        ):
            ids = ranked[piece]
            np.minimum(
                ids, OVERFLOW, out=narrow[at + start : at + start + piece.size], casting="unsafe"
            )
            wide = np.flatnonzero(ids >= OVERFLOW)
            overflow_at.append(wide + (at + start))
            overflow_ids.append(ids[wide])
        at += size["word_ids"][1]
    return narrow, np.concatenate(overflow_at), np.concatenate(overflow_ids)


class _Postings:
    """The blocks' postings laid out term after term, each term's block after block (so
    its passages stay in order), as ``bot.index.term_major`` lays out every token's."""

    def __init__(self, term_count: int, block_terms: list[np.ndarray]) -> None:
        self.block_terms = block_terms
        """Per block, each of its term keys' term id."""
        self.per_term = np.zeros(term_count, np.int64)
        self.block_indptr: list[np.ndarray] = []

    def count(self, number: int, indptr: np.ndarray) -> None:
        counts = np.diff(indptr)
        held = np.flatnonzero(counts)
        self.per_term[self.block_terms[number][held]] += counts[held]
        self.block_indptr.append(indptr)

    def placed(self, crew: _Crew, parts: list[BlockIndex]) -> tuple[np.ndarray, ...]:
        """The index's ``indptr``, ``passages`` and ``tf``, each block's read into place."""
        indptr = np.concatenate(([0], np.cumsum(self.per_term)))
        passages = np.empty(int(indptr[-1]), np.int32)
        largest = max(part.largest_tf for part in parts)
        tf = np.empty(passages.size, smallest_unsigned(largest))
        filled = indptr[:-1].copy()  # where each term's next posting goes
        first_passage = 0
        for number, part in enumerate(parts):
            local = self.block_indptr[number]
            counts = np.diff(local)
            held = np.flatnonzero(counts)
            term = self.block_terms[number]
            base = np.zeros(counts.size, np.int64)  # where each of its terms' postings go
            base[held] = filled[term[held]]
            filled[term[held]] += counts[held]
            for name, out, shift in (("passages", passages, first_passage), ("tf", tf, 0)):
                dtype, length = part.arrays[name][:2]
                for start, piece in crew.receive_pieces(number, np.dtype(dtype), length):
                    at = np.arange(start, start + piece.size)
                    key = np.searchsorted(local, at, side="right") - 1
                    out[base[key] + (at - local[key])] = piece + shift if shift else piece
            first_passage += part.arrays["passage_sentences"][1]
        return indptr, passages, tf
