"""Timelines as console text, compact chat lines and JSON (plain text, no platform imports)."""

from __future__ import annotations

from typing import Any

from bot.articles import Article
from bot.render import attribution, truncate
from bot.timeline.dates import Precision, When
from bot.timeline.events import Timeline, TimelineEvent
from bot.timeline.reference import Anchor, Conflict, Reference

SOURCE_NAME_CHARS = 48
EXPECTED_MARK = "(expected)"


def display_date(when: When) -> str:
    """The date as the JSON gives it, but a week reads "week of 2024-10-14"."""
    return f"week of {when.iso()}" if when.precision is Precision.WEEK else when.iso()


def source_name(article: Article) -> str:
    """What a reader calls the source: the publisher when known, else the (shortened) title."""
    return article.publisher or truncate(article.title, SOURCE_NAME_CHARS)


def inference_note(reference: Reference) -> str:
    """ "inferred via The Korea Daily", or "inferred from the weekday" for "Thursday, October 24"
    in an article that writes 2022 (only one nearby year has that day on a Thursday)."""
    if reference.via is not None:
        return f"inferred via {source_name(reference.via)}"
    return "inferred from the weekday"


def dated_line(event: TimelineEvent) -> str:
    """ "2024-10-23, inferred via The Korea Daily (expected)": the date and what to know of it."""
    inference = event.inference
    note = f", {inference_note(inference)}" if inference else ""
    mark = f" {EXPECTED_MARK}" if event.expected else ""
    return f"{display_date(event.when)}{note}{mark}"


def conflict_note(conflict: Conflict) -> str:
    """Why an undated article's relative dates were left out although other articles date it."""
    earlier, later = conflict.earlier, conflict.later

    def through(anchor: Anchor) -> str:
        return source_name(anchor.via) if anchor.via is not None else "its weekday"

    return (
        f"{source_name(conflict.article)}: its relative dates were left out, as the articles "
        f"disagree on its date: “{earlier.written}” is {earlier.day:%-d %b %Y} through "
        f"{through(earlier)}, “{later.written}” is {later.day:%-d %b %Y} through {through(later)}."
    )


def heading(timeline: Timeline) -> str:
    count = len(timeline.events)
    noun = "event" if count == 1 else "events"
    subject = f"Timeline: {timeline.topic}" if timeline.topic else "Timeline"
    return f"{subject} ({count} dated {noun})"


def empty_message(timeline: Timeline) -> str:
    if timeline.topic:
        return f"No dated events about “{timeline.topic}” in the articles."
    return "No dated events in the articles."


def more_note(timeline: Timeline, hint: str = "") -> str | None:
    """ "3 more events not shown." plus ``hint`` (how to see them on this surface), or None."""
    if timeline.more <= 0:
        return None
    noun = "event" if timeline.more == 1 else "events"
    return f"{timeline.more} more {noun} not shown.{' ' + hint if hint else ''}"


def timeline_text(timeline: Timeline, more_hint: str = "") -> str:
    """The console rendering: date, quoted text, and one attribution line per source."""
    if not timeline.events:
        return empty_message(timeline)
    blocks = [heading(timeline)]
    for event in timeline.events:
        lines = [dated_line(event), f"   {event.text}"]
        lines.extend(f"   — {_attribution(event, article)}" for article in event.articles)
        blocks.append("\n".join(lines))
    note = more_note(timeline, more_hint)
    if note:
        blocks.append(note)
    if timeline.unplaced and not timeline.topic:
        blocks.append(
            f"{timeline.unplaced} relative dates (“on Thursday”, “last year”) were left out: "
            "their articles have no publication date."
        )
    if not timeline.topic:
        blocks.extend(conflict_note(conflict) for conflict in timeline.conflicts)
    return "\n\n".join(blocks)


def _attribution(event: TimelineEvent, article: Article) -> str:
    photo = all(m.caption for m in event.mentions if m.article.id == article.id)
    return attribution(article) + (" (photo caption)" if photo else "")


def compact_line(event: TimelineEvent, text_limit: int | None = None) -> str:
    """``2024-10-24 · label — Source; Other source`` on one line; the label says who did what."""
    text = " ".join(event.lead.short.split())
    if text_limit is not None:
        text = truncate(text, text_limit)
    sources = "; ".join(source_name(article) for article in event.articles)
    return f"{dated_line(event)} · {text} — {sources}"


def compact_lines(timeline: Timeline, text_limit: int | None = None) -> list[str]:
    """One line per event for chat: date, label (cut to ``text_limit``), source names."""
    return [compact_line(event, text_limit) for event in timeline.events]


def compact_text(timeline: Timeline, text_limit: int | None = None, more_hint: str = "") -> str:
    """Heading, the compact lines and the note of what was left out, as one message."""
    if not timeline.events:
        return empty_message(timeline)
    lines = [heading(timeline), *compact_lines(timeline, text_limit)]
    note = more_note(timeline, more_hint)
    return "\n".join([*lines, note] if note else lines)


def to_json(timeline: Timeline) -> dict[str, Any]:
    """``{"topic", "events": [{"date", "date_text", "text", "articles", ...}], "more", ...}``."""
    return {
        "topic": timeline.topic,
        "events": [_event_json(event) for event in timeline.events],
        "more": timeline.more,
        "unplaced": timeline.unplaced,
        "left_out": [
            {"article": conflict.article.id, "reason": conflict_note(conflict)}
            for conflict in timeline.conflicts
        ],
        "version": timeline.version,
    }


def _event_json(event: TimelineEvent) -> dict[str, Any]:
    return {
        "date": event.date,
        "date_text": event.date_text,
        "text": event.text,
        "label": event.lead.short,
        "articles": [article.reference() for article in event.articles],
        "precision": event.when.precision.value,
        "expected": event.expected,
        "inferred": _inference_json(event.inference),
        "mentions": [
            {
                "article": mention.article.id,
                "text": mention.text,
                "label": mention.short,
                "date_text": mention.date_text,
                "caption": mention.caption,
                "inferred": _inference_json(mention.inference),
            }
            for mention in event.mentions
        ],
    }


def _inference_json(reference: Reference | None) -> dict[str, Any] | None:
    """``{"via": article id or null, "note": "inferred via …", "reference_day"}`` or None.

    ``reference_day`` is the day the article's relative dates were read from; it is an
    estimate, never the article's publication date.
    """
    if reference is None:
        return None
    return {
        "via": reference.via.id if reference.via else None,
        "note": inference_note(reference),
        "reference_day": reference.day.isoformat(),
    }
