"""One bot replica as its own process, for the replica tests: no chat, but the real ops parts.

    python replica_process.py KNOWLEDGE_DIR REDIS_URL REPLICA_ID

It loads the knowledge base, joins the replicas through Redis, serves /healthz and /readyz on a
free port of 127.0.0.1, prints ``{"port": N}`` once all that is up, then answers one command per
stdin line with one JSON line: ``reload WHO`` (a cluster reload) or ``ask QUESTION``. It stops
when stdin closes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys

from bot.knowledge_base import KnowledgeBase
from bot.ops.health import HealthServer, Readiness
from bot.ops.replicas import ReloadBroadcaster


async def serve(knowledge_dir: str, redis_url: str, replica_id: str) -> None:
    kb = KnowledgeBase(knowledge_dir)
    broadcaster = ReloadBroadcaster(redis_url, kb, replica_id, heartbeat_seconds=0.5)
    readiness = Readiness(
        kb,
        chat_connected=True,
        details=lambda: {"replica": replica_id, "redis": broadcaster.redis_state},
    )
    async with broadcaster, HealthServer("127.0.0.1", 0, readiness) as health:
        say({"port": health.port})
        while line := await asyncio.to_thread(sys.stdin.readline):
            command, _, argument = line.strip().partition(" ")
            say(await run(command, argument, kb, broadcaster))


async def run(command: str, argument: str, kb: KnowledgeBase, broadcaster: ReloadBroadcaster):
    if command == "reload":
        report = await broadcaster.request_reload(argument, platform="test")
        return {**report.model_dump(mode="json"), "summary": report.summary()}
    if command == "ask":
        answer = await asyncio.to_thread(kb.ask, argument)
        return {"answered": answer.answered, "version": answer.version}
    return {"error": f"unknown command {command!r}"}


def say(message: dict) -> None:
    print(json.dumps(message), flush=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    asyncio.run(serve(*sys.argv[1:4]))
