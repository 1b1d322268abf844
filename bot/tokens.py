"""Text to index terms: normalisation, stopwords, Snowball stemming and alias expansion."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer
import yaml

# The English stopword list of NLTK's corpus, which most BM25 setups use.
STOPWORDS = frozenset(
    ["i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now", "d", "ll", "m", "o", "re", "ve", "y", "ain", "aren", "couldn", "isn", "ma", "mightn", "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won", "wouldn", "doesn", "hadn", "hasn", "haven", "didn"]
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0](?=\d{3}\b)")
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_stemmer = Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    """NFKC, straight apostrophes, "U.S." -> "US", "3,000" -> "3000", no possessives.

    Case is kept so that acronyms can be told from stopwords ("US" from "us").
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _DOTTED_ACRONYM.sub(lambda match: match.group().replace(".", ""), text)
    text = _THOUSANDS.sub("", text)
    return _POSSESSIVE.sub("", text)


def _marked_words(text: str) -> list[tuple[str, bool]]:
    """Case-folded words, each with whether it was written as an acronym."""
    text = normalise(text)
    shouting = text.isupper()
    return [
        (word.casefold(), not shouting and len(word) > 1 and word.isupper())
        for word in _WORD.findall(text)
    ]


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """Normalised, case-folded words, stopwords included (used to match alias phrases)."""
    return [word for word, _ in _marked_words(text)]


def terms(text: str) -> list[str]:
    """Index terms of ``text``: normalised, stopwords removed (acronyms kept), stemmed."""
    return _to_terms(_marked_words(text))


@dataclass(frozen=True)
class Aliases:
    """Groups of names that mean the same thing, for expanding questions."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = field(default=())

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Sequence[str] | None]) -> Aliases:
        groups = []
        for name, variants in mapping.items():
            phrases = [str(name), *(str(variant) for variant in variants or ())]
            group = {tuple(words(phrase)) for phrase in phrases} - {()}
            groups.append(tuple(sorted(group)))
        return cls(tuple(groups))

    @classmethod
    def load(cls, path: Path) -> Aliases:
        """Read ``aliases.yml``; a missing file means no aliases."""
        if not path.exists():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError("expected a mapping of names to lists of variants")
        return cls.from_mapping(data)

    def expand(self, question_words: Sequence[str]) -> list[str]:
        """Words of the variants of every alias group the question mentions, not already in it."""
        present = set(question_words)
        extra: list[str] = []
        for group in self.groups:
            if any(_contains(question_words, phrase) for phrase in group):
                for phrase in group:
                    extra.extend(w for w in phrase if w not in present and w not in extra)
        return extra


def _contains(haystack: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return any(tuple(haystack[i : i + n]) == tuple(phrase) for i in range(len(haystack) - n + 1))


def query_terms(question: str, aliases: Aliases) -> tuple[list[str], list[str]]:
    """The question's own terms and the distinct terms that alias expansion adds."""
    marked = _marked_words(question)
    own = _to_terms(marked)
    added = _to_terms((word, False) for word in aliases.expand([word for word, _ in marked]))
    return own, [term for term in dict.fromkeys(added) if term not in own]


def _to_terms(marked: Iterable[tuple[str, bool]]) -> list[str]:
    return [_stem(word) for word, acronym in marked if acronym or word not in STOPWORDS]
