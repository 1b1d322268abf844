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
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bot.articles import Article
from bot.passages import Sentence
from bot.timeline.clauses import is_dateline, own_date
from bot.timeline.dates import DateMention, When, dates_in_sentences
from bot.timeline.labels import label
from bot.timeline.reference import (
    Conflict,
    DatedReports,
    Found,
    ReadSentence,
    Reference,
    dateline_day,
    dice,
    find_own_reference,
    find_reference,
)
from bot.tokens import document_terms, parse_query, terms

if TYPE_CHECKING:
    from bot.snapshot import Snapshot

DEFAULT_LIMIT = 15
MAX_EVENT_CHARS = 220
"""Sentences longer than this are cut to the clauses around their date."""
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
    """The label: who did what and the date phrase, cut from the sentence (``labels``)."""
    start: int
    end: int
    caption: bool = False
    expected: bool = False
    inference: Reference | None = None
    """How an undated article's date was read (through another article or a weekday)."""

    @property
    def inferred_via(self) -> Article | None:
        """The dated article the date was read through, if any."""
        return self.inference.via if self.inference else None

    @property
    def inferred(self) -> bool:
        return self.inference is not None


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
    def inference(self) -> Reference | None:
        """How the entry's date was inferred, or None when a dated report gives it directly."""
        if any(mention.inference is None for mention in self.mentions):
            return None
        return self.lead.inference

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
    conflicts: tuple[Conflict, ...] = ()
    """Undated articles whose anchors disagree, so that nothing was inferred for them."""

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
    same_as: tuple[str, int] | None = None
    """(article id, sentence start) of a dated sentence found to report the same event."""

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
    found = _all_events(snapshot)
    events = found.events
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
        unplaced=found.unplaced,
        version=snapshot.version,
        conflicts=found.conflicts,
    )


# --- finding ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    events: tuple[TimelineEvent, ...]
    unplaced: int
    conflicts: tuple[Conflict, ...]


_events_by_snapshot: weakref.WeakKeyDictionary[Snapshot, _Found] = weakref.WeakKeyDictionary()
_events_lock = threading.Lock()


def _all_events(snapshot: Snapshot) -> _Found:
    """Every event of ``snapshot``, the unplaced dates and the conflicts, once per snapshot.

    A snapshot never changes, so its events do not either; the cache lets a snapshot go when
    the knowledge base drops it after a reload.
    """
    with _events_lock:
        cached = _events_by_snapshot.get(snapshot)
    if cached is None:
        candidates, unplaced, conflicts = _find_candidates(snapshot)
        cached = _Found(tuple(_merge(candidates)), unplaced, conflicts)
        with _events_lock:
            _events_by_snapshot[snapshot] = cached
    return cached


def sentence_spans(snapshot: Snapshot, article: Article) -> list[Sentence]:
    """The article's sentences, split once when the snapshot was built."""
    return list(snapshot.article_sentences(article.id))


def read_sentences(
    article: Article, spans: list[Sentence], published: date | None, *, estimated: bool = False
) -> list[ReadSentence]:
    """The article's sentences (``spans``) with their dates read from ``published`` (None:
    undated), an ``estimated`` reference day when the article was dated by inference."""
    texts = [article.text[span.start : span.end] for span in spans]
    found = dates_in_sentences(texts, published, estimated=estimated)
    return [
        ReadSentence(span.start, span.end, text, tuple(dates))
        for span, text, dates in zip(spans, texts, found, strict=True)
    ]


def _read_dated(article: Article, spans: list[Sentence]) -> list[ReadSentence]:
    """The article's sentences read from its publication date, or from its dateline's day when
    that differs ("MOSCOW, Nov 10 (Reuters): …" in a page dated November 11)."""
    sentences = read_sentences(article, spans, article.published)
    if article.published is None:
        return sentences
    filed = dateline_day(sentences)
    if filed is None or filed == article.published:
        return sentences
    return read_sentences(article, spans, filed)


def _find_candidates(
    snapshot: Snapshot,
) -> tuple[list[_Candidate], int, tuple[Conflict, ...]]:
    """Every sentence with a date of its own, the unresolved dates and the conflicts.

    Dated articles are read from their publication date; an undated one from the reference day
    found through the dated ones (``reference``), else only for its absolute dates.
    """
    articles = list(snapshot.articles.values())
    spans = {article.id: sentence_spans(snapshot, article) for article in articles}
    read = {article.id: _read_dated(article, spans[article.id]) for article in articles}
    undated = [article for article in articles if article.published is None]
    references: dict[str, Reference] = {}
    conflicts: list[Conflict] = []

    def settle(article: Article, found: Found) -> None:
        if isinstance(found, Reference):
            references[article.id] = found
            read[article.id] = read_sentences(
                article, spans[article.id], found.day, estimated=found.inferred
            )
        elif isinstance(found, Conflict):
            conflicts.append(found)

    for article in undated:
        settle(article, find_own_reference(article, read[article.id]))
    dated = DatedReports(
        [(a, read[a.id]) for a in articles if a.published is not None or a.id in references]
    )
    settled = {conflict.article.id for conflict in conflicts} | set(references)
    for article in undated:
        if article.id not in settled:
            settle(article, find_reference(article, read[article.id], dated))
    candidates: list[_Candidate] = []
    unplaced = 0
    for number, article in enumerate(articles):
        reference = references.get(article.id)
        for sentence in read[article.id]:
            unplaced += sum(1 for date in sentence.dates if date.when is None)
            candidate = _candidate(article, number, sentence, reference)
            if candidate is not None:
                candidates.append(candidate)
    return candidates, unplaced, tuple(conflicts)


def _candidate(
    article: Article, number: int, sentence: ReadSentence, reference: Reference | None
) -> _Candidate | None:
    """The sentence as one event under its own date, or None when it has no dated event."""
    dates = [date for date in sentence.dates if not is_dateline(sentence.text, date)]
    date = own_date(sentence.text, _finest(dates))
    if date is None or date.when is None:
        return None
    if _other_words(sentence.text, date) < MIN_OTHER_WORDS:
        return None
    inferred = reference if reference and reference.inferred and date.relative else None
    mention = Mention(
        article=article,
        text=event_text(sentence.text, date),
        date_text=date.text,
        short=label(sentence.text, date),
        start=sentence.start,
        end=sentence.end,
        caption=_in_caption(article, sentence.start),
        expected=date.expected,
        inference=inferred,
    )
    text = sentence.text
    words = frozenset(terms(text[: date.start] + " " + text[date.end :]))
    same_as = None
    if reference is not None:
        same_as = next(
            (
                (anchor.via.id, anchor.dated_start)
                for anchor in reference.anchors
                if anchor.sentence_start == sentence.start
                and anchor.via is not None
                and anchor.dated_start is not None
            ),
            None,
        )
    return _Candidate(mention, date, (number, sentence.start), words, same_as)


def _finest(dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence without those that cover a finer one ("2024" and "24 Oct 2024")."""
    return [
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
        if _linked(candidate, group):
            return group
        score = max(dice(candidate.words, member.words) for member in group)
        if score >= best_score:
            best, best_score = group, score
    return best


def _linked(candidate: _Candidate, group: list[_Candidate]) -> bool:
    """An anchor found the candidate and a member of ``group`` to report the same event."""
    key = (candidate.mention.article.id, candidate.mention.start)
    return any(
        member.same_as == key
        or candidate.same_as == (member.mention.article.id, member.mention.start)
        for member in group
    )


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
    aliases = snapshot.aliases
    query = parse_query(topic, aliases)
    wanted = set(query.all_terms)
    found = {
        (passage.article_id, sentence.start)
        for passage, _ in snapshot.search(topic, k=len(snapshot.passages))
        for sentence in passage.sentences
    }

    def share(mention: Mention) -> float:
        if (mention.article.id, mention.start) not in found:
            return 0.0
        sentence = mention.article.text[mention.start : mention.end]
        terms = _sentence_terms(snapshot, mention, sentence)
        quoted = terms if mention.text == sentence else document_terms(mention.text, aliases)
        if not wanted.intersection(quoted):
            return 0.0
        return sum(snapshot.index.term_idf(term) for term in wanted.intersection(terms))

    shares = [max(share(mention) for mention in event.mentions) for event in events]
    floor = RELEVANT_FRACTION * max(shares, default=0.0)
    return [value if value > 0 and value >= floor else 0.0 for value in shares]


def _sentence_terms(snapshot: Snapshot, mention: Mention, sentence: str) -> frozenset[str]:
    """The index terms of the mention's sentence, as read at build (a sentence the timeline
    found is one the snapshot split); read here only for a sentence the snapshot does not have."""
    stored = snapshot.sentence_terms_at(mention.article.id, mention.start, mention.end)
    return stored if stored is not None else frozenset(document_terms(sentence, snapshot.aliases))


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
