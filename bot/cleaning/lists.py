"""Bulleted and numbered lists: their items are text, joined with their lead-in sentence ("The 13
partner countries are:") so that they can be quoted.
"""

from __future__ import annotations

from bot.cleaning.lines import is_paragraph
from bot.cleaning.shapes import LIST_ITEM, LIST_ITEM_MARK, SHORT_WORD_CHARS, is_heading


def find_lists(lines: list[str], furniture: set[int]) -> dict[int, list[int]]:
    """Bulleted or numbered items under a lead-in ending with a colon: {lead-in: items}.
    Not under a sub-head (``_is_subhead_over_paragraphs``): its items are paragraphs."""
    lists: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.endswith(":") or index in furniture or LIST_ITEM.match(line):
            continue
        items = []
        for item in range(index + 1, len(lines)):
            if not LIST_ITEM.match(lines[item]) or item in furniture:
                break
            items.append(item)
        if items and not _is_subhead_over_paragraphs(line, [lines[item] for item in items]):
            lists[index] = items
    return lists


def _is_subhead_over_paragraphs(lead_in: str, items: list[str]) -> bool:
    """A sub-head in headline case ending with a colon over bulleted paragraphs, each a
    sentence of its own: "Kazan's Role in Russia's Demographic Shift:" over "- Kazan, located
    900 km east of Moscow, is the capital of …". A section's heading, not a lead-in that the
    items complete ("The 13 partner countries are:", "Key statements by Vladimir Putin:"):
    it is read as a heading, and the items as the paragraphs they are."""
    heading = lead_in.removesuffix(":").strip()
    longer = [word for word in heading.split() if len(word) > SHORT_WORD_CHARS]
    return (
        is_heading(heading)
        and len(longer) >= _SUBHEAD_MIN_LONG_WORDS
        and all(word[0].isupper() for word in longer)
        and all(is_paragraph(LIST_ITEM_MARK.sub("", item, count=1)) for item in items)
    )


_SUBHEAD_MIN_LONG_WORDS = 2
"""A one-word label ("Highlights:") may head a list as well as paragraphs: left a lead-in."""
