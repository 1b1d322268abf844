"""Reading a page's raw text as a careful reader would (see ``bot.cleaning.reading``).

The modules, from the bottom up: ``lines`` splits a page into lines, ``shapes`` says what a
line looks like, ``signals`` collects what the page says about itself, ``captions``,
``credits`` and ``bylines`` read photo credits, agencies, authors and dates, ``furniture`` and
``other_stories`` drop what is not the article, ``lists`` keeps lists as text, ``titles``
finds the headline, and ``reading`` runs them all over a page.
"""

from bot.cleaning.lines import line_key, line_keys, repeated_keys, repeated_lines
from bot.cleaning.reading import VERDICTS, clean, line_verdicts
from bot.cleaning.signals import CleanText

__all__ = [
    "VERDICTS",
    "CleanText",
    "clean",
    "line_key",
    "line_keys",
    "line_verdicts",
    "repeated_keys",
    "repeated_lines",
]
