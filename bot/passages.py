"""Sentence splitting and passage windows, with offsets into the article's text."""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from bot.articles import Article

MAX_WORDS = 120
MAX_SENTENCES = 5
PARAGRAPH_BREAK_WORDS = 45
"""A passage that has this many words ends at the next paragraph break rather than run on."""


class Sentence(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A few consecutive sentences of one article: the unit that is indexed and quoted.

    A plain slotted dataclass rather than a pydantic model: an archive holds a hundred
    thousand of them, and they are loaded from the index cache at every start.
    """

    id: int
    article_id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    caption: bool = False


_MISSING_SPACE = re.compile(r"[.!?](?<=[a-z][.!?])[\"”’]?(?=[A-Z][a-z])")
"""A sentence end with no space before the next sentence ("said.The"); the cut is at its end.
It opens with the punctuation mark, so the regex engine skips ahead to each one."""


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as offsets, trimmed of surrounding whitespace.

    Bling Fire's sentence breaker (a compiled finite-state model) knows "U.S.", "Mr.",
    initials and quotations, at about a hundred times the speed of rule-based Python
    splitters, which matters for archives of thousands of articles. The whole text goes in
    one call (each call releases and retakes the GIL, and thousands of short calls starve
    an event loop running beside a reload); no sentence crosses a paragraph break.
    """
    if not text.strip():
        return []
    spans = _sentence_offsets(text)
    # Where a missing space may cut (a match in the whole text is the only place one can be
    # in a span: the span's end only takes matches away), so that most spans, with no cut,
    # are trimmed without looking for any.
    missing = [match.start() for match in _MISSING_SPACE.finditer(text)]
    sentences = []
    for start, end in spans:
        if text.find("\n\n", start, end) == -1 and (
            not missing or bisect_left(missing, start) == bisect_left(missing, end)
        ):
            pieces = [(start, end)]
        else:
            pieces = _pieces(text, start, end)
        for piece_start, piece_end in pieces:
            sentence = _trimmed(text, piece_start, piece_end)
            if sentence.end > sentence.start:
                sentences.append(sentence)
    return sentences


def _sentence_offsets(text: str) -> list[tuple[int, int]]:
    """Bling Fire's sentence spans of ``text`` as character offsets.

    The same C function as ``blingfire.text_to_sentences_and_offsets``, whose Python wrapper
    maps UTF-8 byte offsets to characters in a loop over every byte (most of a build's time
    in sentence splitting); here the mapping is one vectorised count of the bytes that
    start a character.
    """
    import blingfire  # loads a native library: only when building, never on a start from the cache

    data = text.encode("utf-8")
    capacity = len(data) * 2
    out = ctypes.create_string_buffer(capacity)
    starts = np.empty(capacity, dtype=np.int32)
    ends = np.empty(capacity, dtype=np.int32)
    length = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data),
        ctypes.c_int(len(data)),
        ctypes.byref(out),
        starts.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
        ends.ctypes.data_as(ctypes.POINTER(ctypes.c_int32)),
        ctypes.c_int(capacity),
    )
    if length == -1 or length > capacity:
        return []
    count = out.value.count(b"\n") + 1
    if len(data) == len(text):  # ASCII: a byte is a character
        end = np.minimum(ends[:count] + 1, len(data))
        return list(zip(starts[:count].tolist(), end.tolist(), strict=True))
    byte_values = np.frombuffer(data, dtype=np.uint8)
    chars_before = np.concatenate(([0], np.cumsum((byte_values & 0xC0) != 0x80)))
    begin = chars_before[starts[:count]]
    end = chars_before[np.minimum(ends[:count] + 1, len(data))]
    return list(zip(begin.tolist(), end.tolist(), strict=True))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at every paragraph break inside it, and where a sentence ends
    with no space before the next ("said.The"), which the breaker reads as one sentence."""
    cuts = [(cut, cut + 2) for cut in _find_all(text, "\n\n", start, end)]
    cuts += [(m.end(), m.end()) for m in _MISSING_SPACE.finditer(text, start, end)]
    pieces = []
    for cut_start, cut_end in sorted(cuts):
        pieces.append((start, cut_start))
        start = cut_end
    pieces.append((start, end))
    return pieces


def _find_all(text: str, needle: str, start: int, end: int) -> list[int]:
    found = []
    while (at := text.find(needle, start, end)) != -1:
        found.append(at)
        start = at + len(needle)
    return found


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end)


def chunk_article(article: Article, first_id: int = 0) -> list[Passage]:
    """Group an article's sentences into passages of at most 5 sentences and ~120 words.

    Paragraphs are kept whole when they fit, and short ones are joined to the next, so that a
    quote reads as the article's paragraphs do; a paragraph too long for one passage is cut
    between sentences. Captions become passages of their own, and so does a list with its
    lead-in when its words fit one passage.
    """
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    for paragraph in _paragraphs(article):
        if _is_short_list(article, paragraph):  # a lead-in and its items, quoted together
            groups.extend([current, paragraph] if current else [paragraph])
            current = []
            continue
        joined = current + paragraph
        if current and (
            _in_caption(article, paragraph[0]) != _in_caption(article, current[0])
            or _word_count(article, current) >= PARAGRAPH_BREAK_WORDS
            or not _fits(article, joined)
        ):
            groups.append(current)
            joined = paragraph
        if _fits(article, joined):
            current = joined
            continue
        windows = _windows(article, joined)
        groups.extend(windows[:-1])
        current = windows[-1]
    if current:
        groups.append(current)
    return [_passage(article, group, first_id + number) for number, group in enumerate(groups)]


def _paragraphs(article: Article) -> list[list[Sentence]]:
    paragraphs: list[list[Sentence]] = []
    previous_end = None
    for sentence in split_sentences(article.text):
        if previous_end is None or "\n\n" in article.text[previous_end : sentence.start]:
            paragraphs.append([])
        paragraphs[-1].append(sentence)
        previous_end = sentence.end
    return paragraphs


def _is_short_list(article: Article, paragraph: list[Sentence]) -> bool:
    """A list under its lead-in (cleaning joins them with single line breaks) that fits in one
    passage by its words, however many sentences its items make."""
    text = article.text[paragraph[0].start : paragraph[-1].end]
    return "\n" in text and len(paragraph) > 1 and len(text.split()) <= MAX_WORDS


def _windows(article: Article, sentences: list[Sentence]) -> list[list[Sentence]]:
    """Cut a run of sentences into consecutive passages that each fit."""
    windows: list[list[Sentence]] = [[]]
    for sentence in sentences:
        if windows[-1] and not _fits(article, [*windows[-1], sentence]):
            windows.append([])
        windows[-1].append(sentence)
    return windows


def _fits(article: Article, sentences: list[Sentence]) -> bool:
    return len(sentences) <= MAX_SENTENCES and _word_count(article, sentences) <= MAX_WORDS


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


def _word_count(article: Article, sentences: list[Sentence]) -> int:
    return len(article.text[sentences[0].start : sentences[-1].end].split())
