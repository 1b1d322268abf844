"""Every held-out set's aggregate figures, one line each, and nothing per question: all the
rule writer sees of the held-out sets (docs/quality.md).

    python eval/heldout_figures.py [--by-kind] [--by-type] [--only HO3p,HO20p]

runs ``python -m bot eval --json`` on ``eval/heldout*.yml`` (the bundled articles) and on
``eval/pages/heldout*/`` (real pages, with their metadata and furniture figures). With
``--by-kind``, a second line per set gives hit@1, hit@3 and wrongly declined for direct and
paraphrased questions apart, and a third the near-topic and off-topic declines and, for the
pages, each metadata field's share right (still aggregates). ``--only`` measures the sets
named (comma-separated), to see again the ones a change moved. The last lines add the sets
up: every figure over all the questions measured and, with ``--by-type``, the same for each
type of question (the type the set gives a question, else the type the bot reads in it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = ("", "2", "3", "4")
"""The held-out sets on the bundled articles (``eval/heldout{s}.yml``)."""
PAGE_SUFFIXES = tuple(
    sorted(
        (folder.name.removeprefix("heldout") for folder in (ROOT / "eval/pages").glob("heldout*")),
        key=lambda suffix: int(suffix or 1),
    )
)
"""The held-out sets of real pages: every ``eval/pages/heldout{s}/`` folder, in number order."""


def held_out_sets() -> list[tuple[str, list[str]]]:
    """Each held-out set's name and the ``eval`` arguments that measure it."""
    sets = [(f"HO{s or 1}b", ["--questions", f"eval/heldout{s}.yml"]) for s in SUFFIXES]
    for s in PAGE_SUFFIXES:
        folder = f"eval/pages/heldout{s}"
        sets.append((f"HO{s or 1}p", ["--questions", f"{folder}/questions.yml", "--kb", folder]))
    return sets


def summary(name: str, report: dict) -> str:
    bot, reading = report["bot"], report.get("reading")
    line = (
        f"{name:5} hit@1 {bot['hit_at_1']:.3f} hit@3 {bot['hit_at_3']:.3f} "
        f"declined {bot['declined_out_of_scope']:.3f} wrongly {bot['declined_answerable']:.3f} "
        f"({bot['questions']} answerable, {bot['out_of_scope']} to decline)"
    )
    if reading:
        line += (
            f" metadata {reading['fields_right']:.3f} invented {reading['fields_invented']}"
            f" furniture {reading['furniture_quoted']}/{reading['questions_checked']}"
        )
    return line


def by_kind(name: str, report: dict) -> str:
    """Hit@1, hit@3 and wrongly declined for direct and for paraphrased questions."""
    parts = [
        f"{kind} hit@1 {figures['hit_at_1']:.3f} hit@3 {figures['hit_at_3']:.3f} "
        f"wrongly {figures['declined_answerable']:.3f} ({figures['questions']})"
        for kind, figures in sorted(report["bot_by_kind"].items())
    ]
    return f"{name:5} " + " | ".join(parts)


def by_scope_and_field(name: str, report: dict) -> str:
    """Declined by scope (near-topic, off-topic) and, for pages, each metadata field right."""
    scopes = " ".join(
        f"{scope} {share:.3f}" for scope, share in sorted(report["bot_declined_by_scope"].items())
    )
    reading = report.get("reading")
    fields = (
        " | " + " ".join(f"{f} {share:.3f}" for f, share in reading["right_by_field"].items())
        if reading
        else ""
    )
    return f"{name:5} declined {scopes}{fields}"


class Totals:
    """Counts added up over the sets: how many questions, hits at 1 and 3, declines."""

    def __init__(self) -> None:
        self.counts: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def add(self, label: str, figures: dict) -> None:
        answerable, to_decline = figures["questions"], figures["out_of_scope"]
        counts = self.counts[label]
        counts["answerable"] += answerable
        counts["to_decline"] += to_decline
        for field in ("hit_at_1", "hit_at_3", "declined_answerable"):
            counts[field] += round(figures[field] * answerable)
        counts["declined_out_of_scope"] += round(figures["declined_out_of_scope"] * to_decline)

    def lines(self) -> list[str]:
        return [f"{label:9} {_shares(counts)}" for label, counts in self.counts.items()]


def _shares(counts: Counter[str]) -> str:
    answerable, to_decline = max(counts["answerable"], 1), max(counts["to_decline"], 1)
    return (
        f"hit@1 {counts['hit_at_1'] / answerable:.3f} hit@3 {counts['hit_at_3'] / answerable:.3f} "
        f"declined {counts['declined_out_of_scope'] / to_decline:.3f} "
        f"wrongly {counts['declined_answerable'] / answerable:.3f} "
        f"({counts['answerable']} answerable, {counts['to_decline']} to decline)"
    )


def _this_checkout_first() -> str:
    """``PYTHONPATH`` with this checkout first: the build's worker processes import ``bot``
    afresh, and would otherwise take the installed one (another worktree's, when the
    package is installed in editable mode from there)."""
    return os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def main(kinds: bool = False, types: bool = False, only: frozenset[str] = frozenset()) -> None:
    totals = Totals()
    environment = {**os.environ, "INDEX_CACHE": "false", "PYTHONPATH": _this_checkout_first()}
    for name, arguments in held_out_sets():
        if only and name not in only:
            continue
        run = subprocess.run(
            [sys.executable, "-m", "bot", "eval", "--json", *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        report = json.loads(run.stdout)
        print(summary(name, report), flush=True)
        if kinds:
            print(by_kind(name, report), flush=True)
            print(by_scope_and_field(name, report), flush=True)
        totals.add("all", report["bot"])
        if types:
            for question_type, figures in sorted(report["bot_by_type"].items()):
                totals.add(question_type, figures)
    print("\n".join(totals.lines()))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    named = arguments[arguments.index("--only") + 1] if "--only" in arguments else ""
    main(
        kinds="--by-kind" in arguments,
        types="--by-type" in arguments,
        only=frozenset(filter(None, named.split(","))),
    )
