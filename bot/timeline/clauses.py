"""Where a date sits in its sentence: the sentence's own date, a side date, or a dateline.

A sentence is one entry of the timeline, under one date. The date it goes under is that of its
main event; a date in a clause that modifies something else is a *side date*:

- "first … since" ("his first visit to Russia since April 2022") marks where a period
  starts, never the event the sentence reports;
- a relative or adverbial clause ("which Moscow annexed in 2014", "who presented a plan last
  week", "following trips in 2019 and 2023", "an area where Ukraine had conducted an incursion
  in August", ", as the West has aimed to isolate him since the invasion in 2022", "since Russia
  launched its invasion in February 2022") or a parenthesis (between dashes or brackets) tells
  about something else. An opening one ("When asked about it last October, the president did
  not deny it") is weighed against the main clause after it.

A "since" on the main verb is the sentence's own date: "Exports have fallen since August last
year" is one entry, August 2023.

A side date gives the entry only when the sentence has no date of its own and the side date
fits its main clause: both report the past ("His view … struck a stark contrast with
Zelensky, who presented a plan last week": the sentence is only about past events), or the
main clause speaks of the future and the side date is still to come ("Putin will hold a news
conference following the summit Russia is hosting in Kazan on Thursday"). A main clause about
today ("Russia currently controls …, including Crimea — which Moscow annexed in 2014"), a
future one with a past side date ("This visit would mark Kim's third, following trips in 2019
and 2023") and a "first … since" date leave the sentence out.

A date in a closing attribution (", Kremlin aide Yuri Ushakov said on Monday.") is when the
sentence was said: it dates the sentence only when nothing else does.

A dateline ("KYIV, Ukraine, Nov. 5, 2024 — …") gives the article's date, never an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from bot.timeline.dates import DateMention, Tense

_FIRST = re.compile(r"(?i)\bfirst\b[^,;:()\u2014\u2013]*$")
_FIRST_SINCE = re.compile(r"(?i)\bfirst\b[^,;:()\u2014\u2013]*\bsince\s+(?:\S+\s+){0,6}$")
"""A date that marks where a "first … since" period starts: "his first visit since April 2022"."""
_SIDE_OPENER = re.compile(
    r"(?i)(?:(?:^|[\s,])(?P<word>which|who|whom|whose|where|when|following|since)"
    r"|,\s+(?P<adverbial>as|while|although|though|whereas))\b(?P<rest>[^,;:()\u2014\u2013]*)$"
)
"""A relative or adverbial clause opened before the date and still running at it."""
_CLAUSE_STOP = re.compile(r"[;:()\u2014\u2013]|,\s")
_DATELINE_PLACE = re.compile(
    r"^[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)*)?,\s+$"
)
_DATELINE_DASH = re.compile(r"^\s*(?:\([^)]*\)\s*)?[\u2014\u2013:-]")
"""What closes a dateline: a dash, or a colon ("MOSCOW, Nov 10 (Reuters): …")."""
_WORD = re.compile(r"[A-Za-z']+")
_DASH = re.compile(r"\s[\u2014\u2013]\s|\s--\s")
_DATELINE_HEAD = re.compile(
    r"^[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)*)*"
    r"(?:,?\s[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?)?(?:\s*\([^)]*\))?\s*$"
)
"""What precedes a dateline's dash: "MOSCOW (Reuters)", "KYIV, Ukraine, Nov. 5, 2024"."""
_PRESENT_WORDS = frozenset({"is", "are", "am", "currently", "now", "remains", "remain"})
_PAST_WORDS = frozenset({
    "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "gave", "held",
    "began", "saw", "made", "led", "won", "lost", "left", "sent", "spoke", "wrote", "became",
    "brought", "thought", "found", "kept", "paid", "stood", "ran", "fought", "fell", "rose",
    "struck", "flew",
})  # fmt: skip
_FUTURE_WORDS = frozenset({"will", "would", "could", "shall", "might", "may", "'ll"})


class Role(StrEnum):
    MAIN = "main"
    ATTRIBUTION = "attribution"
    SIDE = "side"
    SINCE = "since"
    DATELINE = "dateline"


_REPORTING = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|stated|added|noted|according)\b"
)


def role(sentence: str, date: DateMention) -> Role:
    """What ``date`` is to ``sentence``: its own date, a side date, a "since" or a dateline."""
    before = sentence[: date.start]
    if _DATELINE_PLACE.match(before) and _DATELINE_DASH.match(sentence[date.end :]):
        return Role.DATELINE
    clause = _clause_before(before)
    if _FIRST_SINCE.search(clause) or (
        date.text.lower().startswith("since") and _FIRST.search(clause)
    ):
        return Role.SINCE
    if _in_parenthesis(sentence, date.start) or _SIDE_OPENER.search(before):
        return Role.SIDE
    if _in_attribution(sentence, date):
        return Role.ATTRIBUTION
    return Role.MAIN


def _in_attribution(sentence: str, date: DateMention) -> bool:
    """In a closing ", the aide said on Monday." after the sentence's own clause."""
    comma = sentence.rfind(", ", 0, date.start)
    if comma < 0 or ", " in sentence[date.end :]:
        return False
    return bool(_REPORTING.search(sentence[comma : date.start]))


def is_dateline(sentence: str, date: DateMention) -> bool:
    return role(sentence, date) is Role.DATELINE


def _clause_before(before: str) -> str:
    stops = list(_CLAUSE_STOP.finditer(before))
    return before[stops[-1].end() :] if stops else before


def _in_parenthesis(sentence: str, position: int) -> bool:
    """Inside brackets, or between a dash and a closing dash later in the sentence (the dash
    closing a dateline, "MOSCOW (Reuters) – …", opens nothing)."""
    before = sentence[:position]
    if before.rfind("(") > before.rfind(")"):
        return True
    dashes = list(_DASH.finditer(before))
    if dashes and _DATELINE_HEAD.match(before[: dashes[0].start()]):
        dashes = dashes[1:]
    return len(dashes) % 2 == 1 and bool(_DASH.search(sentence[position:]))


def side_start(sentence: str, date: DateMention) -> int:
    """Where the side clause holding ``date`` opens (the main clause ends before it)."""
    before = sentence[: date.start]
    if (opener := _SIDE_OPENER.search(before)) is not None:
        return opener.start("word") if opener["word"] else opener.start("adverbial")
    dash = max(before.rfind("\u2014"), before.rfind("\u2013"), before.rfind("("), -1)
    return dash if dash >= 0 else date.start


def main_tense(sentence: str, end: int) -> Tense | None:
    """The tense of the sentence's main clause, read backwards from ``end``; None for the
    present ("currently controls") or no marker."""
    words = [word.lower() for word in _WORD.findall(_outside_quotes(sentence[:end]))]
    return _first_marker(reversed(words))


def _first_marker(words: Iterable[str]) -> Tense | None:
    for word in words:
        if word in _PRESENT_WORDS:
            return None
        if word in _FUTURE_WORDS:
            return Tense.FUTURE
        if word in _PAST_WORDS or (word.endswith("ed") and len(word) > 3):
            return Tense.PAST
    return None


def _tense_after(sentence: str, date: DateMention) -> Tense | None:
    """The tense of a main clause that follows an opening side clause ("When asked … last
    October, the Russian president did not deny it")."""
    comma = sentence.find(", ", date.end)
    if comma < 0:
        return None
    return _first_marker(word.lower() for word in _WORD.findall(_outside_quotes(sentence[comma:])))


def _outside_quotes(text: str) -> str:
    return re.sub(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"", " ", text)


def own_date(sentence: str, dates: list[DateMention]) -> DateMention | None:
    """The one date ``sentence`` goes under, or None when it reports no dated event.

    Its first main date; without one, its first side date that fits the main clause (both in
    the past, or a coming side date for a main clause about the future: "will hold a news
    conference following the summit … on Thursday"); without one, the date of its closing
    attribution (", the aide said on Monday"). Dateline and "first … since" dates never count.
    """
    roles = [(date, role(sentence, date)) for date in dates]
    main = [date for date, kind in roles if kind is Role.MAIN]
    if main:
        return main[0]
    for date in (date for date, kind in roles if kind is Role.SIDE):
        if _fits_main_clause(sentence, date):
            return date
    attribution = [date for date, kind in roles if kind is Role.ATTRIBUTION]
    return attribution[0] if attribution else None


def _fits_main_clause(sentence: str, date: DateMention) -> bool:
    start = side_start(sentence, date)
    opening = not sentence[:start].strip(" \"'\u201c")
    main = _tense_after(sentence, date) if opening else main_tense(sentence, start)
    if main is Tense.PAST:
        return not date.expected
    return main is Tense.FUTURE and date.expected
