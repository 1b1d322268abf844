from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.knowledge_base import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
BUNDLED_KB = REPO / "knowledge"
GOLD = REPO / "eval" / "timeline_gold.yml"

ARTICLE = """---
title: {title}
publisher: {publisher}
author: null
published: {published}
url: null
---
{body}
"""

MakeKb = Callable[[dict[str, tuple[str | None, str]]], KnowledgeBase]


@pytest.fixture(scope="session")
def bundled() -> KnowledgeBase:
    return KnowledgeBase(BUNDLED_KB)


@pytest.fixture
def make_kb(tmp_path: Path) -> MakeKb:
    """A knowledge base of articles given as {slug: (published or None, body)}.

    Each article's title is its slug, its publisher "The <Slug> Post".
    """

    def make(articles: dict[str, tuple[str | None, str]]) -> KnowledgeBase:
        directory = tmp_path / "knowledge"
        directory.mkdir(exist_ok=True)
        for slug, (published, body) in articles.items():
            (directory / f"{slug}.md").write_text(
                ARTICLE.format(
                    title=slug.replace("-", " ").capitalize(),
                    publisher=f"The {slug.split('-')[0].capitalize()} Post",
                    published=published or "null",
                    body=body,
                ),
                encoding="utf-8",
            )
        return KnowledgeBase(directory)

    return make
