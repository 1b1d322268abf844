"""Core results as Discord message parts that stay inside Discord's limits.

The wording comes from ``bot.render`` and ``bot.timeline.render``; this module only decides
what goes in the message content and what in embeds, escapes what Discord would interpret
(markdown, mentions), and cuts to the documented limits: 2,000 characters of content; per
embed 256 title, 4,096 description, 1,024 per field value, 2,048 footer; 6,000 characters
across all embeds of one message; 10 embeds per message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import discord

from bot.answer import Answer
from bot.articles import Article
from bot.desk import Reply, ReplyKind
from bot.render import (
    ELLIPSIS,
    answer_notes,
    attribution,
    declined_text,
    lines_left_out,
    quote_views,
    read_as_text,
    shared_heading,
    timeline_topic_hint,
    truncate,
)
from bot.timeline.events import Timeline
from bot.timeline.render import compact_lines, empty_message, heading, more_note

CONTENT_LIMIT = 2_000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4_096
FOOTER_LIMIT = 2_048
EMBED_TOTAL_LIMIT = 6_000
EMBEDS_PER_MESSAGE = 10
QUESTION_ECHO_LIMIT = 300
TIMELINE_EVENT_CHARS = 160
TIMELINE_PICTURE = "timeline.png"
COLOUR = discord.Colour(0x2B6CB0)
BOLD = "**"
_OPEN, _CLOSE = "\ue000", "\ue001"
"""Private-use stand-ins for the highlight markers while the quote is escaped and cut."""


@dataclass(frozen=True)
class DiscordReply:
    """What one Discord message carries; ``content`` may be empty when embeds say it all."""

    content: str = ""
    embeds: list[discord.Embed] = field(default_factory=list)


def harmless(text: str) -> str:
    """Break @everyone, @here, user and role mentions with a zero-width space."""
    return discord.utils.escape_mentions(text)


def plain(text: str) -> str:
    """User or article text shown as written: no markdown, no mentions."""
    return harmless(discord.utils.escape_markdown(text))


def question_line(question: str) -> str:
    return f"**Q:** {truncate(plain(question), QUESTION_ECHO_LIMIT)}"


THREAD_NAME_LIMIT = 100


def message_for(reply: Reply, *, echo_question: bool = True) -> DiscordReply:
    """The desk's reply as one Discord message."""
    if reply.kind == ReplyKind.ANSWER and reply.answer is not None:
        return answer_reply(reply, echo_question=echo_question)
    if reply.kind == ReplyKind.TIMELINE and reply.timeline is not None:
        return timeline_reply(reply.timeline, with_picture=reply.picture is not None)
    if reply.kind == ReplyKind.SOURCES:
        return sources_reply(reply.articles, reply.version)
    if reply.kind == ReplyKind.REPORT:
        return DiscordReply(content=moderator_text(reply.text))
    return DiscordReply(content=truncate(plain(reply.text), CONTENT_LIMIT))


def answer_reply(reply: Reply, *, echo_question: bool) -> DiscordReply:
    """The quotes as embeds, or the core's notice when it declined.

    ``echo_question`` repeats the question in the content, for slash commands, whose
    question is otherwise hidden behind the "used /ask" header. A shared answer names who
    shared it; a follow-up says how it was read.
    """
    answer = reply.answer
    assert answer is not None
    lines = [shared_heading(reply.shared_by)] if reply.shared_by else []
    if reply.note:
        lines.append(plain(reply.note))
    if reply.read_as:
        lines.append(truncate(plain(read_as_text(reply.read_as)), QUESTION_ECHO_LIMIT))
    elif echo_question:
        lines.append(question_line(answer.question))
    if not answer.answered:
        lines.append(harmless(declined_text(answer)))
        return DiscordReply(content=truncate("\n".join(lines), CONTENT_LIMIT))
    lines.extend(truncate(plain(note), 300) for note in answer_notes(answer))
    return DiscordReply(content="\n".join(lines), embeds=quote_embeds(answer))


def thread_name(question: str) -> str:
    """A thread's name from the question that started it (Discord allows 100 characters)."""
    return truncate(" ".join(question.split()) or "Question", THREAD_NAME_LIMIT)


def quote_embeds(answer: Answer) -> list[discord.Embed]:
    """One embed per quote; descriptions share what the titles and footers leave of 6,000."""
    views = quote_views(answer, (_OPEN, _CLOSE))[:EMBEDS_PER_MESSAGE]
    titles = [truncate(harmless(view.article_title), TITLE_LIMIT) for view in views]
    footers = [
        truncate(
            harmless(view.attribution + (" (photo caption)" if view.caption else "")), FOOTER_LIMIT
        )
        for view in views
    ]
    room = EMBED_TOTAL_LIMIT - sum(map(len, titles)) - sum(map(len, footers))
    share = min(DESCRIPTION_LIMIT, room // max(1, len(views)))
    embeds = []
    for view, title, footer in zip(views, titles, footers, strict=True):
        embed = discord.Embed(
            title=title,
            url=link(view.url),
            description=fit_quote(plain(view.quote), share),
            colour=COLOUR,
        )
        embeds.append(embed.set_footer(text=footer))
    return embeds


def fit_quote(marked: str, limit: int) -> str:
    """Cut a quote to ``limit`` characters, keeping its highlighted sentence in view and bold.

    ``marked`` wraps the sentence in the private-use markers; context is kept on both sides
    of it as room allows, cut on word boundaries with an ellipsis.
    """
    rendered = marked.replace(_OPEN, BOLD).replace(_CLOSE, BOLD)
    start, end = marked.find(_OPEN), marked.find(_CLOSE)
    if len(rendered) <= limit or start < 0 or end < start:
        return truncate(rendered, limit)
    sentence = marked[start + 1 : end]
    room = limit - 2 * len(BOLD)
    if len(sentence) >= room:
        return BOLD + truncate(sentence, room) + BOLD
    room -= len(sentence)
    before, after = marked[:start], marked[end + 1 :]
    keep_after = min(len(after), max(room // 2, room - len(before)))
    keep_before = room - keep_after
    return _cut_front(before, keep_before) + BOLD + sentence + BOLD + _cut_back(after, keep_after)


def _cut_front(text: str, limit: int) -> str:
    """The end of ``text`` in at most ``limit`` characters, starting on a word."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ""
    tail = text[len(text) - (limit - len(ELLIPSIS)) :]
    if " " in tail:
        tail = tail.split(" ", 1)[1]
    return ELLIPSIS + tail.lstrip()


def _cut_back(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return truncate(text, limit) if limit > len(ELLIPSIS) else ""


def link(url: str | None) -> str | None:
    """The URL when Discord will accept it as an embed link, else None."""
    if url and url.startswith(("https://", "http://")) and len(url) <= FOOTER_LIMIT:
        return url
    return None


def fit_lines(lines: Sequence[str], limit: int) -> str:
    """Whole lines within ``limit`` characters, ending with how many were left out."""
    lines = [truncate(line, limit) for line in lines]
    text = "\n".join(lines)
    kept = list(lines)
    while len(text) > limit and kept:
        kept.pop()
        text = "\n".join([*kept, lines_left_out(len(lines) - len(kept))])
    return text


def sources_reply(articles: Sequence[Article], version: str) -> DiscordReply:
    lines = []
    for article in articles:
        lines.append(f"- {plain(attribution(article))}")
        if link(article.url):
            lines.append(f"  <{article.url}>")
    noun = "article" if len(articles) == 1 else "articles"
    embed = discord.Embed(description=fit_lines(lines, DESCRIPTION_LIMIT), colour=COLOUR)
    return DiscordReply(content=f"{len(articles)} {noun} (version {version}):", embeds=[embed])


def timeline_reply(timeline: Timeline, *, with_picture: bool) -> DiscordReply:
    """The compact timeline in one embed, showing the attached picture when there is one."""
    if not timeline.events:
        return DiscordReply(content=truncate(plain(empty_message(timeline)), CONTENT_LIMIT))
    lines = [plain(line) for line in compact_lines(timeline, TIMELINE_EVENT_CHARS)]
    note = more_note(timeline, timeline_topic_hint("/timeline"))
    room = DESCRIPTION_LIMIT - (len(note) + 1 if note else 0)
    description = fit_lines(lines, room) + (f"\n{note}" if note else "")
    embed = discord.Embed(
        title=truncate(harmless(heading(timeline)), TITLE_LIMIT),
        description=description,
        colour=COLOUR,
    )
    if with_picture:
        embed.set_image(url=f"attachment://{TIMELINE_PICTURE}")
    return DiscordReply(embeds=[embed])


def moderator_text(text: str) -> str:
    """A plain-text report for a moderator (``/reload``, ``/status``) as message content."""
    return truncate(plain(text), CONTENT_LIMIT)
