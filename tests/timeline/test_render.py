"""Console text, compact chat lines and the JSON shape of a timeline."""

from __future__ import annotations

import json
import re

from bot.knowledge_base import KnowledgeBase
from bot.timeline import build_timeline
from bot.timeline.render import (
    compact_lines,
    compact_text,
    source_name,
    timeline_text,
    to_json,
)
from tests.timeline.conftest import MakeKb

DATE_FORMAT = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def test_json_has_exactly_the_promised_shape(bundled: KnowledgeBase) -> None:
    data = to_json(build_timeline(bundled.snapshot, "North Korean troops"))
    assert data["topic"] == "North Korean troops"
    assert data["events"] and data["left_out"] == []
    for event in data["events"]:
        assert {"date", "date_text", "text", "label", "articles", "inferred"} <= event.keys()
        assert all({"label", "inferred"} <= mention.keys() for mention in event["mentions"])
        assert DATE_FORMAT.match(event["date"])
        assert isinstance(event["date_text"], str) and event["date_text"]
        for reference in event["articles"]:
            article = bundled.snapshot.articles[reference["id"]]
            assert reference == article.reference()
    json.dumps(data)


def test_json_of_the_whole_timeline_has_a_null_topic_and_is_chronological(
    bundled: KnowledgeBase,
) -> None:
    data = to_json(build_timeline(bundled.snapshot, limit=None))
    assert data["topic"] is None
    starts = [event["date"] for event in data["events"]]
    padded = [date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date for date in starts]
    assert padded == sorted(padded)


def test_json_marks_precision_and_expected_events(make_kb: MakeKb) -> None:
    kb = make_kb(
        {"herald-ash": ("2024-10-25", "Officials said the ash cloud could reach the capital by December.")}
    )  # fmt: skip
    (event,) = to_json(build_timeline(kb.snapshot))["events"]
    assert (event["date"], event["precision"], event["expected"]) == ("2024-12", "month", True)


def test_compact_lines_give_one_line_per_event_with_date_text_and_sources(
    bundled: KnowledgeBase,
) -> None:
    timeline = build_timeline(bundled.snapshot)
    lines = compact_lines(timeline)
    assert len(lines) == len(timeline.events)
    for line, event in zip(lines, timeline.events, strict=True):
        assert "\n" not in line
        assert line.startswith(event.date) or line.startswith("week of")
        assert event.lead.short in line
        assert all(source_name(article) in line for article in event.articles)


def test_compact_lines_can_cut_the_text_for_tight_surfaces(bundled: KnowledgeBase) -> None:
    lines = compact_lines(build_timeline(bundled.snapshot), text_limit=40)
    assert all(len(line.split(" · ", 1)[1].split(" — ")[0]) <= 40 for line in lines)


def test_a_source_is_named_by_its_publisher_or_else_its_title(bundled: KnowledgeBase) -> None:
    rfa = bundled.snapshot.articles["putin-north-korea-brics-ceasefire-talks"]
    unknown = bundled.snapshot.articles["putin-talks-kim-north-korean-troops"]
    assert source_name(rfa) == "www.rfa.org"
    assert source_name(unknown).startswith("Putin admits holding talks")


def test_console_text_quotes_each_event_under_its_date_with_attribution(
    bundled_dated: KnowledgeBase,
) -> None:
    text = timeline_text(build_timeline(bundled_dated.snapshot))
    assert text.startswith("Timeline (")
    assert "2023-08-23\n   Leaders of the five member countries" in text
    assert "week of 2024-10-14" in text
    assert "(photo caption)" in text
    assert "Michael Lee · 2024-10-25" in text
    assert "have no publication date" in text


def test_the_note_on_unplaced_dates_is_left_out_of_a_topic_timeline(
    bundled: KnowledgeBase,
) -> None:
    assert "publication date" not in timeline_text(build_timeline(bundled.snapshot, "Crimea"))


def test_console_text_says_how_many_more_there_are(bundled: KnowledgeBase) -> None:
    timeline = build_timeline(bundled.snapshot, limit=3)
    text = timeline_text(timeline, more_hint="Use --limit 20.")
    assert f"{timeline.more} more events not shown. Use --limit 20." in text


def test_an_empty_timeline_says_so(bundled: KnowledgeBase) -> None:
    timeline = build_timeline(bundled.snapshot, "weather in Paris")
    assert timeline_text(timeline) == "No dated events about “weather in Paris” in the articles."
    assert compact_lines(timeline) == []
    assert compact_text(timeline) == timeline_text(timeline)


def test_expected_events_are_marked_in_text_and_lines(make_kb: MakeKb) -> None:
    kb = make_kb(
        {"herald-ash": ("2024-10-25", "Officials said the ash cloud could reach the capital by December.")}
    )  # fmt: skip
    timeline = build_timeline(kb.snapshot)
    assert "2024-12 (expected)" in timeline_text(timeline)
    assert compact_lines(timeline)[0].startswith("2024-12 (expected) · ")


def test_compact_text_is_heading_lines_and_note(bundled: KnowledgeBase) -> None:
    timeline = build_timeline(bundled.snapshot, limit=2)
    lines = compact_text(timeline, more_hint="Ask for more.").splitlines()
    assert lines[0] == "Timeline (2 dated events)"
    assert lines[1:3] == compact_lines(timeline)
    assert lines[3] == f"{timeline.more} more events not shown. Ask for more."


def test_the_detailed_view_keeps_the_sentence_and_the_compact_line_shows_the_label(
    make_kb: MakeKb,
) -> None:
    sentence = (
        "On October 24, Russian President Vladimir Putin held a press conference following the "
        "conclusion of the BRICS summit in Kazan, where leaders of 36 countries had gathered."
    )
    timeline = build_timeline(make_kb({"herald-kazan": ("2024-10-25", sentence)}).snapshot)
    (event,) = timeline.events
    assert sentence in timeline_text(timeline)
    assert to_json(timeline)["events"][0]["text"] == sentence
    (line,) = compact_lines(timeline)
    assert event.lead.short in line and sentence not in line
    assert event.lead.short.startswith("On October 24, Russian President Vladimir Putin held")
