"""Fixtures for the replica tests: a real redis-server, skipped only when it is not installed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from replica_harness import REDIS_SERVER, RedisServer, free_port


@pytest.fixture
async def redis_server(tmp_path: Path) -> AsyncIterator[RedisServer]:
    if REDIS_SERVER is None:
        pytest.skip(
            "redis-server is not installed (Debian package redis-server; .ci/run installs it)"
        )
    pytest.importorskip("redis", reason="the redis package is missing: pip install -e '.[test]'")
    server = RedisServer(tmp_path, free_port())
    await server.start()
    yield server
    await server.stop()
