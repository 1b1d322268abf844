"""The question's words as the articles may write them: an office as its holder's name, a
capital as its country, a body described as its acronym, a chamber by its name, a measure word
as the units of its answer; and only the related words worth searching.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.gazetteer import capitals
from bot.question import (
    Focus,
)
from bot.roles import TITLE_GROUPS, offices_asked, place_before
from bot.tokens import Aliases, Query, marked_words, stem

if TYPE_CHECKING:
    from bot.snapshot import Snapshot


RELATED_SHARE = 0.05
"""A term related to the question's (``bot.thesaurus``) is searched only if at most this share
of the passages hold it (or ``RELATED_FLOOR`` passages, when more): a guard on the cost at
scale. Such a common word adds little anyway (at most 0.5 times an IDF below 3, against 5 to 8
for a rare word) and has the longest postings (measured in docs/quality.md)."""


RELATED_FLOOR = 1000
"""... so the guard only acts on archives of more than 20,000 passages (the dev sets have 46
and 313: it changes none of their answers)."""


def shaped(query: Query, focus: Focus) -> Query:
    """The query with a measure question's measure words (``Focus.measure``: "how *far*",
    "how *long* did it *last*") no longer searched as words: the measure word becomes a part
    held only through the units of its answer (``Focus.shape``: "km", "mile"), so that "How
    far is Kazan from Moscow?" finds "900 km east of Moscow" rather than "so far"; a size
    ("how *big* a force"), which has no unit, is left to the thing it is about. See
    docs/quality.md ("A measure is searched as its answer's shape")."""
    measure = [term for term in focus.measure if term in query.plain_terms]
    if not measure:
        return query
    head = focus.measure[0]
    shape = head in measure and bool(focus.shape)
    dropped = set(measure)
    related = {part: table for part, table in query.related.items() if part not in dropped}
    if shape:
        related[head] = dict.fromkeys(focus.shape, SHAPE_WEIGHT)
    return replace(
        query,
        terms=[term for term in query.terms if term not in dropped],
        plain_terms=[
            term for term in query.plain_terms if term not in dropped or (shape and term == head)
        ],
        related=related,
        shapes=frozenset({head}) if shape else frozenset(),
    )


_ATTRIBUTION_MARKER = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


def without_attribution_marker(question: str) -> str:
    """The question without "according to", which says whose figure is asked for, not what
    it is about: searched, "according" is a word the passage must hold, and through its stem
    ("accord") a synonym of "treaty". The source's own words stay searched."""
    return _ATTRIBUTION_MARKER.sub(" ", question)


def with_office_titles(query: Query) -> Query:
    """The query with each office title it asks about ("the Ukrainian *leader*", "the *head*
    of the Atlantic alliance") searched also as the other titles of its group
    (``TITLE_GROUPS``), at ``TITLE_WEIGHT``: a question describes a person by office in its own
    words, and the article writes "the *President* of Ukraine", "NATO *Secretary General*".
    The place or body stays a part of its own. See docs/quality.md ("An office is any of its
    titles")."""
    related = dict(query.related)
    for part in query.plain_terms:
        group = next((g for g in TITLE_GROUPS if part in g), None)
        if group is None:
            continue
        titles = {title: TITLE_WEIGHT for title in group if title != part}
        related[part] = {**titles, **related.get(part, {})}
    return replace(query, related=related)


def with_office_holders(query: Query, question: str, snapshot: Snapshot) -> Query:
    """The query with each office the question names by its place ("the *Russian leader*",
    "India's prime minister") searched also as the names the articles write right after that
    title ("Russian President *Vladimir Putin*"), at ``HOLDER_WEIGHT``, for the title and for
    the place: the article that has named the office once goes on with "Putin said", which
    holds both. See docs/quality.md ("An office is also its holder")."""
    related = dict(query.related)
    parts = set(query.parts)
    for office in offices_asked(question, snapshot.office_holders, snapshot.aliases):
        names = dict.fromkeys(sorted(office.holders), HOLDER_WEIGHT)
        for part in (office.title, *office.places):
            if part in parts:
                related[part] = {**related.get(part, {}), **names}
    return replace(query, related=related)


HOLDER_WEIGHT = 1.0
"""What the holder's name counts for the office's title and place: all of it, as the name is
who the description stands for (as ``CHAMBER_WEIGHT``)."""


_CAPITAL = re.compile(r"\bcapital\b", re.IGNORECASE)


_CAPITAL_OF = re.compile(r"\s+of\s+(?:the\s+)?((?:\S+\s+){0,2}\S+)")


def with_capital_names(query: Query, question: str, aliases: Aliases) -> Query:
    """The query with "the Russian *capital*" ("Russia's capital", "the capital of Russia")
    searched also as the capital's name ("Moscow", from the gazetteer, ``capitals``), at
    ``CAPITAL_WEIGHT``: the article writes the name, the question the description. See
    docs/quality.md ("A capital is its name")."""
    part = stem("capital")
    if part not in query.plain_terms:
        return query
    related = dict(query.related)
    for match in _CAPITAL.finditer(question):
        names = [capitals().get(place) for place in _countries_of_capital(question, match, aliases)]
        table = {stem(name.split()[-1].casefold()): CAPITAL_WEIGHT for name in names if name}
        related[part] = {**related.get(part, {}), **table}
    return replace(query, related=related)


def with_described_names(query: Query, question: str, snapshot: Snapshot) -> Query:
    """The query with a body the question describes ("the *bloc*", "the *world body*", "the
    *alliance*") searched also as the acronym the articles use it for ("BRICS", "UN",
    "NATO"), at ``DESCRIBED_WEIGHT``: news writes the name once and the description after,
    and a reader asks in the description. The articles decide: the acronym is the one most of
    the passages that use the word also name (``described_acronym``). See docs/quality.md ("A
    body described is its acronym")."""
    related = dict(query.related)
    for match in _DESCRIBED.finditer(question):
        for word in match.group("words").split():
            part = stem(word)
            if part not in query.plain_terms or part in related.get(part, {}):
                continue
            acronym = described_acronym(snapshot, part)
            if acronym and acronym not in query.all_terms:
                related[part] = {**related.get(part, {}), acronym: DESCRIBED_WEIGHT}
    return replace(query, related=related)


def described_acronym(snapshot: Snapshot, term: str) -> str | None:
    """The acronym (its index term) that at least ``DESCRIBED_SHARE`` of the passages using
    ``term`` also name, and at least ``DESCRIBED_SUPPORT`` of them; not a place ("US").
    Remembered per snapshot (``Snapshot.described_acronyms``)."""
    known = snapshot.described_acronyms
    if term not in known:
        known[term] = _most_named_acronym(snapshot, term)
    return known[term]


def _most_named_acronym(snapshot: Snapshot, term: str) -> str | None:
    postings = snapshot.index.postings(term)
    if postings is None:
        return None
    passage_ids = [int(pid) for pid in postings[0][:DESCRIBED_SAMPLE]]
    counts: Counter[str] = Counter()
    for pid in passage_ids:
        tokens, stems = snapshot.passages.passage_tokens(pid)
        counts.update(
            {s for token, s in zip(tokens, stems, strict=True) if _is_acronym(token) and s != term}
        )
    if not counts:
        return None
    acronym, count = counts.most_common(1)[0]
    places = {c for c, _, _ in snapshot.aliases.find([acronym]) if c in snapshot.aliases.places}
    if count < DESCRIBED_SUPPORT or count < DESCRIBED_SHARE * len(passage_ids) or places:
        return None
    return acronym


def _is_acronym(token: str) -> bool:
    return 2 <= len(token) <= 6 and token.isalpha() and token.isupper()


_DESCRIBED = re.compile(r"\bthe\s+(?P<words>(?:[a-z][a-z-]*\s+)?[a-z][a-z-]*)\b")
"""A description: "the" and one or two lower-case words ("the *bloc*", "the *world body*")."""


DESCRIBED_WEIGHT = 0.5


DESCRIBED_SHARE = 0.5


DESCRIBED_SUPPORT = 3


DESCRIBED_SAMPLE = 300
"""How many of the passages using the word are read for its acronym (the first in the index)."""


def _countries_of_capital(question: str, match: re.Match[str], aliases: Aliases) -> tuple[str, ...]:
    """The country whose capital ``match`` ("capital") is: named right before it ("the
    *Russian* capital", nothing between) or right after "of" ("the capital *of Russia*")."""
    places, qualifier = place_before(question[max(0, match.start() - 120) : match.start()], aliases)
    if places:
        return places if qualifier is None else ()
    after = _CAPITAL_OF.match(question[match.end() :])
    if after is None:
        return ()
    found = aliases.find([stem(word) for word, _ in marked_words(after[1])])
    return tuple(c for c, start, _ in found[:1] if start == 0 and c in aliases.places)


CAPITAL_WEIGHT = 1.0
"""What the capital's name counts for "capital": all of it (as ``CHAMBER_WEIGHT``)."""


_CHAMBER = re.compile(r"\b(?P<side>lower|upper)[\s-]+(?:house|chamber)\b", re.IGNORECASE)


def with_chamber_names(query: Query, question: str) -> Query:
    """The query with "the *lower house*" ("*upper chamber*") searched also as the names
    parliaments give their lower (upper) chambers (``CHAMBER_NAMES``: "State Duma", "Senate"),
    at ``CHAMBER_WEIGHT``, for both of its words: the article writes the name, the question
    the description. See docs/quality.md ("A parliament's chamber is any of its names")."""
    related = dict(query.related)
    for match in _CHAMBER.finditer(question):
        names = {name: CHAMBER_WEIGHT for name in CHAMBER_NAMES[match["side"].casefold()]}
        for word in (match["side"], "house", "chamber"):
            part = stem(word.casefold())
            if part in query.plain_terms:
                related[part] = {**related.get(part, {}), **names}
    return replace(query, related=related)


CHAMBER_NAMES = {
    "lower": tuple(stem(word) for word in ("duma", "bundestag", "lok")),
    "upper": tuple(stem(word) for word in ("senate", "bundesrat", "rajya")),
}
"""The one word that names the lower or upper chamber of large parliaments news reports on
and that names nothing else: Russia's State Duma, Germany's Bundestag and Bundesrat, India's
Lok Sabha and Rajya Sabha, the Senate of the United States, France, Japan and others. The
words of "House of Representatives", "House of Commons", "Federation Council" are left out:
each is an ordinary word too ("represent", "common", "council")."""


CHAMBER_WEIGHT = 1.0
"""What a chamber's name counts for each word of its description: all of it, as the name is
what the description stands for, as a unit is what "how far" asks (``SHAPE_WEIGHT``).
Measured at 0.5 (pooled dev hit@3 one lower; docs/quality.md)."""


TITLE_WEIGHT = 0.5
"""What another title of the group counts for the question's own: a synonym's weight
(``bot.thesaurus.SYNONYM_WEIGHT``)."""


SHAPE_WEIGHT = 1.0
"""What a unit of the answer's shape counts for its measure word: all of it ("km" is what
"how far" asks for)."""


def searchable(snapshot: Snapshot, query: Query) -> Query:
    """The query with only the related terms worth searching: those the articles use (the
    others cannot match) in at most ``RELATED_SHARE`` of the passages."""
    index = snapshot.index
    most = max(RELATED_FLOOR, RELATED_SHARE * index.corpus_size)
    related = {
        part: {term: weight for term, weight in table.items() if 0 < index.frequency(term) <= most}
        for part, table in query.related.items()
    }
    return replace(query, related=related)
