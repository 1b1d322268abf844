"""Test parts for replicas: a real redis-server on 127.0.0.1, replica processes, bounded waits."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REDIS_SERVER = shutil.which("redis-server")
REPLICA_SCRIPT = Path(__file__).with_name("replica_process.py")
START_SECONDS = 10.0
REPLY_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """One redis-server process without persistence; can be stopped and started again."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.process: asyncio.subprocess.Process | None = None
        self._drain_task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        assert REDIS_SERVER is not None
        self.process = await asyncio.create_subprocess_exec(
            REDIS_SERVER,
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.directory),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        await asyncio.wait_for(self._ready(), START_SECONDS)

    async def _ready(self) -> None:
        """Reads the server's log until it accepts connections (it says so once listening)."""
        assert self.process is not None and self.process.stdout is not None
        log = []
        while line := await self.process.stdout.readline():
            log.append(line.decode(errors="replace"))
            if "Ready to accept connections" in log[-1]:
                self._drain_task = asyncio.create_task(self._drain())
                return
        raise RuntimeError("redis-server exited:\n" + "".join(log))

    async def _drain(self) -> None:
        """Keeps reading the log, so a chatty server never blocks on a full pipe."""
        assert self.process is not None and self.process.stdout is not None
        while await self.process.stdout.readline():
            pass

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), START_SECONDS)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        if self._drain_task is not None:
            await asyncio.wait_for(self._drain_task, START_SECONDS)


async def eventually(condition: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    """Waits until ``condition()`` holds, checking every 50 ms; TimeoutError after ``seconds``."""

    async def poll() -> None:
        while not await condition():
            await asyncio.sleep(0.05)

    await asyncio.wait_for(poll(), seconds)


class ReplicaProcess:
    """``replica_process.py`` in its own Python process, driven through its stdin and stdout."""

    def __init__(self, knowledge_dir: Path, redis_url: str, replica_id: str, log: Path) -> None:
        self.args = [str(knowledge_dir), redis_url, replica_id]
        self.log = log
        self.process: asyncio.subprocess.Process | None = None
        self.health_port = 0

    async def start(self) -> None:
        with self.log.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                str(REPLICA_SCRIPT),
                *self.args,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log,
            )
        self.health_port = (await self._read())["port"]

    async def command(self, line: str) -> dict[str, Any]:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(f"{line}\n".encode())
        await self.process.stdin.drain()
        return await self._read()

    async def _read(self) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), REPLY_SECONDS)
        if not line:
            raise RuntimeError(f"replica exited; its log:\n{self.log.read_text()}")
        return json.loads(line)

    async def stop(self) -> None:
        """Closes stdin (the replica leaves cleanly), killing it if it does not exit in time."""
        if self.process is None or self.process.returncode is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), START_SECONDS)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
