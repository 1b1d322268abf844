"""Test parts for replicas: replica processes driven through their stdin and stdout, bounded waits."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REPLICA_SCRIPT = Path(__file__).with_name("replica_process.py")
START_SECONDS = 10.0
REPLY_SECONDS = 30.0


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
