"""How often the bot types a question as its eval set's gold ``type`` says.

    python eval/question_types.py dev [--list]   # the dev sets; --list prints each miss
    python eval/question_types.py heldout        # the held-out sets: counts only

A question typed wrongly escapes its type's check ("Up to how many troops …" read as open is
answered by any passage on troops), so this agreement is measured apart from hit@k.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.question import classify_question

ROOT = Path(__file__).resolve().parent.parent


def question_files(part: str) -> list[Path]:
    if part == "dev":
        return [
            *sorted(ROOT.glob("eval/questions*.yml")),
            *sorted(ROOT.glob("eval/pages/dev/questions*.yml")),
            *sorted(ROOT.glob("eval/pages/dev/round*/questions.yml")),
        ]
    return [ROOT / f"eval/heldout{s}.yml" for s in ("", "2", "3", "4")] + [
        ROOT / f"eval/pages/heldout{s}/questions.yml" for s in ("", "2", "3", "4")
    ]


def main(part: str, listing: bool) -> None:
    pairs: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for path in question_files(part):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data.get("answerable", []) + data.get("unanswerable", []):
            if gold := item.get("type"):
                typed = classify_question(item["question"]).value
                pairs[(gold, typed)] += 1
                if gold != typed:
                    misses.append(f"{gold} typed {typed}: {item['question']}")
    total = sum(pairs.values())
    agreed = sum(count for (gold, typed), count in pairs.items() if gold == typed)
    print(f"{part}: {agreed} of {total} questions typed as their gold type ({agreed / total:.3f})")
    for (gold, typed), count in pairs.most_common():
        if gold != typed:
            print(f"  {gold} typed {typed}: {count}")
    if listing and part == "dev":
        print("\n".join(sorted(misses)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", "--list" in sys.argv)
