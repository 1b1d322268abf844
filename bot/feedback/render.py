"""Every sentence about feedback a user or moderator reads: the report, votes, /status lines."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.feedback.recorder import FeedbackState
from bot.feedback.report import UnansweredGroup, UnansweredReport

VOTE_UP, VOTE_DOWN = "👍", "👎"
REPORT_ROWS = 15
"""Groups listed in chat; the CSV file and ``report`` list them all."""


def vote_thanks(up: bool) -> str:
    """The private acknowledgement of a vote (a second click changes it)."""
    if up:
        return f"Thanks for the {VOTE_UP}. Voting again changes your vote."
    return (
        f"Thanks for the {VOTE_DOWN}: moderators see which answers missed. "
        "Voting again changes your vote."
    )


VOTE_NOT_OURS = "That vote could not be matched to an answer of mine, so it was not counted."
NO_LAST_ANSWER = "There is no answer to vote on yet: ask a question first."
DAYS_EXPECTED = "Give /unanswered a number of days, for example /unanswered 7 (default 30)."


def feedback_off_text(problem: str | None) -> str:
    return f"Feedback is off: {problem or 'no store'}. Answers are not affected."


def unanswered_text(report: UnansweredReport, limit: int = REPORT_ROWS) -> str:
    """The report as plain text, most asked first; at most ``limit`` groups."""
    period = _period(report)
    if not report.groups:
        return f"No declined or voted-down questions {period}."
    count = len(report.groups)
    lines = [f"{_plural(count, 'unanswered question')} {period}, most asked first:"]
    for number, group in enumerate(report.groups[:limit], start=1):
        lines.append(f"{number}. “{group.question}” {_details(group)}")
        if group.other_forms:
            lines.append("   also asked as: " + "; ".join(f"“{f}”" for f in group.other_forms[:3]))
    if count > limit:
        lines.append(f"… and {count - limit} more (see the CSV file, or `report --csv`).")
    return "\n".join(lines)


def _period(report: UnansweredReport) -> str:
    day = "day" if report.days == 1 else f"{report.days} days"
    return f"in the last {day} (since {_when(report.since)})"


def _details(group: UnansweredGroup) -> str:
    parts = [f"asked {_times(group.asked)}"]
    if group.declined:
        parts.append(f"declined {_times(group.declined)}")
    if group.votes_down or group.votes_up:
        parts.append(f"{VOTE_DOWN} {group.votes_down} {VOTE_UP} {group.votes_up}")
    parts.append(f"last {_when(group.last_asked)}")
    if group.article_ids:
        parts.append("quoted " + ", ".join(group.article_ids))
    return "— " + ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def status_lines(state: FeedbackState) -> list[str]:
    """What /status says about questions and feedback since the last reload."""
    counts = state.counts
    share = f" ({counts.answered / counts.asked:.0%})" if counts.asked else ""
    lines = [
        f"Since {_when(counts.since)}: {_plural(counts.asked, 'question')} asked, "
        f"{counts.answered} answered{share}; votes {VOTE_UP} {counts.up} {VOTE_DOWN} {counts.down}."
    ]
    if state.on:
        lines.append(f"Feedback is kept in {state.where}.")
    else:
        lines.append(feedback_off_text(state.problem))
    if state.lost:
        lines.append(f"Feedback records lost since start-up: {state.lost}.")
    return lines


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
