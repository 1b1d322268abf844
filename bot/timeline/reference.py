"""The day an undated article's relative dates are read from: its own words, or other articles.

An undated article is first dated from its own text, if it can be:

- a dateline ("KYIV, Ukraine, Nov. 5, 2024 — …") is its date (and a dated article's dateline is
  the day its story was filed, which its relative dates are read from);
- a month and day whose weekday it names fixes the year when only one year fits: among the five
  years from the latest year the article writes ("the 2024 BRICS Summit", "in 2014"), a month
  and day falls on a given weekday at most once. The weekday is named with the date ("Thursday,
  October 24") or for the same event elsewhere in the article ("… accused NATO … on October 24.
  The Russian president made the remarks at a press conference …" and the caption "Putin gives a
  press conference … in Kazan … on Thursday"): two reports, each a sentence with the one after
  it, that pass the same-event test below.

Otherwise it is read through other articles: it names the day of an event it reports ("On
Thursday, Putin acknowledged …", "On October 24, Putin held a press conference …") that a dated
article (one with a publication date, or dated from its own text as above) reports with a full
date. When the two sentences report the same event (at least ``ANCHOR_NAMES`` named things in
common and a Dice similarity of their terms of at least ``ANCHOR_SIMILARITY``, or the same
quotation of ``QUOTE_WORDS`` words), and the dated one falls on the weekday or the month and
day the undated one names, that is an *anchor*: the undated article was written on or after
that day, within a week for a weekday ("on Thursday" means the latest Thursday) and within a
year for a month and day.

The reference day is the earliest day every anchor allows. When the anchors allow no common day
(two anchors disagree) nothing is inferred and the article's relative dates stay out, with the
reason. Dates read this way are marked inferred, with the article they came through; the
reference day is never shown as the article's publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.articles import Article
from bot.timeline.clauses import is_dateline
from bot.timeline.dates import DateMention, Precision, Tense, tense
from bot.tokens import terms

ANCHOR_SIMILARITY = 0.3
"""Dice similarity of two sentences' terms (dates left out) for them to report one event."""
ANCHOR_NAMES = 3
"""Named things (capitalised words, dates aside) two sentences must share to report one event."""
QUOTE_WORDS = 5
"""Words in a row of a quotation that, shared, make two sentences report one event."""
WEEKDAY_WINDOW = 6
"""Days after a weekday an article can still call it "on Thursday"."""
MONTH_DAY_WINDOW = 364
"""Days after a month and day an article can still write it without a year."""
DATELINE_SENTENCES = 3
"""A dateline opens the story: one of its first sentences (a subtitle may come before it)."""
WEEKDAY_YEARS = 5
"""Years searched for a month and day on a given weekday; one date repeats at most once in 5."""

_NAME = re.compile(r"\b[A-Z][\w\u2019'-]+")
_DATE_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})  # fmt: skip
_POSSESSIVE = re.compile(r"['\u2019]s$")
_WRITTEN_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,]*\d)")
_QUOTE = re.compile(r"[\u201c\"]([^\u201d\"]+)[\u201d\"]")


@dataclass(frozen=True)
class ReadSentence:
    """One sentence of an article, where it is, and the dates found in it."""

    start: int
    end: int
    text: str
    dates: tuple[DateMention, ...]


@dataclass(frozen=True)
class Anchor:
    """An undated article's sentence naming a day that a dated article's sentence dates."""

    day: date
    window: tuple[date, date]
    """The days the undated article can have been written on."""
    via: Article | None
    sentence_start: int
    dated_start: int | None = None
    """Where the dated article's sentence starts (None for a weekday-year anchor)."""
    written: str = ""


@dataclass(frozen=True)
class Reference:
    """The day an undated article's relative dates are read from, and how it was found."""

    day: date
    via: Article | None
    anchors: tuple[Anchor, ...] = ()
    dateline: bool = False

    @property
    def inferred(self) -> bool:
        """Read through another article or a weekday, not printed in the article itself."""
        return not self.dateline


@dataclass(frozen=True)
class Conflict:
    """Two anchors of one article that allow no common day: ``earlier`` ends before ``later``
    starts."""

    article: Article
    earlier: Anchor
    later: Anchor


Found = Reference | Conflict | None
"""What dating an undated article gives: a reference day, a conflict, or nothing."""


@dataclass(frozen=True)
class _Report:
    """A sentence with what the same-event test compares: its names, terms and quotations."""

    sentence: ReadSentence
    date: DateMention
    names: frozenset[str]
    terms: frozenset[str]
    quotes: frozenset[tuple[str, ...]]

    @classmethod
    def of(
        cls, sentence: ReadSentence, mention: DateMention, following: ReadSentence | None = None
    ) -> _Report:
        """The report of ``sentence`` (dates left out), with ``following`` when it continues."""
        text = sentence.text[: mention.start] + " " + sentence.text[mention.end :]
        if following is not None:
            text += " " + following.text
        return cls(sentence, mention, _names(text), frozenset(terms(text)), _quote_shingles(text))


class DatedReports:
    """The day-precise dates of the dated articles, by weekday and by month and day.

    Built once per snapshot, so that an undated article's "on Thursday" is compared only with
    the dated reports of Thursdays.
    """

    def __init__(self, dated: Sequence[tuple[Article, Sequence[ReadSentence]]]) -> None:
        self._by_key: dict[tuple[str, int, int], list[tuple[Article, _Report, date]]] = {}
        for article, sentences in dated:
            for sentence in sentences:
                for mention in sentence.dates:
                    day = _day_of(mention)
                    if day is None:
                        continue
                    report = _Report.of(sentence, mention)
                    for key in (("weekday", day.weekday(), 0), ("day", day.month, day.day)):
                        self._by_key.setdefault(key, []).append((article, report, day))

    def fitting(self, mention: DateMention) -> list[tuple[Article, _Report, date]]:
        """The dated reports on a day ``mention`` can name (its weekday, its month and day)."""
        if mention.month_day is not None:
            found = self._by_key.get(("day", *mention.month_day), [])
        elif mention.weekday is not None:
            found = self._by_key.get(("weekday", mention.weekday, 0), [])
        else:
            return []
        return [entry for entry in found if _fits(mention, entry[2])]


def find_own_reference(article: Article, sentences: Sequence[ReadSentence]) -> Found:
    """The undated ``article``'s date from its own text: its dateline, or a weekday that fixes
    the year of a month and day. None when its text cannot date it."""
    if (day := dateline_day(sentences)) is not None:
        return Reference(day, None, dateline=True)
    return _settle(article, _weekday_year_anchors(sentences))


def find_reference(
    article: Article, sentences: Sequence[ReadSentence], dated: DatedReports
) -> Found:
    """The reference day of the undated ``article`` through the ``dated`` reports of others.

    ``sentences`` are its sentences read without a publication date. None when no dated
    article reports one of its events on a day it names.
    """
    anchors = [
        anchor
        for sentence in sentences
        for mention in sentence.dates
        if (anchor := _anchor(sentence, mention, dated)) is not None
    ]
    return _settle(article, anchors)


def _settle(article: Article, anchors: Sequence[Anchor]) -> Found:
    """The earliest day every anchor allows, a conflict when none does, None without anchors."""
    if not anchors:
        return None
    start = max(anchor.window[0] for anchor in anchors)
    end = min(anchor.window[1] for anchor in anchors)
    if start > end:
        return Conflict(
            article,
            min(anchors, key=lambda anchor: anchor.window[1]),
            max(anchors, key=lambda anchor: anchor.window[0]),
        )
    binding = max(anchors, key=lambda anchor: anchor.window[0])
    return Reference(start, binding.via, tuple(anchors))


def dateline_day(sentences: Sequence[ReadSentence]) -> date | None:
    """The day of a dateline opening one of the first ``DATELINE_SENTENCES`` sentences."""
    for sentence in sentences[:DATELINE_SENTENCES]:
        for mention in sentence.dates:
            day = _day_of(mention)
            if day is not None and is_dateline(sentence.text, mention):
                return day
    return None


def _anchor(sentence: ReadSentence, mention: DateMention, dated: DatedReports) -> Anchor | None:
    if mention.when is not None or (mention.weekday is None and mention.month_day is None):
        return None
    candidates = dated.fitting(mention)
    report = _Report.of(sentence, mention) if candidates else None
    best: tuple[float, Article, _Report, date] | None = None
    for other_article, other, day in candidates:
        score = same_event(report, other) if report else 0.0
        if score and (best is None or score > best[0]):
            best = (score, other_article, other, day)
    if best is None:
        return None
    _, other_article, other, day = best
    length = MONTH_DAY_WINDOW if mention.month_day else WEEKDAY_WINDOW
    window = (day, day + timedelta(days=length))
    return Anchor(day, window, other_article, sentence.start, other.sentence.start, mention.text)


def _day_of(mention: DateMention) -> date | None:
    if mention.when is None or mention.when.precision is not Precision.DAY:
        return None
    return mention.when.start


def _fits(mention: DateMention, day: date) -> bool:
    if mention.weekday is not None and day.weekday() != mention.weekday:
        return False
    return mention.month_day is None or (day.month, day.day) == mention.month_day


def same_event(first: _Report, second: _Report) -> float:
    """How surely two reports are of one event: their similarity, or 0 when they are not."""
    if first.quotes & second.quotes:
        return 1.0
    if len(first.names & second.names) < ANCHOR_NAMES:
        return 0.0
    score = dice(first.terms, second.terms)
    return score if score >= ANCHOR_SIMILARITY else 0.0


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    """Dice coefficient of two term sets: 2|A∩B| / (|A|+|B|)."""
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _names(text: str) -> frozenset[str]:
    names = (_POSSESSIVE.sub("", name).lower() for name in _NAME.findall(text))
    return frozenset(name for name in names if name not in _DATE_WORDS)


def _quote_shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of ``QUOTE_WORDS`` words inside the text's quotation marks."""
    found: set[tuple[str, ...]] = set()
    for quote in _QUOTE.findall(text):
        words = re.findall(r"\w+", quote.lower())
        found.update(tuple(words[i : i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1))
    return frozenset(found)


def _weekday_year_anchors(sentences: Sequence[ReadSentence]) -> list[Anchor]:
    """Anchors from a month and day whose weekday the article names for the same event."""
    first_year = _latest_year_written(sentences)
    if first_year is None:
        return []
    yearless = [
        (index, mention)
        for index, sentence in enumerate(sentences)
        for mention in sentence.dates
        if mention.when is None and mention.month_day is not None
    ]
    weekdays = [
        (index, mention)
        for index, sentence in enumerate(sentences)
        for mention in sentence.dates
        if mention.when is None and mention.weekday is not None and mention.month_day is None
    ]
    anchors: list[Anchor] = []
    for index, mention in yearless:
        if mention.weekday is not None:
            day = _only_year(mention.month_day, mention.weekday, first_year)
            if day is not None:
                window = (day, day + timedelta(days=MONTH_DAY_WINDOW))
                anchors.append(
                    Anchor(day, window, None, sentences[index].start, None, mention.text)
                )
            continue
        paired = _same_event_weekday(sentences, index, mention, weekdays)
        if paired is not None:
            day = _only_year(mention.month_day, paired.weekday, first_year)
            if day is not None:
                window = (day, day + timedelta(days=WEEKDAY_WINDOW))
                written = f"{mention.text} … {paired.text}"
                anchors.append(Anchor(day, window, None, sentences[index].start, None, written))
    return anchors


def _same_event_weekday(
    sentences: Sequence[ReadSentence],
    index: int,
    mention: DateMention,
    weekdays: Sequence[tuple[int, DateMention]],
) -> DateMention | None:
    """The weekday the article names for the same event as ``mention``, if one report fits best.

    The same sentence names it, or a report (a sentence with the one after it) that passes the
    same-event test with the report of ``mention``.
    """
    same_sentence = [weekday for where, weekday in weekdays if where == index]
    if same_sentence:
        return same_sentence[0]
    report = _Report.of(sentences[index], mention, _after(sentences, index))
    best: tuple[float, DateMention] | None = None
    for where, weekday in weekdays:
        other = _Report.of(sentences[where], weekday, _after(sentences, where))
        score = same_event(report, other)
        if score and (best is None or score > best[0]):
            best = (score, weekday)
    return best[1] if best else None


def _after(sentences: Sequence[ReadSentence], index: int) -> ReadSentence | None:
    return sentences[index + 1] if index + 1 < len(sentences) else None


def _latest_year_written(sentences: Sequence[ReadSentence]) -> int | None:
    """The latest year the article writes outside a clause about the future ("the 2024 BRICS
    Summit", "annexed in 2014"; not "by 2030")."""
    years = [
        int(match.group())
        for sentence in sentences
        for match in _WRITTEN_YEAR.finditer(sentence.text)
        if tense(sentence.text, match.start()) is not Tense.FUTURE
    ]
    return max(years, default=None)


def _only_year(month_day: tuple[int, int] | None, weekday: int | None, first: int) -> date | None:
    """The one day of ``month_day`` on ``weekday`` in the five years from ``first``, if any."""
    if month_day is None or weekday is None:
        return None
    month, day = month_day
    fitting = []
    for year in range(first, first + WEEKDAY_YEARS):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            fitting.append(candidate)
    return fitting[0] if len(fitting) == 1 else None
