"""Retrieval quality on an eval set: hit@1, hit@3, MRR and abstention, beside a plain baseline.

The baseline is what a first attempt would do: rank-bm25 over lower-cased whitespace tokens
of fixed 100-word chunks, with no abstention. Both run on the same questions and articles.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from rank_bm25 import BM25Okapi

from bot.articles import Article, describe_yaml_error
from bot.knowledge_base import KnowledgeBase, Snapshot
from bot.question import classify_question

BASELINE_CHUNK_WORDS = 100
_LONG_WORD = re.compile(r"[A-Za-z]{6,}")
_EVAL_SET_SHAPE = "expected a mapping with `answerable:` and `unanswerable:` lists"


class Expectation(BaseModel):
    article: str
    expect: str


class EvalQuestion(BaseModel):
    question: str
    expect: str
    article: str
    kind: str = "direct"
    type: str | None = None
    """What the question asks for (number, date, who, where, statement, yesno, open)."""
    also: list[Expectation] = []

    def expectations(self) -> list[Expectation]:
        return [Expectation(article=self.article, expect=self.expect), *self.also]


class EvalSet(BaseModel):
    answerable: list[EvalQuestion]
    unanswerable: list[dict[str, str]]

    def with_typos(self, seed: int) -> EvalSet:
        """Every question with one typo, repeatable by ``seed``: see ``add_typo``."""
        rng = random.Random(seed)
        answerable = [
            q.model_copy(update={"question": add_typo(q.question, rng)}) for q in self.answerable
        ]
        unanswerable = [{**q, "question": add_typo(q["question"], rng)} for q in self.unanswerable]
        return EvalSet(answerable=answerable, unanswerable=unanswerable)

    def of_type(self, question_type: str, classify: Callable[[str], str]) -> EvalSet:
        """The questions, answerable or not, of one type: gold ``type``, else ``classify``'s."""

        def type_of(question: str, gold: str | None) -> str:
            return gold or classify(question)

        answerable = [q for q in self.answerable if type_of(q.question, q.type) == question_type]
        unanswerable = [
            q for q in self.unanswerable if type_of(q["question"], q.get("type")) == question_type
        ]
        return EvalSet(answerable=answerable, unanswerable=unanswerable)

    def types(self, classify: Callable[[str], str]) -> list[str]:
        found = {q.type or classify(q.question) for q in self.answerable}
        found |= {q.get("type") or classify(q["question"]) for q in self.unanswerable}
        return sorted(found)

    def only(self, kind: str) -> EvalSet:
        """The answerable questions of one kind, with all the out-of-scope ones."""
        answerable = [q for q in self.answerable if q.kind == kind]
        return EvalSet(answerable=answerable, unanswerable=self.unanswerable)

    @classmethod
    def load(cls, path: Path) -> EvalSet:
        """Read an eval set; ``EvalSetError`` says in one line why a file cannot be used."""
        try:
            return cls.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except OSError as error:
            raise EvalSetError(f"{path}: cannot be read ({error.strerror or error})") from None
        except UnicodeDecodeError:
            raise EvalSetError(f"{path}: not UTF-8 text") from None
        except yaml.YAMLError as error:
            raise EvalSetError(f"{path}: not valid YAML{describe_yaml_error(error)}") from None
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            reason = f"{where}: {first['msg']}" if where else _EVAL_SET_SHAPE
            raise EvalSetError(f"{path}: {reason}") from None


def add_typo(question: str, rng: random.Random) -> str:
    """One letter dropped, doubled or swapped with the next, in a word of 6 letters or more."""
    long_words = list(_LONG_WORD.finditer(question))
    if not long_words:
        return question
    match = rng.choice(long_words)
    word, i = match.group(), rng.randrange(1, len(match.group()) - 1)
    edit = rng.choice(["drop", "double", "swap"])
    if edit == "drop":
        typo = word[:i] + word[i + 1 :]
    elif edit == "double":
        typo = word[:i] + word[i] + word[i:]
    else:
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return question[: match.start()] + typo + question[match.end() :]


class EvalSetError(ValueError):
    """An eval-set file that cannot be used; the message names the file and the reason."""


@dataclass
class Scores:
    hit_at_1: float
    hit_at_3: float
    mrr: float
    declined_out_of_scope: float
    declined_answerable: float
    questions: int
    out_of_scope: int


Ranker = Callable[[str], tuple[bool, list[tuple[str, str]]]]
"""A question to (answered, [(article id, passage text), ...] best first)."""


def _contains(text: str, phrase: str) -> bool:
    return " ".join(phrase.split()) in " ".join(text.split())


def rank_of_hit(results: Sequence[tuple[str, str]], question: EvalQuestion) -> int | None:
    """1-based rank of the first passage holding an expected phrase of the right article."""
    for rank, (article_id, text) in enumerate(results, start=1):
        for expectation in question.expectations():
            if article_id == expectation.article and _contains(text, expectation.expect):
                return rank
    return None


def score(eval_set: EvalSet, ranker: Ranker) -> Scores:
    hits1 = hits3 = reciprocal = wrongly_declined = 0.0
    for question in eval_set.answerable:
        answered, results = ranker(question.question)
        rank = rank_of_hit(results, question) if answered else None
        wrongly_declined += not answered
        hits1 += rank == 1
        hits3 += rank is not None and rank <= 3
        reciprocal += 1 / rank if rank else 0.0
    declined = sum(not ranker(q["question"])[0] for q in eval_set.unanswerable)
    n, m = len(eval_set.answerable), len(eval_set.unanswerable)
    return Scores(
        hit_at_1=_share(hits1, n),
        hit_at_3=_share(hits3, n),
        mrr=_share(reciprocal, n),
        declined_out_of_scope=_share(declined, m),
        declined_answerable=_share(wrongly_declined, n),
        questions=n,
        out_of_scope=m,
    )


def _share(count: float, total: int) -> float:
    return count / total if total else 0.0


def bot_ranker(kb: KnowledgeBase) -> Ranker:
    def rank(question: str) -> tuple[bool, list[tuple[str, str]]]:
        answer = kb.ask(question, k=3)
        return answer.complete, [(q.article.id, q.text) for q in answer.passages]

    return rank


def baseline_ranker(snapshot: Snapshot) -> Ranker:
    chunks: list[tuple[str, str]] = []
    for article in snapshot.articles.values():
        words = article.text.split()
        for start in range(0, len(words), BASELINE_CHUNK_WORDS):
            chunks.append((article.id, " ".join(words[start : start + BASELINE_CHUNK_WORDS])))
    bm25 = BM25Okapi([text.lower().split() for _, text in chunks])

    def rank(question: str) -> tuple[bool, list[tuple[str, str]]]:
        scores = bm25.get_scores(question.lower().split())
        order = sorted(range(len(chunks)), key=lambda i: -scores[i])[:3]
        return True, [chunks[i] for i in order]

    return rank


def run(
    kb: KnowledgeBase, questions: Path, *, as_json: bool = False, typos: int | None = None
) -> int:
    """Print the figures; with ``typos`` (a seed), on every question with one typo added."""
    eval_set = EvalSet.load(questions)
    if typos is not None:
        eval_set = eval_set.with_typos(typos)
    ranker = cache(bot_ranker(kb))  # the per-kind scores reuse the answers, not re-ask
    ours = score(eval_set, ranker)
    baseline = score(eval_set, baseline_ranker(kb.snapshot))
    by_kind = {
        kind: score(eval_set.only(kind), ranker)
        for kind in sorted({q.kind for q in eval_set.answerable})
    }
    by_type = scores_by_type(eval_set, ranker)
    by_scope = scores_by_scope(eval_set, ranker)
    truth = ReadingTruth.beside(questions, kb.directory)
    reading = score_reading(kb.snapshot, truth, eval_set, ranker) if truth.found else None
    if as_json:
        report: dict[str, Any] = {"bot": asdict(ours), "baseline": asdict(baseline)}
        report["bot_by_kind"] = {kind: asdict(scores) for kind, scores in by_kind.items()}
        report["bot_by_type"] = {name: asdict(scores) for name, scores in by_type.items()}
        report["bot_declined_by_scope"] = by_scope
        if reading is not None:
            report["reading"] = asdict(reading)
        print(json.dumps(report, indent=2))
        return 0
    typo_note = f", one typo each (seed {typos})" if typos is not None else ""
    print(
        f"{ours.questions} answerable and {ours.out_of_scope} out-of-scope questions "
        f"({questions}{typo_note})"
    )
    kinds = "".join(f" {kind:>11}" for kind in by_kind)
    print(f"{'metric':28} {'bot':>7} {'baseline':>9}{kinds}")
    rows = [
        ("hit@1", "hit_at_1"),
        ("hit@3", "hit_at_3"),
        ("MRR", "mrr"),
        ("out-of-scope declined", "declined_out_of_scope"),
        ("answerable wrongly declined", "declined_answerable"),
    ]
    for label, name in rows:
        per_kind = "".join(f" {getattr(scores, name):11.3f}" for scores in by_kind.values())
        print(f"{label:28} {getattr(ours, name):7.3f} {getattr(baseline, name):9.3f}{per_kind}")
    for kind, declined in by_scope.items():
        print(f"{kind + ' declined':28} {declined:7.3f}")
    print()
    print_by_type(by_type)
    if reading is not None:
        print_reading(reading, truth)
    return 0


def scores_by_type(eval_set: EvalSet, ranker: Ranker) -> dict[str, Scores]:
    """Scores per question type: the gold ``type`` where the set gives it, else the bot's."""
    return {
        question_type: score(eval_set.of_type(question_type, classify_question), ranker)
        for question_type in eval_set.types(classify_question)
    }


def scores_by_scope(eval_set: EvalSet, ranker: Ranker) -> dict[str, float]:
    """Share declined of the unanswerable questions of each kind (off-topic, near-topic)."""
    kinds: dict[str, list[str]] = {}
    for question in eval_set.unanswerable:
        kinds.setdefault(question.get("kind", "unlabelled"), []).append(question["question"])
    return {
        kind: sum(not ranker(q)[0] for q in questions) / len(questions)
        for kind, questions in sorted(kinds.items())
    }


def print_by_type(by_type: dict[str, Scores]) -> None:
    """One row per question type: answerable n, hit@1, hit@3, wrongly declined; unanswerable
    n and declined."""
    print(
        f"{'by type':10} {'answerable':>10} {'hit@1':>6} {'hit@3':>6} {'wrongly declined':>17}"
        f" {'unanswerable':>13} {'declined':>9}"
    )
    for question_type, s in by_type.items():
        answerable = (
            f"{s.hit_at_1:6.3f} {s.hit_at_3:6.3f} {s.declined_answerable:17.3f}"
            if s.questions
            else f"{'-':>6} {'-':>6} {'-':>17}"
        )
        declined = f"{s.declined_out_of_scope:9.3f}" if s.out_of_scope else f"{'-':>9}"
        print(f"{question_type:10} {s.questions:10d} {answerable} {s.out_of_scope:13d} {declined}")


# --- Reading figures: page metadata and furniture (issue 12) ---------------------------------

READING_FIELDS = ("title", "publisher", "author", "published")
TRUTH_FILE = "truth.yml"
FURNITURE_FILE = "furniture.yml"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})


@dataclass
class ReadingTruth:
    """What a set of pages shows (``truth.yml``) and the furniture lines they must never quote
    (``furniture.yml``), found beside the questions file or else in the knowledge folder."""

    pages: dict[str, dict[str, str]] | None = None
    furniture: dict[str, list[str]] | None = None
    where: str = ""

    @property
    def found(self) -> bool:
        return self.pages is not None or self.furniture is not None

    @classmethod
    def beside(cls, questions: Path, kb_dir: Path) -> ReadingTruth:
        truth, furniture, where = None, None, []
        for folder in dict.fromkeys([questions.parent, kb_dir]):
            if truth is None and (folder / TRUTH_FILE).is_file():
                truth = _load_mapping(folder / TRUTH_FILE).get("pages") or {}
                where.append(str(folder / TRUTH_FILE))
            if furniture is None and (folder / FURNITURE_FILE).is_file():
                furniture = _load_mapping(folder / FURNITURE_FILE)
                where.append(str(folder / FURNITURE_FILE))
        return cls(pages=truth, furniture=furniture, where=", ".join(where))


def _load_mapping(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise EvalSetError(f"{path}: cannot be read ({error})") from None
    except yaml.YAMLError as error:
        raise EvalSetError(f"{path}: not valid YAML{describe_yaml_error(error)}") from None
    if not isinstance(data, dict):
        raise EvalSetError(f"{path}: expected a mapping")
    return data


@dataclass
class ReadingScores:
    """Metadata read right against the truth, fields invented, and furniture quoted."""

    fields_right: float
    fields_checked: int
    fields_invented: int
    furniture_quoted: int
    questions_checked: int
    right_by_field: dict[str, float]


def normalise_field(value: object) -> str:
    """Case, spacing and curly quotes do not count; a missing value is the empty string."""
    if value is None:
        return ""
    return " ".join(str(value).translate(_QUOTES).casefold().split())


def _acceptable(shown: object) -> set[str]:
    """A truth value, or a list of values a careful reader could equally write ("AP",
    "Associated Press")."""
    values = shown if isinstance(shown, list) else [shown]
    return {normalise_field(value) for value in values}


def _field_value(article: Article, name: str) -> str:
    """What the bot shows for a field; a title guessed from the first sentence stands for
    "the page shows no headline", so it matches an empty truth."""
    if name == "title" and article.title_from_sentence:
        return ""
    value = getattr(article, name)
    return value.isoformat() if isinstance(value, date) else normalise_field(value)


def score_reading(
    snapshot: Snapshot, truth: ReadingTruth, eval_set: EvalSet, ranker: Ranker
) -> ReadingScores:
    right = invented = checked = 0
    per_field = {name: [0, 0] for name in READING_FIELDS}
    for slug, shown in (truth.pages or {}).items():
        article = snapshot.articles.get(slug)
        for name in READING_FIELDS:
            expected = _acceptable(shown.get(name))
            found = normalise_field(_field_value(article, name)) if article else ""
            ok = article is not None and found in expected
            right += ok
            per_field[name][0] += ok
            per_field[name][1] += 1
            invented += bool(article is not None and found and not any(expected))
            checked += 1
    questions = [q.question for q in eval_set.answerable]
    questions += [q["question"] for q in eval_set.unanswerable]
    quoted = sum(
        _quotes_furniture(ranker(question), truth.furniture or {}) for question in questions
    )
    return ReadingScores(
        fields_right=right / checked if checked else 1.0,
        fields_checked=checked,
        fields_invented=invented,
        furniture_quoted=quoted,
        questions_checked=len(questions),
        right_by_field={name: ok / n if n else 1.0 for name, (ok, n) in per_field.items()},
    )


def _quotes_furniture(
    answer: tuple[bool, list[tuple[str, str]]], furniture: dict[str, list[str]]
) -> bool:
    answered, passages = answer
    return answered and any(
        _contains(text, line)
        for article_id, text in passages
        for line in furniture.get(article_id, [])
    )


def print_reading(reading: ReadingScores, truth: ReadingTruth) -> None:
    print(f"reading ({truth.where})")
    fields = ", ".join(f"{name} {share:.2f}" for name, share in reading.right_by_field.items())
    print(
        f"{'metadata fields right':28} {reading.fields_right:7.3f}"
        f"  ({reading.fields_checked} fields: {fields})"
    )
    print(f"{'metadata fields invented':28} {reading.fields_invented:7d}")
    print(
        f"{'furniture quoted':28} {reading.furniture_quoted:7d}"
        f"  (answers of {reading.questions_checked} questions)"
    )
