"""Whether a sentence holds what a question asks for: a figure, a date, a name, a place, or
a statement by the person asked about.

Every function here reads one sentence (``SentenceWords``, built once per sentence from its
text) so that the words of a passage's sentences can later come precomputed with the index.
The rules are deterministic and documented, with an example each, in docs/quality.md.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from bot.question import (
    INTERVAL_SIDES,
    MONTHS,
    ORDINAL_WORDS,
    SPEECH_VERBS,
    WEEKDAYS,
    Focus,
    NumberKind,
    QuestionType,
)
from bot.roles import same_office
from bot.tokens import (
    ANSWER_WORD,
    AUXILIARY_VERBS,
    IRREGULAR_PAST,
    STOPWORDS,
    Aliases,
    normalise_quickly,
    stem,
)

SENTENCE_TOKEN = re.compile(ANSWER_WORD.pattern + r"|[“”\"$€£¥%]")
"""A word the answer reads in a sentence (``sentence_tokens``): a number with its decimal part,
a run of letters, or a quotation or currency mark. The build runs it too (``sentence_reading``)."""
_QUOTE_MARKS = frozenset('“”"')


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE_AMOUNTS = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "billions"})
_FRACTIONS = frozenset(
    {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}
)
_PERCENT = frozenset({"%", "percent", "per", "percentage"})
_CURRENCY = frozenset(
    {"$", "€", "£", "¥", "dollar", "dollars", "ruble", "rubles", "rouble", "roubles", "euro"}
    | {"euros", "yuan", "won", "yen", "pounds", "usd", "eur", "rub"}
)
_MONTHS = frozenset(MONTHS) | frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
_RELATIVE_DAYS = frozenset({"yesterday", "today", "tomorrow", "ago", "tonight", "once", "until"})
_RELATIVE_PERIODS = frozenset({"days", "weeks", "months", "years", "week", "month", "year"})
_RELATIVE_MARKERS = frozenset({"next", "last", "coming", "previous", "earlier", "later"})
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "each",
        "every",
        "no",
    ]
)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "across", "into"})
_INVERTED_SPEECH = frozenset(
    {"said", "says", "added", "wrote", "writes", "asked", "noted", "stated", "continued"}
    | {"declared", "according", "explained", "replied"}
)
"""Speech verbs that may come before their speaker ("said Putin", "according to Seoul");
after any other ("accused NATO") the name is the object, not the speaker."""
_PLACE_ADJECTIVES = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "occupied",
        "neighbouring",
        "neighboring",
    ]
)
_TIE_WINDOW = 4
"""A figure is tied to a word this many words away or closer ("3,000 North Korean soldiers")."""
_TIMES = "time"
_TIMES_ADVERBS = frozenset({"once", "twice", "thrice"})
"""How often, in one word: "How many *times* did Kim hug Putin?" -> "who hugged him *twice*"."""
_NUMBER_OF_REACH = 25
"""How many words after "the number of <thing>" its figure may come (``gives_the_number_of``)."""
_NUMBER_OF_LEAD = 5
"""How many words before the thing "number of" may stand ("the number of North Korean troops")."""
_SPEAKER_WINDOW = 12
"""A speaker's name ends at most this many words before its speech verb."""
_OPENING_CAPITALS = 1


@dataclass(frozen=True)
class SentenceWords:
    """One sentence as words: surface form, stem, whether inside a quotation, and the alias
    concepts it names with their word spans."""

    words: tuple[str, ...]
    stems: tuple[str, ...]
    quoted: tuple[bool, ...]
    concepts: tuple[tuple[str, int, int], ...]

    @classmethod
    def read(cls, text: str, aliases: Aliases) -> SentenceWords:
        tokens = sentence_tokens(text)
        return cls.of(tokens, [stem(token.casefold()) for token in tokens], aliases)

    @classmethod
    def of(cls, tokens: Sequence[str], stems: Sequence[str], aliases: Aliases) -> SentenceWords:
        """A sentence from its tokens (``sentence_tokens``, read once with the index) and
        their stems: quotation marks are noted rather than kept."""
        words: list[str] = []
        word_stems: list[str] = []
        quoted: list[bool] = []
        inside = _closes_a_quotation(tokens, stems)
        for token, token_stem in zip(tokens, stems, strict=True):
            if token in _QUOTE_MARKS:
                inside = token == "“" or (token == '"' and not inside)
                continue
            words.append(token)
            word_stems.append(token_stem)
            quoted.append(inside)
        concepts = [*aliases.find(word_stems), *_abbreviated_months(words)]
        return cls(tuple(words), tuple(word_stems), tuple(quoted), tuple(concepts))

    def positions_of(self, terms: Iterable[str]) -> list[int]:
        """Word positions holding any of ``terms`` (stems, or concepts over their spans)."""
        wanted = set(terms)
        found = [i for i, word_stem in enumerate(self.stems) if word_stem in wanted]
        for concept, start, end in self.concepts:
            if concept in wanted:
                found.extend(range(start, end))
        return sorted(set(found))

    def has_any(self, terms: Sequence[str]) -> bool:
        return bool(self.positions_of(terms))


def _abbreviated_months(words: Sequence[str]) -> list[tuple[str, int, int]]:
    """A month written short before a day ("on *Jan.* 3", "*Sept* 12") as the stem of its full
    name, so that "the January 3 offensive" finds the sentence that writes "an offensive on
    Jan. 3". Only capitalised and before a figure: "mar" and "dec" are other words too."""
    found = []
    for i, word in enumerate(words[:-1]):
        full = _MONTH_ABBREVIATIONS.get(word.rstrip("."))
        if full and words[i + 1][:1].isdigit():
            found.append((full, i, i + 1))
    return found


_MONTH_ABBREVIATIONS = {
    short: stem(month)
    for month in MONTHS
    for short in {month[:3].capitalize(), month[:4].capitalize() if month == "september" else ""}
    if short and short.casefold() != month
}
"""Capitalised abbreviations ("Jan", "Sept") to the stem of their month ("januari")."""


SPEAKER_PLACE_WINDOW = 4
"""How many words apart a described speaker's head noun and its place may be ("*Japanese*
Chief Cabinet *Secretary*", "the *widow* of fallen *Russian*")."""


def describes_speaker(sentence: SentenceWords, role: Sequence[str], places: Sequence[str]) -> bool:
    """Whether the sentence names someone as the question describes its speaker: the head
    noun (or a stand-in for it) and, when the description names places, one of them near."""
    heads = sentence.positions_of(role)
    if not heads or not places:
        return bool(heads)
    near = sentence.positions_of(places)
    return any(abs(h - p) <= SPEAKER_PLACE_WINDOW for h in heads for p in near) or (
        any(p < _SUBJECT_WORDS for p in near) and any(_issued(sentence.words, h) for h in heads)
    )


def names_a_titled_holder(
    sentence: SentenceWords, titles: Sequence[str], places: Sequence[str]
) -> bool:
    """Whether the sentence names someone by an office title right before their name, near
    one of ``places``: "*President Ramaphosa* emphasised *South Africa's* ties" names the South
    African president on a page that never writes the place before the title; "Leaders from
    Brazil attended" names no one."""
    near = sentence.positions_of(places)
    return any(
        head + 1 < len(sentence.words)
        and sentence.words[head][:1].isupper()
        and sentence.words[head + 1][:1].isupper()
        and any(abs(head - place) <= SPEAKER_PLACE_WINDOW for place in near)
        for head in sentence.positions_of(titles)
    )


_ISSUING_VERBS = frozenset({"issued", "released", "published", "adopted"})
_ISSUED_DETERMINERS = frozenset({"a", "an", "its", "their", "his", "her"})


def _issued(words: Sequence[str], head: int) -> bool:
    """The head noun is what the sentence's subject issued: "The *South Korean* presidential
    office convened a National Security Council meeting ..., and *issued a statement*." The
    statement is the subject's, however far its place stands from the noun, and "The statement
    says ..." after it is theirs."""
    before = [word.casefold() for word in words[max(0, head - 2) : head]]
    if before and before[-1] in _ISSUED_DETERMINERS:
        before = before[:-1]
    return bool(before) and before[-1] in _ISSUING_VERBS


def is_number(words: Sequence[str], i: int) -> bool:
    """A figure: digits (not a year, not an ordinal: "the *16th* summit" reaches the words as
    "16 th"), a number word, "dozens", a fraction or a percentage."""
    word = words[i].casefold()
    if word[0].isdigit():
        ordinal = i + 1 < len(words) and words[i + 1].casefold() in _ORDINAL_SUFFIXES
        return not ordinal and not _is_year(words, i)
    return (
        word in NUMBER_WORDS
        or word in MULTIPLIERS
        or word in _VAGUE_AMOUNTS
        or word in _FRACTIONS
        or word in _PERCENT
    )


def _dated_day(words: Sequence[str], i: int) -> bool:
    """Whether the figure at ``i`` (one or two digits) stands right after or before a month's
    name, as a date's day: "early on *June 19*, 2024" counts no horses (a duration may still be
    read off dates: "*22-24* October"; ``_day_of_month``, ``_is_month``). "May" after the figure
    counts only capitalised ("20 *may* have died" is a count)."""
    return len(words[i]) <= 2 and (
        _day_of_month(words, i) or (i + 1 < len(words) and _is_month(words, i + 1))
    )


def _is_year(words: Sequence[str], i: int) -> bool:
    """Four digits from 1900 to 2099, unless an approximation comes first: the text's "around
    2,000 Russian civilians" reaches the words as "around 2000" (``normalise`` drops the
    thousands separator), and a year is never "around" or "more than" itself."""
    word = words[i]
    if not (len(word) == 4 and word[:2] in {"19", "20"} and word.isdigit()):
        return False
    return i == 0 or words[i - 1].casefold() not in _APPROXIMATIONS


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_APPROXIMATIONS = frozenset(
    {"about", "around", "some", "nearly", "almost", "than", "least", "over"}
)
"""Words that put a count before a figure ("*about* 2,000", "more *than* 1,500", "at *least*
2,000") and never a year."""


def numbers(sentence: SentenceWords) -> list[int]:
    return [i for i in range(len(sentence.words)) if is_number(sentence.words, i)]


def number_fits(sentence: SentenceWords, focus: Focus, focus_terms: Sequence[str]) -> bool:
    """A figure of the kind asked, tied to the thing counted (or to any focus term)."""
    lowered = [word.casefold() for word in sentence.words]
    if _TIMES in focus.counted and (
        _TIMES_ADVERBS.intersection(lowered) or counts_an_occasion(lowered, focus.main_verbs)
    ):
        return True
    found = numbers(sentence)
    if focus.number_kind is NumberKind.COUNT:
        found = [i for i in found if not _dated_day(sentence.words, i)]
    lasting = focus.number_kind is NumberKind.MEASURE and "long" in focus.measure
    if not found and not lasting:
        return False
    if focus.number_kind is NumberKind.MONEY:
        return any(word in _CURRENCY for word in lowered)
    if focus.number_kind is NumberKind.SHARE:
        return any(
            lowered[i] in _FRACTIONS or lowered[i] in _PERCENT or _followed_by_percent(lowered, i)
            for i in found
        )
    if "old" in focus.measure and any(_age_after_name(sentence, i, focus.names) for i in found):
        return True
    counted = (*focus.counted, *focus.counted_as)
    anchors = sentence.positions_of(focus.shape or counted or focus_terms)
    side = next((word for word in focus.measure if word in INTERVAL_SIDES), None)
    if lasting and any(_unit_as_figure(lowered, i, side) for i in anchors):
        return True
    verbs = sentence.positions_of(focus.main_verbs or focus.verbs) if focus.counted else []
    done = sentence.positions_of(focus.done_to) if focus.counted else []
    return any(
        (
            tied(sentence.words, i, anchors)
            or gives_the_number_of(sentence.words, i, anchors)
            or counts_the_subject(lowered, i, verbs)
            or counts_those_done(lowered, i, done)
        )
        and not _counts_other_place(sentence, i, anchors, focus)
        and not (lasting and time_since_last(lowered, i))
        for i in found
    )


def _age_after_name(sentence: SentenceWords, number: int, names: Sequence[str]) -> bool:
    """Whether the figure at ``number`` is an age written right after the name of the one
    asked about, as news gives it: "a prisoner surnamed *Paek (22)*", "said *Sgt. Oleksandr,
    46*, a platoon leader" answer "How old is …?". Only a whole number a person may be, and
    only after a name the question holds: "Article 4", "Hwasong 11" are no ages."""
    word = sentence.words[number]
    if number == 0 or not word.isdigit() or not 0 < int(word) <= _OLDEST:
        return False
    return number - 1 in sentence.positions_of(names)


_OLDEST = 120


def counts_an_occasion(lowered: Sequence[str], verbs: Sequence[str]) -> bool:
    """Whether an ordinal counts the occasion a "how many times" question asks about: "his
    *third meeting* with the Russian leader", "the Prime Minister's *seventh trip* to Russia",
    "the *third in* nearly three months" answer "How many times had he met / travelled /
    been …?". The ordinal comes right before an occasion's noun (or a noun made from the
    question's verb, "met" -> "meeting") or before the span it counts in ("in", "since")."""
    occasions = _OCCASIONS.union(verbs)
    for i, word in enumerate(lowered[:-1]):
        if word not in ORDINAL_WORDS:
            continue
        after = lowered[i + 1 : i + 1 + _OCCASION_REACH]
        if after[0] in _SPAN_WORDS or any(stem(other) in occasions for other in after):
            return True
    return False


_OCCASIONS = frozenset(
    stem(word)
    for word in ("visit", "trip", "meeting", "journey", "tour", "summit", "talks", "call", "time")
)
"""Nouns of an occasion an ordinal may count: "his second *visit*", "their fourth *summit*"."""
_OCCASION_REACH = 2
"""How many words after the ordinal its occasion may come ("the third *official visit*")."""
_SPAN_WORDS = frozenset({"in", "since", "this"})
"""Words after a bare ordinal that give the span it counts in: "the third *in* three months"."""


def counts_the_subject(lowered: Sequence[str], number: int, verbs: Sequence[int]) -> bool:
    """Whether the figure at ``number`` stands alone as the subject of the question's main
    verb, counting what the sentence has been about: "around *300 have been killed* and 2,700
    injured", "around *200 of them were approaching* our base" answer "How many soldiers were
    killed / were approaching?". The verb comes within ``_SUBJECT_REACH`` words, after an
    auxiliary or "of them" right after the figure."""
    after = lowered[number + 1 : number + 3]
    if not after or not (after[0] in _SUBJECT_AUXILIARIES or after in _OF_THEM):
        return False
    return any(number < verb <= number + _SUBJECT_REACH for verb in verbs)


def counts_those_done(lowered: Sequence[str], number: int, verbs: Sequence[int]) -> bool:
    """Whether the figure at ``number`` stands for those one of the question's passive verbs
    was done to (``Focus.done_to``), its participle right after it as a noun: "Pyongyang
    suffered more than *1,000 killed* or wounded" answers "How many North Koreans were killed
    or wounded?", not "How many have killed themselves?"."""
    return number + 1 in verbs and lowered[number + 1].endswith(_PARTICIPLE_ENDINGS)


_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
"""How a participle ends ("killed", "taken", "shown"): "1,000 *deminers*" is a noun."""


_SUBJECT_AUXILIARIES = frozenset({"have", "has", "had", "were", "was", "are", "is", "will"})
_OF_THEM = [["of", "them"], ["of", "those"], ["of", "these"], ["of", "whom"]]
_SUBJECT_REACH = 5


def _unit_as_figure(lowered: Sequence[str], unit: int, side: str | None = None) -> bool:
    """A unit of time that is a duration with no figure of its own: "*week*-long training"
    (read as "week long"), "lasted *an hour*", "for *a* day"; not a time since or until
    something ("*a month on* from Kim's visit", "a day after the summit"), unless that is the
    ``side`` of an interval asked for ("How long *after* …" against "a month *after* …")."""
    after = lowered[unit + 1] if unit + 1 < len(lowered) else ""
    before = lowered[unit - 1] if unit else ""
    if before in _WHOLE and unit > 1:
        before = lowered[unit - 2]
    if before in {"a", "an", "one"} and side is not None:
        return after == side
    return after == "long" or (before in {"a", "an", "one"} and after not in _SINCE_OR_UNTIL)


_WHOLE = frozenset({"full", "whole", "entire", "good"})
"""Words between "a" and a unit that keep it a duration: "lasted *a full* hour"."""


_SINCE_OR_UNTIL = frozenset(
    {"on", "after", "ago", "later", "since", "before", "earlier", "into", "from", "until"}
)


def time_since_last(lowered: Sequence[str], number: int) -> bool:
    """Whether the figure at ``number`` measures the time since the last time, not how long
    something lasted: "his *first* visit to Russia *in* over two *years*", "the first talks
    in five years" do not answer "How long did the meeting last?"."""
    j = number - 1
    while j >= 0 and lowered[j] in _SINCE_LEAD:
        j -= 1
    return j > 0 and lowered[j] == "in" and "first" in lowered[max(0, j - _FIRST_REACH) : j]


_SINCE_LEAD = frozenset({"over", "more", "than", "about", "nearly", "almost", "around", "some"})
_FIRST_REACH = 8
"""How far before "in" the "first" of "the first visit to Russia in two years" may stand."""


def gives_the_number_of(words: Sequence[str], number: int, anchors: Sequence[int]) -> bool:
    """Whether the figure at ``number`` is given later in the clause for "the number of" an
    anchor: "the *number of* North Korean *troops* who have already been assigned to Russian
    forces would increase by up to *15,000*", too far for ``tied``. Not when a plural noun of
    its own follows the figure ("… rose as 40 missiles …")."""
    lowered = [word.casefold() for word in words]
    if number + 1 < len(words) and _other_noun(words[number + 1]):
        return False
    for anchor in anchors:
        if not anchor < number <= anchor + _NUMBER_OF_REACH:
            continue
        opening = lowered[max(0, anchor - _NUMBER_OF_LEAD) : anchor]
        names_the_number = any(
            word == "number" and opening[i + 1 : i + 2] == ["of"] for i, word in enumerate(opening)
        )
        if names_the_number and not _CLAUSE_BREAKS.intersection(lowered[anchor + 1 : number]):
            return True
    return False


def _counts_other_place(
    sentence: SentenceWords, number: int, anchors: Sequence[int], focus: Focus
) -> bool:
    """The figure counts the thing of another place: "3,000 *North Korean* soldiers" for
    "how many *Ukrainian* soldiers". Only places between the figure and the thing counted,
    or, when the thing comes first ("the number of *North Korean* soldiers ... may exceed
    10,000", ``gives_the_number_of``), the places just before it; and only when the question
    qualifies it by place."""
    if not focus.counted_places:
        return False
    after = [a for a in anchors if a > number]
    before = [a for a in anchors if a < number]
    if after:
        start_at, end = number, min(after)
    elif before:
        end = max(before)
        start_at = end - _NUMBER_OF_LEAD
    else:
        return False
    between = [c for c, start, _ in sentence.concepts if start_at < start < end]
    places = [c for c in between if c.startswith("~")]
    return bool(places) and not set(places) & set(focus.counted_places)


def tied(words: Sequence[str], number: int, anchors: Sequence[int]) -> bool:
    """Whether the figure at ``number`` counts an anchor word: the anchor comes within
    ``_TIE_WINDOW`` words after it with no other plural noun first ("3,000 North Korean
    *soldiers*", not "40 missiles" for soldiers), or before it with only linking words
    between ("candidate partner *countries* as 13", not "troops and, later, 40")."""
    for anchor in anchors:
        between = words[min(number, anchor) + 1 : max(number, anchor)]
        if abs(anchor - number) > _TIE_WINDOW or any(_other_noun(word) for word in between):
            continue
        if anchor > number or not _CLAUSE_BREAKS.intersection(w.casefold() for w in between):
            return True
    return False


def _other_noun(word: str) -> bool:
    """Whether ``word`` (as written) reads as a plural noun; not an acronym in capitals,
    which is a name ("250 *BRICS* meetings")."""
    lowered = word.casefold()
    return (
        len(word) > 3
        and lowered.endswith("s")
        and not lowered.endswith("ss")
        and lowered != "as"
        and not word.isupper()
    )


_CLAUSE_BREAKS = frozenset({"and", "but", "while", "later", "then", "after", "before", "whereas"})


def _followed_by_percent(lowered: Sequence[str], i: int) -> bool:
    return i + 1 < len(lowered) and lowered[i + 1] in _PERCENT


def date_fits(sentence: SentenceWords, unit: str | None = None) -> bool:
    """A date: a month, a weekday, a year, "yesterday", "two weeks ago", "in the coming
    days", or a condition in time ("*once* their consent is obtained", "*until* ..."). With a
    ``unit`` the question asks for (``Focus.date_unit``), only a date naming it: a year for
    "what year", a month for "which month" or "what date", a weekday for "which weekday"."""
    if unit is not None:
        return _names_date_unit(sentence, unit)
    for i, word in enumerate(sentence.words):
        lowered = word.casefold()
        if lowered in WEEKDAYS or lowered in _RELATIVE_DAYS or _is_year(sentence.words, i):
            return True
        if _is_early_year(sentence.words, i):
            return True
        if _is_month(sentence.words, i):
            return True
        if lowered in _RELATIVE_PERIODS and i > 0 and word_before(sentence, i) in _RELATIVE_MARKERS:
            return True
    return False


def _is_early_year(words: Sequence[str], i: int) -> bool:
    """A year before 1900, which ``_is_year`` leaves to counts: three or four digits after
    "in", "since" or "until" (not "by": "rose *by 300*"), and not counting the plural noun
    after them ("*in 1320* Islam became the state religion", not "in 300 cities")."""
    word = words[i]
    if not (word.isdigit() and 3 <= len(word) <= 4) or i == 0:
        return False
    following = words[i + 1] if i + 1 < len(words) else ""
    return words[i - 1].casefold() in _YEAR_MARKERS and not _other_noun(following)


_YEAR_MARKERS = frozenset({"in", "since", "until"})


def _names_date_unit(sentence: SentenceWords, unit: str) -> bool:
    words = sentence.words
    if unit == "year":
        return any(_is_year(words, i) or _is_early_year(words, i) for i in range(len(words)))
    if unit == "weekday":
        return any(word.casefold() in WEEKDAYS for word in words)
    return any(_is_month(words, i) for i in range(len(words)))


def _is_month(words: Sequence[str], i: int) -> bool:
    """A month's name, not opening the sentence, and "May" only capitalised (not the verb)."""
    word = words[i]
    lowered = word.casefold()
    return lowered in _MONTHS and (lowered != "may" or word[0].isupper()) and i > 0


def word_before(sentence: SentenceWords, i: int) -> str:
    return sentence.words[i - 1].casefold() if i > 0 else ""


def names(sentence: SentenceWords) -> list[int]:
    """Positions of capitalised words that are not the sentence's first word: names."""
    return [
        i
        for i, word in enumerate(sentence.words)
        if i >= _OPENING_CAPITALS
        and word[0].isupper()
        and word.casefold() not in _MONTHS
        and word.casefold() not in WEEKDAYS
    ]


def who_fits(
    sentence: SentenceWords, focus: Focus, own_terms: Sequence[str], places: frozenset[str]
) -> bool:
    """A named person or organisation the question does not already name: a capitalised
    word that is not a country, its capital or its people ("*North Korean* soldiers"),
    unless it is the agent of a passive ("brokered *by the United States*"), or kin or a party
    named by its kind (``_KIN_AND_PARTIES``). For "who is the president of X", the role next
    to X ("X's president", "president of X")."""
    if focus.role:
        return _role_fits(sentence, focus)
    if focus.person_noun:
        return _person_named(sentence, focus.person_noun, own_terms, places)
    own = set(sentence.positions_of(own_terms))
    in_places = set(sentence.positions_of(places))
    lowered = [word.casefold() for word in sentence.words]
    if any(word in _KIN_AND_PARTIES and i not in own for i, word in enumerate(lowered)):
        return True
    for i in names(sentence):
        if i in own:
            continue
        agent = lowered[i - 1] == "by" or (i > 1 and lowered[i - 2 : i] == ["by", "the"])
        if i not in in_places or agent:
            return True
    return False


_KIN_AND_PARTIES = frozenset(
    {"daughter", "son", "wife", "husband", "sister", "brother", "children", "family"}
    | {"relatives", "delegation", "entourage", "aides", "bodyguards"}
)
"""People a story names by what they are to someone, not by name: "Who did Kim bring to
Beijing?" is answered by "his young *daughter*", "Who briefed NATO?" by "a South Korean
*delegation*"."""


def _person_named(
    sentence: SentenceWords, noun: str, own_terms: Sequence[str], places: frozenset[str]
) -> bool:
    """A person's name: two capitalised words or more in a row, one of them not the
    question's own and none of them a place or its people; when the sentence uses the asked
    noun, fewer than ``NAME_REACH`` words from it. A body, an office or a lone capitalised word
    ("the *Kremlin*", "*Brics*") names nobody asked for by "which reporter" or "the name of
    the soldier", nor does a name far from the noun ("*a reporter* asked Putin"); "BBC
    journalist *Steve Rosenberg*" does. A sentence's first word counts unless it is a common
    word ("The", "But")."""
    own = set(sentence.positions_of(own_terms))
    in_places = set(sentence.positions_of(places))
    lowered = [word.casefold() for word in sentence.words]
    capitalised = [
        i
        for i, word in enumerate(sentence.words)
        if word[0].isupper()
        and i not in in_places
        and not (i == 0 and lowered[i] in STOPWORDS)
        and lowered[i] not in _MONTHS
        and lowered[i] not in WEEKDAYS
    ]
    runs = [
        (first, later)
        for first, later in itertools.pairwise(capitalised)
        if later == first + 1 and not {first, later} <= own
    ]
    nouns = [i for i, word in enumerate(lowered) if word.removesuffix("s") == noun]
    if not nouns:
        return bool(runs)
    return any(
        first - NAME_REACH <= i <= later + NAME_REACH for first, later in runs for i in nouns
    )


NAME_REACH = 4
"""Fewer words than this between a name and the thing it names ("*journalist* Melissa Bell",
"*Kwangmyong*, a heavily censored intranet": three)."""


def _role_fits(sentence: SentenceWords, focus: Focus) -> bool:
    """The role next to its place, the role written as any title of its group
    (``bot.roles.same_office``: "Ukraine's military intelligence *spokesperson*" for "the
    *spokesman* of Ukraine's military intelligence"), and a name."""
    roles = sentence.positions_of(same_office(focus.role[-1]) if focus.role else ())
    places = sentence.positions_of(focus.role_place)
    return any(
        0 < role - place <= len(focus.role) + 1 or 0 < place - role <= 3
        for role in roles
        for place in places
    ) and bool(names(sentence))


def where_fits(
    sentence: SentenceWords,
    own_terms: Sequence[str],
    places: frozenset[str],
    *,
    anywhere: bool,
    finer: bool = False,
) -> bool:
    """A place after "in", "at", "near", "to"... (a word of direction may come between: "in
    *eastern* Russia"): a capitalised name, or a country, capital or people the gazetteer
    knows, that the question does not already name. For "which countries...", ``anywhere``:
    a country named anywhere in the sentence ("these countries include *Turkey*")."""
    own = set(sentence.positions_of(own_terms))
    starts = {start for concept, start, _ in sentence.concepts if concept in places}
    lowered = [word.casefold() for word in sentence.words]
    for i in set(names(sentence)) | starts:
        if i in own or (finer and i in starts):
            continue
        if (
            (anywhere and i in starts)
            or _after_place_preposition(lowered, i)
            or _named_place_of(sentence.words, i)
        ):
            return True
    return False


_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "republic", "province", "oblast", "district"}
    | {"county", "island", "port", "settlement", "capital"}
)
"""Nouns for a kind of place that name one after "of": "the *republic* of Tuva"."""


def _named_place_of(words: Sequence[str], i: int) -> bool:
    """Whether the name at ``i`` is a place named after its kind and "of": "the Russian
    *republic of* Tuva", "the *town of* Kurakhove", "the *city of* Kazan". The kind says it is
    a place wherever the phrase stands ("gives the place of birth as Turan, in the Russian
    republic of Tuva": "Tuva" follows "of", not "in"). The kind in lower case only: in "the
    People's *Republic of* China" it is part of a country's name, named in a list of
    countries, not where something happened."""
    return i >= 2 and words[i - 1] == "of" and words[i - 2] in _PLACE_NOUNS


def _after_place_preposition(lowered: Sequence[str], i: int) -> bool:
    """Whether the name at ``i`` follows a preposition of place, perhaps through "the" and a
    word of direction: "in Rome", "in *eastern* Russia", "in *the* Kerch Strait", "at *the*
    Diaoyutai state guest house"."""
    j = i - 1
    if j >= 0 and lowered[j] in _PLACE_ADJECTIVES:
        j -= 1
    if j >= 0 and lowered[j] == "the":
        j -= 1
    return j >= 0 and j < i and lowered[j] in _PLACE_PREPOSITIONS


def statement_fits(sentence: SentenceWords, speaker_terms: Sequence[str], pronoun: bool) -> bool:
    """Words attributed to the speaker: the speaker (or, when ``pronoun``, he / she / they
    referring back to them) as the one who speaks, near a speech verb or a quotation.

    The speaker must come before the speech verb with no "that" between (the content of what
    someone else said does not count: "Putin responded that NATO countries..." is not NATO
    speaking), or right after a verb that can come first ("said Putin", "according to
    Seoul"); a mention inside the quotation does not count.
    """
    mentions = [i for i in sentence.positions_of(speaker_terms) if not sentence.quoted[i]]
    if pronoun:
        mentions += [
            i
            for i, word in enumerate(sentence.words)
            if word.casefold() in _SUBJECT_PRONOUNS and not sentence.quoted[i]
        ]
    if not mentions:
        return False
    lowered = [word.casefold() for word in sentence.words]
    verbs = speech_verbs(sentence)
    quotes = any(sentence.quoted)
    for mention in mentions:
        for verb in verbs:
            between = lowered[mention + 1 : verb]
            if 0 < verb - mention <= _SPEAKER_WINDOW and "that" not in between:
                return True
            if (
                0 < mention - verb <= _INVERTED_WINDOW
                and lowered[verb] in _INVERTED_SPEECH
                and _name_between(sentence.words, verb + 1, mention)
                and not _subject_of_a_clause(sentence.words, mention)
            ):
                return True
        if quotes and _speaks_in_quote(sentence, mention):
            return True
        if _subject_says_later(lowered, mention, verbs):
            return True
        if _attributed_by(sentence, mention, mentions):
            return True
    return False


def _attributed_by(sentence: SentenceWords, mention: int, mentions: Sequence[int]) -> bool:
    """Words put down to the speaker after "by" or "from": a passive speech verb ("*described
    by* the Pentagon as the country's premier power projection platform", "*denied by*
    Moscow"), or a noun for something said ("a *statement by* Putin", "an angry *reaction
    from* Kyiv", "no *response from* Moscow"). Only words that always speak count: "*welcomed
    by* Pak Jong Chon" at an airport is a greeting. The speaker's name runs back from
    ``mention`` over the other ``mentions`` only: the tokens keep no commas, and "reported by
    Korea JoongAng Daily, *Kim* attended …" is the daily reporting, not Kim speaking."""
    start = mention
    while start - 1 in mentions:
        start -= 1
    before = start - 1
    if before >= 0 and sentence.words[before].casefold() == "the":
        before -= 1
    if before < 1 or sentence.quoted[before - 1]:
        return False
    link = sentence.words[before].casefold()
    said = sentence.stems[before - 1]
    return said in _ATTRIBUTING.get(link, frozenset())


_SUBJECT_OPENING = 8
"""How far into its sentence the subject of a trailing "…, saying …" may stand."""


def _subject_says_later(lowered: Sequence[str], mention: int, verbs: Sequence[int]) -> bool:
    """A speech verb in its -ing form later in the sentence speaks for the sentence's subject,
    however long the clause between: "North Korean leader *Kim* Jong Un has paid an emotional
    tribute to soldiers killed while fighting for Russia in its war against Ukraine, *saying*
    his ‘heart aches’"."""
    return mention < _SUBJECT_OPENING and any(
        verb > mention and lowered[verb].endswith("ing") for verb in verbs
    )


def _subject_of_a_clause(words: Sequence[str], mention: int) -> bool:
    """Whether the name at ``mention``, after a speech verb, is followed by an auxiliary: it is
    then the subject of what was said, not the one who said it ("Zelensky *said* *Putin had*
    sent more troops" is Zelensky speaking)."""
    after = mention + 1
    while after < len(words) and words[after][:1].isupper():
        after += 1
    return after < len(words) and words[after].casefold() in _CLAUSE_AUXILIARIES


_CLAUSE_AUXILIARIES = AUXILIARY_VERBS | {"must"}

_INVERTED_WINDOW = 6
"""How far after "said" / "according to" the speaker may end: "according to Russian President
Vladimir *Putin*"."""


def _name_between(words: Sequence[str], start: int, end: int) -> bool:
    """Only "to" / "by" and the capitalised rest of a name or title between a speech verb that
    comes first and its speaker ("according to *Vladimir* Putin", "said *Russian President*
    Vladimir Putin")."""
    return all(word.casefold() in {"to", "by"} or word[0].isupper() for word in words[start:end])


_SPEECH_NOUNS = frozenset(
    stem(word)
    for word in ["answer", "statement", "remarks", "comment", "reply", "message", "words"]
)
"""Nouns for what someone says, announced before it ("gave *the following answer*")."""
_SAID_NOUNS = _SPEECH_NOUNS | frozenset(
    stem(word)
    for word in (
        "reaction",
        "response",
        "criticism",
        "condemnation",
        "warning",
        "denial",
        "confirmation",
        "protest",
    )
)
"""Nouns for something said, with its sayer after "by" or "from" ("a *reaction from* Kyiv")."""
_PASSIVE_SPEECH = frozenset(
    stem(word)
    for word in (
        "described",
        "denied",
        "confirmed",
        "condemned",
        "criticized",
        "criticised",
        "announced",
        "stated",
        "claimed",
        "reported",
        "quoted",
    )
)
"""Speech verbs whose sayer follows "by" in the passive ("*denied by* Moscow"); not verbs that
may be done rather than said ("*welcomed by* Pak Jong Chon" at an airport)."""
_ATTRIBUTING = {"by": _PASSIVE_SPEECH | _SAID_NOUNS, "from": _SAID_NOUNS}
"""The words before "by" / "from" that put what was said down to the name after it (not
"reported *from* Kyiv", which says where)."""
_ANNOUNCED_REACH = 2
"""How many words after "following" its speech noun may come ("the following *brief* reply")."""


def speaks_throughout(title: SentenceWords | None, speaker_terms: Sequence[str]) -> bool:
    """Whether an article is the speaker's own words from end to end: its title names the
    speaker and a speech ("Speech by H.E. Xi Jinping … at the 16th BRICS Summit", "Full text
    of Putin's remarks at …"). Its paragraphs in the first person are then the speaker's, with
    no speech verb or quotation marks ("At this summit, we have decided to invite many
    countries …"; ``in_first_person``)."""
    return (
        title is not None
        and bool(speaker_terms)
        and title.has_any(speaker_terms)
        and title.has_any(_SPEECH_KINDS)
    )


_SPEECH_KINDS = tuple(
    stem(word)
    for word in ("speech", "remarks", "address", "statement", "transcript", "keynote", "message")
)
"""Title words that name a text as someone's words: "Speech by …", "… remarks at …"."""


def in_first_person(sentence: SentenceWords) -> bool:
    """Whether the sentence speaks in the first person ("I", "we", "our" …); "US" in capitals
    is a country."""
    return any(word in _FIRST_PERSON for word in sentence.words)


_FIRST_PERSON = frozenset({"I", "me", "my", "we", "We", "us", "our", "Our", "My"})


def announces_words(sentence: SentenceWords, speaker_terms: Sequence[str]) -> bool:
    """The sentence has the speaker as its subject and announces words to come: "Kim Jong Gyu,
    vice foreign minister of the DPRK ..., gave *the following answer* to a question raised by
    KCNA ...:". What comes next is the speaker's own, often in the first person ("I heeded the
    rumor ..."), with no speech verb or quotation mark of its own to tie it to them."""
    subject = any(
        position < _SUBJECT_WORDS and not sentence.quoted[position]
        for position in sentence.positions_of(speaker_terms)
    )
    if not subject:
        return False
    lowered = [word.casefold() for word in sentence.words]
    return any(
        word == "following"
        and any(s in _SPEECH_NOUNS for s in sentence.stems[i + 1 : i + 1 + _ANNOUNCED_REACH])
        for i, word in enumerate(lowered)
    )


def _closes_a_quotation(tokens: Sequence[str], stems: Sequence[str]) -> bool:
    """Whether the sentence opens inside a quotation begun in an earlier one: its first mark
    is a closing one, after words ("... decent jobs, and quality public schools and
    hospitals*,"* said Brazilian President Lula"), a closing curly mark or one of an odd number
    of straight marks not right after a speech verb (after one it opens a quotation that runs
    on: 'Putin stated, "North Korea is serious about its commitment to us...'). The words
    before it are the speaker's; the attribution after it is not quoted."""
    marks = [i for i, token in enumerate(tokens) if token in _QUOTE_MARKS]
    if not marks or marks[0] == 0:
        return False
    first = marks[0]
    if tokens[first] == "”":
        return True
    straight = [i for i in marks if tokens[i] == '"']
    return tokens[first] == '"' and len(straight) % 2 == 1 and stems[first - 1] not in SPEECH_VERBS


def speech_verbs(sentence: SentenceWords) -> list[int]:
    """Positions of speech verbs outside quotations, not read as nouns ("his *claim*")."""
    return [
        i
        for i, word_stem in enumerate(sentence.stems)
        if word_stem in SPEECH_VERBS
        and not sentence.quoted[i]
        and not _reads_as_noun(sentence.words, i)
        and not _adds_to_something(sentence.words, i)
    ]


def _adds_to_something(words: Sequence[str], i: int) -> bool:
    """ "Add" followed by "to" and a determiner increases something rather than speaks: "Modi
    publicly urged peace, *adding to the* diplomatic complexities" is not Xi (the sentence's
    subject) saying anything; "he added to reporters" or "added, referring to" still speak."""
    if words[i].casefold() not in _ADD_FORMS or i + 2 >= len(words):
        return False
    return words[i + 1].casefold() == "to" and words[i + 2].casefold() in _ADDED_TO_OPENERS


_ADD_FORMS = frozenset({"add", "adds", "added", "adding"})
_ADDED_TO_OPENERS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"}
)


def attributes(sentence: SentenceWords) -> bool:
    """Words attributed to someone: a speech verb or a quotation."""
    return bool(speech_verbs(sentence)) or any(sentence.quoted)


def _speaks_in_quote(sentence: SentenceWords, mention: int) -> bool:
    """``X: "..."`` or ``"...," X`` with no speech verb: the quotation next to the speaker."""
    before = sentence.quoted[mention - 1] if mention > 0 else False
    after = sentence.quoted[mention + 1] if mention + 1 < len(sentence.quoted) else False
    return before or after


def verb_senses(sentence: SentenceWords, verbs: Sequence[str]) -> tuple[bool, bool]:
    """Whether the question's verbs appear here as verbs, and whether only as nouns.

    ``verbs`` are stems or synonym concepts; an irregular past ("sent", "paid") counts as its
    base form (``IRREGULAR_PAST``). Without a tagger: an occurrence is a noun when a
    determiner, a possessive or a number comes before it ("a screen *capture*", "20 *heads*
    of state"), "of" after it ("the *capture* of"), or it is a plural after a participle
    ("strengthened *ties*"); any other occurrence is a verb.
    """
    as_verb = as_noun = False
    for i in _occurrences(sentence, verbs):
        if _reads_as_noun(sentence.words, i):
            as_noun = True
        else:
            as_verb = True
    return as_verb, as_noun and not as_verb


def _occurrences(sentence: SentenceWords, verbs: Sequence[str]) -> list[int]:
    wanted = set(verbs)
    found = [
        i
        for i, word_stem in enumerate(sentence.stems)
        if word_stem in wanted or IRREGULAR_PAST.get(word_stem) in wanted
    ]
    found += [start for concept, start, _ in sentence.concepts if concept in wanted]
    return found


def _reads_as_noun(words: Sequence[str], i: int) -> bool:
    previous = words[i - 1].casefold() if i > 0 else ""
    following = words[i + 1].casefold() if i + 1 < len(words) else ""
    word = words[i].casefold()
    return (
        previous in _DETERMINERS
        or (previous[:1].isdigit() and not _day_of_month(words, i - 1))
        or previous in NUMBER_WORDS
        or (following == "of" and not word.endswith(("ed", "ing")))
        or (previous.endswith(("ed", "ing")) and word.endswith("s") and not word.endswith("ss"))
    )


def _day_of_month(words: Sequence[str], i: int) -> bool:
    """Whether the number at ``i`` is the day of a date ("on December *18* warned", "Nov.
    *20*"): it counts nothing, so the word after it may still be a verb, unlike "20 heads"."""
    return i > 0 and words[i - 1].casefold().rstrip(".") in _MONTHS


_PROSPECTIVE = frozenset(
    {"will", "would", "may", "might", "could", "can", "should", "shall"}
    | {"plan", "plans", "planned", "planning", "consider", "considers", "considering"}
    | {"expected", "expects", "intend", "intends", "intended", "set", "going", "ready"}
    | {"prepared", "preparing", "anticipated", "likely", "possible", "possibly", "soon"}
)
"""Words that make what follows a possibility, a plan or an expectation rather than a fact."""
_PROSPECTIVE_REACH = 3
"""How many words before the verb such a word may stand ("*may* start sending")."""


def only_possible(sentences: Sequence[SentenceWords], verbs: Sequence[str]) -> bool:
    """Whether the sentences use the question's verb, and only as something that may, will or
    is planned to happen: "South Korea said it *may start sending* weapons" does not say which
    weapons it sent; "the Council *will receive* a briefing" not when it received one. That it
    *could not* be done is a fact (``_unable``)."""
    found = False
    for sentence in sentences:
        lowered = [word.casefold() for word in sentence.words]
        for i in _occurrences(sentence, verbs):
            found = True
            start = max(0, i - _PROSPECTIVE_REACH)
            if not any(
                word in _PROSPECTIVE and not _unable(lowered, j)
                for j, word in enumerate(lowered[start:i], start)
            ):
                return False
    return found


def says_no(sentences: Sequence[SentenceWords]) -> bool:
    """Whether the sentences hold a negation or a word of denial ("did *not*", "*never*",
    "*denied*", "*refused*"): a passage that may answer a yes/no question "no", in its own
    words ("Did Kyiv accept the claim?" against "Kyiv *rejected* it": the question's verb
    need not be anywhere in the articles)."""
    return any(
        word.casefold().replace("'", "").replace("’", "") in _NEGATIONS
        for sentence in sentences
        for word in sentence.words
    )


_NEGATIONS = frozenset(
    {"not", "no", "never", "neither", "nor", "nobody", "nothing", "cannot", "nt"}
    | {"didnt", "doesnt", "dont", "hasnt", "havent", "hadnt", "isnt", "wasnt", "werent", "wont"}
    | {"cant", "couldnt", "wouldnt", "shouldnt"}
    | {"deny", "denies", "denied", "denying", "denial", "reject", "rejects", "rejected"}
    | {"refuse", "refuses", "refused", "dismiss", "dismisses", "dismissed"}
)
"""Negations (with and without their apostrophe) and verbs of denial."""


def _unable(lowered: Sequence[str], i: int) -> bool:
    """Whether the modal at ``i`` says that something could not be done, which is a fact, not
    a possibility: "ABC News *could not* immediately verify the videos" answers "Did ABC News
    verify the videos?" (no)."""
    return lowered[i] in _ABILITY and lowered[i + 1 : i + 2] in (["not"], ["never"])


_ABILITY = frozenset({"could", "can"})


def holds_time(sentences: Sequence[SentenceWords], times: Sequence[str]) -> bool:
    """Whether the sentences name one of the years or months the question is limited to
    ("in December" is held by "Dec." too)."""
    for sentence in sentences:
        for word in sentence.words:
            lowered = word.casefold()
            if lowered in times or (
                lowered.isalpha()
                and len(lowered) >= 3
                and any(len(t) > 4 and t.startswith(lowered) for t in times if not t.isdigit())
            ):
                return True
    return False


def dates_other_days(sentences: Sequence[SentenceWords], days: Sequence[tuple[str, str]]) -> bool:
    """Whether the sentences date things to days of the asked month, none of them the asked
    day: "248 attacks on *December 24* and 200 more on Christmas Day" does not answer "How
    many attacks on *December 26*?". A sentence naming the month without a day, or the asked
    day, leaves it to the other tests."""
    other = False
    for sentence in sentences:
        lowered = [word.casefold() for word in sentence.words]
        for i, word in enumerate(lowered):
            month = _full_month(word)
            if month is None or (word == "may" and not sentence.words[i][0].isupper()):
                continue
            for near in (lowered[i + 1 : i + 2], lowered[i - 1 : i] if i else []):
                day = _day_number(near[0]) if near else None
                if day is None:
                    continue
                if (month, day) in days:
                    return False
                if any(month == asked for asked, _ in days):
                    other = True
    return other


def dates_other_weekdays(sentences: Sequence[SentenceWords], weekdays: Sequence[str]) -> bool:
    """Whether the sentences date things to weekdays, none of them an asked one: "Russia
    launched 80 drones on *Sunday* night" does not answer "How many drones did Russia launch on
    *Saturday* night?". Sentences naming no weekday leave it to the other tests."""
    named = {
        word.casefold()
        for sentence in sentences
        for word in sentence.words
        if word.casefold() in WEEKDAYS
    }
    return bool(named) and not named.intersection(weekdays)


def _full_month(word: str) -> str | None:
    if word in MONTHS:
        return word
    if word.rstrip(".") in _MONTHS and len(word) >= 3:
        return next((m for m in MONTHS if m.startswith(word.rstrip(".")[:3])), None)
    return None


def _day_number(word: str) -> str | None:
    digits = word.rstrip(",.").removesuffix("st").removesuffix("nd").removesuffix("rd")
    digits = digits.removesuffix("th")
    if digits.isdigit() and 1 <= int(digits) <= 31 and len(digits) <= 2:
        return str(int(digits))
    return None


def content_terms(sentence: SentenceWords) -> set[str]:
    """The sentence's non-stopword stems and concepts, for quick overlap tests."""
    found = {
        word_stem
        for word, word_stem in zip(sentence.words, sentence.stems, strict=True)
        if word.casefold() not in STOPWORDS
    }
    found.update(concept for concept, _, _ in sentence.concepts)
    return found


_WHEN_OR_WHERE = frozenset({QuestionType.DATE, QuestionType.WHERE})
_FUTURE_WORDS = frozenset(
    {"will", "next", "upcoming", "coming", "scheduled", "planned", "plans", "expected", "due"}
)


def _speaks_of_future(sentence: SentenceWords) -> bool:
    """A "when will" / "where will" answer speaks of what is to come ("the list *will* be
    made public once ..."), not of a past event ("the summit held in Kazan")."""
    return any(word.casefold() in _FUTURE_WORDS for word in sentence.words)


def without_report_dates(sentence: SentenceWords) -> SentenceWords:
    """The sentence with the words next to a speech verb blanked: "… a senior official *said
    on Tuesday*", "*In August*, Kim *announced* plans to build …" date the report, not the
    event still to come that a "when will" question asks for."""
    near = {
        i
        for verb in speech_verbs(sentence)
        for i in range(verb - REPORT_DATE_REACH, verb + REPORT_DATE_REACH + 1)
    }
    words = tuple("" if i in near else word for i, word in enumerate(sentence.words))
    return replace(sentence, words=words)


REPORT_DATE_REACH = 3
"""Words either side of a speech verb that date the speaking ("said on Tuesday", "In August,
Kim announced")."""


def sentence_fits(
    sentence: SentenceWords,
    focus: Focus,
    focus_terms: Sequence[str],
    places: frozenset[str],
    *,
    speaker_before: bool = False,
    announced: bool = False,
) -> bool:
    """Whether this one sentence holds what the question asks for (its type and focus)."""
    kind = focus.question_type
    if focus.future and kind in _WHEN_OR_WHERE and not _speaks_of_future(sentence):
        return False
    if focus.future and kind is QuestionType.DATE:
        return date_fits(without_report_dates(sentence), focus.date_unit)
    if kind is QuestionType.NUMBER:
        return number_fits(sentence, focus, focus_terms)
    if kind is QuestionType.DATE:
        return date_fits(sentence, focus.date_unit)
    if kind is QuestionType.WHO:
        return who_fits(sentence, focus, focus_terms, places)
    if kind is QuestionType.WHERE or (kind is QuestionType.OPEN and focus.located_in):
        finer = not focus.names_a_place and bool(focus.located_in)
        return where_fits(sentence, focus_terms, places, anywhere=focus.names_a_place, finer=finer)
    if kind is QuestionType.STATEMENT:
        if focus.speaker_terms:
            return announced or statement_fits(sentence, focus.speaker_terms, speaker_before)
        return attributes(sentence)
    return True


def figures_in(sentence: SentenceWords, anchors: Sequence[str]) -> list[tuple[int, str]]:
    """The figures of a sentence tied to ``anchors``, with their positions, written as a
    reader would ("3,000")."""
    anchored = sentence.positions_of(anchors)
    return [
        (i, _figure_text(sentence.words, i))
        for i in numbers(sentence)
        if tied(sentence.words, i, anchored)
    ]


def _figure_text(words: Sequence[str], i: int) -> str:
    word = words[i]
    following = words[i + 1].casefold() if i + 1 < len(words) else ""
    text = f"{int(word):,}" if word.isdigit() else word
    if following in MULTIPLIERS or following in _PERCENT:
        text += "%" if following == "%" else f" {following}"
    return text


def source_of(sentence: SentenceWords, position: int) -> str | None:
    """Who a sentence attributes the words at ``position`` to: the subject of the last
    speech verb before them ("the *South Korean military* confirmed ... 3,000"), or the
    name after "according to"."""
    lowered = [word.casefold() for word in sentence.words]
    verbs = [i for i in speech_verbs(sentence) if i < position]
    for verb in reversed(verbs):
        if lowered[verb] == "according" and verb + 2 < len(lowered) and lowered[verb + 1] == "to":
            phrase = _capitalised_run(sentence.words, verb + 2)
        else:
            phrase = _subject_before(sentence.words, verb)
        if phrase:
            return phrase
    return None


def _capitalised_run(words: Sequence[str], start: int) -> str | None:
    run = []
    for word in words[start : start + 5]:
        if not (word[0].isupper() or word.casefold() in {"of", "the"}):
            break
        run.append(word)
    while run and run[-1].casefold() in {"of", "the"}:
        run.pop()
    return " ".join(run) or None


_SUBJECT_LIMIT = 6


def _subject_before(words: Sequence[str], verb: int) -> str | None:
    """The noun phrase right before a speech verb, back to a determiner or a function word
    ("*South Korea intelligence agency* estimated", "*Ukraine* has claimed"); it must hold
    a capitalised word to name someone."""
    end = verb
    while end > 0 and words[end - 1].casefold() in _VERB_HELPERS:
        end -= 1
    start = end
    while start > 0 and end - start < _SUBJECT_LIMIT:
        previous = words[start - 1].casefold()
        if previous in STOPWORDS or previous in _VERB_HELPERS:
            break
        start -= 1
    phrase = words[start:end]
    if not any(word[0].isupper() for word in phrase):
        return None
    return " ".join(phrase)


_VERB_HELPERS = frozenset({"has", "have", "had", "also", "was", "is", "were", "are", "recently"})


_SUBJECT_WORDS = 4
"""A name among a sentence's first words (outside quotations) is taken as its subject."""


def speaker_referred(
    sentences: Sequence[SentenceWords], speaker_terms: Sequence[str]
) -> list[bool]:
    """For each sentence, whether "he", "she" or "they" in it can refer back to the speaker:
    the sentence before has the speaker as its subject ("*Putin* said ... . *He* added"; after
    an opening phrase, the speaker right before a speech verb: "Addressing the Ukraine crisis,
    *Putin reiterated* …"), or itself opens with such a pronoun that does. A name elsewhere in
    the sentence before ("He noted that *NATO* personnel ...") is not what a following "he"
    refers to."""
    referred = [False] * len(sentences)
    for i in range(1, len(sentences)):
        previous = sentences[i - 1]
        speaking = set(speech_verbs(previous))
        subject = any(
            (position < _SUBJECT_WORDS or position + 1 in speaking)
            and not previous.quoted[position]
            for position in previous.positions_of(speaker_terms)
        )
        opens_with_pronoun = bool(previous.words) and (
            previous.words[0].casefold() in _SUBJECT_PRONOUNS
        )
        referred[i] = subject or (opens_with_pronoun and referred[i - 1])
    return referred


def sentence_tokens(text: str) -> list[str]:
    """The words of a sentence as the index reads them ("3,000" -> 3000, "U.S." -> US,
    possessives dropped), quotation marks kept as tokens of their own. Run once per sentence,
    at build (``bot.snapshot``): a question reads the stored tokens."""
    return SENTENCE_TOKEN.findall(normalise_quickly(text))


def verb_uses(
    words: Sequence[str], stems: Sequence[str], wanted: frozenset[str]
) -> tuple[bool, bool]:
    """Whether a passage's tokens (its sentences' ``sentence_tokens`` in order, with their
    stems) use any of the ``wanted`` stems as a verb, and as a noun, by the rule of
    ``verb_senses``; a cheap scan (only words sharing a wanted stem's first three letters are
    looked at), for passages not read in full."""
    prefixes = {word_stem[:3] for word_stem in wanted}
    as_verb = as_noun = False
    for i, word in enumerate(words):
        if word.casefold()[:3] not in prefixes:
            continue
        word_stem = stems[i]
        if word_stem not in wanted and IRREGULAR_PAST.get(word_stem) not in wanted:
            continue
        if _reads_as_noun(words, i):
            as_noun = True
        else:
            as_verb = True
    return as_verb, as_noun


def names_a_holder(words: Sequence[str], stems: Sequence[str], verb: str) -> bool:
    """Whether a passage's tokens write an office verb as the one office it names, singular and
    followed by "of": "Jang Se-yul, *head of* the organisation" says who heads it; "twenty
    *heads of* state" names no one's office."""
    return any(
        stems[i] == verb and not word.casefold().endswith("s") and words[i + 1].casefold() == "of"
        for i, word in enumerate(words[:-1])
    )


def verb_forms(verbs: Sequence[str], aliases: Aliases) -> frozenset[str]:
    """The stems that count as the question's verbs: their own, their irregular pasts, and
    the one-word variants of their synonym groups ("send" -> "deploy", "dispatch")."""
    wanted = set(verbs)
    for verb in verbs:
        for concept, _, _ in aliases.find([verb]):
            wanted |= aliases.single_words(concept)
    wanted.update(past for past, base in IRREGULAR_PAST.items() if base in wanted)
    return frozenset(wanted)
