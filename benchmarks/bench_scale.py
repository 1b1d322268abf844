"""Speed and memory at archive scale, beside rank-bm25 and bm25s on the same tokens.

    python benchmarks/bench_scale.py [--sizes 100,2000,10000] [--questions 300] [--json FILE]

For each size, synthetic articles (``benchmarks/generate.py``) are generated once into
``.cache/bench/`` and reused. Each measurement that needs a clean process runs in its own
subprocess, so peak RSS (``VmHWM``) belongs to one thing only:

- product: ``KnowledgeBase`` built from the files (no persisted cache: the constructor has
  none unless given one), ``ask()`` latency over the questions (retrieval plus answer
  composition), and one reload after a file changed, run in a thread while an event loop
  ticks every 10 ms (its worst lateness is the longest the reload held the loop); peak RSS
  covers all three. The build runs as the product runs it: in ``BUILD_WORKERS`` processes
  (default: the CPUs available) for a large folder; their peak RSS is reported apart.
- ours / rank-bm25 / bm25s: the same passage tokens and question tokens (``document_terms``
  and ``parse_query(...).all_terms``), loaded from a JSON file; each engine builds its index and
  scores the questions. rank-bm25 is ``BM25Okapi.get_scores`` (every passage scored); bm25s
  is ``method="robertson"``, the variant closest to Okapi BM25.
- the command line: ``python -m bot ask --json`` reading the questions on stdin (steady
  throughput, from the first answer to the last), and cold starts of ``python -m bot ask``:
  the first after clearing the index cache, then the median of the next runs (which read
  the persisted index when the code keeps one).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import hashlib
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import generate
import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO / ".cache" / "bench"
WARMUP_QUESTIONS = 10
TOP_K = 10
TICK_S = 0.01
BASELINE_SECONDS = 8.0
"""Time allowed to rank-bm25's questions per size; it scores every passage per question."""
RANK_BM25_SECONDS_PER_PASSAGE = 2e-6
"""Rough cost of ``get_scores`` per passage and question, to pick how many questions fit."""
ENGINES = ("ours", "rank-bm25", "bm25s")


# Measurements that run inside a worker subprocess.


def memory_mb(field: str) -> float:
    """``VmHWM`` (peak) or ``VmRSS`` (current) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def latencies_ms(function: Callable[[Any], Any], arguments: Sequence[Any]) -> list[float]:
    samples = []
    for argument in arguments:
        started = time.perf_counter()
        function(argument)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentiles(samples: Sequence[float]) -> dict[str, float]:
    return {
        "p50": float(np.percentile(samples, 50)),
        "p99": float(np.percentile(samples, 99)),
        "n": len(samples),
    }


def product_worker(kb_dir: Path, questions: list[str], tokens_file: Path) -> dict[str, Any]:
    """The product path: build from files, answer, reload; then save the tokens for the engines."""
    import bot.snapshot
    from bot.knowledge_base import KnowledgeBase
    from bot.tokens import document_terms, parse_query

    workers = getattr(bot.snapshot, "default_build_workers", lambda: 1)()
    worker_peaks = WorkerPeaks()
    idle_mb = memory_mb("VmRSS")
    started = time.perf_counter()
    kb = KnowledgeBase(kb_dir)
    build_s = time.perf_counter() - started
    snapshot = kb.snapshot
    for question in questions[:WARMUP_QUESTIONS]:
        kb.ask(question)
    ask = latencies_ms(kb.ask, questions)
    answered = sum(kb.ask(question).answered for question in questions)
    reload = time_reload(kb, kb_dir)
    peak_mb = memory_mb("VmHWM")
    documents = [document_terms(passage.text, snapshot.aliases) for passage in snapshot.passages]
    terms = [parse_query(question, snapshot.aliases).all_terms for question in questions]
    tokens_file.write_text(json.dumps({"documents": documents, "questions": terms}))
    return {
        "articles": len(snapshot.articles),
        "passages": len(snapshot.passages),
        "answered": answered,
        "build_s": build_s,
        "build_workers": workers,
        "idle_mb": idle_mb,
        "peak_mb": peak_mb,
        "worker_peak_mb": max(worker_peaks.peaks, default=None),
        "ask_ms": percentiles(ask),
        **reload,
    }


class WorkerPeaks(logging.Handler):
    """The peak RSS of each build worker, which the build logs: the workers are not this
    process's children (the forkserver's), so neither VmHWM nor RUSAGE_CHILDREN counts them."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.peaks: list[float] = []
        logger = logging.getLogger("bot.build_workers")
        logger.setLevel(logging.DEBUG)
        logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.peaks.extend(getattr(record, "peaks_mb", []))


def time_reload(kb: Any, kb_dir: Path) -> dict[str, Any]:
    """Reload after appending a paragraph to one article; the file is restored afterwards."""
    path = sorted(kb_dir.glob("*.md"))[-1]
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\nA late correction was added to this story today.\n")
        return asyncio.run(reload_watching_the_loop(kb))
    finally:
        path.write_bytes(original)


async def reload_watching_the_loop(kb: Any) -> dict[str, Any]:
    """Reload in a worker thread, as an adapter does, measuring how late a 10 ms ticker wakes."""
    lags: list[float] = []
    reloading = True

    async def tick() -> None:
        while reloading:
            started = time.perf_counter()
            await asyncio.sleep(TICK_S)
            lags.append(time.perf_counter() - started - TICK_S)

    ticker = asyncio.create_task(tick())
    started = time.perf_counter()
    report = await asyncio.to_thread(kb.reload)
    seconds = time.perf_counter() - started
    reloading = False
    await ticker
    return {
        "reload_s": seconds,
        "reload_status": report.status,
        "loop_lag_max_ms": max(lags, default=0.0) * 1000,
    }


def engine_worker(engine: str, tokens_file: Path, question_limit: int) -> dict[str, Any]:
    """One engine on the shared tokens: index build time, index memory, per-question latency."""
    tokens = json.loads(tokens_file.read_text())
    documents, questions = tokens["documents"], tokens["questions"][:question_limit]
    build = engine_builder(engine)
    gc.collect()
    before_mb = memory_mb("VmRSS")
    started = time.perf_counter()
    index, query = build(documents)
    build_s = time.perf_counter() - started
    gc.collect()
    index_mb = memory_mb("VmRSS") - before_mb
    for question in questions[:WARMUP_QUESTIONS]:
        query(question)
    samples = latencies_ms(query, questions)
    result = {
        "build_s": build_s,
        "index_mb": index_mb,
        "peak_mb": memory_mb("VmHWM"),
        "query_ms": percentiles(samples),
    }
    if engine != "ours":
        result["agreement"] = agreement_with_ours(engine, index, documents, questions)
    return result


Engine = tuple[Any, Callable[[list[str]], Any]]


def engine_builder(engine: str) -> Callable[[list[list[str]]], Engine]:
    """A function that indexes documents with ``engine`` and returns the index and its query.

    The engine's modules are imported here, before any timing starts.
    """
    if engine == "ours":
        from bot.index import BM25Index

        def build_ours(documents: list[list[str]]) -> Engine:
            index = BM25Index.build(documents)
            return index, lambda terms: index.top(terms, TOP_K)

        return build_ours
    if engine == "rank-bm25":
        from rank_bm25 import BM25Okapi

        def build_okapi(documents: list[list[str]]) -> Engine:
            index = BM25Okapi(documents)
            return index, index.get_scores

        return build_okapi
    if engine == "bm25s":
        import bm25s

        def build_bm25s(documents: list[list[str]]) -> Engine:
            vocabulary: dict[str, int] = {}
            ids = [[vocabulary.setdefault(t, len(vocabulary)) for t in doc] for doc in documents]
            index = bm25s.BM25(k1=1.5, b=0.75, method="robertson")
            index.index(
                bm25s.tokenization.Tokenized(ids=ids, vocab=vocabulary), show_progress=False
            )
            k = min(TOP_K, len(documents))
            return index, lambda terms: index.retrieve([terms], k=k, show_progress=False)

        return build_bm25s
    raise ValueError(f"unknown engine {engine}")


def agreement_with_ours(
    engine: str, index: Any, documents: list[list[str]], questions: list[list[str]]
) -> dict[str, float]:
    """How far the engine's results are from ours on the measured questions.

    rank-bm25 is the oracle: its scores must equal ours, and so must its top 10 (exactly, and
    as scores, which ignores which of two tied passages fills the last place). bm25s (float32,
    no IDF floor, no ``k1 + 1`` factor) is compared by the share of top-10 passages in common.
    """
    from bot.index import BM25Index

    ours = BM25Index.build(documents)
    if engine == "rank-bm25":
        differences, same_ids, same_scores = [], [], []
        for terms in questions:
            theirs = index.get_scores(terms)
            differences.append(float(np.max(np.abs(ours.scores(terms) - theirs), initial=0.0)))
            mine = ours.top(terms, TOP_K)
            expected = top_of(theirs)
            same_ids.append([pid for pid, _ in mine] == expected)
            same_scores.append(np.allclose([s for _, s in mine], theirs[expected]))
        return {
            "max_score_difference": max(differences),
            "same_top10": float(np.mean(same_ids)),
            "same_top10_scores": float(np.mean(same_scores)),
        }
    k = min(TOP_K, len(documents))
    shared = []
    for terms in questions:
        mine = {pid for pid, _ in ours.top(terms, k)}
        theirs_ids, theirs_scores = index.retrieve([terms], k=k, show_progress=False)
        theirs = {
            int(pid)
            for pid, score in zip(theirs_ids[0], theirs_scores[0], strict=True)
            if score > 0
        }
        shared.append(len(mine & theirs) / max(1, len(mine | theirs)))
    return {"top10_overlap": float(np.mean(shared))}


def top_of(scores: np.ndarray) -> list[int]:
    """Passages with a positive score, best first, ties by passage order (as ``BM25Index.top``)."""
    positive = np.flatnonzero(scores > 0)
    order = np.lexsort((positive, -scores[positive]))
    return [int(pid) for pid in positive[order][:TOP_K]]


# Measurements of the command line, run from the parent.


def bot_command(kb_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bot", "ask", "--kb", str(kb_dir), *args]


def cli_env(index_cache: Path) -> dict[str, str]:
    """The environment of a command-line run: Python may write bytecode, as an installed bot
    has it (pip compiles a package's modules when it installs it; without bytecode every start
    compiles the bot's modules again, a few tenths of a second)."""
    env = {**os.environ, "INDEX_CACHE_DIR": str(index_cache), "PYTHONUNBUFFERED": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def batch_throughput(
    kb_dir: Path, questions: list[str], env: dict[str, str], timeout: float
) -> dict[str, float]:
    """Questions per second of ``ask --json`` on stdin, between its first and last answer."""
    process = subprocess.Popen(
        bot_command(kb_dir, "--json"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        cwd=REPO,
    )
    assert process.stdin and process.stdout

    def feed() -> None:
        assert process.stdin
        process.stdin.write("\n".join(questions) + "\n")
        process.stdin.close()

    started = time.perf_counter()
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    stamps = []
    for line in process.stdout:
        json.loads(line)
        stamps.append(time.perf_counter())
    process.wait(timeout=timeout)
    writer.join(timeout=timeout)
    if process.returncode != 0 or len(stamps) != len(questions):
        raise RuntimeError(f"batch ask answered {len(stamps)}/{len(questions)} questions")
    steady = stamps[-1] - stamps[0]
    return {
        "questions_per_s": (len(stamps) - 1) / steady if steady > 0 else float("inf"),
        "total_s": stamps[-1] - started,
    }


def cold_starts(
    kb_dir: Path, question: str, runs: int, index_cache: Path, timeout: float
) -> dict[str, Any]:
    """Wall time of one-question runs: the first with an empty index cache, then the rest."""
    shutil.rmtree(index_cache, ignore_errors=True)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            bot_command(kb_dir, question),
            check=True,
            capture_output=True,
            env=cli_env(index_cache),
            timeout=timeout,
            cwd=REPO,
        )
        samples.append(time.perf_counter() - started)
    return {
        "first_s": samples[0],
        "next_s": statistics.median(samples[1:]) if len(samples) > 1 else None,
        "runs": runs,
    }


def folder_mb(folder: Path) -> float:
    """Bytes of the files under ``folder`` (the articles, or the index cache), in MB."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


# Orchestration.


def ensure_dataset(cache: Path, size: int, seed: int) -> Path:
    """The generated articles for ``size``, regenerated when missing or from another generator."""
    directory = cache / f"articles-{size}-seed{seed}"
    marker = directory / ".complete"
    stamp = json.dumps(
        {
            "articles": size,
            "seed": seed,
            "generator": hashlib.sha256(Path(generate.__file__).read_bytes()).hexdigest(),
        }
    )
    files = len(list(directory.glob("*.md"))) if directory.exists() else 0
    if marker.exists() and marker.read_text() == stamp and files == size:
        return directory
    shutil.rmtree(directory, ignore_errors=True)
    started = time.perf_counter()
    generate.write_articles(directory, size, seed)
    marker.write_text(stamp)
    log(f"  generated {size} articles in {time.perf_counter() - started:.1f} s")
    return directory


def run_worker(args: list[str], timeout: float) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.splitlines()[-1])


def measure_size(size: int, options: argparse.Namespace) -> dict[str, Any]:
    cache: Path = options.cache
    kb_dir = ensure_dataset(cache, size, options.seed)
    questions = generate.questions(options.seed, size, options.questions)
    questions_file = cache / f"questions-{size}-seed{options.seed}.txt"
    questions_file.write_text("\n".join(questions) + "\n", encoding="utf-8")
    tokens_file = cache / f"tokens-{size}-seed{options.seed}.json"
    timeout = options.timeout
    common = ["--kb-dir", str(kb_dir), "--questions-file", str(questions_file)]
    common += ["--tokens-file", str(tokens_file)]

    log("  product: build, ask, reload")
    result: dict[str, Any] = {"size": size}
    result["product"] = run_worker(["--worker", "product", *common], timeout)
    passages = result["product"]["passages"]
    rank_bm25_questions = max(
        20, int(options.baseline_seconds / (passages * RANK_BM25_SECONDS_PER_PASSAGE))
    )
    limits = {"ours": len(questions), "bm25s": len(questions), "rank-bm25": rank_bm25_questions}
    result["engines"] = {}
    for engine in options.engines.split(","):
        log(f"  engine {engine}")
        result["engines"][engine] = run_worker(
            ["--worker", engine, "--question-limit", str(limits[engine]), *common], timeout
        )
    index_cache = cache / "index-cache"
    log("  command line: cold starts, batch")
    result["cold_start"] = cold_starts(
        kb_dir, questions[0], options.cold_runs, index_cache, timeout
    )
    result["batch"] = batch_throughput(kb_dir, questions, cli_env(index_cache), timeout)
    result["disk"] = {"text_mb": folder_mb(kb_dir), "cache_mb": folder_mb(index_cache)}
    tokens_file.unlink(missing_ok=True)
    return result


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    import bm25s
    import scipy

    return {
        "cpus": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "bm25s": bm25s.__version__,
        "commit": commit or "unknown",
    }


# Report.


def ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None or theirs == 0:
        return "—"
    value = ours / theirs
    return f"{value:.3g}"


def number(value: float | None) -> str:
    """Three significant figures, thousands separated; a dash when there is no figure."""
    if value is None:
        return "—"
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


NOT_RUN: dict[str, Any] = {
    "query_ms": {"p50": None, "p99": None, "n": 0},
    "build_s": None,
    "index_mb": None,
    "peak_mb": None,
}
"""The figures of an engine left out of the run (``--engines``)."""


def engine_figure(engines: dict[str, Any], name: str, key: str) -> float | None:
    return engines.get(name, NOT_RUN)["query_ms"][key]


def summary_table(results: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| articles | passages | build (s) | peak RSS (MB) | ask p50 / p99 (ms) "
        "| ask p50 ÷ rank-bm25 p50 | ask p50 ÷ bm25s p50 | batch CLI (q/s) | reload (s) "
        "| loop lag in reload (ms) | cold start, first / next (s) | cache ÷ text on disk |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        product, engines = result["product"], result["engines"]
        ask = product["ask_ms"]
        lines.append(
            f"| {result['size']:,} | {product['passages']:,} | {number(product['build_s'])} "
            f"| {number(product['peak_mb'])} | {number(ask['p50'])} / {number(ask['p99'])} "
            f"| {ratio(ask['p50'], engine_figure(engines, 'rank-bm25', 'p50'))} "
            f"| {ratio(ask['p50'], engine_figure(engines, 'bm25s', 'p50'))} "
            f"| {number(result['batch']['questions_per_s'])} | {number(product['reload_s'])} "
            f"| {number(product['loop_lag_max_ms'])} "
            f"| {number(result['cold_start']['first_s'])} / "
            f"{number(result['cold_start']['next_s'])} "
            f"| {ratio(result['disk']['cache_mb'], result['disk']['text_mb'])} |"
        )
    return lines


def detail_table(result: dict[str, Any]) -> list[str]:
    product, engines = result["product"], result["engines"]
    ours, okapi, sparse = (engines.get(name, NOT_RUN) for name in ENGINES)

    def row(label: str, mine: float | None, a: float | None, b: float | None) -> str:
        return (
            f"| {label} | {number(mine)} | {number(a)} | {number(b)} "
            f"| {ratio(mine, a)} | {ratio(mine, b)} |"
        )

    def latency_row(label: str, mine: dict[str, float], key: str) -> str:
        return row(
            f"{label} {key} (ms)", mine[key], okapi["query_ms"][key], sparse["query_ms"][key]
        )

    size, passages = result["size"], product["passages"]
    return [
        f"#### {size:,} articles, {passages:,} passages",
        "",
        "| figure | ours | rank-bm25 | bm25s | ours ÷ rank-bm25 | ours ÷ bm25s |",
        "|---|---:|---:|---:|---:|---:|",
        latency_row("ask(), full answer,", product["ask_ms"], "p50"),
        latency_row("ask(), full answer,", product["ask_ms"], "p99"),
        latency_row(f"retrieval only (top {TOP_K}),", ours["query_ms"], "p50"),
        latency_row(f"retrieval only (top {TOP_K}),", ours["query_ms"], "p99"),
        row("index build, same tokens (s)", ours["build_s"], okapi["build_s"], sparse["build_s"]),
        row(
            "index memory, RSS growth (MB)", ours["index_mb"], okapi["index_mb"], sparse["index_mb"]
        ),
        row(
            "peak RSS of the process (MB)", product["peak_mb"], okapi["peak_mb"], sparse["peak_mb"]
        ),
        row("peak RSS of a build worker, max (MB)", product.get("worker_peak_mb"), None, None),
        row("build from the files (s)", product["build_s"], None, None),
        row("batch CLI, steady (questions/s)", result["batch"]["questions_per_s"], None, None),
        row("reload, one file changed (s)", product["reload_s"], None, None),
        row("event-loop lag during reload, max (ms)", product["loop_lag_max_ms"], None, None),
        row("cold start, empty cache (s)", result["cold_start"]["first_s"], None, None),
        row("cold start, next runs, median (s)", result["cold_start"]["next_s"], None, None),
        row("articles on disk (MB)", result["disk"]["text_mb"], None, None),
        row("index cache on disk (MB)", result["disk"]["cache_mb"], None, None),
        "",
        f"Questions: {product['ask_ms']['n']} (answered {product['answered']}). "
        + agreement_text(okapi, sparse)
        + f"Reload status: {product['reload_status']}. "
        f"RSS of the idle interpreter with the bot imported: {number(product['idle_mb'])} MB. "
        f"Build workers: {product.get('build_workers', 1)} (BUILD_WORKERS; a folder under "
        "the threshold is built in the process); the peak RSS of the process is its own.",
    ]


def agreement_text(okapi: dict[str, Any], sparse: dict[str, Any]) -> str:
    text = ""
    if "agreement" in okapi:
        agreement = okapi["agreement"]
        text += (
            f"rank-bm25 timed on {okapi['query_ms']['n']}; parity on those: max score "
            f"difference {agreement['max_score_difference']:.2g}, same top {TOP_K} in "
            f"{agreement['same_top10']:.0%} (same top-{TOP_K} scores in "
            f"{agreement['same_top10_scores']:.0%}). "
        )
    if "agreement" in sparse:
        text += f"bm25s top-{TOP_K} overlap with ours: {sparse['agreement']['top10_overlap']:.0%}. "
    return text


def report(results: list[dict[str, Any]], info: dict[str, str], elapsed: float) -> str:
    lines = [
        f"Machine: {info['cpus']} CPUs ({info['cpu']}), Python {info['python']}, "
        f"numpy {info['numpy']}, scipy {info['scipy']}, bm25s {info['bm25s']} "
        f"(method robertson, numpy backend), commit {info['commit']}. "
        f"Whole run: {elapsed / 60:.1f} min.",
        "",
        *summary_table(results),
        "",
        "Ratios are ours divided by theirs: below 1 means ours is faster or smaller. "
        "Latencies are per question, one at a time; build and reload are single runs.",
    ]
    for result in results:
        lines += ["", *detail_table(result)]
    return "\n".join(lines)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def worker_main(args: argparse.Namespace) -> None:
    questions = args.questions_file.read_text(encoding="utf-8").splitlines()
    if args.worker == "product":
        result = product_worker(args.kb_dir, questions, args.tokens_file)
    else:
        result = engine_worker(args.worker, args.tokens_file, args.question_limit)
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,2000,10000", help="article counts, comma separated")
    parser.add_argument("--questions", type=int, default=300, help="questions per size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts per size (>= 2)")
    parser.add_argument("--baseline-seconds", type=float, default=BASELINE_SECONDS)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--timeout", type=float, default=900, help="seconds per subprocess")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write raw results here")
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        help="engines to compare, comma separated (rank-bm25 needs about 10 GB at 100,000 articles)",
    )
    hidden = argparse.SUPPRESS
    parser.add_argument("--worker", choices=("product", *ENGINES), help=hidden)
    parser.add_argument("--kb-dir", type=Path, help=hidden)
    parser.add_argument("--questions-file", type=Path, help=hidden)
    parser.add_argument("--tokens-file", type=Path, help=hidden)
    parser.add_argument("--question-limit", type=int, default=0, help=hidden)
    args = parser.parse_args(argv)
    if args.worker:
        worker_main(args)
        return 0

    started = time.perf_counter()
    args.cache.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(part) for part in args.sizes.split(",")):
        log(f"{size:,} articles")
        results.append(measure_size(size, args))
    info = machine()
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2))
    print(report(results, info, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
