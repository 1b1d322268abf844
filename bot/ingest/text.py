"""The one call into the raw-text rules (``bot.cleaning``), for HTML and text alike.

Kept in one place so that the reading rules can change their entry point without touching
the HTML reader or ``add``.
"""

from __future__ import annotations

from bot.articles import Article, FrontMatter, article_from_parts


def read_text_article(
    parts: tuple[FrontMatter, str],
    *,
    article_id: str,
    path: str,
    boilerplate: frozenset[str] = frozenset(),
) -> Article:
    """A text or Markdown article from its front matter and body (``split_article``): the
    text cleaned, missing fields guessed (``Article.provenance`` says from where).
    ``boilerplate``: keys of lines that other articles of the folder share
    (``bot.cleaning.repeated_lines``)."""
    header, body = parts
    return article_from_parts(
        header, body, article_id=article_id, path=path, boilerplate=boilerplate
    )
