"""Find temporal expressions in a sentence and resolve them against the article's publication date.

Resolution never looks at today's date: a weekday, a month without a year, "last week" or "the
previous day" are read from the date the article was published (or from the day the story is
about, for "the previous day"). The precision the text gives is kept: "in 2014" is a year,
"in June" a month, "on Thursday" a day, "last week" a week. An article without a publication
date keeps only what is absolute; a day without a year ("October 24") is returned unplaced, with
its month and day, so that the timeline can place it when a dated article reports the same event.

python-dateutil reads the dates themselves (month names, abbreviations, ordinals) and does the
calendar arithmetic (``relativedelta``); the rules here only decide which period a phrase means.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"


class Precision(StrEnum):
    """How much of a date the text gives, coarsest last."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


_COARSENESS = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


@dataclass(frozen=True)
class When:
    """A period on the timeline, named by its first day and its precision.

    A week starts on its Monday; it is written as that Monday's date ("week of 2024-10-14").
    """

    start: date
    precision: Precision

    @property
    def end(self) -> date:
        """The last day of the period."""
        length = {
            Precision.DAY: relativedelta(days=1),
            Precision.WEEK: relativedelta(weeks=1),
            Precision.MONTH: relativedelta(months=1),
            Precision.YEAR: relativedelta(years=1),
        }[self.precision]
        return self.start + length - timedelta(days=1)

    def iso(self) -> str:
        """ "YYYY" for a year, "YYYY-MM" for a month, "YYYY-MM-DD" for a day or a week's Monday."""
        if self.precision is Precision.YEAR:
            return f"{self.start.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def label(self) -> str:
        """Short human form: "24 Oct 2024", "week of 14 Oct 2024", "Jun 2024", "2014"."""
        if self.precision is Precision.YEAR:
            return str(self.start.year)
        if self.precision is Precision.MONTH:
            return self.start.strftime("%b %Y")
        day = f"{self.start.day} {self.start.strftime('%b %Y')}"
        return f"week of {day}" if self.precision is Precision.WEEK else day

    def sort_key(self) -> tuple[date, int]:
        """Chronological by first day; at the same first day the coarser period comes first."""
        return (self.start, -_COARSENESS[self.precision])

    def covers(self, other: When) -> bool:
        return self.start <= other.start and other.end <= self.end

    @classmethod
    def day(cls, value: date) -> When:
        return cls(value, Precision.DAY)

    @classmethod
    def week(cls, value: date) -> When:
        return cls(value - timedelta(days=value.weekday()), Precision.WEEK)

    @classmethod
    def month(cls, year: int, month: int) -> When:
        return cls(date(year, month, 1), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> When:
        return cls(date(year, 1, 1), Precision.YEAR)


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a sentence.

    ``start``/``end`` index into the sentence. ``when`` is None when the expression cannot be
    resolved (a relative one in an undated article); ``month_day`` is set for a day written
    without a year that could not be placed. ``expected`` marks a statement about the future.
    """

    start: int
    end: int
    text: str
    when: When | None
    expected: bool = False
    month_day: tuple[int, int] | None = None
    relative: bool = False
    weekday: int | None = None
    """The weekday named (0 is Monday) when the expression is "on Thursday", "Thursday" or
    "Thursday, October 24" read as a past or present day; None for "last"/"next" or the future."""

    @property
    def resolved(self) -> bool:
        return self.when is not None


# --- the words -------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_WEEKDAY_RULES = (MO, TU, WE, TH, FR, SA, SU)
_YEAR = r"(?:19|20)\d\d(?!,*\d|s\b|-\d|%)"
r"""A year, not the start of a longer number ("2020,000"): the same as ``(?![\d,]*\d)``, but it
reads only the commas after the year rather than a whole run of digits and commas."""
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_PHASE = r"(?i:(?:the\s+)?(?:early|late|mid)[\s-]+)"
_PREPOSITION = (
    r"(?i:in|on|at|during|by|since|until|till|from|through|throughout|before|after|around"
    r"|as\s+of|as\s+early\s+as|as\s+late\s+as)"
)
"""The words around a date match in any case ("In June" opens a sentence); month and weekday
names do not ("may" is a verb)."""
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_QUANTITY = r"(?i:\d{1,3}|" + "|".join(_NUMBERS) + ")"
UPCOMING_DAYS = 45
"""How far ahead a yearless date with no tense is still read as coming, not as last year's."""
_HOLIDAY_WORDS = frozenset({"good", "black", "bloody", "super", "ash", "palm", "cyber", "holy"})


def _verbose(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


_FULL_DATE = _verbose(
    rf"""(?:\b{_PREPOSITION}\s+)?(?:\b(?P<weekday>{_WEEKDAY}),?\s+)?(?i:the\s+)?
    (?: \b(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})\b(?:,?\s+(?P<md_year>{_YEAR}))?
      | \b(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?![a-z])(?:,?\s+(?P<dm_year>{_YEAR}))?
    )(?![\d:])"""
)
_ISO_DATE = _verbose(r"(?:\b" + _PREPOSITION + r"\s+)?\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")
_MONTH_YEAR = _verbose(
    rf"(?:\b{_PREPOSITION}\s+)?{_PHASE}?\b(?P<month>{_MONTH})(?![a-z]),?\s+(?P<year>{_YEAR})"
)
_MONTH_OF_YEAR = _verbose(
    rf"""(?:\b{_PREPOSITION}\s+)?{_PHASE}?\b(?P<month>{_MONTH})(?![a-z])\s+(?i:of\s+)?
    (?P<which>(?i:last|this|next))\s+(?i:year)\b"""
)
_MONTH_ALONE = _verbose(
    rf"""(?:\b(?P<prep>{_PREPOSITION}|(?i:last|this|next|of))\s+{_PHASE}?|\b{_PHASE})
    (?P<month>{_MONTH})(?![a-z])(?!\s+(?:\d|{_MONTH}))"""
)
_YEARS = _verbose(
    rf"""(?:\b(?:{_PREPOSITION}|(?i:for))\s+{_PHASE}?|\b{_PHASE})(?P<first>{_YEAR})
    (?P<more>(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to)\s+){_YEAR})*)"""
)
_WEEKDAY_PHRASE = _verbose(
    rf"(?:\b(?P<modifier>(?i:last|this|next|on))\s+)?\b(?P<weekday>{_WEEKDAY})\b"
)
_NEIGHBOUR_DAY = _verbose(
    r"""(?i)\b(?:(?:the\s+)?(?P<before>previous|preceding)\s+day|the\s+day\s+(?P<before2>before)
    |a\s+day\s+(?P<before3>earlier|before)|(?:the\s+)?(?P<after>following|next)\s+day
    |the\s+day\s+(?P<after2>after)|a\s+day\s+(?P<after3>later))\b""",
)
_DEICTIC_DAY = _verbose(r"(?i)\b(?P<word>yesterday|today|tomorrow)\b")
_PERIOD = _verbose(
    r"(?i)\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b"
)
_AGO = _verbose(rf"(?i)\b(?P<count>{_QUANTITY})\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|at|during)\s+", re.IGNORECASE)


# --- tense around an expression --------------------------------------------------------------

_FUTURE_WORDS = frozenset({
    "will", "would", "could", "shall", "might", "may", "expected", "expects", "expect",
    "anticipated", "anticipates", "scheduled", "plans", "planned", "planning", "intends",
    "aims", "upcoming", "coming", "next", "going", "'ll",
})  # fmt: skip
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "has", "have", "been", "previous", "previously",
    "ago", "since", "earlier", "already", "former", "formerly", "originally", "once",
    "said", "told", "met", "went", "came", "took", "gave", "held", "began", "saw", "made",
    "led", "won", "lost", "left", "sent", "spoke", "wrote", "became", "brought", "thought",
    "found", "kept", "paid", "stood", "ran", "fought", "fell", "rose", "struck", "flew",
})  # fmt: skip
_PASSIVE_BE = frozenset({"be", "being"})
_CLAUSE_BREAK = re.compile(r"[;:()\u201c\u201d\"\u2014\u2013]|,\s|\.\s")
_WORD = re.compile(r"[A-Za-z']+")
_SPACE = re.compile(r"\s")


def tense(sentence: str, position: int) -> Tense | None:
    """The tense the words before ``position`` in its clause give it, or None when none do.

    The nearest tense marker wins: "could rise to 10,000 by December" is future, "following
    previous trips in 2019" is past although the sentence says "would" further back. A
    participle after "be" is passive, not past: "will be held on October 22" is future.
    """
    window = max(0, position - TENSE_WINDOW_CHARS)
    if window:  # from a word's start, not from inside one
        window = next((m.end() for m in _SPACE.finditer(sentence, window, position)), position)
    breaks = _CLAUSE_BREAK.finditer(sentence, window, position)
    clause_start = max((m.end() for m in breaks), default=window)
    before = [word.lower() for word in _WORD.findall(sentence[clause_start:position])]
    after = [word.lower() for word in _WORD.findall(_clause_after(sentence, position))]
    return _first_tense(before[::-1], backwards=True) or _first_tense(after, backwards=False)


def _first_tense(words: list[str], *, backwards: bool) -> Tense | None:
    """The first marker in ``words`` (in scan order; ``backwards`` when read from the date)."""
    for i, word in enumerate(words):
        if word in _FUTURE_WORDS:
            return Tense.FUTURE
        if word in _PAST_WORDS or (word.endswith("ed") and len(word) > 3):
            neighbour = i + 1 if backwards else i - 1
            preceding = words[neighbour] if 0 <= neighbour < len(words) else ""
            if preceding in _PASSIVE_BE:
                continue
            return Tense.PAST
    return None


def _clause_after(sentence: str, position: int) -> str:
    """The rest of the clause from ``position``, past the date expression's own words."""
    rest = sentence[position : position + TENSE_WINDOW_CHARS]
    end = _CLAUSE_BREAK.search(rest)
    return rest[: end.start()] if end else rest


def is_future(sentence: str, position: int) -> bool:
    """Whether the words before ``position`` in its clause put it in the future."""
    return tense(sentence, position) is Tense.FUTURE


def _inside_quotation(sentence: str, position: int) -> bool:
    before = sentence[:position]
    opened, closed = before.rfind("\u201c"), before.rfind("\u201d")
    if opened > closed:
        return True
    return before.count('"') % 2 == 1


# --- resolution rules ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """What one match means: a period, or only a month and day still lacking a year."""

    when: When | None
    relative: bool
    month_day: tuple[int, int] | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class _Setting:
    sentence: str
    published: date | None
    narrative_day: date | None
    tense: Tense | None
    estimated: bool = False
    """``published`` is a day the article reports, estimated, not its publication day."""

    @property
    def future(self) -> bool:
        return self.tense is Tense.FUTURE


def _parse(text: str) -> date | None:
    """A calendar date from a written one ("Sept. 3 2024"); None when the day does not exist."""
    try:
        return date_parser.parse(text, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _year_for(written: tuple[int, int], setting: _Setting, modifier: str = "") -> int | None:
    """The year of a (month, day) written without one, seen from the publication date.

    Past statements mean the latest such date on or before publication, future ones the next on
    or after it: a "December" in a January article is last December unless it is still to come.
    "last"/"next" exclude the publication's own month or day. With no tense either way, news
    reports the past unless the date is only days ahead ("Voting begins November 5" in an
    October article): the next one within ``UPCOMING_DAYS``, else the latest before. A day of 0
    stands for a whole month, compared by its first day.
    """
    published = setting.published
    if published is None:
        return None
    now = (published.month, published.day if written[1] else 0)
    if modifier not in ("last", "next") and setting.tense is None:
        return _year_without_tense(written, published)
    future = modifier == "next" or (modifier != "last" and setting.future)
    strictly = modifier in ("last", "next")
    if future:
        ahead = written > now or (written == now and not strictly)
        return published.year if ahead else published.year + 1
    behind = written < now or (written == now and not strictly)
    return published.year if behind else published.year - 1


def _year_without_tense(written: tuple[int, int], published: date) -> int:
    month, day = written
    for year in (published.year, published.year + 1):
        with suppress(ValueError):  # 29 February in a common year
            if 0 < (date(year, month, day or 1) - published).days <= UPCOMING_DAYS:
                return year
    return published.year if written <= (published.month, published.day) else published.year - 1


def _read_full_date(match: re.Match[str], setting: _Setting) -> _Reading | None:
    month_text = match["md_month"] or match["dm_month"]
    day_text = match["md_day"] or match["dm_day"]
    year_text = match["md_year"] or match["dm_year"]
    parsed = _parse(f"{month_text} {day_text} {year_text or 2000}")
    if parsed is None:
        return None
    weekday = _WEEKDAYS.index(match["weekday"]) if match["weekday"] else None
    if year_text:
        return _Reading(When.day(parsed), relative=False, weekday=weekday)
    year = _year_for((parsed.month, parsed.day), setting)
    if year is None:
        return _Reading(None, True, month_day=(parsed.month, parsed.day), weekday=weekday)
    try:
        return _Reading(When.day(parsed.replace(year=year)), relative=True, weekday=weekday)
    except ValueError:
        return None


def _read_iso_date(match: re.Match[str], setting: _Setting) -> _Reading | None:
    try:
        return _Reading(When.day(date.fromisoformat(match["iso"])), relative=False)
    except ValueError:
        return None


def _read_month_year(match: re.Match[str], setting: _Setting) -> _Reading | None:
    parsed = _parse(f"{match['month']} 1 {match['year']}")
    return _Reading(When.month(parsed.year, parsed.month), relative=False) if parsed else None


def _read_month_of_year(match: re.Match[str], setting: _Setting) -> _Reading | None:
    """ "since August last year": that month of the year before publication."""
    parsed = _parse(f"{match['month']} 1 2000")
    if parsed is None:
        return None
    if setting.published is None:
        return _Reading(None, relative=True)
    step = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    return _Reading(When.month(setting.published.year + step, parsed.month), relative=True)


def _read_month_alone(match: re.Match[str], setting: _Setting) -> _Reading | None:
    parsed = _parse(f"{match['month']} 1 2000")
    if parsed is None:
        return None
    year = _year_for((parsed.month, 0), setting, (match["prep"] or "").lower())
    return _Reading(None if year is None else When.month(year, parsed.month), relative=True)


def _read_years(match: re.Match[str], setting: _Setting) -> _Reading | None:
    return _Reading(When.year(int(match["first"])), relative=False)


def _read_weekday(match: re.Match[str], setting: _Setting) -> _Reading | None:
    published = setting.published
    weekday = _WEEKDAYS.index(match["weekday"])
    modifier = (match["modifier"] or "").lower()
    if published is None:
        plain = modifier in ("", "on") and not setting.future
        return _Reading(None, relative=True, weekday=weekday if plain else None)
    rule = _WEEKDAY_RULES[weekday]
    if modifier == "next":
        start = published + relativedelta(days=1, weekday=rule(+1))
    elif modifier != "last" and setting.future:
        start = published + relativedelta(weekday=rule(+1))
    elif modifier == "last":
        start = published + relativedelta(days=-1, weekday=rule(-1))
    elif setting.estimated:
        start = _nearest(published, rule)
    else:
        start = published + relativedelta(weekday=rule(-1))
    return _Reading(When.day(start), relative=True)


def _nearest(day: date, rule: relativedelta) -> date:
    """The weekday nearest ``day``, three days either side: an estimated reference day is a
    day the article reports, and it names the days around it ("On Wednesday", "said Friday")."""
    before = day + relativedelta(weekday=rule(-1))
    after = day + relativedelta(weekday=rule(+1))
    return before if (day - before) <= (after - day) else after


def _read_neighbour_day(match: re.Match[str], setting: _Setting) -> _Reading | None:
    anchor = setting.narrative_day or setting.published
    if anchor is None:
        return _Reading(None, relative=True)
    earlier = match["before"] or match["before2"] or match["before3"]
    return _Reading(When.day(anchor + timedelta(days=-1 if earlier else 1)), relative=True)


def _read_deictic_day(match: re.Match[str], setting: _Setting) -> _Reading | None:
    if _inside_quotation(setting.sentence, match.start()):
        return None
    if setting.published is None:
        return _Reading(None, relative=True)
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match["word"].lower()]
    return _Reading(When.day(setting.published + timedelta(days=shift)), relative=True)


def _read_period(match: re.Match[str], setting: _Setting) -> _Reading | None:
    if _inside_quotation(setting.sentence, match.start()):
        return None
    if setting.published is None:
        return _Reading(None, relative=True)
    step = {"last": -1, "this": 0, "next": 1}[match["which"].lower()]
    return _Reading(_shifted_period(setting.published, match["unit"].lower(), step), relative=True)


def _read_ago(match: re.Match[str], setting: _Setting) -> _Reading | None:
    if setting.published is None:
        return _Reading(None, relative=True)
    count_text = match["count"].lower()
    count = _NUMBERS[count_text] if count_text in _NUMBERS else int(count_text)
    unit = match["unit"].lower()
    if unit == "day":
        return _Reading(When.day(setting.published - timedelta(days=count)), relative=True)
    return _Reading(_shifted_period(setting.published, unit, -count), relative=True)


def _shifted_period(published: date, unit: str, step: int) -> When:
    """The week, month or year ``step`` units away from the one containing ``published``."""
    if unit == "week":
        return When.week(published + timedelta(weeks=step))
    if unit == "month":
        shifted = published + relativedelta(months=step)
        return When.month(shifted.year, shifted.month)
    return When.year(published.year + step)


_Reader = Callable[[re.Match[str], _Setting], _Reading | None]

# Most specific first: a later pattern never claims text an earlier one matched. "The previous
# day" comes last so that a day named earlier in the same sentence can anchor it.
_RULES: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (_ISO_DATE, _read_iso_date),
    (_FULL_DATE, _read_full_date),
    (_MONTH_YEAR, _read_month_year),
    (_MONTH_OF_YEAR, _read_month_of_year),
    (_MONTH_ALONE, _read_month_alone),
    (_YEARS, _read_years),
    (_WEEKDAY_PHRASE, _read_weekday),
    (_DEICTIC_DAY, _read_deictic_day),
    (_PERIOD, _read_period),
    (_AGO, _read_ago),
    (_NEIGHBOUR_DAY, _read_neighbour_day),
)


# --- finding ---------------------------------------------------------------------------------


MAX_SENTENCE_CHARS = 1_000
"""Dates are read in the first thousand characters of a sentence. Each date found is compared
with the ones before it, so the work grows with the square of a sentence's dates; a "sentence"
longer than this is a list or a table, not prose (crafted text of 100 KB with a date every few
characters would otherwise take minutes)."""
MAX_DATES_PER_SENTENCE = 20
"""A sentence's dates are read until this many are found (prose has a handful at most)."""
TENSE_WINDOW_CHARS = 200
"""How far ``tense`` reads from a date for a tense marker, within its clause."""


def find_dates(
    sentence: str,
    published: date | None,
    narrative_day: date | None = None,
    *,
    estimated: bool = False,
) -> list[DateMention]:
    """Every temporal expression of ``sentence``, in order, resolved where it can be.

    Only the first ``MAX_SENTENCE_CHARS`` of ``sentence`` are read, and only until
    ``MAX_DATES_PER_SENTENCE`` dates are found.

    ``narrative_day`` is the day the story was last about (for "the previous day"); without it
    the publication date stands in. ``estimated``: ``published`` is a reference day inferred
    for an undated article, a day it reports rather than its publication day.
    """
    sentence = sentence[:MAX_SENTENCE_CHARS]
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for pattern, read in _RULES:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if pattern is _WEEKDAY_PHRASE and _names_a_holiday(sentence, match.start()):
                continue
            anchor = _latest_day_before(mentions, match.start()) or narrative_day
            setting = _Setting(
                sentence, published, anchor, tense(sentence, match.start()), estimated
            )
            reading = read(match, setting)
            if reading is None:
                continue
            taken.append((match.start(), match.end()))
            mentions.extend(_mentions(match, pattern, reading, setting))
            if len(taken) >= MAX_DATES_PER_SENTENCE:
                return sorted(mentions, key=lambda mention: mention.start)
    return sorted(mentions, key=lambda mention: mention.start)


def _latest_day_before(mentions: list[DateMention], position: int) -> date | None:
    days = [
        mention
        for mention in mentions
        if mention.end <= position and mention.when and mention.when.precision is Precision.DAY
    ]
    return max(days, key=lambda mention: mention.start).when.start if days else None


def _mentions(
    match: re.Match[str], pattern: re.Pattern[str], reading: _Reading, setting: _Setting
) -> Iterable[DateMention]:
    """One mention per match; a list of years ("in 2019 and 2023") is one, dated by its first."""
    text = _LEADING_PREPOSITION.sub("", match.group())
    yield _mention(match.end() - len(text), match.end(), text, reading, setting)


def _mention(start: int, end: int, text: str, reading: _Reading, setting: _Setting) -> DateMention:
    return DateMention(
        start=start,
        end=end,
        text=text,
        when=reading.when,
        expected=_expected(reading.when, setting),
        month_day=reading.month_day,
        relative=reading.relative,
        weekday=reading.weekday,
    )


def _expected(when: When | None, setting: _Setting) -> bool:
    """Future: the period starts after publication, or the clause says so and it is not over.

    An estimated reference day is no publication day: days after it are expected only when
    the clause speaks of the future ("said Friday" after a Thursday is past)."""
    if when is None or setting.published is None:
        return setting.future
    if when.start > setting.published and not setting.estimated:
        return True
    return setting.future and when.end >= setting.published


def _names_a_holiday(sentence: str, position: int) -> bool:
    previous = _WORD.findall(sentence[:position])
    return bool(previous) and previous[-1].lower() in _HOLIDAY_WORDS and previous[-1][0].isupper()


def dates_in_sentences(
    sentences: Iterable[str], published: date | None, *, estimated: bool = False
) -> list[list[DateMention]]:
    """``find_dates`` over an article's sentences in order, following the day the story is about.

    The last day-precise date resolved so far anchors "the previous day" in later sentences.
    """
    narrative_day: date | None = None
    found: list[list[DateMention]] = []
    for sentence in sentences:
        mentions = find_dates(sentence, published, narrative_day, estimated=estimated)
        for mention in mentions:
            if mention.when is not None and mention.when.precision is Precision.DAY:
                narrative_day = mention.when.start
        found.append(mentions)
    return found
