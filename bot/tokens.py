"""Text to index terms: normalisation, stopwords, Snowball stemming and alias expansion."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer

# The English stopword list of NLTK's corpus, which most BM25 setups use.
STOPWORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
        "d",
        "ll",
        "m",
        "o",
        "re",
        "ve",
        "y",
        "ain",
        "aren",
        "couldn",
        "isn",
        "ma",
        "mightn",
        "mustn",
        "needn",
        "shan",
        "shouldn",
        "wasn",
        "weren",
        "won",
        "wouldn",
        "doesn",
        "hadn",
        "hasn",
        "haven",
        "didn",
    ]
)

QUESTION_WORDS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "get",
        "gets",
        "got",
        "getting",
        "kind",
        "sort",
        "type",
        "much",
        "many",
        "exactly",
        "actually",
        "basically",
        "really",
        "happen",
        "happens",
        "happened",
        "think",
        "thinking",
        "know",
        "mean",
        "means",
        "thing",
        "things",
    ]
)
"""Words that phrase a question rather than name what it asks about ("What did Putin *say*",
"How *many*", "What *kind* of"). They are dropped from questions, never from passages."""

FILLER_WORDS = frozenset(
    ["and", "so", "but", "also", "ok", "okay", "then", "well", "please", "else", "one"]
)
"""Words that open or pad a question without asking anything ("*And so*, who ...", "Which
*one*?"): dropped from a question's opening, and not enough to make a question."""

AUXILIARY_VERBS = frozenset(
    {"did", "does", "do", "has", "have", "had", "will", "would", "could", "can", "should"}
    | {"may", "might", "is", "are", "was", "were"}
)
"""Auxiliaries that open a question or come before its subject ("*Did* China send troops?")."""

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
    text = _THOUSANDS.sub("", text)  # before NFKC, which turns a no-break space into a space
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _DOTTED_ACRONYM.sub(lambda match: match.group().replace(".", ""), text)
    return _POSSESSIVE.sub("", text)


ANSWER_WORD = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
"""A word as the answer reads a sentence (``bot.fit.SENTENCE_TOKEN`` adds quotation and
currency marks): a number with its decimal part, or a run of letters. "MI5" is "MI" and "5",
"Son-hui" is "Son" and "hui", where the index keeps "mi5" and splits at the hyphen too."""


def normalise_quickly(text: str) -> str:
    """``normalise`` without NFKC, each substitution run only where it can apply: for text
    already normalised once (a passage), read again sentence by sentence."""
    if _DIGIT_GROUP.search(text):
        text = _THOUSANDS.sub("", text)
    if "." in text and _DOTTED_HINT.search(text):
        text = _DOTTED_ACRONYM.sub(lambda match: match.group().replace(".", ""), text)
    if "'" in text or "\u2019" in text:
        text = _POSSESSIVE.sub("", text.translate(_APOSTROPHES))
    return text


_DIGIT_GROUP = re.compile(r"\d[,\u202f\u00a0]\d")
_DOTTED_HINT = re.compile(r"\.[A-Za-z]\.")
"""What every dotted acronym holds ("U.S." holds ".S."): found by a scan from point to
point, some twenty times faster than ``_DOTTED_ACRONYM``'s test of a word boundary at every
character, and most sentences have a point but no acronym."""


def marked_words(text: str) -> list[tuple[str, bool]]:
    """Case-folded words, each with whether it was written as an acronym."""
    text = normalise(text)
    shouting = text.isupper()
    return [
        (word.casefold(), not shouting and len(word) > 1 and word.isupper())
        for word in _WORD.findall(text)
    ]


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A case-folded word's Snowball stem, as the index writes it, with a British spelling's
    stem written as the American one's ("defence" -> "defens", as "defense"; "organised" ->
    "organiz"; ``SPELLINGS``), so that the two spellings of a word find each other."""
    found = _stemmer.stemWord(word)
    return SPELLINGS.get(found, found)


def snowball_stem(word: str) -> str:
    """A case-folded word's Snowball stem alone, whatever its spelling."""
    return _stemmer.stemWord(word)


def _read_spellings(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t") for line in lines)


SPELLINGS_FILE = Path(__file__).resolve().parent / "data" / "spellings.tsv"
SPELLINGS = _read_spellings(SPELLINGS_FILE)
"""British spelling's stem -> American spelling's stem, from WordNet's synsets
(``scripts/build_spellings.py``)."""


IRREGULAR_PAST = {
    stem(past): stem(base)
    for past, base in (
        ("sent", "send"),
        ("paid", "pay"),
        ("took", "take"),
        ("taken", "take"),
        ("made", "make"),
        ("gave", "give"),
        ("given", "give"),
        ("went", "go"),
        ("gone", "go"),
        ("met", "meet"),
        ("held", "hold"),
        ("led", "lead"),
        ("left", "leave"),
        ("lost", "lose"),
        ("won", "win"),
        ("bought", "buy"),
        ("sold", "sell"),
        ("brought", "bring"),
        ("built", "build"),
        ("caught", "catch"),
        ("fought", "fight"),
        ("began", "begin"),
        ("begun", "begin"),
        ("came", "come"),
        ("saw", "see"),
        ("seen", "see"),
        ("spent", "spend"),
        ("struck", "strike"),
        ("told", "tell"),
        ("thought", "think"),
        ("knew", "know"),
        ("known", "know"),
        ("wrote", "write"),
        ("written", "write"),
        ("chose", "choose"),
        ("chosen", "choose"),
        ("drew", "draw"),
        ("drawn", "draw"),
        ("flew", "fly"),
        ("shot", "shoot"),
        ("fell", "fall"),
        ("rose", "rise"),
        ("risen", "rise"),
        ("kept", "keep"),
        ("found", "find"),
        ("stood", "stand"),
        ("signed", "sign"),
    )
}
"""Irregular past forms to their base, as stems: Snowball leaves "sent" apart from "send"."""


def words(text: str) -> list[str]:
    """Normalised, case-folded words, stopwords included."""
    return [word for word, _ in marked_words(text)]


def word_stems(marked: Iterable[tuple[str, bool]]) -> list[str]:
    """Every word stemmed, stopwords included: what alias phrases are matched against."""
    return [stem(word) for word, _ in marked]


def terms(text: str) -> list[str]:
    """Index terms of ``text``: normalised, stopwords removed (acronyms kept), stemmed."""
    return _to_terms(marked_words(text))


@dataclass(frozen=True)
class Aliases:
    """Names that mean the same thing ("DPRK", "Pyongyang", "North Korea").

    Every name of a group, found as a phrase in a passage or a question, adds the group's
    concept term (``~north korea``) to its terms, so that a question naming one variant
    matches passages naming another, without spraying the words of every variant around.
    Phrases match on stems, so "allies" finds "ally" and "nations" finds "nation".
    """

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Each variant as a tuple of stems, mapped to its group's concept term."""
    places: frozenset[str] = frozenset()
    """The concepts that are places (the gazetteer's countries), for "where" answers."""

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Sequence[str] | None]) -> Aliases:
        phrases: dict[tuple[str, ...], str] = {}
        for name, variants in mapping.items():
            concept = "~" + " ".join(words(str(name)))
            for phrase in [str(name), *_variant_names(name, variants)]:
                if key := tuple(word_stems(marked_words(phrase))):
                    phrases.setdefault(key, concept)
        return cls(phrases)

    @classmethod
    def from_yaml(cls, text: str) -> Aliases:
        """Parse ``aliases.yml``: a mapping of names to lists of variants. (PyYAML is imported
        here, by a build: a start from the index cache reads no YAML.)"""
        import yaml

        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ValueError("expected a mapping of names to lists of variants")
        return cls.from_mapping(data)

    def extended(self, mapping: Mapping[str, Sequence[str]], *, places: bool = False) -> Aliases:
        """These aliases plus the groups of ``mapping``; a phrase already here keeps its group.
        With ``places``, the groups of ``mapping`` are places."""
        added = Aliases.from_mapping(mapping).phrases
        concepts = frozenset(added.values()) if places else frozenset()
        return Aliases({**added, **self.phrases}, self.places | concepts)

    def find(
        self, word_list: Sequence[str], starts: Iterable[int] | None = None
    ) -> list[tuple[str, int, int]]:
        """Concepts named in ``word_list`` (stems): (concept, first word, end word), longest first.

        ``starts``, when the caller knows them: the positions (ascending) of the words that
        begin a phrase, the only ones looked up (the build knows them by word id)."""
        if not self.phrases:
            return []
        found = []
        longest = self._longest_by_first_word()
        seconds = self._second_words()
        phrases = self.phrases
        count = len(word_list)
        end = 0  # a phrase found ends here: none starts inside it
        for i in range(count) if starts is None else starts:
            if i < end:
                continue
            most = longest.get(word_list[i])
            if most:
                if most > 1 and (i + 1 == count or word_list[i + 1] not in seconds[word_list[i]]):
                    most = 1  # no longer phrase goes on with the next word ("the" + "minister")
                for size in range(min(most, count - i), 0, -1):
                    concept = phrases.get(tuple(word_list[i : i + size]))
                    if concept:
                        found.append((concept, i, i + size))
                        end = i + size
                        break
        return found

    def single_words(self, concept: str) -> frozenset[str]:
        """The one-word variants of a concept, as stems ("~send" -> send, deploy, dispatch)."""
        cached = self.__dict__.get("_single_words")
        if cached is None:
            grouped: dict[str, set[str]] = {}
            for phrase, group in self.phrases.items():
                if len(phrase) == 1:
                    grouped.setdefault(group, set()).add(phrase[0])
            cached = {group: frozenset(stems) for group, stems in grouped.items()}
            object.__setattr__(self, "_single_words", cached)
        return cached.get(concept, frozenset())

    def names_stem(self, word_stem: str) -> bool:
        """Whether any variant of any entry has this stem among its words."""
        cached = self.__dict__.get("_stems")
        if cached is None:
            cached = frozenset(stem for phrase in self.phrases for stem in phrase)
            object.__setattr__(self, "_stems", cached)
        return word_stem in cached

    def _second_words(self) -> dict[str, frozenset[str]]:
        """Each phrase's first word -> the second words of its phrases of two words or more."""
        cached = self.__dict__.get("_seconds")
        if cached is None:
            grouped: dict[str, set[str]] = {}
            for phrase in self.phrases:
                grouped.setdefault(phrase[0], set()).update(phrase[1:2])
            cached = {first: frozenset(seconds) for first, seconds in grouped.items()}
            object.__setattr__(self, "_seconds", cached)
        return cached

    def _longest_by_first_word(self) -> dict[str, int]:
        cached = self.__dict__.get("_longest")
        if cached is None:
            cached = {}
            for phrase in self.phrases:
                cached[phrase[0]] = max(cached.get(phrase[0], 0), len(phrase))
            object.__setattr__(self, "_longest", cached)
        return cached


def _variant_names(name: object, variants: object) -> list[str]:
    """The variants of one alias entry: a list of names, one name, or nothing."""
    if variants is None:
        return []
    if isinstance(variants, str | int | float):
        return [str(variants)]
    if isinstance(variants, list) and all(isinstance(v, str | int | float) for v in variants):
        return [str(variant) for variant in variants]
    raise ValueError(f"the variants of {name!r} must be a list of names")


Synonyms = Callable[[Sequence[str], Sequence[bool]], Mapping[str, Mapping[str, float]]]
"""Question words and whether each may be expanded -> each term's related terms and weights
(``bot.thesaurus.expand``)."""
Compounds = Callable[[Sequence[str], Sequence[bool]], Sequence[tuple[str, ...]]]
"""The question's words (case-folded) and which may be looked up -> the stems of the words
that name one thing together (``bot.thesaurus.compounds_in``)."""


@dataclass(frozen=True)
class Query:
    """A question as index terms, and the terms that measure how much of it is answered."""

    terms: list[str]
    concepts: list[str]
    plain_terms: list[str]
    """The question's own terms outside any alias phrase."""
    related: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """Each plain term -> the terms a passage may write it as (WordNet synonyms, an irregular
    form's base), with what each counts against the term itself."""
    shapes: frozenset[str] = frozenset()
    """Parts that stand for the shape of the answer, not for a word of it: a measure word
    ("how *far*"), held only through its units (``related``: "km", "mile")."""
    compounds: tuple[tuple[str, ...], ...] = ()
    """Plain terms that together name one thing ("boiling point"): a passage holds each in the
    question's sense only with the others (``bot.thesaurus.compounds_in``)."""

    def alternatives(self, part: str) -> dict[str, float]:
        """A part of the question (at 1) and the terms that may stand for it, with weights."""
        if part in self.shapes:
            return dict(self.related.get(part, {}))
        return {**self.related.get(part, {}), part: 1.0}

    @property
    def parts(self) -> list[str]:
        """What the question asks about: its plain terms and its named things, each once."""
        return list(dict.fromkeys(self.plain_terms + self.concepts))

    @property
    def all_terms(self) -> list[str]:
        return self.terms + [c for c in self.concepts if c not in self.terms]


def document_terms(text: str, aliases: Aliases) -> list[str]:
    """A passage's index terms: its own terms plus one concept term per alias it names."""
    marked = marked_words(text)
    concepts = [concept for concept, _, _ in aliases.find(word_stems(marked))]
    return _to_terms(marked) + concepts


def parse_query(
    question: str,
    aliases: Aliases,
    synonyms: Synonyms | None = None,
    compounds: Compounds | None = None,
) -> Query:
    """The question's terms; with ``synonyms``, each plain word's related terms too, and with
    ``compounds``, its words that name one thing together. Names (capitalised after the first
    word, acronyms) and alias phrases are not expanded: the aliases already say what else a
    name is written as."""
    kept = [
        (i, (word, acronym))
        for i, (word, acronym) in enumerate(marked_words(question))
        if acronym or word not in QUESTION_WORDS
    ]
    marked = [m for _, m in kept]
    found = aliases.find(word_stems(marked))
    inside = {i for _, start, end in found for i in range(start, end)}
    terms = _to_terms(marked)
    related: Mapping[str, Mapping[str, float]] = {}
    joined: tuple[tuple[str, ...], ...] = ()
    if synonyms is not None or compounds is not None:
        typed = _WORD.findall(normalise(question))  # as marked_words reads it, case kept
        expandable = [
            i not in inside and not acronym and (at == 0 or not typed[at][:1].isupper())
            for i, (at, (_, acronym)) in enumerate(kept)
        ]
        words = [word for word, _ in marked]
        own = set(terms)
        if synonyms is not None:
            related = {
                part: {term: weight for term, weight in table.items() if term not in own}
                for part, table in synonyms(words, expandable).items()
            }
        if compounds is not None:
            joined = tuple(compounds(words, expandable))
    return Query(
        terms=terms,
        concepts=list(dict.fromkeys(concept for concept, _, _ in found)),
        plain_terms=_to_terms(m for i, m in enumerate(marked) if i not in inside),
        related=related,
        compounds=joined,
    )


def _to_terms(marked: Iterable[tuple[str, bool]]) -> list[str]:
    return [stem(word) for word, acronym in marked if acronym or word not in STOPWORDS]
