"""What a question limits its answer to beyond its type, and the words of it the articles
never use: an ordinal ("the *second* group"), a named source, a name asked for, a kind of
building, the doer of a verb. A passage that matches the rest of the question well but misses
one of these answers another question: the answer then says what it lacks (``Answer.unmet``,
``Answer.missing``) instead of passing the passage off as the answer. See docs/quality.md
("Constraints a passage must meet").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from bot.fit import (
    IRREGULAR_PAST,
    NAME_REACH,
    SentenceWords,
    names,
    verb_forms,
)
from bot.question import (
    SPEECH_VERBS,
    Focus,
    QuestionType,
    cardinal_of,
    ordinal_forms,
)
from bot.roles import OFFICE_TITLE_WORDS
from bot.spelling import is_english_word
from bot.thesaurus import Thesaurus, wordnet
from bot.tokens import STOPWORDS, stem
from bot.tokens import words as question_words

if TYPE_CHECKING:
    from bot.snapshot import Snapshot


def unused_words(
    snapshot: Snapshot,
    focus: Focus,
    question: str,
    synonyms: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """The words of the question, as typed, that are ``unused_main_verbs``. Only English words
    count: a word the dictionary lacks may be a typo the speller could not place, or a name."""
    found = typed_words(question, unused_main_verbs(snapshot, focus, synonyms or {}))
    return [word for word in found if is_english_word(word)]


UNKNOWN_NAME_WORDS = 2
"""How many words of the question's names no article uses before it asks about something the
articles do not hold: one is often a spelling the articles do not share ("Astana", "Duma",
"Southeast Asian"); two are a name of its own ("Nobel Peace Prize", "Super Bowl")."""


def unknown_names(snapshot: Snapshot, focus: Focus, question: str) -> list[str]:
    """The words, as typed (capitals kept), of the question's names ("Who won the 2024 *Nobel*
    Peace *Prize*?")
    that no article uses, as an index term or in an alias, when there are at least
    ``UNKNOWN_NAME_WORDS`` of them: the passages can then be about nothing the question names."""
    absent = [
        term for term in focus.names if not term.startswith("~") and not _known_stem(snapshot, term)
    ]
    if len(absent) < UNKNOWN_NAME_WORDS:
        return []
    as_typed = {word.casefold(): word for word in reversed(re.findall(r"[^\W_]+", question))}
    return [as_typed.get(word, word) for word in typed_words(question, absent)]


def unmet_constraints(
    snapshot: Snapshot, focus: Focus, quoted: Sequence[int], question: str = ""
) -> list[str]:
    """The question's constraints, as typed, that the quoted passages do not meet: its
    ordinals (``unmet_ordinals``). The rest of the question may match well ("Where will the
    *17th* BRICS summit be held?" against the 16th's place): the passages then answer another
    question, about another summit, and the answer says what they lack instead of passing them
    off as the answer. See docs/quality.md ("Constraints a passage must meet")."""
    doer = asks_a_doer(focus, question)
    if not quoted:
        return []
    unnamed = [f"{focus.name_of}'s name"] if unmet_name(snapshot, focus, quoted) else []
    unnamed += unmet_open_source(snapshot, focus, quoted[0], question)
    unnamed += unmet_built_kind(snapshot, focus, quoted, wordnet())
    unnamed += unmet_maker(snapshot, quoted, question)
    if not (focus.ordinals or doer):
        return unnamed
    held = _terms_with_neighbours(snapshot, quoted[0])
    verbs = unmet_doer_verbs(snapshot, focus, held) if doer else []
    return unmet_ordinals(focus, held) + (typed_words(question, verbs) or verbs) + unnamed


BUILT_KIND_TYPES = frozenset({QuestionType.OPEN, QuestionType.WHERE})
"""The questions a kind of building asked for limits: "Which hotel …", "In which hospital …"."""


def unmet_built_kind(
    snapshot: Snapshot, focus: Focus, quoted: Sequence[int], thesaurus: Thesaurus
) -> list[str]:
    """The kind of building, facility, military unit or court a question asks for ("Which
    *hotel* did Guterres stay at?", "In which Kyiv *hospital* …", "Which *court* will try …"),
    as typed, when no quoted passage (with its neighbouring sentences) holds it or a narrower
    kind of it (``Thesaurus.built_kinds``: "inn", "motel"; "tribunal"). Such things are named
    with their kind word ("the Korston *hotel*", "Pyongyang Sunan International *Airport*",
    "the 8th Special Operations *Regiment*"); a passage about Guterres in Kazan that names
    none answers another question. Countries, people, newspapers are named by their names
    alone: "Which newspaper …" is never held to the word "newspaper"."""
    if focus.question_type not in BUILT_KIND_TYPES:
        return []
    for word in focus.which_words:
        kinds = thesaurus.built_kinds(word.casefold())
        if kinds:
            stems = {stem(kind) for kind in kinds}
            held = any(stems & _terms_with_neighbours(snapshot, pid) for pid in quoted)
            return [] if held else [word]
    return []


_MADE_WORK = re.compile(
    r"^(?:who\s+|which\s+(?:[\w'’-]+\s+){0,4}?)(?P<verb>wrote|took|photographed|filmed|shot)\s+"
    r"(?:the|a|an|this|that)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<work>report|story|article|post|blog|piece|commentary|column|op-ed|editorial|"
    r"photo|photograph|picture|image|video|footage)s?\b",
    re.IGNORECASE,
)
"""A who-question asking who made a text or a picture: "Who *wrote the* AFP *report* on …",
"Which photographer *took the picture* of Kim …"."""
_MAKER_CUES = {stem(word) for word in ("wrote", "written", "write", "writes", "author")} | {
    stem(word) for word in ("photographed", "photo", "photograph", "took", "taken", "filmed")
}
"""A passage that names a work's maker says so: "*written* by", "*photo* by", "X *wrote*"."""


def unmet_maker(snapshot: Snapshot, quoted: Sequence[int], question: str) -> list[str]:
    """For a who-question on the maker of a text or picture (``_MADE_WORK``), the work, as
    typed, when no quoted passage (with its neighbouring sentences) holds a word that credits a
    maker (``_MAKER_CUES``: "wrote", "written", "photo" …). A page's by-line and photo credits are
    its metadata, not its text: a passage on the report's news names its people, not its
    writer."""
    match = _MADE_WORK.match(question.strip())
    if not match:
        return []
    if any(_MAKER_CUES & _terms_with_neighbours(snapshot, pid) for pid in quoted):
        return []
    return [match["work"]]


def unmet_name(snapshot: Snapshot, focus: Focus, quoted: Sequence[int]) -> bool:
    """For "What is the name of the *doctor* who …" (``Focus.name_of``): whether no quoted
    passage has a name next to the thing named (``names_next_to``). A passage on the doctor
    that names nobody ("A doctor featured in the SBU video described …") does not give the
    name asked, however well it matches the rest of the question."""
    if not focus.name_of:
        return False
    named = [stem(focus.name_of.casefold())]
    asked = set(focus.names) | snapshot.aliases.places
    return not any(
        names_next_to(snapshot.passages.sentence_words(s, snapshot.aliases), named, asked)
        for pid in quoted
        for s in range(*snapshot.passages.sentence_range(pid))
    )


def names_next_to(sentence: SentenceWords, named: Sequence[str], others: Collection[str]) -> bool:
    """Whether a name stands next to the thing ``named``: a capitalised word (not the
    sentence's first), with fewer than ``NAME_REACH`` words and no
    preposition between them ("the *Kwangmyong*, a heavily censored intranet", "reporter *Keir
    Simmons*"), that is not one of the ``others`` (the question's own names, places) nor a word
    of them: "a *Korean* interpreter" names no one when the question asks about the Korean
    interpreter."""
    taken = {
        i
        for concept, first, last in sentence.concepts
        if concept in others
        for i in range(first, last)
    } | {i for i, word_stem in enumerate(sentence.stems) if word_stem in others}
    spots = sentence.positions_of(named)
    lowered = [word.casefold() for word in sentence.words]
    for i in names(sentence):
        if i in taken or i in spots:
            continue
        for spot in spots:
            gap = lowered[min(i, spot) + 1 : max(i, spot)]
            if len(gap) < NAME_REACH and not _NAME_BREAKS.intersection(gap):
                return True
    return False


_NAME_BREAKS = frozenset(
    {"in", "at", "on", "of", "from", "to", "by", "with", "for", "about", "near", "and", "but"}
)
"""Words that put another thing between a name and the thing named: "A doctor featured *in*
the SBU video" names the video's maker, not the doctor."""


def asks_a_doer(focus: Focus, question: str) -> bool:
    """A who-question whose asked person does the main verb ("Who *brokered* the treaty?"),
    not one asking whom someone else did it to or with ("Who *did* Putin *receive*?", "Which
    leader *did* Putin embrace?"): there the doer is named and the verb is theirs."""
    opening = question_words(question)[:OBJECT_QUESTION_REACH]
    return (
        focus.question_type is QuestionType.WHO
        and bool(focus.main_verbs)
        and not any(word in {"did", "does", "do"} for word in opening)
        and not _perfect_before_a_name(question)
    )


_PERFECT_BEFORE_NAME = re.compile(r"\b(?:had|has|have)\s+[A-Z]")


def _perfect_before_a_name(question: str) -> bool:
    """Whether a perfect auxiliary stands before a named subject within the question's opening
    ("Which leader *had Yoon* held talks with?", "Who *has Putin* met?"): the named one does
    the verb, as after "did"; "Who *has led* the talks?" asks the doer."""
    opening = " ".join(question.split()[:OBJECT_QUESTION_REACH])
    return bool(_PERFECT_BEFORE_NAME.search(opening))


def unmet_open_source(snapshot: Snapshot, focus: Focus, first: int, question: str) -> list[str]:
    """For an open question on what a named person said ("Why did *Gerasimov say* the troops
    were withdrawn?", ``Focus.said_by``): the person, as typed, when the passage the answer rests on
    (the first, with its neighbouring sentences) never names them. Someone else's reason is
    not the one asked for. The article's headline names them for every passage, as for the
    question's other names (``lacks``): in "Speech by Xi Jinping at the 16th BRICS Summit" every
    paragraph is Xi's."""
    if focus.question_type is not QuestionType.OPEN:
        return []
    source = focus.said_by
    if not source or set(source) & _terms_with_neighbours(snapshot, first):
        return []
    if snapshot.title_words(snapshot.passages[first].article_id).has_any(source):
        return []
    return typed_words(question, list(source)) or list(source)


OBJECT_QUESTION_REACH = 6


def unmet_doer_verbs(snapshot: Snapshot, focus: Focus, held: frozenset[str]) -> list[str]:
    """For "Who *commanded* / *brokered* / *translated* X?": the main verb, in any of its
    forms (an irregular past, its synonym group), that the passage the answer rests on (the
    first, with its neighbouring sentences) does not hold. A passage naming people who did
    something else with X (reported it, commented on it) does not say who did what is asked."""
    return [verb for verb in focus.main_verbs if not _holds_doer_verb(snapshot, verb, held)]


def _holds_doer_verb(snapshot: Snapshot, verb: str, held: frozenset[str]) -> bool:
    """The verb in any form, or a noun made from it ("chairs" -> "chairman", "commanded" ->
    "commander"); an office verb ("serves as", "speaks for", "heads") is met by any office
    title, the way the articles name the holder ("Chief Cabinet Secretary Hayashi"); a speech
    verb by any speech verb: "Who *called* the treaty an alliance pact?" is answered by "'…
    this is an alliance pact,' *says* Artyom Lukin"."""
    forms = verb_forms([verb, *filter(None, [IRREGULAR_PAST.get(verb)])], snapshot.aliases)
    if forms & held:
        return True
    if len(verb) >= DOER_NOUN_MIN_STEM and any(term.startswith(verb) for term in held):
        return True
    if any(
        verb in family and verb_forms(family, snapshot.aliases) & held
        for family in DOER_VERB_FAMILIES
    ):
        return True
    if verb in SPEECH_VERBS and SPEECH_VERBS & held:
        return True
    return verb in OFFICE_VERBS and bool(OFFICE_TITLE_STEMS & held)


DOER_NOUN_MIN_STEM = 4
"""A verb stem this long or longer may begin a noun that stands for it ("chair" ->
"chairman"); shorter ones begin unrelated words too."""


OFFICE_VERBS = frozenset(
    stem(verb) for verb in ("serves", "speaks", "heads", "chairs", "leads", "runs", "directs")
)
"""Verbs of holding an office: "Who *heads* the committee?" is answered by its chairman."""


OFFICE_TITLE_STEMS = frozenset(
    stem(title) for title in (*OFFICE_TITLE_WORDS, "director", "chairman", "chair")
)


DOER_VERB_FAMILIES = tuple(
    tuple(stem(verb) for verb in family)
    for family in (
        ("raises", "proposes", "suggests", "floats"),
        ("carries", "delivers", "conveys", "transports"),
    )
)
"""Verbs that name one act in other words, which WordNet's first senses do not join: putting
an idea forward ("Who *raised* the idea with Putin?" against "first *proposed* by Zernin") and
taking something to someone ("Who *carried* the letters?" against "delivered handwritten
letters through Kim"). A passage with any verb of the family says who did what is asked."""


def unmet_ordinals(focus: Focus, held: frozenset[str]) -> list[str]:
    """The ordinals of the question that the passage the answer rests on (the first, with
    its neighbouring sentences) does not hold, in words or digits: "How many ships carried
    the *second* group …", "Which country will host the *next* BRICS summit?" An ordinal
    picks one of several of the same thing, so the passage must say which one it is about.
    Only the first passage: a later one holding "second" is about another matter as often
    as not."""
    return [
        ordinal
        for ordinal in focus.ordinals
        if not {stem(form) for form in ordinal_forms(ordinal)} & held
        and not (ordinal in focus.numbered and cardinal_of(ordinal) in held)
    ]


def _terms_with_neighbours(snapshot: Snapshot, passage_id: int) -> frozenset[str]:
    """A passage's index terms, with those of the sentence before it and after it in the
    same article (a fact often runs over a passage's edge)."""
    passages = snapshot.passages
    article = passages[passage_id].article_id
    terms = set(snapshot.passage_terms(passage_id))
    for other, last in ((passage_id - 1, True), (passage_id + 1, False)):
        if 0 <= other < len(passages) and passages[other].article_id == article:
            sentences = snapshot.sentence_terms(other)
            if sentences:
                terms |= sentences[-1] if last else sentences[0]
    return frozenset(terms)


def _known_stem(snapshot: Snapshot, word_stem: str) -> bool:
    return word_stem in snapshot.index.vocabulary or bool(snapshot.aliases.names_stem(word_stem))


def unused_main_verbs(
    snapshot: Snapshot, focus: Focus, synonyms: Mapping[str, Sequence[str]]
) -> list[str]:
    """The main verbs (as stems) of a number or yes/no question (``UNUSED_VERB_TYPES``) that
    the articles never use in any form: not as a word, not as an irregular past ("held" for
    "hold"), not through a synonym group ("deploy" for "send") and, for a number question,
    not as one of the ``synonyms`` the search looks for it as ("perished" for "died";
    ``with_verb_synonyms``, which the passage's own check accepts too). A yes/no question's
    verb is what it asks about, and a synonym of another sense says nothing of it ("Did Japan
    *impose* sanctions?" against "visit", "Did Turkey *apply*?" against "use"). The passages
    cannot say how many soldiers "have *deserted*" or whether Indonesia "*accepted*" if no
    article ever says so: the closest passages are still quoted, with what is missing said
    first."""
    if focus.question_type not in UNUSED_VERB_TYPES:
        return []
    vocabulary = snapshot.index.vocabulary
    return [
        verb
        for verb in focus.main_verbs
        if not used_in_any_form(snapshot, verb)
        and not (
            focus.question_type is QuestionType.NUMBER
            and any(term in vocabulary for term in synonyms.get(verb, ()))
        )
    ]


UNUSED_VERB_TYPES = frozenset({QuestionType.NUMBER, QuestionType.YESNO})
"""The types whose main verb must be one the articles use. Who and where questions were
measured too (docs/quality.md): three more near-topic questions declined on the dev sets, but
one more answerable one declined, and with one typo per question 0.059 of the dev set's
answerable questions wrongly declined; date, statement and open questions lose more, their
verb being more often the question's own word for what the articles say otherwise ("when did
the bloc *grow*")."""


def used_in_any_form(snapshot: Snapshot, verb: str) -> bool:
    """Whether the articles use a verb (a stem) as a word, an irregular form or a synonym. A
    form that is a stopword ("won") is not indexed, so it is taken as used."""
    forms = verb_forms([verb, *filter(None, [IRREGULAR_PAST.get(verb)])], snapshot.aliases)
    vocabulary = snapshot.index.vocabulary
    return any(form in vocabulary or form in STOPWORDS for form in forms)


def typed_words(question: str, stems: Sequence[str]) -> list[str]:
    """The question's words, as typed (lower case), whose stems are ``stems``; in order."""
    wanted = set(stems)
    return list(dict.fromkeys(word for word in question_words(question) if stem(word) in wanted))
