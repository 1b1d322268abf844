"""Reliability under load and faults: concurrent questions during reloads, a reload giving way to the event loop,
arbitrary questions and file bytes, and reloads that fail halfway."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

import bot.build as build_module
from bot.answer import Answer
from bot.articles import Problem
from bot.knowledge_base import KnowledgeBase, KnowledgeBaseError
from bot.snapshot import ALIASES_FILE, Snapshot
from bot.tokens import document_terms, parse_query
from tests.developer_scripts import load_script

REPO = Path(__file__).resolve().parent.parent
BUNDLED_KB = REPO / "knowledge"
CONCURRENT_QUESTIONS = 1_000
RELOADS = 20
ASK_THREADS = 8
GENERATED_ARTICLES = 40

GLACIER_STATES = (
    "The Orrin glacier moved forty metres north during the spring thaw. "
    "Rangers closed the eastern trail after the ice cracked near the hut.\n\n"
    "The park service said the glacier had never moved so fast in a single season.",
    "The Orrin glacier retreated sixty metres south during the summer heat. "
    "Rangers reopened the eastern trail once the meltwater had drained away.\n\n"
    "Hydrologists warned that the glacier could lose a tenth of its ice by autumn.",
)
QUESTIONS_UNDER_LOAD = (
    "Where did the Orrin glacier move?",
    "What happened to the eastern trail?",
    "What did the park service say about the glacier?",
    "How far did the glacier retreat?",
    "Where did the lava reach?",
    "Who won a second term?",
    "Who scored twice in the cup final?",
    "What is the capital of Australia?",
    "",
    "glacier " * 300,
)


def article_texts(snapshot: Snapshot) -> dict[str, str]:
    return {article_id: article.text for article_id, article in snapshot.articles.items()}


def assert_answer_from(answer: Answer, snapshot_texts: dict[str, str]) -> None:
    """Every quote of ``answer`` is a verbatim slice of its article in the given version."""
    for quote in answer.passages:
        text = snapshot_texts[quote.article.id]
        assert quote.article.text == text
        assert text[quote.passage.start : quote.passage.end] == quote.text
        start, end = quote.highlight
        assert 0 <= start < end <= len(quote.text)


def assert_answer_cites_snapshot(answer: Answer, snapshot: Snapshot) -> None:
    assert answer.version == snapshot.version
    assert answer.answered == bool(answer.passages)
    if not answer.answered:
        assert answer.declined
    for quote in answer.passages:
        assert snapshot.articles[quote.article.id] == quote.article
    assert_answer_from(answer, article_texts(snapshot))


BACKGROUND_ARTICLES = {
    "volcano": (
        "Volcano erupts near the coast",
        "A volcano erupted on Tuesday near the coastal town of Ashford. "
        "Lava reached the harbour by the evening.",
    ),
    "election": (
        "Mayor wins a second term",
        "Mayor Alice Grant won a second term on Sunday with 61 percent of the vote.",
    ),
}


def write_article(directory: Path, slug: str, title: str, body: str) -> None:
    (directory / f"{slug}.md").write_text(
        f"---\ntitle: {title}\npublisher: Gazette\npublished: 2024-10-25\n---\n{body}\n",
        encoding="utf-8",
    )


def write_glacier(directory: Path, state: int) -> None:
    write_article(directory, "glacier", "The Orrin glacier", GLACIER_STATES[state])


# Concurrency: questions in flight while the knowledge base is swapped under them.


async def test_concurrent_questions_during_reloads_each_come_wholly_from_one_version(
    tiny_kb_dir: Path,
):
    write_glacier(tiny_kb_dir, 0)
    kb = KnowledgeBase(tiny_kb_dir)
    texts_by_version = {kb.version: article_texts(kb.snapshot)}
    live_versions = [kb.version]

    loop = asyncio.get_running_loop()
    per_wave = CONCURRENT_QUESTIONS // RELOADS
    answers: list = []

    async def reload_during_a_wave_of_questions(
        round_number: int, pool: ThreadPoolExecutor
    ) -> None:
        """A wave of questions goes out, then the reload starts while they are in flight."""
        wave = asyncio.gather(
            *(
                loop.run_in_executor(
                    pool, kb.ask, QUESTIONS_UNDER_LOAD[i % len(QUESTIONS_UNDER_LOAD)]
                )
                for i in range(per_wave)
            ),
            return_exceptions=True,
        )
        write_glacier(tiny_kb_dir, round_number % 2)
        report = await asyncio.to_thread(kb.reload)
        assert report.status == "reloaded", report.summary()
        snapshot = kb.snapshot
        assert snapshot.version == report.version
        texts = texts_by_version.setdefault(snapshot.version, article_texts(snapshot))
        assert texts == article_texts(snapshot)
        live_versions.append(snapshot.version)
        answers.extend(await wave)

    with ThreadPoolExecutor(max_workers=ASK_THREADS) as pool:
        for round_number in range(1, RELOADS + 1):
            await asyncio.wait_for(
                reload_during_a_wave_of_questions(round_number, pool), timeout=30
            )

    assert len(answers) == per_wave * RELOADS >= 1_000
    errors = [answer for answer in answers if isinstance(answer, BaseException)]
    assert errors == []
    assert len(live_versions) == RELOADS + 1
    for answer in answers:
        assert answer.version in texts_by_version
        assert_answer_from(answer, texts_by_version[answer.version])
    glacier_versions = {
        answer.version
        for answer in answers
        if any(quote.article.id == "glacier" for quote in answer.passages)
    }
    assert glacier_versions == set(texts_by_version), "questions did not overlap the reloads"


# Event loop: a reload runs off the loop and gives way to it after every article. How long the
# loop waits at most is a speed figure, measured by benchmarks/bench_scale.py, not asserted here.


@pytest.fixture
def generated_kb_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "archive"
    load_script("benchmarks/generate.py").write_articles(directory, GENERATED_ARTICLES, seed=11)
    return directory


async def test_a_reload_in_a_thread_gives_way_to_the_event_loop_after_every_article(
    generated_kb_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    kb = KnowledgeBase(generated_kb_dir)
    changed = sorted(generated_kb_dir.glob("*.md"))[0]
    changed.write_text(changed.read_text() + "\nA correction was added today.\n")
    loop_thread = threading.get_ident()
    given_way: list[int] = []
    ticks = 0

    def give_way() -> None:
        given_way.append(threading.get_ident())
        time.sleep(0.001)  # long enough for a waiting thread to take the interpreter

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    monkeypatch.setattr(build_module, "yield_to_other_threads", give_way)
    ticker = asyncio.create_task(tick())
    try:
        report = await asyncio.wait_for(asyncio.to_thread(kb.reload), timeout=60)
    finally:
        ticker.cancel()
    assert report.status == "reloaded" and report.changed == [changed.name]
    assert len(given_way) == GENERATED_ARTICLES
    assert loop_thread not in given_way
    assert ticks >= GENERATED_ARTICLES // 2, "the loop hardly ran while the reload gave way"


# Property-based: arbitrary questions and arbitrary file bytes.


@pytest.fixture(scope="module")
def bundled_kb() -> KnowledgeBase:
    return KnowledgeBase(BUNDLED_KB)


KNOWN_WORDS = sorted(
    {word for path in BUNDLED_KB.glob("*.md") for word in path.read_text("utf-8").split()}
)
"""Words as the bundled articles write them, punctuation attached, so questions hit passages."""
questions = st.one_of(
    st.text(),
    st.lists(st.sampled_from(KNOWN_WORDS), max_size=15).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=900, max_size=1_200),
)


@given(question=questions, k=st.integers(min_value=-2, max_value=8))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(question="\x1b[31mPutin\x00 troops\u202e", k=3)
@example(question="What did Putin say about North Korean troops?", k=0)
def test_any_question_gets_an_answer_that_cites_only_live_articles(
    bundled_kb: KnowledgeBase, question: str, k: int
):
    answer = bundled_kb.ask(question, k=k)
    assert_answer_cites_snapshot(answer, bundled_kb.snapshot)
    assert len(answer.passages) <= max(1, k)
    json.dumps(answer.to_json())


FILE_NAMES = ("fuzz.md", "fuzz.txt", "fuzz.markdown", ALIASES_FILE)
file_bytes = st.one_of(
    st.binary(max_size=3_000),
    st.text().map(str.encode),
    st.builds(
        lambda header, body: f"---\n{header}\n---\n{body}".encode(),
        st.text(max_size=200),
        st.text(max_size=500),
    ),
    st.builds(
        lambda title, body: f"---\ntitle: {title}\n---\n{body}".encode(),
        st.text(max_size=40),
        st.text(max_size=500),
    ),
)


def valid_knowledge(directory: Path) -> None:
    for slug, (title, body) in BACKGROUND_ARTICLES.items():
        write_article(directory, slug, title, body)


def assert_file_used_or_reported(snapshot: Snapshot, name: str, problems: list[Problem]) -> None:
    """Only the fuzzed file may be blamed; an article file is either indexed or reported."""
    reported = [problem.file for problem in problems]
    assert set(reported) <= {name}, reported
    if name != ALIASES_FILE:
        assert (Path(name).stem in snapshot.articles) != (name in reported)


def check_file_is_indexed_or_reported(name: str, data: bytes) -> None:
    """Write ``data`` as ``name`` beside valid articles: reload, then load afresh."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        valid_knowledge(directory)
        kb = KnowledgeBase(directory)
        live = kb.snapshot
        (directory / name).write_bytes(data)

        report = kb.reload()
        if report.status == "refused":
            assert kb.snapshot is live
            assert [problem.file for problem in report.problems] == [name]
        else:
            assert report.ok
            assert_file_used_or_reported(kb.snapshot, name, report.problems)

        fresh = KnowledgeBase(directory)
        assert set(BACKGROUND_ARTICLES) <= set(fresh.snapshot.articles)
        assert_file_used_or_reported(fresh.snapshot, name, fresh.snapshot.problems)
        for question in ("Where did the lava reach?", data.decode("utf-8", "replace")[:200]):
            assert_answer_cites_snapshot(fresh.ask(question), fresh.snapshot)


@given(name=st.sampled_from(FILE_NAMES), data=file_bytes)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(name="fuzz.md", data=b"\xef\xbb\xbf---\ntitle: Fine\n---\nA perfectly good story.")
@example(name="fuzz.txt", data=b"\x89PNG\r\n\x1a\n\x00\x00")
def test_arbitrary_file_bytes_are_indexed_or_reported_never_raised(name: str, data: bytes):
    check_file_is_indexed_or_reported(name, data)


DEEP = b"[" * 600 + b"]" * 600
"""Nesting deeper than Python's recursion limit lets PyYAML's composer go."""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("aliases.yml", b"a: [oops\n", id="aliases-unclosed"),
        pytest.param("aliases.yml", b"- just\n- a list\n", id="aliases-list"),
        pytest.param("aliases.yml", b"? [1, 2]\n: x\n", id="aliases-unhashable-key"),
        pytest.param("aliases.yml", b"a: 5\n", id="aliases-number-variants"),
        pytest.param("aliases.yml", b"a: true\n", id="aliases-boolean-variants"),
        pytest.param("aliases.yml", b"a: " + DEEP, id="aliases-deep-nesting"),
        pytest.param("fuzz.md", b"---\ntitle: [oops\n---\nText.", id="header-unclosed"),
        pytest.param("fuzz.md", b"---\ntitle: t\npublished: 2024-02-30\n---\nText.", id="feb-30"),
        pytest.param("fuzz.md", b"---\ntitle: t\npublished: 2024-13-01\n---\nText.", id="month-13"),
        pytest.param("fuzz.md", b"---\ntitle: " + DEEP + b"\n---\nText.", id="header-deep"),
    ],
)
def test_malformed_yaml_is_reported_never_raised(name: str, data: bytes):
    check_file_is_indexed_or_reported(name, data)


@given(data=file_bytes)
@settings(max_examples=50, deadline=None)
def test_a_lone_file_of_arbitrary_bytes_loads_or_raises_knowledge_base_error(data: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / "only.md").write_bytes(data)
        try:
            kb = KnowledgeBase(directory)
        except KnowledgeBaseError as error:
            assert [problem.file for problem in error.problems] == ["only.md"]
            return
        assert list(kb.snapshot.articles) == ["only"]
        assert_answer_cites_snapshot(kb.ask("What happened?"), kb.snapshot)


# Reloads that fail halfway leave the previous index live and say what failed.


def test_file_removed_between_listing_and_reading_refuses_the_reload(
    tiny_kb_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    kb = KnowledgeBase(tiny_kb_dir)
    live = kb.snapshot
    (tiny_kb_dir / "bridge.md").write_text("---\ntitle: Bridge\n---\nThe bridge reopened.\n")
    victim = tiny_kb_dir / "volcano.md"
    listed = []
    list_directory = os.listdir

    def list_then_remove(path: Path) -> list[str]:
        names = list_directory(path)
        if Path(path) == tiny_kb_dir:
            listed.append(path)
            victim.unlink(missing_ok=True)
        return names

    monkeypatch.setattr(os, "listdir", list_then_remove)
    report = kb.reload()

    assert listed, "the reload did not list the knowledge directory with os.listdir"
    assert report.status == "refused" and not report.ok
    assert [problem.file for problem in report.problems] == ["volcano.md"]
    assert "cannot be read" in report.problems[0].reason
    assert "volcano.md" in report.summary()
    assert kb.snapshot is live and report.version == live.version
    assert kb.ask("Where did the lava reach?").passages[0].article.id == "volcano"


def test_file_unreadable_during_the_build_refuses_the_reload_and_a_later_one_recovers(
    tiny_kb_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    kb = KnowledgeBase(tiny_kb_dir)
    live = kb.snapshot
    write_glacier(tiny_kb_dir, 0)
    victim = tiny_kb_dir / "football.md"
    real_open = Path.open
    reads = []

    def unreadable_victim(path: Path, *args, **kwargs):
        reads.append(path.name)
        if path == victim:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", unreadable_victim)
    report = kb.reload()

    assert "football.md" in reads and len(reads) > 1
    assert report.status == "refused"
    assert [problem.file for problem in report.problems] == ["football.md"]
    assert "cannot be read" in report.problems[0].reason
    assert "Permission denied" in report.problems[0].reason
    assert kb.snapshot is live
    assert kb.ask("Who scored twice in the cup final?").passages[0].article.id == "football"

    monkeypatch.undo()
    recovered = kb.reload()
    assert recovered.status == "reloaded" and recovered.added == ["glacier.md"]
    assert kb.ask("Where did the Orrin glacier move?").passages[0].article.id == "glacier"


def test_rankings_equal_rank_bm25_on_a_generated_archive(generated_kb_dir: Path):
    snapshot = KnowledgeBase(generated_kb_dir).snapshot
    documents = [document_terms(passage.text, snapshot.aliases) for passage in snapshot.passages]
    reference = BM25Okapi(documents)
    generator = load_script("benchmarks/generate.py")
    for question in generator.questions(seed=11, articles_count=GENERATED_ARTICLES, count=25):
        terms = parse_query(question, snapshot.aliases).all_terms
        expected = reference.get_scores(terms)
        assert np.allclose(snapshot.index.scores(terms), expected)
        top = snapshot.index.top(terms, 10)
        best_first = sorted(np.flatnonzero(expected > 0), key=lambda pid: (-expected[pid], pid))
        assert [pid for pid, _ in top] == best_first[:10]
