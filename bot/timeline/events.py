"""Dated events from the articles: found, placed, merged across articles, filtered, ordered.

An event is one sentence of an article that carries a resolvable date, quoted verbatim (or the
clauses around the date, with an ellipsis where the sentence is cut). The same event reported by
several articles (same date, similar wording) becomes one entry that cites all of them.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.articles import Article
from bot.passages import split_sentences
from bot.timeline.dates import DateMention, Precision, When, dates_in_sentences
from bot.tokens import document_terms, parse_query, terms

if TYPE_CHECKING:
    from bot.knowledge_base import Snapshot

DEFAULT_LIMIT = 15
MAX_EVENT_CHARS = 220
"""Sentences longer than this are cut to the clauses around their date."""
SHORT_EVENT_CHARS = 58
"""A label's length: the words around the date, for pictures and tight spaces."""
MIN_OTHER_WORDS = 3
"""A sentence with fewer words besides its date (a dateline) is not an event."""
SAME_EVENT_SIMILARITY = 0.5
"""Dice coefficient of two sentences' terms (dates left out) above which they report one event."""
RELEVANT_FRACTION = 0.5
"""With a topic, an event stays when its quote carries this fraction of the best one's share."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class Mention:
    """One article's sentence about an event."""

    article: Article
    text: str
    date_text: str
    short: str
    """A label of about ``SHORT_EVENT_CHARS``: the words around the date, verbatim."""
    start: int
    end: int
    caption: bool = False
    expected: bool = False
    inferred_via: Article | None = None
    """The dated article through which this undated article's date was read."""


@dataclass(frozen=True)
class TimelineEvent:
    """A dated entry of the timeline; ``text`` quotes its first mention."""

    when: When
    mentions: tuple[Mention, ...]

    @property
    def lead(self) -> Mention:
        return self.mentions[0]

    @property
    def text(self) -> str:
        return self.lead.text

    @property
    def date_text(self) -> str:
        return self.lead.date_text

    @property
    def date(self) -> str:
        return self.when.iso()

    @property
    def expected(self) -> bool:
        """Every report of it speaks of the future."""
        return all(mention.expected for mention in self.mentions)

    @property
    def articles(self) -> tuple[Article, ...]:
        """The articles that report it, each once, in the order of the mentions."""
        return tuple({mention.article.id: mention.article for mention in self.mentions}.values())


@dataclass(frozen=True)
class Timeline:
    """Events in chronological order, at most ``limit`` of them; ``more`` were left out."""

    topic: str | None
    events: tuple[TimelineEvent, ...]
    more: int = 0
    unplaced: int = 0
    """Dates found in articles without a publication date that could not be resolved."""
    version: str = ""

    @property
    def total(self) -> int:
        return len(self.events) + self.more


@dataclass(frozen=True)
class _Candidate:
    """A sentence with one resolved (or still yearless) date, before merging."""

    mention: Mention
    date: DateMention
    order: tuple[int, int]
    words: frozenset[str] = field(compare=False)

    @property
    def when(self) -> When | None:
        return self.date.when


def build_timeline(
    snapshot: Snapshot, topic: str | None = None, limit: int | None = DEFAULT_LIMIT
) -> Timeline:
    """The timeline of ``snapshot``, or of the events relevant to ``topic``.

    ``limit`` caps the entries (None: no cap). When it cuts, the events reported by the most
    articles are kept first, then the most relevant to the topic, then the latest; what is
    kept is shown in chronological order.
    """
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    topic = topic.strip() if topic and topic.strip() else None
    events, unplaced = _all_events(snapshot)
    if topic:
        scored = [
            (event, score)
            for event, score in zip(events, _relevance(snapshot, topic, events), strict=True)
            if score > 0
        ]
    else:
        scored = [(event, 0.0) for event in events]
    kept = _most_important(scored, limit)
    return Timeline(
        topic=topic,
        events=tuple(chronological(kept)),
        more=len(scored) - len(kept),
        unplaced=unplaced,
        version=snapshot.version,
    )


# --- finding ---------------------------------------------------------------------------------

_events_by_snapshot: weakref.WeakKeyDictionary[Snapshot, tuple[tuple[TimelineEvent, ...], int]] = (
    weakref.WeakKeyDictionary()
)
_events_lock = threading.Lock()


def _all_events(snapshot: Snapshot) -> tuple[tuple[TimelineEvent, ...], int]:
    """Every event of ``snapshot`` and the count of unplaced dates, computed once per snapshot.

    A snapshot never changes, so its events do not either; the cache lets a snapshot go when
    the knowledge base drops it after a reload.
    """
    with _events_lock:
        cached = _events_by_snapshot.get(snapshot)
    if cached is None:
        candidates, unplaced = _find_candidates(snapshot.articles.values())
        cached = (tuple(_merge(_place_yearless(candidates))), unplaced)
        with _events_lock:
            _events_by_snapshot[snapshot] = cached
    return cached


def _find_candidates(articles: Iterable[Article]) -> tuple[list[_Candidate], int]:
    """Every dated sentence of ``articles``, and how many dates could not be resolved."""
    candidates: list[_Candidate] = []
    unplaced = 0
    for number, article in enumerate(articles):
        spans = split_sentences(article.text)
        sentences = [article.text[span.start : span.end] for span in spans]
        for span, sentence, found in zip(
            spans, sentences, dates_in_sentences(sentences, article.published), strict=True
        ):
            usable = _usable(sentence, found)
            unplaced += sum(1 for date in found if date.when is None and date.month_day is None)
            for date in usable:
                mention = Mention(
                    article=article,
                    text=event_text(sentence, date),
                    date_text=date.text,
                    short=short_text(sentence, date),
                    start=span.start,
                    end=span.end,
                    caption=_in_caption(article, span.start),
                    expected=date.expected,
                )
                words = frozenset(terms(sentence[: date.start] + " " + sentence[date.end :]))
                candidates.append(_Candidate(mention, date, (number, span.start), words))
    return candidates, unplaced


def _usable(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence worth an event: placed or placeable, the finest of nested ones."""
    dates = [date for date in found if date.when is not None or date.month_day is not None]
    finest = [
        date
        for date in dates
        if not any(
            other is not date
            and other.when is not None
            and date.when is not None
            and date.when.covers(other.when)
            and (date.when != other.when or other.start < date.start)
            for other in dates
        )
    ]
    return [date for date in finest if _other_words(sentence, date) >= MIN_OTHER_WORDS]


def _other_words(sentence: str, date: DateMention) -> int:
    return len(re.findall(r"[^\W\d_]+", sentence[: date.start] + " " + sentence[date.end :]))


def _in_caption(article: Article, position: int) -> bool:
    return any(start <= position < end for start, end in article.captions)


# --- the quoted text -------------------------------------------------------------------------

_CLAUSE_BOUNDARY = re.compile(
    r"\s+[\u2014\u2013]\s+|\s+--\s+|;\s+|,\s+|\s+(?=(?:which|but|although|while|whereas)\s)"
)


def event_text(sentence: str, date: DateMention, limit: int = MAX_EVENT_CHARS) -> str:
    """The sentence itself, or, when longer than ``limit``, the clauses around the date.

    Clauses are added before the date's clause first (they usually name who acted), then
    after it, while the quote stays within ``limit``; a clause longer than ``limit`` on its own
    is cut to the words around the date. Each cut end gets an ellipsis.
    """
    if len(sentence) <= limit:
        return sentence
    clauses = _clauses(sentence)
    first = last = next(
        index for index, (start, end) in enumerate(clauses) if start <= date.start < end
    )
    while True:
        if first > 0 and clauses[last][1] - clauses[first - 1][0] <= limit:
            first -= 1
        elif last < len(clauses) - 1 and clauses[last + 1][1] - clauses[first][0] <= limit:
            last += 1
        else:
            break
    start, end = clauses[first][0], max(clauses[last][1], date.end)
    if end - start > limit:
        start, end = _words_around(sentence, date, limit)
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(sentence) else ""
    return head + sentence[start:end] + tail


def short_text(sentence: str, date: DateMention, limit: int = SHORT_EVENT_CHARS) -> str:
    """A label: the whole words around the date, within ``limit``, ellipses where cut."""
    if len(sentence) <= limit:
        return sentence
    start, end = _words_around(sentence, date, limit)
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(sentence) else ""
    return head + sentence[start:end].strip(" ,;:\u2014\u2013") + tail


def _words_around(sentence: str, date: DateMention, limit: int) -> tuple[int, int]:
    """The widest run of whole words holding the date within ``limit`` characters.

    The room is shared evenly before and after the date; what one side cannot use (the date
    is near the start or the end) goes to the other.
    """
    room = max(0, limit - (date.end - date.start))
    before = min(room // 2, date.start)
    after = min(room - before, len(sentence) - date.end)
    before = min(room - after, date.start)
    start, end = date.start - before, date.end + after
    if start > 0:
        start = sentence.find(" ", start, date.start) + 1 or date.start
    if end < len(sentence):
        cut = sentence.rfind(" ", date.end, end + 1)
        end = cut if cut > 0 else date.end
    return start, end


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause, separators left between them."""
    spans, start = [], 0
    for boundary in _CLAUSE_BOUNDARY.finditer(sentence):
        if boundary.start() > start:
            spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(sentence)))
    return spans


# --- placing and merging ---------------------------------------------------------------------


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Dice coefficient of two term sets: 2|A∩B| / (|A|+|B|)."""
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _place_yearless(candidates: list[_Candidate]) -> list[_Candidate]:
    """Give a yearless day ("October 24" in an undated article) the year of the same event.

    The same event is a day-precise candidate of another article with that month and day and
    similar wording. Once one "October 24" of an article is placed, its other "October 24"s
    are the same day. A day that stays yearless is dropped, since it cannot be ordered.
    """
    placed = [candidate for candidate in candidates if candidate.when is not None]
    waiting = [candidate for candidate in candidates if candidate.date.month_day is not None]
    days: dict[tuple[str, tuple[int, int]], When] = {}
    for candidate in waiting:
        match = _best_match(candidate, placed)
        if match is not None and match.when is not None:
            days[_article_day(candidate)] = match.when
    for candidate in waiting:
        when = days.get(_article_day(candidate))
        if when is not None:
            placed.append(replace(candidate, date=replace(candidate.date, when=when)))
    return placed


def _article_day(candidate: _Candidate) -> tuple[str, tuple[int, int]]:
    return (candidate.mention.article.id, candidate.date.month_day or (0, 0))


def _best_match(candidate: _Candidate, placed: list[_Candidate]) -> _Candidate | None:
    month, day = candidate.date.month_day or (0, 0)
    scored = [
        (similarity(candidate.words, other.words), other)
        for other in placed
        if other.when is not None
        and other.mention.article.id != candidate.mention.article.id
        and (other.when.start.month, other.when.start.day) == (month, day)
        and other.when.precision is Precision.DAY
    ]
    scored = [(score, other) for score, other in scored if score >= SAME_EVENT_SIMILARITY]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _merge(candidates: list[_Candidate]) -> list[TimelineEvent]:
    """Group candidates of the same date and similar wording into one event per group.

    A group takes at most one body sentence per article, so that two events one article tells
    apart stay apart; a photo caption may join its own article's group, as captions repeat the
    text. Body sentences are grouped before captions, so that a body sentence leads.
    """
    groups: list[list[_Candidate]] = []
    ordered = sorted(candidates, key=lambda c: (c.mention.caption, c.order, c.date.start))
    for candidate in ordered:
        group = _group_for(candidate, groups)
        if group is None:
            groups.append([candidate])
        else:
            group.append(candidate)
    return [
        TimelineEvent(when=group[0].when, mentions=tuple(c.mention for c in group))
        for group in groups
        if group[0].when is not None
    ]


def _group_for(candidate: _Candidate, groups: list[list[_Candidate]]) -> list[_Candidate] | None:
    best, best_score = None, SAME_EVENT_SIMILARITY
    for group in groups:
        if group[0].when != candidate.when:
            continue
        articles = {member.mention.article.id for member in group}
        if candidate.mention.article.id in articles and not candidate.mention.caption:
            continue
        score = max(similarity(candidate.words, member.words) for member in group)
        if score >= best_score:
            best, best_score = group, score
    return best


# --- topic, cap and order --------------------------------------------------------------------


def _relevance(snapshot: Snapshot, topic: str, events: Sequence[TimelineEvent]) -> list[float]:
    """How much of ``topic`` each event's quoted text carries; 0 for unrelated events.

    Retrieval is ``snapshot.search`` (the BM25 and aliases of ``ask``): only sentences of the
    passages it returns count. Within them, as ``ask`` marks its best sentence, a sentence's
    share is the IDF weight of the topic's terms and alias concepts it contains, provided the
    quoted (possibly trimmed) text shows at least one of them; events under
    ``RELEVANT_FRACTION`` of the best event's share are dropped, so that a topic keeps the
    events about it rather than every event near a common word.
    """
    query = parse_query(topic, snapshot.aliases)
    wanted = set(query.all_terms)
    found = {
        (passage.article_id, sentence.start)
        for passage, _ in snapshot.search(topic, k=len(snapshot.passages))
        for sentence in passage.sentences
    }

    def share(mention: Mention) -> float:
        if (mention.article.id, mention.start) not in found:
            return 0.0
        if not wanted.intersection(document_terms(mention.text, snapshot.aliases)):
            return 0.0
        sentence = mention.article.text[mention.start : mention.end]
        shared = wanted.intersection(document_terms(sentence, snapshot.aliases))
        return sum(snapshot.index.term_idf(term) for term in shared)

    shares = [max(share(mention) for mention in event.mentions) for event in events]
    floor = RELEVANT_FRACTION * max(shares, default=0.0)
    return [value if value > 0 and value >= floor else 0.0 for value in shares]


def _most_important(
    scored: list[tuple[TimelineEvent, float]], limit: int | None
) -> list[TimelineEvent]:
    """The ``limit`` events reported by most articles, then most relevant, then latest."""
    if limit is not None and len(scored) > limit:
        scored = sorted(
            scored, key=lambda pair: (-len(pair[0].articles), -pair[1], _ordinal(pair[0].when))
        )[:limit]
    return [event for event, _ in scored]


def _ordinal(when: When) -> tuple[int, int]:
    """Latest first when sorted ascending."""
    start, coarseness = when.sort_key()
    return (-start.toordinal(), -coarseness)


def chronological(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """By date (a coarser period first when they start together), then by where they were read:
    the first article in the knowledge base's order, then the place in that article."""
    return sorted(events, key=lambda event: (event.when.sort_key(), _place(event)))


def _place(event: TimelineEvent) -> tuple[str, int]:
    return (event.lead.article.path, event.lead.start)
