"""Events: verbatim quotes, placed, merged across articles, filtered by topic, ordered, capped."""

from __future__ import annotations

import pytest

from bot.knowledge_base import KnowledgeBase
from bot.timeline import DEFAULT_LIMIT, Timeline, build_timeline, find_dates
from bot.timeline.events import ELLIPSIS, MAX_EVENT_CHARS, event_text
from tests.timeline.conftest import MakeKb

PRESS_CONFERENCE_SOURCES = {
    "putin-brics-expansion-north-korea-role",
    "putin-doesnt-deny-north-korean-troops",
}


def whole(kb: KnowledgeBase, topic: str | None = None) -> Timeline:
    return build_timeline(kb.snapshot, topic, limit=None)


# --- the bundled articles ----------------------------------------------------------------------


def test_the_bundled_timeline_is_chronological(bundled_dated: KnowledgeBase) -> None:
    keys = [event.when.sort_key() for event in whole(bundled_dated).events]
    assert keys == sorted(keys)
    assert len(keys) >= 10


def test_every_event_text_is_quoted_verbatim_with_ellipses_only_where_cut(
    bundled: KnowledgeBase,
) -> None:
    for event in whole(bundled).events:
        for mention in event.mentions:
            for text in (mention.text, mention.short):
                pieces = [piece for piece in text.split(ELLIPSIS) if piece.strip()]
                assert pieces
                for piece in pieces:
                    assert piece.strip() in mention.article.text, text


def test_the_press_conference_reported_by_two_articles_is_one_entry_citing_both(
    bundled_dated: KnowledgeBase,
) -> None:
    entries = [
        event
        for event in whole(bundled_dated).events
        if {article.id for article in event.articles} == PRESS_CONFERENCE_SOURCES
    ]
    assert len(entries) == 1
    assert entries[0].date == "2024-10-24"
    assert "held a press conference" in entries[0].text


def test_relative_dates_of_an_undated_article_no_dated_one_anchors_are_skipped_and_counted(
    bundled: KnowledgeBase,
) -> None:
    timeline = whole(bundled)
    for event in timeline.events:
        for mention in event.mentions:
            if mention.article.id == "putin-talks-kim-north-korean-troops":
                assert mention.date_text in {"2009"}
    assert timeline.unplaced >= 3


def test_a_yearless_day_of_an_undated_article_takes_the_year_of_the_same_event(
    bundled_dated: KnowledgeBase,
) -> None:
    onoda = [
        (event.date, mention.date_text)
        for event in whole(bundled_dated).events
        for mention in event.mentions
        if mention.article.id == "putin-brics-expansion-north-korea-role"
    ]
    assert ("2024-10-24", "October 24") in onoda


@pytest.mark.parametrize("topic", ["North Korean troops", "BRICS expansion"])
def test_a_topic_gives_a_shorter_timeline_of_its_own(bundled: KnowledgeBase, topic: str) -> None:
    everything = whole(bundled)
    about = whole(bundled, topic)
    assert 0 < len(about.events) < len(everything.events)
    assert about.topic == topic


def test_different_topics_give_different_timelines(bundled_dated: KnowledgeBase) -> None:
    troops = {event.text for event in whole(bundled_dated, "North Korean troops").events}
    brics = {event.text for event in whole(bundled_dated, "BRICS expansion").events}
    assert troops and brics and troops != brics
    assert all("BRICS" in text or "Brics" in text for text in brics)
    assert all(
        any(word in text for word in ("troops", "soldiers", "North Korea")) for text in troops
    )


def test_a_topic_finds_events_through_aliases(bundled_dated: KnowledgeBase) -> None:
    texts = [event.text for event in whole(bundled_dated, "DPRK soldiers").events]
    assert any("North Korea" in text for text in texts)


def test_a_topic_reads_each_whole_sentence_s_terms_from_the_snapshot(
    bundled_dated: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compute once: the terms of a sentence quoted whole are those stored at build; only a
    quote cut to its clauses is read again, being other text than the sentence."""
    import bot.timeline.events as events

    expected = whole(bundled_dated, "DPRK soldiers")
    read: list[str] = []
    real = events.document_terms

    def reading(text: str, aliases: object) -> list[str]:
        read.append(text)
        return real(text, aliases)  # type: ignore[arg-type]

    monkeypatch.setattr(events, "document_terms", reading)
    assert whole(bundled_dated, "DPRK soldiers") == expected
    assert all(text.startswith(ELLIPSIS) or text.endswith(ELLIPSIS) for text in read)


def test_a_topic_nothing_is_about_gives_an_empty_timeline(bundled: KnowledgeBase) -> None:
    timeline = build_timeline(bundled.snapshot, "weather in Paris")
    assert (timeline.events, timeline.more) == ((), 0)


def test_a_blank_topic_means_the_whole_timeline(bundled: KnowledgeBase) -> None:
    assert build_timeline(bundled.snapshot, "   ").topic is None


def test_the_cap_keeps_the_best_events_in_date_order_and_counts_the_rest(
    bundled_dated: KnowledgeBase,
) -> None:
    total = len(whole(bundled_dated).events)
    capped = build_timeline(bundled_dated.snapshot, limit=4)
    assert len(capped.events) == 4
    assert capped.more == total - 4
    assert capped.total == total
    keys = [event.when.sort_key() for event in capped.events]
    assert keys == sorted(keys)
    assert any(len(event.articles) == 2 for event in capped.events)


def test_the_default_cap_is_fifteen() -> None:
    assert DEFAULT_LIMIT == 15


def test_a_limit_below_one_is_refused(bundled: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        build_timeline(bundled.snapshot, limit=0)


def test_building_twice_gives_the_same_order(bundled: KnowledgeBase) -> None:
    first = [(e.date, e.text) for e in whole(bundled).events]
    second = [(e.date, e.text) for e in whole(bundled).events]
    assert first == second


# --- small knowledge bases ----------------------------------------------------------------------

VOLCANO = (
    "The volcano erupted on Tuesday near the coastal town of Ashford, officials said. "
    "Lava reached the harbour the following day. "
    "Scientists warned that the eruption could last until December, and more ash is expected."
)


def test_events_of_a_dated_article_resolve_its_relative_dates(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": ("2024-10-25", VOLCANO)})
    events = [(event.date, event.date_text, event.expected) for event in whole(kb).events]
    assert events == [
        ("2024-10-22", "Tuesday", False),
        ("2024-10-23", "the following day", False),
        ("2024-12", "until December", True),
    ]


def test_an_undated_article_keeps_only_absolute_dates(make_kb: MakeKb) -> None:
    body = (
        "The volcano erupted on Tuesday near the coastal town of Ashford. "
        "It last erupted in 1998, destroying the old harbour wall. "
        "Residents were evacuated in June and returned last week to their homes."
    )
    timeline = whole(make_kb({"herald-volcano": (None, body)}))
    assert [(event.date, event.date_text) for event in timeline.events] == [("1998", "1998")]
    assert timeline.unplaced == 3


def test_the_same_event_in_two_articles_is_one_entry_citing_both(make_kb: MakeKb) -> None:
    kb = make_kb(
        {
            "herald-volcano": ("2024-10-25", "Mount Ashby erupted on Tuesday, covering Ashford in ash."),
            "courier-volcano": ("2024-10-24", "Mount Ashby erupted on Tuesday and covered Ashford in ash."),
        }
    )  # fmt: skip
    events = whole(kb).events
    assert len(events) == 1
    assert events[0].date == "2024-10-22"
    assert [a.id for a in events[0].articles] == ["courier-volcano", "herald-volcano"]


def test_similar_text_on_different_dates_stays_two_events(make_kb: MakeKb) -> None:
    kb = make_kb(
        {
            "herald-volcano": ("2024-10-25", "Mount Ashby erupted on Tuesday, covering Ashford in ash."),
            "courier-volcano": ("2024-10-25", "Mount Ashby erupted on Monday, covering Ashford in ash."),
        }
    )  # fmt: skip
    assert [event.date for event in whole(kb).events] == ["2024-10-21", "2024-10-22"]


def test_different_events_on_one_date_stay_apart_in_a_stable_order(make_kb: MakeKb) -> None:
    kb = make_kb(
        {
            "herald-city": (
                "2024-10-25",
                "The mayor opened the new library on Tuesday.\n\n"
                "Harbour FC beat Riverside 3-1 in the cup final on Tuesday.",
            ),
            "courier-city": ("2024-10-25", "The council approved the budget on Tuesday."),
        }
    )
    texts = [event.text for event in whole(kb).events]
    assert texts == [
        "The council approved the budget on Tuesday.",
        "The mayor opened the new library on Tuesday.",
        "Harbour FC beat Riverside 3-1 in the cup final on Tuesday.",
    ]


def test_a_dateline_alone_is_not_an_event(make_kb: MakeKb) -> None:
    body = (
        "Friday, October 25, 2024.\n\nThe volcano erupted on Tuesday near Ashford, officials said."
    )
    events = whole(make_kb({"herald-volcano": ("2024-10-25", body)})).events
    assert [event.date_text for event in events] == ["Tuesday"]


def test_a_yearless_day_without_a_dated_report_of_the_same_event_is_left_out(
    make_kb: MakeKb,
) -> None:
    body = "On October 24, the mayor opened the new library in Ashford."
    assert whole(make_kb({"herald-city": (None, body)})).events == ()


def test_the_cap_keeps_the_latest_when_sources_and_relevance_tie(make_kb: MakeKb) -> None:
    body = "\n\n".join(
        f"The club won the regional cup in {year} after a long season."
        for year in range(2000, 2020)
    )
    timeline = build_timeline(make_kb({"herald-cups": (None, body)}).snapshot)
    assert len(timeline.events) == DEFAULT_LIMIT
    assert timeline.more == 5
    assert [event.date for event in timeline.events[:1]] == ["2005"]


# --- the quoted text ------------------------------------------------------------------------------

LONG = (
    "His view of how the war will end struck a stark contrast with Ukrainian President "
    "Volodymyr Zelensky, who presented a “victory plan” to Western leaders last week which he "
    "said would force Moscow to withdraw by striking deeper within Russian territory using "
    "Western-supplied weapons."
)


def test_a_long_sentence_is_cut_to_the_clauses_around_its_date() -> None:
    from datetime import date

    (mention,) = find_dates(LONG, date(2024, 10, 25))
    text = event_text(LONG, mention)
    assert len(LONG) > MAX_EVENT_CHARS
    assert text.endswith(ELLIPSIS)
    assert "Volodymyr Zelensky, who presented a “victory plan” to Western leaders last week" in text
    assert len(text) <= MAX_EVENT_CHARS + len(ELLIPSIS)


def test_a_sentence_that_fits_is_quoted_whole() -> None:
    sentence = (
        "Brics was originally formed in 2009 by Brazil, Russia, India, China, and South Africa."
    )
    (mention,) = find_dates(sentence, None)
    assert event_text(sentence, mention) == sentence


def test_after_a_reload_the_timeline_follows_the_new_articles(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": ("2024-10-25", "The volcano erupted on Tuesday near Ashford.")})
    assert [event.date for event in whole(kb).events] == ["2024-10-22"]
    path = kb.directory / "herald-volcano.md"
    path.write_text(path.read_text().replace("on Tuesday", "on Monday"), encoding="utf-8")
    assert kb.reload().ok
    assert [event.date for event in whole(kb).events] == ["2024-10-21"]
