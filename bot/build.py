"""Turning the files of a knowledge folder into a ``Snapshot``: read, clean, chunk, index.

Imported only when a build is needed (``bot.snapshot.load_snapshot`` on a cache miss, a
reload), so that a start from the index cache loads none of the reading rules, the sentence
splitter or the indexer. In this process or in workers (``bot.build_workers``), the same
functions make the same snapshot.
"""

from __future__ import annotations

import logging
import os
import time
import weakref
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.articles import Article, ArticleError, Problem, describe_yaml_error
from bot.cleaning import repeated_lines
from bot.gazetteer import country_names
from bot.index import BM25Index
from bot.ingest.extracted import ExtractionCache
from bot.ingest.files import ArticleFile, article_file, read_article_file, text_fingerprint
from bot.memory import give_back_freed_memory
from bot.passages import chunk_article
from bot.roles import OfficeHolders, office_holders
from bot.sentence_reading import SentenceReader
from bot.snapshot import (
    OVERFLOW,
    SHOUTING,
    STORED_ONLY,
    ArticleTable,
    KnowledgeBaseError,
    PassageLayout,
    PassageTable,
    Sentences,
    Snapshot,
    SourceFile,
    Words,
)
from bot.spelling import Speller
from bot.tokens import Aliases

log = logging.getLogger(__name__)


def build_snapshot(
    directory: Path,
    sources: list[SourceFile],
    version: str,
    files: dict[str, str],
    progress: bool,
    aliases_path: Path | None = None,
    workers: int = 1,
) -> Snapshot:
    """Parse every source and index the articles, in ``workers`` processes when the folder
    is large enough to gain from them (``bot.build_workers``), else in this one. Both give
    the same snapshot. ``sources`` is emptied on the way, so that each file's bytes are
    freed once its article is read."""
    built = None
    if workers > 1 and len(sources) >= PARALLEL_MIN_FILES:
        from bot.build_workers import WorkersFailed, build_in_workers  # only a large build

        try:
            built = build_in_workers(directory, sources, aliases_path, workers)
        except WorkersFailed as error:
            log.warning("build workers failed (%s); building in this process instead", error)
    if built is None:
        built = _build_here(directory, sources, aliases_path, progress)
    LAST_BUILD.remember(built.articles)
    sources.clear()
    give_back_freed_memory()
    return Snapshot(
        version=version,
        articles=built.articles,
        passages=built.passages,
        index=built.index,
        aliases=built.aliases,
        files=files,
        problems=built.problems,
        speller=built.speller,
        aliases_file=str(aliases_path) if aliases_path else None,
        office_holders=built.office_holders,
    )


PARALLEL_MIN_FILES = 400
"""Fewer files than this are built in this process whatever ``workers`` says: starting the
processes and sending the files costs more than it saves (see docs/speed.md)."""


@dataclass(frozen=True)
class Built:
    """What a build makes of the files, in this process or in workers."""

    articles: ArticleTable
    passages: PassageTable
    index: BM25Index
    aliases: Aliases
    problems: list[Problem]
    speller: Speller
    office_holders: OfficeHolders


def _build_here(
    directory: Path, sources: list[SourceFile], aliases_path: Path | None, progress: bool
) -> Built:
    prepared = article_files(sources, aliases_path)
    boilerplate = repeated_lines(
        {name: source.lines for name, source in prepared.items() if isinstance(source, ArticleFile)}
    )

    def readings() -> Iterator[tuple[str, Reading]]:
        sources.reverse()
        while sources:
            source = sources.pop()
            name = source.path.name
            yield (
                name,
                read_source(
                    source,
                    prepared.pop(name, None),
                    boilerplate.pop(name, frozenset()),
                    aliases_path,
                ),
            )

    articles, problems, aliases = sift(readings())
    require_articles(directory, articles, problems)
    return indexed(ArticleTable.from_articles(list(articles.values())), aliases, problems, progress)


def indexed(
    table: ArticleTable, aliases: Aliases, problems: list[Problem], progress: bool = False
) -> Built:
    """The articles read, indexed in this process."""
    passages, index = index_articles(table, aliases, progress)
    texts = [table[article_id].text for article_id in table.ids]
    return Built(
        articles=table,
        passages=passages,
        index=index,
        aliases=aliases,
        problems=problems,
        speller=Speller.from_texts(texts),
        office_holders=office_holders(texts, aliases),
    )


Reading = Article | Aliases | ArticleError
"""What one file of the folder is: an article, the aliases, or why it cannot be used."""


class LastBuild:
    """The articles of the snapshot this process built last, for as long as that snapshot
    lives (a weak reference): during a reload, the live one."""

    def __init__(self) -> None:
        self._articles: Callable[[], ArticleTable | None] = lambda: None

    def remember(self, articles: ArticleTable) -> None:
        self._articles = weakref.ref(articles)

    def articles(self) -> ArticleTable | None:
        return self._articles()


LAST_BUILD = LastBuild()


def same_as_before(reading: Reading, before: ArticleTable | None) -> Reading:
    """``reading``, or the equal article of ``before`` (``LAST_BUILD``'s articles).

    A reload builds its snapshot while the live one still answers, and most files read as
    they did: sharing those articles (frozen, so shared safely) keeps one copy of each in
    memory instead of two, some 50 MB at 10,000 articles. The snapshot is the same either way.
    """
    if before is None or not isinstance(reading, Article) or reading.id not in before:
        return reading
    earlier = before[reading.id]
    return earlier if earlier is reading or earlier == reading else reading


def read_source(
    source: SourceFile,
    prepared: ArticleFile | ArticleError | None,
    boilerplate: frozenset[str],
    aliases_path: Path | None,
) -> Reading:
    """One file read: ``prepared`` is its article file (``article_files``), ``boilerplate``
    the keys of its lines that the folder shares."""
    try:
        if source.problem is not None:
            raise ArticleError(source.problem)
        if isinstance(prepared, ArticleError):
            raise prepared
        if source.path == aliases_path:
            return _parse_aliases(source.data or b"")
        if prepared is None:  # never: every readable article file is prepared
            raise ArticleError("not read")
        return read_article_file(
            prepared,
            article_id=source.path.stem,
            path=str(source.path),
            boilerplate=boilerplate,
        ).article
    except ArticleError as error:
        return error


def sift(
    readings: Iterable[tuple[str, Reading]],
) -> tuple[dict[str, Article], list[Problem], Aliases]:
    """The articles to index, in folder order, and the problems: files that cannot be used
    and duplicates of an article read before them."""
    problems: list[Problem] = []
    articles: dict[str, Article] = {}
    seen_text: dict[int, list[str]] = {}
    aliases = Aliases()
    before = LAST_BUILD.articles()
    for name, found in readings:
        reading = same_as_before(found, before)
        if isinstance(reading, ArticleError):
            problems.append(Problem(file=name, reason=str(reading)))
        elif isinstance(reading, Aliases):
            aliases = reading
        elif problem := _duplicate_problem(name, reading, articles, seen_text):
            problems.append(problem)
        else:
            articles[reading.id] = reading
    return articles, problems, aliases.extended(country_names(), places=True)


def require_articles(
    directory: Path, articles: Mapping[str, Article], problems: list[Problem]
) -> None:
    """``KnowledgeBaseError`` when no article at all is usable."""
    if not articles:
        detail = "; ".join(str(problem) for problem in problems)
        raise KnowledgeBaseError(
            f"no usable article in {directory}" + (f" ({detail})" if detail else ""), problems
        )


GIVE_WAY_EVERY_S = 0.005
"""How long a build works between two chances for other threads to run."""
_last_given_way = [0.0]


def article_files(
    sources: list[SourceFile],
    aliases_path: Path | None,
    extractions: ExtractionCache | None = None,
) -> dict[str, ArticleFile | ArticleError]:
    """Each readable article file as an article file (an HTML page's text extracted once),
    or why it is not one, so that folder boilerplate is counted on what will be read."""
    prepared: dict[str, ArticleFile | ArticleError] = {}
    for source in sources:
        if source.data is None or source.path == aliases_path:
            continue
        try:
            prepared[source.path.name] = article_file(
                source.data, path=str(source.path), extractions=extractions
            )
        except ArticleError as error:
            prepared[source.path.name] = error
    return prepared


def yield_to_other_threads() -> None:
    """Let a thread waiting for the GIL run, such as an adapter's event loop during a reload.

    Called between articles, so that a build holds the interpreter for one article's work at
    most rather than until CPython's switch interval forces it out. ``sleep(0)`` releases the
    GIL but is also a system call that may hand the CPU to another process (on a busy machine,
    a few milliseconds each), so it is made at most every ``GIVE_WAY_EVERY_S`` (CPython's
    switch interval), not after every one of ten thousand small articles.
    """
    now = time.perf_counter()
    if now - _last_given_way[0] >= GIVE_WAY_EVERY_S:
        time.sleep(0)
        _last_given_way[0] = time.perf_counter()


class Tally:
    """Growing arrays of what the build finds, article by article."""

    def __init__(self, aliases: Aliases) -> None:
        self.reader = SentenceReader(aliases)
        self.term_keys = array("i")
        self.sentence_tokens = array("i")  # per sentence: 32 bits (a file is at most 10 MB)
        self.sentence_start = array("i")
        self.sentence_end = array("i")
        self.sentence_flags = array("B")
        self.stored_at = array("q")
        self.stored_count = array("q")
        self.stored_keys = array("i")
        self.passage_sentences = array("q")
        self.passage_article = array("q")
        self.passage_start = array("q")
        self.passage_end = array("q")
        self.passage_caption = array("b")
        self.article_passages = array("q")
        self.sentence_words = array("i")
        self.word_ids = array("i")

    def add(self, position: int, article: Article) -> int:
        passages = chunk_article(article, first_id=len(self.passage_start))
        read = self.reader.read
        for passage in passages:
            self.passage_article.append(position)
            self.passage_start.append(passage.start)
            self.passage_end.append(passage.end)
            self.passage_caption.append(passage.caption)
            self.passage_sentences.append(len(passage.sentences))
            for sentence in passage.sentences:
                found = read(article.text[sentence.start : sentence.end])
                self.word_ids.extend(found.word_ids)
                self.sentence_words.append(len(found.word_ids))
                self.term_keys.extend(found.term_keys)
                self.sentence_tokens.append(len(found.term_keys))
                flags = (SHOUTING if found.shouting else 0) | (0 if found.derived else STORED_ONLY)
                self.sentence_flags.append(flags)
                if found.stored_keys:
                    stored = dict.fromkeys(found.stored_keys)
                    self.stored_at.append(len(self.sentence_start))
                    self.stored_count.append(len(stored))
                    self.stored_keys.extend(stored)
                self.sentence_start.append(sentence.start)
                self.sentence_end.append(sentence.end)
        self.article_passages.append(len(passages))
        return len(passages)


def index_articles(
    articles: ArticleTable, aliases: Aliases, progress: bool = False
) -> tuple[PassageTable, BM25Index]:
    """Chunk, split and tokenise every article once; index the passages from those tokens.

    A passage's tokens are its sentences' tokens, so an alias phrase split across two
    sentences is not read as one name.
    """
    tally = Tally(aliases)
    bar = _progress_bar(len(articles)) if progress else None
    for position, article_id in enumerate(articles.ids):
        tally.add(position, articles[article_id])
        yield_to_other_threads()
        if bar is not None:
            bar.update()
            bar.set_postfix(passages=len(tally.passage_start), refresh=False)
    if bar is not None:
        bar.close()
    return tables(articles, tally)


def _ints(values: array | np.ndarray, dtype: type = np.int32) -> np.ndarray:
    if isinstance(values, np.ndarray):  # merged from workers' tallies
        return values.astype(dtype, copy=False)
    if not values:
        return np.empty(0, dtype)
    return np.frombuffer(values, dtype=np.dtype(values.typecode)).astype(dtype, copy=False)


def _pointers(counts: np.ndarray) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))


def tables(articles: ArticleTable, tally: Tally) -> tuple[PassageTable, BM25Index]:
    keys = _ints(tally.term_keys)
    del tally.term_keys
    terms, renumber = _by_first_use(keys, tally.reader.term_keys)
    words = _words(tally, renumber)  # first: frees the build's wide word ids before counting
    keys = _looked_up(renumber, keys, out=keys)  # in place: each value read, then written
    index = BM25Index.from_tokens(terms, keys, tokens_per_passage(tally))
    del keys
    return passage_table(articles, tally, renumber, words, len(terms)), index


def tokens_per_passage(tally: Tally) -> np.ndarray:
    """How many index terms each passage has (its sentences' ``sentence_tokens``)."""
    sentence_tokens = _ints(tally.sentence_tokens, np.int64)
    passage_sentences = _ints(tally.passage_sentences, np.int64)
    passage_of_sentence = np.repeat(
        np.arange(passage_sentences.size, dtype=np.int32), passage_sentences
    )
    return np.bincount(
        passage_of_sentence, weights=sentence_tokens, minlength=passage_sentences.size
    ).astype(np.int64)


def passage_table(
    articles: ArticleTable, tally: Tally, renumber: np.ndarray, words: Words, term_count: int
) -> PassageTable:
    """The passages, sentences and words of the tally (its token arrays already made into
    ``words`` and the index), with term keys renumbered by ``renumber``."""
    term_dtype = np.uint16 if term_count <= 1 << 16 else np.int32
    sentences = Sentences(
        start=_ints(tally.sentence_start),
        end=_ints(tally.sentence_end),
        flags=_ints(tally.sentence_flags, np.uint8),
        stored_at=_ints(tally.stored_at),
        stored_ptr=_pointers(_ints(tally.stored_count, np.int64)),
        stored_terms=renumber[_ints(tally.stored_keys)].astype(term_dtype),
    )
    layout = PassageLayout(
        article=_ints(tally.passage_article),
        start=_ints(tally.passage_start),
        end=_ints(tally.passage_end),
        caption=_ints(tally.passage_caption, np.int8).astype(bool),
        sentence_ptr=_pointers(_ints(tally.passage_sentences, np.int64)),
        article_ptr=_pointers(_ints(tally.article_passages, np.int64)),
    )
    return PassageTable(articles, layout, sentences, words)


FIRST_USE_CHUNK = 1 << 18
"""Tokens handled at a time by the whole-archive array steps, so that none makes a 64-bit
copy of every token (numpy indexes with 64-bit integers)."""


def _looked_up(table: np.ndarray, ids: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``table[ids]``, a chunk at a time (see ``FIRST_USE_CHUNK``)."""
    result = np.empty(ids.size, table.dtype) if out is None else out
    for start in range(0, ids.size, FIRST_USE_CHUNK):
        stop = start + FIRST_USE_CHUNK
        result[start:stop] = table[ids[start:stop]]
    return result


def _by_first_use(keys: np.ndarray, registered: dict[str, int]) -> tuple[list[str], np.ndarray]:
    """The index terms in order of first use in ``keys`` (as they were counted before the
    reader remembered words), and each key's term id (-1 for a key never used)."""
    return in_first_use_order(first_uses(keys, len(registered)), keys.size, registered)


def first_uses(keys: np.ndarray, count: int) -> np.ndarray:
    """Where each of ``count`` keys is first used in ``keys`` (``keys.size`` if never)."""
    first = np.full(count, keys.size, np.int64)
    for start in range(0, keys.size, FIRST_USE_CHUNK):  # no sort of, nor index over, every key
        chunk = keys[start : start + FIRST_USE_CHUNK]
        np.minimum.at(first, chunk, np.arange(start, start + chunk.size, dtype=np.int64))
    return first


def in_first_use_order(
    first: np.ndarray, never: int, registered: dict[str, int]
) -> tuple[list[str], np.ndarray]:
    """``_by_first_use`` from each key's first use (``never``: not used)."""
    used = np.flatnonzero(first < never)
    in_order = used[np.argsort(first[used], kind="stable")]
    renumber = np.full(len(registered) + 1, -1, np.int32)  # the last entry keeps -1 as -1
    renumber[in_order] = np.arange(in_order.size, dtype=np.int32)
    term_of_key = list(registered)
    return [term_of_key[key] for key in in_order.tolist()], renumber


def word_frequency(ids: np.ndarray, count: int) -> np.ndarray:
    """How many of the tokens ``ids`` each of ``count`` word ids is, a chunk at a time."""
    frequency = np.zeros(count, np.int64)
    for start in range(0, ids.size, FIRST_USE_CHUNK):
        frequency += np.bincount(ids[start : start + FIRST_USE_CHUNK], minlength=count)
    return frequency


def _words(tally: Tally, renumber: np.ndarray) -> Words:
    """The tokens with word ids by frequency, most frequent first, in 16 bits where they fit."""
    ids = _ints(tally.word_ids)
    del tally.word_ids
    order, rank = word_order(word_frequency(ids, len(tally.reader.stems)))
    narrow, overflow_at, overflow_ids = narrowed(rank, ids)
    del ids
    return words_table(tally, order, renumber, narrow, overflow_at, overflow_ids)


def word_order(frequency: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The word ids by frequency, most frequent first (ties in order of first appearance),
    and each word id's place in that order."""
    order = np.argsort(-frequency, kind="stable")
    rank = np.empty(frequency.size, np.int32)
    rank[order] = np.arange(frequency.size, dtype=np.int32)
    return order, rank


def narrowed(rank: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``Words.ids``, ``overflow_at`` and ``overflow_ids`` of tokens with word ids ``ids``."""
    narrow = _looked_up(np.minimum(rank, OVERFLOW).astype(np.uint16), ids)
    overflow_at = np.flatnonzero(narrow == OVERFLOW)
    return narrow, overflow_at, rank[ids[overflow_at]]


def words_table(
    tally: Tally,
    order: np.ndarray,
    renumber: np.ndarray,
    narrow: np.ndarray,
    overflow_at: np.ndarray,
    overflow_ids: np.ndarray,
) -> Words:
    """The words of the tally's reader in ``order`` (``word_order``), its tokens ``narrow``."""
    reader = tally.reader
    surface = list(reader.word_ids)
    in_order = order.tolist()
    return Words(
        vocabulary=tuple(surface[i] for i in in_order),
        stems=tuple(reader.stems[i] for i in in_order),
        sentence_ptr=_pointers(_ints(tally.sentence_words, np.int64)),
        ids=narrow,
        overflow_at=overflow_at,
        overflow_ids=overflow_ids,
        term=renumber[np.asarray(reader.term, np.int32)[order]],
        shouted_term=renumber[np.asarray(reader.shouted_term, np.int32)[order]],
    )


def _progress_bar(total: int) -> Any:
    from tqdm import tqdm

    quiet = None if not os.environ.get("CI") else True  # None: only on a terminal
    return tqdm(total=total, unit="article", desc="Indexing", disable=quiet, leave=False)


def _parse_aliases(data: bytes) -> Aliases:
    try:
        return Aliases.from_yaml(data.decode("utf-8"))
    except yaml.YAMLError as error:
        raise ArticleError(f"not usable YAML{describe_yaml_error(error)}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ArticleError(f"not usable: {error}") from None
    except RecursionError:
        raise ArticleError("not usable: nested too deeply") from None


def _duplicate_problem(
    name: str, article: Article, articles: dict[str, Article], seen_text: dict[int, list[str]]
) -> Problem | None:
    """The same id or the same text (ignoring case and spacing) as an article already read.

    Texts are keyed by Python's ``hash`` of their fingerprint (an equal hash is confirmed by
    comparing the texts), so the build keeps no second copy of the archive. Not a hashlib
    digest: hashlib releases the GIL for every call, and thousands of such short releases
    starve other threads, such as an adapter's event loop while a reload runs (CPython's GIL
    "convoy effect").
    """
    if article.id in articles:
        return Problem(file=name, reason=f"same id as {Path(articles[article.id].path).name}")
    fingerprint = _fingerprint(article.text)
    same_hash = seen_text.setdefault(hash(fingerprint), [])
    for earlier in same_hash:
        if _fingerprint(articles[earlier].text) == fingerprint:
            earlier_name = Path(articles[earlier].path).name
            return Problem(file=name, reason=f"same article as {earlier_name}; indexed once")
    same_hash.append(article.id)
    return None


def _fingerprint(text: str) -> str:
    return text_fingerprint(text)
