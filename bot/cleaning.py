"""Page furniture removal: what a web capture adds around an article's own text.

Cleaning works line by line with general rules, never per-file patches. It returns the
paragraphs to keep (verbatim), which lines are photo captions, and the metadata the page
printed (a by-line, a dateline, a source credit), so articles without front matter can
still be attributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from dateutil import parser as date_parser

FURNITURE = frozenset(
    {
        "fbpx",
        "connect with us",
        "advertisement",
        "- advertisement -",
        "related:",
        "related",
        "related post",
        "related posts",
        "comments",
        "post comment",
        "leave a comment",
        "published",
        "on",
        "share",
        "share this article",
        "tweet",
        "print",
        "email",
    }
)

_WEATHER = re.compile(r"^-?\d{1,3}(?:\.\d)?\s*°?\s*[FC]$")
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
_NAME_PARTICLES = frozenset({"and", "de", "la", "le", "du", "da", "di", "del", "der", "van", "von"})
_BYLINE = re.compile(
    rf"^(?i:by|author:|written by)\s+"
    rf"(?P<name>{_NAME_WORD}(?:,?\s+{_NAME_WORD}){{0,5}})"
    rf"\s*(?:\[[^\]]*\])?$"
)
"""A by-line: "By", "Author:" or "Written by", then a short name (an agency after a comma, an
e-mail in brackets); ``_is_name`` then asks for capitals, so "By contrast, …" stays text."""
_CREDIT = re.compile(r"^(?i:original source|source)\s*:\s*(?P<what>\S.{0,80})$")
_LANGUAGE_CREDIT = re.compile(r"^read the article in \w+\.?$", re.I)
_CAPTION_CREDIT = re.compile(
    r"[(\[](?:[^()\[\]©]*©[^()\[\]]*|[A-Z]{2,}(?:\s+via\s+[A-Z]+)?|posted on [^()\[\]]+|photo[^()\[\]]*)[)\]]\s*$",
    re.I,
)
"""A credit in brackets ending a line: "(Photo: AP)", "[© Reuters]". Up to its first "©" the
credit has no "©", so a line of thousands of them is read once, not once per split point."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?, "
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*(?:\([^)]*\)\s*)?[—–-]"
)
"""A wire-style dateline opening the first paragraph: "KAZAN, Russia, Oct. 24, 2024 — …"."""
_DATE_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_HEADING_MAX_WORDS = 8
_TITLE_MAX_WORDS = 20


@dataclass
class CleanText:
    """The article's own paragraphs and what the page told about it."""

    paragraphs: list[str] = field(default_factory=list)
    captions: set[int] = field(default_factory=set)
    headline: str | None = None
    author: str | None = None
    published: date | None = None
    publisher: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean(raw: str, title: str | None = None) -> CleanText:
    """Keep the article's paragraphs; drop furniture; record by-line, dateline and credits."""
    result = CleanText(headline=title)
    lines = [line.strip() for line in raw.splitlines()]
    lines = [line for line in lines if line]
    known_headlines = {_key(title)} if title else set()
    short_heading: str | None = None
    skip_next = False
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if _WEATHER.match(line):
            skip_next = index + 1 < len(lines) and _is_heading(lines[index + 1])
            continue
        if _absorbed_as_metadata(line, result):
            continue
        if _key(line) in FURNITURE:
            continue
        if _key(line) in known_headlines:
            continue
        if _is_heading(line) and not _CAPTION_CREDIT.search(line):
            if result.headline is None and not result.paragraphs:
                if _looks_like_headline(line):
                    result.headline = line
                    known_headlines.add(_key(line))
                else:
                    short_heading = line
            continue
        if result.headline is None and not result.paragraphs:
            if short_heading is None or len(line.split()) <= _TITLE_MAX_WORDS:
                result.headline = line
                known_headlines.add(_key(line))
                continue
            result.headline = short_heading  # a short title over a paragraph of body text
        if len(result.paragraphs) < 2 and (match := _DATELINE.match(line)):
            result.published = result.published or _printed_date(match["date"])
        if _CAPTION_CREDIT.search(line):
            result.captions.add(len(result.paragraphs))
        result.paragraphs.append(line)
    return result


def _absorbed_as_metadata(line: str, result: CleanText) -> bool:
    """Record a by-line, a printed date or a source credit; True when the line is only that."""
    if (match := _BYLINE.match(line)) and _is_name(match["name"]):
        result.author = result.author or _name_case(match["name"])
        return True
    if match := _CREDIT.match(line):
        result.publisher = result.publisher or match["what"].strip().rstrip(".")
        return True
    if _LANGUAGE_CREDIT.match(line):
        return True
    if len(line) <= 40 and (printed := _printed_date(line)):
        result.published = result.published or printed
        return True
    return False


def _printed_date(line: str) -> date | None:
    """A line that is nothing but a full date, like a page's dateline.

    dateutil fills a missing day or month from its default; parsing against two defaults that
    differ in every field tells a whole date ("October 25, 2024") from a partial one
    ("October 2024"), which gives no day to guess.
    """
    if not re.search(r"\d{4}", line) or not re.search(r"[A-Za-z]{3}", line):
        return None
    try:
        parsed = [
            date_parser.parse(line, default=default, fuzzy_with_tokens=True)
            for default in _DATE_DEFAULTS
        ]
    except (ValueError, OverflowError):
        return None
    (first, leftover), (second, _) = parsed
    if any(token.strip(" ,.") for token in leftover) or first.date() != second.date():
        return None
    return first.date()


def _is_heading(line: str) -> bool:
    """Short lines without closing punctuation: section labels, sub-heads, city names."""
    return len(line.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line)


def _looks_like_headline(line: str) -> bool:
    return len(line.split()) >= 4


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def _is_name(text: str) -> bool:
    """Every word capitalised ("Émile Dupont", "Jane Smith, Reuters"), but for "de", "van"…"""
    words = text.replace(",", " ").split()
    return words[0][0].isupper() and all(
        word[0].isupper() or word.casefold() in _NAME_PARTICLES for word in words
    )


def _name_case(name: str) -> str:
    name = " ".join(name.split())
    return name.title() if name.isupper() else name
