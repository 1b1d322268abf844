"""Reading a short or elliptical follow-up together with the thread's previous question.

Deterministic and explainable, nothing generated: the previous question's *focus* (its named
things and its subject) is carried into a follow-up that lacks one, and a pronoun is replaced by
the previous subject when exactly one thing could be meant. Examples, after "How many North
Korean troops are in Russia?" (focus: North Korean troops, Russia; subject: North Korean troops):

- "and what did NATO say?" -> "what did NATO say about North Korean troops?"
- "how many were there?" -> "how many North Korean troops were there?"
- "did they fight?" -> ambiguous ("they" could be North Korean troops or Russia): not guessed.

After "What did Putin say about BRICS?" a "did he deny it?" reads "did Putin deny it?": "he" or
"she" is never an acronym or a group. After "What did Putin say about Modi?" it is ambiguous, and
the bot asks which one is meant. A follow-up with no name and at most one content word ("how
many were evacuated?") is elliptical; "Who won the mayoral election?" stands alone.

Named things are capitalised words (a run of them is one name, "North Korea"; the first word of
the question only when it is not a common word such as "What"), all-capital acronyms, and a
demonym name ("Korean", "Chinese", "Polish", "Israeli") together with the noun after it ("North
Korean troops"). This module stands alone so that ``bot.question`` (question type and focus) can
replace ``focus_of`` later without changing the desk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.tokens import QUESTION_WORDS, STOPWORDS

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
SINGULAR_PRONOUNS = PERSONAL_PRONOUNS | {"it", "its"}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
POSSESSIVES = frozenset({"his", "hers", "its", "their", "theirs"})
LEAD_WORDS = frozenset({"and", "also", "but", "so", "then", "or"})
ABOUT_LEADS = ("what about", "how about", "and what about", "and how about")
COUNT_LEADS = ("how many", "how much")
DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
MIN_DEMONYM_CHARS = 4
MAX_ELLIPTICAL_WORDS = 1
"""A question with no name and at most this many content words is read as a follow-up."""

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_COMMON = STOPWORDS | QUESTION_WORDS | {"how", "why", "when", "where", "please", "tell", "show"}


@dataclass(frozen=True)
class Focus:
    """What a question is about: its named things in order; the subject is the first."""

    names: tuple[str, ...] = ()
    joined: bool = False
    """The first two names are joined by "and" ("Putin and Xi"): together, a plural subject."""

    @property
    def subject(self) -> str | None:
        return self.names[0] if self.names else None


@dataclass(frozen=True)
class Reading:
    """How a question was read: ``text`` is what is searched; ``rewritten`` when it differs.

    ``ambiguous`` lists what a pronoun could mean when it could not be resolved.
    """

    text: str
    rewritten: bool = False
    needs_context: bool = False
    pronoun: str | None = None
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        return _POSSESSIVE_END.sub("", self.text)


def _words(question: str) -> list[_Word]:
    return [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(question)]


def _is_name_word(word: _Word, first: bool) -> bool:
    if not word.text[0].isupper():
        return False
    return not (first and word.lower in _COMMON) and word.lower != "i"


def focus_of(question: str) -> Focus:
    """The named things of ``question``, in order ("North Korean troops", "Russia")."""
    words = _words(question)
    names: list[str] = []
    joined = False
    i = 0
    while i < len(words):
        if not _is_name_word(words[i], i == 0):
            i += 1
            continue
        run = [words[i]]
        while i + len(run) < len(words) and _adjacent(question, run[-1], words[i + len(run)]):
            if not _is_name_word(words[i + len(run)], False):
                break
            run.append(words[i + len(run)])
        end = i + len(run)
        phrase = " ".join(w.text for w in run[:-1]) + (" " if len(run) > 1 else "") + run[-1].bare
        if _is_demonym(run[-1].bare) and end < len(words):
            after = words[end]
            common = after.lower in _COMMON or after.text[0].isupper()
            if _adjacent(question, run[-1], after) and not common:
                phrase = f"{' '.join(w.text for w in run)} {after.bare}"
                end += 1
        if len(names) == 1 and i >= 1 and words[i - 1].lower == "and":
            joined = joined or _name_end_before(question, names[0], words[i - 1])
        names.append(phrase)
        i = end
    return Focus(tuple(dict.fromkeys(names)), joined)


def _is_demonym(word: str) -> bool:
    """ "Korean", "Chinese", "Polish", "Israeli" (a short name such as "Xi" is not one)."""
    return len(word) >= MIN_DEMONYM_CHARS and word.lower().endswith(DEMONYM_ENDINGS)


def _adjacent(question: str, left: _Word, right: _Word) -> bool:
    return question[left.end : right.start] == " "


def _name_end_before(question: str, name: str, conjunction: _Word) -> bool:
    return question[: conjunction.start].rstrip().endswith(name)


def needs_context(question: str) -> bool:
    """Whether ``question`` leans on an earlier one: a pronoun, a leading "and"/"what about",
    or no name and at most ``MAX_ELLIPTICAL_WORDS`` content words ("how many were there?")."""
    words = _words(question)
    if not words:
        return False
    lowered = question.strip().lower()
    if words[0].lower in LEAD_WORDS or lowered.startswith(ABOUT_LEADS):
        return True
    if any(w.lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS for w in words):
        return True
    content = [w for w in words if w.lower not in _COMMON]
    return not focus_of(question).names and len(content) <= MAX_ELLIPTICAL_WORDS


def read_followup(question: str, previous: Focus | None) -> Reading:
    """``question`` read with the previous question's focus, when it needs one and one exists."""
    question = " ".join(question.split())
    if previous is None or not previous.names or not needs_context(question):
        return Reading(question, needs_context=needs_context(question))
    pronoun = next(
        (w for w in _words(question) if w.lower in SINGULAR_PRONOUNS | PLURAL_PRONOUNS), None
    )
    if pronoun is not None:
        return _resolve_pronoun(question, pronoun, previous)
    return _carry_subject(question, previous)


def _resolve_pronoun(question: str, pronoun: _Word, previous: Focus) -> Reading:
    plural = pronoun.lower in PLURAL_PRONOUNS
    candidates = previous.names
    if pronoun.lower in PERSONAL_PRONOUNS:
        candidates = tuple(name for name in candidates if _could_be_a_person(name))
    if plural and previous.joined:
        meant = f"{previous.names[0]} and {previous.names[1]}"
    elif len(candidates) == 1:
        meant = candidates[0]
    else:
        return Reading(question, needs_context=True, pronoun=pronoun.text, ambiguous=candidates)
    if pronoun.lower in POSSESSIVES:
        meant += "’s"
    text = _without_lead(question[: pronoun.start] + meant + question[pronoun.end :])
    return Reading(text, rewritten=True, needs_context=True, pronoun=pronoun.text)


def _could_be_a_person(name: str) -> bool:
    """ "he" or "she" is never an acronym (NATO, BRICS) or a group ("North Korean troops")."""
    last = name.split()[-1]
    return not name.isupper() and last[:1].isupper()


def _carry_subject(question: str, previous: Focus) -> Reading:
    subject = previous.subject or ""
    if subject.lower() in question.lower():
        return Reading(question, needs_context=True)
    core = _without_lead(question).rstrip(" ?")
    lowered = core.lower()
    about = next((lead for lead in ABOUT_LEADS if lowered.startswith(lead)), None)
    if about is not None:
        text = f"{core} and {subject}?"
    elif lowered.startswith(COUNT_LEADS) and not subject[-1:].isupper() and " " in subject:
        text = f"{core[:8]} {subject}{core[8:]}?"
    else:
        text = f"{core} about {subject}?"
    return Reading(text, rewritten=True, needs_context=True)


def _without_lead(question: str) -> str:
    """The question without a leading "and", "so", "also" …: "and what did NATO say?"."""
    words = _words(question)
    stripped = question.strip()
    if words and words[0].lower in LEAD_WORDS and not stripped.lower().startswith(ABOUT_LEADS):
        stripped = stripped[words[0].end :].lstrip(" ,")
    return stripped
