"""Which places the articles give office holders for: "Russian President Vladimir Putin",
"Japanese Chief Cabinet Secretary Yoshimasa Hayashi", "U.S. Defense Secretary Lloyd Austin".

A question may name its speaker by office rather than by name ("What did the Brazilian
president say?"). When the articles name no office holder of that place at all, no passage can
hold what that person said, however many passages mention the place; when they do, a passage
may well name the person without the title, so nothing more is required of it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.tokens import Aliases, marked_words, stem, word_stems

OFFICE_TITLE_WORDS = (
    "president",
    "leader",
    "chief",
    "head",
    "premier",
    "minister",
    "secretary",
    "chancellor",
    "ruler",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "official",
    "envoy",
    "ambassador",
    "commander",
)
"""Titles of office, any of which may stand for another: a question's "defence chief" may be
the articles' "Defense Secretary"."""

TITLE_GROUPS = tuple(
    frozenset(stem(word) for word in group)
    for group in (
        ("president", "leader", "chief", "head", "ruler"),
        ("spokesman", "spokesperson", "spokeswoman"),
        ("envoy", "ambassador", "representative"),
    )
)
"""Titles of office that stand for one another in a question: whoever leads a state or a body
("president", "leader", "chief", "head"), a spokesperson, a country's envoy. A narrower title
than ``OFFICE_TITLE_WORDS``, whose "minister", "official" and "commander" name other
people than the head of a place."""


def same_office(title: str) -> tuple[str, ...]:
    """The title stems that stand for ``title`` (a stem): its group (``TITLE_GROUPS``), or
    itself."""
    group = next((g for g in TITLE_GROUPS if title in g), frozenset({title}))
    return tuple(sorted(group))


TITLE_PLACE_WINDOW = 4
"""How many words before a title (or after it, in "Prime Minister of Vietnam") its place
may be: "*Japanese* Chief Cabinet *Secretary*"."""

_TITLE = re.compile(
    rf"\b(?=[{''.join(sorted({word[0] for word in OFFICE_TITLE_WORDS}))}])"
    r"(?:" + "|".join(OFFICE_TITLE_WORDS) + r")\b",
    re.IGNORECASE,
)
"""A title as a word. The look-ahead for a title's first letter lets the engine pass over
most positions without trying every title (half the time over an archive)."""
_LOWER_TITLE = re.compile(_TITLE.pattern)
"""``_TITLE`` without ``re.IGNORECASE``, for ASCII text in lower case: the same matches at the
same offsets (lowering ASCII keeps every offset), in two thirds of the time."""
_BEFORE = re.compile(rf"(?:\S+\s+){{0,{TITLE_PLACE_WINDOW}}}$")
_BEFORE_REVERSED = re.compile(rf"(?:\s+\S+){{0,{TITLE_PLACE_WINDOW}}}")
"""``_BEFORE`` read from the end: matched once on the text reversed, where ``_BEFORE.search``
tried every position of the 120 characters before a title (80 µs a title). Its runs of
spaces and of other characters are whole ones, so the greedy match is the longest, the
same words as ``_BEFORE``'s leftmost match."""
_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?(?:\S+\s+){0,2}\S+")


def titled_places(texts: Iterable[str], aliases: Aliases) -> frozenset[str]:
    """The place concepts named just before an office title (or just after "Title of")."""
    found: set[str] = set()
    places: dict[str, list[str]] = {}  # per context: "the Russian" is met again and again
    for text in texts:
        titles = _LOWER_TITLE.finditer(text.lower()) if text.isascii() else _TITLE.finditer(text)
        for match in titles:
            after = _AFTER.match(text[match.end() : match.end() + 60])
            contexts = [words_before(text[max(0, match.start() - 120) : match.start()])]
            if after is not None:
                contexts.append(after.group())
            for context in contexts:
                if context not in places:
                    places[context] = _places(context, aliases)
                found.update(places[context])
    return frozenset(found)


def words_before(text: str) -> str:
    """The end of ``text`` that ``_BEFORE`` finds: its last words, up to the window's."""
    match = _BEFORE_REVERSED.match(text[::-1])
    return match.group()[::-1] if match is not None else ""


def _places(text: str, aliases: Aliases) -> list[str]:
    stems = word_stems(marked_words(text))
    return [concept for concept, _, _ in aliases.find(stems) if concept in aliases.places]
