"""The moderator's ``/reload`` report, the same words on every platform (plain text)."""

from __future__ import annotations

from bot.ops.replicas import ClusterReport


def reload_report_text(report: ClusterReport) -> str:
    """The report of a reload, always with the line saying which replicas it reached.

    ``ClusterReport.summary`` has that line when the reload went out through Redis, and a note
    when Redis could not be reached; a single process (no ``REDIS_URL``) says so here, so the
    moderator never has to wonder whether other replicas exist.
    """
    summary = report.summary()
    if report.broadcast or report.note:
        return summary
    return (
        f"{summary}\nReplicas: 1 of 1 on version {report.local.version} "
        "(a single process: REDIS_URL is not set)."
    )
