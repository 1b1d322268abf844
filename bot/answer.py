"""From a question to an answer: retrieve, diversify across articles, mark the best sentence,
and decline plainly when nothing in the knowledge base is relevant."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from bot.articles import Article
from bot.constraints import OFFICE_VERBS, unknown_names, unmet_constraints, unused_words
from bot.expansion import (
    searchable,
    shaped,
    with_capital_names,
    with_chamber_names,
    with_described_names,
    with_office_holders,
    with_office_titles,
    without_attribution_marker,
)
from bot.fit import (
    SentenceWords,
    announces_words,
    content_terms,
    dates_other_days,
    dates_other_weekdays,
    describes_speaker,
    figures_in,
    holds_time,
    in_first_person,
    names_a_holder,
    names_a_titled_holder,
    only_possible,
    says_no,
    sentence_fits,
    source_of,
    speaker_referred,
    speaks_throughout,
    statement_fits,
    verb_forms,
    verb_senses,
    verb_uses,
)
from bot.index import best_of
from bot.lexicon import learned, with_learned
from bot.passages import Passage
from bot.question import (
    OFFICE_ROLE,
    Focus,
    QuestionType,
    asks_about_the_reader,
    is_only_a_name,
    looks_english,
    numbers_as_digits,
    only_asks_a_type,
    question_focus,
    split_questions,
)
from bot.roles import same_office
from bot.spelling import is_english_word
from bot.thesaurus import Thesaurus, compounds_in, expand, wordnet
from bot.tokens import Query, parse_query, stem

if TYPE_CHECKING:
    from bot.snapshot import Snapshot

MAX_QUESTION_CHARS = 1_000


RELEVANCE_THRESHOLD = 0.2
"""Declines when the best passage answers less than this share of the question
(see ``relevance``). Calibrated once on ``eval/questions.yml``; see the README."""


MIN_SHARED_PARTS = 2
"""The best passage must share this many of the question's parts (words or named things),
or all of them when the question has fewer: one shared word is a loose match. A part the
passage holds only through a related term (``bot.thesaurus``) counts as that term's weight
("go-between" held as "mediator": 0.5)."""


PASSAGE_FLOOR = 0.45
"""Passages scoring below this share of the best one are not quoted."""


COVERAGE_WEIGHT = 2.0
"""A passage holding every part of the question scores ``1 + COVERAGE_WEIGHT`` times its BM25:
BM25 alone lets one rare word said three times beat a passage that names all the question's
parts once. Chosen on ``eval/questions.yml`` and checked on ``eval/heldout.yml``."""


SAME_ARTICLE_DECAY = 0.6
"""Each passage already chosen from an article multiplies that article's next scores by this."""


CANDIDATES = 50


SCAN_CANDIDATES = 8
"""How many of the best passages are scanned for how they use the question's main verb."""


FIT_CANDIDATES = 4
"""How many of the best passages are read for what the question asks (its type and focus)."""


FIT_BOOST = 1.5
"""A passage whose marked sentence fits the question's type and focus counts this many times
its score. Chosen on ``eval/questions.yml``; see the README."""


FITTING_FLOOR = 0.25
"""A passage that fits the question is quoted down to this share of the best score (others
only down to ``PASSAGE_FLOOR``); it also bounds which of the best ``FIT_CANDIDATES`` are read.
0.35 until 2026-12-04. Calibrated on the dev sets; see docs/quality.md ("The floor for a
fitting passage")."""


NOUN_SENSE_FACTOR = 0.5
"""A passage holding the question's verb only as a noun ("a screen capture") counts this."""


class Declined(StrEnum):
    """Why the core gives no passages; what the person is told is ``bot.render``'s."""

    NO_ANSWER = "no_answer"
    """Nothing in the articles answers the question."""
    EMPTY = "empty"
    TOO_LONG = "too_long"
    TYPE_ONLY = "type_only"
    """Only a type of answer ("How many?"), nothing it is about."""
    NOT_ENGLISH = "not_english"


_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class QuestionError(ValueError):
    """A question that cannot be searched, and why (``reason``)."""

    def __init__(self, reason: Declined) -> None:
        super().__init__(reason.value)
        self.reason = reason


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


class Figure(BaseModel):
    """One figure a quoted passage gives for what was asked, and who gives it."""

    model_config = ConfigDict(frozen=True)

    figure: str
    source: str | None
    """Who the sentence attributes it to ("South Korea's intelligence agency"), if anyone."""
    outlet: str
    """The publisher of the article, or its title when the publisher is unknown."""


class Answer(BaseModel):
    """What the core gives every surface: passages with their articles, or a plain decline."""

    model_config = ConfigDict(frozen=True)

    question: str
    answered: bool
    passages: list[Quote]
    version: str
    declined: Declined | None = None
    """Why no passage is given, when none is."""
    corrections: dict[str, str] = {}
    """Typos searched as the articles' words: as typed -> as searched ("Puttin" -> "putin")."""
    question_type: str = QuestionType.OPEN.value
    missing: list[str] = []
    """What no quoted passage holds: the kind of answer asked for ("number", "statement by
    Xi Jinping") and the question's words found nowhere in the asked sense ("pay")."""
    speaker: str | None = None
    asked: str | None = None
    """When several questions came in one line, the one answered (the first)."""
    other_questions: list[str] = []
    """... and the others, which were not."""
    only_a_name: bool = False
    """The question was only a name ("Putin"): the passages mention it, nothing more."""
    figures: list[Figure] = []
    """Different figures the quoted passages give for what a number question asks."""
    unused_words: list[str] = []
    """The question's words, as typed, that carry what it asks and that the articles never use
    in any form ("deserted" in "How many soldiers have deserted?"); also in ``missing``."""
    unmet: list[str] = []
    """The question's constraints, as typed, that the quoted passages do not meet
    (``unmet_constraints``): an ordinal ("17th"); also in ``missing``."""
    related: dict[str, dict[str, float]] = {}
    """What was also searched, and at what weight: each of the question's terms (stems) -> the
    WordNet terms the articles use that may stand for it (``bot.thesaurus``)."""

    @property
    def complete(self) -> bool:
        """Answered, and nothing the question asks for is missing from the quotes."""
        return self.answered and not self.missing

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "passages": [quote.to_json() for quote in self.passages],
            "version": self.version,
            "declined": self.declined.value if self.declined else None,
            "corrections": self.corrections,
            "question_type": self.question_type,
            "missing": self.missing,
            "asked": self.asked,
            "other_questions": self.other_questions,
            "figures": [figure.model_dump() for figure in self.figures],
            "unused_words": self.unused_words,
            "unmet": self.unmet,
            "related": self.related,
        }


def clean_question(raw: str) -> str:
    """Strip control characters and extra whitespace; reject empty or over-long questions."""
    text = _CONTROL.sub(" ", _ANSI_ESCAPE.sub(" ", unicodedata.normalize("NFC", raw)))
    text = " ".join(text.split())
    if not text:
        raise QuestionError(Declined.EMPTY)
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(Declined.TOO_LONG)
    return text


def related_terms(words: Sequence[str], expandable: Sequence[bool]) -> dict[str, dict[str, float]]:
    """Each question term -> the terms a passage may write it as: WordNet's (``expand``) and
    the learned lexicon's (``bot.lexicon``)."""
    return with_learned(expand(words, expandable, wordnet()), words, expandable, learned())


def answer_question(snapshot: Snapshot, raw_question: str, k: int = 3) -> Answer:
    """Answer from one snapshot only, so an answer never mixes two index versions."""
    try:
        question = clean_question(raw_question)
    except QuestionError as error:
        return _declined(snapshot, raw_question[:200], error.reason)
    asked, *others = split_questions(question)
    if only_asks_a_type(asked):
        return _declined(snapshot, question, Declined.TYPE_ONLY)
    if asks_about_the_reader(asked):
        return _declined(snapshot, question, Declined.NO_ANSWER)
    searched, corrections = snapshot.speller.correct(asked, lambda word: _known(snapshot, word))
    if not looks_english(searched, lambda word: _known(snapshot, word), is_english_word):
        return _declined(snapshot, question, Declined.NOT_ENGLISH, corrections)
    searched = numbers_as_digits(searched)
    focus = with_counted_synonyms(question_focus(searched, snapshot.aliases), wordnet())
    parsed = parse_query(
        without_attribution_marker(searched),
        snapshot.aliases,
        related_terms,
        partial(compounds_in, thesaurus=wordnet()),
    )
    query = searchable(
        snapshot,
        shaped(
            with_described_names(
                with_capital_names(
                    with_office_holders(
                        with_chamber_names(with_office_titles(parsed), searched), searched, snapshot
                    ),
                    searched,
                    snapshot.aliases,
                ),
                searched,
                snapshot,
            ),
            focus,
        ),
    )
    found = retrieve(snapshot, query)
    if found is None:
        return _declined(snapshot, question, Declined.NO_ANSWER, corrections, focus)
    query, ranked = found
    if focus.question_type is QuestionType.OPEN:
        chosen = diversify(ranked, snapshot.passages, max(1, k))
        readings = read_candidates(snapshot, [pid for pid, _ in chosen], query, focus)
        if focus.shared:
            chosen = doing_it_first(chosen, readings)
    else:
        floor = ranked[0][1] * FITTING_FLOOR
        best = [pid for pid, _ in ranked[:SCAN_CANDIDATES]]
        pool = [pid for pid, score in ranked[:FIT_CANDIDATES] if score >= floor]
        readings = read_candidates(snapshot, pool, query, focus, scanned=best)
        if focus.speaker_terms and not any(r.mentions_speaker for r in readings.values()):
            return _declined(snapshot, question, Declined.NO_ANSWER, corrections, focus)
        if focus.speaker_places and not _speaker_described(snapshot, focus, readings.values()):
            return _declined(snapshot, question, Declined.NO_ANSWER, corrections, focus)
        ranked = prefer_fitting(ranked, readings)
        if focus.speaker_terms and not any(r.fits for r in readings.values()):
            ranked = [(pid, score) for pid, score in ranked if readings[pid].mentions_speaker]
        if not ranked:  # the passages naming the speaker are all below the passage floor
            return _declined(snapshot, question, Declined.NO_ANSWER, corrections, focus)
        chosen = diversify(ranked, snapshot.passages, max(1, k))
    unmet = unmet_constraints(snapshot, focus, [pid for pid, _ in chosen], searched)
    quotes = [
        _quote(snapshot, snapshot.passages[pid], score, readings[pid]) for pid, score in chosen
    ]
    chosen_readings = [readings[pid] for pid, _ in chosen]
    verb_synonyms = {verb: with_verb_synonyms(query, [verb]) for verb in focus.main_verbs}
    unused = unused_words(snapshot, focus, searched, verb_synonyms) + unknown_names(
        snapshot, focus, searched
    )
    missing = list(dict.fromkeys([*missing_parts(focus, chosen_readings, unused), *unmet]))
    return Answer(
        question=question,
        answered=True,
        passages=quotes,
        version=snapshot.version,
        corrections=corrections,
        asked=asked if others else None,
        other_questions=others,
        only_a_name=is_only_a_name(asked, snapshot.aliases),
        question_type=focus.question_type.value,
        missing=missing,
        unused_words=unused,
        unmet=unmet,
        speaker=focus.speaker,
        figures=[] if missing else figures(focus, query, quotes, chosen_readings),
        related={part: dict(terms) for part, terms in query.related.items() if terms},
    )


def _declined(
    snapshot: Snapshot,
    question: str,
    reason: Declined,
    corrections: dict[str, str] | None = None,
    focus: Focus | None = None,
) -> Answer:
    return Answer(
        question=question,
        answered=False,
        passages=[],
        version=snapshot.version,
        declined=reason,
        corrections=corrections or {},
        question_type=(focus.question_type if focus else QuestionType.OPEN).value,
    )


@dataclass(frozen=True)
class PassageReading:
    """What one candidate passage holds of what the question asks."""

    marked: int
    """The sentence to highlight (index within the passage)."""
    fits: bool
    """Whether the marked sentence, or a neighbour, holds an answer of the asked type."""
    extend: int = 0
    """-1 or 1 when that neighbour is the previous passage's last sentence or the next
    passage's first (same article): the quote takes it along."""
    mentions_speaker: bool = False
    verb_as_noun_only: bool = False
    """The question's verbs are found here only as nouns ("a screen capture")."""
    holds_asked: bool = True
    """False when the passage lacks what limits the question whatever its type (``lacks``):
    the source it names, the time it is limited to, or the event as a fact."""
    sentences: tuple[SentenceWords, ...] = ()
    """The passage's sentences as read, kept for the figures line."""


@dataclass(frozen=True)
class PassageWords:
    """A candidate passage's sentences as words, their overlap with the question, and the
    sentences just outside it in the same article."""

    sentences: list[SentenceWords]
    weights: list[float]
    boundary: Callable[[], tuple[SentenceWords | None, SentenceWords | None]]
    """Reads the previous passage's last sentence and the next one's first, when needed."""
    title: SentenceWords | None = None
    """The article's title: the names it holds are held by every passage of the article."""

    @property
    def marked(self) -> int:
        """The sentence sharing the most IDF weight with the question; first on ties."""
        return max(range(len(self.sentences)), key=lambda i: (self.weights[i], -i))


def read_candidates(
    snapshot: Snapshot,
    passage_ids: Sequence[int],
    query: Query,
    focus: Focus,
    scanned: Sequence[int] = (),
) -> dict[int, PassageReading]:
    """Read the passages ``passage_ids`` in full for what the question asks (see
    ``judge_passage``); ``scanned`` (more of the best passages) are only scanned for how they
    use the question's main verb.

    The main verb is only required where those passages use it as a verb at all: "heading" is
    not looked for when the passages only have "heads of state". A who-question whose verb
    they only have as a noun ("Who *heads* ..." against "20 heads of state") has no passage
    that fits, unless the noun names one office holder ("Jang Se-yul, *head of* the
    organisation" for "Who heads the organisation …?"; ``names_a_holder``).
    """
    words = {pid: passage_words(snapshot, snapshot.passages[pid], query) for pid in passage_ids}
    verbs = _known_verbs(snapshot, focus.verbs)
    main = _known_verbs(snapshot, focus.main_verbs)
    tokens = {
        pid: snapshot.passages.passage_tokens(pid)
        for pid in dict.fromkeys([*passage_ids, *scanned])
    }
    uses = {
        verb: [verb_uses(*words, verb_forms([verb], snapshot.aliases)) for words in tokens.values()]
        for verb in main
    }
    required = [verb for verb, found in uses.items() if any(as_verb for as_verb, _ in found)]
    noun_only = (
        focus.question_type is QuestionType.WHO
        and any(as_noun for found in uses.values() for _, as_noun in found)
        and not required
    )
    offices = [verb for verb in main if verb in OFFICE_VERBS]
    holding = {pid for pid in words if any(names_a_holder(*tokens[pid], verb) for verb in offices)}
    if noun_only and not holding:
        return {
            pid: PassageReading(marked=w.marked, fits=False, sentences=tuple(w.sentences))
            for pid, w in words.items()
        }
    asks_place = focus.question_type in _PLACE_TYPES or bool(focus.located_in)
    places = snapshot.aliases.places if asks_place else frozenset()
    readings = {
        pid: judge_passage(w, query, focus, verbs, required, places) for pid, w in words.items()
    }
    if noun_only:  # only a passage naming the office's holder ("head of the board") can fit
        readings = {
            pid: reading if pid in holding else replace(reading, fits=False)
            for pid, reading in readings.items()
        }
    unnamed = speaker_unnamed(snapshot, focus, readings)
    return {
        pid: replace(reading, fits=False, mentions_speaker=False) if pid in unnamed else reading
        for pid, reading in readings.items()
    }


def speaker_unnamed(
    snapshot: Snapshot, focus: Focus, readings: dict[int, PassageReading]
) -> set[int]:
    """The passages whose article never names the asked speaker in full: every word of the
    name after the first ("Kim *Yo-jong*", "Pat *Ryder*") somewhere in the article or its
    title. A story names a person in full once and by one name after ("Kim", "Ryder"), so a
    passage on "Kim" in an article that only ever names Kim Jong Un is not Kim Yo-jong
    speaking. The first word is left out: a given name is spelt many ways ("Sergei",
    "Sergey")."""
    speaker = (focus.speaker or "").split()
    rest = [term for term in focus.speaker_terms[1:] if not term.startswith("~")]
    if (
        focus.question_type is not QuestionType.STATEMENT
        or not (rest and speaker)
        or not all(word[:1].isupper() for word in speaker)
    ):
        return set()
    named: dict[str, bool] = {}
    for pid in readings:
        article = snapshot.passages[pid].article_id
        if article not in named:
            terms = frozenset().union(*snapshot.article_sentence_terms(article))
            title = snapshot.title_words(article)
            named[article] = all(term in terms or title.has_any([term]) for term in rest)
    return {pid for pid in readings if not named[snapshot.passages[pid].article_id]}


def passage_words(snapshot: Snapshot, passage: Passage, query: Query) -> PassageWords:
    sentences = [
        snapshot.passages.sentence_words(s, snapshot.aliases)
        for s in range(*snapshot.passages.sentence_range(passage.id))
    ]
    weights = [_overlap_weight(snapshot, query, sentence) for sentence in sentences]
    return PassageWords(
        sentences,
        weights,
        lambda: _boundary_sentences(snapshot, passage),
        snapshot.title_words(passage.article_id),
    )


def judge_passage(
    words: PassageWords,
    query: Query,
    focus: Focus,
    known_verbs: Sequence[str],
    required_verbs: Sequence[str],
    places: frozenset[str],
) -> PassageReading:
    """Whether a passage's marked sentence (or its neighbour) fits the question's type and
    focus: from its sentences' words alone, so precomputed words can feed it. ``places`` are
    the alias concepts that name places."""
    sentences, weights, marked = words.sentences, words.weights, words.marked
    speaker_terms = focus.speaker_terms
    speech = focus.question_type is QuestionType.STATEMENT and speaks_throughout(
        words.title, speaker_terms
    )
    spoken = [speech and in_first_person(s) for s in sentences]
    mentions = [
        bool(speaker_terms) and (s.has_any(speaker_terms) or spoken[i])
        for i, s in enumerate(sentences)
    ]
    referred = (
        speaker_referred(sentences, speaker_terms) if speaker_terms else [False] * len(sentences)
    )
    as_verb = as_noun_only = False
    for sentence in sentences:
        verb, noun_only = verb_senses(sentence, known_verbs)
        as_verb |= verb
        as_noun_only |= noun_only
    noun_only = as_noun_only and not as_verb
    window = _window(len(sentences), marked, focus)
    held_verbs = with_verb_synonyms(query, required_verbs)
    candidates: list[tuple[int, int, SentenceWords]] = [(i, 0, sentences[i]) for i in window]
    holds_asked = not lacks(
        sentences, [sentences[i] for i in window], focus, required_verbs, words.title
    ) and not _lacks_shared_deed([sentences[i] for i in window], focus, query)

    def first_fit() -> tuple[int, int] | None:
        if not holds_asked:
            return None
        if not _window_has_focus([c[2] for c in candidates], focus, held_verbs, words.title):
            return None
        if focus.topic and not any(c[2].has_any(focus.topic) for c in candidates):
            return None
        for index, extend, sentence in candidates:
            speaker_before = referred[index] if extend == 0 else False
            own_words = spoken[index] if extend == 0 else speech and in_first_person(sentence)
            if (
                (
                    own_words
                    or sentence_fits(
                        sentence,
                        focus,
                        query.parts,
                        places,
                        speaker_before=speaker_before,
                        announced=announced_before(sentences, index, extend, speaker_terms),
                    )
                )
                and speaks_on_topic(sentences, index, extend, sentence, focus)
                and names_what_lasted(sentences, index, extend, sentence, focus)
            ):
                return index, extend
        return None

    fits_at = first_fit()
    if fits_at is None and marked in (0, len(sentences) - 1):
        previous, following = words.boundary()
        if marked == 0 and previous is not None:
            candidates.append((marked, -1, previous))
        if marked == len(sentences) - 1 and following is not None:
            candidates.append((marked, 1, following))
        fits_at = first_fit()
    if fits_at is not None and fits_at[1] == 0 and weights[fits_at[0]] > 0:
        marked = fits_at[0]
    return PassageReading(
        marked=marked,
        fits=fits_at is not None,
        extend=fits_at[1] if fits_at else 0,
        mentions_speaker=any(mentions),
        verb_as_noun_only=noun_only,
        holds_asked=holds_asked,
        sentences=tuple(sentences),
    )


def announced_before(
    sentences: Sequence[SentenceWords], index: int, extend: int, speaker_terms: Sequence[str]
) -> bool:
    """Whether the sentence before this candidate (the passage's last one for the sentence
    after the passage) announces the speaker's words to come (``announces_words``)."""
    before = index if extend == 1 else index - 1
    return (
        bool(speaker_terms)
        and extend >= 0
        and before >= 0
        and announces_words(sentences[before], speaker_terms)
    )


def with_verb_synonyms(query: Query, verbs: Sequence[str]) -> list[str]:
    """The question's verbs with the synonyms the search already looks for them as
    (``Query.related`` at ``VERB_SYNONYM_WEIGHT`` or more): a number or yes/no question's verb
    must be in the passage (``_window_has_focus``), and a paraphrase writes it otherwise: "How
    many troops did Pyongyang *dispatch*?" against "North Korea *sent* …". See docs/quality.md
    ("A question's verb is held through its synonyms")."""
    synonyms = [
        term
        for verb in verbs
        for term, weight in query.related.get(verb, {}).items()
        if weight >= VERB_SYNONYM_WEIGHT
    ]
    return list(dict.fromkeys([*verbs, *synonyms]))


VERB_SYNONYM_WEIGHT = 0.5
"""A WordNet synonym's weight (``bot.thesaurus.SYNONYM_WEIGHT``): broader words ("send" ->
"cause", 0.3) do not stand for the verb."""


def speaks_on_topic(
    sentences: Sequence[SentenceWords],
    index: int,
    extend: int,
    sentence: SentenceWords,
    focus: Focus,
) -> bool:
    """For "What did X say *about* Y?": the sentence where X speaks, or the next one carrying
    on X's words (a quotation running on, or X or "he" / "she" speaking again), names Y. A
    topic held only by another sentence of the passage is someone else's matter ("Gerasimov
    also claimed Russia had regained Kursk" next to an intelligence estimate of casualties does
    not tell what Gerasimov said about the casualties). A sentence that opens inside a
    quotation carries on the one before it, cut at the quotation's full stop: in "“We see an
    increase in the number of North Koreans … our partners. Unfortunately,” Zelensky said",
    what Zelensky said about North Koreans is in the sentence before his name."""
    if not (focus.topic and focus.speaker_terms) or sentence.has_any(focus.topic):
        return True
    if extend == 0 and index > 0 and sentence.quoted[:1] == (True,):
        before = sentences[index - 1]
        if before.quoted[-1:] == (True,) and before.has_any(focus.topic):
            return True
    following = index + 1
    if extend != 0 or following >= len(sentences):
        return False
    after = sentences[following]
    return after.has_any(focus.topic) and (
        any(sentence.quoted)
        or any(after.quoted)
        or statement_fits(after, focus.speaker_terms, True)
    )


def names_what_lasted(
    sentences: Sequence[SentenceWords],
    index: int,
    extend: int,
    sentence: SentenceWords,
    focus: Focus,
) -> bool:
    """For "How long did *the meeting* last?" (``Focus.lasted``): the duration's sentence
    names what lasted ("*The talks* lasted two hours"), or the sentence before it does ("*The
    summit* opened on Tuesday. It ended after three days."). The three-day summit is no answer
    on how long a meeting at it lasted."""
    if not focus.lasted or sentence.has_any(focus.lasted):
        return True
    return extend == 0 and index > 0 and sentences[index - 1].has_any(focus.lasted)


def lacks(
    passage: Sequence[SentenceWords],
    window: Sequence[SentenceWords],
    focus: Focus,
    main_verbs: Sequence[str],
    title: SentenceWords | None = None,
) -> bool:
    """Whether the passage lacks what limits the question, whatever its type: the source it
    names ("…, according to *Lloyd Austin*": neither the passage nor its article's ``title``
    names him), the place it puts a count or a fact in ("… captured *in Donetsk*?",
    ``Focus.placed_in``), the year or month it is limited to ("Where did Putin and Kim meet *in
    2019*?"), or, for a question about what happened, the event as a fact ("Which weapons
    *did* South Korea *send*?" against "it *may start sending* weapons")."""
    named = [*passage, title] if title is not None else passage
    if focus.source and not any(sentence.has_any(focus.source) for sentence in named):
        return True
    if any(not any(sentence.has_any(place) for sentence in named) for place in focus.placed_in):
        return True
    if focus.times and not holds_time(window, focus.times):
        return True
    if focus.days and dates_other_days(window, focus.days):
        return True
    if focus.weekdays and dates_other_weekdays(window, focus.weekdays):
        return True
    if any(not any(s.has_any(actor) for s in window) for actor in focus.actors):
        return True
    return focus.past and bool(main_verbs) and only_possible(window, main_verbs)


def _lacks_shared_deed(window: Sequence[SentenceWords], focus: Focus, query: Query) -> bool:
    """Whether the window says nothing of what one named side did with or to another
    (``Focus.shared``): neither the verb, nor a word the search relates to it as strongly
    ("discussed", "discussions", "agreement"), nor the noun the question asks for ("*gifted*"
    for "What *gifts* did Putin give Kim?")."""
    if not focus.shared:
        return False
    deed = [*with_verb_synonyms(query, focus.shared), *map(stem, focus.which_words)]
    return not any(sentence.has_any(deed) for sentence in window)


_PLACE_TYPES = frozenset({QuestionType.WHERE, QuestionType.WHO})


def _window(count: int, marked: int, focus: Focus) -> list[int]:
    """The marked sentence, then its neighbours; every sentence for a statement, and for a
    number question that names what it counts (or its measure), every sentence after the
    neighbours: a figure tied to the thing counted answers wherever it stands in the passage
    ("How many journalists gathered for Putin's press conference in Kazan?" is marked at the
    sentence naming the press conference in Kazan; "about 300 journalists ... gathered" is two
    sentences before it). See docs/quality.md ("A counted figure anywhere in the passage")."""
    if focus.question_type is QuestionType.STATEMENT:
        return [marked, *[i for i in range(count) if i != marked]]
    near = [i for i in (marked, marked - 1, marked + 1) if 0 <= i < count]
    if focus.question_type is QuestionType.NUMBER and (focus.counted or focus.shape):
        return [*near, *[i for i in range(count) if i not in near]]
    return near


def _window_has_focus(
    window: Sequence[SentenceWords],
    focus: Focus,
    known_verbs: Sequence[str],
    title: SentenceWords | None = None,
) -> bool:
    """The question's own focus is there, for a number or yes/no question: a verb it asks
    about (when the candidates use that verb as a verb) and the named things it asks about:
    the first (its subject, as in "Did *China* send troops?") and half of all (two thirds
    were asked before round eight: "How many events were held across Russia to prepare the
    meeting in *Tatarstan*?" is answered by a passage on Russia that names Kazan instead).

    A name the article's ``title`` holds is held by every passage of it: under the headline
    "North Korea ratifies defence pact with Russia", a paragraph on "the pact" that says
    "Pyongyang" or "the North" is still about North Korea. See docs/quality.md ("The
    headline's names are held by every passage")."""
    kind = focus.question_type

    def held(names: Sequence[str]) -> list[str]:
        return [
            name
            for name in names
            if (title is not None and title.has_any([name]))
            or any(s.has_any([name]) for s in window)
        ]

    if (
        kind in _VERB_TYPES
        and known_verbs
        and not any(verb_senses(sentence, known_verbs)[0] for sentence in window)
    ):
        return False
    if kind in _VERB_TYPES and focus.names:
        found = held(focus.names)
        if focus.names[0] not in found or len(found) < math.ceil(len(focus.names) / 2):
            return False
    if kind is QuestionType.STATEMENT:
        others = [name for name in focus.names if name not in focus.speaker_terms]
        if len(others) >= STATEMENT_NAMES and len(held(others)) < math.ceil(len(others) / 2):
            return False
    return True


STATEMENT_NAMES = 2
"""How many named things besides its speaker a statement question must name before half of
them are required of the passage: "What did Rodong Sinmun say about the *BRICS* summit in
*Kazan*?" is not answered by its report on the treaty; one name is often a qualifier the
passage words otherwise ("photos showing *Kim's* soldiers": "North Korean troop movements")."""


_VERB_TYPES = frozenset({QuestionType.NUMBER, QuestionType.YESNO})
"""Types whose answer must hold the question's verb: "how many were *captured*" is not
answered by a count of soldiers sent; "did China *send* troops" not by China's position."""


def _speaker_described(
    snapshot: Snapshot, focus: Focus, readings: Iterable[PassageReading]
) -> bool:
    """Whether the articles can hold what a speaker described by what they are and where
    from said: for an office ("the Brazilian president"), the articles name an office holder
    of that place anywhere (a passage may then name them without the title); for anything
    else ("a US outlet", "Pyongyang's state news agency"), and for an office whose holder the
    articles never name with its place (a page from the speaker's own country writes
    "President Ramaphosa ... South Africa's ties"), a candidate passage names them so.
    Only a description that names a place is held to (``Focus.speaker_places``): "the
    columnist", "the summit's host", "the lawmaker" are named by name on the page, or are its
    own writer, and their description is rarely written out (docs/quality.md, "Only a
    description that names a place is held to")."""
    if focus.speaker_role == OFFICE_ROLE:
        if any(place in snapshot.office_holders for place in focus.speaker_places):
            return True
        return any(
            names_a_titled_holder(sentence, focus.speaker_role, focus.speaker_places)
            for reading in readings
            for sentence in reading.sentences
        )
    return any(
        describes_speaker(sentence, focus.speaker_role, focus.speaker_places)
        for reading in readings
        for sentence in reading.sentences
    )


def _known_verbs(snapshot: Snapshot, verbs: Sequence[str]) -> list[str]:
    """The question's verbs that the articles use at all, with their synonym concepts."""
    known: list[str] = []
    for verb in verbs:
        concepts = [concept for concept, _, _ in snapshot.aliases.find([verb])]
        if verb in snapshot.index.vocabulary or concepts:
            known.extend([verb, *concepts])
    return known


_PERSON = "person"
"""What "people" counts one of: WordNet keeps "people" as a lemma of its own (a nation, a
group), not as the plural of "person", so "How many *people* were named?" would not count "nine
*individuals*"."""


def with_counted_synonyms(focus: Focus, thesaurus: Thesaurus) -> Focus:
    """The focus with the one-word WordNet synonyms of the noun a "how many" question counts
    (``Focus.counted_as``): a paraphrase counts the thing in other words ("How many *envoys*
    came?" against "40 *emissaries* arrived"), also in a rarer sense of the noun or by the
    broader word ("How many *stands* will the fair have?" against "450 *booths*"; "How many
    *guns*" against "100 long-range *weapons*"; ``Thesaurus.nouns_near``), and by the words
    the learned lexicon gives it ("How many *travellers* …?" against "1,000 *tourists*";
    ``bot.lexicon``). See docs/quality.md ("The thing counted in other words", "The thing
    counted in its learned words")."""
    noun = focus.counted_noun
    if noun is None:
        return focus
    kin = [*thesaurus.one_word_synonyms(noun, through_phrases=True), *thesaurus.nouns_near(noun)]
    if noun.casefold() == "people":
        kin += thesaurus.one_word_synonyms(_PERSON)
    synonyms = [stem(word) for word in kin] + list(learned().get(stem(noun), ()))
    offices = [term for counted in focus.counted for term in same_office(counted)]
    counted_as = [term for term in dict.fromkeys(offices + synonyms) if term not in focus.counted]
    return replace(focus, counted_as=tuple(counted_as))


def _boundary_sentences(
    snapshot: Snapshot, passage: Passage
) -> tuple[SentenceWords | None, SentenceWords | None]:
    """The previous passage's last sentence and the next passage's first, same article."""
    found: list[SentenceWords | None] = []
    for other_id, last_one in ((passage.id - 1, True), (passage.id + 1, False)):
        other = snapshot.passages[other_id] if 0 <= other_id < len(snapshot.passages) else None
        if other is None or other.article_id != passage.article_id or other.caption:
            found.append(None)
            continue
        first, last = snapshot.passages.sentence_range(other_id)
        sentence_id = last - 1 if last_one else first
        found.append(snapshot.passages.sentence_words(sentence_id, snapshot.aliases))
    return found[0], found[1]


def _overlap_weight(snapshot: Snapshot, query: Query, sentence: SentenceWords) -> float:
    """The IDF weight of the question's terms the sentence shares (each term once); a part it
    lacks counts by its best related term held (``Query.related``), at that term's weight.
    Summed exactly (``math.fsum``): a plain sum over a set depends on the set's order, which
    changes with the process's hash seed, and two sentences of equal weight then swapped which
    one was marked from one run to the next."""
    held = content_terms(sentence)
    shared = set(query.all_terms).intersection(held)
    weights = [snapshot.index.term_idf(term) for term in shared]
    for part, related in query.related.items():
        if part in query.shapes or part not in held:
            weights.append(
                max(
                    (w * snapshot.index.term_idf(t) for t, w in related.items() if t in held),
                    default=0.0,
                )
            )
    return math.fsum(weights)


def retrieve(snapshot: Snapshot, query: Query) -> tuple[Query, list[tuple[int, float]]] | None:
    """The question's best candidates (by BM25 and coverage), found with its related terms;
    or, when their best passage is not relevant enough to quote, with its own words alone: related terms may add an answer, not take one away (round four's
    "Since when is the Putin–Kim *meeting* …" was declined when "meeting" -> "gathering"
    lifted a passage naming nothing else the question asks to the top). The gate is tried on
    the first ``GATE_DEPTH`` candidates in order; those before the first relevant one are
    dropped. None: not relevant either way. The query returned is the one the candidates were
    found with."""
    own = snapshot.index.scores(query.all_terms)
    plain = replace(
        query, related={part: t for part, t in query.related.items() if part in query.shapes}
    )
    tries = [query, plain] if plain.related != query.related else [query]
    for tried in tries:
        bm25 = search(snapshot, tried, own)
        ranked = best_of(bm25 * _coverage_boost(snapshot, tried), CANDIDATES)
        for position, (pid, _) in enumerate(ranked[:GATE_DEPTH]):
            if is_relevant(snapshot, tried, (pid, float(bm25[pid]))):
                return tried, ranked[position:]
    return None


GATE_DEPTH = 2
"""How many of the best candidates the relevance gate may try, in order: the best passage by
BM25 and coverage may hold one part of the question many times and too few of its parts, while
the next holds more (round eight's "Who handed the floor to the British broadcaster's
correspondent?"). The candidates before the first that passes are not quoted. Measured at 2, 3
and 5 on the dev sets (the same figures); see docs/quality.md ("The gate tries the next
candidate")."""


def search(snapshot: Snapshot, query: Query, own: np.ndarray | None = None) -> np.ndarray:
    """BM25 of every passage for the question's terms (``own``, when already scored); where a
    passage lacks a part of the question but holds a term related to it (``bot.thesaurus``),
    that term's BM25 at its lower weight counts for the part instead (the best of them, never
    added to the part)."""
    index = snapshot.index
    result = index.scores(query.all_terms) if own is None else own.copy()
    for part, related in query.related.items():
        if related:
            best = index.best_scores(related)
            held = None if part in query.shapes else index.postings(part)
            if held is not None:  # where the part itself is held, the better of the two counts
                best[held[0]] = np.maximum(best[held[0]] - held[1], 0.0)
            result += best
    return result


def prefer_fitting(
    ranked: Sequence[tuple[int, float]], readings: dict[int, PassageReading]
) -> list[tuple[int, float]]:
    """The read passages rescored: one whose marked sentence fits the question counts
    ``FIT_BOOST`` times its score, one where the question's verb is only a noun
    ``NOUN_SENSE_FACTOR`` times; best first. Only passages above the passage floor (before
    rescoring) take part, so a weak passage is not quoted just because it fits."""

    def rescored(item: tuple[int, float]) -> float:
        reading = readings[item[0]]
        factor = FIT_BOOST if reading.fits else 1.0
        return item[1] * factor * (NOUN_SENSE_FACTOR if reading.verb_as_noun_only else 1.0)

    floor = ranked[0][1] * PASSAGE_FLOOR
    fitting_floor = ranked[0][1] * FITTING_FLOOR
    read = [
        (pid, rescored((pid, score)))
        for pid, score in ranked
        if pid in readings and (score >= floor or (readings[pid].fits and score >= fitting_floor))
    ]
    return sorted(read, key=lambda item: (-item[1], item[0]))


def missing_parts(
    focus: Focus, readings: Sequence[PassageReading], unused: Sequence[str] = ()
) -> list[str]:
    """What the quoted passages lack of what the question asks: its kind of answer, and the
    question's words the articles never use (``unused_main_verbs``), unless the question is
    yes/no and the first quoted passage may answer "no" in its own words (``says_no``: "Did
    Kyiv accept …?" against "Kyiv rejected …"). An open question for a
    kind of place within a named city ("*At which* airport did Shoigu land *in Pyongyang*?",
    ``Focus.located_in``) lacks the place when no quoted passage gives a finer one."""
    if unused and not (
        focus.question_type is QuestionType.YESNO and readings and says_no(readings[0].sentences)
    ):
        return [focus.question_type.value, *unused]
    if focus.question_type is QuestionType.OPEN and readings and not readings[0].holds_asked:
        return [focus.question_type.value]  # an open question's first quote lacks what limits it
    if any(r.fits for r in readings):
        return []
    if focus.question_type is QuestionType.OPEN:
        return ["where"] if focus.located_in else []
    if focus.question_type is QuestionType.STATEMENT:
        return [f"statement by {focus.speaker}"] if focus.speaker else []
    return [focus.question_type.value]


def figures(
    focus: Focus, query: Query, quotes: Sequence[Quote], readings: Sequence[PassageReading]
) -> list[Figure]:
    """The figures the quoted passages give for what was counted, when they differ. Only for
    an answer that holds the figure asked for: when the passages lack it ("How many soldiers
    were *captured*?" against passages that count soldiers *sent*), their figures count
    something else, and listing them would answer another question."""
    if focus.question_type is not QuestionType.NUMBER:
        return []
    anchors = list(focus.shape or focus.counted or query.parts)
    found: list[Figure] = []
    for quote, reading in zip(quotes, readings, strict=True):
        outlet = quote.article.publisher or quote.article.title
        for words in reading.sentences:
            for position, figure in figures_in(words, anchors):
                found.append(
                    Figure(figure=figure, source=source_of(words, position), outlet=outlet)
                )
    unique = list(dict.fromkeys(found))
    return unique if len({figure.figure for figure in unique}) > 1 else []


def _known(snapshot: Snapshot, word: str) -> bool:
    """A word the search knows as it is: an index term, or a word of an alias name."""
    word_stem = stem(word)
    return word_stem in snapshot.index.vocabulary or snapshot.aliases.names_stem(word_stem)


def _coverage_boost(snapshot: Snapshot, query: Query) -> np.ndarray:
    """A part of the question counts as covered where it, or a term related to it, is."""
    parts = set(query.parts)
    groups = [query.alternatives(part) for part in parts]
    covered = snapshot.index.coverage_of(groups) / max(1, len(parts))
    return 1.0 + COVERAGE_WEIGHT * covered


def is_relevant(snapshot: Snapshot, query: Query, best: tuple[int, float]) -> bool:
    """Whether the best passage answers enough of the question to be quoted at all."""
    passage_id, score = best
    parts = set(query.parts)
    held = snapshot.passage_terms(passage_id)
    shared = math.fsum(
        max((w for term, w in query.alternatives(part).items() if term in held), default=0.0)
        for part in parts - _broken_compounds(query, held)
    )
    return relevance(snapshot, query, score) >= RELEVANCE_THRESHOLD and shared >= min(
        MIN_SHARED_PARTS, len(parts)
    )


def _broken_compounds(query: Query, held: Collection[str]) -> set[str]:
    """The words of the question's compounds that a passage holds without the rest: "What is
    the boiling point of water at sea level?" shares nothing with "134 points" and "the highest
    level" (see ``bot.thesaurus.compounds_in``)."""
    return {
        term
        for compound in query.compounds
        if not all(term in held for term in compound)
        for term in compound
    }


def relevance(snapshot: Snapshot, query: Query, best_score: float) -> float:
    """How much of the question the best passage answers, about 0 (nothing) to 1 (all of it).

    A BM25 term with tf=1 in a passage of average length scores its IDF, so the best score
    over the summed IDF of the question's own terms is a soft share of the question found.
    Unknown words count at the IDF of a word in no passage: they are what makes a question
    off-topic ("capital of Australia"). A name with aliases counts once, by its concept term.
    """
    total = sum(_part_weight(snapshot, query, part) for part in query.parts)
    return best_score / total if total > 0 else 0.0


def _part_weight(snapshot: Snapshot, query: Query, part: str) -> float:
    """A part's weight in ``relevance``: its IDF; for a shape (``Query.shapes``), that of its
    commonest unit the articles use (what a passage holding one scores at least), or, when
    they use none, that of a word in no passage."""
    index = snapshot.index
    if part not in query.shapes:
        return index.weight_of(part)
    held = [
        index.weight_of(unit) for unit in query.related.get(part, {}) if unit in index.vocabulary
    ]
    return min(held, default=index.unseen_idf())


def doing_it_first(
    chosen: Sequence[tuple[int, float]], readings: dict[int, PassageReading]
) -> list[tuple[int, float]]:
    """The passages of a question on what two sides did together (``Focus.shared``) with
    those saying they did it first, each in its order, the scores kept in place (they stay
    decreasing down the answer): "What did New Delhi and Beijing agree on …?" quotes first the
    passage on the two countries "reaching an agreement", not a better-scored one on their
    leaders' meeting. (Done for every open question, any limit a passage holds, it answered
    five more near-topic questions and found one more answer.)"""
    order = sorted(chosen, key=lambda item: not readings[item[0]].holds_asked)
    return [(pid, score) for (pid, _), (_, score) in zip(order, chosen, strict=True)]


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


def _quote(snapshot: Snapshot, passage: Passage, score: float, reading: PassageReading) -> Quote:
    """The passage as quoted: its marked sentence highlighted, a boundary sentence taken along."""
    shown = _extended(snapshot, passage, reading.extend)
    sentence = passage.sentences[reading.marked]
    return Quote(
        passage=shown,
        article=snapshot.articles[passage.article_id],
        score=score,
        highlight=(sentence.start - shown.start, sentence.end - shown.start),
    )


def _extended(snapshot: Snapshot, passage: Passage, extend: int) -> Passage:
    """The passage with the neighbouring passage's boundary sentence taken along."""
    if extend == 0:
        return passage
    other = snapshot.passages[passage.id + extend]
    article = snapshot.articles[passage.article_id]
    if extend < 0:
        sentences = (other.sentences[-1], *passage.sentences)
    else:
        sentences = (*passage.sentences, other.sentences[0])
    start, end = sentences[0].start, sentences[-1].end
    return replace(passage, start=start, end=end, text=article.text[start:end], sentences=sentences)
