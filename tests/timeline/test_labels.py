"""Labels that say who did what and when, cut from the sentence's own words (issue 17)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.timeline import find_dates
from bot.timeline.labels import ELLIPSIS, LABEL_CHARS, label

PUBLISHED = date(2024, 10, 25)


def label_of(sentence: str, written: str) -> str:
    (mention,) = [m for m in find_dates(sentence, PUBLISHED) if m.text == written]
    return label(sentence, mention)


def assert_extractive(text: str, sentence: str) -> None:
    """Every piece between ellipses is the sentence's own words, in order."""
    position = 0
    for piece in filter(None, (part.strip() for part in text.split(ELLIPSIS))):
        found = sentence.find(piece, position)
        assert found >= 0, piece
        position = found + len(piece)


@pytest.mark.parametrize(
    ("sentence", "written", "must_hold"),
    [
        (
            "On October 24, Russian President Vladimir Putin held a press conference following "
            "the conclusion of the BRICS summit in Kazan, central Russia, where he spoke at length.",
            "October 24",
            ["On October 24, Russian President Vladimir Putin held a press conference"],
        ),
        (
            "His view of how the war will end struck a stark contrast with Ukrainian President "
            "Volodymyr Zelensky, who presented a “victory plan” to Western leaders last week which "
            "he said would force Moscow to withdraw by striking deeper within Russian territory.",
            "last week",
            ["His view of how the war", "last week"],
        ),
        (
            "Brics was originally formed in 2009 by Brazil, Russia, India, China, and South Africa, "
            "and was expanded in January to include five additional members, including Iran.",
            "2009",
            ["Brics was originally formed in 2009"],
        ),
        (
            "His reply during a conference for emerging economies, which Russia hosted, did not "
            "clearly confirm or refute the assertions made by the Pentagon the previous day, "
            "which claimed that North Korea had dispatched troops.",
            "the previous day",
            ["His reply", "did not clearly confirm", "the Pentagon the previous day"],
        ),
        (
            "While the claims remain unverified by either Russia or North Korea, the South Korean "
            "military confirmed an additional dispatch of at least 3,000 soldiers in early 2023.",
            "early 2023",
            ["the South Korean military confirmed", "in early 2023"],
        ),
    ],
)
def test_a_label_holds_the_subject_the_verb_and_the_date_phrase(
    sentence: str, written: str, must_hold: list[str]
) -> None:
    text = label_of(sentence, written)
    assert len(text) <= LABEL_CHARS
    assert all(part in text for part in must_hold), text
    assert_extractive(text, sentence)


def test_a_short_sentence_is_its_own_label() -> None:
    sentence = "The volcano erupted on Tuesday."
    assert label_of(sentence, "Tuesday") == sentence


def test_an_opening_connective_is_left_out_with_an_ellipsis() -> None:
    sentence = (
        "Meanwhile, Japanese Chief Cabinet Secretary Yoshimasa Hayashi said Friday that Tokyo is "
        "following signs that North Korean soldiers are in Russia with serious concern."
    )
    text = label_of(sentence, "Friday")
    assert text.startswith(
        f"{ELLIPSIS}Japanese Chief Cabinet Secretary Yoshimasa Hayashi said Friday"
    )
