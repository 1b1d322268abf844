"""Pooled dev figures: every dev question set at once, as counts, and one line per question.

    INDEX_CACHE=false python eval/pooled.py OUT [--isolated] [--details]

reads every ``eval/questions*.yml`` on the bundled articles and every
``eval/pages/dev/questions*.yml`` and ``eval/pages/dev/round*/questions.yml`` on the dev pages,
prints hit@1, hit@3, answerable wrongly declined and unanswerable declined as counts, and
writes each question's outcome (its rank, "declined" or "answered") to OUT, so that two rule
sets are compared with ``diff``. Held-out sets are never read here.

With ``--isolated``, each page set is asked of its own pages only (the pages of its
``truth.yml`` and those its questions name), as each held-out set is: in the pooled folder of
every dev page, many questions are answered first by another outlet's copy of the same wire
text, which counts as a miss, so the isolated figures are the closer guide to the held-out ones.

With ``--details``, each line of OUT is a JSON object instead: the set, the question, whether
it is answerable, its outcome, and what the answer says of itself (its type, ``missing``, the
rank of the expected passage among the quotes even when the answer is incomplete, the first two
quotes' articles and opening words), to read why a question moved; ``eval/compare_outcomes.py``
lists what moved between two such files.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The build's worker processes import ``bot`` afresh: this checkout's, not the installed one
# (another worktree's, when the package is installed in editable mode from there).
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [sys.path[0], os.environ.get("PYTHONPATH")])
)

from bot.answer import Answer
from bot.evaluation import EvalSet, rank_of_hit
from bot.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
DEV_PAGES = ROOT / "eval" / "pages" / "dev"


def dev_sets() -> list[tuple[Path, Path]]:
    """Each dev question file with the knowledge folder it is asked of."""
    sets = [(path, ROOT / "knowledge") for path in sorted(ROOT.glob("eval/questions*.yml"))]
    sets += [(path, DEV_PAGES) for path in sorted(DEV_PAGES.glob("questions*.yml"))]
    return sets + [(path, DEV_PAGES) for path in sorted(DEV_PAGES.glob("round*/questions.yml"))]


def own_pages(questions: Path) -> set[str]:
    """The page slugs a dev page set is about: its ``truth.yml`` and its questions' articles."""
    truth = questions.parent / "truth.yml"
    slugs = (
        set(yaml.safe_load(truth.read_text(encoding="utf-8"))["pages"]) if truth.exists() else set()
    )
    return slugs | {question.article for question in EvalSet.load(questions).answerable}


def isolated(sets: list[tuple[Path, Path]], scratch: Path) -> list[tuple[Path, Path]]:
    """Each page set with a folder of copies of its own pages only (the bundled sets as they are)."""
    result = []
    for number, (path, folder) in enumerate(sets):
        if folder != DEV_PAGES:
            result.append((path, folder))
            continue
        own = scratch / str(number)
        own.mkdir()
        for slug in own_pages(path):
            for page in DEV_PAGES.glob(f"{slug}.*"):
                shutil.copy(page, own / page.name)
        result.append((path, own))
    return result


QUOTE_CHARS = 300
"""How much of each of the first two quotes a details line keeps."""


def details_line(
    name: Path,
    question: str,
    outcome: object,
    answer: Answer,
    rank: int | None,
    *,
    answerable: bool,
) -> str:
    """One question's JSON line for ``--details``. ``rank``, for an answerable question: where
    the expected passage is among the quotes, whether or not the answer is complete."""
    return json.dumps(
        {
            "set": str(name),
            "question": question,
            "answerable": answerable,
            "outcome": outcome,
            "type": answer.question_type,
            "missing": answer.missing,
            "rank": rank,
            "quotes": [
                [quote.article.id, " ".join(quote.text.split())[:QUOTE_CHARS]]
                for quote in answer.passages[:2]
            ],
        },
        ensure_ascii=False,
    )


def main(out: Path, sets: list[tuple[Path, Path]], *, detailed: bool = False) -> tuple[int, ...]:
    """Ask every set, write each question's outcome to ``out`` (as JSON lines when
    ``detailed``), print the counts and return them: answerable, unanswerable, hit@1, hit@3,
    wrongly declined, declined."""
    kbs: dict[Path, KnowledgeBase] = {}
    lines: list[str] = []
    hit1 = hit3 = wrongly = declined = answerable = unanswerable = 0
    for path, folder in sets:
        kb = kbs.setdefault(folder, KnowledgeBase(folder))
        eval_set = EvalSet.load(path)
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        for question in eval_set.answerable:
            answer = kb.ask(question.question, k=3)
            found = [(quote.article.id, quote.text) for quote in answer.passages]
            quoted_at = rank_of_hit(found, question)
            rank = quoted_at if answer.complete else None
            answerable += 1
            hit1 += rank == 1
            hit3 += rank is not None and rank <= 3
            wrongly += not answer.complete
            outcome = rank if answer.complete else "declined"
            lines.append(
                details_line(name, question.question, outcome, answer, quoted_at, answerable=True)
                if detailed
                else f"A {name}: {question.question} -> {outcome}"
            )
        for item in eval_set.unanswerable:
            answer = kb.ask(item["question"], k=3)
            unanswerable += 1
            declined += not answer.complete
            outcome = "answered" if answer.complete else "declined"
            lines.append(
                details_line(name, item["question"], outcome, answer, None, answerable=False)
                if detailed
                else f"U {name}: {item['question']} -> {outcome}"
            )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"answerable {answerable} unanswerable {unanswerable}: "
        f"hit@1 {hit1} ({hit1 / answerable:.3f}) hit@3 {hit3} ({hit3 / answerable:.3f}) "
        f"wrongly {wrongly} ({wrongly / answerable:.3f}) "
        f"declined {declined} ({declined / unanswerable:.3f})"
    )
    return answerable, unanswerable, hit1, hit3, wrongly, declined


if __name__ == "__main__":
    detailed = "--details" in sys.argv[2:]
    if "--isolated" in sys.argv[2:]:
        with tempfile.TemporaryDirectory() as scratch:
            main(Path(sys.argv[1]), isolated(dev_sets(), Path(scratch)), detailed=detailed)
    else:
        main(Path(sys.argv[1]), dev_sets(), detailed=detailed)
