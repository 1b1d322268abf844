"""Short labels that say who did what and when, cut from the sentence's own words.

A sentence that fits in ``LABEL_CHARS`` is its own label. A longer one's label is extractive: pieces of the sentence in their order, joined by "…" where words were
left out, never a word changed. It holds the main clause's subject and verb (with the few
words after the verb) and the date phrase:

    "On October 24, Russian President Vladimir Putin held a press conference following the
    conclusion of the BRICS summit."  ->  "On October 24, Russian President Vladimir Putin held
    a press conference…"
    "His view of how the war will end struck a stark contrast with Ukrainian President Volodymyr
    Zelensky, who presented a “victory plan” to Western leaders last week which …"  ->  "His
    view of how the war … struck a stark contrast … to Western leaders last week…"

There is no part-of-speech model (nothing that loads weights): the verb is the first word of
the main clause that is an auxiliary, a common past form or a word ending in "-ed", or a
present-tense "-s" word right after a capitalised name ("Putin gives").
"""

from __future__ import annotations

import re

from bot.timeline.dates import DateMention

LABEL_CHARS = 76
"""A label's length at most, ellipses included."""
SUBJECT_WORDS = 6
"""Words of a long subject kept before its verb ("His view of how the war … struck")."""
VERB_WORDS = 4
"""Words kept from the verb on."""
DATE_CONTEXT_WORDS = 3
"""Words kept before the date phrase when it is far from the verb."""
ELLIPSIS = "…"

_TOKEN = re.compile(r"\S+")
_OPENERS = frozenset({
    "however", "meanwhile", "furthermore", "moreover", "additionally", "also", "still",
    "nevertheless", "separately", "instead", "then", "but", "and", "so", "yet",
})  # fmt: skip
_VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "could", "can", "should", "shall", "might", "may", "must",
    "said", "says", "told", "met", "went", "came", "took", "gave", "held", "began", "saw",
    "made", "led", "won", "lost", "left", "sent", "spoke", "wrote", "became", "brought",
    "thought", "found", "kept", "paid", "stood", "ran", "fought", "fell", "rose", "struck",
    "flew", "gives", "holds", "meets", "plans", "hosts", "visits", "expects",
})  # fmt: skip
_SUBORDINATORS = frozenset({
    "while", "although", "though", "as", "because", "if", "when", "after", "before", "despite",
    "since", "whereas", "once", "unless", "until",
})  # fmt: skip
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})
_NOT_VERBS_ED = frozenset({"united", "red", "bed", "need", "speed", "seed", "feed", "hundred"})


def label(sentence: str, date: DateMention, limit: int = LABEL_CHARS) -> str:
    """The label of ``sentence`` for the event dated by ``date``; see the module docstring."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    if not tokens or len(" ".join(sentence.split())) <= limit:
        return " ".join(sentence.split())
    first = _skip_openers(sentence, tokens, date)
    verb = _verb_index(sentence, tokens, first, date)
    pieces = _pieces(tokens, first, verb, date)
    text = _join(sentence, pieces)
    if len(text) > limit:
        date_first = next(i for i, (s, e) in enumerate(tokens) if e > date.start)
        text = _join(sentence, _fit(pieces, date_first, limit, sentence))
    return text


def _skip_openers(sentence: str, tokens: list[tuple[int, int]], date: DateMention) -> int:
    """The first token of the main clause: past "However," or "Meanwhile," and past an opening
    subordinate clause ("While the claims remain unverified, the military confirmed …") that
    does not hold the date."""
    index = 0
    while index < len(tokens) - 1:
        start, end = tokens[index]
        word = sentence[start:end].rstrip(",").lower()
        if start >= date.start or word not in _OPENERS:
            break
        index += 1
    start, _ = tokens[index]
    if sentence[start : tokens[index][1]].lower() in _SUBORDINATORS:
        for after in range(index, len(tokens) - 1):
            if tokens[after][1] > date.start:
                break
            if sentence[tokens[after][0] : tokens[after][1]].endswith(","):
                return after + 1
    return index


def _verb_index(
    sentence: str, tokens: list[tuple[int, int]], first: int, date: DateMention
) -> int | None:
    """The main clause's verb: the first verb-like token outside the date and any aside."""
    dash = aside = False
    for index in range(first, len(tokens)):
        start, end = tokens[index]
        raw = sentence[start:end]
        previous = sentence[tokens[index - 1][0] : tokens[index - 1][1]] if index else ""
        word = raw.strip(",.;:\u201c\u201d\"'()").lower()
        if raw in ("\u2014", "\u2013", "--"):
            dash = not dash
            continue
        if word in _RELATIVES and previous.endswith(","):
            aside = True
        if aside:
            aside = not raw.endswith(",")
            continue
        if dash or date.start <= start < date.end:
            continue
        if _looks_like_verb(word, previous):
            return index
    return None


def _looks_like_verb(word: str, previous: str) -> bool:
    if word in _VERBS:
        return True
    if word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS_ED:
        return previous.lower() not in ("the", "a", "an", "of")
    return word.endswith("s") and word.isalpha() and previous[:1].isupper() and len(word) > 3


def _pieces(
    tokens: list[tuple[int, int]], first: int, verb: int | None, date: DateMention
) -> list[tuple[int, int]]:
    """Token ranges [from, to) to keep: subject, verb phrase, date phrase."""
    date_first = next(i for i, (s, e) in enumerate(tokens) if e > date.start)
    date_last = max(i for i, (s, e) in enumerate(tokens) if s < date.end)
    if verb is None:
        head = [(first, min(first + SUBJECT_WORDS, len(tokens)))]
    else:
        in_date = sum(1 for s, e in tokens[first:verb] if e > date.start and s < date.end)
        long = verb - first - in_date > SUBJECT_WORDS + 1
        subject = (first, first + SUBJECT_WORDS + in_date) if long else (first, verb)
        head = [subject, (verb, min(verb + VERB_WORDS, len(tokens)))]
    context = max(first, date_first - DATE_CONTEXT_WORDS)
    pieces = [*head, (context, date_last + 1)]
    return _merged(pieces)


def _merged(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(piece for piece in pieces if piece[1] > piece[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _fit(
    pieces: list[tuple[int, int]], date_first: int, limit: int, sentence: str
) -> list[tuple[int, int]]:
    """Leave words out until the label fits: first the words before the date phrase, then the
    end of the subject and of the verb phrase (keeping two words of each), then anything."""
    pieces = list(pieces)

    def trimmed(index: int, keep: int) -> bool:
        start, end = pieces[index]
        if start < date_first < end or start == date_first or end - start <= keep:
            return False
        pieces[index] = (start + 1, end) if index == len(pieces) - 1 else (start, end - 1)
        return True

    while len(_join(sentence, pieces)) > limit:
        order = [len(pieces) - 1, *range(len(pieces) - 1)]
        if not any(trimmed(index, 2) for index in order):
            start, end = pieces[0]
            if end - start <= 1 or (start <= date_first < end and end - 1 <= date_first):
                break
            pieces[0] = (start, end - 1)
    return pieces


def _join(sentence: str, pieces: list[tuple[int, int]]) -> str:
    """The pieces' words in order, "…" wherever words were left out (also at either end)."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    text = ELLIPSIS if pieces[0][0] > 0 else ""
    for number, (first, last) in enumerate(pieces):
        piece = " ".join(sentence[tokens[first][0] : tokens[last - 1][1]].split())
        if last < len(tokens):
            piece = piece.rstrip(",;:\u2014\u2013- ")
        text += (f"{ELLIPSIS} " if number else "") + piece
    return text + ELLIPSIS if pieces[-1][1] < len(tokens) else text
