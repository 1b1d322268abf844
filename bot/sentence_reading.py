"""One reading of each sentence at build: the answer's words and the index's terms from it.

``bot.fit.sentence_tokens`` (the words an answer reads) and ``bot.tokens.document_terms``
(the terms the index counts) normalise and split a sentence each their own way, but on most
sentences they find the same words: then the terms follow from the tokens, word by word,
and a sentence is tokenised once. What each distinct word means (its id, stem, and index
term) is worked out the first time it is met and remembered, so the build does per token
only a dictionary look-up. The terms are then not stored per sentence either: a question
derives a sentence's terms from its stored tokens with two per-word tables.

The rule, with an example: the index reads ``normalise(text)`` split at every character
that is not a letter or digit; the answer reads ``normalise_quickly(text)`` split into runs
of letters, runs of digits (with a decimal part) and quotation and currency marks. These
agree, marks aside, unless a letter touches a digit ("F16", "3D") or a digit, a point and a
digit meet ("3.5"), or the two normalisations differ (text not in NFKC form, such as a
no-break space or a ligature; or "‘", "ʼ" or "`" without a "'" or "’"). Such a sentence is
read both ways, as before, and its terms are stored as read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.fit import SENTENCE_TOKEN
from bot.tokens import STOPWORDS, Aliases, document_terms, normalise_quickly, stem

MARKS = frozenset('“”"$€£¥%')
"""Tokens of ``sentence_tokens`` that are not words (quotation and currency marks)."""
_MIXED = re.compile(r"\d(?:(?<=[^\W\d_].)|(?=[^\W\d_]|\.\d))")
"""A digit after a letter, before a letter, or before a point and a digit. Written to start
with the digit, so that the regex engine skips ahead to each digit."""
_OTHER_APOSTROPHES = ("‘", "ʼ", "`")
NO_TERM = -1
ASCII_SENTENCE_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|[\"$%]")
"""``SENTENCE_TOKEN`` for text all in ASCII, where it finds the same tokens: there a letter
that is no digit nor underscore is ``[A-Za-z]``, a digit ``[0-9]`` and a mark one of ``"$%``.
Ranges of characters rather than Unicode categories: a third faster, and nearly every
sentence of an English archive is ASCII."""


def terms_follow_tokens(text: str, normalised: str) -> bool:
    """Whether ``document_terms(text)`` reads exactly the words of ``sentence_tokens(text)``
    (``normalised`` is ``normalise_quickly(text)``), so that its terms follow from them."""
    if _MIXED.search(normalised):
        return False
    if text.isascii():  # of the other apostrophes only "`" is ASCII, and NFKC leaves ASCII be
        return "`" not in text or "'" in text
    if "'" not in text and "’" not in text and any(c in text for c in _OTHER_APOSTROPHES):
        return False
    return unicodedata.is_normalized("NFKC", text)


class ReadSentence(NamedTuple):
    """One sentence as read at build (a named tuple: made once per sentence, at a third of a
    frozen dataclass's cost)."""

    word_ids: list[int]
    """Its ``sentence_tokens``, as word ids."""
    term_keys: list[int]
    """Its index terms in ``document_terms`` order (repeats kept), as term keys."""
    shouting: bool
    """Written all in capitals: acronyms are read as words."""
    stored_keys: list[int]
    """What its tokens do not tell of its terms: the alias concepts it names, or, when its
    terms do not follow from its tokens, all of them."""
    derived: bool
    """Whether its terms follow from its tokens (else ``stored_keys`` holds them all)."""


@dataclass
class SentenceReader:
    """Reads sentences for one build, remembering each distinct word's meaning."""

    aliases: Aliases
    word_ids: dict[str, int] = field(default_factory=dict)
    """Each token as written -> word id, in order of first appearance."""
    stems: list[str] = field(default_factory=list)
    """Per word id: the stem of the word case-folded."""
    term: list[int] = field(default_factory=list)
    """Per word id: its term key in an ordinary sentence, or ``NO_TERM`` (a stopword, a mark)."""
    shouted_term: list[int] = field(default_factory=list)
    """Per word id: its term key in a sentence written in capitals (no acronyms there)."""
    term_keys: dict[str, int] = field(default_factory=dict)
    """Each index term -> its key, in order of first registration (renumbered by first use)."""
    _phrase_words: set[int] = field(default_factory=set)
    _phrase_starts: frozenset[str] = frozenset()
    _marks: set[int] = field(default_factory=set)
    _alone: set[int] = field(default_factory=set)
    """The phrase words that are a phrase by themselves."""
    _second_words: set[int] = field(default_factory=set)
    """The words whose stem is the second stem of a phrase of two words or more."""
    _second_stems: frozenset[str] = frozenset()
    _seconds: dict[str, frozenset[str]] = field(default_factory=dict)
    """Each phrase's first stem -> the second stems of its phrases of two words or more."""

    def __post_init__(self) -> None:
        self._phrase_starts = frozenset(phrase[0] for phrase in self.aliases.phrases)
        seconds: dict[str, set[str]] = {}
        for phrase in self.aliases.phrases:
            if len(phrase) > 1:
                seconds.setdefault(phrase[0], set()).add(phrase[1])
        self._seconds = {first: frozenset(found) for first, found in seconds.items()}
        self._second_stems = frozenset(stem for found in seconds.values() for stem in found)

    def read(self, text: str) -> ReadSentence:
        normalised = normalise_quickly(text)
        # sentence_tokens(text), normalised once
        pattern = ASCII_SENTENCE_TOKEN if normalised.isascii() else SENTENCE_TOKEN
        tokens = pattern.findall(normalised)
        ids = list(map(self.word_ids.get, tokens))
        if None in ids:  # a word met for the first time
            ids = [
                self._learn(token) if i is None else i for i, token in zip(ids, tokens, strict=True)
            ]
        shouting = normalised.isupper()
        if not terms_follow_tokens(text, normalised):
            keys = [self._key(term) for term in document_terms(text, self.aliases)]
            return ReadSentence(ids, keys, shouting, keys, derived=False)
        table = self.shouted_term if shouting else self.term
        keys = list(filter(NO_TERM.__ne__, map(table.__getitem__, ids)))
        concepts: list[int] = []
        phrase_words = self._phrase_words
        if not phrase_words.isdisjoint(ids) and not (
            self._alone.isdisjoint(ids) and self._second_words.isdisjoint(ids)
        ):  # a phrase starts at a word that is one, or before one of its second words
            marks = self._marks
            words = ids if marks.isdisjoint(ids) else [i for i in ids if i not in marks]
            if starts := self._phrase_starts_in(words):
                stems = self.stems
                found = self.aliases.find([stems[i] for i in words], starts)
                concepts = [self._key(concept) for concept, _, _ in found]
                keys += concepts
        return ReadSentence(ids, keys, shouting, concepts, derived=True)

    def _phrase_starts_in(self, words: list[int]) -> list[int]:
        """The positions in ``words`` (word ids, marks left out) where an alias phrase may
        start: a word that is a phrase by itself, or the first word of a longer phrase
        followed by one of its second words. ``Aliases.find`` would find nothing at the
        others ("the" before "minister": "the Gambia" is the only phrase of "the"), so
        leaving them out finds the same concepts, and a sentence whose only phrase word is
        such a "the" has no list of stems made for it."""
        phrase_words, alone, seconds, stems = (
            self._phrase_words,
            self._alone,
            self._seconds,
            self.stems,
        )
        last = len(words) - 1
        return [
            at
            for at, i in enumerate(words)
            if i in phrase_words
            and (i in alone or (at < last and stems[words[at + 1]] in seconds.get(stems[i], ())))
        ]

    def _learn(self, token: str) -> int:
        if token in self.word_ids:  # met earlier in the same sentence
            return self.word_ids[token]
        word_id = len(self.word_ids)
        self.word_ids[token] = word_id
        folded = token.casefold()
        word_stem = stem(folded)
        self.stems.append(word_stem)
        if token in MARKS:
            self._marks.add(word_id)
            self.term.append(NO_TERM)
            self.shouted_term.append(NO_TERM)
            return word_id
        if word_stem in self._second_stems:
            self._second_words.add(word_id)
        if word_stem in self._phrase_starts:
            self._phrase_words.add(word_id)
            if (word_stem,) in self.aliases.phrases:
                self._alone.add(word_id)
        stopword = folded in STOPWORDS
        acronym = len(token) > 1 and token.isupper()
        self.term.append(self._key(word_stem) if acronym or not stopword else NO_TERM)
        self.shouted_term.append(NO_TERM if stopword else self._key(word_stem))
        return word_id

    def _key(self, term: str) -> int:
        return self.term_keys.setdefault(term, len(self.term_keys))
