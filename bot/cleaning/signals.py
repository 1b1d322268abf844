"""What a page says about its headline, by-line, date and outlet (``CleanText``), and the signals
read on the way, each with where it was read and how strong it is (``Signals``): two that
disagree leave the field empty and say why.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from bot import printed_dates
from bot.cleaning.lines import line_key
from bot.printed_dates import PLAIN_RANK

_NEARBY_DAYS = 7


@dataclass
class CleanText:
    """The article's own paragraphs and what the page told about it.

    ``sources`` says where each value was read ("the line '• Sunday, 10 Nov 2024'"), and
    ``conflicts`` why a field was left empty when two signals of the page disagree.
    """

    paragraphs: list[str] = field(default_factory=list)
    captions: set[int] = field(default_factory=set)
    headline: str | None = None
    author: str | None = None
    published: date | None = None
    publisher: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, str] = field(default_factory=dict)
    title_guessed: bool = False
    """True when the page shows no headline: the title is its first sentence, kept in the text."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class Signals:
    """What the page says about one field, each with where it was read and how strong it is."""

    found: dict[str, list[tuple[int, str, object]]] = field(default_factory=dict)
    partial_dates: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, name: str, value: object, source: str, rank: int = PLAIN_RANK) -> None:
        self.found.setdefault(name, []).append((rank, source, value))

    def settle(self, result: CleanText, lines: list[str]) -> None:
        self._drop_places(lines)
        for name, found in self.found.items():
            best = min(rank for rank, _, _ in found)
            chosen = [(source, value) for rank, source, value in found if rank == best]
            values = list(dict.fromkeys(_comparable(value) for _, value in chosen))
            if len(values) > 1:
                (first, a), (second, b) = (
                    chosen[0],
                    next(
                        item for item in chosen if _comparable(item[1]) != _comparable(chosen[0][1])
                    ),
                )
                result.conflicts[name] = f"{first} gives {_shown(a)} but {second} gives {_shown(b)}"
                continue
            source, value = chosen[0]
            setattr(result, _FIELD_ATTRIBUTE.get(name, name), value)
            result.sources[name] = source
        self._settle_partial_dates(result, lines)

    def _drop_places(self, lines: list[str]) -> None:
        """A one-word outlet that is a capital, or that the page itself writes as a place ("in
        Kazan"), is the place a report was filed from, not its outlet: the dateline "KAZAN"
        alone on its line, the city after a writer's name ("By John Helmer, Moscow"). Outlets
        are not written after "in" ("according to Reuters", "told AFP")."""
        found = self.found.pop("publisher", [])
        text = "\n".join(lines)
        kept = [
            (rank, source, value)
            for rank, source, value in found
            if not (isinstance(value, str) and _written_as_a_place(value, text))
        ]
        if kept:
            self.found["publisher"] = kept

    def _settle_partial_dates(self, result: CleanText, lines: list[str]) -> None:
        """A day without a year ("Oct. 29" in a dateline) is the day a report was filed: the
        page's own full date wins over it. Alone, it takes its year only from a full date
        printed elsewhere on the page within a week of it ("on Oct. 28, 2024" in the text);
        with none, or with two such dates of different years, no date is given. ``lines`` are
        the page's lines less its embedded posts (``embedded_posts``): a post's signature ("— Lokmat Times
        Nagpur (@LokmatTimes_ngp) October 22, 2024") dates the post, another item, and so gives
        no year to the story's "Oct 22"."""
        if (
            not self.partial_dates
            or result.published is not None
            or "published" in result.conflicts
        ):
            return
        month, day, source = self.partial_dates[0]
        years = {}
        for printed, text in printed_dates.full_dates_in(lines):
            with suppress(ValueError):
                if abs((date(printed.year, month, day) - printed).days) <= _NEARBY_DAYS:
                    years.setdefault(printed.year, text)
        if len(years) == 1:
            ((year, text),) = years.items()
            result.published = date(year, month, day)
            result.sources["published"] = f"{source} with the year of '{text}'"
        elif years:
            result.conflicts["published"] = (
                f"{source} shows no year and the page dates near it disagree on one"
            )
        else:
            result.conflicts["published"] = (
                f"{source} shows no year and the page no full date near it"
            )


_FIELD_ATTRIBUTE = {"title": "headline"}


def _written_as_a_place(name: str, text: str) -> bool:
    """Whether ``name``, one word, is a country's capital ("Moscow", from the gazetteer) or is
    written in ``text`` as a place after "in", with its first letter alone a capital ("in
    Kazan" for "KAZAN" or "Kazan")."""
    word = name.strip()
    if not word.isalpha():
        return False
    if word.capitalize() in _capitals():
        return True
    return re.search(rf"\bin\s+{re.escape(word.capitalize())}\b", text) is not None


@cache
def _capitals() -> frozenset[str]:
    from bot.gazetteer import capitals  # loaded only when a page names a one-word outlet

    return frozenset(capitals().values())


def _comparable(value: object) -> object:
    return line_key(value) if isinstance(value, str) else value


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def quoted(line: str) -> str:
    return f"the line '{line}'"
