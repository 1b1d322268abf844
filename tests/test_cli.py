import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.cli import main

REPO = Path(__file__).resolve().parent.parent
BUNDLED_KB = REPO / "knowledge"


def run_cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=env,
    )


def test_ask_json_prints_the_documented_shape(capsys, tiny_kb_dir: Path):
    assert main(["ask", "--json", "--kb", str(tiny_kb_dir), "Who won a second term?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "Who won a second term?"
    assert data["answered"] is True
    article = data["passages"][0]["article"]
    assert article == {
        "id": "election",
        "title": "Mayor wins a second term",
        "publisher": "City Daily",
        "author": "Jane Reporter",
        "published": "2024-10-25",
        "url": "https://example.org/election",
    }


def test_ask_prints_quotes_with_marked_sentence_and_attribution(capsys, tiny_kb_dir: Path):
    main(["ask", "--kb", str(tiny_kb_dir), "-k", "1", "How many residents were evacuated?"])
    out = capsys.readouterr().out
    assert "> " in out
    assert "**Officials evacuated 2,500 residents from the area.**" in out
    assert "— Volcano erupts near the coast — The Coast Herald · Jane Reporter · 2024-10-25" in out
    assert "https://example.org/volcano" in out


def test_ask_reads_one_question_per_line_and_writes_json_lines(tiny_kb_dir: Path):
    result = run_cli(
        "ask", "--json", "--kb", str(tiny_kb_dir), stdin="volcano lava\n\nWho scored twice?\n"
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["answered"] for line in lines] == [True, False, True]
    assert "Please ask a question" in lines[1]["notice"]


def test_kb_falls_back_to_the_knowledge_dir_environment_variable(tiny_kb_dir: Path):
    env = {"KNOWLEDGE_DIR": str(tiny_kb_dir), "PATH": "", "HOME": str(tiny_kb_dir)}
    result = run_cli("sources", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert {a["id"] for a in json.loads(result.stdout)} == {"volcano", "election", "football"}


def test_sources_lists_the_bundled_articles(capsys):
    assert main(["sources", "--kb", str(BUNDLED_KB)]) == 0
    assert capsys.readouterr().out.count("\n- ") == 4


def test_check_passes_on_the_bundled_knowledge_base(capsys):
    assert main(["check", "--kb", str(BUNDLED_KB)]) == 0
    assert "5 articles" in capsys.readouterr().out


def test_check_exits_1_with_one_line_per_problem(capsys, tiny_kb_dir: Path):
    (tiny_kb_dir / "bad.md").write_bytes(b"\x00\x01")
    (tiny_kb_dir / "empty.txt").write_text("")
    assert main(["check", "--kb", str(tiny_kb_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "bad.md: binary file (contains NUL bytes), expected UTF-8 text" in out
    assert "empty.txt: file is empty" in out


def test_check_reports_each_guessed_field(capsys, tmp_path: Path):
    (tmp_path / "raw.txt").write_text("A Headline About Things\n\nBy Ann Writer\n\nText here.")
    assert main(["check", "--kb", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "raw.txt: guessed title: A Headline About Things from the line 'A Headline" in out
    assert "raw.txt: guessed author: Ann Writer from the line 'By Ann Writer'" in out


def test_check_says_which_line_gave_the_date(capsys, tmp_path: Path):
    page = "A Headline About Things\n\n• Sunday, 10 Nov 2024\n\nText here."
    (tmp_path / "raw.txt").write_text(page)
    assert main(["check", "--kb", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "raw.txt: guessed published: 2024-11-10 from the line '• Sunday, 10 Nov 2024'" in out


def test_check_says_why_a_field_was_left_empty(capsys, tmp_path: Path):
    page = "A Headline About Things\n\nPublished: 9 Nov 2024\n\nPublished: 10 Nov 2024\n\nText."
    (tmp_path / "raw.txt").write_text(page)
    assert main(["check", "--kb", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "guessed published" not in out
    assert (
        "raw.txt: published left empty: the line 'Published: 9 Nov 2024' gives 2024-11-09 "
        "but the line 'Published: 10 Nov 2024' gives 2024-11-10"
    ) in out


def test_check_notes_an_unknown_front_matter_key_without_failing(capsys, tmp_path: Path):
    (tmp_path / "a.md").write_text("---\ntitle: A title\nauthr: Ann Writer\n---\nSome text.\n")
    assert main(["check", "--kb", str(tmp_path)]) == 0
    assert "a.md: front matter key `authr` is not an article field and was ignored" in (
        capsys.readouterr().out
    )


def test_check_reports_malformed_aliases_on_one_line(capsys, tiny_kb_dir: Path):
    (tiny_kb_dir / "aliases.yml").write_text("groups: [\n")
    assert main(["check", "--kb", str(tiny_kb_dir)]) == 1
    problems = [line for line in capsys.readouterr().out.splitlines() if "aliases.yml" in line]
    assert problems == [
        "aliases.yml: not usable YAML (line 2): expected the node content, but found '<stream end>'"
    ]


@pytest.mark.parametrize("k", ["0", "-2", "three"])
def test_ask_refuses_a_passage_count_below_one(capsys, tiny_kb_dir: Path, k: str):
    with pytest.raises(SystemExit) as exit_info:
        main(["ask", "--kb", str(tiny_kb_dir), "-k", k, "volcano"])
    assert exit_info.value.code == 2
    assert "argument -k" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot be read (No such file or directory)"),
        ("answerable: [\n", "not valid YAML (line 2)"),
        ("hello\n", "expected a mapping with `answerable:` and `unanswerable:` lists"),
        ("answerable:\n  - question: q\nunanswerable: []\n", "answerable.0.expect: Field required"),
    ],
)
def test_eval_names_an_unusable_questions_file_in_one_line(
    capsys, tmp_path: Path, tiny_kb_dir: Path, content: str | None, reason: str
):
    questions = tmp_path / "questions.yml"
    if content is not None:
        questions.write_text(content)
    assert main(["eval", "--kb", str(tiny_kb_dir), "--questions", str(questions)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {questions}: ") and reason in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("command", "package"), [("discord", "discord"), ("slack", "slack_bolt")])
def test_a_chat_bot_without_its_extra_names_the_install_command(
    monkeypatch, tiny_kb_dir: Path, command: str, package: str
):
    monkeypatch.setitem(sys.modules, package, None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, f"bot.adapters.{command}", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--kb", str(tiny_kb_dir)])
    assert str(exit_info.value).startswith("error: the ")
    assert f"pip install 'newsdesk-bot[{command}]'" in str(exit_info.value)


def test_an_unexpected_failure_is_logged_with_secrets_blanked(
    monkeypatch, capsys, tiny_kb_dir: Path
):
    secret = "xoxb-0000-never-printed-token"
    monkeypatch.setenv("SLACK_BOT_TOKEN", secret)

    def fail(*_: object) -> int:
        raise RuntimeError(f"boom with {secret}")

    monkeypatch.setitem(cli.COMMANDS, "sources", fail)
    assert main(["sources", "--kb", str(tiny_kb_dir)]) == 1
    err = capsys.readouterr().err
    assert "sources failed" in err and "RuntimeError: boom with ***" in err
    assert secret not in err


@pytest.mark.parametrize("setup", ["missing", "empty"])
def test_unusable_knowledge_directory_is_one_clear_line(tmp_path: Path, setup: str):
    directory = tmp_path / "kb"
    if setup == "empty":
        directory.mkdir()
    result = run_cli("ask", "--kb", str(directory), "anything")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_chat_answers_questions_and_commands_until_quit(tiny_kb_dir: Path):
    result = run_cli("chat", "--kb", str(tiny_kb_dir), stdin="Who scored twice?\n/sources\n/quit\n")
    assert result.returncode == 0
    assert "Tom Okafor scored twice" in result.stdout
    assert "- Harbour FC lifts the cup — Sports Weekly" in result.stdout


def test_chat_reload_reports_what_changed(tiny_kb_dir: Path):
    result = run_cli("chat", "--kb", str(tiny_kb_dir), stdin="/reload\n")
    assert "Nothing changed" in result.stdout


def test_ask_does_not_import_chat_platform_libraries(tiny_kb_dir: Path):
    code = (
        "import sys; from bot.cli import main; main(['ask', '--kb', sys.argv[1], 'volcano']);"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('discord', 'slack_bolt', 'slack_sdk')];"
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tiny_kb_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr


START_NEEDS_NONE_OF = (
    "bot.build",
    "bot.build_workers",
    "bot.cleaning",
    "bot.chrome",
    "bot.ingest.html",
    "bot.ingest.text",
    "rapidfuzz",
    "yaml",
    "dateutil",
    "scipy",
    "trafilatura",
)


def test_a_start_from_the_index_cache_imports_and_prepares_only_what_a_question_needs(
    tiny_kb_dir: Path, tmp_path: Path
):
    """What a one-question run with the index cache does not need is never imported (the
    build, the reading rules, the speller's fuzzy matching for a question without an unknown
    word), and the validators of records it does not make are
    not built."""
    code = (
        "import sys; from bot.cli import main; main(['ask', '--kb', sys.argv[1], 'volcano']);"
        "from bot.articles import FrontMatter, Problem; from bot.knowledge_base import ReloadReport;"
        f"loaded = [m for m in {START_NEEDS_NONE_OF!r} if m in sys.modules];"
        "built = [m.__name__ for m in (FrontMatter, Problem, ReloadReport)"
        " if m.__pydantic_complete__];"
        "assert not loaded and not built, (loaded, built)"
    )
    env = {
        **os.environ,
        "INDEX_CACHE": "true",  # the cache is what is tested, whatever the caller's shell says
        "INDEX_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(REPO),
    }
    run = [sys.executable, "-c", code, str(tiny_kb_dir)]
    here = tmp_path  # a folder without a .env
    first = subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=here, env=env)
    assert "bot.build" in first.stderr  # the first run builds the index and fills the cache
    second = subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=here, env=env)
    assert second.returncode == 0, second.stderr


def test_batch_ask_turns_bytes_that_are_not_utf8_into_replacement_characters(tiny_kb_dir: Path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "--kb", str(tiny_kb_dir)],
        input=b"volcano lava\n\xff\xfe eruption\nmayor library\n",
        capture_output=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # strict decoding of stdin
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [line["question"] for line in lines] == [
        "volcano lava",
        "\ufffd\ufffd eruption",
        "mayor library",
    ]


def test_sources_into_a_pipe_closed_early_ends_quietly(tiny_kb_dir: Path, add_article):
    for number in range(300):
        add_article(f"filler-{number}", f"Filler story number {number} about the harbour.")
    env = {**os.environ, "PYTHONPATH": str(REPO), "INDEX_CACHE": "false"}
    pipeline = subprocess.run(
        f"{sys.executable} -m bot sources --kb {tiny_kb_dir} | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert pipeline.stdout.startswith("- ")
    assert "Traceback" not in pipeline.stderr and "BrokenPipe" not in pipeline.stderr
