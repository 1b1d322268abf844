"""Typo correction toward the knowledge base's own words: "Puttin" is searched as "putin".

A word is corrected only when nothing else explains it: it is not a word of the articles, its
stem is not indexed, and it is not an English word (pyspellchecker's dictionary), so that
"spend" is never turned into "send" nor "Tesla" into a name the articles happen to hold. The
replacement is the articles' most frequent word within one edit (two for long words), counting
a swap of neighbouring letters as one edit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.tokens import STOPWORDS

if TYPE_CHECKING:
    from spellchecker import SpellChecker

MIN_LETTERS = 4
"""Shorter words are left alone: one edit away from too many others."""
LONG_WORD = 8
"""Words this long may be two edits away from their correction."""

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Speller:
    """The articles' words, to correct a question's typos to."""

    by_length: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """The words of each length, most frequent first: on a tie in distance the commoner wins,
    and a word is only compared with words as long as an edit can make it."""
    rank: dict[str, int] = field(default_factory=dict)
    """Every word of the articles, with its place by frequency (0 for the most frequent)."""

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Speller:
        counts = Counter(word for text in texts for word in _LETTERS.findall(text.casefold()))
        ordered = [word for word, _ in counts.most_common()]
        by_length: dict[int, list[str]] = {}
        for word in ordered:
            if len(word) >= MIN_LETTERS and word not in STOPWORDS:
                by_length.setdefault(len(word), []).append(word)
        return cls(
            by_length={length: tuple(group) for length, group in by_length.items()},
            rank={word: place for place, word in enumerate(ordered)},
        )

    def correct(
        self, question: str, is_indexed: Callable[[str], bool]
    ) -> tuple[str, dict[str, str]]:
        """``question`` with its typos replaced, and each replacement (typed -> corrected).

        ``is_indexed`` tells whether a word's stem is an index term ("controls" for "control").
        """
        corrections: dict[str, str] = {}

        def replace(match: re.Match[str]) -> str:
            typed = match.group()
            if (correction := self._correction(typed.casefold(), is_indexed)) is None:
                return typed
            corrections[typed] = correction
            return correction

        return _LETTERS.sub(replace, question), corrections

    def _correction(self, word: str, is_indexed: Callable[[str], bool]) -> str | None:
        if len(word) < MIN_LETTERS or word in self.rank or word in STOPWORDS or is_indexed(word):
            return None
        limit = 1 if len(word) < LONG_WORD else 2
        found = []
        for length in range(len(word) - limit, len(word) + limit + 1):
            candidates = self.by_length.get(length, ())
            best = process.extractOne(word, candidates, scorer=OSA.distance, score_cutoff=limit)
            if best is not None:
                found.append((best[1], self.rank[best[0]], best[0]))
        if not found or word in _english():  # the dictionary is loaded only when needed
            return None
        return min(found)[2]


@cache
def _english() -> SpellChecker:
    """pyspellchecker's English dictionary, loaded (about 0.1 s) the first time it is needed."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)
