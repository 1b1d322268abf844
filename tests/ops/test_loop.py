"""The background loop that hosts the async ops parts beside Slack's threaded Bolt listeners."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from bot.ops.loop import BackgroundLoop


@pytest.fixture
def loop() -> Iterator[BackgroundLoop]:
    with BackgroundLoop() as running:
        yield running


async def where_am_i() -> str:
    await asyncio.sleep(0)
    return threading.current_thread().name


def test_a_coroutine_runs_on_the_loops_thread_and_returns_its_result(loop: BackgroundLoop):
    assert loop.run(where_am_i(), timeout=5) == "ops-loop"


def test_a_coroutines_error_reaches_the_caller(loop: BackgroundLoop):
    async def fail() -> None:
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        loop.run(fail(), timeout=5)


def test_a_coroutine_past_its_timeout_is_cancelled(loop: BackgroundLoop):
    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with pytest.raises(TimeoutError):
        loop.run(forever(), timeout=0.1)
    assert cancelled.wait(5)


def test_many_threads_can_share_one_loop(loop: BackgroundLoop):
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(loop.run(where_am_i(), timeout=5)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert results == ["ops-loop"] * 8


def test_stopping_cancels_background_tasks_and_ends_the_thread():
    background = BackgroundLoop(name="short-lived")
    background.start()
    cancelled = threading.Event()

    async def spawn() -> None:
        async def linger() -> None:
            try:
                await asyncio.Event().wait()
            finally:
                cancelled.set()

        asyncio.get_running_loop().create_task(linger())

    background.run(spawn(), timeout=5)
    background.stop()
    assert cancelled.is_set()
    assert "short-lived" not in {thread.name for thread in threading.enumerate()}
    with pytest.raises(RuntimeError, match="not running"):
        background.run(where_am_i())
