"""Two versions of the bot on one archive, alternated in one run: cold starts, builds and,
given questions, the question path.

    python benchmarks/bench_before_after.py --before OLD_TREE --after NEW_TREE --kb ARCHIVE \
        [--questions QUESTIONS --rounds 3]

Each tree is a checkout of the repository (``git worktree add`` or ``git archive``). The two
are run one after the other, in turns, so that a busy machine slows both alike: compare the
ratios. A cold start is ``python -m bot ask`` with the index cache present (each tree has its
own cache folder, filled first); a build is ``KnowledgeBase(archive)`` without a cache. With
``--questions`` (one a line, e.g. from ``generate.py --questions``), each round runs one
process per tree that loads the index from its cache, asks 50 questions to warm up, then
times ``KnowledgeBase.ask`` on every question: compare the medians round by round.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "What did the minister say about the harbour?"
FLOORS = {
    "import numpy": "import numpy",
    "numpy + pydantic": "import numpy; from pydantic import BaseModel",
    "numpy + settings": "import numpy, pydantic_settings",
}
"""What any start of the bot costs before its own code runs: the interpreter and the two
libraries a start cannot do without (the arrays are numpy's, the settings and answers are
pydantic models). Until 2026-12-02 the settings were pydantic-settings', which a start no
longer imports; its floor stays for comparison with the figures before. Timed in the same
turns as the starts (``--floors``)."""
BUILD = (
    "import logging, sys, time\n"
    "from pathlib import Path\n"
    "from bot.knowledge_base import KnowledgeBase\n"
    "workers = []\n"
    "class Seen(logging.Handler):\n"
    "    def emit(self, record):\n"
    "        found = record.__dict__\n"
    "        workers.extend(zip(found.get('cpu_s', []), found.get('peaks_mb', [])))\n"
    "logger = logging.getLogger('bot.build_workers')\n"
    "logger.setLevel(logging.DEBUG); logger.addHandler(Seen())\n"
    "t = time.perf_counter(); c = time.process_time(); KnowledgeBase(Path(sys.argv[1]))\n"
    "peak = [int(l.split()[1]) // 1024 for l in open('/proc/self/status')"
    " if l.startswith('VmHWM')][0]\n"
    "cpu = time.process_time() - c + sum(w[0] for w in workers)\n"
    "print(time.perf_counter() - t, cpu, peak, max((w[1] for w in workers), default=0))\n"
)
"""A build without the cache, as the product runs it (``BUILD_WORKERS`` processes for a large
folder): wall time, CPU time of the process and of its build workers (which the forkserver
starts, so they are not this process's children), the process's peak RSS and the largest of
the workers' (0: no workers)."""

ASK = (
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
    "print(statistics.median(wall), statistics.median(cpu))\n"
)


def run(tree: Path, cache: Path, args: list[str], timeout: float) -> tuple[float, float, str]:
    """Wall time, CPU time (user + system) and output of one run of ``python args`` in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "INDEX_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed bot has its bytecode
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], env=env, cwd=tree, capture_output=True, text=True, timeout=timeout
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def time_questions(
    trees: dict[str, Path], caches: dict[str, Path], options: argparse.Namespace
) -> None:
    """Median ms per question of each tree, round by round (the caches are filled already)."""
    print("round  tree    median ms  CPU ms")
    for round_ in range(1, options.rounds + 1):
        for name, tree in trees.items():
            args = ["-c", ASK, str(options.kb), str(options.questions.resolve()), str(caches[name])]
            wall, cpu = map(float, run(tree, caches[name], args, options.timeout)[2].split())
            print(f"{round_:5d}  {name:6}  {wall:9.3f}  {cpu:6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--kb", type=Path, required=True, help="the archive (a knowledge folder)")
    parser.add_argument("--starts", type=int, default=7, help="cold starts per tree")
    parser.add_argument("--builds", type=int, default=2, help="builds per tree")
    parser.add_argument("--questions", type=Path, help="also time these questions, one a line")
    parser.add_argument("--rounds", type=int, default=3, help="question rounds per tree")
    parser.add_argument("--timeout", type=float, default=3000)
    parser.add_argument(
        "--floors", action="store_true", help="also time the imports a start cannot avoid"
    )
    options = parser.parse_args()
    trees = {"before": options.before, "after": options.after}
    ask = ["-m", "bot", "ask", "--kb", str(options.kb), QUESTION]
    with tempfile.TemporaryDirectory() as scratch:
        caches = {name: Path(scratch) / name for name in trees}
        for name, tree in trees.items():
            run(tree, caches[name], ask, options.timeout)  # fills the cache
        starts: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
        floors: dict[str, list[tuple[float, float]]] = {
            name: [] for name in (FLOORS if options.floors else ())
        }
        for _ in range(options.starts):
            for name, tree in trees.items():
                starts[name].append(run(tree, caches[name], ask, options.timeout)[:2])
            for name in floors:
                floors[name].append(
                    run(trees["after"], caches["after"], ["-c", FLOORS[name]], 60)[:2]
                )
        if options.questions:
            time_questions(trees, caches, options)
        builds: dict[str, list[list[float]]] = {name: [] for name in trees}
        for _ in range(options.builds):
            for name, tree in trees.items():
                output = run(tree, caches[name], ["-c", BUILD, str(options.kb)], options.timeout)[2]
                builds[name].append([float(value) for value in output.split()])
    for name in trees:
        if not starts[name]:
            continue  # --starts 0: the questions (and builds) only
        walls, cpus = zip(*starts[name], strict=True)
        print(
            f"cold start with the cache, {name}: median {statistics.median(walls):.2f} s wall, "
            f"{statistics.median(cpus):.2f} s CPU ({len(walls)} runs)"
        )
    for floor, samples in floors.items():
        wall, cpu = (statistics.median(sample[i] for sample in samples) for i in (0, 1))
        print(
            f"floor, python -c '{FLOORS[floor]}': median {wall:.2f} s wall, {cpu:.2f} s CPU; "
            "cold start ÷ floor: "
            + ", ".join(
                f"{name} {statistics.median(w for w, _ in starts[name]) / wall:.2f} wall, "
                f"{statistics.median(c for _, c in starts[name]) / cpu:.2f} CPU"
                for name in trees
            )
        )
    for name in trees:
        figures = builds[name]
        if not figures:
            continue
        print(
            f"build, {name}: wall {[round(f[0], 1) for f in figures]} s, "
            f"CPU {[round(f[1], 1) for f in figures]} s (workers included), "
            f"peak RSS {[int(f[2]) for f in figures]} MB"
            + (
                f", build workers' {[int(f[3]) for f in figures]} MB"
                if any(f[3:] for f in figures)
                else ""
            )
        )

    def ratio(figures: dict[str, list], index: int) -> float:
        medians = {name: statistics.median(f[index] for f in figures[name]) for name in trees}
        return medians["after"] / medians["before"]

    ratios = []
    if options.starts:
        ratios.append(f"cold start {ratio(starts, 0):.2f} wall, {ratio(starts, 1):.2f} CPU")
    if options.builds:
        ratios.append(
            f"build {ratio(builds, 0):.2f} wall, {ratio(builds, 1):.2f} CPU, "
            f"peak RSS {ratio(builds, 2):.2f}"
        )
    if ratios:
        print("after ÷ before: " + "; ".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
