"""Finding and resolving temporal expressions against a publication date (never today)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.timeline.dates import (
    DateMention,
    Precision,
    When,
    dates_in_sentences,
    find_dates,
    is_future,
)

FRIDAY = date(2024, 10, 25)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip


def only(sentence: str, published: date | None = FRIDAY) -> DateMention:
    mentions = find_dates(sentence, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def resolved(sentence: str, published: date | None = FRIDAY) -> tuple[str, str]:
    mention = only(sentence, published)
    assert mention.when is not None, mention
    return mention.when.iso(), mention.when.precision.value


# --- absolute dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Leaders met at the BRICS Summit on August 23, 2023, in Johannesburg.", "2023-08-23"),
        ("He spoke on Oct. 24, 2024 in Kazan.", "2024-10-24"),
        ("The treaty was signed on 19 June 2024 in Pyongyang.", "2024-06-19"),
        ("The deal was signed on the 3rd of March 2022 in Minsk.", "2022-03-03"),
        ("Friday, October 25, 2024 was a busy day in Kazan.", "2024-10-25"),
        ("The filing is dated 2024-10-21 and was made public.", "2024-10-21"),
    ],
)
def test_full_dates_resolve_to_the_day_they_name(sentence: str, expected: str) -> None:
    assert resolved(sentence) == (expected, "day")
    assert resolved(sentence, published=None) == (expected, "day")


def test_a_full_date_keeps_its_own_wording_without_the_preposition() -> None:
    mention = only("Leaders met at the BRICS Summit on August 23, 2023, in Johannesburg.")
    assert mention.text == "August 23, 2023"
    assert not mention.relative


@pytest.mark.parametrize(
    ("sentence", "expected", "precision", "date_text"),
    [
        ("Brics was originally formed in 2009 by Brazil.", "2009", "year", "2009"),
        ("Moscow has held Crimea since 2014 against most countries' view.", "2014", "year", "since 2014"),
        ("Troops were sent to Russia in early 2023, the military said.", "2023", "year", "early 2023"),
        ("It was his first visit since April 2022, when Mariupol was besieged.", "2022-04", "month", "since April 2022"),
        ("Prices rose in mid-2021 across the region.", "2021", "year", "mid-2021"),
    ],
)  # fmt: skip
def test_years_and_months_with_a_year_keep_their_precision(
    sentence: str, expected: str, precision: str, date_text: str
) -> None:
    mention = only(sentence)
    assert mention.when is not None
    assert (mention.when.iso(), mention.when.precision.value, mention.text) == (
        expected,
        precision,
        date_text,
    )


def test_a_list_of_years_is_one_mention_dated_by_its_first_year() -> None:
    mentions = find_dates(
        "This would mark Kim's third trip following visits in 2019 and 2023.", None
    )
    assert [(m.text, m.when.iso() if m.when else None) for m in mentions] == [
        ("2019 and 2023", "2019"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine says as many as 12,000 North Korean soldiers could be deployed.",
        "Its biggest deployment abroad since the 1950s drew attention.",
        "He spoke on the sidelines of the 2024 BRICS Summit in Kazan.",
        "Russia may respond, officials said, and March on.",
        "The Good Friday Agreement ended decades of violence.",
        "Some 2000 troops crossed the border.",
    ],
)
def test_numbers_decades_and_names_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, FRIDAY) == []


# --- weekdays ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Thursday, Putin seemed to acknowledge the deployment.", "2024-10-24"),
        ("On Wednesday, Austin called the presence very serious.", "2024-10-23"),
        ("Hayashi said Friday that Tokyo is following the signs.", "2024-10-25"),
        ("The talks began on Saturday in Geneva.", "2024-10-19"),
        ("The ministers met last Friday in Brussels.", "2024-10-18"),
    ],
)
def test_a_past_weekday_is_the_latest_one_on_or_before_publication(
    sentence: str, expected: str
) -> None:
    assert resolved(sentence) == (expected, "day")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The upper house will vote on Tuesday on the treaty.", "2024-10-29"),
        ("Leaders meet again next Friday in Brussels.", "2024-11-01"),
    ],
)
def test_a_future_weekday_is_the_next_one_and_is_expected(sentence: str, expected: str) -> None:
    mention = only(sentence)
    assert (mention.when and mention.when.iso(), mention.expected) == (expected, True)


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_a_weekday_lands_on_that_weekday_within_the_week_before_publication(
    published: date, weekday: str
) -> None:
    mention = only(f"The minister resigned on {weekday} after the vote.", published)
    assert mention.when is not None
    day = mention.when.start
    assert day.strftime("%A") == weekday
    assert published - timedelta(days=6) <= day <= published


def test_resolution_never_depends_on_today() -> None:
    assert resolved("On Thursday, the talks ended.", date(1999, 3, 5)) == ("1999-03-04", "day")


# --- relative phrases -------------------------------------------------------------------------


def test_the_previous_day_is_the_day_before_the_day_the_story_is_about() -> None:
    found = dates_in_sentences(
        [
            "On Thursday, Putin seemed to acknowledge the deployment.",
            "His reply did not refute the Pentagon's claim of the previous day.",
        ],
        FRIDAY,
    )
    assert [[m.when.iso() for m in sentence if m.when] for sentence in found] == [
        ["2024-10-24"],
        ["2024-10-23"],
    ]


def test_the_previous_day_can_be_anchored_in_its_own_sentence() -> None:
    mentions = find_dates("On Wednesday he spoke; the previous day he had been silent.", FRIDAY)
    assert [m.when.iso() for m in mentions if m.when] == ["2024-10-23", "2024-10-22"]


def test_the_previous_day_without_a_story_day_is_the_day_before_publication() -> None:
    assert resolved("The ministry had said so the previous day.") == ("2024-10-24", "day")


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "precision"),
    [
        ("Zelensky presented a victory plan last week to his allies.", FRIDAY, "2024-10-14", "week"),
        ("The envoys met this week in Geneva.", FRIDAY, "2024-10-21", "week"),
        ("The treaty was signed last year by both leaders.", date(2025, 3, 28), "2024", "year"),
        ("The agreement was made earlier this year in Pyongyang.", FRIDAY, "2024", "year"),
        ("Exports fell last month by a tenth.", FRIDAY, "2024-09", "month"),
        ("The court ruled two years ago on the case.", FRIDAY, "2022", "year"),
        ("The ceasefire collapsed three days ago near the river.", FRIDAY, "2024-10-22", "day"),
        ("The ministry confirmed it yesterday in a statement.", FRIDAY, "2024-10-24", "day"),
    ],
)  # fmt: skip
def test_relative_phrases_resolve_against_publication(
    sentence: str, published: date, expected: str, precision: str
) -> None:
    assert resolved(sentence, published) == (expected, precision)


def test_last_week_is_the_week_before_even_across_a_year_boundary() -> None:
    mention = only("The plan was presented last week in Kyiv.", date(2025, 1, 2))
    assert mention.when == When(date(2024, 12, 23), Precision.WEEK)
    assert mention.when.label() == "week of 23 Dec 2024"


# --- months without a year ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "is_expected"),
    [
        ("Putin signed the treaty during his visit to Pyongyang in June.", FRIDAY, "2024-06", False),
        ("Ukraine conducted an incursion in August into Kursk.", FRIDAY, "2024-08", False),
        ("Their numbers could rise to 10,000 by December, projections say.", FRIDAY, "2024-12", True),
        ("The summit took place in October in Kazan.", FRIDAY, "2024-10", False),
        # year boundary: a January article
        ("Exports collapsed in December after the sanctions.", date(2025, 1, 10), "2024-12", False),
        ("The stock could double by December, analysts said.", date(2025, 1, 10), "2025-12", True),
        ("Talks resumed in November in Istanbul.", date(2025, 1, 10), "2024-11", False),
        ("The committee will report in January on the cuts.", date(2024, 12, 20), "2025-01", True),
        ("Inflation peaked last December at ten percent.", date(2024, 12, 20), "2023-12", False),
    ],
)  # fmt: skip
def test_a_month_without_a_year_is_the_latest_such_month_unless_the_sentence_looks_ahead(
    sentence: str, published: date, expected: str, is_expected: bool
) -> None:
    mention = only(sentence, published)
    assert mention.when is not None
    assert (mention.when.iso(), mention.when.precision, mention.expected) == (
        expected,
        Precision.MONTH,
        is_expected,
    )


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The vote was held on December 30 in the Duma.", date(2025, 1, 3), "2024-12-30"),
        ("The summit will open on January 5 in Delhi.", date(2024, 12, 28), "2025-01-05"),
        ("Putin spoke at a press conference on October 24 in Kazan.", FRIDAY, "2024-10-24"),
    ],
)
def test_a_day_without_a_year_takes_the_year_that_fits_the_tense(
    sentence: str, published: date, expected: str
) -> None:
    assert resolved(sentence, published) == (expected, "day")


@given(
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    month=st.sampled_from(MONTHS),
)
def test_a_past_month_is_within_the_year_up_to_publication(published: date, month: str) -> None:
    mention = only(f"The minister resigned in {month} after the vote.", published)
    assert mention.when is not None
    start = mention.when.start
    assert start.strftime("%B") == month
    assert start <= published < start.replace(year=start.year + 1)


# --- articles without a publication date -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "On Thursday, Putin seemed to acknowledge the deployment.",
        "The treaty was signed last year by both leaders.",
        "Putin signed the treaty during his visit to Pyongyang in June.",
        "The Pentagon said so the previous day, officials noted.",
        "The agreement was made earlier this year in Pyongyang.",
    ],
)
def test_without_a_publication_date_relative_expressions_are_found_but_not_resolved(
    sentence: str,
) -> None:
    mention = only(sentence, None)
    assert mention.when is None
    assert mention.relative


def test_without_a_publication_date_a_day_without_a_year_keeps_its_month_and_day() -> None:
    mention = only("On October 24, Putin held a press conference in Kazan.", None)
    assert (mention.when, mention.month_day, mention.relative) == (None, (10, 24), True)


def test_without_a_publication_date_absolute_expressions_still_resolve() -> None:
    mentions = find_dates(
        "Brics was formed in 2009 and expanded in January; leaders met on August 23, 2023.", None
    )
    assert [(m.text, m.when.iso() if m.when else None) for m in mentions] == [
        ("2009", "2009"),
        ("January", None),
        ("August 23, 2023", "2023-08-23"),
    ]


# --- quotations and tense ----------------------------------------------------------------------


def test_deictic_words_inside_a_quotation_are_left_alone() -> None:
    assert find_dates("“Today, we ratified our treaty,” Putin continued.", FRIDAY) == []
    assert resolved("Today, the Duma ratified the treaty.") == ("2024-10-25", "day")


@pytest.mark.parametrize(
    ("sentence", "marker", "future"),
    [
        ("projections suggest their numbers could rise to 10,000 by December", "by December", True),
        ("This visit would mark his third following previous trips in 2019", "in 2019", False),
        ("The upper house will vote on Tuesday", "on Tuesday", True),
        ("The agreement, made earlier this year, was ratified", "earlier", False),
        ("The summit took place in October", "in October", False),
    ],
)  # fmt: skip
def test_the_nearest_tense_marker_in_the_clause_decides_the_future(
    sentence: str, marker: str, future: bool
) -> None:
    assert is_future(sentence, sentence.index(marker)) is future


def test_a_date_before_publication_is_not_expected_even_in_a_future_clause() -> None:
    mention = only("The visit would follow trips in 2019, officials said.")
    assert not mention.expected


# --- the When value -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "iso", "label", "end"),
    [
        (When.day(date(2024, 10, 24)), "2024-10-24", "24 Oct 2024", date(2024, 10, 24)),
        (When.week(date(2024, 10, 17)), "2024-10-14", "week of 14 Oct 2024", date(2024, 10, 20)),
        (When.month(2024, 2), "2024-02", "Feb 2024", date(2024, 2, 29)),
        (When.year(2014), "2014", "2014", date(2014, 12, 31)),
    ],
)
def test_a_when_writes_itself_at_its_precision(when: When, iso: str, label: str, end: date) -> None:
    assert (when.iso(), when.label(), when.end) == (iso, label, end)


def test_at_the_same_start_a_coarser_period_sorts_first() -> None:
    periods = [When.day(date(2023, 1, 1)), When.year(2023), When.month(2023, 1)]
    assert [w.precision for w in sorted(periods, key=When.sort_key)] == [
        Precision.YEAR,
        Precision.MONTH,
        Precision.DAY,
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2014, Russia annexed Crimea.", ("2014", "year")),
        ("Last week, the summit opened in Kazan.", ("2024-10-14", "week")),
        ("Two years ago, the invasion began.", ("2022", "year")),
        ("In June, Putin visited Pyongyang.", ("2024-06", "month")),
        ("The previous day, he met Modi.", ("2024-10-24", "day")),
    ],
)
def test_a_date_phrase_opening_a_sentence_is_found_despite_its_capital(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert resolved(sentence) == expected


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Troops may arrive in may, he said.", FRIDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected", "upcoming"),
    [
        ("Voting in the American election begins November 5 across the country.", "2024-11-05", True),
        ("Talks on January 3 went well, officials said.", "2024-01-03", False),
        ("Talks at the Kremlin on January 3 covered grain.", "2024-01-03", False),
    ],
)  # fmt: skip
def test_a_yearless_day_without_tense_is_upcoming_only_when_weeks_ahead(
    sentence: str, expected: str, upcoming: bool
) -> None:
    mention = only(sentence)
    assert mention.when is not None and mention.when.iso() == expected
    assert mention.expected is upcoming


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The summit will be held on October 29.", "2024-10-29"),
        ("A decision will be made on Monday.", "2024-10-28"),
        ("The summit was held on October 22.", "2024-10-22"),
    ],
)
def test_a_participle_after_be_is_passive_not_past(sentence: str, expected: str) -> None:
    assert resolved(sentence)[0] == expected


def test_a_future_sentence_naming_the_publication_weekday_means_that_day() -> None:
    # published Tuesday 2024-10-22: "will meet … on Tuesday" is today, not a week ahead
    mention = only("Putin will meet Modi and Xi on Tuesday in Kazan.", date(2024, 10, 22))
    assert (mention.when.iso(), mention.expected) == ("2024-10-22", True)
    later = only("Putin will meet Modi and Xi on Thursday in Kazan.", date(2024, 10, 22))
    assert later.when.iso() == "2024-10-24"
    following = only("Putin will meet Modi and Xi next Tuesday in Kazan.", date(2024, 10, 22))
    assert following.when.iso() == "2024-10-29"


def test_a_month_of_last_year_is_one_date_in_that_year() -> None:
    mentions = find_dates("Exports have fallen since August last year.", date(2024, 10, 25))
    assert [(m.text, m.when.iso() if m.when else None) for m in mentions] == [
        ("since August last year", "2023-08"),
    ]


def test_from_an_estimated_reference_day_a_weekday_is_the_nearest_one() -> None:
    thursday = date(2024, 10, 24)
    friday = find_dates("Hayashi said Friday that Tokyo is concerned.", thursday, estimated=True)
    assert [(m.when.iso(), m.expected) for m in friday] == [("2024-10-25", False)]
    wednesday = find_dates("On Wednesday, Austin spoke in Rome.", thursday, estimated=True)
    assert [m.when.iso() for m in wednesday] == ["2024-10-23"]
    coming = find_dates("The vote will be held on Monday.", thursday, estimated=True)
    assert [(m.when.iso(), m.expected) for m in coming] == [("2024-10-28", True)]
