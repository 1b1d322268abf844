"""Reading a page's raw text as a careful reader would: the article's own paragraphs, kept
verbatim, and what the page shows about it (headline, by-line, date, outlet or wire agency).

Every rule is a general signal, never a phrase list of one site's furniture: see
docs/reading.md, which names each signal with an example. ``clean`` is also what the HTML
reader calls on the text trafilatura extracts, so both kinds of page are read alike. The
rules live in this package's modules by what they read; this one runs them over a page's
lines in order and settles each line's verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import line_model
from bot.cleaning.bylines import (
    author_boxes,
    bare_bylines,
    labelled_name_boxes,
    opening_names,
    outlet_lines,
    read_hand_over,
    read_metadata,
    split_stamped_bylines,
)
from bot.cleaning.captions import (
    alt_texts,
    gallery_captions,
    is_credited_caption,
    is_credited_repeat,
    photo_descriptions,
    without_caption_agency,
    without_closing_labels,
    without_glued_card,
    without_photo_credit,
)
from bot.cleaning.credits import (
    closing_credits,
    read_closing_agency,
    read_closing_signature,
    read_dateline,
    read_furniture_credit,
    read_lone_closing_agency,
    read_self_credit,
    without_closing_byline,
    without_closing_date,
    without_credit,
)
from bot.cleaning.furniture import (
    appeals_above,
    comment_policies,
    comment_threads,
    contact_blocks,
    cut_repeats,
    embedded_posts,
    is_furniture,
    notices_under_credit,
    pitch_lead_ins,
    subscription_boxes,
    subscription_pitches,
    weather_widgets,
)
from bot.cleaning.lines import first_sentence, line_key, page_lines
from bot.cleaning.lists import find_lists
from bot.cleaning.other_stories import (
    bulleted_headlines,
    cards_above_headline,
    decorated_headlines,
    headline_runs,
    link_cards,
    linked_headlines,
    shouted_headlines,
    stamp_runs,
    stamped_cards,
    stray_headlines,
    teaser_cards,
    teaser_runs,
    unrelated_headlines,
)
from bot.cleaning.shapes import LIST_ITEM_MARK, is_caption, is_heading
from bot.cleaning.signals import CleanText, Signals, quoted
from bot.cleaning.titles import bare_headline, title_line

FIRST_SENTENCE = "the first sentence (the page shows no headline)"


_CLOSING_AGENCY_BODY = 2


_PHOTO_LABEL = re.compile(r"^(?:photo(?:graph)?|picture|image|caption)s?(?:\s+caption)?\s*:$", re.I)
"""A photo's label that ``chrome.glued_parts`` cut from its caption ("IMAGE:", "PHOTO
CAPTION:"): the line under it is a caption."""


def clean(
    raw: str, title: str | None = None, boilerplate: frozenset[str] = frozenset()
) -> CleanText:
    """Keep the article's paragraphs; drop furniture; read headline, by-line, dates, credits.

    ``title`` is a title already known (front matter, an HTML page's metadata): a line equal
    to it is a repeated headline. ``boilerplate`` holds keys (``line_key``) of lines seen in
    other articles of the folder (see ``repeated_lines``).
    """
    return _read(raw, title, boilerplate, with_model=True).result


def line_verdicts(
    raw: str,
    title: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
    *,
    with_model: bool = False,
) -> list[tuple[str, str]]:
    """Each line of the page (as ``clean`` splits it) with what the reading made of it: one
    of ``VERDICTS``. The line classifier (``bot.line_model``) is trained from the rules'
    verdicts (``with_model=False``); ``clean`` reads with both."""
    reading = _read(raw, title, boilerplate, with_model=with_model)
    return list(zip(reading.lines, reading.verdicts, strict=True))


VERDICTS = (
    "furniture",
    "metadata",
    "headline",
    "heading",
    "repeat",
    "list",
    "list item",
    "caption",
    "text",
    "model",
)
"""What ``line_verdicts`` says of a line: dropped by a furniture rule, read as a by-line, date
or credit, the headline (or a copy of it), a short heading, a line printed twice in a row, a
list's first line or one of its items, a photo caption (kept, marked), the article's text, or
a line the rules kept as text and the line classifier (``bot.line_model``) dropped."""


@dataclass
class _Reading:
    result: CleanText
    lines: list[str]
    verdicts: list[str]


def _read(
    raw: str, title: str | None, boilerplate: frozenset[str], *, with_model: bool
) -> _Reading:
    lines, blocks = page_lines(raw)
    signals = Signals()
    lines = split_stamped_bylines(lines, signals)
    keys = [line_key(line) for line in lines]
    result = CleanText(headline=title)
    furniture = {
        index for index, line in enumerate(lines) if is_furniture(line, keys[index], boilerplate)
    }
    furniture |= weather_widgets(lines)
    furniture |= contact_blocks(lines)
    posts = embedded_posts(lines, blocks)
    furniture |= posts
    furniture |= author_boxes(lines, furniture, signals)
    furniture |= labelled_name_boxes(lines, signals)
    shared = {
        index for index in furniture if not is_furniture(lines[index], keys[index], frozenset())
    }
    furniture |= outlet_lines(lines, keys, furniture - shared, signals)
    furniture |= bare_bylines(lines, furniture, signals)
    furniture |= opening_names(lines, furniture, signals)
    furniture |= linked_headlines(lines, furniture)
    furniture |= link_cards(lines, furniture)
    furniture |= teaser_runs(lines, furniture)
    furniture |= stamped_cards(lines, furniture)
    furniture |= alt_texts(lines, keys, furniture)
    furniture |= gallery_captions(lines, keys, furniture)
    furniture |= cut_repeats(lines, furniture)
    furniture |= comment_policies(lines, furniture)
    furniture |= comment_threads(lines, furniture)
    furniture |= subscription_boxes(lines)
    furniture |= subscription_pitches(lines, furniture)
    furniture |= pitch_lead_ins(lines, furniture)
    furniture |= shouted_headlines(lines, furniture)
    furniture |= stray_headlines(lines, furniture)
    furniture |= cards_above_headline(lines, keys, furniture)
    for index in sorted(furniture):
        read_furniture_credit(lines[index], signals)
    furniture |= closing_credits(lines, furniture, signals)
    furniture |= notices_under_credit(lines, furniture)
    lists = find_lists(lines, furniture)
    title_at = (
        None
        if title
        else title_line(lines, furniture | bulleted_headlines(lines, furniture, lists), lists)
    )
    furniture |= decorated_headlines(keys, title_at)
    furniture |= photo_descriptions(lines, keys, title_at, title, furniture)
    furniture |= appeals_above(lines, title_at, furniture)
    furniture |= stamp_runs(lines, furniture)
    furniture |= headline_runs(lines, keys, title_at, furniture)
    furniture |= bulleted_headlines(lines, furniture, lists)
    furniture |= teaser_cards(lines, keys, title_at, furniture)
    furniture |= unrelated_headlines(lines, title_at, furniture)
    known_headlines = {line_key(title)} if title else set()
    if title_at is not None:
        result.headline = bare_headline(lines[title_at])
        result.sources["title"] = quoted(lines[title_at])
        known_headlines.add(line_key(lines[title_at]))
    verdicts = _verdicts(lines, keys, furniture, lists, known_headlines, signals)
    if with_model:
        for index in line_model.furniture_lines(lines, verdicts):
            verdicts[index] = "model"
    for index, verdict in enumerate(verdicts):
        if verdict == "list":
            result.paragraphs.append("\n".join([lines[index], *(lines[i] for i in lists[index])]))
        elif verdict in ("text", "caption"):
            text = without_closing_date(without_closing_byline(lines[index], signals), signals)
            if verdict == "caption":
                result.captions.add(len(result.paragraphs))
                text = without_caption_agency(text)
            text = without_photo_credit(without_glued_card(text))
            result.paragraphs.append(without_closing_labels(text))
    signals.settle(result, [line for index, line in enumerate(lines) if index not in posts])
    # a photo's caption is not the story's first sentence, unless the page is only captions
    story = [p for i, p in enumerate(result.paragraphs) if i not in result.captions]
    story = story or result.paragraphs
    if result.headline is None and story:
        opening = LIST_ITEM_MARK.sub("", without_credit(story[0]), count=1)
        result.headline = first_sentence(opening)  # a key point's bullet is no word of it
        result.title_guessed = True
        result.sources["title"] = FIRST_SENTENCE
    return _Reading(result, lines, verdicts)


def _verdicts(
    lines: list[str],
    keys: list[str],
    furniture: set[int],
    lists: dict[int, list[int]],
    known_headlines: set[str],
    signals: Signals,
) -> list[str]:
    """What the rules make of each line (``VERDICTS``); by-lines, date lines and credits are
    read into ``signals`` on the way, and a dateline from the first two paragraphs."""
    verdicts = ["furniture" if index in furniture else "" for index in range(len(lines))]
    for items in lists.values():
        for item in items:
            if not verdicts[item]:
                verdicts[item] = "list item"
    body_paragraphs = 0
    previous_key = None
    previous_text = None
    for index, line in enumerate(lines):
        if verdicts[index]:
            continue
        if previous_text is not None and is_credited_repeat(lines[previous_text], line):
            verdicts[previous_text] = "caption"
            verdicts[index] = "repeat"
            body_paragraphs -= 1
            previous_text = None
            continue
        if read_metadata(line, signals):
            verdicts[index] = "metadata"
        elif keys[index] in known_headlines:
            verdicts[index] = "headline"
        elif index in lists:
            verdicts[index] = "list"
            body_paragraphs += 1
        elif is_heading(line) and not is_caption(line):
            verdicts[index] = "heading"
        elif keys[index] == previous_key:
            verdicts[index] = "repeat"  # printed twice in a row (a caption, then in a gallery)
        else:
            previous_key = keys[index]
            if is_credited_caption(line) or (index and _PHOTO_LABEL.match(lines[index - 1])):
                verdicts[index] = "caption"
            else:
                verdicts[index] = "text"
                previous_text = index
                read_self_credit(line, signals)
                if body_paragraphs < 2:
                    read_dateline(line, signals)
                if body_paragraphs < _INTRO_PARAGRAPHS:
                    read_hand_over(line, signals)
                body_paragraphs += 1
    if body_paragraphs >= _CLOSING_AGENCY_BODY:
        read_closing_agency(lines, verdicts, signals)
        read_lone_closing_agency(lines, verdicts, signals)
        read_closing_signature(lines, verdicts, signals)
    return verdicts


_INTRO_PARAGRAPHS = 3
"""A broadcast script's intro: its first paragraphs, as many as its sentences (one each)."""
