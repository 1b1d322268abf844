"""The question path of two versions of the bot on one archive, alternated in one run.

    python benchmarks/generate.py --articles 10000 --out ARCHIVE
    python benchmarks/generate.py --articles 10000 --questions QUESTIONS --count 600
    python benchmarks/bench_ask_before_after.py --before OLD_TREE --after NEW_TREE \\
        --kb ARCHIVE --questions QUESTIONS [--rounds 3]

Each round runs one process per tree (``PYTHONPATH`` set to the tree, its own index cache
folder): it loads the knowledge base from the cache (built in the first round), asks 50
questions to warm up, then times ``KnowledgeBase.ask`` on every question. The trees take
turns, so that a busy machine slows both alike; compare the medians round by round.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMED = (
    "import statistics, sys, time\n"
    "from pathlib import Path\n"
    "from bot.cache import IndexCache\n"
    "from bot.knowledge_base import KnowledgeBase\n"
    "kb = KnowledgeBase(Path(sys.argv[1]), cache=IndexCache(Path(sys.argv[3])))\n"
    "questions = Path(sys.argv[2]).read_text(encoding='utf-8').splitlines()\n"
    "for question in questions[:50]:\n"
    "    kb.ask(question)\n"
    "wall, cpu = [], []\n"
    "for question in questions:\n"
    "    t, c = time.perf_counter(), time.process_time()\n"
    "    kb.ask(question)\n"
    "    wall.append((time.perf_counter() - t) * 1000)\n"
    "    cpu.append((time.process_time() - c) * 1000)\n"
    "print(f'{statistics.median(wall):.3f} {statistics.median(cpu):.3f}')\n"
)


def median_ms(tree: Path, archive: Path, questions: Path, cache: Path, timeout: float) -> str:
    """The median wall and CPU milliseconds per question of one tree, as printed."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", TIMED, str(archive), str(questions), str(cache)],
        env=env,
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--kb", type=Path, required=True, help="the archive (a knowledge folder)")
    parser.add_argument("--questions", type=Path, required=True, help="one question a line")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=3000)
    options = parser.parse_args()
    trees = {"before": options.before.resolve(), "after": options.after.resolve()}
    with tempfile.TemporaryDirectory() as caches:
        print("round  tree    median ms  CPU ms")
        for round_ in range(1, options.rounds + 1):
            for name, tree in trees.items():
                cache = Path(caches) / name
                wall, cpu = median_ms(
                    tree, options.kb.resolve(), options.questions.resolve(), cache, options.timeout
                ).split()
                print(f"{round_:5d}  {name:6}  {wall:>9}  {cpu:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
