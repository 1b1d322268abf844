from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge_base import KnowledgeBase
from bot.render import answer_text
from bot.spelling import _LETTERS, Speller, word_counts
from tests.conftest import write_article

REPO = Path(__file__).resolve().parent.parent
# "dbrk" is one edit from the articles' "dark"; not "dprk", which the gazetteer now knows as
# North Korea's initials (bot/gazetteer.py), so no aliases.yml is needed to keep it
ALIAS = "North Korea: [dbrk, Pyongyang]\n"
ARTICLES = [
    "Putin met Guterres at the summit in Kazan. There were three of them there.",
    "Satellite images showed troops. Putin spoke about the satellite images again.",
]


def nothing_known(word: str) -> bool:
    return False


@pytest.fixture
def speller() -> Speller:
    return Speller.from_texts(ARTICLES)


@pytest.mark.parametrize(
    ("question", "searched", "corrections"),
    [
        ("What did Puttin say?", "What did Putin say?", {"Puttin": "putin"}),
        ("satelite images", "satellite images", {"satelite": "satellite"}),
        ("Did Gutteres go?", "Did Guterres go?", {"Gutteres": "guterres"}),
        ("Where is Kaazn?", "Where is Kazan?", {"Kaazn": "kazan"}),  # a swap is one edit
        ("Are troops thre?", "Are troops there?", {"thre": "there"}),  # commoner than "three"
        (
            "Any satellitte imgaes?",  # two edits in a long word
            "Any satellite images?",
            {"satellitte": "satellite", "imgaes": "images"},
        ),
    ],
)
def test_a_typo_is_searched_as_the_articles_nearest_word(
    speller: Speller, question: str, searched: str, corrections: dict[str, str]
):
    assert speller.correct(question, nothing_known) == (searched, corrections)


@pytest.mark.parametrize(
    "question",
    [
        "How much did they spend?",  # an English word one edit from "send" is left alone
        "Who is the CEO of Tesla?",
        "Did Ptn go?",  # too short to guess
        "Did they meat?",  # "meat" is English, though one edit from "met"
    ],
)
def test_english_words_short_words_and_unknown_names_are_left_alone(
    speller: Speller, question: str
):
    assert speller.correct(question, nothing_known) == (question, {})


def test_a_word_the_search_knows_is_left_alone(speller: Speller):
    assert speller.correct("Puttin", lambda word: word == "puttin") == ("Puttin", {})


def test_the_bot_answers_through_a_typo_and_says_what_it_searched():
    kb = KnowledgeBase(REPO / "knowledge")
    answer = kb.ask("What did Gutteres say about peace?")
    assert answer.answered and answer.corrections == {"Gutteres": "guterres"}
    assert "Guterres" in answer.passages[0].text
    assert answer.to_json()["corrections"] == {"Gutteres": "guterres"}
    assert answer_text(answer).startswith("Searched “Gutteres” as “guterres”.")
    assert not kb.ask("Who is the CEO of Tesla?").answered


def test_a_word_typed_in_capitals_is_an_acronym_left_alone(speller: Speller):
    assert speller.correct("What did PUTN say?", nothing_known) == ("What did PUTN say?", {})


@pytest.mark.parametrize(("aliases", "corrections"), [("", {"dbrk": "dark"}), (ALIAS, {})])
def test_a_word_of_an_alias_name_is_not_corrected(
    tmp_path: Path, aliases: str, corrections: dict[str, str]
):
    write_article(tmp_path, "night", "A dark night", "Paper", "The dark night fell on Pyongyang.")
    (tmp_path / "aliases.yml").write_text(aliases)
    assert KnowledgeBase(tmp_path).ask("what did dbrk do at night?").corrections == corrections


def test_the_english_words_are_pyspellchecker_s_dictionary():
    """Read from its file without building a ``SpellChecker``: the same words, asked alike."""
    from spellchecker import SpellChecker

    from bot.spelling import _english, is_english_word

    checker = SpellChecker(language="en", distance=1)
    assert _english() == frozenset(checker.word_frequency.dictionary)
    for word in ("harbour", "minister", "Minister", "café", "xqzt"):
        assert is_english_word(word) == (word in checker)


def test_searching_the_dictionary_answers_as_its_set_does():
    """A run's first look-ups search the dictionary's text; the answers are the set's."""
    from bot.spelling import EnglishWords, _english

    words = sorted(_english())[::997]
    asked = [*words, *(w[:-1] for w in words), *(w + "s" for w in words), *(w + "x" for w in words)]
    asked += ["harbour", "minister", "xqzt", "", "a", 'say"', "a:b", "naïve", "café", "über"]
    english = EnglishWords()
    english.SEARCHED = len(asked) + 1
    assert [english.has(word) for word in asked] == [word in _english() for word in asked]
    assert english._searches == len(asked)  # all searched: none made the set


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ('{"a": 1, "b": 2}', True),
        ('{\n"a": 1,\n"b\'s": 2,\n"café": 3\n}', True),
        ('{"a": 1, ":b": 2}', False),  # a key with a colon
        ('{"a": 1, "b:": 2}', False),
        ('{"A": 1}', False),  # a capital: the set holds the word in lower case
        ('{"a": 1, "Éclair": 2}', False),
        ('{"a": "b"}', False),  # a string that is not a key
        ('{"a" : 1}', False),  # a key not followed at once by its colon
        ('{"a\\"b": 1}', False),  # an escaped quotation mark
    ],
)
def test_the_dictionary_is_searched_only_when_its_text_is_plain(text: str, plain: bool):
    from bot.spelling import plain_dictionary

    assert plain_dictionary(text.encode("utf-8")) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30) | st.text(st.characters(max_codepoint=127)), max_size=4))
def test_words_are_counted_in_ascii_text_as_in_any_text(texts: list[str]):
    """ASCII text is read with a pattern of its own (``_ASCII_LETTERS``): the same counts,
    in the same order of first appearance, as ``_LETTERS`` finds."""
    expected: dict[str, int] = {}
    for text in texts:
        for word in _LETTERS.findall(text.casefold()):
            expected[word] = expected.get(word, 0) + 1
    assert list(word_counts(texts).items()) == list(expected.items())


def test_the_decompressed_dictionary_is_kept_in_the_index_cache_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The first run decompresses and checks the dictionary, then keeps it; the next reads
    the copy and answers alike. A damaged or truncated copy is not used (and is rewritten)."""
    import bot.spelling as spelling
    from bot.cache import IndexCache

    cache = IndexCache(tmp_path / "cache")
    asked = ["harbour", "minister", "xqzt", "café", "naïve", 'say"']
    expected = [word in spelling._english() for word in asked]
    unpacked: list[int] = []
    real = spelling._unpacked

    def counting(packed: bytes) -> bytes:
        unpacked.append(len(packed))
        return real(packed)

    monkeypatch.setattr(spelling, "_unpacked", counting)
    assert [spelling.EnglishWords(cache).has(word) for word in asked] == expected
    assert len(unpacked) == 1
    [copy] = cache.directory.glob("copy-english-*.txt")
    assert copy.stat().st_mode & 0o077 == 0
    assert [spelling.EnglishWords(cache).has(word) for word in asked] == expected
    assert len(unpacked) == 1  # read back, not decompressed again
    for damage in (
        lambda raw: raw.replace(b"\nminister\n", b"\nministor\n"),
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"",
    ):
        copy.write_bytes(damage(copy.read_bytes()))
        assert [spelling.EnglishWords(cache).has(word) for word in asked] == expected
        assert len(unpacked) == 2  # not trusted: decompressed again, and kept anew
        assert [spelling.EnglishWords(cache).has(word) for word in asked] == expected
        assert len(unpacked) == 2
        unpacked.pop()


def test_the_dictionary_is_not_kept_in_a_cache_folder_that_is_not_private(tmp_path: Path):
    import bot.spelling as spelling
    from bot.cache import IndexCache

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    assert spelling.EnglishWords(IndexCache(folder)).has("minister")
    assert list(folder.iterdir()) == []


def test_a_word_s_place_is_its_rank_whether_scanned_or_looked_up(speller: Speller):
    """The first look-ups scan the words, the later ones use ``rank``: the same answers."""
    from bot.spelling import SCANNED

    asked = [*speller.ordered, "zzzz", "", "Putin", *reversed(speller.ordered)]
    asked = (asked * (2 * SCANNED // len(asked) + 1))[: 2 * SCANNED]
    expected = [speller.rank.get(word) for word in asked]
    fresh = Speller(speller.ordered)
    assert [fresh.place(word) for word in asked] == expected
    assert "rank" in fresh.__dict__  # made after the first SCANNED look-ups


def test_the_kept_sorted_words_answer_as_the_set_does():
    """The copy kept in the index cache is the plain dictionary's words, sorted, one a line;
    bisecting it answers as the set does, at either end, between words and past them."""
    from bot.spelling import _dictionary_bytes, _english, sorted_lines_hold, sorted_words

    data = sorted_words(_dictionary_bytes())
    words = sorted(_english())
    asked = [words[0], words[-1], *words[::997], *(w[:-1] for w in words[::997])]
    asked += [*(w + "s" for w in words[::997]), *(w + "\x00" for w in words[::1999])]
    asked += ["", "a", "zzzzzz", "\xff", "naïve", "café", "über", 'say"', "a:b"]
    assert [sorted_lines_hold(data, w.encode()) for w in asked] == [w in _english() for w in asked]
    lines = [b"b", b"d", b"f"]
    for text in (b"b\nd\nf\n", b"b\nd\nf"):  # one without its last line break, too
        for key in (b"a", b"b", b"c", b"d", b"e", b"f", b"g", b""):
            assert sorted_lines_hold(text, key) == (key in lines)
