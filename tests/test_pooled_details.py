"""``eval/pooled.py --details`` and ``eval/compare_outcomes.py``: the developer's view of why a
dev question moved between two rule sets."""

import json
from pathlib import Path

import yaml

from tests.conftest import write_article
from tests.developer_scripts import load_script


def question_file(folder: Path) -> Path:
    path = folder / "questions.yml"
    answerable = [
        {
            "question": "When does the new ferry route open?",
            "expect": "opens next spring",
            "article": "ferry",
        }
    ]
    unanswerable = [{"question": "How much does a ferry ticket cost?"}]
    path.write_text(yaml.safe_dump({"answerable": answerable, "unanswerable": unanswerable}))
    return path


def test_details_say_what_each_answer_says_of_itself(tmp_path: Path, tiny_kb_dir: Path):
    pooled = load_script("eval/pooled.py")
    body = "The harbour board approved a new ferry route on Monday. The route opens next spring."
    write_article(tiny_kb_dir, "ferry", "Ferry route approved", "Harbour Times", body)
    out = tmp_path / "out.jsonl"
    counts = pooled.main(out, [(question_file(tmp_path), tiny_kb_dir)], detailed=True)
    first, second = map(json.loads, out.read_text().splitlines())
    assert counts[:2] == (1, 1)
    assert (
        first["answerable"] and first["type"] == "date" and first["outcome"] == first["rank"] == 1
    )
    assert first["quotes"][0][0] == "ferry" and "opens next spring" in first["quotes"][0][1]
    assert not second["answerable"] and second["rank"] is None


def test_compare_lists_gains_losses_and_moves(tmp_path: Path):
    compare = load_script("eval/compare_outcomes.py")

    def row(question: str, answerable: bool, outcome: object) -> str:
        return json.dumps(
            {"set": "s", "question": question, "answerable": answerable, "outcome": outcome}
        )

    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text(
        "\n".join([row("a", True, 2), row("b", False, "answered"), row("c", True, 1)])
    )
    after.write_text("\n".join([row("a", True, 1), row("b", False, "answered"), row("c", True, 3)]))
    lines = compare.changes(compare.outcomes(before), compare.outcomes(after))
    assert lines == ["gain  answerable 2 -> 1: a", "loss  answerable 1 -> 3: c"]
