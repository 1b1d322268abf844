"""Timelines as console text, compact chat lines and JSON (plain text, no platform imports)."""

from __future__ import annotations

from typing import Any

from bot.articles import Article
from bot.render import attribution, truncate
from bot.timeline.dates import Precision, When
from bot.timeline.events import Timeline, TimelineEvent

SOURCE_NAME_CHARS = 48
EXPECTED_MARK = "(expected)"


def display_date(when: When) -> str:
    """The date as the JSON gives it, but a week reads "week of 2024-10-14"."""
    return f"week of {when.iso()}" if when.precision is Precision.WEEK else when.iso()


def source_name(article: Article) -> str:
    """What a reader calls the source: the publisher when known, else the (shortened) title."""
    return article.publisher or truncate(article.title, SOURCE_NAME_CHARS)


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
        mark = f" {EXPECTED_MARK}" if event.expected else ""
        lines = [f"{display_date(event.when)}{mark}", f"   {event.text}"]
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
    return "\n\n".join(blocks)


def _attribution(event: TimelineEvent, article: Article) -> str:
    photo = all(m.caption for m in event.mentions if m.article.id == article.id)
    return attribution(article) + (" (photo caption)" if photo else "")


def compact_line(event: TimelineEvent, text_limit: int | None = None) -> str:
    """``2024-10-24 · text — Source; Other source`` on one line."""
    text = " ".join(event.text.split())
    if text_limit is not None:
        text = truncate(text, text_limit)
    mark = f" {EXPECTED_MARK}" if event.expected else ""
    sources = "; ".join(source_name(article) for article in event.articles)
    return f"{display_date(event.when)}{mark} · {text} — {sources}"


def compact_lines(timeline: Timeline, text_limit: int | None = None) -> list[str]:
    """One line per event for chat: date, text (cut to ``text_limit``), source names."""
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
        "version": timeline.version,
    }


def _event_json(event: TimelineEvent) -> dict[str, Any]:
    return {
        "date": event.date,
        "date_text": event.date_text,
        "text": event.text,
        "articles": [article.reference() for article in event.articles],
        "precision": event.when.precision.value,
        "expected": event.expected,
        "mentions": [
            {
                "article": mention.article.id,
                "text": mention.text,
                "date_text": mention.date_text,
                "caption": mention.caption,
            }
            for mention in event.mentions
        ],
    }
