from hypothesis import given, settings
from hypothesis import strategies as st

from bot.roles import (
    _AFTER,
    _BEFORE,
    _LOWER_TITLE,
    _TITLE,
    _places,
    merged_holders,
    office_holders,
    offices_asked,
    titled_places,
    words_before,
)
from bot.tokens import Aliases

PLACES = Aliases.from_mapping({}).extended(
    {"Japan": ["Japanese", "Tokyo"], "Brazil": ["Brazilian"], "Vietnam": [], "China": ["Chinese"]},
    places=True,
)


def test_the_name_written_after_a_title_holds_that_office_of_its_place():
    text = (
        "Brazilian President Luiz Inacio Lula da Silva spoke. Japanese Foreign Minister Takeshi "
        "Iwaya and Japanese Prime Minister Shigeru Ishiba met. Brazilian opposition leader "
        "Jair Bolsonaro did not."
    )
    holders = office_holders([text], PLACES)
    assert holders["~brazil"]["chief"] == {"luiz", "inacio", "lula"}
    assert holders["~japan"]["foreign minist"] == {"takeshi", "iwaya"}
    assert holders["~japan"]["prime minist"] == {"shigeru", "ishiba"}
    assert holders["~brazil"]["opposit chief"] == {"jair", "bolsonaro"}


def test_a_place_further_from_the_title_gives_its_holder_nothing():
    """ "in Japan, Chinese President Xi": Xi is China's president, not Japan's; and a run of
    capitals that goes on into another title is no name ("Chief *Cabinet Secretary*")."""
    text = "In Japan, Chinese President Xi Jinping spoke. Japanese Chief Cabinet Secretary Hayashi."
    holders = office_holders([text], PLACES)
    assert holders["~china"]["chief"] == {"jinp"}
    assert holders["~japan"] == {}


def test_a_question_naming_an_office_by_place_asks_for_its_holders():
    holders = office_holders(["Brazilian President Lula spoke. Vietnam's premier Chinh."], PLACES)
    (asked,) = offices_asked("What did the Brazilian leader say?", holders, PLACES)
    assert (asked.title, asked.places, asked.holders) == ("leader", ("~brazil",), {"lula"})
    assert offices_asked("What did Brazil's foreign minister say?", holders, PLACES) == []
    assert offices_asked("What did the Japanese leader say?", holders, PLACES) == []


def test_blocks_of_articles_merge_their_office_holders():
    parts = [
        {"~japan": {"chief": frozenset({"kishida"})}},
        {"~japan": {"chief": frozenset({"ishiba"})}},
    ]
    assert merged_holders(parts) == {"~japan": {"chief": {"kishida", "ishiba"}}}


def test_places_named_before_an_office_title_have_an_office_holder():
    text = (
        "Japanese Chief Cabinet Secretary Yoshimasa Hayashi spoke on Friday. "
        "Brazil sent a delegation. On the left is the Prime Minister of Vietnam, Pham Minh Chinh."
    )
    assert titled_places([text], PLACES) == {"~japan", "~vietnam"}


def test_a_place_far_from_any_title_has_none():
    text = "Brazil, which sent traders, fishermen and many journalists, has a new president."
    assert titled_places([text], PLACES) == frozenset()


TITLE_PIECES = ["President", "PRESIDENT", "vicepresident", "Minister", " of ", "Japanese", " "]
TITLE_PIECES += ["Tokyo", "the", "é", "ſecretary", "Secretary", ".", "_", "chief", "5"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=20).map("".join))
def test_ascii_text_is_read_for_titles_as_any_text_is(text: str):
    """ASCII text is matched in lower case (``_LOWER_TITLE``): the same titles at the same
    offsets as ``_TITLE`` finds without lowering."""
    spans = [match.span() for match in _TITLE.finditer(text)]
    if text.isascii():
        assert [match.span() for match in _LOWER_TITLE.finditer(text.lower())] == spans
    assert titled_places([text], PLACES) == _places_the_long_way(text)


def _places_the_long_way(text: str) -> frozenset[str]:
    found: set[str] = set()
    for match in _TITLE.finditer(text):
        before = _BEFORE.search(text[max(0, match.start() - 120) : match.start()])
        after = _AFTER.match(text[match.end() : match.end() + 60])
        for context in (before, after):
            if context is not None:
                found.update(_places(context.group(), PLACES))
    return frozenset(found)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "Russian", " ", "  ", "\n", "\t", "\u00a0", "-", "é"])).map(
        "".join
    )
)
def test_the_words_before_a_title_are_those_of_the_forward_pattern(text: str):
    """``words_before`` reads ``_BEFORE``'s match from the end of the text."""
    assert words_before(text) == _BEFORE.search(text).group()


def test_a_bodys_initials_and_a_secretary_general_name_an_office_too():
    """ "NATO Secretary General Mark Rutte" holds the office a question calls "the NATO chief"
    or "NATO's secretary-general": the initials stand for the body as a place's name does, and
    a secretary general heads it."""
    holders = office_holders(["NATO Secretary General Mark Rutte said so on Monday."], PLACES)
    assert holders["nato"]["chief"] == {"mark", "rutt"}
    for question in ("What did the NATO chief say?", "What did NATO's secretary-general say?"):
        (asked,) = offices_asked(question, holders, PLACES)
        assert asked.places == ("nato",) and asked.holders == {"mark", "rutt"}
