"""What moved between two runs of ``eval/pooled.py OUT --details`` (dev sets only).

    python eval/compare_outcomes.py BEFORE AFTER

prints each question whose outcome changed, as a gain or a loss: an answerable question found
first (a loss when it no longer is) or a question to decline declined (a loss when answered);
an answerable question that moved within the first three, or from declined to answered
elsewhere, is listed as moved. Then the counts of each.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def outcomes(path: Path) -> dict[tuple[str, str], dict]:
    """Each question's details line, by its set and its text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {(row["set"], row["question"]): row for row in map(json.loads, filter(None, lines))}


def is_right(row: dict) -> bool:
    """Found first, for an answerable question; declined, for one to decline."""
    return row["outcome"] == 1 if row["answerable"] else row["outcome"] == "declined"


def changes(before: dict[tuple[str, str], dict], after: dict[tuple[str, str], dict]) -> list[str]:
    """One line per question whose outcome differs, in the order of ``before``."""
    found = []
    for key, old in before.items():
        new = after.get(key)
        if new is None or new["outcome"] == old["outcome"]:
            continue
        kind = "moved"
        if is_right(old) != is_right(new):
            kind = "gain" if is_right(new) else "loss"
        scope = "answerable" if old["answerable"] else "to decline"
        found.append(f"{kind:5} {scope:10} {old['outcome']} -> {new['outcome']}: {key[1]}")
    return found


def main(before: Path, after: Path) -> None:
    lines = changes(outcomes(before), outcomes(after))
    print("\n".join(lines))
    counts = Counter(line.split()[0] for line in lines)
    print(f"gains {counts['gain']}, losses {counts['loss']}, moved {counts['moved']}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
