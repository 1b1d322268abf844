"""How a question is kept and grouped: its typo-corrected form and its folded key."""

from __future__ import annotations

import re
from datetime import datetime

from bot.answer import MAX_QUESTION_CHARS, Answer, Declined
from bot.feedback.store import AskedQuestion

_WORD = re.compile(r"\w+")


def corrected_form(question: str, corrections: dict[str, str]) -> str:
    """The question with each corrected typo replaced by the word it was searched as.

    >>> corrected_form("What did Puttin say?", {"Puttin": "putin"})
    'What did putin say?'
    """
    if not corrections:
        return question
    folded = {typed.casefold(): word for typed, word in corrections.items()}
    return _WORD.sub(lambda match: folded.get(match.group().casefold(), match.group()), question)


def group_key(question: str) -> str:
    """Case, punctuation and word order folded, so that rephrasings of the same words meet.

    >>> group_key("Who won, the Mayor?") == group_key("the mayor won who")
    True
    """
    return " ".join(sorted(word.casefold() for word in _WORD.findall(question)))


def refused(answer: Answer) -> bool:
    """The core would not search it at all (empty, too long, only a question word, not in
    English): not a gap in the articles."""
    return not answer.answered and answer.declined not in (None, Declined.NO_ANSWER)


def asked_question(
    answer: Answer, *, answer_id: str, platform: str, channel: str | None, asked_at: datetime
) -> AskedQuestion:
    quoted = dict.fromkeys(quote.article.id for quote in answer.passages)
    question = answer.question[:MAX_QUESTION_CHARS]
    return AskedQuestion(
        answer_id=answer_id,
        question=question,
        corrected=corrected_form(question, answer.corrections),
        platform=platform,
        channel=channel,
        version=answer.version,
        article_ids=tuple(quoted),
        declined=not answer.answered,
        asked_at=asked_at,
    )
