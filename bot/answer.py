"""From a question to an answer: retrieve, diversify across articles, mark the best sentence,
and decline plainly when nothing in the knowledge base is relevant."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from bot.articles import Article
from bot.index import best_of
from bot.passages import Passage
from bot.tokens import Query, parse_query, stem

if TYPE_CHECKING:
    from bot.snapshot import Snapshot

MAX_QUESTION_CHARS = 1_000
RELEVANCE_THRESHOLD = 0.2
"""Declines when the best passage answers less than this share of the question
(see ``relevance``). Calibrated once on ``eval/questions.yml``; see the README."""
MIN_SHARED_PARTS = 2
"""The best passage must share this many of the question's parts (words or named things),
or all of them when the question has fewer: one shared word is a loose match."""
PASSAGE_FLOOR = 0.45
"""Passages scoring below this share of the best one are not quoted."""
COVERAGE_WEIGHT = 2.0
"""A passage holding every part of the question scores ``1 + COVERAGE_WEIGHT`` times its BM25:
BM25 alone lets one rare word said three times beat a passage that names all the question's
parts once. Chosen on ``eval/questions.yml`` and checked on ``eval/heldout.yml``."""
SAME_ARTICLE_DECAY = 0.6
"""Each passage already chosen from an article multiplies that article's next scores by this."""
CANDIDATES = 50

NO_ANSWER = (
    "I couldn't find anything in the articles that answers that. "
    "Try other words, or see which articles I know with /sources."
)
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class QuestionError(ValueError):
    """A question that cannot be searched; the message is meant for the person who asked."""


class Quote(BaseModel):
    """A passage quoted in an answer, with its article and the best-matching sentence."""

    model_config = ConfigDict(frozen=True)

    passage: Passage
    article: Article
    score: float
    highlight: tuple[int, int]
    """Offsets of the best-matching sentence within ``text``."""

    @property
    def text(self) -> str:
        return self.passage.text

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "score": round(self.score, 4),
            "article": self.article.reference(),
            "highlight": self.text[self.highlight[0] : self.highlight[1]],
            "caption": self.passage.caption,
            "offsets": [self.passage.start, self.passage.end],
        }


class Answer(BaseModel):
    """What the core gives every surface: passages with their articles, or a plain decline."""

    model_config = ConfigDict(frozen=True)

    question: str
    answered: bool
    passages: list[Quote]
    version: str
    notice: str | None = None
    corrections: dict[str, str] = {}
    """Typos searched as the articles' words: as typed -> as searched ("Puttin" -> "putin")."""

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "passages": [quote.to_json() for quote in self.passages],
            "version": self.version,
            "notice": self.notice,
            "corrections": self.corrections,
        }


def clean_question(raw: str) -> str:
    """Strip control characters and extra whitespace; reject empty or over-long questions."""
    text = _CONTROL.sub(" ", _ANSI_ESCAPE.sub(" ", unicodedata.normalize("NFC", raw)))
    text = " ".join(text.split())
    if not text:
        raise QuestionError("Please ask a question, for example: What did Putin say about BRICS?")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"That question is {len(text):,} characters long; please keep it under "
            f"{MAX_QUESTION_CHARS:,}."
        )
    return text


def answer_question(snapshot: Snapshot, raw_question: str, k: int = 3) -> Answer:
    """Answer from one snapshot only, so an answer never mixes two index versions."""
    try:
        question = clean_question(raw_question)
    except QuestionError as error:
        return Answer(
            question=raw_question[:200],
            answered=False,
            passages=[],
            version=snapshot.version,
            notice=str(error),
        )
    searched, corrections = snapshot.speller.correct(question, lambda word: _known(snapshot, word))
    query = parse_query(searched, snapshot.aliases)
    bm25 = snapshot.index.scores(query.all_terms)
    ranked = best_of(bm25 * _coverage_boost(snapshot, query), CANDIDATES)
    best = ranked[0][0] if ranked else None
    if best is None or not is_relevant(snapshot, query, (best, float(bm25[best]))):
        return Answer(
            question=question,
            answered=False,
            passages=[],
            version=snapshot.version,
            notice=NO_ANSWER,
            corrections=corrections,
        )
    chosen = diversify(ranked, snapshot.passages, max(1, k))
    quotes = [_quote(snapshot, snapshot.passages[pid], score, query) for pid, score in chosen]
    return Answer(
        question=question,
        answered=True,
        passages=quotes,
        version=snapshot.version,
        corrections=corrections,
    )


def _known(snapshot: Snapshot, word: str) -> bool:
    """A word the search knows as it is: an index term, or a word of an alias name."""
    word_stem = stem(word)
    return word_stem in snapshot.index.vocabulary or snapshot.aliases.names_stem(word_stem)


def _coverage_boost(snapshot: Snapshot, query: Query) -> np.ndarray:
    parts = set(query.parts)
    covered = snapshot.index.coverage(parts) / max(1, len(parts))
    return 1.0 + COVERAGE_WEIGHT * covered


def is_relevant(snapshot: Snapshot, query: Query, best: tuple[int, float]) -> bool:
    """Whether the best passage answers enough of the question to be quoted at all."""
    passage_id, score = best
    parts = set(query.parts)
    shared = parts.intersection(snapshot.passage_terms(passage_id))
    return relevance(snapshot, query, score) >= RELEVANCE_THRESHOLD and len(shared) >= min(
        MIN_SHARED_PARTS, len(parts)
    )


def relevance(snapshot: Snapshot, query: Query, best_score: float) -> float:
    """How much of the question the best passage answers, about 0 (nothing) to 1 (all of it).

    A BM25 term with tf=1 in a passage of average length scores its IDF, so the best score
    over the summed IDF of the question's own terms is a soft share of the question found.
    Unknown words count at the IDF of a word in no passage: they are what makes a question
    off-topic ("capital of Australia"). A name with aliases counts once, by its concept term.
    """
    total = sum(snapshot.index.weight_of(term) for term in query.parts)
    return best_score / total if total > 0 else 0.0


def diversify(
    ranked: Sequence[tuple[int, float]], passages: Sequence[Passage], k: int
) -> list[tuple[int, float]]:
    """Pick ``k`` passages, discounting articles already quoted, above the passage floor.

    Each comes with the discounted score it was picked by, so the scores shown decrease.
    """
    floor = ranked[0][1] * PASSAGE_FLOOR
    remaining = [(pid, score) for pid, score in ranked if score >= floor]
    chosen: list[tuple[int, float]] = []
    per_article: Counter[str] = Counter()

    def discounted(item: tuple[int, float]) -> float:
        return item[1] * SAME_ARTICLE_DECAY ** per_article[passages[item[0]].article_id]

    while remaining and len(chosen) < k:
        best = max(remaining, key=discounted)
        remaining.remove(best)
        chosen.append((best[0], discounted(best)))
        per_article[passages[best[0]].article_id] += 1
    return chosen


def _quote(snapshot: Snapshot, passage: Passage, score: float, query: Query) -> Quote:
    return Quote(
        passage=passage,
        article=snapshot.articles[passage.article_id],
        score=score,
        highlight=best_sentence(snapshot, passage, query),
    )


def best_sentence(snapshot: Snapshot, passage: Passage, query: Query) -> tuple[int, int]:
    """The sentence sharing the most IDF weight with the question (each term once); first on ties."""
    wanted = set(query.all_terms)
    best, best_value = passage.sentences[0], -1.0
    for sentence, sentence_terms in zip(
        passage.sentences, snapshot.sentence_terms(passage.id), strict=True
    ):
        shared = wanted.intersection(sentence_terms)
        value = sum(snapshot.index.term_idf(term) for term in shared)
        if value > best_value:
            best, best_value = sentence, value
    return best.start - passage.start, best.end - passage.start
