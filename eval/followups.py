"""How the desk's follow-up rule reads eval/followups.yml, on its dev and held-out parts.

``python eval/followups.py`` prints, per part, how many follow-ups were read as a person reads
them (right), how many the bot asked about instead of guessing (asked), and how many it read
otherwise (wrong), then each miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bot.desk.followup import Reading, focus_of, read_followup

CASES = Path(__file__).with_name("followups.yml")


def outcome(reading: Reading) -> str:
    if reading.ambiguous:
        return "asks"
    if not reading.rewritten:
        return "alone"
    return "resolves" if reading.pronoun else "carries"


def verdict(case: dict[str, str]) -> tuple[str, Reading]:
    reading = read_followup(case["followup"], focus_of(case["previous"]))
    got = outcome(reading)
    if got == case["reading"] and (got in ("asks", "alone") or case["meant"] in reading.text):
        return "right", reading
    return ("asked" if got == "asks" else "wrong"), reading


def main() -> int:
    parts = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    for part in ("dev", "heldout"):
        counts = {"right": 0, "asked": 0, "wrong": 0}
        misses = []
        for case in parts[part]:
            result, reading = verdict(case)
            counts[result] += 1
            if result != "right":
                misses.append(
                    f"  {result}: {case['previous']} / {case['followup']} -> {reading.text}"
                )
        total = len(parts[part])
        print(
            f"{part}: {counts['right']}/{total} right, {counts['asked']} asked, "
            f"{counts['wrong']} wrong"
        )
        if misses:
            print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
