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

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.tokens import STOPWORDS

MIN_LETTERS = 4
"""Shorter words are left alone: one edit away from too many others."""
LONG_WORD = 8
"""Words this long may be two edits away from their correction."""

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
    def candidates(self) -> dict[tuple[str, int], tuple[str, ...]]:
        """The words by first letter and length, most frequent first. A typo is compared only
        with words that start as it does and are as long as its edits allow: a typed first
        letter is rarely wrong, and this keeps a lookup well under a millisecond in a
        10,000-article base."""
        groups: dict[tuple[str, int], list[str]] = {}
        for word in self.ordered:  # stopwords too: "thre" is "there" more often than "three"
            if len(word) >= MIN_LETTERS:
                groups.setdefault((word[0], len(word)), []).append(word)
        return {key: tuple(group) for key, group in groups.items()}

    @cached_property
    def rank(self) -> dict[str, int]:
        """Every word of the articles, with its place by frequency (0 for the most frequent)."""
        return {word: place for place, word in enumerate(self.ordered)}

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
        if len(word) < MIN_LETTERS or word in STOPWORDS or is_known(word) or word in self.rank:
            return None
        limit = 1 if len(word) < LONG_WORD else 2
        found = []
        for length in range(len(word) - limit, len(word) + limit + 1):
            candidates = self.candidates.get((word[0], length), ())
            best = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
            if best is not None:
                found.append((best[1], self.rank[best[0]], best[0]))
        if not found or is_english_word(word):  # the dictionary is loaded only when needed
            return None
        return min(found)[2]


def is_english_word(word: str) -> bool:
    """Whether a word is in pyspellchecker's English dictionary (as ``word in SpellChecker()``
    tells it: in lower case)."""
    return word.lower() in _english()


ENGLISH_DICTIONARY = ("spellchecker", "resources/en.json.gz")
"""pyspellchecker's English word list: a gzipped JSON object of words and their counts."""


@cache
def _english() -> frozenset[str]:
    """pyspellchecker's English words in lower case, read the first time they are needed.

    Only membership is asked, so only the words are read, not pyspellchecker's
    ``SpellChecker`` built (it parses the counts too and indexes every letter of every word):
    a start that needs the dictionary loads it in half the time. The file is one JSON
    object of words and counts, so without a backslash in it (no escaped quotation mark) its
    words are exactly every other piece between quotation marks.
    """
    import gzip
    import json
    import pkgutil

    data = pkgutil.get_data(*ENGLISH_DICTIONARY)
    text = gzip.decompress(data or b"").decode("utf-8")
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
