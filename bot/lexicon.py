"""Words a reader asks with and the words a news article answers with instead, learned from
question–answer pairs: "How many *fighters* …?" against "… 3,000 *soldiers* …", "the *pact*"
against "the *treaty*", "*footage*" against "*video*", "*wounded*" against "*injured*".

WordNet (``bot.thesaurus``) knows a word's synonyms in every sense, but not which one a
question about the news means, nor the words reporters use for what readers say in their own
("*envoy*" for an ambassador, "*gathering*" for a summit). The table
``bot/data/lexicon.tsv`` is learned by ``scripts/build_lexicon.py`` from the dev question sets
(the rule, and how it is measured on sets it was not learned from, are in its docstring and in
docs/quality.md, "A lexicon learned from questions and their answers"): a question's word is
also searched as the words learned for it, at ``LEARNED_WEIGHT``. Names are never learned, so
what it holds is the language of questions and news, not one story's cast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

from bot.tokens import STOPWORDS, stem

LEARNED_WEIGHT = 0.5
"""What a learned word counts in BM25 against 1 for the question's own word, as a WordNet
synonym does (``bot.thesaurus.SYNONYM_WEIGHT``). Chosen on the dev sets by two-fold
cross-validation: 0.2, 0.3, 0.4, 0.5, 0.7 and 1.0 tried (docs/quality.md)."""
TABLE = Path(__file__).resolve().parent / "data" / "lexicon.tsv"

Lexicon = Mapping[str, tuple[str, ...]]
"""A question word's stem -> the stems an answer may use instead."""


def parse(text: str) -> dict[str, tuple[str, ...]]:
    """A table's lines (``word<TAB>term|term``) as a mapping."""
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        word, _, others = line.partition("\t")
        if word and others:
            table[word] = tuple(others.split("|"))
    return table


@cache
def learned() -> Lexicon:
    """The shipped table (a few hundred lines, read on the first question)."""
    return parse(TABLE.read_text(encoding="utf-8"))


def with_learned(
    related: dict[str, dict[str, float]],
    words: Sequence[str],
    expandable: Sequence[bool],
    lexicon: Lexicon,
) -> dict[str, dict[str, float]]:
    """``related`` (each question term -> the terms that may stand for it, with their weights:
    ``bot.thesaurus.expand``) with the terms learned for each expandable content word added at
    ``LEARNED_WEIGHT``; a term both give keeps the higher weight. ``words`` and ``expandable``
    as for ``expand``."""
    for word, may in zip(words, expandable, strict=True):
        others = lexicon.get(stem(word)) if may and word not in STOPWORDS else None
        if not others:
            continue
        table = related.setdefault(stem(word), {})
        for term in others:
            table[term] = max(table.get(term, 0.0), LEARNED_WEIGHT)
    return related
