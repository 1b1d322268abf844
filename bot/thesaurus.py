"""Synonyms from WordNet: the words a question's words may be written as in a passage.

A question says "go-between", the article "mediator"; "premier" against "Prime Minister";
"swapped" against "exchange"; "sent" against "send" (an irregular form, which the Snowball
stemmer leaves apart). Each content word of a question brings the stems of its WordNet
synonyms, derived and broader words, and its base form when it is irregular, as terms that
may stand for it in a passage, counting less than the word itself (``SYNONYM_WEIGHT`` ...;
how ``bot.answer`` uses them is in docs/quality.md, "Synonyms from WordNet"). The table is
``bot/data/wordnet.tsv``, written from Princeton WordNet 3.0 by
``scripts/build_thesaurus.py`` (which says what is kept); its licence is beside it. It is
never loaded: it is mapped into memory and a word's line found by bisecting its bytes, as the
Unix ``look`` command does, so a process's first question pays microseconds, not a load.
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

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
TABLE = Path(__file__).resolve().parent / "data" / "wordnet.tsv"
"""The shipped table: a file beside the module (package data), as the mapping needs one;
found without ``importlib.resources``, whose machinery costs a start about 4 ms."""
WINDOW = 4096
"""Below how many bytes a look-up stops bisecting and searches the rest in one ``find``."""
LONGEST_PHRASE = 3
"""The most words a question's phrase is looked up with ("head of state")."""

_SEPARATORS = frozenset("\t\n")
_KINDS = {
    "s": "synonyms",
    "h": "broader",
    "d": "derived",
    "i": "irregular",
    "b": "built",
    "c": "compounds",
    "n": "near_nouns",
    "p": "verb_parts",
}
NOUN_ENDINGS = (("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"))
NOUN_ENDINGS += (("men", "man"), ("s", ""))
_VERB_ENDINGS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""))
_VERB_ENDINGS += (("ing", "e"), ("ing", ""))
_ENDINGS = NOUN_ENDINGS + _VERB_ENDINGS
"""WordNet's own detachment rules (its ``morphy``), for regular forms ("reporters")."""


class SortedTable:
    """One kind's lines (``kind<TAB>word<TAB>word|word``) in a sorted buffer of UTF-8 bytes,
    looked up where they lie: no line is read before it is asked for.

    A key's line is found by bisecting byte positions, each step taking the first line that
    starts at or after the position (a ``find`` of the line break, in C), as the Unix ``look``
    does, until the key lies within ``WINDOW`` bytes, which one ``find`` of the key after a
    line break searches: about 10 steps in the 3.8 MB of synonyms. Sorting the lines as
    strings sorts them as UTF-8 bytes, and the tab after the word sorts before any character a
    word holds, so "go" comes before "go-between" and "go between" both as lines and as words.
    Answers are remembered (up to ``MEMO_SIZE``), as a bot's questions come back to the same
    words."""

    def __init__(self, data: bytes | mmap.mmap, kind: str) -> None:
        self._data = data
        self._kind = f"{kind}\t".encode()
        self._start = self._first_at_least(self._kind, 0, len(data))
        self._end = self._first_at_least(f"{kind}\n".encode(), self._start, len(data))
        self._memo: dict[str, str | None] = {}
        self._prefixes: dict[str, bool] = {}
        self._nodes: dict[int, tuple[int, bytes]] = {}

    def _line_start(self, position: int) -> int:
        """The first line start at or after ``position``."""
        if position == 0:
            return 0
        return self._data.find(b"\n", position - 1) + 1 or len(self._data)

    def _first_at_least(self, key: bytes, low: int, high: int) -> int:
        """The start of the first line in ``[low, high)`` (``low`` a line start) that is not
        before ``key``, else ``high``; a line is compared on its first ``len(key)`` bytes, as
        no line is a proper prefix of a key (every line holds two tabs after its kind)."""
        data, size = self._data, len(key)
        while low < high:
            middle = (low + high) // 2
            line = self._line_start(middle)
            if line < high and data[line : line + size] < key:
                low = line + 1  # every position up to this line leads to it, or before
            else:
                high = middle
        return self._line_start(low)

    def _find(self, key: bytes) -> int:
        """Where the first of this kind's lines that starts with ``key`` starts, or -1.

        The lines starting with ``key`` follow each other from the first line not before it,
        which stays at or after ``low`` and at or before the line start at ``high``. The
        lines met on the way are remembered by the position they were met from, kind and word
        (no line is a proper prefix of a key, as every line holds two tabs after its kind):
        the first steps are the same for every key, and the steps are at most about twice the
        table's size over ``WINDOW``, a few thousand."""
        data, size, nodes = self._data, len(key), self._nodes
        low, high = self._start, self._end
        while high - low > WINDOW:
            middle = (low + high) // 2
            node = nodes.get(middle)
            if node is None:
                line = data.find(b"\n", middle - 1) + 1
                node = nodes[middle] = (line, data[line : data.find(b"\t", line + 2) + 1])
            line, word = node
            if line < high and word < key:
                low = line + 1
            else:
                high = middle
        if low == 0 and data[:size] == key:
            return 0
        end = self._line_start(high) + size
        found = data.find(b"\n" + key, max(low - 1, 0), end)
        return found + 1 if found >= 0 else -1

    def get(self, word: str) -> str | None:
        """``word``'s related lemmas as the file writes them ("pm|prime minister"), or None."""
        memo = self._memo
        if word in memo:
            return memo[word]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        found = None
        if not _SEPARATORS.intersection(word):  # no word holds the file's separators
            key = self._kind + word.encode() + b"\t"
            at = self._find(key)
            if at >= 0:
                found = self._data[at + len(key) : self._data.find(b"\n", at)].decode()
        memo[word] = found
        return found

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def has_prefix(self, prefix: str) -> bool:
        """Whether any key starts with ``prefix``."""
        memo = self._prefixes
        found = memo.get(prefix)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            found = not _SEPARATORS.intersection(prefix) and (
                self._find(self._kind + prefix.encode()) >= 0
            )
            memo[prefix] = found
        return found

    def keys(self) -> list[str]:
        """Every word, in order (a whole pass: for tests and tools, not questions)."""
        lines = bytes(self._data[self._start : self._end]).decode().splitlines()
        return [line.split("\t", 2)[1] for line in lines]


@dataclass(frozen=True)
class Thesaurus:
    """WordNet's lemmas (lower case, multiword joined by spaces) and what they relate to."""

    synonyms: SortedTable
    """Each lemma -> its synonyms, as the file writes them ("mediator|intermediary|...")."""
    broader: SortedTable
    derived: SortedTable
    irregular: SortedTable
    """Irregular forms to their bases ("sent" -> send, "men" -> man)."""
    built: SortedTable
    """A noun for a kind of building or facility -> itself and its narrower kinds ("hotel" ->
    hotel|motel|inn|…): see ``scripts/build_thesaurus.py``."""
    near_nouns: SortedTable
    """A noun -> the nouns of all its senses and their direct hypernyms beyond its synonyms
    ("guns" -> weapon)."""
    compounds: SortedTable
    """Nouns of two words ("boiling point" -> n)."""
    verb_parts: SortedTable
    """A verb lemma -> the parts of speech WordNet gives it ("board" -> noun|verb)."""

    @classmethod
    def over(cls, data: bytes | mmap.mmap) -> Thesaurus:
        """The thesaurus in ``kind<TAB>word<TAB>word|word`` lines (see
        ``scripts/build_thesaurus.py``), sorted, each ended by a line break; nothing is read
        until a word is looked up."""
        return cls(**{name: SortedTable(data, kind) for kind, name in _KINDS.items()})

    @classmethod
    def parse(cls, text: str) -> Thesaurus:
        """``over`` a text's lines, sorted here (a small table written by hand)."""
        lines = sorted(line for line in text.splitlines() if line)
        return cls.over("".join(f"{line}\n" for line in lines).encode())

    def lemmas(self, word: str) -> list[str]:
        """The entries ``word`` may be a form of: its irregular bases, else itself or what
        WordNet's detachment rules make of it ("reporters" -> reporter), first found first."""
        bases = self.irregular.get(word)
        if bases is not None:
            return bases.split("|")
        candidates = _forms(word)
        known = (
            c for c in candidates if c in self.synonyms or c in self.broader or c in self.derived
        )
        return [first] if (first := next(known, None)) is not None else []

    def is_verb_form(self, word: str) -> bool:
        """Whether ``word`` is a form of a verb WordNet knows: "warned", "sent", "ratifies",
        not "spokesperson" or "intelligence"."""
        irregular = self.irregular.get(word)
        bases = irregular.split("|") if irregular is not None else _forms(word)
        return any(base in self.verb_parts for base in bases)

    def built_kinds(self, word: str) -> list[str]:
        """For a noun naming a kind of thing a story names with its kind word, a building or
        facility ("hotels"), a military unit ("regiment") or a court of law, itself and its
        narrower kinds, one word each ("hotel", "motel", "inn", …); else nothing."""
        for form in _forms(word):
            found = self.built.get(form)
            if found is not None:
                return found.split("|")
        return []

    def one_word_synonyms(self, word: str, *, through_phrases: bool = False) -> list[str]:
        """The synonyms of one word written as one word, of each entry it may be a form of
        ("fighters" -> combatant, belligerent, …): no phrases, no broader words. With
        ``through_phrases``, also the one-word synonyms of a synonym that is a phrase, which
        WordNet often lists as the sense's head ("servicemen" -> military personnel -> troops,
        soldiery)."""
        found: dict[str, None] = {}
        for lemma in self.lemmas(word):
            for other in self._synonyms_of(lemma):
                if other.isalpha():
                    found[other] = None
                elif through_phrases and " " in other:
                    found.update(dict.fromkeys(w for w in self._synonyms_of(other) if w.isalpha()))
            found.pop(lemma, None)
        return list(found)

    def nouns_near(self, word: str) -> list[str]:
        """The one-word nouns of every sense of a noun and of each sense's direct broader
        word, for each entry it may be a form of ("stands" -> booth, stall, …; "guns" ->
        weapon; "presents" -> gift), however rare the sense: for a strict test such as what a
        figure counts, not for widening a search. The frequent senses' synonyms are left to
        ``one_word_synonyms``."""
        found: dict[str, None] = {}
        for lemma in self.lemmas(word):
            near = self.near_nouns.get(lemma)
            if near is not None:
                found.update(dict.fromkeys(near.split("|")))
        return list(found)

    def _synonyms_of(self, lemma: str) -> list[str]:
        others = self.synonyms.get(lemma)
        return [other for other in others.split("|") if other != lemma] if others else []

    def is_compound(self, first: str, second: str) -> bool:
        """Whether WordNet writes the two words as one noun ("boiling point", "sea levels")."""
        bases = [second] + [
            second[: -len(ending)] + base
            for ending, base in NOUN_ENDINGS
            if second.endswith(ending)
        ]
        return any(self.compounds.get(f"{first} {base}") is not None for base in bases)

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
                others = table.get(lemma)
                for other in others.split("|") if others is not None else ():
                    found[other] = max(found.get(other, 0.0), weight)
        return {lemma: weight for lemma, weight in found.items() if weight > 0}


def _forms(word: str) -> list[str]:
    """The word and what WordNet's detachment rules make of it ("reporters" -> reporter)."""
    return [word] + [
        word[: -len(ending)] + base for ending, base in _ENDINGS if word.endswith(ending)
    ]


@cache
def wordnet() -> Thesaurus:
    """The shipped thesaurus, mapped into memory (read-only, shared by the processes that map
    it) on the first question that needs it; its pages are read as words are looked up."""
    with TABLE.open("rb") as file:
        return Thesaurus.over(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ))


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


def compounds_in(
    words: Sequence[str], expandable: Sequence[bool], thesaurus: Thesaurus
) -> list[tuple[str, str]]:
    """The stems of each two neighbouring content words of a question that WordNet writes as
    one noun: "What is the *boiling point* of water at *sea level*?" -> (boil, point),
    (sea, level). Apart, the words mean something else ("134 points", "the highest level"), so
    a passage holds such a word in the question's sense only beside the other
    (``bot.answer.is_relevant``). ``words`` and ``expandable`` as for ``expand``."""
    found = []
    for i, (first, second) in enumerate(pairwise(words)):
        if not (expandable[i] and expandable[i + 1]):
            continue
        if first in STOPWORDS or second in STOPWORDS or not (first + second).isalpha():
            continue
        if thesaurus.is_compound(first, second):
            found.append((stem(first), stem(second)))
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
