"""Which places the articles give office holders for, and who holds each office: "Russian
President Vladimir Putin", "Japanese Chief Cabinet Secretary Yoshimasa Hayashi", "U.S. Defense
Secretary Lloyd Austin".

A question may name its speaker by office rather than by name ("What did the Brazilian
president say?"). When the articles name no office holder of that place at all, no passage can
hold what that person said, however many passages mention the place; when they do, a passage
may well name the person without the title, so nothing more is required of it. And where the
articles write the holder's name after the title, a question's "the Russian leader" is also
searched as "Putin" (``OfficeHolders``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.tokens import STOPWORDS, Aliases, marked_words, stem, word_stems

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
    "diplomat",
)
"""Titles of office, any of which may stand for another: a question's "defence chief" may be
the articles' "Defense Secretary", and a country's "top diplomat", as news writes its foreign
minister, the articles' "Foreign Minister"."""

TITLE_GROUPS = tuple(
    frozenset(stem(word) for word in group)
    for group in (
        ("president", "leader", "chief", "head", "ruler"),
        ("spokesman", "spokesperson", "spokeswoman"),
        ("envoy", "ambassador", "representative"),
        ("speaker", "chairman", "chairwoman", "chairperson"),
    )
)
"""Titles of office that stand for one another in a question: whoever leads a state or a body
("president", "leader", "chief", "head"), a spokesperson, a country's envoy, whoever
presides over a parliament ("speaker", "chairman": "Who is the speaker of the State Duma?"
against "State Duma Chairman Vyacheslav Volodin"). A narrower title
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
_NAME_WORD = r"(?:[A-Z][\w'’-]*\w|[A-Z]\.)"
_NAME = re.compile(rf"[ \t]+((?:{_NAME_WORD}[ \t]+){{0,3}}{_NAME_WORD})")
"""The capitalised words written right after a title, on its line: "President *Vladimir
Putin*", "leader *Kim Jong Un*"."""
RANKS = frozenset(stem(word) for word in ("general", "deputy", "vice", "first", "acting"))
"""Words of a rank, capitalised after a title but no part of a name ("Secretary *General*")."""

OfficeHolders = dict[str, dict[str, frozenset[str]]]
"""Each place the articles name an office holder for (a place concept, ``~russia``, or the stem
of a body's initials, ``nato``) -> each of its offices (``office_key``: "chief", "foreign
minist") -> the stems of the names written right after that title ("vladimir", "putin"),
which may be none."""


def office_key(title: str, qualifier: str | None) -> str:
    """An office as one key, however it is written: a title of a group of ``TITLE_GROUPS`` as
    the group ("leader", "president" and "head" are one office), after the stem of the word
    between the place and the title, if any ("Foreign *Minister*" is not "Prime *Minister*",
    "opposition *leader*" not "Russian *President*")."""
    title_stem = stem(title.casefold())
    group = next((g for g in TITLE_GROUPS if title_stem in g), None)
    office = min(group) if group is not None else title_stem
    return office if qualifier is None else f"{qualifier} {office}"


def place_before(before: str, aliases: Aliases) -> tuple[tuple[str, ...], str | None]:
    """The place named at the end of ``before`` (the words before a title, or before
    "capital"), with at most one word after it ("*Russian* President", "*India*'s prime
    minister"), and that word's stem (the qualifier); no place when it is further away
    ("Russia and *Chinese* President Xi" is China's president)."""
    stems = [stem(word) for word, _ in marked_words(before)]
    for concept, _, end in reversed(aliases.find(stems)):
        if concept in aliases.places and end >= len(stems) - 1:
            return _with_qualifier(concept, stems[end:])
    written = _INITIALS_WORD.findall(_POSSESSIVE.sub("", before))[-2:]
    for i, word in reversed(list(enumerate(written))):
        if len(word) > 1 and word.isupper():  # a body's initials: "*NATO* Secretary General"
            return _with_qualifier(
                stem(word.casefold()), [stem(w.casefold()) for w in written[i + 1 :]]
            )
    return (), None


_INITIALS_WORD = re.compile(r"[A-Za-z]+")
_POSSESSIVE = re.compile(r"['’]s\b")


def _with_qualifier(place: str, rest: list[str]) -> tuple[tuple[str, ...], str | None]:
    if rest and rest[0] in STOPWORDS:
        return (), None
    return (place,), rest[0] if rest else None


_GENERAL = re.compile(r"[ \t-]+general\b", re.IGNORECASE)
"""A "Secretary *General*" ("Secretary-General"): the head of a body ("NATO Secretary General
Mark Rutte", "the UN chief"), an office of ``TITLE_GROUPS``' heads."""


def _title_read(title: str, after: str) -> tuple[str, str]:
    """The title as an office ("Secretary General" as "chief") and the text after it."""
    general = _GENERAL.match(after) if stem(title.casefold()) == "secretari" else None
    return ("chief", after[general.end() :]) if general else (title, after)


def office_holders(texts: Iterable[str], aliases: Aliases) -> OfficeHolders:
    """The place concepts named just before an office title (or just after "Title of"), each
    with the names its offices' holders are given right after the title."""
    found: dict[str, dict[str, set[str]]] = {}
    places: dict[str, list[str]] = {}  # per context: "the Russian" is met again and again
    for text in texts:
        titles = _LOWER_TITLE.finditer(text.lower()) if text.isascii() else _TITLE.finditer(text)
        for match in titles:
            before = words_before(text[max(0, match.start() - 120) : match.start()])
            after = _AFTER.match(text[match.end() : match.end() + 60])
            for context in [before] if after is None else [before, after.group()]:
                if context not in places:
                    places[context] = _places(context, aliases)
                for place in places[context]:
                    found.setdefault(place, {})
            title, rest = _title_read(match.group(), text[match.end() : match.end() + 70])
            names = _holder_name(rest)
            if names:
                place, qualifier = place_before(before, aliases)
                office = office_key(title, qualifier)
                for concept in place:
                    found.setdefault(concept, {}).setdefault(office, set()).update(names)
    return {
        place: {k: frozenset(v) for k, v in offices.items()} for place, offices in found.items()
    }


@dataclass(frozen=True)
class OfficeAsked:
    """An office a question names by its place ("the *Russian leader*"), and who holds it."""

    title: str
    """The title's stem, a part of the question ("leader")."""
    places: tuple[str, ...]
    """The place concepts before it, parts of the question too (``~russia``)."""
    holders: frozenset[str]
    """The stems of the names the articles give its holders ("vladimir", "putin")."""


def offices_asked(question: str, holders: OfficeHolders, aliases: Aliases) -> list[OfficeAsked]:
    """The offices ``question`` names by place whose holders the articles name: "the Russian
    leader", "India's prime minister", against "Russian President Vladimir Putin" and "Indian
    Prime Minister Narendra Modi"."""
    asked = []
    for match in _TITLE.finditer(question):
        before = words_before(question[max(0, match.start() - 120) : match.start()])
        places, qualifier = place_before(before, aliases)
        title, _ = _title_read(match.group(), question[match.end() : match.end() + 20])
        office = office_key(title, qualifier)
        names = frozenset().union(*(holders.get(place, {}).get(office, ()) for place in places))
        if names:
            asked.append(OfficeAsked(stem(match.group().casefold()), places, names))
    return asked


def merged_holders(parts: Iterable[OfficeHolders]) -> OfficeHolders:
    """The office holders of several blocks of articles as one."""
    merged: dict[str, dict[str, frozenset[str]]] = {}
    for part in parts:
        for place, offices in part.items():
            mine = merged.setdefault(place, {})
            for office, names in offices.items():
                mine[office] = mine.get(office, frozenset()) | names
    return merged


def titled_places(texts: Iterable[str], aliases: Aliases) -> frozenset[str]:
    """The place concepts named just before an office title (or just after "Title of")."""
    return frozenset(office_holders(texts, aliases))


def _holder_name(text: str) -> list[str]:
    """The stems of the name written at the start of ``text`` (after a title), without ranks;
    none when the capitalised words go on into another title ("Chief *Cabinet Secretary*")."""
    match = _NAME.match(text)
    if match is None:
        return []
    stems = [
        stem(word.casefold().removesuffix("'s").removesuffix("’s")) for word in match[1].split()
    ]
    if any(_TITLE.fullmatch(word) for word in match[1].split()):
        return []
    return [s for s in stems if len(s) > 2 and s not in RANKS and s not in STOPWORDS]


def words_before(text: str) -> str:
    """The end of ``text`` that ``_BEFORE`` finds: its last words, up to the window's."""
    match = _BEFORE_REVERSED.match(text[::-1])
    return match.group()[::-1] if match is not None else ""


def _places(text: str, aliases: Aliases) -> list[str]:
    stems = word_stems(marked_words(text))
    return [concept for concept, _, _ in aliases.find(stems) if concept in aliases.places]
