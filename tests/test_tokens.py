from pathlib import Path

import pytest

from bot.gazetteer import country_names
from bot.tokens import (
    SPELLINGS_FILE,
    Aliases,
    document_terms,
    marked_words,
    parse_query,
    stem,
    terms,
    word_stems,
)
from tests.developer_scripts import load_script


def test_case_and_unicode_are_folded():
    assert terms("PUTIN") == terms("putin") == terms("Ｐｕｔｉｎ")


def test_possessives_are_dropped_with_either_apostrophe():
    assert terms("Russia's") == terms("Russia’s") == terms("Russia") == ["russia"]


def test_thousands_separators_do_not_split_numbers():
    assert terms("3,000 troops")[0] == "3000"
    assert terms("3,000") == terms("3000")
    assert terms("3\u00a0000 troops") == terms("3\u202f000 troops") == ["3000", "troop"]


def test_stopwords_are_removed_and_words_stemmed():
    assert terms("the soldiers were training") == ["soldier", "train"]


def test_dotted_acronyms_are_kept_even_when_they_spell_a_stopword():
    assert terms("U.S. officials") == ["us", "offici"]
    assert terms("the U.N. Charter") == terms("the UN Charter")


def test_an_alias_in_a_question_and_another_in_a_passage_share_a_concept_term():
    aliases = Aliases.from_mapping({"North Korea": ["DPRK", "Pyongyang"]})
    query = parse_query("What did the DPRK do?", aliases)
    assert query.concepts == ["~north korea"]
    assert "~north korea" in document_terms("Troops from Pyongyang arrived.", aliases)
    assert "~north korea" not in document_terms("Troops from Seoul arrived.", aliases)


def test_alias_phrases_match_whole_phrases_only():
    aliases = Aliases.from_mapping({"United Nations": ["UN"]})
    assert parse_query("nations of the world", aliases).concepts == []
    assert parse_query("the United Nations said", aliases).concepts == ["~united nations"]


def test_words_inside_an_alias_phrase_are_measured_by_the_concept():
    aliases = Aliases.from_mapping({"North Korea": ["DPRK"]})
    query = parse_query("North Korea troops", aliases)
    assert query.plain_terms == ["troop"]
    assert query.terms == ["north", "korea", "troop"]


def test_alias_entries_match_every_inflection_of_their_words():
    aliases = Aliases.from_mapping({"alliance": ["ally"], "treaty": ["pact"]})
    assert "~alliance" in document_terms("The two countries are allies now.", aliases)
    assert "~alliance" in document_terms("an allied force", aliases)
    assert parse_query("Which pacts were signed?", aliases).concepts == ["~treaty"]


def test_words_that_only_phrase_a_question_are_dropped_from_it():
    query = parse_query("What did Putin say about how many troops there are?", Aliases())
    assert query.terms == ["putin", "troop"]
    assert parse_query("Is Putin saying he is getting troops?", Aliases()).terms == [
        "putin",
        "troop",
    ]
    assert "said" in terms("Putin said so")


@pytest.mark.parametrize(
    ("word", "concept"),
    [("American", "~united states"), ("Indian", "~india"), ("Chinese", "~china")],
)
def test_a_demonym_several_countries_share_stands_for_the_most_populous(word: str, concept: str):
    """The gazetteer gives "American" to the United States and the Northern Mariana Islands,
    "Indian" to India and the British Indian Ocean Territory: the most populous keeps it."""
    aliases = Aliases().extended(country_names(), places=True)
    assert [found for found, _, _ in aliases.find(word_stems(marked_words(word)))] == [concept]


def test_a_capital_is_also_named_without_its_districts_abbreviation():
    """countryinfo gives the United States' capital as "Washington D.C."; news writes
    "Washington", which now stands for the United States as "Moscow" stands for Russia."""
    aliases = Aliases().extended(country_names(), places=True)
    found = aliases.find(word_stems(marked_words("Washington")))
    assert [concept for concept, _, _ in found] == ["~united states"]


def test_a_country_is_known_by_the_initials_of_its_long_form():
    assert "DPRK" in country_names()["North Korea"]
    assert not any(
        name.isupper() and len(name) < 4 and name not in {"US", "UK", "USA", "UAE"}
        for names in country_names().values()
        for name in names
    )


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("defence", "defense"),
        ("organised", "organizing"),
        ("organisation", "organization"),
        ("centre", "centers"),
        ("labour", "labor"),
        ("programme", "program"),
        ("analyse", "analyzed"),
    ],
)
def test_a_british_and_an_american_spelling_share_a_stem(british, american):
    """ "defence pact" and "defense pact" are one search: the index and the question write
    the British spelling's stem as the American one's (bot/data/spellings.tsv)."""
    assert stem(british) == stem(american)


def test_words_that_only_look_like_a_spelling_pattern_keep_their_stems():
    assert stem("advise") != stem("advice")
    assert stem("four") != stem("for") and stem("hour") == "hour"
    assert stem("pact") != stem("treaty")


@pytest.mark.skipif(
    not Path("/usr/share/wordnet/data.noun").exists(), reason="wordnet-base is not installed"
)
def test_the_spelling_table_regenerates_from_wordnet(tmp_path: Path):
    script = load_script("scripts/build_spellings.py")
    output = tmp_path / "spellings.tsv"
    script.write(script.spelling_pairs(Path("/usr/share/wordnet")), output)
    assert output.read_bytes() == SPELLINGS_FILE.read_bytes()


@pytest.mark.parametrize("written", ["Brasilia", "Brasília"])
def test_a_capital_with_accents_is_known_with_and_without_them(written: str):
    """countryinfo writes "Brasília"; most wire copy writes "Brasilia": both stand for Brazil
    (a capital with accents had been left out altogether)."""
    aliases = Aliases().extended(country_names(), places=True)
    found = aliases.find(word_stems(marked_words(written)))
    assert [concept for concept, _, _ in found] == ["~brazil"]
