"""The question path with feedback on and off: recording must not slow an answer down.

    python benchmarks/bench_feedback.py [--kb knowledge] [--rounds 100] [--database-url URL]

Times, per question, what a surface does on the question path: ``ask`` and then recording the
question (and, for every third question, a vote), in three modes measured in the same run,
interleaved round by round so that the machine's noise falls on all of them alike:

- off: feedback switched off (``FEEDBACK_ENABLED=false``), measured twice ("off" and
  "off again"), so the ratio between the two shows the noise of the run;
- on: the recorder as the bot runs it (a queue, written by a background thread);
- inline: the same rows written before returning, i.e. what writing on the path would cost.

Prints the medians and p90 in milliseconds and the ratios against "off", then how long the
writer took to drain what was queued and how many records were lost (none expected).
Default database: a SQLite file in a temporary folder; ``--database-url`` for PostgreSQL.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bundled_questions import QUESTIONS

from bot.feedback import FeedbackRecorder, FeedbackStore
from bot.feedback.questions import asked_question
from bot.feedback.store import Vote
from bot.knowledge_base import KnowledgeBase

QuestionPath = Callable[[int, str], None]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def recorded_path(kb: KnowledgeBase, recorder: FeedbackRecorder) -> QuestionPath:
    def ask(number: int, question: str) -> None:
        answer = kb.ask(question)
        answer_id = f"{answer.version}.{number}"
        recorder.record_question(answer, answer_id=answer_id, platform="bench", channel="c")
        if number % 3 == 0:
            recorder.record_vote(answer_id, platform="bench", user=f"u{number}", up=False)

    return ask


def inline_path(kb: KnowledgeBase, store: FeedbackStore) -> QuestionPath:
    def ask(number: int, question: str) -> None:
        answer = kb.ask(question)
        answer_id = f"{answer.version}.{number}"
        now = datetime.now(UTC)
        store.add_questions(
            [asked_question(answer, answer_id=answer_id, platform="x", channel="c", asked_at=now)]
        )
        if number % 3 == 0:
            store.add_vote(Vote(answer_id, store.voter("bench", f"u{number}"), False, now))

    return ask


def measure(paths: dict[str, QuestionPath], rounds: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {name: [] for name in paths}
    order = list(paths)
    number = 0
    for _ in range(rounds):
        random.shuffle(order)
        for name in order:
            for question in QUESTIONS:
                number += 1
                started = time.perf_counter()
                paths[name](number, question)
                samples[name].append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=Path("knowledge"))
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--database-url", help="default: a SQLite file in a temporary folder")
    args = parser.parse_args()
    random.seed(7)
    kb = KnowledgeBase(args.kb)
    with tempfile.TemporaryDirectory() as folder:
        on_url = args.database_url or f"sqlite:///{Path(folder) / 'on.sqlite3'}"
        inline_url = args.database_url or f"sqlite:///{Path(folder) / 'inline.sqlite3'}"
        recorder = FeedbackRecorder(lambda: FeedbackStore.open(on_url)).start()
        inline_store = FeedbackStore.open(inline_url)
        off = FeedbackRecorder(None)
        paths = {
            "off": recorded_path(kb, off),
            "off again": recorded_path(kb, off),
            "on": recorded_path(kb, recorder),
            "inline": inline_path(kb, inline_store),
        }
        samples = measure(paths, args.rounds)
        started = time.perf_counter()
        drained = recorder.flush(timeout=120)
        drain_ms = (time.perf_counter() - started) * 1000
        print(f"{len(QUESTIONS)} questions x {args.rounds} rounds per mode, database {on_url}")
        print(f"{'mode':10} {'median ms':>10} {'p90 ms':>8} {'median / off':>13}")
        base = statistics.median(samples["off"])
        for name, values in samples.items():
            median = statistics.median(values)
            print(f"{name:10} {median:10.3f} {percentile(values, 0.9):8.3f} {median / base:13.3f}")
        state = recorder.state()
        print(
            f"writer drained the rest in {drain_ms:.0f} ms after the last question "
            f"({'done' if drained else 'NOT done'}); records lost: {state.lost}"
        )
        recorder.close()
        inline_store.close()


if __name__ == "__main__":
    main()
