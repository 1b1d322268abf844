"""Score a timeline against a hand-written gold timeline: precision and recall of events and dates.

``python -m bot.timeline.gold [--gold eval/timeline_gold.yml] [--kb knowledge] [--json]``

Every mention of the timeline (an entry citing two articles has two) is one prediction. A
prediction matches a gold event when it comes from the same article and its quoted text holds
the gold phrase; it is correctly dated when it also has the gold date and precision.

- events: precision = matched predictions / predictions, recall = matched gold events / gold.
- dates: the same, counting only correctly dated matches.
- merges: pairs of mentions that share an entry, against the pairs of ``same_event`` groups.
- found with the right date: gold events matched with their date and precision.
- wrong year: matched mentions whose date falls in another year than the gold's (must be 0).
- inferred: mentions whose date was inferred (through another article or the article's own
  weekday), right when they match a gold event with its date, wrong otherwise.
- duplicates: entries beyond the first that quote the same sentence of the same article (must
  be 0).

A gold event marked ``needs_published`` counts only when its article has a publication date.
Articles the gold names nowhere (neither an event nor a skipped expression) are not scored: a
page added to an eval set after its gold was written is reported as not covered.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.timeline.dates import When
from bot.timeline.events import Mention, Timeline, build_timeline

DEFAULT_GOLD = Path("eval/timeline_gold.yml")


class GoldEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    article: str
    phrase: str
    date_text: str
    date: str
    precision: Literal["day", "week", "month", "year"]
    expected: bool = False
    inferred_via: str | None = None
    """The dated article through which an undated article's date is read."""
    needs_published: bool = False
    """Counts only when the article has a publication date (a relative date otherwise)."""


class SkippedExpression(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    article: str
    date_text: str
    reason: str


class Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    events: list[GoldEvent]
    same_event: list[list[str]] = []
    skipped: list[SkippedExpression] = []


class GoldError(ValueError):
    """The gold file cannot be used; the message says why."""


def load_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: {error}") from None
    try:
        gold = Gold.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise GoldError(f"{path}: {where}: {first['msg']}") from None
    ids = [event.id for event in gold.events]
    unknown = {name for group in gold.same_event for name in group} - set(ids)
    if len(set(ids)) != len(ids) or unknown:
        raise GoldError(f"{path}: event ids must be unique and same_event must name them")
    return gold


@dataclass(frozen=True)
class Scores:
    event_precision: float
    event_recall: float
    date_precision: float
    date_recall: float
    merge_precision: float
    merge_recall: float
    predictions: int
    gold_events: int
    right_date: int = 0
    """Gold events found with their date and precision."""
    wrong_year: int = 0
    """Matched mentions dated in another year than the gold's."""
    inferred_right: int = 0
    inferred_wrong: int = 0
    duplicates: int = 0
    """Entries beyond the first quoting the same sentence of the same article."""
    uncovered: list[str] = field(default_factory=list)
    """Articles with dated mentions that the gold does not cover (not scored)."""
    missed: list[str] = field(default_factory=list)
    """Gold events no prediction matched (ids)."""
    extra: list[str] = field(default_factory=list)
    """Predictions that match no gold event (article: text)."""
    misdated: list[str] = field(default_factory=list)
    """Matched gold events whose date or precision is wrong (id: got date/precision)."""

    def passes(self, target: float) -> bool:
        return (
            min(self.event_precision, self.event_recall) >= target
            and min(self.date_precision, self.date_recall) >= target
        )


def score(timeline: Timeline, gold: Gold, dated_articles: set[str] | None = None) -> Scores:
    """Compare every mention of ``timeline`` with the gold events (one-to-one, greedily).

    ``dated_articles`` names the articles with a publication date; events marked
    ``needs_published`` of other articles are not counted (None: every article is dated).
    """
    if dated_articles is not None:
        events = [e for e in gold.events if not e.needs_published or e.article in dated_articles]
        gold = gold.model_copy(update={"events": events})
    covered = {e.article for e in gold.events} | {s.article for s in gold.skipped}
    uncovered = {
        mention.article.id
        for event in timeline.events
        for mention in event.mentions
        if mention.article.id not in covered
    }
    predictions = [
        (event.when, mention)
        for event in timeline.events
        for mention in event.mentions
        if mention.article.id in covered
    ]
    claimed: dict[str, tuple[str, str]] = {}
    matched_predictions = dated_predictions = 0
    inferred_right = inferred_wrong = 0
    extra: list[str] = []
    entry_of: dict[str, int] = {}
    for number, event in enumerate(timeline.events):
        for mention in event.mentions:
            if mention.article.id not in covered:
                continue
            candidates = [
                g
                for g in gold.events
                if g.id not in claimed and _holds(mention, g.phrase, g.article)
            ]
            inferred = mention.inferred
            if not candidates:
                extra.append(f"{mention.article.id}: {mention.text}")
                inferred_wrong += inferred
                continue
            right = [g for g in candidates if (g.date, g.precision) == _dated(event.when)]
            chosen = (right or candidates)[0]
            claimed[chosen.id] = _dated(event.when)
            entry_of[chosen.id] = number
            matched_predictions += 1
            dated_predictions += bool(right)
            inferred_right += inferred and bool(right)
            inferred_wrong += inferred and not right
    gold_by_id = {event.id: event for event in gold.events}
    misdated = [
        f"{gid}: got {got[0]} ({got[1]}), expected {want.date} ({want.precision})"
        for gid, got in claimed.items()
        if got != ((want := gold_by_id[gid]).date, want.precision)
    ]
    merge_precision, merge_recall = _merge_scores(timeline, gold, entry_of)
    total, found = len(predictions), len(gold.events)
    return Scores(
        event_precision=_ratio(matched_predictions, total),
        event_recall=_ratio(len(claimed), found),
        date_precision=_ratio(dated_predictions, total),
        date_recall=_ratio(len(claimed) - len(misdated), found),
        merge_precision=merge_precision,
        merge_recall=merge_recall,
        predictions=total,
        gold_events=found,
        missed=[event.id for event in gold.events if event.id not in claimed],
        extra=extra,
        misdated=misdated,
        right_date=len(claimed) - len(misdated),
        wrong_year=sum(got[0][:4] != gold_by_id[gid].date[:4] for gid, got in claimed.items()),
        inferred_right=inferred_right,
        inferred_wrong=inferred_wrong,
        duplicates=duplicate_entries(timeline),
        uncovered=sorted(uncovered),
    )


def duplicate_entries(timeline: Timeline) -> int:
    """Entries beyond the first that quote the same sentence of the same article."""
    seen: dict[tuple[str, int], int] = {}
    for event in timeline.events:
        for key in {(mention.article.id, mention.start) for mention in event.mentions}:
            seen[key] = seen.get(key, 0) + 1
    return sum(count - 1 for count in seen.values())


def _holds(mention: Mention, phrase: str, article: str) -> bool:
    return mention.article.id == article and _squeeze(phrase) in _squeeze(mention.text)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _dated(when: When) -> tuple[str, str]:
    return (when.iso(), when.precision.value)


def _merge_scores(timeline: Timeline, gold: Gold, entry_of: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of "these two gold events share one entry"."""
    gold_pairs = {frozenset(pair) for group in gold.same_event for pair in combinations(group, 2)}
    by_entry: dict[int, list[str]] = {}
    for gid, number in entry_of.items():
        by_entry.setdefault(number, []).append(gid)
    found_pairs = {
        frozenset(pair) for ids in by_entry.values() for pair in combinations(sorted(ids), 2)
    }
    return (
        _ratio(len(found_pairs & gold_pairs), len(found_pairs)),
        _ratio(len(found_pairs & gold_pairs), len(gold_pairs)),
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def report(scores: Scores) -> str:
    lines = [
        f"events: precision {scores.event_precision:.2f}, recall {scores.event_recall:.2f}",
        f"dates:  precision {scores.date_precision:.2f}, recall {scores.date_recall:.2f}",
        f"merges: precision {scores.merge_precision:.2f}, recall {scores.merge_recall:.2f}",
        f"found with the right date: {scores.right_date} of {scores.gold_events} gold events",
        f"entries with a wrong year: {scores.wrong_year}",
        f"inferred dates: {scores.inferred_right} right, {scores.inferred_wrong} wrong",
        f"duplicate entries: {scores.duplicates}",
        f"({scores.predictions} dated mentions in the timeline, {scores.gold_events} gold events)",
    ]
    if scores.uncovered:
        lines.append(f"not scored (no gold yet): {len(scores.uncovered)} articles")
    lines.extend(f"missed: {gid}" for gid in scores.missed)
    lines.extend(f"extra: {text}" for text in scores.extra)
    lines.extend(f"misdated: {line}" for line in scores.misdated)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    from bot.knowledge_base import KnowledgeBase, KnowledgeBaseError

    parser = argparse.ArgumentParser(prog="python -m bot.timeline.gold", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold timeline")
    parser.add_argument("--kb", type=Path, default=Path("knowledge"), help="knowledge directory")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        kb = KnowledgeBase(args.kb)
    except (GoldError, KnowledgeBaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    snapshot = kb.snapshot
    dated = {a.id for a in snapshot.articles.values() if a.published is not None}
    scores = score(build_timeline(snapshot, limit=None), gold, dated)
    print(json.dumps(asdict(scores), indent=2) if args.json else report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
