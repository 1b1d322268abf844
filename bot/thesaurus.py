"""Synonyms from WordNet: the words a question's words may be written as in a passage.

A question says "go-between", the article "mediator"; "premier" against "Prime Minister";
"swapped" against "exchange"; "sent" against "send" (an irregular form, which the Snowball
stemmer leaves apart). Each content word of a question brings the stems of its WordNet
synonyms, derived and broader words, and its base form when it is irregular, as terms that
may stand for it in a passage, counting less than the word itself (``SYNONYM_WEIGHT`` ...;
how ``bot.answer`` uses them is in docs/quality.md, "Synonyms from WordNet"). The table is
``bot/data/wordnet.tsv.gz``, written from Princeton WordNet 3.0 by
``scripts/build_thesaurus.py`` (which says what is kept); its licence is beside it.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from bot.tokens import STOPWORDS, stem

SYNONYM_WEIGHT = 0.5
"""What a synonym of a question's word counts in BM25, against 1 for the word itself.
Chosen on the dev sets; see docs/quality.md ("Synonyms from WordNet")."""
BROADER_WEIGHT = 0.3
"""... a broader word ("swap" -> exchange, "gun" -> weapon)."""
DERIVED_WEIGHT = 0.5
"""... a word derived from the same root that the stemmer does not join ("invade" ->
invasion, "resolve" -> resolution)."""
IRREGULAR_WEIGHT = 1.0
"""... an irregular form's base ("sent" -> send): the same word, so it counts in full."""
MEMO_SIZE = 100_000
"""How many looked-up phrases a thesaurus remembers before it starts again."""
LONGEST_PHRASE = 3
"""The most words a question's phrase is looked up with ("head of state")."""

_KINDS = {"s": "synonyms", "h": "broader", "d": "derived", "i": "irregular"}
_NOUN_ENDINGS = (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"))
_NOUN_ENDINGS += (("men", "man"), ("s", ""))
_VERB_ENDINGS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""))
_VERB_ENDINGS += (("ing", "e"), ("ing", ""))
_ENDINGS = _NOUN_ENDINGS + _VERB_ENDINGS
"""WordNet's own detachment rules (its ``morphy``), for regular forms ("reporters")."""


class SortedTable(Mapping[str, str]):
    """A read-only mapping over two parallel lists, the keys sorted (the script writes them
    so; a test checks the shipped file): no hashing at load."""

    def __init__(self, keys: list[str], values: list[str]) -> None:
        if len(keys) != len(values):
            raise ValueError("a thesaurus table needs one value per key")
        self._keys, self._values = keys, values

    def __getitem__(self, key: str) -> str:
        at = bisect_left(self._keys, key)
        if at < len(self._keys) and self._keys[at] == key:
            return self._values[at]
        raise KeyError(key)

    def has_prefix(self, prefix: str) -> bool:
        """Whether any key starts with ``prefix``."""
        at = bisect_left(self._keys, prefix)
        return at < len(self._keys) and self._keys[at].startswith(prefix)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass(frozen=True)
class Thesaurus:
    """WordNet's lemmas (lower case, multiword joined by spaces) and what they relate to."""

    synonyms: SortedTable
    """Each lemma -> its synonyms, as the file writes them ("mediator|intermediary|...")."""
    broader: SortedTable
    derived: SortedTable
    irregular: SortedTable
    """Irregular forms to their bases ("sent" -> send, "men" -> man)."""

    @classmethod
    def parse(cls, text: str) -> Thesaurus:
        """Read ``kind<TAB>word<TAB>word|word`` lines (see ``scripts/build_thesaurus.py``),
        sorted. A start reads the table in a few C-level passes (about 0.08 s of CPU) and
        builds no dictionary: each kind's words are a sorted list, looked up by bisection."""
        fields = text.replace("\n", "\t").split("\t")
        kinds, words, related = fields[0:-1:3], fields[1::3], fields[2::3]
        tables = {}
        for kind, name in _KINDS.items():
            start = bisect_left(kinds, kind)
            end = bisect_right(kinds, kind, lo=start)
            tables[name] = SortedTable(words[start:end], related[start:end])
        return cls(**tables)

    def lemmas(self, word: str) -> list[str]:
        """The entries ``word`` may be a form of: its irregular bases, else itself or what
        WordNet's detachment rules make of it ("reporters" -> reporter), first found first."""
        if word in self.irregular:
            return self.irregular[word].split("|")
        candidates = [word] + [
            word[: -len(ending)] + base for ending, base in _ENDINGS if word.endswith(ending)
        ]
        known = [
            c for c in candidates if c in self.synonyms or c in self.broader or c in self.derived
        ]
        return known[:1]

    def starts_phrase(self, text: str) -> bool:
        """Whether some lemma of several words starts with ``text`` ("prime ", "go-")."""
        return any(table.has_prefix(text) for table in (self.synonyms, self.broader, self.derived))

    def related(self, phrase: str) -> dict[str, float]:
        """The lemmas related to a word or phrase ("sent", "prime minister"), each with its
        weight."""
        return self.related_to_words(tuple(phrase.split(" ")) if " " in phrase else (phrase,))

    def related_to_words(self, words: tuple[str, ...]) -> dict[str, float]:
        """``related`` for words joined by spaces, else by hyphens ("go between" ->
        "go-between"); remembered, as a bot's questions come back to the same words."""
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(words)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            found = memo[words] = self._joined(words)
        return found

    def _joined(self, words: tuple[str, ...]) -> dict[str, float]:
        if len(words) == 1:
            return self._look_up(words[0])
        for separator in (" ", "-"):
            if self.starts_phrase(words[0] + separator):
                found = self._look_up(separator.join(words))
                if found:
                    return found
        return {}

    def _look_up(self, phrase: str) -> dict[str, float]:
        found: dict[str, float] = {}
        for lemma in self.lemmas(phrase):
            if lemma != phrase:
                found[lemma] = IRREGULAR_WEIGHT
            for table, weight in (
                (self.synonyms, SYNONYM_WEIGHT),
                (self.broader, BROADER_WEIGHT),
                (self.derived, DERIVED_WEIGHT),
            ):
                for other in table[lemma].split("|") if lemma in table else ():
                    found[other] = max(found.get(other, 0.0), weight)
        return {lemma: weight for lemma, weight in found.items() if weight > 0}


@cache
def wordnet() -> Thesaurus:
    """The shipped thesaurus, read once per process, on the first question that needs it."""
    data = files("bot").joinpath("data", "wordnet.tsv.gz").read_bytes()
    return Thesaurus.parse(gzip.decompress(data).decode("utf-8"))


def expand(
    words: Sequence[str], expandable: Sequence[bool], thesaurus: Thesaurus
) -> dict[str, dict[str, float]]:
    """Each question term (a stem) -> the stems it may be written as, with their weights.

    ``words`` are the question's words (case-folded), ``expandable`` says which of them may
    be looked up (not names, not alias phrases). A phrase of up to ``LONGEST_PHRASE`` words
    is looked up joined by spaces and by hyphens ("go between" -> "go-between"), longest
    first; a one-word lookup must be a content word. A related lemma of several words splits
    its weight among its content words ("premier" -> prime minister: 0.25 each).
    """
    found: dict[str, dict[str, float]] = {}
    i = 0
    while i < len(words):
        size, related = _longest_entry(words, expandable, i, thesaurus)
        if not related:
            i += 1
            continue
        own = [stem(word) for word in words[i : i + size] if word not in STOPWORDS]
        for lemma, weight in related.items():
            content = [stem(w) for w in lemma.replace("-", " ").split() if w not in STOPWORDS]
            for term in content:
                if term in own:
                    continue
                for part in own:
                    table = found.setdefault(part, {})
                    table[term] = max(table.get(term, 0.0), weight / len(content))
        i += size
    return found


def _longest_entry(
    words: Sequence[str], expandable: Sequence[bool], start: int, thesaurus: Thesaurus
) -> tuple[int, dict[str, float]]:
    """The longest phrase starting at ``start`` that WordNet knows, and what it relates to."""
    for size in range(min(LONGEST_PHRASE, len(words) - start), 0, -1):
        phrase = words[start : start + size]
        if not all(expandable[start : start + size]):
            continue
        if all(word in STOPWORDS or word.isdigit() for word in phrase):
            continue  # a figure is exact: "6" is not "half a dozen"
        related = thesaurus.related_to_words(tuple(phrase))
        if related:
            return size, related
    return 1, {}
