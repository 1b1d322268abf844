"""The PNG picture: drawn with matplotlib's Agg canvas, readable, optional."""

from __future__ import annotations

import asyncio
import struct
import sys

import pytest

from bot.knowledge_base import KnowledgeBase
from bot.timeline import build_timeline
from bot.timeline.picture import (
    INSTALL_HINT,
    PictureUnavailable,
    announce_first_font_scan,
    draw_figure,
    draw_png,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_picture_is_a_png_that_grows_with_the_events(bundled: KnowledgeBase) -> None:
    small = png_size(draw_png(build_timeline(bundled.snapshot, limit=2)))
    large = png_size(draw_png(build_timeline(bundled.snapshot, limit=10)))
    assert small[0] == large[0] == 1200
    assert small[1] < large[1]


def test_no_label_is_cut_off_at_the_edges(bundled: KnowledgeBase) -> None:
    figure = draw_figure(build_timeline(bundled.snapshot, limit=None))
    renderer = figure.canvas.get_renderer()
    width, height = figure.bbox.width, figure.bbox.height
    texts = [t for t in figure.findobj(lambda artist: hasattr(artist, "get_text")) if t.get_text()]
    assert len(texts) > 20
    for text in texts:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width, text.get_text()
        assert box.y0 >= 0 and box.y1 <= height, text.get_text()


def test_the_picture_shows_dates_labels_and_sources(bundled_dated: KnowledgeBase) -> None:
    figure = draw_figure(build_timeline(bundled_dated.snapshot, "North Korean troops"))
    texts = {t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text"))}
    assert "24 Oct 2024" in texts
    assert any("early 2023" in text for text in texts)
    assert "www.rfa.org" in texts


def test_an_empty_timeline_still_draws(bundled: KnowledgeBase) -> None:
    assert png_size(draw_png(build_timeline(bundled.snapshot, "weather in Paris")))[0] == 1200


async def test_drawing_works_from_a_worker_thread(bundled: KnowledgeBase) -> None:
    timeline = build_timeline(bundled.snapshot, limit=3)
    data = await asyncio.wait_for(asyncio.to_thread(draw_png, timeline), timeout=30)
    assert data.startswith(PNG_MAGIC)


def test_without_matplotlib_it_says_how_to_install_it(
    bundled: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(PictureUnavailable, match=r"pip install 'newsdesk-bot\[picture\]'"):
        draw_png(build_timeline(bundled.snapshot))
    assert INSTALL_HINT == "pip install 'newsdesk-bot[picture]'"


def test_the_first_picture_says_matplotlib_is_building_its_font_cache(
    tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import matplotlib

    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(tmp_path))
    caplog.set_level("INFO", logger="bot.timeline.picture")

    assert announce_first_font_scan()
    assert "building its font cache" in caplog.text


def test_no_font_cache_notice_once_the_cache_exists(
    tmp_path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import matplotlib

    (tmp_path / "fontlist-v390.json").write_text("{}")
    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(tmp_path))
    caplog.set_level("INFO", logger="bot.timeline.picture")

    assert not announce_first_font_scan()
    assert caplog.text == ""
