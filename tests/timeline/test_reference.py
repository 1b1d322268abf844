"""Undated articles read from the day a dated article gives the same event (issue 17)."""

from __future__ import annotations

import json

from bot.timeline import build_timeline
from bot.timeline.picture import picture_date
from bot.timeline.render import timeline_text, to_json
from tests.timeline.conftest import MakeKb

DATED_STORM = (
    "The storm hit the harbour town of Ashford on Tuesday, Mayor Helen Ruiz said. "
    "Fishing boats stayed in port."
)
UNDATED_STORM = (
    "On Tuesday, the storm hit Ashford harbour and flooded the Quay Street market, Mayor Helen "
    "Ruiz said. The Ashford ferry service had stopped the previous day. "
    "The town rebuilt the sea wall in 2019."
)


def dated_of(kb_events: list, slug: str) -> dict[str, str]:
    return {
        mention.date_text: event.date
        for event in kb_events
        for mention in event.mentions
        if mention.article.id == slug
    }


def test_an_undated_article_is_read_from_the_day_a_dated_one_gives_the_same_event(
    make_kb: MakeKb,
) -> None:
    kb = make_kb(
        {"gazette-storm": ("2024-03-08", DATED_STORM), "courier-storm": (None, UNDATED_STORM)}
    )
    timeline = build_timeline(kb.snapshot, limit=None)
    assert dated_of(list(timeline.events), "courier-storm") == {
        "Tuesday": "2024-03-05",
        "the previous day": "2024-03-04",
        "2019": "2019",
    }
    mentions = {m.date_text: m for e in timeline.events for m in e.mentions}
    assert mentions["the previous day"].inferred_via.id == "gazette-storm"
    assert mentions["2019"].inference is None


def test_the_same_event_through_an_anchor_is_one_entry(make_kb: MakeKb) -> None:
    # similar enough to anchor (Dice 0.4), not enough to merge on wording alone (0.5)
    undated = (
        "On Tuesday, the storm hit Ashford harbour, flooded the Quay Street market, tore roofs "
        "off fishing cottages, sank two trawlers and cut power to the old lighthouse on Pier "
        "Road, Mayor Helen Ruiz told reporters."
    )
    kb = make_kb({"gazette-storm": ("2024-03-08", DATED_STORM), "courier-storm": (None, undated)})
    (storm,) = build_timeline(kb.snapshot, limit=None).events
    assert storm.date == "2024-03-05"
    assert {a.id for a in storm.articles} == {"gazette-storm", "courier-storm"}
    assert storm.inference is None  # a dated report gives it directly


def test_an_inferred_date_is_marked_in_text_json_and_picture_never_as_publication(
    make_kb: MakeKb,
) -> None:
    kb = make_kb(
        {"gazette-storm": ("2024-03-08", DATED_STORM), "courier-storm": (None, UNDATED_STORM)}
    )
    timeline = build_timeline(kb.snapshot, limit=None)
    text = timeline_text(timeline)
    assert "2024-03-04, inferred via The Gazette Post" in text
    assert "Courier storm — The Courier Post · undated" in text
    data = json.loads(json.dumps(to_json(timeline)))
    (ferry,) = [e for e in data["events"] if e["date"] == "2024-03-04"]
    assert ferry["inferred"]["via"] == "gazette-storm"
    assert ferry["inferred"]["note"] == "inferred via The Gazette Post"
    assert ferry["articles"][0]["published"] is None
    (event,) = [e for e in timeline.events if e.date == "2024-03-04"]
    assert picture_date(event.when, inferred=event.inference is not None).endswith("inferred")


def test_a_sentence_about_another_event_is_no_anchor(make_kb: MakeKb) -> None:
    other = "The central bank raised interest rates on Tuesday, Governor Lena Park said in Seoul."
    kb = make_kb({"gazette-bank": ("2024-03-08", other), "courier-storm": (None, UNDATED_STORM)})
    timeline = build_timeline(kb.snapshot, limit=None)
    assert dated_of(list(timeline.events), "courier-storm") == {"2019": "2019"}
    assert timeline.unplaced == 2


def test_anchors_that_disagree_infer_nothing_and_say_why(make_kb: MakeKb) -> None:
    regatta = (
        "The Ashford Regatta Committee cancelled the Summer Regatta race on Friday, "
        "chairman Piet Olsen said."
    )
    undated = UNDATED_STORM + (
        " On Friday, the Ashford Regatta Committee cancelled the Summer Regatta race, "
        "chairman Piet Olsen said."
    )
    kb = make_kb({
        "gazette-storm": ("2024-03-08", DATED_STORM),
        "herald-regatta": ("2024-03-29", regatta),
        "courier-storm": (None, undated),
    })  # fmt: skip
    timeline = build_timeline(kb.snapshot, limit=None)
    assert dated_of(list(timeline.events), "courier-storm") == {"2019": "2019"}
    (conflict,) = timeline.conflicts
    assert conflict.article.id == "courier-storm"
    note = to_json(timeline)["left_out"][0]["reason"]
    assert "disagree" in note and "The Gazette Post" in note and "The Herald Post" in note
    assert note in timeline_text(timeline)


def test_a_yearless_day_with_its_weekday_fits_one_year(make_kb: MakeKb) -> None:
    body = (
        "The council voted on Thursday, October 24, to close the old bridge, which opened in "
        "2022. Repairs had begun the previous day."
    )
    timeline = build_timeline(make_kb({"courier-bridge": (None, body)}).snapshot, limit=None)
    assert [(e.date, e.inference is not None) for e in timeline.events] == [
        ("2024-10-23", True),
        ("2024-10-24", True),
    ]
    assert all(e.inference.via is None for e in timeline.events)


def test_a_dateline_gives_the_article_its_date_and_is_no_event(make_kb: MakeKb) -> None:
    body = (
        "KYIV, Ukraine, Nov. 5, 2024 — Russian drones struck a power station in Kharkiv on "
        "Monday, officials said. Repairs began on Tuesday."
    )
    for published in (None, "2024-11-05"):
        timeline = build_timeline(make_kb({"wire-kyiv": (published, body)}).snapshot, limit=None)
        assert [e.date for e in timeline.events] == ["2024-11-04", "2024-11-05"]
        assert all(e.inference is None for e in timeline.events)


def test_a_dateline_never_hides_the_same_day_named_by_a_weekday(make_kb: MakeKb) -> None:
    body = "SEOUL, Oct. 29 (Yonhap) -- North Korean troops are moving, the spy agency told lawmakers Tuesday."
    timeline = build_timeline(make_kb({"wire-seoul": ("2024-10-29", body)}).snapshot, limit=None)
    assert [(e.date, e.date_text) for e in timeline.events] == [("2024-10-29", "Tuesday")]


SELF_DATED = (
    "Finance Minister Olaf Berg resigned on October 24 after the budget vote in the Oslo "
    "parliament. Olaf Berg announced it at a news conference in Oslo with Prime Minister Eva "
    "Lund. Finance Minister Olaf Berg speaks at the Oslo news conference with Prime Minister Eva "
    "Lund on Thursday. The opposition leader Kari Holm said Friday that elections were needed. "
    "The budget rules were changed in 2023."
)


def test_a_weekday_named_for_the_same_event_fixes_the_year_of_a_month_and_day(
    make_kb: MakeKb,
) -> None:
    timeline = build_timeline(make_kb({"courier-oslo": (None, SELF_DATED)}).snapshot, limit=None)
    dates = {m.date_text: (e.date, e.expected) for e in timeline.events for m in e.mentions}
    # of 2023-2027 only 2024 has 24 October on a Thursday; Friday is the day after, not expected
    assert dates["October 24"] == ("2024-10-24", False)
    assert dates["Friday"] == ("2024-10-25", False)
    assert all(e.inference is not None for e in timeline.events if e.date.startswith("2024"))
    assert "inferred from the weekday" in timeline_text(timeline)


def test_an_article_dated_by_its_own_weekday_anchors_others(make_kb: MakeKb) -> None:
    other = (
        "On Thursday, Finance Minister Olaf Berg resigned after the budget vote in the Oslo "
        "parliament, Prime Minister Eva Lund said."
    )
    kb = make_kb({"courier-oslo": (None, SELF_DATED), "herald-oslo": (None, other)})
    timeline = build_timeline(kb.snapshot, limit=None)
    (mention,) = [m for e in timeline.events for m in e.mentions if m.article.id == "herald-oslo"]
    assert mention.inferred_via is not None and mention.inferred_via.id == "courier-oslo"
    assert [e.date for e in timeline.events if mention in e.mentions] == ["2024-10-24"]


def test_a_dated_article_is_read_from_its_dateline_when_the_page_date_differs(
    make_kb: MakeKb,
) -> None:
    body = (
        "The accord calls on each side to help the other. MOSCOW, Nov 10 (Reuters): The upper "
        "house ratified the treaty this week, officials said."
    )
    timeline = build_timeline(make_kb({"wire-moscow": ("2024-11-11", body)}).snapshot, limit=None)
    assert [(e.date, e.date_text) for e in timeline.events] == [("2024-11-04", "this week")]
