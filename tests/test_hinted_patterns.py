"""Patterns on article lines run only where a line may match (``bot.chrome.Hinted``): every
line a pattern matches holds one of its substrings, so skipping the others finds the same."""

from __future__ import annotations

import pkgutil
from importlib import import_module

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import chrome, cleaning
from bot.chrome import Hinted
from bot.cleaning import furniture

CLEANING = [
    import_module(f"bot.cleaning.{info.name}") for info in pkgutil.iter_modules(cleaning.__path__)
]
HINTED: dict[str, Hinted] = {}
for module in (chrome, *CLEANING):
    for name, value in vars(module).items():
        if isinstance(value, Hinted) and all(value is not seen for seen in HINTED.values()):
            HINTED[f"{module.__name__}.{name}"] = value
PIECES = [
    *"aA .,:|()[]…!?\"”’'-/\t",
    "Read",
    "more",
    "MORE",
    "See",
    "also",
    "ALSO",
    "related",
    "Continue reading",
    "(More",
    " news",
    " stories",
    "©",
    "(c) 2024",
    "Copyright",
    "All Rights Reserved",
    "reSERved",
    "photo",
    "AP",
    " via ",
    "posted on ",
    "pic.twitter.com/",
    "https://t.co/",
    "x9",
    "...",
    "ſ",
]


MATCHED = [
    "The talks ended. Read More",
    "The talks ended.  continue   reading more...",
    'He left." ALSO READ: Harbour reopens',
    "It rained. Related | Storms",
    "It rained. (More North Korea stories.)",
    "It rained. Copyright 2024 Agency. All rights reserved. |",
    "(c) 2024 Agency",
    "Copyright Agency",
    "Troops at the border (AP Photo)",
    "Troops at the border [posted on X]",
    "Troops at the border (REUTERS via AFP)",
    "pic.twitter.com/abc and https://t.co/xyz",
    "an unprecedented strike in Doha targeting...",
    "It rained., This news data comes from:http://harbour.example.com",
    "It rained. Harbour Festival Opens in Ashford (Watch Videos).",
    "It rained. Source: Harbour News Agency",
    "It rained.A Message from The Gazette:Dear readers,We need you.",
    "It rained. Click here to follow us on WhatsApp The ferry left.",
]
"""Lines each of which one pattern or more matches."""


def test_the_hinted_patterns_are_found():
    assert len(HINTED) >= 8
    for hinted in HINTED.values():
        assert any(hinted.pattern.search(line) for line in MATCHED), hinted.pattern.pattern


TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
LINE = st.tuples(TEXT, st.sampled_from(["", *MATCHED]), TEXT).map("".join)


@pytest.mark.parametrize("name", sorted(HINTED))
@settings(max_examples=300, deadline=None)
@given(text=LINE)
def test_a_line_a_pattern_matches_holds_one_of_its_substrings(name: str, text: str):
    hinted = HINTED[name]
    if hinted.pattern.search(text):
        assert hinted.may_match(text)
    assert (hinted.search(text) is None) == (hinted.pattern.search(text) is None)
    assert hinted.sub("", text) == hinted.pattern.sub("", text)


def test_a_line_that_is_not_ascii_always_runs_the_pattern():
    """ "ſ" is an "s" to a pattern that ignores case, and "reſerved" holds no "reserved"."""
    line = "The talks ended. © Agency. All rights reſerved."
    assert furniture._COPYRIGHT.pattern.search(line)
    assert furniture._COPYRIGHT.search(line)
