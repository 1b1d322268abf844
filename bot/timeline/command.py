"""``python -m bot timeline [TOPIC] [--json] [--limit N] [--png FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.control_characters import for_terminal
from bot.timeline.events import Timeline, build_timeline
from bot.timeline.render import timeline_text, to_json

if TYPE_CHECKING:
    from bot.knowledge_base import KnowledgeBase

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def run(
    kb: KnowledgeBase,
    args: argparse.Namespace,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Print the timeline (text or JSON) and write the PNG when ``args.png`` names a file.

    Exit 2 for a bad ``--limit``; 1 when the picture cannot be drawn or written (the
    timeline is printed all the same).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    limit = args.limit
    if limit is not None and limit < 1:
        err.write("error: --limit must be at least 1\n")
        return EXIT_USAGE
    timeline = build_timeline(kb.snapshot, args.topic, limit)
    if args.json:
        out.write(json.dumps(to_json(timeline), ensure_ascii=False, indent=2) + "\n")
    else:
        text = timeline_text(timeline, more_hint=f"Use --limit {timeline.total} to see all.")
        out.write(for_terminal(text) + "\n")
    if args.png is None:
        return EXIT_OK
    return _write_picture(timeline, args.png, err)


def _write_picture(timeline: Timeline, path: Path, err: TextIO) -> int:
    from bot.timeline.picture import PictureUnavailable, draw_png

    try:
        data = draw_png(timeline)
    except PictureUnavailable as error:
        err.write(f"error: {error}\n")
        return EXIT_PROBLEMS
    try:
        path.write_bytes(data)
    except OSError as error:
        err.write(f"error: cannot write {path}: {error.strerror}\n")
        return EXIT_PROBLEMS
    err.write(f"wrote the timeline picture to {path}\n")
    return EXIT_OK
