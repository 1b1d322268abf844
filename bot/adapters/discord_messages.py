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

from bot.answer import NO_ANSWER, Answer
from bot.articles import Article
from bot.ops.replicas import ClusterReport
from bot.render import ELLIPSIS, answer_notes, attribution, quote_views, truncate
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
class Reply:
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


def answer_reply(answer: Answer, *, echo_question: bool) -> Reply:
    """The quotes as embeds, or the core's notice when it declined.

    ``echo_question`` repeats the question in the content, for slash commands, whose
    question is otherwise hidden behind the "used /ask" header.
    """
    lines = [question_line(answer.question)] if echo_question else []
    if not answer.answered:
        lines.append(harmless(answer.notice or NO_ANSWER))
        return Reply(content=truncate("\n".join(lines), CONTENT_LIMIT))
    lines.extend(truncate(plain(note), 300) for note in answer_notes(answer))
    return Reply(content="\n".join(lines), embeds=quote_embeds(answer))


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
        text = "\n".join([*kept, f"{ELLIPSIS} and {len(lines) - len(kept)} more"])
    return text


def sources_reply(articles: Sequence[Article], version: str) -> Reply:
    lines = []
    for article in articles:
        lines.append(f"- {plain(attribution(article))}")
        if link(article.url):
            lines.append(f"  <{article.url}>")
    noun = "article" if len(articles) == 1 else "articles"
    embed = discord.Embed(description=fit_lines(lines, DESCRIPTION_LIMIT), colour=COLOUR)
    return Reply(content=f"{len(articles)} {noun} (version {version}):", embeds=[embed])


def timeline_reply(timeline: Timeline, *, with_picture: bool) -> Reply:
    """The compact timeline in one embed, showing the attached picture when there is one."""
    if not timeline.events:
        return Reply(content=truncate(plain(empty_message(timeline)), CONTENT_LIMIT))
    lines = [plain(line) for line in compact_lines(timeline, TIMELINE_EVENT_CHARS)]
    note = more_note(timeline, "Use `/timeline` with a topic to narrow it down.")
    room = DESCRIPTION_LIMIT - (len(note) + 1 if note else 0)
    description = fit_lines(lines, room) + (f"\n{note}" if note else "")
    embed = discord.Embed(
        title=truncate(harmless(heading(timeline)), TITLE_LIMIT),
        description=description,
        colour=COLOUR,
    )
    if with_picture:
        embed.set_image(url=f"attachment://{TIMELINE_PICTURE}")
    return Reply(embeds=[embed])


def reload_text(report: ClusterReport) -> str:
    return moderator_text(report.summary())


def moderator_text(text: str) -> str:
    """A plain-text report for a moderator (``/reload``, ``/status``) as message content."""
    return truncate(plain(text), CONTENT_LIMIT)


def shared_content(sharer: str, original: str) -> str:
    """The content of a shared answer: who shared it, then the original content."""
    return truncate(f"{sharer} shared an answer:\n{original}".rstrip(), CONTENT_LIMIT)
