import json
import subprocess
import sys
from pathlib import Path

import pytest

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
    assert "raw.txt: guessed title from the text: A Headline About Things" in out
    assert "raw.txt: guessed author from the text: Ann Writer" in out


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
