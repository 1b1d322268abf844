"""Answers as text: the shared formatting every surface builds on (no platform imports).

Adapters pick their own emphasis markers and length limits; the wording, the order and
the attribution line are decided here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.answer import NO_ANSWER, Answer, Quote
from bot.articles import Article

__all__ = [
    "APOLOGY",
    "NO_ANSWER",
    "QuoteView",
    "answer_text",
    "attribution",
    "cooldown_text",
    "quote_views",
    "sources_text",
]

ELLIPSIS = "…"
APOLOGY = "Sorry, something went wrong on my side; it has been logged. Please try again."


def cooldown_text(seconds_left: float) -> str:
    """What a chat user is told when they ask again too soon."""
    return f"One question at a time, please: you can ask again in {max(1, round(seconds_left))} s."


@dataclass(frozen=True)
class QuoteView:
    """One quoted passage ready for a surface: quote text, attribution line, link."""

    quote: str
    attribution: str
    url: str | None
    article_title: str
    caption: bool


def attribution(article: Article) -> str:
    """``Title — Publisher · Author · 2024-10-25``, leaving out what is unknown."""
    details = [
        article.publisher,
        article.author,
        article.published.isoformat() if article.published else "undated",
    ]
    return f"{article.title} — " + " · ".join(d for d in details if d)


def marked_quote(quote: Quote, emphasis: tuple[str, str]) -> str:
    """The passage with its best-matching sentence wrapped in ``emphasis`` markers."""
    start, end = quote.highlight
    text = quote.text
    opening, closing = emphasis
    return f"{text[:start]}{opening}{text[start:end]}{closing}{text[end:]}"


def quote_views(answer: Answer, emphasis: tuple[str, str] = ("**", "**")) -> list[QuoteView]:
    return [
        QuoteView(
            quote=marked_quote(quote, emphasis),
            attribution=attribution(quote.article),
            url=quote.article.url,
            article_title=quote.article.title,
            caption=quote.passage.caption,
        )
        for quote in answer.passages
    ]


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters on a word boundary, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ELLIPSIS))]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + ELLIPSIS


def correction_note(answer: Answer) -> str | None:
    """Says which typed words were searched as which of the articles' words, if any were."""
    if not answer.corrections:
        return None
    pairs = "; ".join(f"“{typed}” as “{word}”" for typed, word in answer.corrections.items())
    return f"Searched {pairs}."


def answer_text(answer: Answer, emphasis: tuple[str, str] = ("**", "**")) -> str:
    """The console rendering: each passage quoted, best sentence marked, attribution beneath."""
    if not answer.answered:
        return answer.notice or NO_ANSWER
    note = correction_note(answer)
    blocks = [note] if note else []
    for number, view in enumerate(quote_views(answer, emphasis), start=1):
        quoted = "\n".join(f"   > {line}" if line else "   >" for line in view.quote.splitlines())
        label = " (photo caption)" if view.caption else ""
        source = f"   — {view.attribution}{label}"
        if view.url:
            source += f"\n     {view.url}"
        blocks.append(f"{number}.\n{quoted}\n{source}")
    return "\n\n".join(blocks)


def sources_text(articles: Iterable[Article]) -> str:
    lines = []
    for article in articles:
        lines.append(f"- {attribution(article)}")
        if article.url:
            lines.append(f"  {article.url}")
    return "\n".join(lines)


def console_greeting(articles: int, folder: Path, version: str, *, bundled: bool) -> str:
    """The console's first line: what it answers from, and how to ask for help."""
    where = f"{folder}/{' (the bundled articles)' if bundled else ''}"
    return (
        f"Newsdesk: {articles} articles in {where}, version {version}. "
        "Ask a question, or type /help for the commands."
    )
