"""One reading per sentence at build: the terms it derives equal ``document_terms``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.fit import SENTENCE_TOKEN, sentence_tokens
from bot.sentence_reading import (
    ASCII_SENTENCE_TOKEN,
    NO_TERM,
    SentenceReader,
    terms_follow_tokens,
)
from bot.tokens import Aliases, document_terms, normalise_quickly

ALIASES = Aliases.from_mapping(
    {"North Korea": ["DPRK", "Pyongyang"], "United States": ["US", "U.S.", "America"]}
)

SENTENCES = [
    "The soldiers were training near Pyongyang on Friday.",
    "U.S. officials said the US and the DPRK met.",
    "“We will not go,” he said, quoting the $3,000 fee and a 5% rise.",
    "THE US ARMY SAID IT WOULD LEAVE NORTH KOREA.",
    "Russia’s envoy met Russia's minister and the U.N. chief.",
    "An F16 flew 3.5 km; the 3D model cost 1.2.3 units.",
    "The ﬁnal report came out at 3\u00a0000 copies.",
    "It was ‘dire’, said the `expert` of the North Korea desk.",
    'He said: "North" Korea is not the point.',
    "",
    "1999 2000",
]


def read_terms(reader: SentenceReader, text: str) -> list[str]:
    keys = reader.read(text).term_keys
    term_of_key = list(reader.term_keys)
    return [term_of_key[key] for key in keys]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_reader_finds_document_terms_and_sentence_tokens(text: str):
    reader = SentenceReader(ALIASES)
    found = reader.read(text)
    assert read_terms(SentenceReader(ALIASES), text) == document_terms(text, ALIASES)
    words = list(reader.word_ids)
    assert [words[i] for i in found.word_ids] == sentence_tokens(text)


@pytest.mark.parametrize("text", SENTENCES)
def test_terms_derived_from_the_tables_equal_document_terms_as_a_set(text: str):
    """What a question derives from the stored tokens and flags, for a derived sentence."""
    reader = SentenceReader(ALIASES)
    for other in SENTENCES:  # words learnt in other sentences, as in a build
        reader.read(other)
    found = reader.read(text)
    term_of_key = list(reader.term_keys)
    if not found.derived:
        assert {term_of_key[k] for k in found.stored_keys} == set(document_terms(text, ALIASES))
        return
    table = reader.shouted_term if found.shouting else reader.term
    derived = {term_of_key[table[i]] for i in found.word_ids if table[i] != NO_TERM}
    derived |= {term_of_key[k] for k in found.stored_keys}
    assert derived == set(document_terms(text, ALIASES))


def test_sentences_whose_two_readings_differ_are_read_both_ways():
    for text in ("An F16 flew.", "It rose 3.5 points.", "The ﬁnal word.", "a\u00a0b", "the ‘word"):
        assert not terms_follow_tokens(text, normalise_quickly(text))
        assert not SentenceReader(ALIASES).read(text).derived
    assert terms_follow_tokens("Plain words, 3,000 of them.", "Plain words, 3000 of them.")


PIECES = [*"abcXYZ019 .,'’‘`\"“”$%-\nﬁ\u00a0éİ", "U.S.", "DPRK", "North Korea", " the ", "US"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_any_text_reads_as_document_terms_and_sentence_tokens(text: str):
    reader = SentenceReader(ALIASES)
    found = reader.read(text)
    assert read_terms(SentenceReader(ALIASES), text) == document_terms(text, ALIASES)
    words = list(reader.word_ids)
    assert [words[i] for i in found.word_ids] == sentence_tokens(text)
    term_of_key = list(reader.term_keys)
    if found.derived:
        table = reader.shouted_term if found.shouting else reader.term
        derived = {term_of_key[table[i]] for i in found.word_ids if table[i] != NO_TERM}
        derived |= {term_of_key[k] for k in found.stored_keys}
        assert derived == set(document_terms(text, ALIASES))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_ascii_token_pattern_finds_the_sentence_tokens_of_ascii_text(text: str):
    assert ASCII_SENTENCE_TOKEN.findall(text) == SENTENCE_TOKEN.findall(text)


NESTED = Aliases.from_mapping(
    {
        "The Gambia": ["Gambia"],
        "North Korea": ["DPRK", "North"],
        "New York": ["New York City", "NYC", "the Big Apple"],
    }
)
"""Phrases that share a first word with a phrase of one word ("North"), that start with a
stopword ("the"), and that nest ("New York City")."""
PHRASE_PIECES = [" the ", " The ", "Gambia", "North", "Korea", " New ", "York", "City"]
PHRASE_PIECES += [" Big ", "Apple", "NYC", '"', ". ", " minister", "$"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), max_size=20).map("".join))
def test_the_phrases_found_are_those_of_document_terms(text: str):
    """The reader looks phrases up only where one may start (``_phrase_starts_in``)."""
    reader = SentenceReader(NESTED)
    for other in ("the minister", "North", "New York"):  # words met before, as in a build
        reader.read(other)
    found = reader.read(text)
    term_of_key = list(reader.term_keys)
    assert [term_of_key[k] for k in found.term_keys] == document_terms(text, NESTED)


def follow_as_before(text: str, normalised: str) -> bool:
    """``terms_follow_tokens`` without its shortcut for ASCII text."""
    import unicodedata

    from bot.sentence_reading import _MIXED, _OTHER_APOSTROPHES

    if _MIXED.search(normalised):
        return False
    if "'" not in text and "’" not in text and any(c in text for c in _OTHER_APOSTROPHES):
        return False
    return unicodedata.is_normalized("NFKC", text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["`", "'", "’", "‘", "ʼ", "F", "3", ".", " ", "s", "ﬁ"])).map("".join)
)
def test_the_ascii_shortcut_tells_as_before(text: str):
    assert terms_follow_tokens(text, normalise_quickly(text)) == follow_as_before(
        text, normalise_quickly(text)
    )
