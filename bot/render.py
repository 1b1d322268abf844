"""Answers as text: the shared formatting every surface builds on (no platform imports).

Adapters pick their own emphasis markers and length limits; the wording, the order and
the attribution line are decided here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import MAX_QUESTION_CHARS, Answer, Declined, Quote
from bot.articles import Article

if TYPE_CHECKING:
    from bot.ingest.add import AddReport

__all__ = [
    "APOLOGY",
    "NO_ANSWER",
    "RELOAD_HINT",
    "QuoteView",
    "add_report_text",
    "answer_notes",
    "answer_text",
    "attribution",
    "cooldown_text",
    "declined_text",
    "notice_text",
    "quote_views",
    "sources_text",
]

NO_ANSWER = (
    "I couldn't find anything in the articles that answers that. "
    "Try other words, or see which articles I know with /sources."
)
EMPTY_QUESTION = (
    "Please ask a question about the articles: who said what, when, where or how many. "
    "/sources lists the articles I know."
)
TOO_LONG = f"That question is too long; please keep it under {MAX_QUESTION_CHARS:,} characters."
TYPE_ONLY = (
    "That asks what kind of answer you want, but not what about. Add who or what the "
    "question is about, for example: How many troops were sent?"
)
NOT_ENGLISH = (
    "The articles are in English, and I could not match your question to them. "
    "Please ask in English."
)
_DECLINED = {
    Declined.NO_ANSWER: NO_ANSWER,
    Declined.EMPTY: EMPTY_QUESTION,
    Declined.TOO_LONG: TOO_LONG,
    Declined.TYPE_ONLY: TYPE_ONLY,
    Declined.NOT_ENGLISH: NOT_ENGLISH,
}
ELLIPSIS = "…"
FIGURE_TITLE_CHARS = 40
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


_MISSING = {
    "number": "No passage gives the figure asked for",
    "date": "No passage gives the date asked for",
    "who": "No passage names who that is",
    "where": "No passage names the place asked for",
    "yesno": "No passage answers that yes or no",
    "statement": "No passage quotes what was asked for",
    "open": "No passage answers that directly",
}


def missing_note(answer: Answer) -> str | None:
    """Before the quotes of a partial answer: what no passage says, then what they are."""
    if not answer.missing:
        return None
    if answer.unused_words:
        named = " or ".join(f"“{word}”" for word in answer.unused_words)
        return f"No article says {named} in any form; these are the closest passages:"
    if answer.unmet:
        named = " or ".join(f"“{word}”" for word in answer.unmet)
        return f"No passage speaks of {named}; these are the closest passages:"
    if answer.question_type == "statement" and answer.speaker:
        return (
            f"No passage says what {answer.speaker} said; these passages mention {answer.speaker}:"
        )
    lead = _MISSING.get(answer.question_type, _MISSING["open"])
    return f"{lead}; these are the closest passages:"


def figures_note(answer: Answer) -> str | None:
    """One line naming each figure the quotes give and who gives it, never which is right.

    A figure given by several sources is named once with all of them; an article known only by
    its title is quoted by its title, shortened, so it reads as a name and not as a sentence.
    """
    if not answer.figures:
        return None
    titles = {quote.article.title for quote in answer.passages}
    sources: dict[str, list[str]] = {}
    for figure in answer.figures:
        outlet = figure.outlet
        if outlet in titles:
            outlet = f"“{truncate(outlet, FIGURE_TITLE_CHARS)}”"
        source = f"{figure.source}, per {outlet}" if figure.source else f"per {outlet}"
        sources.setdefault(figure.figure, []).append(source)
    items = [f"{figure} ({'; '.join(named)})" for figure, named in sources.items()]
    return "Figures differ: " + " · ".join(items)


def scope_note(answer: Answer) -> str | None:
    """Says when only part of what was typed was searched: one of several questions, or only
    a name."""
    if answer.other_questions:
        count = len(answer.other_questions) + 1
        return (
            f"You asked {count} questions in one message; this answers the first, "
            f"“{answer.asked}”. Please ask the others one at a time."
        )
    if answer.only_a_name:
        return (
            f"You gave only a name: these passages mention {answer.question.rstrip('?. ')}. "
            "Ask a question about it for a more exact answer."
        )
    return None


def answer_notes(answer: Answer) -> list[str]:
    """The lines above an answer's quotes, in order: typos searched, what was searched, what
    is missing, figures that differ."""
    notes = [
        correction_note(answer),
        scope_note(answer),
        missing_note(answer),
        figures_note(answer),
    ]
    return [note for note in notes if note]


def notice_text(answer: Answer) -> str | None:
    """Why no passage is quoted, in words; None for an answer that quotes passages."""
    if answer.answered:
        return None
    return _DECLINED[answer.declined or Declined.NO_ANSWER]


def declined_text(answer: Answer) -> str:
    """The decline, preceded by the typo corrections it tried (the JSON has them too)."""
    notice = notice_text(answer) or NO_ANSWER
    note = correction_note(answer)
    return f"{note}\n{notice}" if note else notice


def answer_text(answer: Answer, emphasis: tuple[str, str] = ("**", "**")) -> str:
    """The console rendering: each passage quoted, best sentence marked, attribution beneath."""
    if not answer.answered:
        return declined_text(answer)
    blocks = answer_notes(answer)
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


def add_report_text(report: AddReport) -> str:
    """What ``add`` did with one source: the file written and each guess, or why not."""
    if not report.ok:
        return f"Not added: {report.source}: {'; '.join(report.problems)}"
    lines = [f"Added “{report.title}” as {report.path} (id {report.article_id})."]
    if report.original:
        lines.append(f"The page is kept as {report.original}.")
    lines.extend(
        f"Guessed {guess.field}: {guess.value} (from {guess.source})" for guess in report.guessed
    )
    return "\n".join(lines)


RELOAD_HINT = "Run /reload (or restart the bot) to make the new articles live."


# -- the conversation (bot.desk) -------------------------------------------------------------------

COMMAND_HELP = {
    "ask": "ask a question (or just type it)",
    "timeline": "[topic]  a dated timeline of the events",
    "sources": "list the articles",
    "reload": "moderators: reload the knowledge directory",
    "status": "moderators: version, counts, last reload and uptime",
    "add": "URL or attached file  moderators: add an article, then reload",
    "up": "👍 the last answer",
    "down": "👎 the last answer (moderators see which answers missed)",
    "unanswered": "[days]  moderators: declined and voted-down questions, most asked first",
    "help": "this help",
}
ANSWER_GONE = "That answer is no longer available; please ask again."
SHARED_AGAIN = (
    "The articles have changed since this answer was shown; this is the answer from the "
    "current articles."
)
ADD_UNAVAILABLE = "Adding articles from chat is not available on this bot: it was started without the add function."
ADD_NEEDS_SOURCE = "Give /add a web address (https://…) or attach one HTML, Markdown or text file."
ADD_WHILE_RELOADING = (
    "A reload is running; /add waits for it to finish. Please try again in a moment."
)
ATTACHMENT_KINDS = ".html, .htm, .md, .markdown or .txt"


def help_text(names: dict[str, str], moderator: bool) -> str:
    """Commands as this surface spells them; moderator commands only for moderators."""
    lines = ["Ask a question about the articles, or use a command:"]
    for command, description in COMMAND_HELP.items():
        if command in names and (moderator or not description.startswith("moderators")):
            lines.append(f"  {names[command]}  {description}")
    return "\n".join(lines)


def unknown_command_text(typed: str, names: dict[str, str]) -> str:
    return f"There is no command {typed}. Commands: {', '.join(names.values())}."


def refusal_text(command: str, who_moderates: str) -> str:
    """What a member who is not a moderator is told for a moderator command."""
    action = {
        "reload": "reload the knowledge base",
        "status": "see the bot's status",
        "add": "add articles",
        "unanswered": "see the unanswered questions",
    }[command]
    return f"Only moderators can {action}: {who_moderates}."


READ_AS = "Read as:"


def read_as_text(question: str) -> str:
    """How a follow-up was read, shown above its answer."""
    return f"{READ_AS} {question}"


def followup_expired_text(minutes: int) -> str:
    return (
        f"I no longer have the earlier question of this thread (I keep a conversation for "
        f"{minutes} minutes). Please ask again in full, naming what you mean."
    )


def ambiguous_pronoun_text(pronoun: str, candidates: Iterable[str]) -> str:
    names = list(candidates)
    choices = ", ".join(f"“{name}”" for name in names[:-1]) + f" or “{names[-1]}”"
    return f"“{pronoun}” could mean {choices} here; please ask again with the name you mean."


def attachment_refusal_text(filename: str, reason: str, limit: int) -> str:
    """Why an attached file was not added: too large, not text, or not from the platform."""
    return {
        "too_large": f"{filename} is larger than the {limit:,}-byte limit for an article.",
        "kind": f"{filename} is not an HTML, Markdown or text file ({ATTACHMENT_KINDS}).",
        "not_text": f"{filename} is not readable text (UTF-8).",
        "host": f"{filename} is not on this platform's own file host; only files attached here are read.",
        "download": f"{filename} could not be downloaded from the platform; please attach it again.",
        "several": "Attach one file at a time to /add.",
    }[reason]


def chat_add_text(added: Iterable[str], guessed: Iterable[str], reload_summary: str) -> str:
    """What /add did: the articles added, what was guessed about them, then the reload's report."""
    lines = [f"Added: {name}" for name in added]
    lines.extend(f"Guessed {guess}" for guess in guessed)
    lines.append(reload_summary)
    return "\n".join(lines)


def chat_add_refused_text(reason: str) -> str:
    return f"Not added: {reason}"


def shared_heading(sharer: str) -> str:
    return f"{sharer} shared an answer:"


# -- the platforms' short texts (their markup is the adapters') -------------------------------------

SHARE_BUTTON = "Share with channel"
PICTURE_NEEDS_INVITE = "To post the timeline's picture here, invite me first: `/invite @newsdesk`."
LIST_CUT = "…and more; the list is too long for one message."
TIMELINE_CUT = "…and more; the rest did not fit one message."


def timeline_topic_hint(command: str) -> str:
    """How to narrow a timeline on a surface (``command`` as it is typed there)."""
    return f"Add a topic to narrow it down: `{command} topic`."


def lines_left_out(count: int) -> str:
    return f"{ELLIPSIS} and {count} more"
