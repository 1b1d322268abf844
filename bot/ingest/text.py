"""The one call into the raw-text rules (``bot.cleaning``), for HTML and text alike.

Kept in one place so that the reading rules can change their entry point without touching
the HTML reader or ``add``.
"""

from __future__ import annotations

from bot.articles import Article, parse_article


def read_text_article(data: bytes, *, article_id: str, path: str) -> Article:
    """A text or Markdown article: front matter if any, the text cleaned, missing fields guessed."""
    return parse_article(data, article_id=article_id, path=path)


TEXT_SOURCE = "the text"
"""Where a field guessed by the raw-text rules came from, until they name the line."""
