"""Write ``bot/data/lexicon.tsv``, the words a reader asks with and the words an answering
sentence uses instead, learned from the dev question sets.

A developer's tool, run when dev sets are added: the bot reads only the file it writes.
Run ``python scripts/build_lexicon.py`` and commit the file; ``tests/test_lexicon.py`` checks
that it regenerates the same bytes. ``eval/lexicon_folds.py`` measures the rule on question
sets the table was not learned from.

Each answerable dev question (``eval/pooled.py``'s sets; never a held-out one) is paired with
each sentence that holds its expected phrase, on its page and on the pages its ``also`` names.
For a question word the sentence does not hold ("*fighters*") and a sentence word the question
does not hold ("soldiers"), both as index stems, the pair is kept when it is seen together in
at least ``MIN_TOGETHER`` answering sentences (a sentence several questions ask about counts
once) of at least ``MIN_SETS`` question sets (writers), in at least ``MIN_SHARE`` of the
answering sentences that lack the question's word, and at least ``MIN_LIFT`` times as often as
the answer word is in answers at large; and when the answer word is neither a figure (a figure
is exact) nor a name (written with a capital at least half the times it occurs in the answers:
which names a description stands for depends on the story, not on the language). This is the
translation table of the question-answering systems before neural ones (Berger and Lafferty's,
1999), kept to what a count can show.

Lines are ``word<TAB>term|term`` (stems, the terms sorted), sorted, in UTF-8.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blingfire import text_to_sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from pooled import dev_sets  # noqa: E402

from bot.evaluation import EvalSet  # noqa: E402
from bot.tokens import stem, terms  # noqa: E402

OUTPUT = ROOT / "bot" / "data" / "lexicon.tsv"
MIN_TOGETHER = 3
"""In at least this many answering sentences."""
MIN_SETS = 2
"""... of at least this many question sets: one writer's habit is not the language's."""
MIN_SHARE = 0.2
"""The answer word is in at least this share of the answers to the questions that ask with the
word the answer lacks."""
MIN_LIFT = 5.0
"""... and at least this many times its share of every answer."""
NAME_SHARE = 0.5
"""A word written with a capital at least this share of the times is a name, not learned."""

_WORD = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True)
class Pair:
    """A question's terms and the terms of the sentence that answers it."""

    question_set: str
    question: frozenset[str]
    answer: frozenset[str]


def answering_sentence(text: str, expect: str) -> str | None:
    """The sentence of ``text`` (blingfire's split, line by line) that holds ``expect``."""
    for line in text.splitlines():
        if expect in line:
            found = [s for s in text_to_sentences(line).splitlines() if expect in s]
            return found[0] if found else line
    return None


def pairs(question_sets: Iterable[tuple[Path, Path]]) -> Iterator[tuple[Pair, str]]:
    """Each answerable question paired with each sentence that answers it (its page's and
    those of the pages its ``also`` names), with the sentence as written."""
    for path, folder in question_sets:
        for question in EvalSet.load(path).answerable:
            asked = frozenset(terms(question.question))
            for expectation in question.expectations():
                pages = sorted(folder.glob(f"{expectation.article}.*"))
                if not pages:
                    continue
                text = pages[0].read_text(encoding="utf-8", errors="replace")
                sentence = answering_sentence(text, expectation.expect)
                if sentence is not None:
                    yield Pair(str(path), asked, frozenset(terms(sentence))), sentence


@dataclass
class Evidence:
    """What the pairs show: for each (question word, answer word) the answering sentences and
    question sets that hold them together, for each question word the answering sentences
    that lack it, each answer's terms, and how often each word is written with a capital.
    A sentence that several questions ask about counts once."""

    together: defaultdict[tuple[str, str], set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )
    sets: defaultdict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    lacking: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    answers: dict[str, frozenset[str]] = field(default_factory=dict)
    written: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)

    def add(self, pair: Pair, sentence: str) -> None:
        self.answers[sentence] = pair.answer
        for word in _WORD.findall(sentence):
            self.written[stem(word.lower())] += 1
            self.capitalised[stem(word.lower())] += word[0].isupper()
        for word in pair.question - pair.answer:
            self.lacking[word].add(sentence)
            for other in pair.answer - pair.question:
                self.together[word, other].add(sentence)
                self.sets[word, other].add(pair.question_set)

    def is_name_or_figure(self, term: str) -> bool:
        return any(c.isdigit() for c in term) or (
            self.capitalised[term] >= NAME_SHARE * self.written[term]
        )

    def table(self) -> dict[str, list[str]]:
        """Each question word -> the answer words learned for it (the module's docstring)."""
        in_answers = Counter(term for answer in self.answers.values() for term in answer)
        table: defaultdict[str, list[str]] = defaultdict(list)
        for (word, other), sentences in self.together.items():
            if len(sentences) < MIN_TOGETHER or len(self.sets[word, other]) < MIN_SETS:
                continue
            share = len(sentences) / len(self.lacking[word])
            lift = share * len(self.answers) / in_answers[other]
            if share >= MIN_SHARE and lift >= MIN_LIFT and not self.is_name_or_figure(other):
                table[word].append(other)
        return {word: sorted(others) for word, others in sorted(table.items())}


def learn(question_sets: Iterable[tuple[Path, Path]]) -> dict[str, list[str]]:
    """The table learned from the answerable questions of ``question_sets``."""
    evidence = Evidence()
    for pair, sentence in pairs(question_sets):
        evidence.add(pair, sentence)
    return evidence.table()


def render(table: dict[str, list[str]]) -> str:
    return "".join(f"{word}\t{'|'.join(others)}\n" for word, others in table.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    table = learn(dev_sets())
    args.out.write_text(render(table), encoding="utf-8")
    print(f"wrote {args.out}: {sum(map(len, table.values()))} pairs for {len(table)} words")


if __name__ == "__main__":
    main()
