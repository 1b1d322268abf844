"""The measured figures: the bundled timeline against the hand-written gold timeline."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.knowledge_base import KnowledgeBase
from bot.timeline import build_timeline
from bot.timeline.gold import Gold, GoldError, GoldEvent, load_gold, main, score
from tests.timeline.conftest import BUNDLED_KB, GOLD, REPO, MakeKb

TARGET = 0.9


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(GOLD)


def test_every_gold_event_quotes_its_article(bundled: KnowledgeBase, gold: Gold) -> None:
    articles = bundled.snapshot.articles
    for event in gold.events:
        assert event.article in articles, event.id
        assert event.phrase in articles[event.article].text, event.id
        assert event.date_text in articles[event.article].text, event.id


def test_every_gold_date_is_written_at_its_precision(gold: Gold) -> None:
    pattern = {
        "day": r"\d{4}-\d{2}-\d{2}",
        "week": r"\d{4}-\d{2}-\d{2}",
        "month": r"\d{4}-\d{2}",
        "year": r"\d{4}",
    }
    for event in gold.events:
        assert re.fullmatch(pattern[event.precision], event.date), event.id


@pytest.mark.parametrize("knowledge", ["bundled", "bundled_dated"])
def test_the_bundled_timeline_meets_the_targets(
    knowledge: str, request: pytest.FixtureRequest, gold: Gold
) -> None:
    """As shipped (the Korea Daily undated, dated by its own weekday) and with it dated."""
    snapshot = request.getfixturevalue(knowledge).snapshot
    dated = {a.id for a in snapshot.articles.values() if a.published is not None}
    scores = score(build_timeline(snapshot, limit=None), gold, dated)
    assert (scores.wrong_year, scores.duplicates, scores.inferred_wrong) == (0, 0, 0)
    assert scores.event_precision >= TARGET, scores.extra
    assert scores.event_recall >= TARGET, scores.missed
    assert scores.date_precision >= TARGET, scores.misdated
    assert scores.date_recall >= TARGET, scores.misdated
    assert scores.merge_recall >= TARGET and scores.merge_precision >= TARGET
    assert scores.passes(TARGET)


def test_the_script_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gold", str(GOLD), "--kb", str(BUNDLED_KB)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"events: precision \d\.\d\d, recall \d\.\d\d", out)
    assert re.search(r"dates:  precision \d\.\d\d, recall \d\.\d\d", out)


def test_a_broken_gold_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "gold.yml"
    broken.write_text("events:\n  - id: x\n    article: a\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"events\.0"):
        load_gold(broken)
    assert main(["--gold", str(broken), "--kb", str(BUNDLED_KB)]) == 2
    assert "error:" in capsys.readouterr().err


# --- the scoring itself ---------------------------------------------------------------------------

TWO_EVENTS = (
    "The volcano erupted on Tuesday near Ashford, officials said. "
    "The harbour reopened on Thursday after the ash was cleared."
)


def gold_of(*events: tuple[str, str, str]) -> Gold:
    return Gold(
        events=[
            GoldEvent(
                id=f"e{number}",
                article="herald-volcano",
                phrase=phrase,
                date_text=text,
                date=date,
                precision="day",
            )
            for number, (phrase, text, date) in enumerate(events)
        ]
    )


def test_a_perfect_timeline_scores_one(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": ("2024-10-25", TWO_EVENTS)})
    gold = gold_of(
        ("The volcano erupted", "Tuesday", "2024-10-22"),
        ("The harbour reopened", "Thursday", "2024-10-24"),
    )
    scores = score(build_timeline(kb.snapshot), gold)
    assert (scores.event_precision, scores.event_recall) == (1.0, 1.0)
    assert (scores.date_precision, scores.date_recall) == (1.0, 1.0)


def test_a_wrong_date_costs_dates_but_not_events(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": ("2024-10-25", TWO_EVENTS)})
    gold = gold_of(
        ("The volcano erupted", "Tuesday", "2024-10-15"),
        ("The harbour reopened", "Thursday", "2024-10-24"),
    )
    scores = score(build_timeline(kb.snapshot), gold)
    assert (scores.event_precision, scores.event_recall) == (1.0, 1.0)
    assert (scores.date_precision, scores.date_recall) == (0.5, 0.5)
    assert scores.misdated == ["e0: got 2024-10-22 (day), expected 2024-10-15 (day)"]


def test_missing_and_extra_events_cost_recall_and_precision(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": ("2024-10-25", TWO_EVENTS)})
    gold = gold_of(
        ("The volcano erupted", "Tuesday", "2024-10-22"),
        ("Schools closed", "Wednesday", "2024-10-23"),
    )
    scores = score(build_timeline(kb.snapshot), gold)
    assert (scores.event_precision, scores.event_recall) == (0.5, 0.5)
    assert scores.missed == ["e1"]
    assert scores.extra == [
        "herald-volcano: The harbour reopened on Thursday after the ash was cleared."
    ]


# --- the same articles with their real publication dates ------------------------------------------

# The dates the undated articles were published (a Thursday and a Friday) and what their
# relative expressions then mean, checked against the events they report.
REAL_DATES = {
    "putin-indicates-north-korean-troops-in-russia": "2024-10-24",
    "putin-talks-kim-north-korean-troops": "2024-10-25",
}
KNOWN = [
    ("putin-indicates-north-korean-troops-in-russia", "the Pentagon the previous day", "2024-10-23"),
    ("putin-indicates-north-korean-troops-in-russia", "during his visit to Pyongyang in June", "2024-06"),
    ("putin-indicates-north-korean-troops-in-russia", "Lloyd Austin characterized", "2024-10-23"),
    ("putin-indicates-north-korean-troops-in-russia", "seemingly acknowledged the deployment", "2024-10-24"),
    ("putin-indicates-north-korean-troops-in-russia", "agency on Thursday indicated", "2024-10-24"),
    ("putin-indicates-north-korean-troops-in-russia", "could rise to 10,000 by December", "2024-12"),
    ("putin-talks-kim-north-korean-troops", "lower house of parliament on Thursday", "2024-10-24"),
    ("putin-talks-kim-north-korean-troops", "made earlier this year", "2024"),
]  # fmt: skip


def test_with_their_real_publication_dates_the_relative_dates_resolve_correctly(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KB, directory)
    for slug, published in REAL_DATES.items():
        path = directory / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("published: null", f"published: {published}", 1), "utf-8")
    timeline = build_timeline(KnowledgeBase(directory).snapshot, limit=None)
    found = {
        (mention.article.id, event.date, mention.article.text[mention.start : mention.end])
        for event in timeline.events
        for mention in event.mentions
    }
    for article, phrase, date in KNOWN:
        assert any(a == article and d == date and phrase in s for a, d, s in found), phrase
    expected = [e for e in timeline.events if e.expected]
    assert [e.date for e in expected] == ["2024-12"]


def test_the_figures_count_wrong_years_duplicates_and_inferred_dates(make_kb: MakeKb) -> None:
    body = "The volcano erupted on Tuesday near Ashford. The harbour reopened in 2019 and 2023."
    kb = make_kb({"herald-volcano": ("2024-10-25", body)})
    gold = Gold(
        events=[
            GoldEvent(id="erupted", article="herald-volcano", phrase="The volcano erupted",
                      date_text="Tuesday", date="2023-10-22", precision="day"),
            GoldEvent(id="reopened", article="herald-volcano", phrase="harbour reopened",
                      date_text="2019", date="2019", precision="year"),
        ]
    )  # fmt: skip
    scores = score(build_timeline(kb.snapshot, limit=None), gold)
    assert (scores.wrong_year, scores.duplicates, scores.right_date) == (1, 0, 1)
    assert (scores.inferred_right, scores.inferred_wrong) == (0, 0)


def test_an_event_that_needs_a_publication_date_counts_only_with_one(make_kb: MakeKb) -> None:
    kb = make_kb({"herald-volcano": (None, TWO_EVENTS)})
    gold = Gold(
        events=[
            GoldEvent(id="erupted", article="herald-volcano", phrase="The volcano erupted",
                      date_text="Tuesday", date="2024-10-22", precision="day",
                      needs_published=True),
        ]
    )  # fmt: skip
    assert score(build_timeline(kb.snapshot, limit=None), gold, set()).gold_events == 0
    assert score(build_timeline(kb.snapshot, limit=None), gold, {"herald-volcano"}).gold_events == 1


DEV_PAGES = REPO / "eval" / "pages" / "dev"


def test_the_dev_pages_timeline_has_no_wrong_year_duplicate_or_wrong_inference() -> None:
    gold = load_gold(DEV_PAGES / "timeline_gold.yml")
    snapshot = KnowledgeBase(DEV_PAGES).snapshot
    dated = {a.id for a in snapshot.articles.values() if a.published is not None}
    scores = score(build_timeline(snapshot, limit=None), gold, dated)
    assert (scores.wrong_year, scores.duplicates, scores.inferred_wrong) == (0, 0, 0)
    assert scores.right_date >= TARGET * scores.gold_events, scores.missed
    assert scores.event_precision >= TARGET, scores.extra


def test_an_article_the_gold_does_not_name_is_not_scored(make_kb: MakeKb) -> None:
    kb = make_kb({
        "herald-volcano": ("2024-10-25", TWO_EVENTS),
        "courier-flood": ("2024-10-25", "The river flooded the old town on Monday, officials said."),
    })  # fmt: skip
    gold = gold_of(("The volcano erupted", "Tuesday", "2024-10-22"))
    scores = score(build_timeline(kb.snapshot, limit=None), gold)
    assert scores.uncovered == ["courier-flood"]
    assert all(not line.startswith("courier-flood") for line in scores.extra)
