"""A pytest plugin: tests that start a real server or tool, and a summary line of their skips.

Without redis-server or PostgreSQL those tests skip, and a plain ``pytest`` run hides skips
unless asked (``-rs``). This plugin prints one line at the end whenever any of them skipped, so
a run on a machine missing a component does not pass for a complete one.
"""

from __future__ import annotations

import pytest

REAL_COMPONENT_FIXTURES = frozenset({"redis_server", "postgres_cluster", "postgres_url"})
"""Fixtures that start a real server; a test using one is a real-component test."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_component: starts a real server or tool (redis-server, PostgreSQL, hadolint)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_COMPONENT_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_component)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line saying how many real-component tests were skipped, and why, without ``-rs``."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "real_component" in report.keywords
    ]
    if not skipped:
        return
    reasons = sorted({_skip_reason(report) for report in skipped})
    terminalreporter.write_line(
        f"{len(skipped)} real-component tests skipped: {'; '.join(reasons)}",
        yellow=True,
        bold=True,
    )


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)
