"""The page's headline: a headline-shaped line near the top, never a long paragraph; when the page
shows none, the first sentence is the title, marked as guessed, and stays in the text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot import chrome, printed_dates
from bot.cleaning.bylines import is_metadata
from bot.cleaning.captions import is_photo_credit
from bot.cleaning.furniture import QUOTED_SPAN, SECOND_PERSON, is_breadcrumb
from bot.cleaning.lines import is_paragraph, line_key
from bot.cleaning.other_stories import HEADLINE_MIN_WORDS, paragraph_below
from bot.cleaning.shapes import (
    LIST_ITEM,
    STATEMENT_END,
    SUBHEAD_MAX_WORDS,
    TITLE_MAX_WORDS,
    content_words,
    is_caption,
    is_heading,
    is_headline_shaped,
    is_long_headline,
    is_title_cased,
)

_SUBHEADS_BELOW = 2
"""A card prints its heading again within this many lines (heading, kicker, heading)."""


_TRAIL_END = re.compile(r"\S\s*[/›»>❯]$")
"""A breadcrumb trail's end ("Transcripts   /"): the masthead is above it."""


def title_line(lines: list[str], furniture: set[int], lists: dict[int, list[int]]) -> int | None:
    """The headline: a headline-shaped line above the first paragraph of text (see
    ``_headline_of``; lines above a breadcrumb trail are the site's), else a lone one right
    under that first paragraph, else a short line that alone opens the page; None when the
    page shows no headline."""
    last = _last_positions(lines)
    turns = _speaker_turns(lines)
    above: list[int] = []
    labels: list[int] = []
    seen_text = False
    for index, line in enumerate(lines):
        if (
            not seen_text
            and (_TRAIL_END.search(line) or is_breadcrumb(line))
            and not is_photo_credit(line)  # "SPUTNIK/VLADIMIR SMIRNOV/POOL VIA REUTERS"
        ):
            above, labels = [], []  # what stood above a breadcrumb trail is the site's
            continue
        if index in furniture or is_metadata(line) or _DATELINE_ALONE.match(line):
            continue
        if index not in turns and _is_title_shaped(lines, index, last):
            if seen_text:
                alone = _stands_alone(lines, index, furniture, last)
                return (
                    index
                    if alone
                    and (not _has_headings_below(lines, index, furniture) or is_long_headline(line))
                    and _speaks_of_text(lines, index, furniture)
                    and not _is_cut_off_tail(lines, index, furniture)
                    else None
                )
            above.append(index)
        elif is_caption(line):
            continue  # a photo above the text: its caption is neither a label nor the text
        elif is_heading(line):
            labels.append(index)
        elif seen_text:
            return None
        elif above:
            return _headline_of(lines, _not_addressing_reader(lines, above, furniture), line)
        else:
            seen_text = True
            opens_on_dateline = bool(_OPENS_ON_DATELINE.match(line))
            if (
                not labels
                and not opens_on_dateline
                and _is_headline_sentence(lines, index, furniture)
            ):
                return index
            if (
                labels == [0]
                and not _PLACE_ALONE.match(lines[0])
                and not _OPENS_ON_DATELINE.match(lines[0])
                and index not in lists
                and not _has_subheads(lines, index, furniture)
                and _speaks_of_text(lines, 0, furniture)
            ):
                return 0
    above = _not_addressing_reader(lines, above, furniture)
    return _headline_of(lines, above) if above else None


_SPEAKER_LABEL = re.compile(r"^(?P<speaker>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):\s+\S")
"""A turn of a transcript: its speaker's name (or "Q", "A") in capitals, a colon, the words."""


def _speaker_turns(lines: list[str]) -> set[int]:
    """The lines of a transcript, each opened by its speaker in capitals ("TUCKER: Have you
    seen any NORTH KOREAN soldiers?" over "PATRICK LANCASTER: I tried to investigate …"),
    when two speakers or more take turns on the page. A turn is what someone said, never the
    page's headline, even when it is short and alone under the first paragraph; a headline's
    label ("EXCLUSIVE: …") is one line's, not a conversation."""
    turns = {
        index: match["speaker"]
        for index, line in enumerate(lines)
        if (match := _SPEAKER_LABEL.match(line))
    }
    return set(turns) if len(set(turns.values())) >= 2 else set()


_HEADLINE_SENTENCE_MAX_WORDS = 20


_PROSE_WORDS = re.compile(
    r"\b(?i:a|an|the|has|have|had|is|are|was|were|will|would|did|does"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
"""Words a news sentence has and a headline leaves out: the articles, the auxiliaries, the
day of the week ("… has sent troops to Russia, the Pentagon confirmed Wednesday.")."""


_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’]?\s+[A-Z“\"‘]")
"""A sentence's end followed by the next one's start, inside a line."""


def _is_headline_sentence(lines: list[str], index: int, furniture: set[int]) -> bool:
    """The page's first line a headline copied with a full stop, as aggregators print it
    ("Russian lawmakers ratify defense treaty with North Korea for mutual aid in case of
    aggression.", then "Russian lawmakers have ratified a defense treaty …"): one sentence of
    at most twenty words in headline style, no article, auxiliary or weekday
    (``_PROSE_WORDS``), over a paragraph. An article's first sentence is longer or written
    as prose ("North Korean Dictator Kim Jong-Un has sent troops to Russia, the Pentagon
    confirmed Wednesday.") and stays its text, the title then guessed from it. A bulleted
    line ("- North Korea sent thousands of troops to support Russia …", over two more) is
    the first of a summary's key points, never a headline."""
    line = lines[index]
    return (
        not LIST_ITEM.match(line)
        and chrome.word_count(line) <= _HEADLINE_SENTENCE_MAX_WORDS
        and bool(STATEMENT_END.search(line))
        and not _PROSE_WORDS.search(line)
        and not _SENTENCE_INSIDE.search(line)
        and paragraph_below(lines, index, furniture) is not None
    )


_PLACE_ALONE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$"
)
"""A place and its country alone on the page's first line, with nothing else ("Moscow,
Russia" above WION's first paragraph): a dateline printed on its own line, never the short
line alone above the text that is read as the headline (a headline has a verb or more words;
"Ferry Route" is still read). The title is then the guessed first sentence."""


_DATELINE_ALONE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"\s*(?:\([^()]{0,30}\))?\s*[—–-]{0,2}\s*$"
)
"""A wire dateline alone on the page's first line, its story on the next: a place in capitals
and a day, maybe a year and an agency in brackets (left empty by the copy), a dash and nothing
else ("MADRID Dec. 4 () –" over thelatestnews's first paragraph). It names no story, so it is
never a headline (``title_line`` passes it like a by-line): the title is then the guessed
first sentence, not a dateline shown as a headline the page does not have."""


def _is_cut_off_tail(lines: list[str], index: int, furniture: set[int]) -> bool:
    """The page's last line (nothing but furniture under it), under the first paragraph and
    in sentence case: the page's capture cut off in mid-sentence ("“This task was not easy,”
    Zelensky said, claiming that North Korean military personnel usually “finish off their
    wounded” in order to hide"), not a headline printed after the text. On every dev page and
    bundled article a headline read under the first paragraph stands over more text; one
    printed last, in title case ("A Storm Hits the Coast Hard Today"), is still read."""
    below = any(at not in furniture and lines[at].strip() for at in range(index + 1, len(lines)))
    return not below and not is_title_cased(lines[index])


def _not_addressing_reader(lines: list[str], above: list[int], furniture: set[int]) -> list[int]:
    """The headline-shaped lines above the text but those where the site speaks to the reader
    ("you", "your" outside quotation marks) of nothing the page speaks of (no word of five
    letters or more in common with its paragraphs): "You have not yet added any article to
    your bookmarks!" above smurbo's headline, which had been read as the title. A headline
    that speaks to the reader of its story ("What you need to know about the summit") shares
    its words with the text, and stays; so does the only one."""
    speaking = [
        index for index in above if SECOND_PERSON.search(QUOTED_SPAN.sub(" ", lines[index]))
    ]
    if not speaking:
        return above
    candidates = set(above)
    text_words = set().union(
        *(
            content_words(line)
            for at, line in enumerate(lines)
            if at not in furniture and at not in candidates and is_paragraph(line)
        )
    )
    passed = {index for index in speaking if not content_words(lines[index]) & text_words}
    return [index for index in above if index not in passed] or above


_HEADLINE_STAMP_TAIL = re.compile(
    r"\s+(?:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"(?P<time>,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*$"
)
"""A site's time stamp glued to the end of its headline: "… visits North Korea Saturday, July
12, 2025 8:55:19 AM". Only with a weekday or a time: a headline may end on a date of its
own ("… treaty signed June 19, 2024")."""


_HEADLINE_SITE_TAIL = re.compile(
    r"\s+(?:[|»]\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[\w.&'’-]+){0,3})|"
    r"[-–—]\s+(?P<outlet>(?:[A-Z][\w&'’-]*\s+){0,2}(?:[A-Z][a-z]+\.(?:com|net|org|news|tv)|"
    r"(?:News|Times|Post|Today|Daily|Herald|Tribune|Journal|Online|Media|Press|Express|Mirror|"
    r"Telegraph|Network|Agency)\b)))\s*$"
)
"""A site's name or section after a bar, a guillemet or a dash at the end of its headline:
"Putin to visit North Korea for first time in 24 years » Capital News", "… exchange nightly
attacks | World news". After a dash only a name that reads as
an outlet's (ending in "News", "Times", "Post" …, or a domain): "Kim meets Putin - North Korea"
keeps its last words."""


_HEADLINE_MIN_WORDS_LEFT = 4


_DANGLING_QUOTES = re.compile(r"\s+[“‘«`\"][`'\"“‘«]*$")
"""Quotation marks that open nothing at a headline's end, a capture's remnant of a quoted
teaser: "… Capture of Two North Korean Soldiers “`"."""


_DANGLING_SEPARATOR = re.compile(r"\s+[|»–—-]+\s*$")
"""A separator left at a headline's end where the site's name was cut: "The world's rushing
to Ukraine to study drone warfare |"."""


def bare_headline(line: str) -> str:
    """The headline without quotation marks that open nothing, or a site's time stamp or name,
    glued to its end (a stamp or name cut only when four words or more are left), or a
    separator left where that name was."""
    line = _DANGLING_SEPARATOR.sub("", _DANGLING_QUOTES.sub("", line))
    for pattern in (_HEADLINE_STAMP_TAIL, _HEADLINE_SITE_TAIL):
        match = pattern.search(line)
        if (
            match
            and (pattern is not _HEADLINE_STAMP_TAIL or match["weekday"] or match["time"])
            and len(line[: match.start()].split()) >= _HEADLINE_MIN_WORDS_LEFT
        ):
            line = line[: match.start()].rstrip()
    return line


def _speaks_of_text(lines: list[str], index: int, furniture: set[int]) -> bool:
    """A headline read from outside the masthead (a lone line under the first paragraph, a
    short line alone above it) names something its article does: a word of five letters or
    more in common with the page's other lines. A site's tagline ("Stay Informed with Buzz
    News | Your Daily Dose of Trending Topics") and a section's label ("The News") do not."""
    own = content_words(lines[index])
    return any(
        own & content_words(line)
        for at, line in enumerate(lines)
        if at != index and at not in furniture and line_key(line) != line_key(lines[index])
    )


def _has_subheads(lines: list[str], start: int, furniture: set[int]) -> bool:
    """Short headings between later paragraphs ("Who said what", "What next?"): the short
    line opening the page is the first of the sub-heads, not a title."""
    return any(
        index not in furniture
        and len(lines[index].split()) <= SUBHEAD_MAX_WORDS
        and is_heading(lines[index])
        for index in range(start + 1, len(lines) - 1)
    )


def _has_headings_below(lines: list[str], index: int, furniture: set[int]) -> bool:
    """Two or more headings further down, each over a paragraph ("Training and Support from
    Russia", "A Historical Deployment"): a heading-shaped line under a page's first paragraph
    is then the first of its sub-heads ("North Korean Reinforcements in Kursk"), no headline.
    One heading further down may be another story's. The page's last line counts as a
    paragraph when the capture cut it off mid-sentence, long as a paragraph ("In addition to
    military support, … nearly $10 million in revenue per month,")."""
    kept = [at for at in range(index + 2, len(lines)) if at not in furniture]
    headed = sum(
        len(lines[at].split()) >= 2
        and is_heading(lines[at])
        and (is_paragraph(lines[after]) or _is_cut_paragraph(lines, after))
        for at, after in pairwise(kept)
    )
    return headed >= _SUBHEADS_BELOW


_CUT_PARAGRAPH_MIN_WORDS = 20
"""A last line this long without a closing stop is a paragraph the capture cut off."""


def _is_cut_paragraph(lines: list[str], index: int) -> bool:
    return index == len(lines) - 1 and chrome.word_count(lines[index]) >= _CUT_PARAGRAPH_MIN_WORDS


def _headline_of(lines: list[str], above: list[int], text: str | None = None) -> int:
    """Of the headline-shaped lines above the text, the first of headline length: a site's
    tagline above it is shorter, a standfirst under it comes second. But a shorter line above
    that one which speaks of what the text does (two words in common) is the headline: "Putin
    speaks at BRICS summit" over its standfirst "The Russian president has joined the plenary
    session … via videolink", "BRICS: The Kazan Declaration" over its subtitle
    "De-dollarization and perhaps …"; a tagline ("Swiss perspectives in 10 languages") shares
    nothing with the text."""
    full = [index for index in above if len(lines[index].split()) >= HEADLINE_MIN_WORDS]
    chosen = full[0] if full else above[-1]
    bare = [
        index
        for index in above
        if index > chosen
        and len(line_key(lines[index])) < len(line_key(lines[chosen]))
        and line_key(lines[index]) in line_key(lines[chosen])
    ]
    if bare:  # "Current:Home > ScamsLive updates: … in Ukraine-LoTradeCoin", then the bare one
        return bare[0]
    if text:
        below = content_words(text)
        about = [i for i in above if i < chosen and len(content_words(lines[i]) & below) >= 2]
        if about:
            return about[-1]
    return chosen


def _stands_alone(lines: list[str], index: int, furniture: set[int], last: dict[str, int]) -> bool:
    """The next line that counts is no headline too: one of several is another story's. The
    headline printed again right under itself (the page's title over its heading: "Zelensky
    Proposes North Korean Soldier Exchange for Ukrainian POWs" twice under the standfirst,
    round thirty-nine's metaworld) is one headline, not two."""
    key = line_key(lines[index])
    for after in range(index + 1, len(lines)):
        if (
            after not in furniture
            and not is_metadata(lines[after])
            and line_key(lines[after]) != key
        ):
            return not _is_title_shaped(lines, after, last)
    return True


_ORNAMENT = re.compile(r"^[◆◇■□●○▲△▼▽★☆►▶♦❖]")
"""A sub-head's ornament, glued or not: "◆Already Landfilled to Secure Access Road" (round
fifty-three's asiapress) heads a section, and is no headline."""


_OPENS_ON_DATELINE = re.compile(r"^[A-Z][A-Z.'-]{2,}(?:,? [A-Z][A-Za-z.'-]*)*,? ?(?:—|–|--) ")
"""A line that opens on a place in capitals and a dash is the story's first paragraph, however
short: "WASHINGTON D.C., DC — "Within days."" over "That's how soon it will be before North
Korean soldiers join Russia on the front lines" (13newsnow). A headline never opens on its
dateline."""


_LABELLED = re.compile(r"^[A-Z][\w'’ -]{0,25}:\s+(?P<value>\S.{0,60})$")
"""A label and its value: "Data cut-off: 1700 ET, October 25, 2024"."""


def _is_labelled_date(line: str) -> bool:
    """A label over a date ("Data cut-off: 1700 ET, October 25, 2024", a research note's) is
    the page's metadata, never its headline, whatever the label says."""
    match = _LABELLED.match(line)
    return bool(match) and printed_dates.date_line(match["value"]) is not None


def _is_title_shaped(lines: list[str], index: int, last: dict[str, int]) -> bool:
    """Headline-shaped, or a short sentence printed again below (a headline with a full stop).
    ``last``: each line key's last position (``_last_positions``)."""
    line = lines[index]
    if _ORNAMENT.match(line) or _OPENS_ON_DATELINE.match(line) or _is_labelled_date(line):
        return False
    if is_headline_shaped(line):
        return True
    return (
        chrome.word_count(line) <= TITLE_MAX_WORDS
        and not is_caption(line)
        and last[line_key(line)] > index
    )


def _last_positions(lines: list[str]) -> dict[str, int]:
    """Each line key's last position: whether a line is printed again below is one look-up,
    not a scan of the rest of the page for every line (quadratic on a page of short lines)."""
    return {line_key(line): index for index, line in enumerate(lines)}
