"""``python -m bot timeline``: text or JSON on stdout, the PNG on request, clear errors."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge_base import KnowledgeBase
from bot.timeline import command
from tests.timeline.conftest import BUNDLED_KB


def run(
    kb: KnowledgeBase,
    topic: str | None = None,
    *,
    as_json: bool = False,
    limit: int = 15,
    png: Path | None = None,
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(topic=topic, json=as_json, limit=limit, png=png)
    code = command.run(kb, args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_the_timeline_as_text(bundled: KnowledgeBase) -> None:
    code, out, err = run(bundled, "BRICS expansion")
    assert code == 0 and err == ""
    assert out.startswith("Timeline: BRICS expansion (")


def test_json_goes_to_stdout_alone_even_with_a_picture(
    bundled: KnowledgeBase, tmp_path: Path
) -> None:
    picture = tmp_path / "timeline.png"
    code, out, err = run(bundled, as_json=True, limit=3, png=picture)
    assert code == 0
    data = json.loads(out)
    assert len(data["events"]) == 3 and data["more"] > 0
    assert picture.read_bytes().startswith(b"\x89PNG")
    assert str(picture) in err


def test_a_limit_below_one_is_a_usage_error(bundled: KnowledgeBase) -> None:
    code, out, err = run(bundled, limit=0)
    assert (code, out) == (2, "")
    assert "--limit must be at least 1" in err


def test_the_text_says_how_to_see_the_events_left_out(bundled: KnowledgeBase) -> None:
    code, out, _ = run(bundled, limit=2)
    assert code == 0
    assert "more events not shown. Use --limit" in out


def test_without_matplotlib_the_timeline_prints_and_png_explains(
    bundled: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    code, out, err = run(bundled, png=tmp_path / "t.png")
    assert code == 1
    assert out.startswith("Timeline (")
    assert "pip install 'newsdesk-bot[picture]'" in err
    assert not (tmp_path / "t.png").exists()


def test_an_unwritable_picture_path_is_reported(bundled: KnowledgeBase, tmp_path: Path) -> None:
    code, _, err = run(bundled, png=tmp_path / "missing" / "t.png")
    assert code == 1
    assert "cannot write" in err


def test_the_command_line_runs_it_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["timeline", "North Korean troops", "--json", "--limit", "2", "--kb", str(BUNDLED_KB)]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["topic"] == "North Korean troops"
    assert len(data["events"]) == 2
