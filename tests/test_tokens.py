from bot.tokens import Aliases, query_terms, terms


def test_case_and_unicode_are_folded():
    assert terms("PUTIN") == terms("putin") == terms("Ｐｕｔｉｎ")


def test_possessives_are_dropped_with_either_apostrophe():
    assert terms("Russia's") == terms("Russia’s") == terms("Russia") == ["russia"]


def test_thousands_separators_do_not_split_numbers():
    assert terms("3,000 troops")[0] == "3000"
    assert terms("3,000") == terms("3000")


def test_stopwords_are_removed_and_words_stemmed():
    assert terms("the soldiers were training") == ["soldier", "train"]


def test_dotted_acronyms_are_kept_even_when_they_spell_a_stopword():
    assert terms("U.S. officials") == ["us", "offici"]
    assert terms("the U.N. Charter") == terms("the UN Charter")


def test_alias_expansion_adds_the_other_names_of_a_mentioned_thing():
    aliases = Aliases.from_mapping({"North Korea": ["DPRK", "Pyongyang"]})
    own, added = query_terms("What did the DPRK do?", aliases)
    assert own == ["dprk"]
    assert set(added) == {"north", "korea", "pyongyang"}


def test_alias_expansion_matches_multi_word_names_only_as_phrases():
    aliases = Aliases.from_mapping({"United Nations": ["UN"]})
    assert query_terms("nations of the world", aliases)[1] == []
    assert "un" in query_terms("the United Nations said", aliases)[1]
