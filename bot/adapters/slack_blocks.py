"""The core's answers as Slack messages: Block Kit inside Slack's limits, with nothing that pings.

Everything that comes from a user or an article goes through ``escape`` before it reaches a
``mrkdwn`` field or the ``text`` fallback, so "<!channel>" in a question is shown, not executed.
The wording and order come from ``bot.render``; this module only adds Slack's markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.articles import Article
from bot.desk import Reply, ReplyKind
from bot.feedback.render import VOTE_DOWN, VOTE_UP
from bot.render import (
    LIST_CUT,
    READ_AS,
    SHARE_BUTTON,
    TIMELINE_CUT,
    QuoteView,
    answer_notes,
    answer_text,
    attribution,
    declined_text,
    quote_views,
    shared_heading,
    timeline_topic_hint,
    truncate,
)
from bot.timeline import Timeline
from bot.timeline.render import compact_lines, empty_message, heading, more_note

SECTION_LIMIT = 3000
"""Characters in a section's text object."""
CONTEXT_LIMIT = 3000
"""Characters in one context element."""
MAX_BLOCKS = 50
"""Blocks in one message."""
FALLBACK_LIMIT = 3000
"""The plain ``text`` that notifications and screen readers show (Slack cuts at 40,000)."""
QUESTION_LIMIT = 300
URL_LIMIT = 1000
"""Longer links are left out rather than risk a section over its limit."""
BUTTON_VALUE_LIMIT = 2000
TIMELINE_TEXT_LIMIT = 300
"""Characters of quoted text per timeline line, so a timeline stays a glance."""
SHARE_ACTION_ID = "share_answer"
VOTE_UP_ACTION_ID, VOTE_DOWN_ACTION_ID = "vote_up", "vote_down"

HIGHLIGHT = ("\ue000", "\ue001")
"""Private-use characters marking the best sentence until ``quoted_mrkdwn`` makes it bold."""
_OPEN, _CLOSE = HIGHLIGHT
_SLACK_MARKUP = re.compile(r"<([^<>]*)>")


@dataclass(frozen=True)
class SlackMessage:
    """A message body for chat.postMessage or a response URL: fallback ``text`` plus ``blocks``."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)

    def kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


# -- text ------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's three control characters as entities, so nothing becomes a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_text(slack_text: str, bot_user_id: str | None = None) -> str:
    """The words a user typed, from Slack's message markup.

    Mentions of the bot are dropped; other mentions, channels and links become their labels
    (``<@U1|ann>`` -> ``@ann``, ``<!here>`` -> ``@here``, ``<https://x|x>`` -> ``x``) and the
    entities Slack encodes are decoded. The result is plain text, to be escaped again on output.
    """

    def label(match: re.Match[str]) -> str:
        target, _, name = match.group(1).partition("|")
        if target.startswith("@"):
            return "" if target[1:] == bot_user_id else "@" + (name or target[1:])
        if target.startswith("#"):
            return "#" + (name or target[1:])
        if target.startswith("!"):
            return name or "@" + target[1:].split("^")[0]
        return name or target

    text = _SLACK_MARKUP.sub(label, slack_text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def link(url: str | None, label: str) -> str:
    """``<url|label>`` for a web link, the escaped label alone for anything else."""
    if not url or len(url) > URL_LIMIT or not url.lower().startswith(("https://", "http://")):
        return escape(label)
    safe_url = escape(url).replace("|", "%7C")
    return f"<{safe_url}|{escape(label)}>"


def quoted_mrkdwn(marked: str) -> str:
    """A passage as a Slack block quote, its highlighted sentence in bold on every line it spans.

    ``marked`` carries the ``HIGHLIGHT`` markers. Slack bold must hug its text and
    cannot cross a line break, so spaces move outside the stars and bold closes at each line end.
    """
    lines, bold = [], False
    for raw in marked.split("\n"):
        pieces, line = re.split(f"([{_OPEN}{_CLOSE}])", escape(raw)), []
        if bold:
            line.append(_OPEN)
        for piece in pieces:
            if piece in (_OPEN, _CLOSE):
                bold = piece == _OPEN
            line.append(piece)
        if bold:
            line.append(_CLOSE)
        lines.append("> " + _stars("".join(line)))
    return "\n".join(lines)


def _stars(line: str) -> str:
    """Bold each marked span; a star touching other text gets a zero-width space beside it,
    since Slack only reads a star as bold at a word boundary ("said.*The*" stays literal)."""

    def bolden(match: re.Match[str]) -> str:
        inner = match.group(1)
        stripped = inner.strip()
        if not stripped:
            return inner
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        opening = "" if lead else _word_break(_unmarked(line[: match.start()])[-1:])
        closing = "" if trail else _word_break(_unmarked(line[match.end() :])[:1])
        return f"{lead}{opening}*{stripped}*{closing}{trail}"

    return _unmarked(re.sub(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}", bolden, line))


def _unmarked(text: str) -> str:
    return text.replace(_OPEN, "").replace(_CLOSE, "")


def _word_break(neighbour: str) -> str:
    """A zero-width space when a star would touch ``neighbour``, nothing beside a space or an end."""
    return "\u200b" if neighbour and not neighbour.isspace() else ""


def fit(text: str, limit: int, render: Any = escape) -> str:
    """``render(truncate(text, n))`` with the largest ``n`` whose result fits ``limit``.

    Escaping lengthens text (``&`` -> ``&amp;``), so the cut is made on the raw text, then checked.
    """
    budget = limit
    while True:
        rendered = render(truncate(text, budget))
        if len(rendered) <= limit or budget <= 1:
            return rendered[:limit]
        budget -= max(1, len(rendered) - limit)


# -- blocks ----------------------------------------------------------------------------------------


def mrkdwn(text: str) -> dict[str, Any]:
    """A ``mrkdwn`` text object Slack takes as written: ``verbatim`` keeps it from turning a bare
    URL, a channel name or "@here" in an article or a question into a link or a mention. The
    links the bot means are written out as ``<url|label>``, which verbatim text still shows."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": mrkdwn(text)}


def context(*texts: str) -> dict[str, Any]:
    return {"type": "context", "elements": [mrkdwn(text) for text in texts]}


def packed_sections(
    mrkdwn_lines: Iterable[str], limit: int = SECTION_LIMIT
) -> Iterator[dict[str, Any]]:
    """Formatted lines, each already within ``limit``, packed into as few sections as fit.

    Blank sections are skipped: Slack rejects a section without text.
    """
    chunk: list[str] = []
    for line in mrkdwn_lines:
        if chunk and len("\n".join([*chunk, line])) > limit:
            yield from _unless_blank(chunk)
            chunk = []
        chunk.append(line)
    yield from _unless_blank(chunk)


def _unless_blank(chunk: list[str]) -> Iterator[dict[str, Any]]:
    text = "\n".join(chunk)
    if text.strip():
        yield section(text)


def sections(lines: Iterable[str], limit: int = SECTION_LIMIT) -> Iterator[dict[str, Any]]:
    """Plain ``lines``, escaped and cut to fit, packed into sections."""
    return packed_sections((fit(line, limit) for line in lines), limit)


def notice_message(text: str) -> SlackMessage:
    """A short reply (refusal, apology, cooldown, decline): one section, same text as fallback."""
    blocks = list(sections(text.split("\n")))[:MAX_BLOCKS]
    return SlackMessage(text=fit(text, FALLBACK_LIMIT), blocks=blocks)


def share_value(answer_id: str, question: str) -> str:
    """The button's value: the answer's id and its question (to ask again on another replica),
    the question cut so that the whole value stays within Slack's 2,000 characters."""
    value = json.dumps({"id": answer_id, "q": question}, ensure_ascii=False)
    while len(value) > BUTTON_VALUE_LIMIT:
        question = question[: len(question) - (len(value) - BUTTON_VALUE_LIMIT)]
        value = json.dumps({"id": answer_id, "q": question}, ensure_ascii=False)
    return value


def share_button(answer_id: str, question: str) -> dict[str, Any]:
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": SHARE_ACTION_ID,
                "text": {"type": "plain_text", "text": SHARE_BUTTON},
                "value": share_value(answer_id, question),
            }
        ],
    }


def vote_buttons(answer_id: str) -> dict[str, Any]:
    """👍 / 👎 under an answer everyone sees; the value is the answer's id."""
    return {
        "type": "actions",
        "elements": [
            {
                "type": "button",
                "action_id": action_id,
                "text": {"type": "plain_text", "text": emoji, "emoji": True},
                "value": answer_id,
            }
            for action_id, emoji in ((VOTE_UP_ACTION_ID, VOTE_UP), (VOTE_DOWN_ACTION_ID, VOTE_DOWN))
        ],
    }


def message_for(reply: Reply) -> SlackMessage:
    """The desk's reply as one Slack message."""
    if reply.kind == ReplyKind.ANSWER and reply.answer is not None:
        return answer_message(reply)
    if reply.kind == ReplyKind.TIMELINE and reply.timeline is not None:
        if not reply.timeline.events:
            return notice_message(empty_message(reply.timeline))
        return timeline_message(reply.timeline)
    if reply.kind == ReplyKind.SOURCES:
        return sources_message(list(reply.articles), reply.version)
    return notice_message(reply.text)


def answer_message(reply: Reply) -> SlackMessage:
    """An answer: the question, then per passage a quote section and an attribution context.

    A shareable reply (a private answer) gets the "Share with channel" button, one everyone
    sees the 👍 / 👎 buttons; a shared one
    names who shared it (``shared_by`` is the adapter's ``<@U…>``, never user text); a
    follow-up says how it was read.
    """
    answer = reply.answer
    assert answer is not None
    head = [context(shared_heading(reply.shared_by))] if reply.shared_by else []
    if reply.note:
        head.append(context(escape(reply.note)))
    if reply.read_as:
        head.append(context(f"*{escape(READ_AS)}* {fit(reply.read_as, QUESTION_LIMIT)}"))
    else:
        head.append(context(f"*Question:* {fit(answer.question, QUESTION_LIMIT)}"))
    if not answer.answered:
        text = declined_text(answer)
        return SlackMessage(
            text=fit(text, FALLBACK_LIMIT), blocks=[*head, *sections(text.split("\n"))]
        )
    head.extend(context(fit(note, 300)) for note in answer_notes(answer))
    shareable = reply.shareable and reply.answer_id
    tail = [share_button(reply.answer_id or "", answer.question)] if shareable else []
    if reply.votable and reply.answer_id:
        tail.append(vote_buttons(reply.answer_id))
    blocks = list(head)
    for view in quote_views(answer, HIGHLIGHT):
        quote_blocks = [
            section(fit(view.quote, SECTION_LIMIT, quoted_mrkdwn)),
            context(_attribution_mrkdwn(view)),
        ]
        if len(blocks) + len(quote_blocks) + len(tail) > MAX_BLOCKS:
            break
        blocks.extend(quote_blocks)
    fallback = fit(answer_text(answer, ("", "")), FALLBACK_LIMIT)
    return SlackMessage(text=fallback, blocks=blocks + tail)


def _attribution_mrkdwn(view: QuoteView) -> str:
    details = view.attribution.removeprefix(view.article_title)
    caption = " (photo caption)" if view.caption else ""
    title = truncate(view.article_title, 500)
    return fit(details + caption, CONTEXT_LIMIT, lambda rest: link(view.url, title) + escape(rest))


def sources_message(articles: list[Article], version: str) -> SlackMessage:
    """The article list: title linked, then publisher, author and date; one line each."""
    lines = [
        "• "
        + link(article.url, truncate(article.title, 500))
        + fit(attribution(article).removeprefix(article.title), 1000)
        for article in articles
    ]
    header = context(f"{len(articles)} articles · version {escape(version)}")
    body = list(packed_sections(lines))
    if len(body) > MAX_BLOCKS - 1:
        body = [
            *body[: MAX_BLOCKS - 2],
            section(LIST_CUT),
        ]
    fallback = "\n".join(f"- {attribution(a)}" for a in articles)
    return SlackMessage(text=fit(fallback, FALLBACK_LIMIT), blocks=[header, *body])


def timeline_message(timeline: Timeline) -> SlackMessage:
    """The compact timeline: a heading, one line per event (date in bold), what was left out."""
    lines = compact_lines(timeline, TIMELINE_TEXT_LIMIT)
    rows = []
    for line in lines:
        date, _, rest = line.partition(" · ")
        rows.append(f"• *{escape(date)}* · {fit(rest, SECTION_LIMIT - 200)}")
    body = list(packed_sections(rows))
    if len(body) > MAX_BLOCKS - 2:
        body = [*body[: MAX_BLOCKS - 3], section(TIMELINE_CUT)]
    note = more_note(timeline, timeline_topic_hint("/timeline"))
    blocks = [section(f"*{fit(heading(timeline), SECTION_LIMIT - 2)}*"), *body]
    if note:
        blocks.append(context(escape(note)))
    fallback = "\n".join([heading(timeline), *lines, *([note] if note else [])])
    return SlackMessage(text=fit(fallback, FALLBACK_LIMIT), blocks=blocks)
