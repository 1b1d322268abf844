"""Crafted article text must not make any pattern on article text slow (quadratic backtracking).

Each family repeats a short unit drawn from characters a pattern family reacts to up to 100 KB;
cleaning, splitting, tokenising and dating it must take well under a second of CPU time. The
limit is generous on purpose: this checks how the work grows, not how fast a machine is (the
two blow-ups the index issue reported took 9.5 s and 15 s on 40 KB).
"""

from __future__ import annotations

import time
from contextlib import suppress
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.articles import ArticleError
from bot.chrome import glued_parts
from bot.cleaning import clean
from bot.ingest.text import article_from_parts, split_article
from bot.passages import split_sentences
from bot.timeline.dates import dates_in_sentences
from bot.tokens import Aliases, document_terms

SIZE = 100_000
CPU_SECONDS = 2.0
"""Twice the issue's second: 100 KB of one-letter lines ("A\n\n" repeated, 33,334 lines, each
a sentence) is read in about 0.95 s of CPU on the project's machine, in linear time (0.42 s at
50 KB, 2 s at 200 KB), and failed a limit of 1 s when the machine was busy. The blow-ups this
guards against took 9.5 and 15 s on 40 KB, some 60 to 100 s at this size."""

FAMILIES = {
    "credits in brackets": ["(", ")", "[", "]", "©", " ", "photo", "AP", "via", "posted on", "x"],
    "digits and commas": ["0", "1", "19", "20", "2020", ",", ", ", " ", "."],
    "date words": [
        "in", "on", "the", "2020", "1", "January", "Jan.", "Monday", "last", "week", "day",
        "before", "and", ",", " ", "early", "mid-", "ago", "two", "2024-01-02", ".",
    ],
    "bylines and datelines": ["By", "BY", "Author:", "A.", "Jane", "O'Neil", "-", ",", " ", "—"],
    "dots and quotes": [".", "!", "?", "…", '"', "”", "’", ")", "a", "A", "U.S.", " ", "\n"],
    "blank lines and furniture": ["\n", "\n\n", " ", "\t", "Share", "---", "Related", "72°F"],
}  # fmt: skip


def crafted(unit: str, prefix: str = "") -> str:
    return (prefix + unit * (SIZE // max(1, len(unit)) + 1))[:SIZE]


def cpu_seconds_to_read(text: str) -> float:
    started = time.process_time()
    try:
        header, body = split_article(text.encode("utf-8"))
    except ArticleError:  # the front matter refused, quickly: the text is still cleaned
        clean(text)
    else:
        with suppress(ArticleError):  # refused once cleaned (no text left): fine, if quick
            article_from_parts(header, body, article_id="crafted", path="crafted.md")
    sentences = [text[start:end] for start, end in split_sentences(text)]
    dates_in_sentences(sentences, date(2024, 10, 25))
    document_terms(text, Aliases())
    return time.process_time() - started


def units(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=1, max_size=12).map("".join)


@pytest.mark.parametrize("family", sorted(FAMILIES))
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_crafted_text_of_each_pattern_family_is_read_in_linear_time(family: str, data):
    unit = data.draw(units(FAMILIES[family]), label="unit")
    prefix = data.draw(st.sampled_from(["", "(", "[", "By ", "in "]), label="prefix")
    assert cpu_seconds_to_read(crafted(unit, prefix)) < CPU_SECONDS


@pytest.mark.parametrize(
    ("unit", "prefix"),
    [
        ("©", "("),  # the caption credit pattern: 9.5 s on 40 KB before it was bounded
        ("in 2020,", ""),  # dates: 15 s on 40 KB of digits and commas before
        ("2020,", "in "),
        ("January 1, ", ""),
        ("1,", "in 2020"),
        ("-A", "AB"),  # a dateline's place cut into words every way: minutes for 60 characters
        ("a.\n", ""),  # the headline search scanned the rest of the page per line: 3.2 s
    ],
)
def test_the_reported_blow_ups_are_read_in_linear_time(unit: str, prefix: str):
    assert cpu_seconds_to_read(crafted(unit, prefix)) < CPU_SECONDS


@example(unit="in 2020,")
@given(unit=units(FAMILIES["date words"]))
@settings(max_examples=10, deadline=None)
def test_many_short_sentences_full_of_dates_are_read_in_linear_time(unit: str):
    sentence = (unit * (900 // max(1, len(unit)) + 1))[:900]
    text = crafted(sentence + ". ")
    started = time.process_time()
    dates_in_sentences([text[s:e] for s, e in split_sentences(text)], date(2024, 10, 25))
    assert time.process_time() - started < CPU_SECONDS


def test_a_line_of_thousands_of_glued_pieces_is_split_without_running_out_of_stack():
    """Hypothesis found "ininJanuary " repeated on one line: each piece of furniture peeled from
    its front was one more level of recursion, and 5,000 of them raised RecursionError. That
    line is now read whole, as text whose links lost their spaces (``_has_lost_spaces``), so a
    widget's label glued 5,000 times drives the peeling loop instead."""
    assert len(glued_parts("ininJanuary " * 5000)) == 1
    line = "More Harbour" * 5000 + "The harbour reopened on Monday after the storm, the board said."
    assert len(glued_parts(line)) > 1000
    read = clean(line)  # the whole reading ends, the line's words kept as text or headline
    assert read.paragraphs or read.headline
