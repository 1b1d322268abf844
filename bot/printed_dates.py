"""Dates as a page prints them: a line that is only a date ("Published: 28 Mar. 2025, 14:23",
"• Sunday, 10 Nov 2024", "2024-10-29 20:09:55"), a day without a year ("Oct. 29"), and the
full dates printed anywhere in a page's lines.

dateutil reads the dates; the rules here decide what counts as a printed date at all, and
refuse what reads two ways ("10/11/2024"). A date printed in another language ("venerdì 1
novembre 2024" on an Italian site's English page) is read with the month and weekday names of
Unicode's CLDR, as Babel carries them. Used by ``bot.cleaning`` for the page's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache, lru_cache

from babel.dates import get_day_names, get_month_names
from dateutil import parser as date_parser

from bot.chrome import SENTENCE_END, word_count

PUBLISHED_RANK, PLAIN_RANK, UPDATED_RANK = 0, 1, 2
"""How firmly a line states a field: a "Published:" label before a plain line, an "Updated:"
label (or a credit far from the headline) after it."""


_DATE_LABEL = r"first published|last updated?|published|updated|posted|post|modified|date"
_LABELLED_DATE = re.compile(
    rf"^(?:[•·|*-]\s*)?(?P<label>{_DATE_LABEL})(?:\s+(?:on|at))?\s*:?\s*(?P<rest>\S.*)$",
    re.I,
)
_NEXT_DATE_LABEL = re.compile(rf"\s+(?=(?i:{_DATE_LABEL})(?:\s+(?:on|at))?\s*:)")
"""A second labelled date on the same line: "Posted on : 2024-06-21 16:45 KST Modified on :
2024-06-21 16:45 KST" (Hankyoreh) is read up to it."""

_CAPTURE_LABEL = re.compile(
    r"^(?:[•·|*-]\s*)?(?:date\s+)?(?:extracted|retrieved|accessed|captured|crawled|scraped|"
    r"archived|fetched|downloaded|saved)(?:\s+(?:on|at))?\s*:",
    re.I,
)
"""A label of when the page was taken, not published: "Extracted: 2026-05-30T04:25:27.132Z"
under an event tracker's "Extraction metadata", "Retrieved: 12 March 2025", "Archived on:".
Such a stamp is the capture's, so it gives no date (it had been read as the published one)."""

_UPDATE_LABELS = frozenset({"updated", "last updated", "last update", "modified"})
"""Labels of a later version's date; "Last update on:" is the noun form (The Daily Star)."""

_ISO_STAMP = re.compile(
    r"(?<!\d)(?P<iso>\d{4}(?P<sep>[-./])\d{2}(?P=sep)\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?!\d)"
)

_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\s|\d|,|$)", re.I
)

_ZONE_WORD = re.compile(r"[A-Z]{2,5}")

_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\d{2,4}(?!\d)")

_FULL_DATE_IN_TEXT = re.compile(
    r"\b(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\b|"
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
)
"""A full date inside any line: "Oct. 28, 2024", "28 October 2024", "2024-10-28"."""

_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})\b(?!\.\d)")
"""A time written with a dot ("10.30 BST"), which dateutil would not read."""

_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.I)
""""11:08 p.m." as dateutil reads it: "11:08 pm"."""
_TIME_ZONE = re.compile(r"\((?:[A-Z]{2,5}|UTC|GMT)[^)]{0,12}\)|\b(?:UTC|GMT)[+-]?\d{0,2}\b")

_GLUED_MONTH_DAY = re.compile(
    r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)(\d)", re.I
)

_GLUED_YEAR = re.compile(r"(?<=\d),(?=\d{4}\b)")
"""Dates printed without their spaces: "Jun20,2024", "June 18,2024"."""

_DATE_AND_PLACE = re.compile(
    r"^(?P<date>[^,]{3,20}\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}),\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}$"
)
"""A full date and the place it was said: "October 24, 2024, Kazan" (a transcript's date)."""

_SECTION_DATE = re.compile(
    r"^(?:[A-Z][\w&'’-]*\s+){1,3}(?:of|for|on)\s+(?P<date>(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
    r"\s+.{6,24})$"
)
"""A section's label dated with its weekday: "General News of Thursday, 20 June 2024"."""

_DATE_THEN_UPDATE = re.compile(
    r"^(?P<first>[^|·•]{6,40}?)\s+[|·•]\s+(?i:(?:last\s+)?updated|modified)\b[^|·•]{0,40}$"
)
"""A date line followed by the time it was updated: "17 January 2025, 13:41 | Updated: 17
January 2025, 16:17" is dated by its first date."""

_DATE_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


_BRACKETED_DATE = re.compile(r"^\[\s*(?P<inside>[^\[\]]{6,40}?)\s*\]$")


@lru_cache(maxsize=8192)
def date_line(line: str) -> tuple[date | tuple[int, int], int] | None:
    """A line that is only a date, with its rank: "Published: 28 Mar. 2025, 14:23",
    "• Sunday, 10 Nov 2024", a stamp "2024-10-29 20:09:55", or a day without a year
    ("24 Oct. 20:45"), given as (month, day). A date in square brackets on its own line is
    a date line too: "[December 19, 2024]" (Lincoln Daily News's date over its by-line), and
    one with the time it was updated after a bar (``_DATE_THEN_UPDATE``)."""
    if bracketed := _BRACKETED_DATE.match(line):
        line = bracketed["inside"]
    if _CAPTURE_LABEL.match(line):
        return None
    if match := _LABELLED_DATE.match(line):
        label = match["label"].casefold()
        rank = UPDATED_RANK if label in _UPDATE_LABELS else PUBLISHED_RANK
        rest = _NEXT_DATE_LABEL.split(match["rest"], maxsplit=1)[0]
        found = stamp_date(rest) or printed_date(rest)
        return (found, rank) if found else None
    if word_count(line) <= 6 and (stamp := _ISO_STAMP.search(line)):
        found = stamp_date(stamp.group())
        rest = (line[: stamp.start()] + line[stamp.end() :]).strip()
        if found and not SENTENCE_END.search(rest):
            return found, PLAIN_RANK
    if (placed := _DATE_AND_PLACE.match(line)) and (printed := printed_date(placed["date"])):
        return printed, PLAIN_RANK
    if (section := _SECTION_DATE.match(line)) and (printed := printed_date(section["date"])):
        return printed, PLAIN_RANK
    if (pair := _DATE_THEN_UPDATE.match(line)) and (first := date_line(pair["first"])):
        return first
    if len(line) <= 40:
        if printed := printed_date(line) or other_language_date(line):
            return printed, PLAIN_RANK
        if day := month_day(line):
            return day, PLAIN_RANK
    return None


def full_dates_in(lines: list[str]) -> Iterator[tuple[date, str]]:
    """Every full date printed in the page's lines, with the words that print it."""
    for line in lines:
        for match in _FULL_DATE_IN_TEXT.finditer(line):
            if printed := stamp_date(match.group()) or printed_date(match.group()):
                yield printed, match.group()


def stamp_date(text: str) -> date | None:
    match = _ISO_STAMP.fullmatch(text.strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match["iso"].replace(match["sep"], "-"))
    except ValueError:
        return None


def _parse_both(line: str) -> tuple[datetime, datetime, tuple[str, ...]] | None:
    """dateutil fills a missing field from its default; parsing against two defaults that
    differ in every field tells which fields the line itself gave."""
    line = _DOTTED_TIME.sub(r"\1:\2", _TIME_ZONE.sub(" ", _DOTTED_MERIDIEM.sub(r"\1m", line)))
    line = _GLUED_YEAR.sub(", ", _GLUED_MONTH_DAY.sub(r"\1 \2", line))
    try:
        (first, leftover), (second, _) = (
            date_parser.parse(line, default=default, fuzzy_with_tokens=True, ignoretz=True)
            for default in _DATE_DEFAULTS
        )
    except (ValueError, OverflowError, TypeError):
        return None
    if any(not _is_date_filler(token) for token in leftover):
        return None
    if _ambiguous_day_and_month(line):
        return None
    return first, second, leftover


def _is_date_filler(token: str) -> bool:
    """What a printed date may carry besides the date: punctuation, "at", "on", a time zone."""
    word = token.strip(" ,.•·|-–—/()")
    return not word or word.casefold() in {"at", "on", "of"} or bool(_ZONE_WORD.fullmatch(word))


def _ambiguous_day_and_month(line: str) -> bool:
    """ "10/11/2024" is October 11 in one country and 10 November in another: no date."""
    match = _NUMERIC_DATE.search(line)
    return bool(match) and match["a"] != match["b"] and max(int(match["a"]), int(match["b"])) <= 12


def printed_date(line: str) -> date | None:
    """A line that is nothing but a full date ("October 25, 2024"); "October 2024" gives none."""
    if not re.search(r"\d{4}", line) or not re.search(r"[A-Za-z]{3}|\d{1,2}/\d{1,2}/", line):
        return None
    parsed = _parse_both(line)
    if parsed is None or parsed[0].date() != parsed[1].date():
        return None
    return parsed[0].date()


def month_day(line: str) -> tuple[int, int] | None:
    """A day and a month without a year ("02 November", "Oct. 29"): (month, day)."""
    if not _MONTH.search(line) or re.search(r"\d{4}", line):
        return None
    parsed = _parse_both(line)
    if parsed is None:
        return None
    first, second, _ = parsed
    if (first.month, first.day) != (second.month, second.day):
        return None
    return first.month, first.day


OTHER_LANGUAGES = ("de", "es", "fr", "it", "pt", "nl", "pl", "ru", "uk", "tr", "id", "ro", "cs")
"""The languages whose month names a date line may use besides English: the most common
languages of the sites that publish English news pages beside their own (Babel's CLDR data)."""

_DATE_TOKEN = re.compile(r"\d{1,2}[:.h]\d{2}|[^\W_]+", re.UNICODE)
_FILLER_LETTERS = 3
"""A word this short may stand between a date's parts in its language ("à", "de", "um", "г")."""


@cache
def _month_words() -> dict[str, int]:
    """Every month name of ``OTHER_LANGUAGES``, wide and abbreviated, in its form inside a date
    ("novembre", "listopada", "октября"), lower case -> month number; English names excluded
    (dateutil reads those)."""
    english = {
        name.casefold().rstrip(".")
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, locale="en").values()
    }
    words: dict[str, int] = {}
    for language in OTHER_LANGUAGES:
        for width in ("wide", "abbreviated"):
            for month, name in get_month_names(width, locale=language).items():
                key = name.casefold().rstrip(".")
                if key not in english and len(key) > 2:
                    words.setdefault(key, month)
    return words


@cache
def _weekday_words() -> frozenset[str]:
    return frozenset(
        name.casefold().rstrip(".")
        for language in OTHER_LANGUAGES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, locale=language).values()
    )


def other_language_date(line: str) -> date | None:
    """A line that is only a date printed in another language: a day, a month's name and a
    year, with at most a weekday, a time and short joining words: "11.21 - venerdì 1 novembre
    2024" -> 2024-11-01. None for anything else ("Top 10 2024", an English line)."""
    if not re.search(r"\b(?:19|20)\d{2}\b", line):
        return None
    tokens = _DATE_TOKEN.findall(line.casefold())
    months = _month_words()
    places = [i for i, token in enumerate(tokens) if token in months]
    if len(places) != 1:
        return None
    at = places[0]
    day = _day_beside(tokens, at)
    years = [token for token in tokens if re.fullmatch(r"(?:19|20)\d{2}", token)]
    if day is None or len(years) != 1:
        return None
    weekdays = _weekday_words()
    rest = [token for i, token in enumerate(tokens) if i != at and token not in (day[1], years[0])]
    if any(
        not (re.fullmatch(r"\d{1,2}[:.h]\d{2}", t) or t in weekdays or _is_filler(t)) for t in rest
    ):
        return None
    try:
        return date(int(years[0]), months[tokens[at]], day[0])
    except ValueError:
        return None


def _day_beside(tokens: list[str], at: int) -> tuple[int, str] | None:
    """The day printed next to the month name, before or after it, with at most a joining word
    between ("5 de noviembre"), as a number and as printed."""
    for step in (-1, 1):
        i = at + step
        if 0 <= i < len(tokens) and _is_filler(tokens[i]):
            i += step
        if (
            0 <= i < len(tokens)
            and re.fullmatch(r"\d{1,2}", tokens[i])
            and 1 <= int(tokens[i]) <= 31
        ):
            return int(tokens[i]), tokens[i]
    return None


def _is_filler(token: str) -> bool:
    return token.isalpha() and len(token) <= _FILLER_LETTERS
