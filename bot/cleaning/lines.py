"""A page's raw text as lines: paragraph markup and quote markers undone, hard-wrapped lines
joined, a label glued to a paragraph split off; and the lines a folder's articles share (a
site's boilerplate, told apart from copies of one wire story).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from bot import chrome
from bot.chrome import SENTENCE_END, Hinted

FURNITURE = frozenset(
    {
        "fbpx",
        "connect with us",
        "advertisement",
        "- advertisement -",
        "ad",
        "sponsored",
        "story continues below",
        "story continues below advertisement",
        "advertisement advertisement",
        "advertisement scroll to continue reading",
        "scroll to continue reading",
        "sponsored content",
        "listen to this article",
        "related:",
        "related",
        "related post",
        "related posts",
        "comments",
        "post comment",
        "leave a comment",
        "published",
        "on",
        "share",
        "share this article",
        "tweet",
        "print",
        "email",
    }
)
"""Widget labels that are furniture whatever the site: the whole line, compared case-blind."""


_DATE_PREFIX = re.compile(
    r"^(?P<stamp>(?i:date|published|updated|posted)\s*:?\s*"
    r"\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)\s+(?P<rest>\S.*)$|"
    r"^(?P<timed>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)"
    r"\s+[-–—|]\s+(?P<after>\S.*)$"
)
"""A labelled ISO date printed before other text on the same line: "date 2024-10-24 Left Menu",
or its month only ("date 2024-09 Photo : KBS News", which dates no day);
or a time stamp set off by a dash: "2024-06-19 03:14:00+00:00 - Scroll down for original
article"."""


CALL_TO_ACTION = re.compile(
    r"^(?:[•·*▶►→»-]\s*)?(?:also\s+)?(?:read|see|watch|listen|view|follow|subscribe|sign\s+up|"
    r"sign\s+in|log\s+in|register|join|download|install|click|tap|like|scroll|get|support|donate|"
    r"become|continue\s+reading|skip|jump|learn|back|show|hide)\b"
    r"(?:\s*$|(?:\s+[\w'’]+){0,3}?\s*(?:[:|]|\b(?:us|our|more|next|also|here|now|free|the\s+app|"
    r"original|full\s+(?:story|article)|newsletter|channel|continue|down|the\s+latest|alerts|"
    r"top|content|navigation|menu|headlines|button|link|only|(?:this|that)\s+(?:story|article|"
    r"report|page))\b))",
    re.I,
)
"""A link-like call to action: "Read Next: …", "Follow us on …", "Subscribe to our …", "Read a
version of this story in Korean", a live blog's filter "Show key events only"."""


MORE_STORIES = re.compile(
    r"^\(?\s*more\s+(?:[\w'’.-]+\s+){0,4}(?:stories|news|coverage|articles)\W{0,2}\)?\.?$", re.I
)
"""A link to a topic's other stories, bracketed or not: "(More North Korea stories.)"."""


TOPIC_LINK_LINE = re.compile(rf"^{chrome.TOPIC_LINK}\s*\.?$")
"""A link to a topic's page alone on its line: "The latest news on Russia and Ukraine ."."""


NAVIGATION_LABEL = re.compile(
    r"^(?:[•·*▶►→»-]\s*)?(?:related(?:\s+(?:stories|news|articles|coverage))?|recommended|"
    r"don[’']?t\s+miss|trending(?:\s+now)?|latest(?:\s+news)?|most\s+(?:read|popular|viewed)|"
    r"popular|top\s+stories|editor[’']?s\s+picks?|more(?:\s+(?:news|stories|on\s+this))?|"
    r"tags?|topics?|keywords|categories|filed\s+under|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:be\s+interested(?:\s+in)?|like|enjoy))\s*[:|]",
    re.I,
)
"""A navigation label opening a line ("READ MORE: …", "Related: …", "Tags: …", "You may be
interested: …")."""


SHARE_PROMPT = re.compile(
    r"^(?:[•·*▶►-]\s*)?(?:(?:share|tweet|email|print|send)\s+(?:this|it|on|via|to|with)\b|"
    r"share\s*:|(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply|response)|"
    r"comments?\s*(?:\(\d+\)|:)|\d+\s+comments?\b|join\s+the\s+(?:conversation|discussion|debate)|"
    r"(?:what|how)\s+do\s+you\s+(?:think|feel)|tell\s+us\s+(?:what|your)|have\s+your\s+say)",
    re.I,
)


_VIEW_ON = re.compile(r"^(?:view|watch|read|listen)\s+(?:it\s+|this\s+)?on\s+[\w.-]+$", re.I)
"""A link to the same story on the site it came from, glued after a paragraph: "… are said to
have suffered heavy losses. View on euronews", "Watch on YouTube"."""


AD_BREAK = re.compile(
    r"^(?:the\s+)?(?:article|story|text|content)\s+continues\s+(?:after|below|under|beneath)"
    r"(?:\s+(?:this|the|an?))?(?:\s+(?:advertisement|advert|ad|video|break))?\s*$",
    re.I,
)
"""An advertisement's slot in the text: "Article continues after this advertisement", "Story
continues below"; printed where the advertisement was, often glued to the next paragraph."""


_GLUED_READ_MORE = Hinted(
    re.compile(r"(?<=[.…])\s*(?:read|continue\s+reading|see)\s+more\W*$", re.I), ("more",)
)
"""A "Read More" link glued to the end of a teaser paragraph ("… neighbouring countries....Read More")."""


_SOURCE_LABEL = re.compile(r"^(?:original\s+)?source\s*:$", re.I)


_LEADING_SITE = re.compile(r"^(?P<site>(?:https?://)?[a-z][\w-]*(?:\.[a-z][\w-]*)+/?)\s+(?=[A-Z])")
"""A site's address opening a line, after a "Source:" label alone on the line above."""


_LONE_WORD = re.compile(r"^[A-Za-z]{2,12}$")


_WRAPPED_LINE_MIN_CHARS = 50


_WRAP_STOP = re.compile(r"(?:[.!?…][\"'”’)\]]*|[:;|\])])$")
"""A line that ends a sentence (inside a quote or a bracket or not), a label or a bracket: the
next line starts anew."""


_WRAP_CONTINUATION = re.compile(r"^[a-z]")


_HARD_WRAP_CONTINUATION = re.compile(r"^[A-Za-z0-9]")


_LONE_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}$")
"""A line that is only "by" and a name in capitals: a by-line under a long headline ("China says
growing Russia-North Korea ties 'their own matter'" / "by AFP Staff Writers", round
seventy-eight's sinodaily), not the end of a wrapped sentence, which goes on in lower case."""


_DATE_LABEL_START = re.compile(r"^date\s*:", re.I)


HEADING_MAX_WORDS = 8


CTA_MAX_WORDS = 30


PROMPT_MAX_WORDS = 15


_COPY_LINES = 3


_COPY_LINE_WORDS = 12


_COPY_MAX_HOLDERS = 50
"""A long line held by more texts than this is boilerplate, no sign that two texts are copies."""


PER_LINE_CACHE = 8192
"""Verdicts kept per distinct line: pages repeat lines (menus, separators, widgets), and a
crafted page of one short line repeated thousands of times is read at the cost of one."""


@lru_cache(maxsize=PER_LINE_CACHE)
def line_key(line: str) -> str:
    """A line compared case-blind and spacing-blind."""
    return " ".join(line.casefold().split())


def repeated_lines(texts: Mapping[str, str], min_others: int = 2) -> dict[str, frozenset[str]]:
    """For each text, the keys of its lines that also appear in ``min_others`` other texts of
    the folder: a site's boilerplate ("Follow us on …" under every article of one outlet).

    Copies of one story (a wire report run by several outlets) share their paragraphs; those
    are text, not boilerplate, so a text does not count the copies of itself: two texts are
    copies when they share ``_COPY_LINES`` long lines that few other texts have.
    """
    return repeated_keys({name: line_keys(text) for name, text in texts.items()}, min_others)


def line_keys(text: str) -> set[str]:
    """The keys of a text's non-blank lines, as ``repeated_lines`` counts them."""
    return {line_key(line) for line in text.splitlines() if line.strip()}


def repeated_keys(keys: Mapping[str, set[str]], min_others: int = 2) -> dict[str, frozenset[str]]:
    """``repeated_lines`` from each text's ``line_keys``: a parallel build finds the keys of
    each file in its workers and counts them across the folder here."""
    holders: dict[str, list[str]] = {}
    for name, lines in keys.items():
        for key in lines:
            holders.setdefault(key, []).append(name)
    copies = _copies(keys, holders)
    return {
        name: frozenset(
            key
            for key in lines
            if len(holders[key]) > min_others
            and sum(other != name and other not in copies[name] for other in holders[key])
            >= min_others
        )
        for name, lines in keys.items()
    }


def _copies(keys: Mapping[str, set[str]], holders: Mapping[str, list[str]]) -> dict[str, set[str]]:
    """For each text, the texts that share at least ``_COPY_LINES`` of its long lines."""
    copies: dict[str, set[str]] = {}
    for name, lines in keys.items():
        shared: Counter[str] = Counter()
        for key in lines:
            if len(key.split()) >= _COPY_LINE_WORDS and len(holders[key]) <= _COPY_MAX_HOLDERS:
                shared.update(other for other in holders[key] if other != name)
        copies[name] = {other for other, count in shared.items() if count >= _COPY_LINES}
    return copies


FIRST_SENTENCE_CHARS = 2_000
"""Where the first sentence of a paragraph is looked for: Bling Fire's Python wrapper reads
every byte in a loop, and a title is never longer."""


def first_sentence(paragraph: str) -> str:
    import blingfire  # a native library, loaded when a page has no title, not at every start

    paragraph = paragraph[:FIRST_SENTENCE_CHARS]
    _, spans = blingfire.text_to_sentences_and_offsets(paragraph)
    start, end = spans[0] if spans else (0, len(paragraph))
    return paragraph[start:end].strip()


_PARAGRAPH_MARKUP = re.compile(r"</?p(?:\s[^<>]{0,200})?>|<br\s*/?>", re.I)


_BETWEEN_PARAGRAPHS = re.compile(r"(?<=</p>)[^<]{0,2000}?(?=<p[\s>])", re.I)


_CLOSED_PARAGRAPH = re.compile(r"</p>", re.I)


_MARKED_PARAGRAPHS_MIN = 2


def _without_paragraph_markup(raw: str) -> str:
    """A capture that kept its paragraphs' markup ("<p>Brasilia: Brazilian President …</p><p>In
    a statement, …</p> .Setting timeline for ending Ukraine war difficult, says Putin; …<p>…"):
    each ``<p>`` or ``<br>`` is a paragraph break, and what stands between a paragraph's end
    and the next one's start is no paragraph (another story's link, here). Only a text with
    ``_MARKED_PARAGRAPHS_MIN`` closed paragraphs or more; text before the first and after the
    last (a date stamp) stays."""
    if len(_CLOSED_PARAGRAPH.findall(raw)) < _MARKED_PARAGRAPHS_MIN:
        return raw
    return _PARAGRAPH_MARKUP.sub("\n\n", _BETWEEN_PARAGRAPHS.sub("", raw))


_QUOTE_LABEL = re.compile(r"^quote\s*:\s*(?=\S)", re.I)
"""A forum's label over a quoted post, glued to its first line: "Quote:Russia Struck a Defense
Pact With North Korea. What Does It Mean?" (the quoted report's headline)."""


_QUOTE_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)


_QUOTED_LINES_MIN = 3


def _without_quote_markers(raw: str) -> str:
    """A mailing list's or forum's copy quotes a text with ">" at each line's start (">MOSCOW,
    June 24 (Reuters) - Russian President Vladimir Putin, who will next" / ">month become …"):
    the marks are the copy's markup, not the text's, and are cut, so that the wrapped lines
    join into paragraphs again. Only a text with ``_QUOTED_LINES_MIN`` such lines or more; a
    lone line opening with ">" (an arrow, a breadcrumb) stays as printed."""
    if len(_QUOTE_MARKER.findall(raw)) < _QUOTED_LINES_MIN:
        return raw
    return _QUOTE_MARKER.sub("", raw)


_EMPTY_MARKERS = re.compile(r"^(?:[-–—•·]\s+){2,}(?=\S)")
"""Two or more bullets or dashes with nothing between them before a line, what is left of an
empty trail of links: "- - Kim Jong Un says his 'heart aches' …" is the headline. One marker is
a list's item."""


def page_lines(raw: str) -> tuple[list[str], list[int]]:
    """The page's non-empty lines, stripped, and the block (lines between blank lines) of
    each; a labelled ISO date printed before other text on the same line becomes a line of its
    own, and so does furniture glued to a line of text (``chrome.glued_parts``)."""
    lines: list[str] = []
    blocks: list[int] = []
    block = 0
    seen_text = False  # a video's label is cut from its title only above the text
    wrapped_block = -1  # the last block seen to be wrapped at a fixed width
    for line in _without_quote_markers(_without_paragraph_markup(raw)).splitlines():
        line = _QUOTE_LABEL.sub("", _GLUED_READ_MORE.sub("", line.strip()))
        line = _EMPTY_MARKERS.sub("", line)
        if not line:
            block += 1
            continue
        if (
            lines
            and blocks[-1] == block
            and _continues_wrapped_line(lines[-1], line, hard_wrapped=wrapped_block == block)
        ):
            lines[-1] = f"{lines[-1]} {line}"
            wrapped_block = block
            continue
        if lines and _LONE_WORD.match(lines[-1]) and _DATE_LABEL_START.match(line):
            lines[-1] = f"{lines[-1]} {line}"  # "View" / "Date:2025-04-28 01:37:53"
            continue
        if lines and _SOURCE_LABEL.match(lines[-1]) and (site := _LEADING_SITE.match(line)):
            lines[-1] = f"{lines[-1]} {site['site']}"  # "Source:" / "en.kremlin.ru Vladimir …"
            line = line[site.end() :].strip()
        if match := _DATE_PREFIX.match(line):
            stamp, rest = match["stamp"] or match["timed"], match["rest"] or match["after"]
            parts = (stamp, *chrome.glued_parts(rest))
        elif not seen_text and (titled := chrome.video_title_parts(line)):
            parts = titled
        elif not lines and (glued := chrome.headline_summary_parts(line)):
            parts = glued
        else:
            parts = chrome.glued_parts(line)
        if len(parts) == 1:
            *head, body = _without_glued_head(parts[0])
            parts = (*head, *_without_glued_tail(body))
        seen_text = seen_text or any(map(is_paragraph, parts))
        lines.extend(parts)
        blocks.extend([block] * len(parts))
    return lines, blocks


_TAIL_MAX_WORDS = 8
"""Furniture glued after a paragraph's last sentence is a label or a prompt of this many words at
most ("Advertisement", "Share this article", "See all our Ukraine war coverage")."""


_TAIL_START = re.compile(r"(?<=[.!?…\"”’)])\s*(?=[A-Za-z])|(?<=[a-z]{2})(?=[A-Z][a-z])")
"""Where glued furniture may open: after a sentence's end, or where a word in lower case runs into
a capital with no space ("… in North KoreaSee all our …")."""


@lru_cache(maxsize=PER_LINE_CACHE)
def _without_glued_tail(line: str) -> tuple[str, ...]:
    """A paragraph with furniture glued to its end split in two: the words after its last
    sentence, or run into its last word with no space, that on a line of their own would be
    furniture ("… Sandra Maler. ADVERTISEMENT", "… troops in North KoreaSee all our Ukraine war
    coverage", "… the ministry said. Share this article"). The paragraph keeps its words; only a
    paragraph of more than a sub-head's words is looked at, and only its last few words. Only a
    label or a prompt is cut: a credit closing a caption ("… in Kazan, Russia. Photo: REUTERS")
    stays with it, where the caption rules read it."""
    words = line.split()
    if len(words) <= HEADING_MAX_WORDS:
        return (line,)
    zone = len(line)
    for _ in range(_TAIL_MAX_WORDS):
        zone = line.rfind(" ", 0, zone)
        if zone < 0:
            return (line,)
    for match in _TAIL_START.finditer(line, zone):
        head, tail = line[: match.start()].rstrip(), line[match.end() :].strip()
        if chrome.word_count(head) > HEADING_MAX_WORDS and _is_label_or_prompt(tail):
            return (head, tail)
    return (line,)


_GLUED_HEAD_MIN_WORDS = 8


_GLUED_HEAD_MAX_CHARS = 100
"""How far into a line a glued label may end: eight words, and no more than this many characters
(a crafted line of one long word would otherwise try every join in it)."""


_HEAD_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z“\"][a-z])")
"""Where a word in lower case runs into the next line's first capital with no space between."""


@lru_cache(maxsize=PER_LINE_CACHE)
def _without_glued_head(line: str) -> tuple[str, ...]:
    """A paragraph with a widget's label or prompt glued before its first word, the label's
    last word running into the paragraph's first capital: "Article continues after this
    advertisementAsked at a briefing in New York …". ``chrome.glued_parts`` cuts any label of
    four words or fewer; a longer one is cut when on its own line it would be furniture
    (``_is_label_or_prompt``), looking only at the first ``_TAIL_MAX_WORDS`` words, and only
    from a paragraph (``_GLUED_HEAD_MIN_WORDS`` words after it)."""
    words = line.split(maxsplit=_TAIL_MAX_WORDS)
    zone = len(line) - len(words[-1]) if len(words) > _TAIL_MAX_WORDS else len(line)
    for match in _HEAD_JOIN.finditer(line, 0, min(zone, _GLUED_HEAD_MAX_CHARS)):
        head, rest = line[: match.start()].strip(), line[match.start() :]
        if len(rest.split()) >= _GLUED_HEAD_MIN_WORDS and _is_label_or_prompt(head):
            return (head, rest)
    return (line,)


def _is_label_or_prompt(line: str) -> bool:
    """A widget's label or a call to the reader, furniture on any line of its own: "Advertisement",
    "Read more", "Share this article", "See all our Ukraine war coverage"."""
    words = chrome.word_count(line)
    return (
        line_key(line) in FURNITURE
        or bool(AD_BREAK.match(line))
        or bool(_VIEW_ON.match(line))
        or bool(MORE_STORIES.match(line))
        or bool(TOPIC_LINK_LINE.match(line))
        or (words <= CTA_MAX_WORDS and bool(CALL_TO_ACTION.match(line)))
        or (words <= CTA_MAX_WORDS and bool(NAVIGATION_LABEL.match(line)))
        or (words <= PROMPT_MAX_WORDS and bool(SHARE_PROMPT.match(line)))
    )


def _continues_wrapped_line(previous: str, line: str, *, hard_wrapped: bool = False) -> bool:
    """A line that carries on the sentence of the line above it, cut by the page's fixed
    width: the line above is as long as a wrapped line and ends in no sentence's or label's
    mark, and this one opens in lower case (Lincoln Daily News's AP copy, wrapped at about 70
    characters: "Putin opens his annual news conference, an event he uses to reinforce" /
    "his authority"). Read apart, each piece was a fragment: the headline lost its end and the
    paragraphs were dropped as furniture. In a block already seen to be wrapped that way
    (``hard_wrapped``), a line opening with a capital or a digit carries on too: "… to ratify
    the treaty with the secretive" / "Stalinist state.", "… on a visit to Pyongyang on" /
    "February 9, replacing …"."""
    opening = _HARD_WRAP_CONTINUATION if hard_wrapped else _WRAP_CONTINUATION
    return (
        len(previous) >= _WRAPPED_LINE_MIN_CHARS
        and not _WRAP_STOP.search(previous)
        and bool(opening.match(line))
        and not _LONE_BYLINE.match(line)
    )


def is_paragraph(line: str) -> bool:
    return len(line.split()) > HEADING_MAX_WORDS and bool(SENTENCE_END.search(line))
