"""The timeline as a PNG: one row per event down a date axis, readable in a chat preview.

matplotlib is an optional extra: it is imported when a picture is drawn, and its absence
raises ``PictureUnavailable`` with the command that installs it. Drawing uses the Agg canvas
directly (no pyplot), so it keeps no global state and is safe from a worker thread.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from bot.render import truncate
from bot.timeline.dates import Precision, When
from bot.timeline.events import Timeline, TimelineEvent
from bot.timeline.render import (
    EXPECTED_MARK,
    empty_message,
    heading,
    inference_note,
    more_note,
    source_name,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'newsdesk-bot[picture]'"
WIDTH_INCHES = 12.0
ROW_INCHES = 1.05
HEADER_INCHES = 1.2
DPI = 100
SOURCES_CHARS = 80
MIN_SOURCES_CHARS = 24
INK, MUTED, ACCENT = "#1f2328", "#59636e", "#0969da"


class PictureUnavailable(RuntimeError):
    """matplotlib is not installed; the message says how to install it."""


def draw_png(timeline: Timeline) -> bytes:
    """PNG bytes of ``timeline``: 1200 px wide, about 105 px per event."""
    figure = draw_figure(timeline)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def announce_first_font_scan() -> bool:
    """Say so when matplotlib is about to build its font cache, which can take seconds, once.

    Without a word the first picture looks like a hang. True when the cache was missing.
    """
    import matplotlib

    if any(Path(matplotlib.get_cachedir()).glob("fontlist-*.json")):
        return False
    log.info(
        "first picture: matplotlib is building its font cache (once; it can take a few seconds)"
    )
    return True


def draw_figure(timeline: Timeline) -> Figure:
    """The matplotlib figure of ``timeline``, on an Agg canvas.

    Fonts are large (17 pt labels) so that the picture still reads when a chat client shows
    it at half size; each label says who did what and when, cut from the sentence
    (``bot.timeline.labels``).
    """
    try:
        announce_first_font_scan()
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as error:
        raise PictureUnavailable(
            f"drawing the timeline needs matplotlib: {INSTALL_HINT}"
        ) from error
    rows = max(1, len(timeline.events))
    figure = Figure(
        figsize=(WIDTH_INCHES, HEADER_INCHES + ROW_INCHES * rows), dpi=DPI, facecolor="white"
    )
    FigureCanvasAgg(figure)
    top = 1 - HEADER_INCHES / (HEADER_INCHES + ROW_INCHES * rows)
    axes = figure.add_axes((0.17, 0.02, 0.81, top - 0.04))
    _title(figure, timeline)
    if timeline.events:
        _draw_events(axes, timeline.events)
    else:
        axes.set_axis_off()
        axes.text(0.0, 0.5, empty_message(timeline), fontsize=18, color=MUTED, va="center")
    return figure


def _title(figure: Figure, timeline: Timeline) -> None:
    figure.text(0.02, 1 - 0.35 / figure.get_figheight(), heading(timeline), fontsize=24,
                fontweight="bold", color=INK, va="top")  # fmt: skip
    sources = len({article.id for event in timeline.events for article in event.articles})
    note = more_note(timeline) or ""
    detail = f"from {sources} article{'s' if sources != 1 else ''}. {note}".strip()
    figure.text(0.02, 1 - 0.82 / figure.get_figheight(), detail, fontsize=16, color=MUTED,
                va="top")  # fmt: skip


def _draw_events(axes: Axes, events: tuple[TimelineEvent, ...]) -> None:
    """Events top to bottom in date order; the dates are the y axis's tick labels."""
    count = len(events)
    rows = list(range(count))
    axes.set_xlim(0, 1)
    axes.set_ylim(count - 0.5, -0.6)
    dates = [picture_date(event.when, inferred=event.inference is not None) for event in events]
    axes.set_yticks(rows, dates, fontsize=17)
    axes.tick_params(axis="y", length=0, pad=14, labelcolor=INK)
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_color(ACCENT)
    axes.spines["left"].set_linewidth(3)
    for row, event in zip(rows, events, strict=True):
        axes.plot([0], [row], marker="o", markersize=13, clip_on=False, color=ACCENT,
                  markerfacecolor="white" if event.expected else ACCENT)  # fmt: skip
        label = " ".join(event.lead.short.split())
        axes.text(0.025, row - 0.1, label, fontsize=17, color=INK, va="center",
                  style="italic" if event.expected else "normal")  # fmt: skip
        sources = _sources_line(event)
        axes.text(0.025, row + 0.3, sources, fontsize=15, color=MUTED, va="center")


def _sources_line(event: TimelineEvent) -> str:
    """ "(expected)" for a coming event, the sources, and how an inferred date was read
    ("· date inferred via …"), in one line under the label."""
    note = f" · date {inference_note(event.inference)}" if event.inference else ""
    names = "; ".join(source_name(article) for article in event.articles)
    if event.expected:
        names = f"{EXPECTED_MARK} {names}"
    room = max(MIN_SOURCES_CHARS, SOURCES_CHARS - len(note))
    return truncate(truncate(names, room) + note, SOURCES_CHARS)


def picture_date(when: When, inferred: bool = False) -> str:
    """ "24 Oct 2024", "Apr 2022", "2014"; a week on two lines ("week of" above its Monday);
    an inferred date with "inferred" under it."""
    label = when.label()
    if when.precision is Precision.WEEK:
        label = label.replace("week of ", "week of\n")
    return f"{label}\ninferred" if inferred else label
