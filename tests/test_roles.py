from bot.roles import titled_places
from bot.tokens import Aliases

PLACES = Aliases.from_mapping({}).extended(
    {"Japan": ["Japanese", "Tokyo"], "Brazil": ["Brazilian"], "Vietnam": []}, places=True
)


def test_places_named_before_an_office_title_have_an_office_holder():
    text = (
        "Japanese Chief Cabinet Secretary Yoshimasa Hayashi spoke on Friday. "
        "Brazil sent a delegation. On the left is the Prime Minister of Vietnam, Pham Minh Chinh."
    )
    assert titled_places([text], PLACES) == {"~japan", "~vietnam"}


def test_a_place_far_from_any_title_has_none():
    text = "Brazil, which sent traders, fishermen and many journalists, has a new president."
    assert titled_places([text], PLACES) == frozenset()
