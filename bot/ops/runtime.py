"""The ops parts one adapter process runs beside its chat connection, built and held together.

An adapter receives one ``Operations``: it starts it, flips ``chat_connected`` as its connection
comes and goes, and calls ``reload`` and ``status`` for the moderator commands. The reload
reaches the other replicas when a Redis URL is configured, and every reload (asked here or on
another replica) is recorded for ``/status``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.knowledge_base import KnowledgeBase, ReloadReport
from bot.ops.health import HealthServer, Readiness
from bot.ops.replicas import ClusterReport, ReloadBroadcaster, ReloadRequest
from bot.ops.status import StatusTracker, status_text

if TYPE_CHECKING:
    from bot.feedback import FeedbackRecorder


@dataclass
class Operations:
    kb: KnowledgeBase
    platform: str
    tracker: StatusTracker
    readiness: Readiness
    broadcaster: ReloadBroadcaster
    health: HealthServer | None = None
    feedback: FeedbackRecorder | None = None

    @classmethod
    def build(
        cls,
        kb: KnowledgeBase,
        *,
        platform: str,
        redis_url: str | None = None,
        replica_id: str | None = None,
        namespace: str = "newsdesk",
        health_host: str = "0.0.0.0",
        health_port: int | None = None,
        feedback: FeedbackRecorder | None = None,
    ) -> Operations:
        """Everything wired; ``health_port=None`` serves no health endpoint of its own."""
        tracker = StatusTracker()

        def on_remote_reload(request: ReloadRequest, report: ReloadReport) -> None:
            _record_remote(tracker, request, report)
            _restart_counts(feedback, report.ok)

        broadcaster = ReloadBroadcaster(
            redis_url, kb, replica_id, namespace=namespace, on_remote_reload=on_remote_reload
        )
        readiness = Readiness(
            kb,
            details=lambda: {
                "platform": platform,
                "replica": broadcaster.replica_id,
                "redis": broadcaster.redis_state,
            },
        )
        health = (
            HealthServer(health_host, health_port, readiness) if health_port is not None else None
        )
        return cls(kb, platform, tracker, readiness, broadcaster, health, feedback)

    @property
    def chat_connected(self) -> bool:
        return self.readiness.chat_connected

    @chat_connected.setter
    def chat_connected(self, connected: bool) -> None:
        self.readiness.chat_connected = connected

    async def start(self) -> None:
        if self.health is not None:
            await self.health.start()
        await self.broadcaster.start()

    async def stop(self) -> None:
        await self.broadcaster.stop()
        if self.health is not None:
            await self.health.stop()
        if self.feedback is not None:
            await asyncio.to_thread(self.feedback.close)

    async def __aenter__(self) -> Operations:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def reload(self, requested_by: str) -> ClusterReport:
        """A moderator's reload, on every replica; its summary is the moderator's report."""
        report = await self.broadcaster.request_reload(requested_by, self.platform)
        self.tracker.record_reload(
            by=requested_by, platform=self.platform, ok=report.ok, summary=report.summary()
        )
        _restart_counts(self.feedback, report.ok)
        return report

    def status(self) -> str:
        return status_text(self.kb, self.tracker, self.feedback)


def _record_remote(tracker: StatusTracker, request: ReloadRequest, report: ReloadReport) -> None:
    tracker.record_reload(
        by=f"{request.requested_by} (via {request.origin})",
        platform=request.platform,
        ok=report.ok,
        summary=report.summary(),
    )


def _restart_counts(feedback: FeedbackRecorder | None, reloaded: bool) -> None:
    """/status counts questions and votes since the last reload."""
    if feedback is not None and reloaded:
        feedback.reset_counts()
