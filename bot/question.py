"""What a question asks for: its type (a number, a date, a person...) and its focus.

Deterministic rules over the question's words, the way factoid QA systems worked before
neural readers: no model is loaded. Each rule is documented in docs/quality.md with an
example and measured on the eval sets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.roles import OFFICE_TITLE_WORDS
from bot.thesaurus import wordnet
from bot.tokens import (
    ANSWER_WORD,
    AUXILIARY_VERBS,
    FILLER_WORDS,
    IRREGULAR_PAST,
    QUESTION_WORDS,
    STOPWORDS,
    Aliases,
    normalise,
    stem,
)


class QuestionType(StrEnum):
    NUMBER = "number"
    DATE = "date"
    WHO = "who"
    WHERE = "where"
    STATEMENT = "statement"
    YESNO = "yesno"
    OPEN = "open"


class NumberKind(StrEnum):
    """What sort of figure a number question wants."""

    COUNT = "count"
    """"How many soldiers": a number next to the thing counted."""
    MONEY = "money"
    """"How much did Russia pay": an amount of money."""
    SHARE = "share"
    """"What percentage", "how much of": a percentage or a fraction."""
    MEASURE = "measure"
    """"How long", "how big": any number tied to the question's focus."""


SPEECH_VERBS = frozenset(
    stem(word)
    for word in [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "state",
        "stated",
        "states",
        "statement",
        "claim",
        "claims",
        "claimed",
        "argue",
        "argued",
        "argues",
        "add",
        "added",
        "note",
        "noted",
        "notes",
        "remark",
        "remarked",
        "reply",
        "replied",
        "replies",
        "respond",
        "responded",
        "responds",
        "response",
        "react",
        "reacted",
        "reaction",
        "declare",
        "declared",
        "announce",
        "announced",
        "emphasize",
        "emphasized",
        "emphasise",
        "emphasised",
        "stress",
        "stressed",
        "urge",
        "urged",
        "insist",
        "insisted",
        "warn",
        "warned",
        "deny",
        "denied",
        "denies",
        "confirm",
        "confirmed",
        "confirms",
        "admit",
        "admitted",
        "admits",
        "acknowledge",
        "acknowledged",
        "suggest",
        "suggested",
        "suggests",
        "describe",
        "described",
        "characterize",
        "characterized",
        "characterise",
        "characterised",
        "call",
        "called",
        "write",
        "wrote",
        "written",
        "post",
        "posted",
        "comment",
        "commented",
        "mention",
        "mentioned",
        "express",
        "expressed",
        "assert",
        "asserted",
        "accuse",
        "accused",
        "criticize",
        "criticized",
        "criticise",
        "criticised",
        "condemn",
        "condemned",
        "praise",
        "praised",
        "quote",
        "quoted",
        "according",
        "estimate",
        "estimated",
        "believe",
        "believes",
        "report",
        "reported",
        "reveal",
        "revealed",
        "explain",
        "explained",
        "recall",
        "recalled",
        "dismiss",
        "dismissed",
        "reject",
        "rejected",
        "reaffirm",
        "reaffirmed",
        "reiterate",
        "reiterated",
        "hail",
        "hailed",
        "laud",
        "lauded",
        "tout",
        "touted",
        "welcome",
        "welcomed",
        "vow",
        "vowed",
        "pledge",
        "pledged",
        "predict",
        "predicted",
        "highlight",
        "highlighted",
        "underline",
        "underlined",
        "underscore",
        "underscored",
        "assure",
        "assured",
        "boast",
        "boasted",
        "allege",
        "alleged",
        "slam",
        "slammed",
        "decry",
        "decried",
        "remind",
        "reminded",
        "maintain",
        "maintained",
        "observe",
        "observed",
        "caution",
        "cautioned",
        "concede",
        "conceded",
        "contend",
        "contended",
        "recount",
        "recounted",
    ]
)
"""Verbs that attribute words to a speaker ("Putin *said*", "*according* to Seoul", "Zelensky
*reminded* that …", "Kyiv *cautioned* that …"; see docs/quality.md, "Reporting verbs")."""

_LEADING_FILLER = re.compile(
    r"^(?:(?:" + "|".join(sorted(FILLER_WORDS - {"one"})) + r")\b[\s,]*)+", re.IGNORECASE
)
"""Fillers before a question's first word ("*And so*, who ..."); "one" opens too many
questions ("One of the ...") to be dropped there."""
_WH_WORD = r"(?=(?:how|what|which|who|whom|whose|when|where|why)\b)"
_WH_AFTER_PREPOSITION = r"(?=(?:how|what|which|who|whom|whose|when)\b)"
_FRONTED = re.compile(
    r"^(?:(?:according\s+to|by|in|on|at|for|from|to|under|over|after|before|with)\s+[^,?]{1,60}?"
    r",\s*" + _WH_WORD + r"|(?:up\s+to|next\s+to|according\s+to|across|by|for|below|above|"
    r"under|over|between|among|on|at|to|from|with|of|during|after|before|within|into|through|"
    r"against)\s+" + _WH_AFTER_PREPOSITION + ")",
    re.IGNORECASE,
)
"""A phrase put before the question's own opening: "*According to John Kirby,* how many
troops …", "*By* how much …", "*Up to* how many …", "*Next to* whom …": what the question asks
is read from the question word after it. A place's preposition before "where" stays ("from
where")."""
_OPENING_AUXILIARIES = AUXILIARY_VERBS - {"should", "may", "might"}
"""Auxiliaries that open "what did X say" ("should", "may" and "might" ask for advice)."""
_AUXILIARY = "(?:" + "|".join(sorted(_OPENING_AUXILIARIES)) + ")"
_SPEECH_VERB_PATTERN = (
    r"(?:say|said|tell|told|claim|argue|announce|state|declare|respond|reply|react|write|post|"
    r"think|deny|admit|confirm|warn|comment|mean|answer|add|suggest|insist|describe|call)"
)
_STATEMENT = [
    re.compile(
        rf"^(?:what|how)\s+{_AUXILIARY}\s+(?P<speaker>.+?)(?<!'s)\s+{_SPEECH_VERB_PATTERN}\w*\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:did|does|has|have|had)\s+(?P<speaker>.+?)(?<!'s)\s+"
        r"(?:deny|denied|admit|confirm|say|claim|comment|respond|react|warn|announce)\w*\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^what\s+(?:is|was|were|are)\s+(?P<speaker>.+?)(?:'s|’s)\s+"
        r"(?:response|reaction|answer|comment|statement)\b",
        re.IGNORECASE,
    ),
]
_NUMBER_START = re.compile(
    r"^(?:how\s+(?:many|much|long|big|large|far|old|tall|high|often|heavy|wide|deep)\b|"
    r"(?:what|which)\s+(?:is\s+the\s+)?(?:(?:upper|lower|highest|lowest|latest|total|"
    r"official|first|final)\s+)?(?:number|percentage|percent|share|proportion|amount|"
    r"population|size|total|cost|price|figure|death\s+toll|toll)\b|"
    r"(?:what|which)\s+(?:percentage|share|proportion|fraction|portion)\b)",
    re.IGNORECASE,
)
_PART_ACCOUNTED = re.compile(
    r"^(?:what|which)\s+(?:part|parts)\s+of\b.*\b(?:accounts?|accounted|make|makes|made|"
    r"represents?|represented|comprises?)\b",
    re.IGNORECASE,
)
"""A share asked as a part: "What *part* of the world's oil output does the bloc *account
for*?" is answered by "almost 30 percent of global oil output", not by a place, as "What part
of Russia is Kazan in?" is. The verbs that give a share ("account for", "make up",
"represent", "comprise") tell the two apart."""
_DATE_START = re.compile(
    r"^(?:when\b|since\s+when\b|by\s+when\b|until\s+when\b|"
    r"(?:on|in|at|by)?\s*(?:what|which)\s+(?-i:year|date|day|weekday|month|time|week|decade)s?\b|"
    r"how\s+long\s+ago\b)",
    re.IGNORECASE,
)
"""The unit is in lower case: with a capital it is a name ("Which *Times* reporter wrote …"
asks for a person, not a time); a question shouted in capitals is read in lower case."""
_CLAUSE_AUXILIARIES = (AUXILIARY_VERBS - {"is", "are", "was", "were"}) | {"must", "shall"}
_MODIFIER = r"(?!(?:" + "|".join(sorted(_CLAUSE_AUXILIARIES)) + r")\b)\w+\s+"
"""A word between "which" / "what" and its noun ("which *South African* city", "what *is the*
capital"); an auxiliary other than "to be" there opens a clause instead ("what *must* each
country do")."""
_PERSON_NOUNS = (
    r"journalists?|reporters?|correspondents?|photographers?|editors?|writers?|authors?|"
    r"experts?|analysts?|diplomats?|envoys?|lawmakers?|commanders?"
)
"""Nouns for people known by their names, not by an office: "which *reporter* asked …"."""
_NAMED_ONES = _PERSON_NOUNS + r"|soldiers?|prisoners?"
"""... and those a question asks "the name(s) of"."""
_ASKS_A_NAME = re.compile(
    r"^(?:which|what)\s+(?:"
    + _MODIFIER
    + r"){0,2}(?P<noun>"
    + _PERSON_NOUNS
    + r")\b|^what\s+(?:is|was|are|were)\s+the\s+names?\s+of\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,4}"
    + r"(?P<named>"
    + _NAMED_ONES
    + r")\b",
    re.IGNORECASE,
)
_WHO_START = re.compile(
    r"^(?:who|whom|whose)\b|^(?:which|what)\s+(?:"
    + _MODIFIER
    + r"){0,2}(?:person|people|leader|leaders|"
    r"official|officials|president|minister|organi[sz]ation|organi[sz]ations|group|groups|"
    r"agency|agencies|outlet|outlets|company|companies|politician|politicians|general|"
    r"spokesperson|spokesman|spokeswoman|premier|head|chief)\b",
    re.IGNORECASE,
)
PLACE_WORDS = (
    *("city", "cities", "town", "towns", "place", "places", "region", "regions", "country"),
    *("countries", "capital", "area", "province", "venue", "location", "port", "part", "parts"),
    "district",
)
"""Nouns for a place of no particular kind: "*which city* …" asks where."""
_WHERE_START = re.compile(
    r"^(?:where\b|from\s+where\b|(?:in|at|to)?\s*(?:which|what)\s+(?:" + _MODIFIER + r"){0,2}"
    r"(?:" + "|".join(PLACE_WORDS) + r")\b)",
    re.IGNORECASE,
)
_WHICH_PLACE = re.compile(
    r"^(?:in|at|to)?\s*(?:which|what)\s+(?:"
    + _MODIFIER
    + r"){0,2}(?:city|cities|town|towns|country|"
    r"countries|capital|capitals|nation|nations)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|next|upcoming)\b|\bgoing\s+to\s+(?!(?:the|a|an)\b)(?-i:[a-z])", re.IGNORECASE
)
"""Words of a question about what is still to come; "going to" only before a verb ("going to
*attend*"), not before a place ("troops *going to Kursk*") or a noun ("going to the summit")."""
_YESNO_START = re.compile(
    r"^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|"
    r"might|must)\b",
    re.IGNORECASE,
)
_MONEY_WORDS = frozenset(
    stem(word)
    for word in [
        "pay",
        "paid",
        "cost",
        "costs",
        "spend",
        "spent",
        "worth",
        "price",
        "budget",
        "aid",
        "fund",
        "funding",
        "money",
        "dollars",
        "rubles",
        "roubles",
        "euros",
        "yuan",
        "won",
        "fee",
        "fees",
        "salary",
        "wage",
        "earn",
        "earned",
        "sell",
        "sold",
        "buy",
        "bought",
    ]
)
_COUNTED = re.compile(r"^how\s+many\s+(?P<counted>.+)$", re.IGNORECASE)
_SHARE_START = re.compile(
    r"^(?:how\s+much\s+of\b|(?:what|which)\s+(?:percentage|percent|share|proportion|fraction|"
    r"portion)\b)",
    re.IGNORECASE,
)
_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "it", "you", "i", "we"})
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_AUXILIARIES = _OPENING_AUXILIARIES | {"be", "been", "being", "get", "got"}
_VERB_AUXILIARIES = AUXILIARY_VERBS - {"is", "are", "was", "were"}
"""Auxiliaries followed by their subject and then a main verb ("did Russia *pay*"), unlike
"is" / "was", which are followed by a noun as often as by a verb."""
_ROLE_OF = re.compile(
    r"^who\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<role>[a-z][\w\s-]*?)\s+of\s+(?:the\s+)?"
    r"(?P<place>.+?)\s*\??$",
    re.IGNORECASE,
)
_ROLE_FOR = re.compile(
    r"^who\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<role>[a-z][\w\s-]*?)\s+(?:for|to)\s+(?:the\s+)?"
    r"(?P<place>.+?)\s*\??$",
    re.IGNORECASE,
)
"""An office "for" or "to" a place ("Who is the spokesman *for* South Korea's defence
ministry?", "the ambassador *to* Russia"): only when the role ends in an office title
(``OFFICE_TITLE_WORDS``), as "Who is standing next *to* Putin?" asks no role."""
_ROLE_POSSESSIVE = re.compile(
    r"^(?i:who\s+(?:is|was|are|were))\s+(?P<place>(?:the\s+)?[A-Z][^\s']*(?:\s+[A-Z][^\s']*)*)"
    r"(?:'s|’s)\s+(?P<role>[a-zA-Z][\w\s-]*?)(?:\s+(?:in|at|to)\s+.*?)?\s*\??$",
)
"""A place's office: "Who is Japan's *prime minister*?". The place is a name ("Kuala Lumpur", "the
Kremlin"), not a description that ends in a possessive ("Who is the adviser Interfax quoted on
Putin's agenda?"), and the role stops before where it is held: "Who is Kuala Lumpur's *envoy* in
Moscow?" asks for Malaysia's envoy, written "Malaysia's Ambassador to Russia, Datuk Cheong Loon
Lai"; "in Moscow" is no part of the title. Case-sensitive but for the question word, so that the
place is a name."""


@dataclass(frozen=True)
class Focus:
    """What a question is about, beyond its type."""

    question_type: QuestionType
    speaker: str | None = None
    """The "X" of "what did X say", as typed ("Xi Jinping")."""
    speaker_terms: tuple[str, ...] = ()
    """The speaker's index terms, or its alias concept (``~north korea``)."""
    verbs: tuple[str, ...] = ()
    """Stems of the question's content verbs ("captured" -> ``captur``)."""
    main_verbs: tuple[str, ...] = ()
    """The verb of the question's own clause ("Did China *send* troops?", "How many have
    been *captured*"), not of a clause inside it ("... so ships can *move*")."""
    done_to: tuple[str, ...] = ()
    """Stems of the question's verbs in the passive, done to what it asks about ("How many
    were *killed* or *wounded*", "have been *captured*"; ``passive_verbs``)."""
    counted: tuple[str, ...] = ()
    """For "how many X", the stems of X (or its concept)."""
    counted_noun: str | None = None
    """... and X's head noun as typed, in lower case ("soldiers"), found after a fronted
    phrase too ("*At* how many *bases* …", "According to Seoul, how many *builders* …")."""
    counted_as: tuple[str, ...] = ()
    """... and the stems of X's one-word WordNet synonyms, that a figure may be tied to
    instead ("how many *envoys*" against "40 *emissaries*"; ``bot.answer.with_counted_synonyms``)."""
    counted_places: tuple[str, ...] = ()
    """For "how many *Ukrainian* soldiers": the places that qualify the thing counted."""
    speaker_role: tuple[str, ...] = ()
    """For a speaker described by what they are ("the Brazilian *president*", "Pyongyang's
    state news *agency*"): the stems that may stand for that head noun in a passage."""
    speaker_places: tuple[str, ...] = ()
    """... and the places the description names (``~brazil``), one of which must be near it."""
    number_kind: NumberKind | None = None
    role: tuple[str, ...] = ()
    """For "who is the president of X": the role's stems."""
    role_place: tuple[str, ...] = ()
    """... and X's terms or concept."""
    names: tuple[str, ...] = ()
    """The terms or concepts of the named things in the question ("China" -> ``~china``)."""
    future: bool = False
    """"When will ...", "Where is the next ...": the answer is still to come."""
    names_a_place: bool = False
    """"Which countries / which city ...": the answer is a place named anywhere."""
    located_in: tuple[str, ...] = ()
    """For "Where did Kim and Xi hold their talks *in Beijing*?": the terms of the places the
    question itself puts the event in (a capitalised name after "in" / "at"), so the place
    asked is a finer one (``located_in``)."""
    placed_in: tuple[tuple[str, ...], ...] = ()
    """For a number or yes/no question that puts what it asks about in a named place ("How many
    soldiers are stationed *in Blagoveshchensk*?", "… captured *near Donetsk*?"): each place's
    terms, one of which the passage (or its article's headline) must hold (``placed_in``)."""
    which_words: tuple[str, ...] = ()
    """For "Which / what …" (after a preposition too), the lower-case words before its first
    auxiliary, within ``WHICH_REACH`` words ("In which *Kyiv hospital* are …" -> hospital): one
    may name the kind of thing asked for (``bot.constraints.unmet_built_kind``)."""
    person_noun: str | None = None
    """For "Which *reporter* asked …", "What are the names of the captured *soldiers*?": the
    noun, singular and lower-case; the answer is a person's name (``bot.fit.who_fits``)."""
    topic: tuple[str, ...] = ()
    """For "what did X say *about* Y": the stem of Y's head noun and its synonym concepts."""
    source: tuple[str, ...] = ()
    """For "…, *according to Lloyd Austin*": the named source's terms, one of which the
    passage must hold (a described source, "according to Seoul's spy agency", asks nothing)."""
    said_by: tuple[str, ...] = ()
    """For "How many soldiers *did Budanov say* …": the terms of the person the question says
    gave the answer (``said_by``); part of ``source`` for a figure, date, place or person."""
    times: tuple[str, ...] = ()
    """For "… in *2019*", "… in *December*": the years and months the question is limited to,
    lower-case, one of which the passage must hold."""
    days: tuple[tuple[str, str], ...] = ()
    """For "… *on December 26*": the days of a month the question is limited to, as
    (month, day) lower-case; a passage that dates its figure to other days of that month only
    ("248 attacks on December 24") does not answer (``bot.fit.dates_other_days``)."""
    weekdays: tuple[str, ...] = ()
    """For "… *on Saturday* night": the weekdays the question is limited to, lower-case; a
    passage that dates things to other weekdays only does not answer
    (``bot.fit.dates_other_weekdays``)."""
    past: bool = False
    """"*Did* South Korea send …", "What *has* Russia sent": the question asks what happened."""
    actors: tuple[tuple[str, ...], ...] = ()
    """For "When did *Cho Tae-yong* meet *Lloyd Austin*?": the terms of the name before the
    main verb and of the name right after it, each of which the passage must hold."""
    shared: tuple[str, ...] = ()
    """For "What did *Guterres and Putin discuss* …?", "What did Modi *discuss with* Xi …?",
    "What gift did Modi *give* Xi …?": the verb of what one named side did with or to another
    (``shared_deed``), which the answer must say was done: a passage on their meeting says
    nothing of what they discussed, agreed or gave."""
    ordinals: tuple[str, ...] = ()
    """For "the *second* group", "the *17th* summit", "the *next* summit": the ordinals that
    pick one of several of the same thing, lower-case, as typed (``ordinals_of``)."""
    numbered: tuple[str, ...] = ()
    """Those of ``ordinals`` that number a part ("the *fourth* article"): a passage may write
    them as a figure ("Article 4"; ``numbered_ordinals``)."""
    name_of: str | None = None
    """For "What is the *name of the doctor* who …": the thing whose name is asked, as typed
    ("doctor"; ``name_asked``)."""
    date_unit: str | None = None
    """For "in *which month*", "what *year*", "on what *date*": the unit the answer must name
    (``DATE_UNITS``); None for "when"."""
    measure: tuple[str, ...] = ()
    """For "how *far*", "how *long* did it *last*": the stems that phrase the measure asked
    for, not what it is about (``measure_of``)."""
    shape: tuple[str, ...] = ()
    """... and the stems of the units its answer is written in ("km", "day"), if it has any."""
    lasted: tuple[str, ...] = ()
    """For "How long did *Modi's meeting* with Putin last?": the stems of what lasted, its head
    noun with that noun's one-word WordNet synonyms and related words (``what_lasted``)."""


def classify_question(question: str) -> QuestionType:
    """The expected answer's type, from the question's opening words."""
    text = _opening(question)
    if _statement_speaker(text):
        return QuestionType.STATEMENT
    if _NUMBER_START.match(text) or _PART_ACCOUNTED.match(text):
        return QuestionType.NUMBER
    if _DATE_START.match(text.lower() if text.isupper() else text):
        return QuestionType.DATE
    if _WHERE_START.match(text):
        return QuestionType.WHERE
    if _WHO_START.match(text) or _ASKS_A_NAME.match(text):
        return QuestionType.WHO
    if _YESNO_START.match(text):
        return QuestionType.YESNO
    return QuestionType.OPEN


def _opening(question: str, *, fronted: bool = False) -> str:
    """The question with leading fillers ("and", "so") and, unless ``fronted``, a fronted
    phrase (``_FRONTED``) dropped, and straight apostrophes."""
    text = _LEADING_FILLER.sub("", normalise_apostrophes(question.strip())).strip()
    return text if fronted else _FRONTED.sub("", text)


def normalise_apostrophes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _named_speaker(speaker: str) -> str:
    """A speaker typed with words before its name, as the name: "the *Kremlin*", "the
    *International Monetary Fund*" (every word after "the" capitalised, "of" and "and"
    aside), "ambassador *Shin Hong-chol*" (a lower-case title before a name of two words or
    more). A description keeps its words ("the North Korean leader", "the communique")."""
    words = speaker.split()
    lower = next((i for i, word in enumerate(words) if word[:1].isupper()), len(words))
    name = words[lower:]
    if not name or not all(word[:1].isupper() or word in _NAME_JOINERS for word in name):
        return speaker
    if lower == 1 and words[0].casefold() == "the":
        return " ".join(name)
    if lower >= 1 and words[0].casefold() not in {"the", "a", "an"} and len(name) >= 2:
        return " ".join(name)
    return speaker


_NAME_JOINERS = frozenset({"of", "and", "for", "on"})


SPEAKER_WORDS = 6
"""The most words a speaker is typed with; a longer run before a speech verb is a clause ("the
member of parliament who visited the captives"), not a speaker, unless it ends on a name."""
TITLED_SPEAKER_WORDS = 8
"""... when it ends on a name of two words or more: "North Korea's defence minister No Kwang
Chol" (7)."""


def _speaker_length_fits(words: list[str]) -> bool:
    """Whether the words before a speech verb are few enough to be its speaker."""
    if len(words) <= SPEAKER_WORDS:
        return True
    return len(words) <= TITLED_SPEAKER_WORDS and all(word[:1].isupper() for word in words[-2:])


def _statement_speaker(text: str) -> str | None:
    """The speaker as typed; a description keeps its determiner ("the communique"), so that
    only names are looked for as speakers."""
    for pattern in _STATEMENT:
        if match := pattern.match(text):
            speaker = match.group("speaker").strip(" ,")
            words = speaker.split()
            if _PASSIVE_AUXILIARIES.intersection(word.casefold() for word in words):
                return None
            if speaker and _speaker_length_fits(words):
                return speaker
    return None


_PASSIVE_AUXILIARIES = frozenset({"been", "being"})
"""Words that put what comes before a speech verb in the passive ("How has New Delhi *been*
seen despite saying …"): whoever is saying it, no speaker is described there."""


def question_focus(question: str, aliases: Aliases) -> Focus:
    """The question's type and focus: speaker, content verbs, the thing counted, a role."""
    text = _opening(question)
    question_type = classify_question(question)
    said = said_by(text, aliases)
    speaker = _statement_speaker(text) if question_type is QuestionType.STATEMENT else None
    speaker = speaker and _named_speaker(speaker)
    if speaker and (
        speaker.casefold() in _PRONOUN_SPEAKERS
        or not speaker[0].isupper()
        or speaker_description(speaker, aliases)
    ):
        speaker = None
    described = _statement_speaker(text) if question_type is QuestionType.STATEMENT else None
    noun = counted_noun(text) if question_type is QuestionType.NUMBER else None
    counted = _counted(noun, aliases)
    measure = measure_of(text) if question_type is QuestionType.NUMBER else {}
    phrasing = set(measure.get("measure", ()))
    return Focus(
        question_type=question_type,
        speaker=speaker,
        **(
            {"speaker_terms": speaker_name_terms(speaker, aliases)}
            if speaker
            else speaker_description(described, aliases)
        ),
        verbs=tuple(
            v for v in without_time_passing(question_verbs(text), counted) if v not in phrasing
        ),
        main_verbs=tuple(
            v for v in without_time_passing(main_verbs(text), counted) if v not in phrasing
        ),
        done_to=passive_verbs(text),
        counted=counted,
        counted_noun=noun,
        counted_places=_counted_places(text, aliases)
        if question_type is QuestionType.NUMBER
        else (),
        number_kind=_number_kind(text) if question_type is QuestionType.NUMBER else None,
        names=named_things(without_attribution(text), aliases),
        names_a_place=bool(_WHICH_PLACE.match(text)),
        located_in=located_in(text, aliases)
        if question_type is QuestionType.WHERE or asks_a_place_of_a_kind(question)
        else (),
        placed_in=placed_in(text, aliases) if question_type in PLACED_TYPES else (),
        which_words=which_words(text),
        person_noun=person_noun(text),
        future=bool(_FUTURE.search(text)),
        topic=statement_topic(text, aliases) if question_type is QuestionType.STATEMENT else (),
        source=named_source(text, aliases) or (said if question_type in _TYPED_ANSWERS else ()),
        said_by=said,
        times=time_limits(text),
        days=day_limits(text),
        weekdays=weekday_limits(text),
        past=asks_what_happened(text),
        actors=named_actors(text, aliases),
        shared=shared_deed(text) if question_type is QuestionType.OPEN else (),
        ordinals=ordinals_of(text),
        numbered=numbered_ordinals(text),
        date_unit=date_unit(text) if question_type is QuestionType.DATE else None,
        name_of=name_asked(text),
        **measure,
        lasted=what_lasted(text) if measure else (),
        **_role(text, aliases),
    )


_AT_WHICH = re.compile(r"^(?:in|at)\s+(?:which|what)\b", re.IGNORECASE)
"""An open question asking for a place of a kind ("*At which* airport …", "*In which*
hospital …"): with a city named after it, it asks for a finer place as a where-question does."""

_PLACE_NOUNS = frozenset(PLACE_WORDS) | {"village", "site", "room", "street", "base"}
"""``PLACE_WORDS`` and the smaller places an "in which" question may ask for, beside the
buildings and facilities WordNet knows (``Thesaurus.built_kinds``)."""
_PHYSICAL_KINDS = frozenset(
    {"structure", "building", "edifice", "construction", "platform", "area", "region", "place"}
    | {"location", "port", "facility", "installation", "station", "tract", "artifact"}
    | {"artefact", "thoroughfare", "housing"}
)
"""The broader words (WordNet's, ``Thesaurus.nouns_near``) of a noun for something built or a
stretch of land: a "pier" is a platform, a "stadium" a structure."""


def asks_a_place_of_a_kind(question: str) -> bool:
    """ "*At which airport* …", "*In which hospital* …", "*At which pier* …": a place, by a
    place noun, a building's or facility's kind, or a noun WordNet files under something built
    or a stretch of land. "*In what capacity* was the minister visiting …?", "*In what format*
    …" open the same way and ask no place."""
    opening = _opening(question, fronted=True)
    if not _AT_WHICH.match(opening):
        return False
    return any(_is_a_place_noun(word) for word in which_words(opening))


def _is_a_place_noun(word: str) -> bool:
    thesaurus = wordnet()
    return (
        word in _PLACE_NOUNS
        or bool(thesaurus.built_kinds(word))
        or bool(_PHYSICAL_KINDS.intersection(thesaurus.nouns_near(word)))
    )


_LOCATED_IN = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def located_in(text: str, aliases: Aliases) -> tuple[str, ...]:
    """The place concepts a where-question puts its event in ("… hold their talks *in
    Beijing*?", "In which hospital *in Kyiv* …"): the question already says the city or
    country, so what it asks is a place within it, and a passage giving only a city or a
    country (the gazetteer's places) does not say it. "*Where in* Russia …" asks for a place
    within Russia that may well be a city, so a place right after "where" is left out, as is
    the opening "In which"."""
    found: list[str] = []
    for match in _LOCATED_IN.finditer(text):
        before = text[: match.start()].split()
        if not before or before[-1].casefold() == "where":
            continue
        found.extend(t for t in phrase_terms(match.group("place"), aliases) if t in aliases.places)
    return tuple(dict.fromkeys(found))


_PLACED_IN = re.compile(
    r"\b(?:in|near|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    r"(?P<after>\s+\w+)?"
)
PLACED_TYPES = frozenset({QuestionType.NUMBER, QuestionType.YESNO})
"""The types whose passage must name the place the question puts its matter in: the figure
or the fact of another place answers nothing ("How many North Korean soldiers did Ukraine
capture *in Donetsk*?" against a capture in Kursk). Other types were measured too: as many
answers lost as declines won (docs/quality.md)."""


def placed_in(text: str, aliases: Aliases) -> tuple[tuple[str, ...], ...]:
    """The terms of each named place the question puts its matter in, after "in", "near" or
    "at" ("… stationed *in Blagoveshchensk*", "*near Donetsk*"): not a month or weekday ("in
    *October*"), not the place that names a war ("the war *in Ukraine*"), not a region that only
    describes its capital ("in the *Tatarstan* capital"), and not a name in capitals that is no
    place ("interested *in BRICS*", "*in NATO*": a membership, not a place)."""
    found: list[tuple[str, ...]] = []
    for match in _PLACED_IN.finditer(text):
        place = match["place"]
        first, before = place.split()[0].casefold(), text[: match.start()].split()
        if not before or first in MONTHS or first in WEEKDAYS:
            continue
        if before[-1].casefold().strip(",") in _NAMED_BY_THEIR_PLACE:
            continue
        if (match["after"] or "").strip().casefold() == "capital":
            continue
        terms = phrase_terms(place, aliases)
        if place.isupper() and not aliases.places.intersection(terms):
            continue
        if terms:
            found.append(terms)
    return tuple(dict.fromkeys(found))


_NAMED_BY_THEIR_PLACE = frozenset({"war", "conflict", "fighting", "crisis"})
"""Nouns a place after "in" names rather than places: "after the *war in Ukraine* broke out"."""


_WHICH_OPENING = re.compile(
    r"^(?:(?:in|at|to|from|on|by|near|into|inside|outside)\s+)?(?:which|what)\s+(?P<rest>.+)",
    re.IGNORECASE,
)
WHICH_REACH = 4
"""How many words after "which" / "what" may describe the thing asked for."""


def which_words(text: str) -> tuple[str, ...]:
    """The lower-case words between "which" / "what" and the question's first auxiliary, within
    ``WHICH_REACH`` words: "Which *hotel* did …", "In which *Kyiv hospital* are …" -> hospital;
    none for "What *is* …"."""
    match = _WHICH_OPENING.match(text)
    if not match:
        return ()
    found: list[str] = []
    for word in _WORD.findall(match["rest"])[:WHICH_REACH]:
        if word.casefold() in AUXILIARY_VERBS or word.casefold() in _CLAUSE_AUXILIARIES:
            break
        if word.islower():
            found.append(word)
    return tuple(found)


def person_noun(text: str) -> str | None:
    """The noun of a question asking for a person's name ("Which BBC *journalist* …"), in the
    singular, or None."""
    match = _ASKS_A_NAME.match(text)
    if not match:
        return None
    noun = (match.group("noun") or match.group("named")).casefold()
    return noun.removesuffix("s")


_NAME_OF = re.compile(
    r"^(?:what|which)(?:'s|\s+(?:is|are|was|were))\s+(?:the\s+)?(?:\w+\s+)?names?\s+of\s+"
    r"(?:the\s+|a\s+|an\s+)?(?P<named>[^?,;]+)",
    re.IGNORECASE,
)
_NAMED_ENDS = frozenset(
    {"who", "whom", "whose", "that", "which", "where", "when", "between", "in", "at", "on"}
    | {"of", "with", "for", "to", "from", "by", "about", "during", "after", "before", "and"}
)
"""Words that close the description of the thing named: a clause or a phrase after it."""


def name_asked(text: str) -> str | None:
    """The thing whose name "What is the name of …" asks for, as typed: the description's
    first plural noun ("the four *brigades* North Korea decided …"), or else its last
    lower-case word that is no participle ("the North Korean *unit* honoured at …", "the
    *doctor* who treated …"). None for any other question."""
    match = _NAME_OF.match(text)
    if not match:
        return None
    described: list[str] = []
    for word in _WORD.findall(match.group("named")):
        if word.casefold() in _NAMED_ENDS:
            break
        described.append(word)
    common = [w for w in described if w.islower() and not _participle_like(w)]
    plural = [w for w in common if w.endswith("s") and not w.endswith("ss")]
    return plural[0] if plural else (common[-1] if common else None)


def _participle_like(word: str) -> bool:
    """A participle after the thing named ("the driver stopped *entering* Kursk"), not the
    thing itself."""
    return word.endswith("ed") or (word.endswith("ing") and word not in _NOT_VERBS)


DATE_UNITS = ("year", "month", "date", "weekday")
_DATE_UNIT = re.compile(
    r"^(?:on|in|at|by)?\s*(?:what|which)\s+"
    r"(?P<unit>year|month|date|weekday|day\s+of\s+the\s+week)\b",
    re.I,
)


def date_unit(text: str) -> str | None:
    """What a date question's answer must name when the question says ("*In which month* was
    the deal signed?" wants "June", not "on Thursday"; "*On which weekday* …" or "*on what day
    of the week* …" wants "on Thursday", not "in June"): one of ``DATE_UNITS``, or None."""
    match = _DATE_UNIT.match(text)
    if not match:
        return None
    unit = match.group("unit").casefold()
    return "weekday" if unit.startswith("day") else unit


_SOURCE = re.compile(r"\baccording\s+to\s+(?P<source>[^,?;]+)", re.IGNORECASE)


_SAID_BY = re.compile(
    r"\b(?:did|does|do|has|have|had)\s+(?P<source>(?:[A-Z][\w'’.-]*\s+){1,4})"
    r"(?:say|claim|estimate|tell|report|announce|put|believe|think|reckon)\b"
)


def said_by(text: str, aliases: Aliases) -> tuple[str, ...]:
    """The terms of a named person who, the question says, gave the figure, place or reason it
    asks for ("How many soldiers *did Budanov say* were killed?", "Where *did Kirby say* the
    troops would go?"): the question asks what that source said, as "…, according to Budanov"
    does (``named_source``), and a passage that never names Budanov does not give it, however
    well the rest matches (Blinken's count of the killed). Only a capitalised run before the
    verb of saying counts, so "did the agency say" asks nothing, and a place standing for its
    government ("did Washington estimate") asks nothing either: a passage names "the US"."""
    match = _SAID_BY.search(text)
    if not match:
        return ()
    source_words = _WORD.findall(match.group("source"))
    if not source_words or _possessive(source_words[-1]):
        return ()
    terms = phrase_terms(" ".join(source_words), aliases)
    return () if any(term in aliases.places for term in terms) else terms


_TYPED_ANSWERS = frozenset(
    {QuestionType.NUMBER, QuestionType.DATE, QuestionType.WHERE, QuestionType.WHO}
)
"""Question types whose answer is a figure, date, place or person that a source gives
(``said_by``); an open question's source often speaks in the first person a passage away."""


def named_source(text: str, aliases: Aliases) -> tuple[str, ...]:
    """The terms of the source a question names ("How many were killed, *according to Lloyd
    Austin*?"). A figure or view asked of a named source is not given by a passage that never
    names it: Zelensky's count does not answer what Austin said. A described source ("according
    to Seoul's spy agency", "according to reports") may be a sentence away under another name,
    so only a capitalised last word, a name, asks for it."""
    match = _SOURCE.search(text)
    if not match:
        return ()
    source_words = _WORD.findall(match.group("source"))
    if not source_words or not source_words[-1][:1].isupper() or _possessive(source_words[-1]):
        return ()
    return phrase_terms(" ".join(source_words), aliases)


MONTHS = (  # the full names; bot.fit adds their abbreviations
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIME_LIMIT = re.compile(
    r"\b(?:in|on|by|since|during|until|before|after)\s+(?:(?:early|late|mid)[-\s]+)?"
    r"(?P<when>(?:19|20)\d\d|" + "|".join(MONTHS) + r")\b",
    re.IGNORECASE,
)


def time_limits(text: str) -> tuple[str, ...]:
    """The years and months a question limits itself to ("Where did Putin and Kim meet *in
    2019*?", "How many were killed in Kursk *in December*?"), lower-case: a passage about
    another time does not answer it. "May" counts only capitalised after its preposition."""
    found = [
        match.group("when").casefold()
        for match in _TIME_LIMIT.finditer(text)
        if match.group("when") != "may"
    ]
    return tuple(dict.fromkeys(found))


def day_limits(text: str) -> tuple[tuple[str, str], ...]:
    """The days a question is limited to, "on December 26" or "on 26 December", as (month,
    day): a question about one day is not answered by a figure for another day of the month."""
    found = [
        (match.group("month").casefold(), str(int(match.group("day"))))
        for pattern in _DAY_LIMITS
        for match in pattern.finditer(text)
        if 1 <= int(match.group("day")) <= 31
    ]
    return tuple(dict.fromkeys(found))


def weekday_limits(text: str) -> tuple[str, ...]:
    """The weekdays a question is limited to: "on Saturday", "on Saturday night", "last
    Monday", "this Friday"."""
    return tuple(
        dict.fromkeys(match["weekday"].casefold() for match in _WEEKDAY_LIMIT.finditer(text))
    )


_WEEKDAY_LIMIT = re.compile(
    r"\b(?:on|last|this|since|by)\s+(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I
)

_MONTH_NAMES = "|".join(MONTHS)
_DAY_LIMITS = (
    re.compile(rf"\bon\s+(?P<month>{_MONTH_NAMES})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I),
    re.compile(
        rf"\bon\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b", re.I
    ),
)


def shared_deed(text: str) -> tuple[str, ...]:
    """The verb of what one named side did to or with another, as a stem: "What did *X and Y*
    V …?", "What did X V *with* Y …?", "What (gift) did X V *Y* …?" (X and Y names, the
    question's asked noun before "did" allowed). What they discussed, agreed or gave is the
    answer, so a passage must say they did it ("What did Ri Hi-yong and Putin *discuss* in
    Moscow?" is not answered by "Putin also received Ri Hi-yong"; "What gift did Modi *give* Xi?"
    not by their handshake). None for a verb whose object is words ("say", "tell", "promise":
    any statement may answer) or a question of another shape."""
    words = _WORD.findall(text)
    lowered = [word.casefold() for word in words]
    aux = 1 if len(words) > 1 and lowered[1] in _VERB_AUXILIARIES else 2
    if len(words) < aux + 3 or lowered[0] != "what" or lowered[aux] not in _VERB_AUXILIARIES:
        return ()
    end = aux + 1
    while end < len(words) and (words[end][0].isupper() or lowered[end] == "and"):
        end += 1
    names = words[aux + 1 : end]
    if end >= len(words) or not names or not words[end].islower():
        return ()
    verb, after = lowered[end], words[end + 1 : end + 3]
    joint = "and" in names[1:-1] and names[0][0].isupper() and names[-1][0].isupper()
    with_other = (
        len(after) == 2 and after[0] == "with" and (after[1][0].isupper() or after[1] == "the")
    )
    to_other = bool(after) and after[0][0].isupper() and not _possessive(names[-1])
    said = stem(verb) in SPEECH_VERBS or stem(verb) in _SAID_DEEDS
    if verb in STOPWORDS or said or not (joint or with_other or to_other):
        return ()
    return (stem(verb),)


_SAID_DEEDS = frozenset(
    stem(word) for word in ("promise", "pledge", "vow", "assure", "ask", "wish", "offer")
)
"""Verbs whose object is words ("What did Putin *promise* Kim …?"): any statement of the
first side to the other may answer, in whatever words; none is a deed to find."""


def named_actors(text: str, aliases: Aliases) -> tuple[tuple[str, ...], ...]:
    """The two names a question relates by its main verb: an auxiliary, a name, one
    lower-case word (the verb), a name ("When did *Cho Tae-yong* meet *Lloyd Austin*?", "Did
    *China* send *Kim* …"). A passage holding only one of them does not say what passed
    between them."""
    words = _WORD.findall(text)
    lowered = [word.casefold() for word in words]
    aux = _auxiliary(words, lowered)
    if aux is None or aux >= MAIN_CLAUSE_WORDS:
        return ()
    start = aux + 1
    end = start
    while end < len(words) and (words[end][0].isupper() or lowered[end] == "and"):
        end += 1
    verb = end
    if (
        end == start
        or verb + 1 >= len(words)
        or not words[verb].islower()
        or lowered[verb] in STOPWORDS
        or stem(lowered[verb]) in SPEECH_VERBS  # "does Putin say BRICS is …": its content
    ):
        return ()
    after = verb + 1
    while after < len(words) and words[after][0].isupper():
        after += 1
    if after == verb + 1 or _possessive(words[end - 1]) or _possessive(words[after - 1]):
        return ()
    return (
        phrase_terms(" ".join(words[start:end]), aliases),
        phrase_terms(" ".join(words[verb + 1 : after]), aliases),
    )


_PAST_AUXILIARIES = frozenset({"did", "has", "have", "had"})


def asks_what_happened(text: str) -> bool:
    """Whether the question's own auxiliary asks what happened ("When *did* South Korea send
    advisers?", "What weapons *has* South Korea sent?"), rather than what will or may."""
    lowered = [word.casefold() for word in _WORD.findall(text)]
    aux = _auxiliary(_WORD.findall(text), lowered)
    return aux is not None and aux < MAIN_CLAUSE_WORDS and lowered[aux] in _PAST_AUXILIARIES


_ATTRIBUTION = re.compile(
    r"(?:,\s*)?\b(?:according\s+to|by\s+[^,?]*(?:'s|’s)\s+(?:count|telling|account|estimate)|"
    r"in\s+[^,?]*(?:'s|’s)\s+(?:telling|view|words|account))\b[^,?]*",
    re.IGNORECASE,
)


def without_attribution(text: str) -> str:
    """The question without the clause naming whose figure or view it asks for ("…,
    *according to Seoul's top brass*", "…, *by the Russian leader's count*"): who reports a
    fact is not what the fact is about, and a passage often gives it a sentence away from its
    source, so the names there are not required as the question's named things."""
    return _ATTRIBUTION.sub("", text)


OFFICE_TITLES = frozenset(stem(word) for word in OFFICE_TITLE_WORDS)
OFFICE_ROLE = tuple(sorted(OFFICE_TITLES))
"""A described speaker's head noun that is a title: any title may stand for it."""

KINSHIP = frozenset(stem(word) for word in ("wife", "widow", "husband", "widower", "spouse"))
"""A question's "wife" may be the articles' "widow"."""


def speaker_description(speaker: str | None, aliases: Aliases) -> dict[str, tuple[str, ...]]:
    """The head noun of a speaker described by what they are, as the stems that may stand
    for it (a title of office for any other, a kinship word for any other, else itself, its
    alias groups and its one-word WordNet synonyms: "one of the *captives*" is the articles'
    "a *prisoner* said"), and the places the description names. A name ("Xi Jinping", "the
    Pentagon") has no head noun: its last word is capitalised. A hyphenated head is read by its
    parts, as a passage's words are: "the NATO *secretary-general*" is an office ("Secretary"),
    "the *co-founder*" a founder."""
    if not speaker:
        return {}
    word_list = _WORD.findall(normalise_apostrophes(speaker))
    last = word_list[-1].removesuffix("'s") if word_list else ""
    if not last or not last.islower() or last in _PRONOUN_SPEAKERS or last in STOPWORDS:
        return {}
    stems = [stem(word.casefold()) for word in word_list]
    found = aliases.find(stems)
    person = [concept for concept, _, end in found if end == len(stems)]
    if person and person[0] not in aliases.places:
        return {"speaker_terms": (person[0],)}
    parts = [stem(part) for part in last.split("-")]
    head = parts[-1]
    if OFFICE_TITLES.intersection(parts):
        role = OFFICE_ROLE
    elif head in KINSHIP:
        role = tuple(sorted(KINSHIP))
    else:
        synonyms = [stem(word) for word in wordnet().one_word_synonyms(last.split("-")[-1])]
        concepts = [concept for concept, _, _ in aliases.find([head])]
        role = tuple(dict.fromkeys([head, *concepts, *synonyms]))
    places = [concept for concept, _, _ in found if concept in aliases.places]
    return {"speaker_role": role, "speaker_places": tuple(dict.fromkeys(places))}


def named_things(text: str, aliases: Aliases) -> tuple[str, ...]:
    """Runs of capitalised words after the first word ("Did *China* send troops?"), each as
    its concept or its stems; a typed acronym counts too. A region's name that only describes
    its capital ("… in the *Tatarstan* capital") is no name a passage must hold: the passage
    names the city instead."""
    found: list[str] = []
    run: list[str] = []
    for i, word in enumerate([*_WORD.findall(text), ""]):
        if i > 0 and word[:1].isupper():
            run.append(word)
            continue
        terms = phrase_terms(" ".join(run), aliases) if run else ()
        # "the *Russian* capital" keeps Russia, which the gazetteer's capital names: a concept
        if word.casefold() != "capital" or any(term.startswith("~") for term in terms):
            found.extend(terms)
        run = []
    return tuple(dict.fromkeys(found))


ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)
_ORDINAL = re.compile(
    r"\b(?P<ordinal>" + "|".join(ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th)|"
    r"next(?=\s+(?!(?:to|for|in|on|at|with|after|before|by|from|and|or)\b)[^\W_]))\b(?!\s+to\b)",
    re.IGNORECASE,
)
"""An ordinal word; "next" only before a word that is no preposition or conjunction, as an
adverb it picks nothing ("Which chamber will the treaty go to *next* for endorsement?", "What
happens *next*?")."""


def ordinals_of(text: str) -> tuple[str, ...]:
    """The ordinals of a question that pick one of several of the same thing: "the *second*
    group of soldiers", "the *17th* summit", "the *next* summit" ("next to Putin" is a place,
    not an ordinal). "Last" and "previous" are not among them: the articles say them in too
    many other ways ("for the first time since 2000"); nor "first" where it picks nothing
    (``_FIRST_PICKING_NOTHING``)."""
    text = _FIRST_PICKING_NOTHING.sub(" ", text)
    return tuple(
        dict.fromkeys(match.group("ordinal").casefold() for match in _ORDINAL.finditer(text))
    )


_FIRST_PICKING_NOTHING = re.compile(
    r"\bin\s+the\s+first\s+place\b|\bfirst(?=\s+(?:\d|(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|dozen|hundred|thousand)\b))",
    re.IGNORECASE,
)
""""First" that picks none of several: the idiom "*in the first place*" ("Why is Russia short
of workers in the first place?" asks why at all), and "first" before a figure ("Where did
*the first 3,000* North Korean soldiers land?"), a batch the passages name by its size and
its date ("Some 3,000 North Korean troops arrived … earlier this month") rather than by its
order."""


def numbered_ordinals(text: str) -> tuple[str, ...]:
    """The ordinals in words of a question that number a part of a text or of a process ("the
    treaty's *fourth* article", "the *second* round"): a passage writes them as "Article 4",
    "round 2" as often as in words."""
    return tuple(
        dict.fromkeys(match["ordinal"].casefold() for match in _NUMBERED_PART.finditer(text))
    )


_NUMBERED_PART = re.compile(
    r"\b(?P<ordinal>" + "|".join(ORDINAL_WORDS) + r")\s+(?:article|chapter|clause|paragraph|"
    r"section|point|round|stage|phase|item|amendment|protocol|annex|resolution)s?\b",
    re.IGNORECASE,
)


def cardinal_of(ordinal: str) -> str:
    """The figure an ordinal in words stands for ("fourth" -> "4")."""
    return str(ORDINAL_WORDS.index(ordinal) + 1)


def ordinal_forms(ordinal: str) -> frozenset[str]:
    """The ways an article may write an ordinal: "second" and "2nd", "11th" and "eleventh"
    (in words only up to twelfth: "17th" is met only by "17th"), and "first" as the words
    that say it of a time (``FIRST_IN_OTHER_WORDS``)."""
    digits = [f"{n}{_suffix(n)}" for n in range(1, len(ORDINAL_WORDS) + 1)]
    pairs = dict(zip(ORDINAL_WORDS, digits, strict=True))
    pairs |= {digit: word for word, digit in pairs.items()}
    forms = {ordinal, *filter(None, [pairs.get(ordinal)])}
    if "first" in forms:
        forms |= FIRST_IN_OTHER_WORDS
    return frozenset(forms)


FIRST_IN_OTHER_WORDS = frozenset({"initial", "initially", "originally", "earliest", "maiden"})
"""Words that say "first" of a time or an occasion: "Washington's *first* estimate" is "the
US *initially* estimated", "his *first* trip abroad" his "*maiden* trip". Not "opening", whose
stem is the verb "open"."""


def _suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")


def speaker_name_terms(speaker: str, aliases: Aliases) -> tuple[str, ...]:
    """A named speaker's terms; for a title before a name ("South Korean President *Yoon Suk
    Yeol*", "Foreign Minister *Choe Son Hui*"), the name's alone: the title's words are
    any other holder's too ("Foreign Minister Sergei Lavrov said …" is not Choe speaking). For
    speakers joined by "or" / "and" ("Have *Moscow or Pyongyang* responded?"), each one's terms,
    so that each may be found by its alias ("Neither *Russia* nor *North Korea* has reacted")."""
    parts = [part for part in _JOINED_SPEAKERS.split(speaker.strip()) if part]
    if len(parts) > 1:
        return tuple(
            dict.fromkeys(term for part in parts for term in speaker_name_terms(part, aliases))
        )
    words = _WORD.findall(normalise(speaker))
    titles = [i for i, word in enumerate(words) if stem(word.casefold()) in OFFICE_TITLES]
    name = words[titles[-1] + 1 :] if titles else []
    if name and all(word[:1].isupper() for word in name):
        return phrase_terms(" ".join(name), aliases)
    return phrase_terms(speaker, aliases)


_JOINED_SPEAKERS = re.compile(r"^(?:either|both|neither)\s+|\s+(?:or|and|nor)\s+", re.IGNORECASE)
"""What joins two speakers of one question: "*either* Seoul *or* Tokyo", "Moscow *and*
Pyongyang"."""


def phrase_terms(phrase: str, aliases: Aliases) -> tuple[str, ...]:
    """A name's terms: its alias concept when it has one, else its own content stems, split
    into words as the answer reads a sentence (``ANSWER_WORD``: "Choe Son-hui" is "choe",
    "son", "hui"; "MI5" is "mi", "5"), so that a passage's words can hold them."""
    word_list = [word.casefold() for word in ANSWER_WORD.findall(normalise(phrase))]
    stems = [stem(word) for word in word_list]
    found = aliases.find(stems)
    if found and found[0][1] == 0 and found[0][2] == len(stems):
        return (found[0][0],)
    return tuple(stem(word) for word in word_list if word not in STOPWORDS)


def question_verbs(text: str) -> tuple[str, ...]:
    """Stems of the question's content verbs, read from its word order.

    English questions put an auxiliary before the subject and the main verb after it ("How
    many soldiers *have* been *captured*", "What *did* Russia *pay*"), or open with a verb
    after "who" ("Who *heads* ..."). Without a tagger, a verb is: a word ending in -ed or
    -ing; the first content word after the subject of an auxiliary (the subject being a
    capitalised name or "the ..." noun phrase, taken as up to four words); or the word right
    after "who". Question words ("say", "think") are not content verbs.
    """
    words = _WORD.findall(text)
    lowered = [word.casefold() for word in words]
    verbs: list[str] = []
    if len(lowered) > 1 and lowered[0] in {"who", "what"} and _verb_like(lowered[1]):
        verbs.append(lowered[1])
    for i, word in enumerate(lowered):
        if i > 0 and _looks_past_or_progressive(word) and not words[i][0].isupper():
            verbs.append(word)
    aux = _auxiliary(words, lowered)
    if aux is not None:
        verbs.extend(_verb_after_subject(words, lowered, aux + 1))
    return tuple(
        dict.fromkeys(
            stem(verb)
            for verb in verbs
            if verb not in STOPWORDS
            and verb not in QUESTION_WORDS
            and verb not in _AUXILIARIES
            and verb not in _NUMBER_WORDS
        )
    )


MAIN_CLAUSE_WORDS = 6
"""An auxiliary this close to the start opens the question's own clause."""


_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|got)\s+(?:\w+ly\s+)?(?P<verb>\w+(?:ed|en|wn))"
    r"(?P<more>(?:(?:,\s*|\s+)(?:(?:or|and)\s+)?\w+(?:ed|en|wn))*)\b",
    re.IGNORECASE,
)


def passive_verbs(text: str) -> tuple[str, ...]:
    """Stems of the participles after a form of "be" or "get", with those joined to them by
    "or" / "and": "How many were *killed* or *wounded*?" -> kill, wound. "How many have
    killed themselves?" has none: its soldiers did the killing. Only regular participles
    (-ed, -en, -wn), as a tagger-free reading can tell them from other words."""
    found: list[str] = []
    for match in _PASSIVE.finditer(text):
        found.append(match["verb"])
        found.extend(re.findall(r"\w+(?:ed|en|wn)\b", match["more"]))
    return tuple(dict.fromkeys(stem(verb.casefold()) for verb in found))


_TIME_UNITS = frozenset(
    stem(word) for word in ("years", "months", "weeks", "days", "hours", "decades", "centuries")
)
_TIME_PASSING = frozenset(stem(word) for word in ("passed", "elapsed", "gone"))


def without_time_passing(verbs: tuple[str, ...], counted: tuple[str, ...]) -> tuple[str, ...]:
    """The verbs without the one that only lets time pass, when the question counts a span
    of time: "How many *years* had *passed* since Putin's previous trip?" asks for a span
    ("his first visit to North Korea in 24 years"), and no passage says "passed"."""
    if not _TIME_UNITS.intersection(counted):
        return verbs
    return tuple(verb for verb in verbs if verb not in _TIME_PASSING)


def main_verbs(text: str) -> tuple[str, ...]:
    """The verb after the auxiliary that opens the question ("*Did* China *send*", "How
    many soldiers *have* been *captured*"), or after "who" ("Who *heads*"). A number word
    there is the subject, never the verb ("How long had *one* of the captured soldiers gone
    without food?")."""
    words = _WORD.findall(text)
    lowered = [word.casefold() for word in words]
    found: list[str] = []
    if len(lowered) > 1 and lowered[0] in {"who", "what"} and _verb_like(lowered[1]):
        found.append(lowered[1])
    aux = _auxiliary(words, lowered)
    if aux is not None and aux < MAIN_CLAUSE_WORDS:
        found.extend(_verb_after_subject(words, lowered, aux + 1))
    return tuple(
        dict.fromkeys(
            stem(verb)
            for verb in found
            if verb not in QUESTION_WORDS and verb not in STOPWORDS and verb not in _NUMBER_WORDS
        )
    )


def _auxiliary(words: list[str], lowered: list[str]) -> int | None:
    """The position of the question's first auxiliary, unless it is "has" / "have" / "had"
    right after "who" / "what" and before a noun: then it is the main verb, of possession
    ("Who *has* custody of the prisoners?"), and what follows is its object, not a verb
    ("Who *has* been captured", "What *has* Russia sent" keep theirs)."""
    aux = next((i for i, word in enumerate(lowered) if word in _VERB_AUXILIARIES), None)
    if (
        aux == 1
        and lowered[0] in {"who", "what"}
        and lowered[1] in _POSSESSION
        and len(words) > 2
        and words[2].islower()
        and lowered[2] not in _PRONOUN_SPEAKERS
        and not _participle(lowered[2])
    ):
        return None
    return aux


_POSSESSION = frozenset({"has", "have", "had"})


def _participle(word: str) -> bool:
    """A past participle or an auxiliary's next word ("been", "captured", "sent")."""
    return (
        word in _AUXILIARIES
        or word in {"not", "never", "already", "also", "ever", "just"}
        or word.endswith(("ed", "en"))
        or stem(word) in IRREGULAR_PAST
    )


def _verb_like(word: str) -> bool:
    return word.endswith(("s", "ed")) and word not in STOPWORDS and word not in _AUXILIARIES


def _looks_past_or_progressive(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ed", "ing")) and word not in _NOT_VERBS


_NOT_VERBS = frozenset(
    [
        "united",
        "red",
        "hundred",
        "thing",
        "things",
        "during",
        "morning",
        "evening",
        "meeting",
        "meetings",
        "building",
        "buildings",
        "wedding",
        "ceiling",
        "spring",
        "during",
        "interesting",
        "according",
        "nothing",
        "something",
        "anything",
        "everything",
        "briefing",
        "briefings",
        "funding",
        "training",
    ]
)


def _verb_after_subject(words: list[str], lowered: list[str], start: int) -> list[str]:
    """The main verb after an auxiliary's subject (``_verb_position``); when it reports a
    clause with a subject and verb of its own, that clause's verb: in "How many troops did
    JoongAng *report* North Korea had *sent*?", "have officials *estimated* Pyongyang has
    *sent*", what is counted was sent, and the reporter is the question's source
    (``said_by``), not what a passage must say it did. A word that is no form of any verb in
    WordNet is no main verb: the subject's shape ("the White House *spokesperson* warn",
    "Ukrainian *intelligence* sources", "has not *yet* accepted") put a noun, an adjective or
    an adverb where the verb was looked for, and a passage was then held to it."""
    gap = next(
        (found for at in range(start, len(words)) if (found := _gap_clause_verb(lowered, at))),
        None,
    )
    if gap is not None:
        return [lowered[gap]]
    at = _verb_position(words, lowered, start)
    if at is None or not wordnet().is_verb_form(lowered[at]):
        return []
    if lowered[at] in _REPORTING_VERBS:
        clause = at + 1 + (at + 1 < len(words) and lowered[at + 1] == "that")
        if clause < len(words) and (words[clause][0].isupper() or lowered[clause] == "the"):
            reported = _verb_position(words, lowered, clause, after_the=True)
            if reported is not None:
                at = reported
    return [lowered[at]]


def _gap_clause_verb(lowered: list[str], at: int) -> int | None:
    """The verb of a reported clause whose subject is what the question asks about, left out:
    "How many troops did the Ukrainian president *say had died*?", "… does Seoul *believe
    have been killed*?" ask about those who died or were killed, so that verb is the
    question's main verb, not the reporting one. The clause opens on a perfect or passive
    auxiliary right after the reporting verb (or its "that") and its verb is a participle: a
    prediction ("say would soon be built") or a state ("believe are drilling") is left as it
    was, since a passage may well word it otherwise."""
    if lowered[at] not in _GAP_OPENERS:
        return None
    i = at + 1 + (at + 1 < len(lowered) and lowered[at + 1] == "that")
    if i >= len(lowered) or lowered[i] not in _GAP_AUXILIARIES:
        return None
    while i < len(lowered) and (lowered[i] in _GAP_AUXILIARIES or _is_adverb(lowered[i])):
        i += 1
    if i >= len(lowered) or lowered[i] in _NO_VERB or not _participle(lowered[i]):
        return None
    return i


_GAP_AUXILIARIES = frozenset({"had", "have", "has", "were", "was", "been", "not", "already"})


_REPORTING_VERBS = frozenset(
    {"report", "reported", "estimate", "estimated", "believe", "believed", "claim", "claimed"}
    | {"assess", "assessed", "suggest", "suggested"}
)
"""Verbs that report a clause ("did JoongAng *report* North Korea had sent"), as typed. Not
"say" or "think": those are question words, no verb at all (``QUESTION_WORDS``), and the
reported verb of "did Kirby *say* North Korean forces *suffered*" would be required where
the passages write "sustained" (measured: one dev answer lost, none gained)."""
_GAP_OPENERS = _REPORTING_VERBS | {"say", "said", "think", "thought"}
"""The verbs a subjectless reported clause follows (``_gap_clause_verb``)."""


def _verb_position(
    words: list[str], lowered: list[str], start: int, *, after_the: bool = False
) -> int | None:
    """The position of the main verb after an auxiliary's subject: the first lower-case
    content word after a run of capitalised words, or after "the/a ... noun" (up to four
    words). A run ending in a possessive ("How many soldiers did *Kyiv's* leader warn …") owns
    a noun phrase of unknown length ("leader", "spy service"): without a tagger no word after
    it is taken for the verb, rather than the noun ("leader"). An adverb in -ly between the
    subject and its verb is skipped ("did Ukraine *reportedly* capture", ``_is_adverb``).
    ``after_the`` lets a reported clause open on "the" and a name ("the Pentagon had")."""
    i = start
    while i < len(words) and lowered[i] in _AUXILIARIES | {"not", "n't", "been"}:
        i += 1
    if i >= len(words):
        return None
    if (
        lowered[i] == "the"
        and (after_the or lowered[start - 1] in _DO)
        and _name_after_the(words, i + 1)
    ):
        i += 1  # "did the North Atlantic Council *receive*": a name of two words or more
    if lowered[i] in _INDEFINITE_SUBJECTS:
        i += 1
        while i < len(words) and (_is_adverb(lowered[i]) or lowered[i] in _BEFORE_THE_VERB):
            i += 1
        return i if i < len(words) and lowered[i] not in _NO_VERB else None
    if words[i][0].isupper() or lowered[i] in _PRONOUN_SPEAKERS:
        while i < len(words) and (
            words[i][0].isupper() or lowered[i] in _PRONOUN_SPEAKERS or lowered[i] == "and"
        ):
            i += 1
        if _possessive(words[i - 1]):
            return None  # "Did Kyiv's *leader* warn …": a noun the name owns, then the verb
        if lowered[i - 1].endswith(_PEOPLE_ENDINGS):
            i = _past_plural_nouns(lowered, i)
        while i < len(words) and (
            lowered[i] in _AUXILIARIES or lowered[i] in _BEFORE_THE_VERB or _is_adverb(lowered[i])
        ):
            i += 1
        return i if i < len(words) and lowered[i] not in _NO_VERB else None
    if after_the:
        return None
    return i if lowered[i] not in STOPWORDS else None


_INDEFINITE_SUBJECTS = frozenset(
    {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody"}
    | {"anything", "something", "everything", "nothing"}
)
"""A subject of no one in particular: "Did *anyone* spot …", "Has *anyone* independently
confirmed …": the verb follows it, and it is no verb itself."""
_NO_VERB = STOPWORDS | {"back", "out", "up", "off", "down", "away"}
"""No verb, where one is looked for: a light verb's particle ("did North Korea *get back*",
"get" being taken for an auxiliary as in "get killed")."""


def _is_adverb(word: str) -> bool:
    """Whether a lower-case word reads as an adverb in -ly ("reportedly", "allegedly",
    "secretly"): seven letters or more, so that verbs in -ly ("rally", "tally", "rely") are
    not, and not in -ply ("supply", "comply", "multiply")."""
    return len(word) >= 7 and word.endswith("ly") and not word.endswith("ply")


_BEFORE_THE_VERB = frozenset(
    {"not", "been", "also", "ever", "never", "already", "still", "yet", "just", "really"}
    | {"actually", "finally", "recently", "previously", "formally", "officially", "publicly"}
    | {"personally", "directly", "eventually", "initially", "even", "only", "now"}
    | {"always", "usually", "often", "sometimes", "rarely", "seldom", "again", "soon", "once"}
)
"""Words between a question's subject and its verb that are not the verb: "not", "been", and
the adverbs a question puts there ("Had Putin *already* held a summit …", "Did Kim *ever*
visit …", "Has Seoul *officially* confirmed …", "Does Kim *often* travel …");
"already" had been looked for as the verb."""


_PLURAL_NOUNS_AFTER_PEOPLE = 2


def _past_plural_nouns(lowered: list[str], start: int) -> int:
    """Past the plural nouns a people's adjective qualifies: in "Where did Ukrainian *troops*
    seize …", "did Chinese *officials* say", the subject is the adjective and its noun, and the
    verb comes after them; "troops" had been taken for the verb. A word ending in "s" (not
    "ss" or "us") is taken for a plural noun, at most two of them ("did North Korean *special
    forces* fight" keeps "special": no tagger tells an adjective; the verb is then missed, as
    before); "Did Iran *send* troops" is untouched, "send" being no plural."""
    i = start
    while (
        i < len(lowered) - 1
        and i - start < _PLURAL_NOUNS_AFTER_PEOPLE
        and lowered[i].endswith("s")
        and not lowered[i].endswith(("ss", "us"))
        and lowered[i] not in STOPWORDS
    ):
        i += 1
    return i


NAME_AFTER_THE = 2
"""Capitalised words after "the" that make a name, not an adjective before a noun ("the
*North Atlantic Council* receive" but "the *Russian* leader warn")."""


_DO = frozenset({"do", "does", "did"})
_PEOPLE_ENDINGS = ("an", "ese", "ish", "ch")
"""How a people's adjective ends ("North Kore*an*", "Japan*ese*", "Brit*ish*", "Fren*ch*"): a
name ending so qualifies the noun after it ("the North Korean *contingent*")."""


def _name_after_the(words: list[str], start: int) -> bool:
    """Whether "the" opens a name of ``NAME_AFTER_THE`` capitalised words or more, not ending
    in a possessive or a people's adjective, followed by a lower-case word: after "do" /
    "does" / "did", that word is the verb."""
    end = start
    while end < len(words) and words[end][0].isupper():
        end += 1
    last = words[end - 1].casefold() if end > start else ""
    return (
        end - start >= NAME_AFTER_THE
        and end < len(words)
        and words[end].islower()
        and not _possessive(last)
        and not last.endswith(_PEOPLE_ENDINGS)
    )


def _possessive(word: str) -> bool:
    return word.casefold().endswith(("'s", "’s"))


_ABOUT = re.compile(
    r"\b(?:about|(?:in\s+)?(?:reply|response|responding|replying|reacting)\s+to|"
    r"(?:respond|responded|react|reacted|reply|replied)\s+to)\s+(?P<topic>[^?]+)",
    re.IGNORECASE,
)
_TOPIC_ENDS = frozenset(
    {"of", "in", "on", "at", "for", "with", "between", "from", "to", "by", "during", "and", "or"}
    | {"that", "which", "who", "when", "while", "after", "before", "since", "as"}
)


def statement_topic(text: str, aliases: Aliases) -> tuple[str, ...]:
    """What a statement is asked to be about: "What did Austin say *about* Russia's
    *casualties*?", and what a reply answers ("How did the Kremlin *react to* Kyiv's
    *offer*?", "What did Seoul say *in reply to* …") -> the head noun (the last content word
    before a preposition or a clause: "military *cooperation* between Russia and the North";
    past a vague head, ``VAGUE_TOPIC_HEADS``), as its stem and its synonym concepts
    ("troops" -> ``~soldiers``). A topic ending in a name ("about *Nord Stream 2*",
    "about BRICS") is that name, as its concept or its stems, any of which will do."""
    match = _ABOUT.search(text)
    if not match:
        return ()
    phrase = _topic_phrase(_WORD.findall(normalise(match.group("topic"))))
    content = [w for w in phrase if w.casefold() not in STOPWORDS | QUESTION_WORDS]
    if not content:
        return ()
    if not content[-1].islower():
        return named_things(" ".join(["about", *phrase]), aliases)
    head_stem = stem(content[-1])
    head = (head_stem, *[concept for concept, _, _ in aliases.find([head_stem])])
    return head + _possessor_terms(match.group("topic"), aliases)


VAGUE_TOPIC_HEADS = frozenset(
    {"situation", "matter", "issue", "case", "news", "number", "numbers", "state", "idea"}
    | {"question", "questions", "subject", "topic", "fate", "plight", "status", "level"}
)
"""Head nouns that stand for the thing they are said of: "the captured soldiers' *situation*"
is about the soldiers, "the *number* of soldiers killed" about the killed."""


def _topic_phrase(words: Sequence[str]) -> list[str]:
    """The words of a statement's topic up to the preposition or clause that closes it; past
    "of" when the phrase so far ends in a vague head ("the *number of* soldiers killed")."""
    phrase: list[str] = []
    for word in words:
        folded = word.casefold()
        if folded == "of" and phrase and phrase[-1].casefold() in VAGUE_TOPIC_HEADS:
            phrase.pop()
            continue
        if folded in _TOPIC_ENDS:
            break
        phrase.append(word)
    while len(phrase) > 1 and phrase[-1].casefold() in VAGUE_TOPIC_HEADS:
        phrase.pop()
    return phrase


def _possessor_terms(topic: str, aliases: Aliases) -> tuple[str, ...]:
    """The place of an office that owns the topic: "about *the Russian leader's* position" is
    about what the office holder said of himself, and a passage naming him ("Putin … Russia's
    military strength") speaks of it without the word "position". As for a described speaker,
    the office is known by its place (``~russia``); a named owner ("Russia's casualties") or
    a described one that is no office adds nothing."""
    owner: list[str] = []
    for word in _WORD.findall(normalise_apostrophes(topic)):
        if word.casefold() in _TOPIC_ENDS:
            return ()
        owner.append(word)
        if _possessive(word):
            break
    else:
        return ()
    described = speaker_description(" ".join(owner).removesuffix("'s"), aliases)
    if described.get("speaker_role") != OFFICE_ROLE:
        return ()
    return described.get("speaker_places", ())


def _counted(head: str | None, aliases: Aliases) -> tuple[str, ...]:
    """The head noun of "how many X ..." (``counted_noun``) as its stem and its synonym
    concept."""
    if head is None:
        return ()
    head_stem = stem(head)
    return (head_stem, *[concept for concept, _, _ in aliases.find([head_stem])])


def counted_noun(text: str) -> str | None:
    """For "how many X ...", the head noun of X in lower case (the last of ``counted_words``):
    "how many *countries* took part", "how many special forces *soldiers* …"."""
    words = counted_words(text)
    return words[-1].casefold() if words else None


def counted_words(text: str, *, through_stopwords: bool = False) -> list[str]:
    """The words of "how many X ...", as typed, up to X's head noun: up to an auxiliary, a
    verb, or the first plural, and on through the plurals right after it, as English puts the
    head of a compound last ("how many *special forces soldiers* were sent", "how many *arms
    deals*"; ``_ends_a_plural``). A stop word ends X too, unless ``through_stopwords`` ("how
    many *of Pyongyang's soldiers*", where the places are looked for)."""
    match = _COUNTED.match(text)
    if not match:
        return []
    words: list[str] = []
    for word in _WORD.findall(normalise_apostrophes(match.group("counted"))):
        lowered = word.casefold()
        if lowered in _AUXILIARIES or lowered in QUESTION_WORDS:
            break
        if lowered in STOPWORDS and not through_stopwords:
            break
        if words and _ends_a_plural(words[-1]) and not _ends_a_plural(word):
            break
        words.append(word)
    return words


def _counted_places(text: str, aliases: Aliases) -> tuple[str, ...]:
    """The places named in "how many X" before X's head noun ("how many *North Korean*
    soldiers")."""
    words = counted_words(text, through_stopwords=True)
    found = aliases.find([stem(word.casefold()) for word in words])
    return tuple(dict.fromkeys(c for c, _, _ in found if c in aliases.places))


def _ends_a_plural(word: str) -> bool:
    """Whether ``word`` (as typed) is a plural noun, the head of "how many X". An acronym
    written in capitals is a name, not a plural, even ending in "s": "How many *BRICS*
    events were held?" counts events."""
    lowered = word.casefold()
    if lowered in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and lowered.endswith("s") and not word.isupper()


_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel"})

_LENGTH_UNITS = ("km", "kilometre", "kilometers", "miles", "metre", "meters")
MEASURE_SHAPES: dict[str, tuple[str, ...]] = {
    measure: tuple(stem(unit) for unit in units)
    for measure, units in {
        "far": _LENGTH_UNITS,
        "long": ("days", "weeks", "months", "years", "hours", "minutes", "decades"),
        "old": ("years", "centuries", "founded", "age", "born"),
        "tall": ("metre", "meters", "feet", "foot"),
        "high": ("metre", "meters", "feet", "foot", "km"),
        "wide": _LENGTH_UNITS,
        "deep": ("metre", "meters", "feet", "foot", "km"),
        "heavy": ("kg", "kilograms", "tonnes", "tons", "pounds"),
        "big": (),
        "large": (),
    }.items()
}
"""The measure words of "how far / long / old / big ..." and the stems of the units their
answer is written in (kilometres and kilometers, metres and meters): "How *far* is Kazan from Moscow?" is answered by "900 *km* east of
Moscow", "How *long* did the summit last?" by "the three-*day* gathering", "How *old* is
Kazan?" by "*founded* in 1005" or "150 *years* older". "How long" asks for a duration, as
it does in news far more often than for a length. A size ("how *big* a force") has no
unit: its figure counts the thing asked about ("10,000 troops"). "Founded" and "born" stand
for an age as a unit does: the year that follows them is the answer."""
_MEASURE = re.compile(
    r"^how\s+(?P<measure>" + "|".join(MEASURE_SHAPES) + r")\b(?!\s+ago\b)", re.IGNORECASE
)
_DURATION_VERBS = frozenset({"last", "lasted", "lasting", "lasts"})
"""The verb of "how long did it *last*", part of the measure rather than of what it is about."""


AREA_UNITS = tuple(stem(unit) for unit in ("square", "sq", "km2", "hectares", "acres"))
"""The words that make a figure an area: "How much *land* did Ukraine take?" is answered by
"more than 1,300 *square* kilometers (500 *sq* miles) of land"; kilometres and miles alone are
lengths ("1,000 km of front line")."""
_AREA = re.compile(r"^how\s+much\s+(?:\w+\s+)?(?:land|territory|ground|area)\b", re.IGNORECASE)
"""A question for an area: "How much land", "How much Ukrainian territory", "How much ground"."""


def measure_of(text: str) -> dict[str, tuple[str, ...]]:
    """For a measure question ("How *far* is Kazan from Moscow?"), the stems of its measure
    words (the measure word, and "last" after "how long") and the units of its answer
    (``MEASURE_SHAPES``): the measure word is no word a passage must hold ("so *far*", "an
    *old* ally"), the answer's shape is. "How much land / territory / ground" asks for an area
    (``AREA_UNITS``)."""
    if _AREA.match(text):
        return {"shape": AREA_UNITS}
    match = _MEASURE.match(text)
    if not match:
        return {}
    word = match.group("measure").casefold()
    stems = [stem(word)]
    shape = MEASURE_SHAPES[word]
    if word == "long":
        words = {w.casefold() for w in _WORD.findall(text)}
        lasting = sorted({stem(verb) for verb in words & _DURATION_VERBS})
        stems += lasting
        interval = _INTERVAL.match(text)
        stems += [interval.group("side").casefold()] if interval else []
        shape = shape if lasting or interval else (*shape, *_TEXT_LENGTH)
    return {"measure": tuple(stems), "shape": shape}


_INTERVAL = re.compile(r"^how\s+long\s+(?P<side>after|before)\b", re.IGNORECASE)
"""A time between two events: "How long *after* the rebellion did he die?" is answered by
"a month *after* the rebellion" (``INTERVAL_SIDES``), which for "How long did it last?" is
a time since, not a duration."""
INTERVAL_SIDES = frozenset({"after", "before"})


_LASTED = re.compile(
    r"^how\s+long\s+(?:did|does|do|will|would|was|is|were)\s+(?P<subject>.+?)\s+"
    r"(?:last|lasted|run|go\s+on)\b",
    re.IGNORECASE,
)


def what_lasted(text: str) -> tuple[str, ...]:
    """For "How long did *Modi's bilateral meeting* with Putin in Kazan last?", the stems of
    the head noun of what lasted (the last lower-case word before a preposition or a clause,
    as for a statement's topic: ``_topic_phrase``) and of its one-word synonyms and related
    words: a duration of anything else ("the three-day summit", "a
    standoff for over four years") does not say how long the meeting lasted."""
    match = _LASTED.match(text)
    if not match:
        return ()
    phrase = _topic_phrase(_WORD.findall(normalise_apostrophes(match.group("subject"))))
    nouns = [w for w in phrase if w.islower() and w not in STOPWORDS and not _possessive(w)]
    if not nouns:
        return ()
    head = nouns[-1]
    thesaurus = wordnet()
    related = [word for word in thesaurus.related(head) if word.isalpha()]
    synonyms = [*thesaurus.one_word_synonyms(head), *related]
    return tuple(dict.fromkeys(stem(word) for word in (head, *synonyms)))


_TEXT_LENGTH = (stem("pages"),)
"""The length of a text, for "How long *is* the Kazan Declaration?" ("the 43-*page* Kazan
Declaration"), not for "how long did it *last*", which asks for a duration."""


def _number_kind(text: str) -> NumberKind:
    if _SHARE_START.match(text) or _PART_ACCOUNTED.match(text):
        return NumberKind.SHARE
    lowered = text.casefold()
    if lowered.startswith("how many"):
        return NumberKind.COUNT
    if lowered.startswith("how much") and any(
        stem(word.casefold()) in _MONEY_WORDS for word in _WORD.findall(text)
    ):
        return NumberKind.MONEY
    if re.match(r"^(?:what|which)\s+(?:is\s+the\s+)?(?:cost|price)\b", lowered):
        return NumberKind.MONEY
    return NumberKind.MEASURE


def _office_for(text: str) -> re.Match[str] | None:
    match = _ROLE_FOR.match(text)
    if match and match.group("role").split()[-1].casefold() in OFFICE_TITLE_WORDS:
        return match
    return None


def _role(text: str, aliases: Aliases) -> dict[str, tuple[str, ...]]:
    """ "Who is the president of X" / "Who is X's defence minister": the role and X."""
    match = _ROLE_OF.match(text) or _office_for(text) or _ROLE_POSSESSIVE.match(text)
    if not match:
        return {}
    role = tuple(
        stem(word.casefold())
        for word in _WORD.findall(match.group("role"))
        if word.casefold() not in STOPWORDS
    )
    return {"role": role, "role_place": phrase_terms(match.group("place"), aliases)}


_NUMBER_WORDS = {
    **{
        word: value
        for value, word in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ]
        )
    },
    **{
        word: value * 10
        for value, word in enumerate(
            ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
        )
    },
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_PHRASE = re.compile(
    r"\b(?:(?:" + "|".join([*_NUMBER_WORDS, *_SCALES]) + r")(?:[\s-]+(?:and\s+)?)?)+\b",
    re.IGNORECASE,
)


SPELLED_OUT_BELOW = 10
"""News style spells out numbers under ten ("two nations") and writes larger ones in digits,
so only those are converted."""


def numbers_as_digits(text: str) -> str:
    """Numbers written in words as digits, as the articles write them: "ten thousand" ->
    "10000", "twenty-five" -> "25"; "one" to "nine" stay words ("the two allies")."""

    def replace(match: re.Match[str]) -> str:
        phrase = match.group()
        value = _phrase_value(phrase)
        if value is None or value < SPELLED_OUT_BELOW:
            return phrase
        trailing = phrase[len(phrase.rstrip()) :]
        return f"{value}{trailing}"

    return _NUMBER_PHRASE.sub(replace, text)


def _phrase_value(phrase: str) -> int | None:
    total = current = 0
    seen = False
    for word in re.findall(r"[a-z]+", phrase.casefold()):
        if word == "and":
            continue
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_QUESTION_SPLIT = re.compile(r"(?<=\?)\s+(?=\S)")
_MIN_QUESTION_WORDS = 2


def split_questions(text: str) -> list[str]:
    """Several questions typed on one line ("Who is Kim? When did he visit?"), each of two
    words or more; one question stays whole."""
    parts = [part.strip() for part in _QUESTION_SPLIT.split(text) if part.strip()]
    questions = [part for part in parts if len(part.split()) >= _MIN_QUESTION_WORDS]
    return questions if len(questions) > 1 else [text]


def only_asks_a_type(text: str) -> bool:
    """ "How many?", "Who?", "When exactly?": a type of answer and nothing it is about."""
    words = [word.casefold() for word in _WORD.findall(text)]
    return bool(words) and all(
        word in STOPWORDS or word in QUESTION_WORDS or word in FILLER_WORDS for word in words
    )


_READER_ACTS = re.compile(
    r"\b(?:do|does|can|could|should|may|must|would|will|did)\s+I\b|\bmy\b", re.IGNORECASE
)
"""The reader as the one who acts: "How do *I* subscribe …", "Where can *I* read more …",
"Will *my* email address be published …"."""


def asks_about_the_reader(text: str) -> bool:
    """A question about the reader's own use of a site or a service ("How do I request a GPT
    analysis of the article?", "Will my email address be published if I leave a reply?"), which
    no news report answers, however many of its words a page's furniture shares. "Can you
    tell me what Putin said?" asks about the news: "me" after "tell" is no act of the reader."""
    return bool(_READER_ACTS.search(text))


def is_only_a_name(text: str, aliases: Aliases) -> bool:
    """A name and nothing else ("Putin", "Kim Jong Un?"): every word is part of an alias name
    or capitalised, and there is no question word."""
    words = _WORD.findall(text)
    if not words or len(words) > 4:
        return False
    lowered = [word.casefold() for word in words]
    if any(word in STOPWORDS or word in QUESTION_WORDS for word in lowered):
        return False
    stems = [stem(word) for word in lowered]
    covered = {i for _, start, end in aliases.find(stems) for i in range(start, end)}
    return all(i in covered or word[0].isupper() for i, word in enumerate(words))


ENGLISH_SHARE = 0.5
"""A question is read as English when more than this share of its longer words is English
or a word of the articles."""
_SHORT_WORD = 3
"""Words this short are left out of the count: "en", "la", "hay" are English words too."""


def looks_english(
    text: str, is_known: Callable[[str], bool], is_english: Callable[[str], bool]
) -> bool:
    """Whether enough of the question's words are English or the articles' own words; a
    question in another script or language is told so instead of "try other words".

    Question words and stopwords count as English without a look-up, then the articles'
    words; the English dictionary is consulted last, for what remains.
    """
    words = [word for word in _WORD.findall(text) if not word.isdigit()]
    if any(not _latin(word) for word in words):
        return False
    longer = [word for word in words if len(word) > _SHORT_WORD]
    if not longer:
        return True
    english = sum(1 for word in longer if _english_word(word, is_known, is_english))
    return english / len(longer) > ENGLISH_SHARE


def _english_word(
    word: str, is_known: Callable[[str], bool], is_english: Callable[[str], bool]
) -> bool:
    lowered = word.casefold()
    return (
        lowered in STOPWORDS
        or lowered in QUESTION_WORDS
        or is_known(lowered)
        or is_english(lowered)
    )


def _latin(word: str) -> bool:
    return all(char.isascii() or unicodedata.name(char, "").startswith("LATIN") for char in word)
