"""A small learned line classifier for page furniture, an extra signal after the reading rules.

The rules of ``bot.cleaning`` were each written from a dev page; on a site never seen they miss
furniture that has no rule yet. This model scores a line from shallow, general features of its
own text and of its neighbours (the shape of boilerpipe's shallow-text classifier, Kohlschütter
et al. 2010, for raw text lines): words, punctuation, capitals, stop words, digits, link marks,
position, the neighbours' lengths and whether the rules kept them. A line the rules kept as
text is dropped when the model is sure it is furniture: its probability at least the shipped
threshold, chosen by leave-site-out cross-validation so that no answer line of a page was lost
by a model not trained on it (docs/reading.md, "The line classifier").

The weights are a logistic regression in ``bot/data/line_model.json``, written by
``scripts/train_line_model.py`` from the dev pages; reading them needs nothing but the standard
library, and they are loaded once per process (a build's workers each load them once).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from bot import chrome
from bot.chrome import SENTENCE_END
from bot.tokens import STOPWORDS

MODEL_FILE = Path(__file__).with_name("data") / "line_model.json"

KEPT = frozenset({"text", "list", "list item", "caption"})
"""Verdicts of lines the rules keep (``bot.cleaning.VERDICTS``)."""

LINE_FEATURES = (
    "words",
    "mean_word_length",
    "sentence_end",
    "sentences",
    "capitalised",
    "stop_words",
    "digits",
    "letters",
    "link_marks",
    "reader_address",
    "web_imperative",
    "quotation",
    "comma",
)
"""Features of a line's own text (``line_features``)."""

CONTEXT_FEATURES = (
    "position",
    "previous_words",
    "next_words",
    "previous_kept",
    "next_kept",
    "after_headline",
    "short_run",
)
"""Features of the line's place in the page (``context_features``): the rules' verdicts on the
neighbours are what they are before the model runs, in training as at run time."""

FEATURES = LINE_FEATURES + CONTEXT_FEATURES

_SHORT_WORDS = 8
MIN_TEXT_LINES = 3
"""The model reads a page whose rules kept at least this many text lines: on a shorter page
a line has too few neighbours to tell, and a short article is all text (a one-line notice)."""
MAX_SENTENCES = 1
"""Only a line of one sentence (or none) may be dropped: furniture is a label, a prompt, a
headline or a credit, and a line of two sentences is text (the dev pages' furniture lists
have none the rules missed)."""
SHORTER_THAN_TEXT = 0.5
"""Only a line shorter than this share of the page's median text line (in words) may be
dropped: furniture stands out from the page's own paragraphs, while on a page of short
paragraphs (an explainer's one-line answers) a short line is the text's own shape."""
_RUN_REACH = 2
_SENTENCE_MARK = re.compile(r"[.!?…](?:\s|$)")
_LINK_MARK = re.compile(r"[|»›•@#/]|https?:|www\.|\.com\b")
_READER = frozenset({"you", "your", "yours", "we", "us", "our"})
_WEB_IMPERATIVE = re.compile(
    r"^(?:read|see|watch|listen|view|follow|subscribe|sign|log|register|join|download|"
    r"install|click|tap|like|share|scroll|get|support|donate|become|continue|skip|jump|learn|"
    r"back|leave|enter|load|explore|discover|check)\b"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@lru_cache(maxsize=8192)
def line_features(line: str) -> tuple[float, ...]:
    """``LINE_FEATURES`` of one line: remembered per distinct line, as pages repeat lines."""
    words = line.split()
    count = len(words) or 1
    tokens = _WORD.findall(line.casefold())
    chars = len(line) or 1
    lowered = line.casefold()
    return (
        math.log1p(len(words)),
        sum(len(word) for word in words) / count,
        float(bool(SENTENCE_END.search(line))),
        math.log1p(len(_SENTENCE_MARK.findall(line))),
        sum(word[0].isupper() for word in words) / count,
        sum(token in STOPWORDS for token in tokens) / (len(tokens) or 1),
        sum(char.isdigit() for char in line) / chars,
        sum(char.isalpha() for char in line) / chars,
        float(bool(_LINK_MARK.search(lowered))),
        float(any(token in _READER for token in tokens)),
        float(bool(_WEB_IMPERATIVE.match(lowered))),
        float(any(mark in line for mark in '"“”«»')),
        float("," in line),
    )


def context_features(
    lines: Sequence[str], verdicts: Sequence[str], index: int
) -> tuple[float, ...]:
    """``CONTEXT_FEATURES`` of the line at ``index``: where it stands, how long its neighbours
    are, whether the rules kept them or read the one above as the headline (a standfirst
    follows its headline), and how many of the lines within two are short."""
    last = len(lines) - 1
    previous = index - 1 if index > 0 else None
    following = index + 1 if index < last else None
    around = [
        other
        for other in range(index - _RUN_REACH, index + _RUN_REACH + 1)
        if other != index and 0 <= other <= last
    ]
    return (
        index / last if last else 0.0,
        math.log1p(len(lines[previous].split())) if previous is not None else 0.0,
        math.log1p(len(lines[following].split())) if following is not None else 0.0,
        float(verdicts[previous] in KEPT) if previous is not None else 0.0,
        float(verdicts[following] in KEPT) if following is not None else 0.0,
        float(previous is not None and verdicts[previous] == "headline"),
        sum(len(lines[other].split()) <= _SHORT_WORDS for other in around) / (2 * _RUN_REACH),
    )


def features(lines: Sequence[str], verdicts: Sequence[str], index: int) -> tuple[float, ...]:
    """All ``FEATURES`` of the line at ``index``, given the rules' ``verdicts``
    (``bot.cleaning.VERDICTS``) on every line."""
    return line_features(lines[index]) + context_features(lines, verdicts, index)


class LineModel:
    """A logistic regression over standardised ``FEATURES`` and the threshold it drops at."""

    def __init__(self, data: dict) -> None:
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{MODEL_FILE.name}: its features are not the code's")
        self.means = [float(value) for value in data["means"]]
        self.scales = [float(value) for value in data["scales"]]
        self.weights = [float(value) for value in data["weights"]]
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])

    def probability(self, vector: Sequence[float]) -> float:
        score = self.bias + sum(
            weight * (value - mean) / scale
            for weight, value, mean, scale in zip(
                self.weights, vector, self.means, self.scales, strict=True
            )
        )
        return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))

    def furniture_lines(self, lines: Sequence[str], verdicts: Sequence[str]) -> list[int]:
        """Lines the rules kept as text that the model calls furniture at its threshold,
        of those it may drop (``candidates``)."""
        return [
            index
            for index in candidates(lines, verdicts)
            if self.probability(features(lines, verdicts, index)) >= self.threshold
        ]


def candidates(lines: Sequence[str], verdicts: Sequence[str]) -> list[int]:
    """The lines the model may drop: text lines (as the rules say) of one sentence at most
    and shorter than half the page's median text line, on a page of ``MIN_TEXT_LINES``
    text lines or more."""
    text = [index for index, verdict in enumerate(verdicts) if verdict == "text"]
    if len(text) < MIN_TEXT_LINES:
        return []
    lengths = sorted(chrome.word_count(lines[index]) for index in text)
    median = lengths[len(lengths) // 2]
    return [
        index
        for index in text
        if chrome.word_count(lines[index]) < SHORTER_THAN_TEXT * median
        and len(_SENTENCE_MARK.findall(lines[index])) <= MAX_SENTENCES
    ]


@cache
def shipped() -> LineModel:
    """The shipped model, read once per process."""
    return LineModel(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def furniture_lines(lines: Sequence[str], verdicts: Sequence[str]) -> list[int]:
    """``LineModel.furniture_lines`` of the shipped model."""
    return shipped().furniture_lines(lines, verdicts)
