"""An asyncio event loop on its own thread, for the async ops parts beside a synchronous adapter.

Slack's Bolt runs listeners on threads; the health server and the reload broadcaster are
asyncio. A ``BackgroundLoop`` hosts them, and a Bolt listener calls ``run`` to wait for one
coroutine's result (e.g. ``request_reload``) from its own thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class BackgroundLoop:
    def __init__(self, name: str = "ops-loop") -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 5.0) -> None:
        """Starts the loop's thread and returns once the loop runs."""
        if self._thread is not None:
            return
        loop = asyncio.new_event_loop()
        running = threading.Event()
        loop.call_soon(running.set)
        self._thread = threading.Thread(target=loop.run_forever, name=self.name, daemon=True)
        self._loop = loop
        self._thread.start()
        if not running.wait(timeout):
            raise RuntimeError("the background loop did not start")

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Runs ``coroutine`` on the loop and waits for its result (or raises its error).

        On ``timeout`` the coroutine is cancelled and ``TimeoutError`` raised.
        """
        if self._loop is None or not self._loop.is_running():
            coroutine.close()
            raise RuntimeError("the background loop is not running")
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def stop(self, timeout: float = 5.0) -> None:
        """Stops the loop after cancelling what still runs on it, and joins its thread."""
        if self._loop is None or self._thread is None:
            return
        loop, thread = self._loop, self._thread
        if loop.is_running():
            asyncio.run_coroutine_threadsafe(_cancel_others(), loop).result(timeout)
            loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        loop.close()
        self._loop, self._thread = None, None

    def __enter__(self) -> BackgroundLoop:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


async def _cancel_others() -> None:
    current = asyncio.current_task()
    tasks = [task for task in asyncio.all_tasks() if task is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
