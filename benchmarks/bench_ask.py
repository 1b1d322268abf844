"""Speed of ``ask`` on the bundled knowledge base: in-process latency and cold start.

    python benchmarks/bench_ask.py [--kb knowledge] [--rounds 200]

Prints medians (and p90) of in-process ``KnowledgeBase.ask`` over a fixed set of questions,
beside rank-bm25's ``get_scores`` on the same passages and terms (the baseline, measured in
the same run), and the wall time of ``python -m bot ask`` from a cold start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bundled_questions import QUESTIONS
from rank_bm25 import BM25Okapi

from bot.knowledge_base import KnowledgeBase
from bot.tokens import document_terms, parse_query


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def time_calls(function, arguments: list, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for argument in arguments:
            started = time.perf_counter()
            function(argument)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def cold_start(kb_dir: Path, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--kb", str(kb_dir), QUESTIONS[0]],
            check=True,
            capture_output=True,
        )
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=Path("knowledge"))
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()

    kb = KnowledgeBase(args.kb)
    snapshot = kb.snapshot
    reference = BM25Okapi([document_terms(p.text, snapshot.aliases) for p in snapshot.passages])
    query_tokens = [parse_query(q, snapshot.aliases).all_terms for q in QUESTIONS]

    ours = time_calls(kb.ask, QUESTIONS, args.rounds)
    baseline = time_calls(reference.get_scores, query_tokens, args.rounds)
    starts = cold_start(args.kb, args.cold_runs)

    print(f"{len(snapshot.articles)} articles, {len(snapshot.passages)} passages")
    print(
        f"ask() in process:          p50 {statistics.median(ours):.3f} ms, p90 {percentile(ours, 0.9):.3f} ms"
    )
    print(
        f"rank-bm25 get_scores only: p50 {statistics.median(baseline):.3f} ms "
        f"(ask/baseline = {statistics.median(ours) / statistics.median(baseline):.2f}x)"
    )
    if starts:  # --cold-runs 0 times the in-process calls only
        print(
            f"cold start `python -m bot ask`: median {statistics.median(starts):.2f} s "
            f"over {len(starts)} runs"
        )


if __name__ == "__main__":
    main()
