"""By-lines and date lines: "By Jane Doe", an author box with its name and role, a line that
stamps the date ("Published: 28 Mar. 2025, 14:23"), and a reporter a broadcast hands over to.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from bot import chrome, printed_dates
from bot.cleaning.credits import CREDIT, credited_source
from bot.cleaning.lines import PER_LINE_CACHE, line_key
from bot.cleaning.shapes import (
    LIST_ITEM,
    is_dated_weather,
    is_heading,
    is_headline_shaped,
    is_name,
    name_case,
    unbracketed,
)
from bot.cleaning.signals import Signals, quoted
from bot.gazetteer import is_country
from bot.printed_dates import PLAIN_RANK, PUBLISHED_RANK, UPDATED_RANK

_NAME_WORD = r"[^\W\d_][\w'’.-]*"


BYLINE = re.compile(
    rf"^(?:[•·▪|–—-]+\s*,?\s*)?(?i:by|author|written by|reported by|text by)\s*(?::|\s[–—-])?\s+"
    rf"(?P<name>{_NAME_WORD}(?:,?\s+{_NAME_WORD}){{0,9}})"
    rf"\s*(?:\[[^\]]*\]|(?:[|·]|\s[–—-])\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}|"
    rf",\s*(?P<date>\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})|,\s*[«“\"][^«»“”\"]{{1,60}}[»”\"]\*?|"
    r"\s[–—-]\s*(?i:read|continue reading)\s+(?i:the\s+)?(?i:full\s+)?(?i:story|article|report)"
    r"\s+(?i:on|at)\s+\S+)?(?:\*{1,3}|[†‡])?$"
)
"""A by-line: "By", "Author:", "Written by", "Reported by" or "Text by", then a short name (an
agency after a comma, a bar or a dash, a column's name in quotation marks or guillemets after a
comma ("by René Zittlau, «Voice from Russia»*"), an e-mail in brackets, a repost's pointer to
the original after a dash: "text by Matthew Luxmoore - read the full story on wsj.com", a
footnote's mark after the name: "By Marlies Linke*", the note on the writer being at the
foot), after a bullet if the site prints one ("•, by Tyler Durden"); ``is_name`` then asks for
capitals, so "By contrast, …" stays text."""


_DESK_WITH_AGENCIES = re.compile(
    rf"^(?i:by)\s+(?P<outlet>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}?)\s+"
    r"(?i:with|and|&)\s+(?i:agencies|agency\s+inputs|wires)$"
)
"""A by-line naming a desk that credits itself with the wires' copy: "By Smartencyclopedia with
Agencies" (round seventy-eight), "by Harbour News with agency inputs": the outlet, no writer."""


_ROLE_BYLINE = re.compile(
    rf"^(?:(?i:by)\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+"
    r"(?P<role>(?!(?i:an?|the|our|his|her|their|former)\s)(?:[A-Za-z][\w’'-]*\s+){0,3}(?i:writer|reporter|correspondent|editor|columnist|"
    r"contributor|journalist))$"
)
"""A writer's name and newsroom role on a line of their own, with or without "By": "Laila
Kirkpatrick, Staff Writer", "By Jane Doe, Moscow correspondent"."""


_HANDLE_BYLINE = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+\(@[\w.]{{2,30}}\)(?:\s+(?P<rest>\S.*))?$"
)
"""A writer's name with a social handle in brackets, maybe the date after it: "Fahad Shabbir
(@FahadShabbir) Published December 06, 2024 | 05:10 PM"."""


_OUTLET_BYLINE = re.compile(
    r"^(?i:by)\s*[·•|–—-]\s*(?P<outlet>[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|for|[A-Z][\w.&'’-]*)){0,5})$"
)
"""A by-line with no writer, the outlet after a separator where the name would be: "by · Voice
of America"."""


_DESK_LINE = re.compile(rf"^{chrome.DESK_CREDIT}$")
"""A newsroom's desk credited on its own ("PTC News Desk:", cut from the paragraph it opened by
``chrome.glued_parts``): the outlet, unless the desk's name is a kind of desk ("Web Desk")."""


_DESK_KINDS = frozenset(
    {"web", "news", "digital", "online", "staff", "editorial", "world", "foreign"}
)
"""Desks named by their kind, which name no outlet: "Web Desk:", "News Desk:"."""


_LANGUAGE_CREDIT = re.compile(r"^read the article in \w+\.?$", re.I)


_LONE_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s+"
    r"(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}))?\s+"
    r"\((?P<agency>[A-Z][A-Za-z0-9&]+)\)(?:\s*[—–-]+)?(?:\s+(?P<date>[^()]{6,40}))?$"
)
"""A dateline on a line of its own, the story starting on the next line, maybe followed by the
page's date: "Seoul, Nov 2 (AFP) Nov 02, 2025" (SpaceWar's AFP copy), or with the page's date
only: "Beijing (AFP) Nov 1, 2024" (round seventy-eight's sinodaily, of the same network). Gives
the agency, and the date printed after it (or the day, given a year elsewhere on the page)."""


_SIGNED_DATE = re.compile(r"^(?P<name>[^/|·]+?)(?:\s+/\s+|\s*[|·]\s*)(?P<date>[^/|·]+)$")
"""A name and a date split by a slash (with spaces: "10/24/2024" is a date) or a bar."""


_DOUBLED_NAME = re.compile(r"^(?P<name>[^\W\d][^|/]{2,60}?)\s+(?P<byline>(?i:by)\s+(?P=name)\b.*)$")
"""A by-line after its writer's name printed once more (an avatar's text): "Natasha Kumar By
Natasha Kumar Jun20,2024"."""


_BYLINE_DATE_MAX_WORDS = 12


_ABOUT_AUTHOR = re.compile(
    r"^(?:about|more\s+about)\s+the\s+(?:author|writer|reporter|contributor)s?\s*:?$", re.I
)


_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:\s+(?:is|was|has\s+been|covers|writes|reports)\b|,\s+an?\s)"
)
"""A biography's opening: the writer's name and what they are or do, or an apposition ("Rachel
Thunder, a beacon in journalism, melds incisive analysis …" under "Rachel Thunder")."""


_BIO_ROLE = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|"
    r"photographer|analyst|author|fellow|anchor|host|journalism)s?\b",
    re.I,
)


_BIO_MAX_WORDS = 80


_POSITION_LINE = re.compile(
    r"^(?:(?i:senior|leading|chief|deputy|associate|assistant|visiting|research|staff|executive|"
    r"managing|contributing|non-resident|principal|lead)\s+){0,3}"
    r"(?i:fellow|professor|lecturer|director|researcher|analyst|expert|editor|correspondent|"
    r"reporter|writer|journalist|columnist|scholar)\b[^.!?]{0,200}$"
)
"""A writer's position on the line under their name, with no verb: "Leading Research Fellow at
the Korean Studies Center, RAS Institute for Far Eastern Studies, RIAC expert" under
"Konstantin Asmolov" (a think tank's author box)."""


_FIRST_NAME_BIO = re.compile(
    r"^(?P<first>[A-Z][a-z]+)\s+(?:is|was|has\s+(?:been|worked)|covers|writes|reports|joined)\b"
)
"""An author box's biography that names the writer by the first name only: "Peter has worked as
a news and culture writer and editor at The Week since …", under "Peter Weber, The Week US"."""


_NAME_MAX_WORDS = 4


_BOX_LABEL = re.compile(
    r"^(?:the\s+)?(?:author|writer|journalist|reporter|correspondent|written\s+by)s?\s*:?$", re.I
)
"""An author box's label printed alone over the writer's name: "Author", "Written by", a
news site's "Journalist" over "Shostal Oleksandr" (round fifty-three's 112ua)."""


_NAME_PART = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")


_ROLE_MAX_WORDS = 4


_OUTLET_EDGE_LINES = 15


_BOX_LINES = 2
"""An author box: a label and the writer's name, at most this many lines above the bio."""


_METADATA_MAX_CHARS = 160
"""By-lines, credits and date lines are short; a longer line is read as text."""


def author_boxes(lines: list[str], furniture: set[int], signals: Signals) -> set[int]:
    """An author box: a short biography ("Anton Sokolin is the data correspondent at NK News.
    He previously worked at Reuters, …") under the writer's name printed alone or an "About the
    Author" label. It gives the author, and it, the name and the label are furniture. A
    biography without its box stays text (a report may say who a reporter is)."""
    found: set[int] = set()
    bylined = {
        line_key(match["name"])
        for line in lines
        if (match := BYLINE.match(line)) and is_name(match["name"])
    }
    for index, line in enumerate(lines):
        if index and index not in furniture and _is_position_under_name(lines, index):
            signals.add("author", lines[index - 1].strip(), f"the author box '{line_key(line)}'")
            found.update({index - 1, index})
            continue
        match = _BIO.match(line)
        if (
            index in furniture
            or chrome.word_count(line) > _BIO_MAX_WORDS
            or not _BIO_ROLE.search(line)
        ):
            continue
        if not match:
            found.update(_first_name_box(lines, index))
            continue
        name = match["name"]
        box = [
            above
            for above in range(max(0, index - _BOX_LINES), index)
            if line_key(lines[above]) == line_key(name) or _ABOUT_AUTHOR.match(lines[above])
        ]
        if box:
            signals.add("author", name, f"the author box '{line_key(name)}'")
            found.update(range(min(box), index + 1))
        elif line_key(name) in bylined:
            found.add(index)
    return found


def labelled_name_boxes(lines: list[str], signals: Signals) -> set[int]:
    """An author box at the foot that prints its label alone and the writer's name over one or
    more lines of its own, a role under it ("Author" / "Daniel" / "DePetris" / "Fellow"): the
    name lines joined are the author, and the box is furniture. The name must have two words
    at least and nothing else may follow the label but the name and a short role, so a label
    over a paragraph or over another story's by-line gives nothing."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not _BOX_LABEL.match(line):
            continue
        parts: list[int] = []
        for at in range(index + 1, min(len(lines), index + 1 + _NAME_MAX_WORDS)):
            if not _NAME_PART.match(lines[at]) or _BIO_ROLE.search(lines[at]):
                break
            parts.append(at)
        name = " ".join(lines[at] for at in parts)
        words = len(name.split())
        if not parts or not 2 <= words <= _NAME_MAX_WORDS or not is_name(name):
            continue
        end = parts[-1] + 1
        if end < len(lines) and (
            chrome.word_count(lines[end]) <= _ROLE_MAX_WORDS and _BIO_ROLE.search(lines[end])
        ):
            end += 1
        signals.add("author", name, f"the author box '{line_key(name)}'")
        found.update(range(index, end))
    return found


def _is_position_under_name(lines: list[str], index: int) -> bool:
    """A writer's position (``_POSITION_LINE``) under their name printed alone."""
    name = lines[index - 1].strip()
    return (
        bool(_POSITION_LINE.match(lines[index]))
        and chrome.word_count(lines[index]) <= _BIO_MAX_WORDS
        and is_name(name)
        and 2 <= chrome.word_count(name) <= _NAME_MAX_WORDS
    )


def _first_name_box(lines: list[str], index: int) -> list[int]:
    """A biography that opens with a first name under the writer's full name printed alone
    (or with the outlet after a comma) within the lines above: the box's lines and the bio."""
    match = _FIRST_NAME_BIO.match(lines[index])
    if not match:
        return []
    names = [
        above
        for above in range(max(0, index - _BOX_LINES), index)
        if (name := lines[above].split(",")[0].strip()).startswith(match["first"] + " ")
        and is_name(name)
        and chrome.word_count(name) <= _NAME_MAX_WORDS
    ]
    return [*range(min(names), index + 1)] if names else []


def outlet_lines(
    lines: list[str], keys: list[str], furniture: set[int], signals: Signals
) -> set[int]:
    """A line that only names the site ("News.Az", "Jerusalem Post", "CNN") gives the outlet
    when another line of the page credits the same name ("News.Az reports …", "By JERUSALEM
    POST STAFF", "told CNN"); a name nothing corroborates gives nothing. Weaker than a wire
    credit, which names the report's own source. A name printed right over the masthead's
    clock with the weather ("Honolulu Star-Advertiser" / "Wednesday, December 4, 2024 77°
    Today's Paper") is the paper's masthead, which needs nothing else. A name line that is
    furniture only because other pages of the folder print it too (a lone "Reuters" on three
    pages) is still looked at: BusinessLive's "Reuters" gave its publisher until round
    twenty-two's Shanghai Daily page printed a third. A country's name ("RUSSIA" among a map's
    labels, every line of the page naming Russia) is no site's."""
    found: set[int] = set()
    edges = set(range(_OUTLET_EDGE_LINES)) | set(range(len(lines) - _OUTLET_EDGE_LINES, len(lines)))
    for index, line in enumerate(lines):
        if index not in edges or index in furniture or not is_heading(line) or is_metadata(line):
            continue
        if _in_a_list(lines, index):
            continue
        name = chrome.outlet_line_name(line)
        if name is None or _is_writers_name(name, lines, signals) or is_country(name):
            continue
        others = [other for at, other in enumerate(lines) if keys[at] != keys[index]]
        over_clock = index + 1 < len(lines) and is_dated_weather(lines[index + 1])
        if (
            over_clock
            or _in_byline_place(lines, index, name)
            or chrome.is_corroborated(name, others)
        ):
            signals.add("publisher", name, quoted(line), UPDATED_RANK)
            found.add(index)
    return found


def _in_a_list(lines: list[str], index: int) -> bool:
    """An item of a bulleted list ("- Peskov" / "- Trump" / "- BRICS", a page's tags), which
    names no site however often the page names it: a bullet on the line and on the line above
    or below."""
    neighbours = [lines[at] for at in (index - 1, index + 1) if 0 <= at < len(lines)]
    return bool(LIST_ITEM.match(lines[index])) and any(LIST_ITEM.match(n) for n in neighbours)


def bare_bylines(lines: list[str], furniture: set[int], signals: Signals) -> set[int]:
    """A person's name alone where a by-line stands, right under a headline-shaped line and
    right over a date line: "In a first, Kim Jong Un will attend a gathering of leaders with
    both Putin and Xi" / "Anthony Kuhn" / "August 29, 2025 / 9:19 am" (an NPR report's copy).
    Two to four capitalised words, no outlet's shape (``_in_byline_place`` reads those)."""
    found: set[int] = set()
    for index in range(1, min(len(lines) - 1, _OUTLET_EDGE_LINES)):
        name = lines[index].strip()
        if (
            index not in furniture
            and is_name(name)
            and not BYLINE.match(name)
            and 2 <= chrome.word_count(name) <= _NAME_MAX_WORDS
            and not chrome.is_outlet_shaped(name)
            and is_headline_shaped(lines[index - 1])
            and printed_dates.date_line(lines[index + 1]) is not None
        ):
            signals.add("author", name, f"the name '{name}' under the headline")
            found.add(index)
    return found


def opening_names(lines: list[str], furniture: set[int], signals: Signals) -> set[int]:
    """The page's first line when it only lists its writers, two or more people of two to four
    capitalised words each, joined by commas and "and": "Karolina Hird, Daniel Shats, and
    Alison O'Neil" over a research note. A by-line without its "By": the author, and no
    headline. Only the first line (a caption naming people stands under a picture), and no
    part a role ("Laila Kirkpatrick, Staff Writer" is one writer, read elsewhere)."""
    first = next((index for index in range(len(lines)) if index not in furniture), None)
    if first is None:
        return set()
    people = [part.strip() for part in _PEOPLE_SEPARATORS.split(lines[first]) if part.strip()]
    if len(people) < 2 or not all(
        is_name(person)
        and 2 <= chrome.word_count(person) <= _NAME_MAX_WORDS
        and not chrome.is_outlet_shaped(person)
        and not _BIO_ROLE.search(person)
        and not _DESK_WORDS.intersection(person.casefold().split())
        for person in people
    ):
        return set()
    signals.add(
        "author", lines[first].strip(), f"the names '{lines[first].strip()}' opening the page"
    )
    return {first}


_PEOPLE_SEPARATORS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
"""Between the people of a list of names: "Jane Roe, John Doe, and Ann Lee"."""


def _in_byline_place(lines: list[str], index: int, name: str) -> bool:
    """An outlet-shaped name (``chrome.is_outlet_shaped``: "News Now USA", "Jerusalem Post")
    alone where a by-line stands, right under a headline-shaped line and right over a date line:
    "Kim Jong Un Welcomes North Korean Troops Back …" / "News Now USA" / "December 13, 2025".
    A writer's name there is no outlet's shape."""
    return (
        0 < index < len(lines) - 1
        and chrome.is_outlet_shaped(name)
        and is_headline_shaped(lines[index - 1])
        and printed_dates.date_line(lines[index + 1]) is not None
    )


_DESK_WORDS = frozenset({"staff", "team", "desk", "bureau", "reporters", "newsroom", "agencies"})
"""Words of a by-line that credits a newsroom, not a person ("By Reuters Staff")."""


def _is_writers_name(name: str, lines: list[str], signals: Signals) -> bool:
    """A lone name that is all or part of a person's name the page credits as its writer (in a
    by-line, "By Muhammad Asif Noor", or an author box) is the writer printed once more, or his
    first name on a line of its own ("Daniel" / "DePetris"): a person, not the site. A name
    shaped like an outlet ("Jerusalem Post", "CNN") is still looked at."""
    if chrome.is_outlet_shaped(name):
        return False
    writers = [str(value) for _, _, value in signals.found.get("author", [])]
    writers += [match["name"] for line in lines if (match := BYLINE.match(line))]
    words = set(line_key(name).split())
    for writer in writers:
        parts = line_key(writer).split()
        if (
            2 <= len(parts) <= _NAME_MAX_WORDS
            and is_name(writer)
            and not chrome.is_outlet_shaped(writer)
            and not _DESK_WORDS & set(parts)
            and words <= set(parts)
        ):
            return True
    return False


_STAMPED_BYLINE = re.compile(
    rf"^(?P<headline>\S.{{10,200}}?)\.?\s+(?P<stamp>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}"
    rf"(?:\s+\d{{1,2}}:\d{{2}})?)\.?\s+(?i:by)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    rf"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"
)
"""A headline, its date stamp and a by-line with the writer's e-mail printed as one line: "Top
Russian official visits N. Korea to meet Kim. March. 22, 2025 07:19. by Kyu-Jin Shin
newjin@donga.com."."""


def split_stamped_bylines(lines: list[str], signals: Signals) -> list[str]:
    """A line near the top that runs a headline, a date stamp and a by-line with an e-mail
    address together is the page's metadata block flattened: the writer is the author, and
    what comes before the stamp is the headline, left as a line of its own for the headline
    rules to read. The e-mail address makes it a by-line ("by" in a sentence has none)."""
    out = list(lines)
    for index, line in enumerate(lines[:_OUTLET_EDGE_LINES]):
        match = _STAMPED_BYLINE.match(line)
        if not match or not is_name(match["name"]):
            continue
        signals.add("author", match["name"], f"the by-line 'by {match['name']}'")
        out[index] = match["headline"].rstrip(" .")
    return out


@lru_cache(maxsize=PER_LINE_CACHE)
def is_metadata(line: str) -> bool:
    if len(line) > _METADATA_MAX_CHARS:
        return False
    match = BYLINE.match(line)
    return bool(
        _signed_date(line)
        or _credited_date(line)
        or _role_byline(line)
        or _handle_byline(line)
        or _OUTLET_BYLINE.match(line)
        or _DESK_WITH_AGENCIES.match(line)
        or (match and is_name(match["name"]))
        or _reporter_handed_over(line)
        or CREDIT.match(unbracketed(line))
        or _LANGUAGE_CREDIT.match(line)
        or printed_dates.date_line(line)
        or _trailed_date(line)
    )


def read_metadata(line: str, signals: Signals) -> bool:
    """Record a by-line, a date line or a source credit; True when the line is only that."""
    if len(line) > _METADATA_MAX_CHARS:
        return False
    if fields := _labelled_fields(line):
        if (shown := fields.get("date")) and (printed := printed_dates.printed_date(shown)):
            signals.add("published", printed, quoted(line))
        return True
    if reporter := _reporter_handed_over(line):
        signals.add("author", reporter, quoted(line))
        return True
    if signed := _signed_date(line):
        name, (printed, rank) = signed
        if name.startswith("The "):  # "The Citizen|June 20, 2024": an outlet, no person
            signals.add("publisher", name, quoted(line))
        elif len(name.split()) > 1:  # "World | Sunday, 10 Nov 2024" names no one
            signals.add("author", name, quoted(line))
        if isinstance(printed, date):
            # the writer's own line dates the article: it wins over a date line elsewhere
            signals.add("published", printed, quoted(line), min(rank, PUBLISHED_RANK))
        return True
    if credited := _credited_date(line):
        people, outlet, printed = credited
        signals.add("author", people, quoted(line))
        signals.add("publisher", outlet, quoted(line), UPDATED_RANK)
        signals.add("published", printed, quoted(line), PUBLISHED_RANK)
        return True
    if match := _DESK_WITH_AGENCIES.match(line):
        signals.add("publisher", match["outlet"], quoted(line), UPDATED_RANK)
        return True
    if (match := BYLINE.match(line)) and is_name(match["name"]):
        people, outlet = _byline_outlet(match["name"])
        if outlet is None and _names_only_an_outlet(people):
            people, outlet = "", people
        if people:
            signals.add("author", name_case(people), quoted(line))
        if match["date"] and (printed := printed_dates.printed_date(match["date"])):
            signals.add("published", printed, quoted(line), PUBLISHED_RANK)
        if outlet:
            signals.add("publisher", outlet, quoted(line), UPDATED_RANK)
        return True
    if name := _role_byline(line):
        signals.add("author", name_case(name), quoted(line))
        return True
    if handled := _handle_byline(line):
        name, printed = handled
        signals.add("author", name_case(name), quoted(line))
        if printed:
            signals.add("published", printed[0], quoted(line), min(printed[1], PUBLISHED_RANK))
        return True
    if match := _OUTLET_BYLINE.match(line):
        signals.add("publisher", match["outlet"], quoted(line), UPDATED_RANK)
        return True
    if (match := _LONE_DATELINE.match(line)) and (dated := _dateline_date(match)):
        signals.add("publisher", match["agency"], quoted(line))
        if isinstance(dated, date):
            signals.add("published", dated, quoted(line))
        else:
            signals.partial_dates.append((*dated, quoted(line)))
        return True
    if match := _DESK_LINE.match(line):
        if match["desk"].casefold() not in _DESK_KINDS:
            signals.add("publisher", match["desk"], quoted(line), UPDATED_RANK)
        return True
    if CREDIT.match(unbracketed(line)):
        if outlet := credited_source(line):
            signals.add("publisher", outlet, quoted(line))
        return True
    if _LANGUAGE_CREDIT.match(line):
        return True
    if found := printed_dates.date_line(line) or _trailed_date(line):
        printed, rank = found
        if isinstance(printed, date):
            signals.add("published", printed, quoted(line), rank)
        else:
            signals.partial_dates.append((*printed, quoted(line)))
        return True
    return False


_SECTION_TRAIL = re.compile(
    r"^[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2}(?:\s*[»›❯>]\s*[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})+"
    r"\s*\|\s*(?P<date>.+)$"
)
"""A trail of section names, a bar, then the date: "World » RUSSIA | November 22, 2024, Friday
// 10:27" (a site's section trail printed with the article's date)."""


def _dateline_date(match: re.Match[str]) -> date | tuple[int, int] | None:
    """A lone dateline's date printed after the agency, else its day (month, day): a line with
    neither is no dateline ("New Development Bank (NDB)" names a body and its initials)."""
    if match["date"] and (printed := printed_dates.printed_date(match["date"])):
        return printed
    return printed_dates.month_day(match["day"]) if match["day"] else None


def _trailed_date(line: str) -> tuple[date | tuple[int, int], int] | None:
    """The date of a ``_SECTION_TRAIL`` line."""
    match = _SECTION_TRAIL.match(line)
    return printed_dates.date_line(match["date"]) if match else None


@lru_cache(maxsize=PER_LINE_CACHE)
def _signed_date(line: str) -> tuple[str, tuple[date | tuple[int, int], int]] | None:
    """A name and a date on one line, split by a slash or a bar: "Jane Roe / November 12,
    2024", "The Citizen|June 20, 2024"; or a by-line with its date: "By Natasha Kumar
    Jun20,2024" (after the name printed once more before it)."""
    if doubled := _DOUBLED_NAME.match(line):
        line = doubled["byline"]
    if dated := _dated_byline(line) or _byline_after_date(line):
        return dated
    if not any(mark in line for mark in "/|·"):
        return None
    match = _SIGNED_DATE.match(line)
    if not match or any(char.isdigit() for char in match["name"]):
        return None
    name = " ".join(match["name"].split())
    if byline := BYLINE.match(name):
        name = byline["name"]
    if not (name[0].isalpha() and is_name(name)) or len(name.split()) > 4:
        return None
    found = printed_dates.date_line(match["date"])
    return (name_case(name), found) if found else None


_CREDITED_DATE = re.compile(
    r"^(?P<names>[A-Z][^\d|/·]{3,120},\s*[A-Z][\w&.'’-]*)\s*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?)?)$",
)
"""A syndicated story's credit line: its writers, their outlet and its date, with no "By" and
nothing between them, the date at times glued to the outlet's name: "Jessie Yeung, Gawon Bae,
CNNAugust 22, 2025 at 5:20 AM"."""


def _credited_date(line: str) -> tuple[str, str, date] | None:
    """The writers, outlet and date of a ``_CREDITED_DATE`` line: every name two words or
    more and the outlet one word (``_byline_outlet``), else None."""
    match = _CREDITED_DATE.match(line)
    if not match:
        return None
    people, outlet = _byline_outlet(match["names"])
    printed = printed_dates.printed_date(match["date"])
    if outlet is None or not isinstance(printed, date) or not is_name(people.split(",")[0]):
        return None
    return name_case(people), outlet, printed


def _role_byline(line: str) -> str | None:
    """The writer of a line that names only them and their newsroom role ("Laila Kirkpatrick,
    Staff Writer"); a name of two to four capitalised words, so "Antonio Guterres, UN
    Secretary-General" (no newsroom role) and "the paper's writer" stay text."""
    match = _ROLE_BYLINE.match(line)
    return match["name"] if match and is_name(match["name"]) else None


def _handle_byline(line: str) -> tuple[str, tuple[date, int] | None] | None:
    """A writer's name with their social handle ("Fahad Shabbir (@FahadShabbir)"), and the
    date the rest of the line prints, if it is only a labelled date ("Published December 06,
    2024 | 05:10 PM"); a line where anything else follows the handle is no by-line, nor one
    where a bare date does ("Jane Roe (@JaneRoe) March 3, 2025" signs an embedded post)."""
    match = _HANDLE_BYLINE.match(line)
    if not match or not is_name(match["name"]):
        return None
    if not match["rest"]:
        return match["name"], None
    found = printed_dates.date_line(match["rest"])
    if not found or not isinstance(found[0], date) or found[1] == PLAIN_RANK:
        return None  # "Jane Roe (@JaneRoe) March 3, 2025": an embedded post's signature
    return match["name"], (found[0], found[1])


def _names_only_an_outlet(name: str) -> bool:
    """A by-line's name that is an outlet's, of two words or more with a newspaper's noun
    ("By Anadolu Agency"): the publisher, no author. A newsroom's ("by Agency Staff", "By
    JERUSALEM POST STAFF") stays the by-line's, and a lone word ("By REUTERS") may be either."""
    words = name.casefold().split()
    return len(words) > 1 and not _DESK_WORDS.intersection(words) and chrome.is_outlet_shaped(name)


def _byline_outlet(names: str) -> tuple[str, str | None]:
    """A by-line's names and the outlet after its last comma: "Jessie Yeung, Gawon Bae, CNN"
    gives "Jessie Yeung, Gawon Bae" and CNN, "Jane Smith, Reuters" Jane Smith and Reuters.
    The outlet is one word or outlet-shaped, and every name before it has two words or more
    ("Jane Smith, Jim Doe" are two people)."""
    people, comma, outlet = names.rpartition(",")
    outlet = outlet.strip()
    persons = [part for part in _PEOPLE_SEPARATORS.split(people) if part.strip()]
    if (
        comma
        and outlet
        and (len(outlet.split()) == 1 or chrome.is_outlet_shaped(outlet))
        and persons
        and all(len(person.split()) >= 2 for person in persons)
    ):
        return people.strip(), outlet
    return names, None


def _dated_byline(line: str) -> tuple[str, tuple[date | tuple[int, int], int]] | None:
    """ "By Natasha Kumar Jun20,2024": the longest name that a date follows."""
    words = line.split()
    if not words or words[0].casefold() != "by" or len(words) > _BYLINE_DATE_MAX_WORDS:
        return None
    for cut in range(len(words) - 1, 1, -1):
        name = " ".join(words[1:cut]).rstrip(",|·-–—")
        if (
            name
            and is_name(name)
            and len(name.split()) <= 4
            and (found := printed_dates.date_line(" ".join(words[cut:])))
        ):
            return name_case(name), found
    return None


def _byline_after_date(line: str) -> tuple[str, tuple[date | tuple[int, int], int]] | None:
    """ "Published May 2, 2024 8:14 PM by The Maritime Executive": a date line, then "by" and
    a name of at most four words (a person, or an outlet when it opens on "The")."""
    head, by, name = line.rpartition(" by ")
    name = name.strip().rstrip(".")
    if (
        by
        and name
        and is_name(name)
        and len(name.split()) <= _BYLINE_NAME_MAX_WORDS
        and (found := printed_dates.date_line(head.strip()))
    ):
        return name_case(name) if not name.startswith("The ") else name, found
    return None


_BYLINE_NAME_MAX_WORDS = 4


_HANDED_OVER = re.compile(r"^(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}) reports\.?$")
"""A broadcast's hand-over to its reporter, alone on a line: "Chris Gilbert reports." under a
radio script's two-sentence intro (fsnradiofeed). A person's name of two or three words, none
an outlet's word ("Associated Press reports." names no reporter)."""


_OUTLET_WORDS = frozenset(
    {"news", "press", "agency", "times", "post", "radio", "television", "tv", "media", "daily"}
)


_HAND_OVER_IN_TEXT = re.compile(
    r"^(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}) reports (?:on|from) "
)
"""A broadcast's hand-over opening a sentence of its intro: "Kim Bo-kyoung reports on Kim's
reaction, and what could be on the table when Putin and Trump meet." (round fifty-four's
newslingo): the sentence stays text, and names the reporter."""


def read_hand_over(line: str, signals: Signals) -> None:
    """The reporter an intro's opening paragraphs hand over to (``_HAND_OVER_IN_TEXT``)."""
    if reporter := _handed_over(_HAND_OVER_IN_TEXT, line):
        signals.add("author", reporter, f"the hand-over '{reporter} reports …'")


def _reporter_handed_over(line: str) -> str | None:
    """The reporter a broadcast hands over to on a line of its own (``_HANDED_OVER``)."""
    return _handed_over(_HANDED_OVER, line)


def _handed_over(pattern: re.Pattern[str], line: str) -> str | None:
    """The person's name a hand-over ``pattern`` finds at the line's start; None when it is an
    outlet's ("Associated Press reports.")."""
    match = pattern.match(line)
    if not match or any(word.casefold() in _OUTLET_WORDS for word in match["name"].split()):
        return None
    return match["name"]


_FIELD = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+)?)\s*:\s*(?P<value>\S.*)$")


_FIELD_MAX_WORDS = 8


def _labelled_fields(line: str) -> dict[str, str]:
    """A line of the page's own record, fields joined by bars, two of them labelled: "Date:
    25/10/2024 | Source: Ministry of Foreign Affairs (EN) | Read original version at source"
    (kcnawatch). Every part is short; the labels ("Date", "Source") say each is a field, not
    a sentence, so the line is metadata, never text, and its date field is the page's date.
    A sentence with a bar ("Prices | Gold: up 2%") has one label at most."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2 or any(chrome.word_count(part) > _FIELD_MAX_WORDS for part in parts):
        return {}
    fields = {
        match["label"].casefold(): match["value"] for part in parts if (match := _FIELD.match(part))
    }
    return fields if len(fields) >= 2 else {}
