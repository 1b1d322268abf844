"""The README's quick start is what CI runs, word for word."""

from __future__ import annotations

import re

from tests.conftest import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_the_readmes_test_command_word_for_word():
    [_, test_command] = quick_start_commands()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci


def test_both_quick_start_commands_make_and_enter_a_virtual_environment_first():
    for command in quick_start_commands():
        assert command.startswith(
            "python3 -m venv .venv && . .venv/bin/activate && pip install -e "
        )
