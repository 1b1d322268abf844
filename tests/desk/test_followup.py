"""The follow-up rule on its own: focus, ellipsis, pronouns (examples from its docstring)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.desk.followup import focus_of, needs_context, read_followup

TROOPS = focus_of("How many North Korean troops are in Russia?")
CASES = Path(__file__).resolve().parents[2] / "eval" / "followups.yml"


def test_a_demonym_takes_its_noun_and_a_run_of_capitals_is_one_name():
    assert TROOPS.names == ("North Korean troops", "Russia")
    assert focus_of("What did Putin and Xi agree?").names == ("Putin", "Xi")


@pytest.mark.parametrize(
    ("followup", "read_as"),
    [
        ("and what did NATO say?", "what did NATO say about North Korean troops?"),
        ("how many were there?", "how many North Korean troops were there?"),
    ],
)
def test_an_elliptical_follow_up_carries_the_previous_subject(followup: str, read_as: str):
    reading = read_followup(followup, TROOPS)
    assert reading.rewritten and reading.text == read_as


def test_he_is_resolved_past_an_acronym_and_they_to_joined_names():
    assert read_followup("did he deny it?", focus_of("What did Putin say about BRICS?")).text == (
        "did Putin deny it?"
    )
    joined = focus_of("What did Putin and Xi agree?")
    assert read_followup("when did they meet?", joined).text == "when did Putin and Xi meet?"


def test_a_possessive_pronoun_becomes_a_possessive():
    reading = read_followup("what was his answer?", focus_of("What did Putin say?"))
    assert reading.text == "what was Putin’s answer?"


def test_two_people_make_he_ambiguous():
    reading = read_followup("did he deny it?", focus_of("What did Putin say about Modi?"))
    assert not reading.rewritten and reading.ambiguous == ("Putin", "Modi")


def test_a_question_with_its_own_focus_stands_alone():
    assert not needs_context("Who won the mayoral election?")
    assert not read_followup("When did the volcano erupt near Ashford?", TROOPS).rewritten


def test_every_follow_up_case_is_well_formed():
    parts = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert set(parts) == {"dev", "heldout"}
    for case in parts["dev"] + parts["heldout"]:
        assert case["reading"] in {"carries", "resolves", "asks", "alone"}, case
        assert ("meant" in case) == (case["reading"] in {"carries", "resolves"}), case
