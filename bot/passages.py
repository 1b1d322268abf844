"""Sentence splitting and passage windows, with offsets into the article's text."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pysbd
from pydantic import BaseModel, ConfigDict

from bot.articles import Article

MAX_WORDS = 120
MAX_SENTENCES = 5
PARAGRAPH_BREAK_WORDS = 45
"""A passage that has this many words ends at the next paragraph break rather than run on."""


class Sentence(NamedTuple):
    start: int
    end: int


class Passage(BaseModel):
    """A few consecutive sentences of one article: the unit that is indexed and quoted."""

    model_config = ConfigDict(frozen=True)

    id: int
    article_id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    caption: bool = False


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets, trimmed of surrounding whitespace.

    pysbd (the Pragmatic Segmenter rules) knows "U.S.", "Mr.", initials and quotations.
    Paragraphs are split one at a time so that no sentence crosses a paragraph break.
    """
    sentences: list[Sentence] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        for span in _segmenter().segment(paragraph):
            sentence = _trimmed(paragraph, span.start, span.end)
            if sentence.end > sentence.start:
                sentences.append(Sentence(offset + sentence.start, offset + sentence.end))
        offset += len(paragraph) + 2
    return sentences


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


def chunk_article(article: Article, first_id: int = 0) -> list[Passage]:
    """Group an article's sentences into passages of 2-5 sentences and at most ~120 words.

    Captions become passages of their own. A passage stops at a paragraph break once it is
    long enough to stand alone, so quotes read as the article's paragraphs do.
    """
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    for sentence in split_sentences(article.text):
        if current and _starts_new_passage(article, current, sentence):
            groups.append(current)
            current = []
        current.append(sentence)
    if current:
        groups.append(current)
    return [_passage(article, group, first_id + number) for number, group in enumerate(groups)]


def _starts_new_passage(article: Article, current: list[Sentence], sentence: Sentence) -> bool:
    text = article.text
    if _in_caption(article, sentence) != _in_caption(article, current[-1]):
        return True
    words_now = _word_count(text[current[0].start : current[-1].end])
    words_after = _word_count(text[current[0].start : sentence.end])
    paragraph_break = "\n\n" in text[current[-1].end : sentence.start]
    return (
        len(current) >= MAX_SENTENCES
        or (words_after > MAX_WORDS and words_now > 0)
        or (paragraph_break and words_now >= PARAGRAPH_BREAK_WORDS and len(current) >= 2)
    )


def _passage(article: Article, group: list[Sentence], passage_id: int) -> Passage:
    start, end = group[0].start, group[-1].end
    return Passage(
        id=passage_id,
        article_id=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        sentences=tuple(group),
        caption=_in_caption(article, group[0]),
    )


def _in_caption(article: Article, sentence: Sentence) -> bool:
    return any(start <= sentence.start < end for start, end in article.captions)


def _word_count(text: str) -> int:
    return len(text.split())
