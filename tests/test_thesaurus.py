from bisect import bisect_left
from functools import partial
from pathlib import Path

import pytest

from bot.knowledge_base import KnowledgeBase
from bot.thesaurus import (
    _KINDS,
    IRREGULAR_WEIGHT,
    SYNONYM_WEIGHT,
    Thesaurus,
    compounds_in,
    expand,
    wordnet,
)
from bot.tokens import Aliases, parse_query
from tests.conftest import wire_articles
from tests.developer_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "bot" / "data" / "wordnet.tsv"
WORDNET = Path("/usr/share/wordnet")


def synonyms_of(question: str, aliases: Aliases | None = None) -> dict[str, dict[str, float]]:
    query = parse_query(question, aliases or Aliases(), partial(expand, thesaurus=wordnet()))
    return {part: dict(related) for part, related in query.related.items()}


def test_the_shipped_table_loads_with_the_entries_news_questions_need():
    thesaurus = wordnet()
    assert "mediator" in thesaurus.synonyms["go-between"].split("|")
    assert "prime minister" in thesaurus.synonyms["premier"].split("|")
    assert thesaurus.irregular["sent"] == "send"
    assert thesaurus.irregular["fought"] == "fight"
    assert "exchange" in thesaurus.broader["swap"].split("|")
    assert "invasion" in thesaurus.derived["invade"].split("|")


def test_every_table_of_the_shipped_file_is_sorted_for_bisection():
    thesaurus = wordnet()
    for table in (thesaurus.synonyms, thesaurus.broader, thesaurus.derived, thesaurus.irregular):
        keys = table.keys()
        assert keys == sorted(keys) and len(keys) > 1000
    data = SHIPPED.read_bytes()
    assert data.endswith(b"\n") and data.splitlines() == sorted(data.splitlines())


def test_the_shipped_table_is_small_and_its_licence_is_beside_it():
    assert SHIPPED.stat().st_size < 8_500_000
    licence = (SHIPPED.parent / "WORDNET_LICENSE").read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence


def test_a_form_is_looked_up_as_its_irregular_base_or_its_regular_lemma():
    assert wordnet().lemmas("met") == ["meet"]
    assert wordnet().lemmas("reporters") == ["reporter"]
    assert wordnet().lemmas("qwertyuiop") == []


def test_related_words_weigh_less_than_the_same_word_in_another_form():
    related = wordnet().related("sent")
    assert related["send"] == IRREGULAR_WEIGHT
    assert wordnet().related("go-between")["mediator"] == SYNONYM_WEIGHT


def test_a_question_word_brings_its_synonyms_stems():
    related = synonyms_of("Which country served as a go-between in the talks?")
    assert related["go"]["mediat"] == SYNONYM_WEIGHT  # "go-between", looked up hyphenated
    assert "fight" in synonyms_of("Where have they fought?")["fought"]


def test_a_multiword_synonym_shares_its_weight_among_its_words():
    related = synonyms_of("Which premier came?")["premier"]
    assert related["prime"] == related["minist"] == SYNONYM_WEIGHT / 2


def test_names_figures_and_alias_phrases_are_not_expanded():
    aliases = Aliases.from_mapping({"soldiers": ["troops"]})
    related = synonyms_of("Did the Premier League send 6 troops?", aliases)
    assert "premier" not in related and "leagu" not in related  # a name, capitalised
    assert "6" not in related  # a figure is exact
    assert "troop" not in related  # the aliases say what else it is written as
    assert "send" in related


def test_terms_the_question_holds_itself_are_not_related_terms():
    related = synonyms_of("Did they send and direct troops?")
    assert "direct" not in related.get("send", {})


def test_a_paraphrase_finds_the_passage_in_the_articles_words(tmp_path: Path):
    bodies = {
        "talks": "Officials said Turkey acted as a mediator in the negotiations with Kyiv.",
        "stalled": "The negotiations with Kyiv stalled again on Monday.",
        "harbour": "The harbour reopened after the storm, the port authority said.",
        "library": "The mayor opened the new library in the old town hall.",
    }
    kb = KnowledgeBase(wire_articles(tmp_path / "knowledge", bodies))
    answer = kb.ask("Which country was the go-between in the negotiations with Kyiv?")
    assert answer.answered and answer.passages[0].article.id == "talks"
    assert answer.to_json()["related"]["go"] == {"mediat": SYNONYM_WEIGHT}  # ask --json says why
    assert not kb.ask("Which go-between won the football cup?").answered


def test_the_thesaurus_parses_its_own_format():
    thesaurus = Thesaurus.parse(
        "d\tinvade\tinvasion\nh\tswap\texchange\ni\tsent\tsend\ns\tpremier\tpm|prime minister"
    )
    assert thesaurus.related("invaded") == {"invade": 1.0, "invasion": 0.5}
    assert thesaurus.related("swapped") == {}  # no "swapped" entry here: only "swap" is known
    assert thesaurus.related("swaps") == {"swap": 1.0, "exchange": 0.3}
    assert thesaurus.related("premier") == {"pm": 0.5, "prime minister": 0.5}


@pytest.mark.skipif(not (WORDNET / "data.noun").exists(), reason="wordnet-base is not installed")
def test_the_script_regenerates_the_shipped_table(tmp_path: Path):
    script = load_script("scripts/build_thesaurus.py")
    output = tmp_path / "wordnet.tsv.gz"
    script.write(script.thesaurus_lines(WORDNET), output)
    assert output.read_bytes() == SHIPPED.read_bytes()


class ListTable:
    """The loader the bot had before it bisected the file's bytes: every line read into two
    sorted lists, bisected; kept here as the reference its look-ups must agree with."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.keys, self.values = [k for k, _ in rows], [v for _, v in rows]

    def get(self, key: str) -> str | None:
        at = bisect_left(self.keys, key)
        return self.values[at] if at < len(self.keys) and self.keys[at] == key else None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def has_prefix(self, prefix: str) -> bool:
        at = bisect_left(self.keys, prefix)
        return at < len(self.keys) and self.keys[at].startswith(prefix)


def reference_thesaurus() -> Thesaurus:
    rows: dict[str, list[tuple[str, str]]] = {kind: [] for kind in _KINDS}
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        kind, word, related = line.split("\t")
        rows[kind].append((word, related))
    return Thesaurus(**{name: ListTable(rows[kind]) for kind, name in _KINDS.items()})  # type: ignore[arg-type]


def near_misses(word: str) -> list[str]:
    """Words a bisection could confuse with ``word``: its prefixes (at a space or hyphen
    too), and longer words it is a prefix of."""
    cut = [word[:i] for i in range(1, len(word))]
    return [word, *cut, word + "s", word + " ", word + "-", word + "\t", word + "\u00e9"]


def test_bisecting_the_bytes_finds_what_the_loaded_lists_found_for_every_key():
    shipped, reference = Thesaurus.over(SHIPPED.read_bytes()), reference_thesaurus()
    for name in _KINDS.values():
        table, expected = getattr(shipped, name), getattr(reference, name)
        assert table.keys() == expected.keys
        for key in expected.keys:
            assert table[key] == expected[key]
        for key in expected.keys[::13]:
            for other in near_misses(key):
                assert table.get(other) == expected.get(other), other
                assert table.has_prefix(other) == expected.has_prefix(other), other
        for edge in ("", " ", "-", "a", "zz", "zzzz zzz", "\u00e9t\u00e9", "0", "~"):
            assert table.get(edge) == expected.get(edge)
            assert table.has_prefix(edge) == expected.has_prefix(edge)


def test_a_question_words_related_terms_are_those_the_loaded_lists_gave():
    shipped, reference = Thesaurus.over(SHIPPED.read_bytes()), reference_thesaurus()
    tricky = ["prime minister", "go-between", "go between", "head of state", "sent", "men"]
    tricky += ["fought", "met", "reporters", "invaded", "swaps", "criticised", "criticized"]
    tricky += ["a", "an", "go", "us", "u.s.", "arms", "weaponry", "shown", "qwertyuiop"]
    words = tricky + reference.synonyms.keys[::80] + reference.irregular.keys[::10]
    words += reference.derived.keys[::40] + reference.broader.keys[::40]
    for phrase in words:
        for word in (phrase, phrase + "s", phrase + "ed", phrase + "ing"):
            assert shipped.related(word) == reference.related(word), word
            assert shipped.lemmas(word) == reference.lemmas(word), word
            assert shipped.starts_phrase(word + " ") == reference.starts_phrase(word + " ")
            assert shipped.starts_phrase(word + "-") == reference.starts_phrase(word + "-")


def test_the_shipped_table_is_mapped_not_read():
    thesaurus = wordnet()
    assert not isinstance(thesaurus.synonyms._data, bytes)  # an mmap: pages read on demand


def test_two_neighbouring_words_wordnet_writes_as_one_noun_are_a_compound():
    words = ["what", "is", "the", "boiling", "point", "of", "water", "at", "sea", "levels"]
    found = compounds_in(words, [True] * len(words), wordnet())
    assert found == [("boil", "point"), ("sea", "level")]


def test_a_name_a_stopword_or_words_apart_make_no_compound():
    thesaurus = wordnet()
    assert compounds_in(["press", "conference"], [True, False], thesaurus) == []
    assert compounds_in(["the", "press"], [True, True], thesaurus) == []
    assert compounds_in(["point", "boiling"], [True, True], thesaurus) == []


def test_one_word_synonyms_leave_out_phrases_and_the_word_itself():
    thesaurus = Thesaurus.parse("s\tnation\tcountry|land|state|commonwealth|body politic\n")
    assert thesaurus.one_word_synonyms("nations") == ["country", "land", "state", "commonwealth"]


def test_one_word_synonyms_through_phrases_take_a_phrase_synonyms_own():
    thesaurus = Thesaurus.parse(
        "s\tserviceman\tmilitary man|man|military personnel\n"
        "s\tmilitary personnel\tsoldiery|troops|serviceman|military man|man\n"
    )
    assert thesaurus.one_word_synonyms("servicemen") == ["man"]
    bridged = thesaurus.one_word_synonyms("servicemen", through_phrases=True)
    assert bridged == ["man", "soldiery", "troops"]


def test_nouns_near_take_every_sense_and_its_broader_word():
    """A rare sense ("stand" as a stall) and the direct broader word ("gun" -> weapon) are
    near; a phrase is not, nor the noun itself."""
    thesaurus = wordnet()
    assert "booth" in thesaurus.nouns_near("stands")
    assert "weapon" in thesaurus.nouns_near("guns")
    assert "gift" in thesaurus.nouns_near("presents")
    assert "gun" not in thesaurus.nouns_near("guns")
    assert "soldier" in thesaurus.nouns_near("troops")  # "soldiers collectively"
    assert "troops" in thesaurus.nouns_near("soldiers")
    assert all(" " not in noun for noun in thesaurus.nouns_near("guns"))


def test_a_military_unit_or_a_court_brings_itself_and_its_narrower_kinds():
    """Stories name them with their kind word too ("the 92nd Brigade", "a Kyiv court")."""
    thesaurus = wordnet()
    assert thesaurus.built_kinds("regiments") == ["regiment"]
    assert {"court", "tribunal"} <= set(thesaurus.built_kinds("court"))
    assert thesaurus.built_kinds("unit") == thesaurus.built_kinds("army") == []


def test_a_kind_of_building_brings_itself_and_its_narrower_kinds():
    """Only nouns whose first sense is a building or a facility: "chamber" (an enclosed space,
    and a legislature) and "newspaper" are not."""
    thesaurus = wordnet()
    hotels = thesaurus.built_kinds("hotels")
    assert hotels[0] == "hotel" and {"inn", "motel", "hostel"} <= set(hotels)
    assert "airport" in thesaurus.built_kinds("airport")
    assert thesaurus.built_kinds("newspaper") == thesaurus.built_kinds("chamber") == []
    assert Thesaurus.parse("b\thotel\thotel|inn\n").built_kinds("hotels") == ["hotel", "inn"]
