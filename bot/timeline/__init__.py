"""Timelines: dated, sourced events quoted from the articles."""

from bot.timeline.dates import DateMention, Precision, When, find_dates
from bot.timeline.events import DEFAULT_LIMIT, Mention, Timeline, TimelineEvent, build_timeline

__all__ = [
    "DEFAULT_LIMIT",
    "DateMention",
    "Mention",
    "Precision",
    "Timeline",
    "TimelineEvent",
    "When",
    "build_timeline",
    "find_dates",
]
