"""A text article from its file: front matter, the body cleaned by the raw-text rules
(``bot.cleaning``), missing fields guessed. HTML pages come here too, once extracted.

The one call into the reading rules, kept in one place so that they can change their entry
point without touching the HTML reader or ``add``.
"""

from __future__ import annotations

import re

import yaml
from pydantic import ValidationError

from bot.articles import Article, ArticleError, FrontMatter, describe_yaml_error
from bot.cleaning import clean

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it: the same documents, ten times faster."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^---[ \t]*\r?\n?", re.S | re.M)


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


def parse_article(
    data: bytes, *, article_id: str, path: str, boilerplate: frozenset[str] = frozenset()
) -> Article:
    """Build an ``Article`` from a file's bytes: front matter if any, cleaned body, guesses.

    ``boilerplate``: keys of lines seen in other articles of the folder
    (``bot.cleaning.repeated_lines``).
    """
    header, body = split_article(data)
    return article_from_parts(
        header, body, article_id=article_id, path=path, boilerplate=boilerplate
    )


def split_article(data: bytes) -> tuple[FrontMatter, str]:
    """A file's front matter and body, or ``ArticleError`` naming what is wrong. A build
    splits each file once: the folder's shared lines are counted on the body, then cleaned."""
    return _split_front_matter(_decode(data))


def article_from_parts(
    header: FrontMatter,
    body: str,
    *,
    article_id: str,
    path: str,
    boilerplate: frozenset[str] = frozenset(),
) -> Article:
    """``parse_article`` from a file already split by ``split_article``."""
    cleaned = clean(body, title=header.title, boilerplate=boilerplate)
    if not cleaned.paragraphs:
        if header.title is None and cleaned.headline:
            raise ArticleError(
                "no article text: its only line was taken as the title "
                "(add `title:` to the front matter, or more text)"
            )
        raise ArticleError("no article text after removing page furniture")
    guessed = []
    fields = header.model_dump(exclude=set(header.model_extra or ()))
    inferred = {
        "title": cleaned.headline,
        "author": cleaned.author,
        "published": cleaned.published,
        "publisher": cleaned.publisher,
    }
    for name, value in inferred.items():
        if fields[name] is None and name not in header.model_fields_set and value is not None:
            fields[name] = value
            guessed.append(name)
    if not fields["title"]:
        raise ArticleError("no title: add `title:` to the front matter")
    return Article(
        id=article_id,
        path=path,
        text=cleaned.text,
        captions=_caption_spans(cleaned.paragraphs, cleaned.captions),
        guessed=tuple(guessed),
        provenance=tuple((name, cleaned.sources.get(name, "the text")) for name in guessed),
        conflicts=tuple(
            (name, why)
            for name, why in cleaned.conflicts.items()
            if fields.get(name) is None and name not in header.model_fields_set
        ),
        title_from_sentence="title" in guessed and cleaned.title_guessed,
        unknown_keys=tuple(str(key) for key in header.model_extra or ()),
        **{**fields, "tags": tuple(fields["tags"])},
    )


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ArticleError("file is empty")
    if b"\x00" in data:
        raise ArticleError("binary file (contains NUL bytes), expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"not UTF-8 text (invalid byte at offset {error.start})") from None


def _split_front_matter(text: str) -> tuple[FrontMatter, str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        if text.startswith("---"):
            raise ArticleError("front matter opened with `---` but never closed")
        return FrontMatter(), text
    try:
        data = yaml.load(match["yaml"], Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ArticleError(f"malformed front matter{describe_yaml_error(error, 2)}") from None
    except ValueError as error:
        raise ArticleError(f"malformed front matter: {error}") from None
    except RecursionError:
        raise ArticleError("malformed front matter: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of `key: value` lines")
    try:
        header = FrontMatter.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ArticleError(f"front matter field `{field}`: {first['msg']}") from None
    return header, text[match.end() :]


def _caption_spans(paragraphs: list[str], captions: set[int]) -> tuple[tuple[int, int], ...]:
    spans, offset = [], 0
    for index, paragraph in enumerate(paragraphs):
        if index in captions:
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return tuple(spans)
