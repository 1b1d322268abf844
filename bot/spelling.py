"""Typo correction toward the knowledge base's own words: "Puttin" is searched as "putin".

A word is corrected only when nothing else explains it: it is not a word of the articles, its
stem is not indexed, and it is not an English word (pyspellchecker's dictionary), so that
"spend" is never turned into "send" nor "Tesla" into a name the articles happen to hold. The
replacement is the articles' most frequent word within one edit (two for long words), counting
a swap of neighbouring letters as one edit, among the words with the same first letter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Protocol

from bot.tokens import STOPWORDS

MIN_LETTERS = 4
"""Shorter words are left alone: one edit away from too many others."""
LONG_WORD = 8
"""Words this long may be two edits away from their correction."""
SCANNED = 16
"""Look-ups of a word's place made by scanning the words before ``Speller.rank`` is made."""

_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[a-z]+")
"""``_LETTERS`` in case-folded ASCII text, where it finds the same words a third faster (a range
of characters rather than Unicode categories)."""


@dataclass(frozen=True)
class Speller:
    """The articles' words, to correct a question's typos to."""

    ordered: tuple[str, ...] = ()
    """Every word of the articles, most frequent first. The lookups below are made from it on
    first use, so a start from the index cache does not build them until a question needs them."""

    @cached_property
    def _by_first_letter(self) -> dict[str, dict[int, tuple[str, ...]]]:
        return {}

    def candidates(self, first: str, length: int) -> tuple[str, ...]:
        """The words of ``length`` letters starting with ``first``, most frequent first. A
        typo is compared only with words that start as it does and are as long as its edits
        allow: a typed first letter is rarely wrong, and this keeps a lookup well under a
        millisecond in a 10,000-article base. The words are grouped one first letter at a
        time, when a typo starting with it is first met: a question corrects a word or two,
        and grouping all fifty thousand words of an archive at once takes several times as
        long as grouping the few thousand it needs."""
        groups = self._by_first_letter.get(first)
        if groups is None:
            grouped: dict[int, list[str]] = {}
            starting = [word for word in self.ordered if word.startswith(first)]  # in C's loop
            for word in starting:  # stopwords too: "thre" is "there" more often than "three"
                if len(word) >= MIN_LETTERS:
                    grouped.setdefault(len(word), []).append(word)
            groups = {size: tuple(words) for size, words in grouped.items()}
            self._by_first_letter[first] = groups
        return groups.get(length, ())

    @cached_property
    def rank(self) -> dict[str, int]:
        """Every word of the articles, with its place by frequency (0 for the most frequent)."""
        return dict(zip(self.ordered, range(len(self.ordered)), strict=True))

    @cached_property
    def _lookups(self) -> list[int]:
        return [0]

    def place(self, word: str) -> int | None:
        """``word``'s place by frequency, None when the articles lack it. The first
        ``SCANNED`` look-ups scan the words (a fraction of a millisecond each in an archive's
        fifty thousand) instead of making ``rank`` (several milliseconds): a question makes a
        few; a long-running bot's later questions use ``rank``."""
        if self._lookups[0] < SCANNED:
            self._lookups[0] += 1
            try:
                return self.ordered.index(word)
            except ValueError:
                return None
        return self.rank.get(word)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Speller:
        return cls.from_counts(word_counts(texts))

    @classmethod
    def from_counts(cls, counts: Counter[str]) -> Speller:
        """From ``word_counts``; counts of consecutive parts of an archive, added up in order,
        give the same speller as the whole (ties keep the order words were first met)."""
        return cls(tuple(word for word, _ in counts.most_common()))

    def correct(self, question: str, is_known: Callable[[str], bool]) -> tuple[str, dict[str, str]]:
        """``question`` with its typos replaced, and each replacement (typed -> corrected).

        ``is_known`` tells whether the search knows a word as it is (its stem is an index term,
        as "controls" is for "control", or it is part of an alias). A word typed in capitals is
        an acronym, meant as typed. A capitalised word stays capitalised ("Edogan" ->
        "Erdogan"), so that it is still read as a name.
        """
        corrections: dict[str, str] = {}

        def replace(match: re.Match[str]) -> str:
            typed = match.group()
            if typed.isupper() or (correction := self._correction(typed, is_known)) is None:
                return typed
            corrections[typed] = correction
            return correction.capitalize() if typed[0].isupper() else correction

        return _LETTERS.sub(replace, question), corrections

    def _correction(self, typed: str, is_known: Callable[[str], bool]) -> str | None:
        word = typed.casefold()
        if (
            len(word) < MIN_LETTERS
            or word in STOPWORDS
            or is_known(word)
            or self.place(word) is not None
        ):
            return None
        from rapidfuzz import process  # a start whose question has no unknown word needs none
        from rapidfuzz.distance import OSA

        limit = 1 if len(word) < LONG_WORD else 2
        found = []
        for length in range(len(word) - limit, len(word) + limit + 1):
            candidates = self.candidates(word[0], length)
            best = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
            if best is not None:
                found.append((best[1], self.place(best[0]), best[0]))
        if not found or is_english_word(word):  # the dictionary is loaded only when needed
            return None
        return min(found)[2]


def is_english_word(word: str) -> bool:
    """Whether a word is in pyspellchecker's English dictionary (as ``word in SpellChecker()``
    tells it: in lower case)."""
    return ENGLISH.has(word.lower())


ENGLISH_DICTIONARY = ("spellchecker", "resources/en.json.gz")
"""pyspellchecker's English word list: a gzipped JSON object of words and their counts."""


class PlainCopies(Protocol):
    """A private folder where a file derived once is kept between runs (``IndexCache``)."""

    def read_copy(self, name: str) -> bytes | None: ...

    def write_copy(self, name: str, data: bytes) -> None: ...


class EnglishWords:
    """Membership in pyspellchecker's English words, read the first time it is asked.

    The first ``SEARCHED`` look-ups (a one-question run makes a few) search the dictionary's
    bytes for ``"word":``, a millisecond or two each, instead of making the set of its
    160,000 words (a tenth of a second); the next one makes the set, as a long-running bot
    wants. The bytes are searched only when they are plain (``plain_dictionary``), and then
    the search answers exactly as the set does.

    Decompressing the dictionary and checking that it is plain take 20 to 30 ms, a twentieth
    of a one-question run. With ``copies`` (the index cache's folder, see ``keep_copies_in``),
    the first run keeps the words of a plain dictionary there, sorted, one a line, named by
    the XXH3 of the packed file (another pyspellchecker, another copy); later runs read them
    back (about a millisecond) and bisect them (``sorted_lines_hold``: microseconds a word,
    no set ever made).
    """

    SEARCHED = 32

    def __init__(self, copies: PlainCopies | None = None) -> None:
        self._data: bytes | None = None
        self._sorted = False
        self._searches = 0
        self.copies = copies

    def keep_copies_in(self, copies: PlainCopies | None) -> None:
        self.copies = copies

    def has(self, word: str) -> bool:
        if self._data is None:
            self._data, self._sorted = self._read()
        if self._sorted:
            return "\n" not in word and sorted_lines_hold(self._data, word.encode("utf-8"))
        if self._searches < self.SEARCHED and self._data:
            self._searches += 1
            if '"' in word or ":" in word:  # in no word of a plain dictionary
                return False
            return b'"' + word.encode("utf-8") + b'":' in self._data
        return word in _english()

    def _read(self) -> tuple[bytes, bool]:
        """The kept sorted words (True), else the dictionary's text when it is plain (False;
        nothing when it is not: then the set answers)."""
        import xxhash

        packed = _packed_dictionary()
        name = f"english-{xxhash.xxh3_64_hexdigest(packed)}.txt"
        if self.copies is not None and (kept := self.copies.read_copy(name)) is not None:
            return kept, True  # written below, from a plain dictionary only
        data = _unpacked(packed)
        if not plain_dictionary(data):
            return b"", False
        if self.copies is not None:
            self.copies.write_copy(name, sorted_words(data))
        return data, False


def sorted_words(plain: bytes) -> bytes:
    """A plain dictionary's words (every other piece between its quotation marks: it has no
    backslash), sorted as UTF-8 bytes, each ended by a line break (none holds one: a JSON
    string cannot without a backslash)."""
    words = sorted(set(plain.split(b'"')[1::2]))
    return b"".join(word + b"\n" for word in words)


def sorted_lines_hold(data: bytes, key: bytes) -> bool:
    """Whether ``key`` is one of the lines of ``data`` (sorted as bytes, each ended by a line
    break), by bisection: ``low`` and ``high`` are always line starts, and each step looks at
    the line around the middle (found with ``rfind``/``find``, in C)."""
    low, high = 0, len(data)
    while low < high:
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1  # at or after low
        end = data.find(b"\n", start)
        if end < 0:  # no line break at the end (never written so): the rest is one line
            end = len(data)
        line = data[start:end]
        if line == key:
            return True
        if line < key:
            low = end + 1
        else:
            high = start
    return False


_ASCII = bytes(range(128))
_ALL_BUT_MARKS = bytes(byte for byte in range(256) if byte not in b'":')


def plain_dictionary(data: bytes) -> bool:
    """Whether, in this JSON object (UTF-8), a word is a key exactly where ``"word":`` occurs.

    No backslash: every quotation mark opens or closes a string. Its quotation marks and
    colons alone, in order, are ``"":`` over and over: every string is a key, followed by
    its colon, and no key holds a colon. Every closing mark followed by the colon at once
    (as many ``":`` as keys). No capital letter, in ASCII or beyond: the set holds the words
    in lower case.
    """
    marks = data.translate(None, _ALL_BUT_MARKS)
    beyond_ascii = data.translate(None, _ASCII).decode("utf-8")
    return (
        b"\\" not in data
        and marks == b'"":' * (len(marks) // 3)
        and 2 * data.count(b'":') == marks.count(b'"')
        and data.islower()
        and beyond_ascii == beyond_ascii.lower()
    )


def _packed_dictionary() -> bytes:
    import pkgutil

    return pkgutil.get_data(*ENGLISH_DICTIONARY) or b""


def _unpacked(packed: bytes) -> bytes:
    import gzip

    return gzip.decompress(packed)


def _dictionary_bytes() -> bytes:
    return _unpacked(_packed_dictionary())


ENGLISH = EnglishWords()


@cache
def _english() -> frozenset[str]:
    """pyspellchecker's English words in lower case.

    Only membership is asked, so only the words are read, not pyspellchecker's
    ``SpellChecker`` built (it parses the counts too and indexes every letter of every word):
    a start that needs the dictionary loads it in half the time. The file is one JSON
    object of words and counts, so without a backslash in it (no escaped quotation mark) its
    words are exactly every other piece between quotation marks.
    """
    import json

    text = _dictionary_bytes().decode("utf-8")
    words = text.split('"')[1::2] if "\\" not in text else json.loads(text)
    return frozenset(word.lower() for word in words)


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (letters only, case-folded) appears in ``texts``."""
    counts: Counter[str] = Counter()
    for text in texts:  # a list at a time: counted in C, not word by word in Python
        folded = text.casefold()
        letters = _ASCII_LETTERS if folded.isascii() else _LETTERS
        counts.update(letters.findall(folded))
    return counts
