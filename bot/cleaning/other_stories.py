"""Other stories on the page: runs of short headline-like lines, teaser cards with their stamps,
bulleted or linked headlines, and a headline in capitals or decorated, none of them part of the
article.
"""

from __future__ import annotations

import re
from itertools import pairwise, takewhile

from bot import chrome, printed_dates
from bot.chrome import SENTENCE_END
from bot.cleaning.bylines import BYLINE, is_metadata
from bot.cleaning.furniture import is_editorial_note
from bot.cleaning.lines import HEADING_MAX_WORDS, is_paragraph
from bot.cleaning.shapes import (
    LABEL_MAX_WORDS,
    LIST_ITEM,
    LIST_ITEM_MARK,
    STATEMENT_END,
    TITLE_MAX_WORDS,
    is_heading,
    is_headline_cased,
    is_headline_shaped,
    is_linked_headline,
    is_name,
    is_title_cased,
)
from bot.tokens import terms

_CARD_LINES = 3


_CARD_ABOVE = 2


_RELATIVE_TIME = re.compile(
    r"^(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago$|^(?:yesterday|today|just now)$",
    re.I,
)


_STAMP_RUN = 3
"""Date lines in a row: other items' time stamps ("2025-05-05 16:551406 view")."""


_MACHINE_STAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$"
)
"""An ISO 8601 time stamp with its zone, as a page's meta tags give its own dates
("2024-12-19T15:14+0100": published, then modified); a list shows its items' times to people."""


_TEASER_RUN = 2
"""A site's name is printed in its masthead or its footer: among the page's first or last lines."""


_LINK_LABEL = re.compile(
    r"^(?:[•·*▶►→»-]\s*)?(?:also\s+read|read\s+also|read\s+more|read\s+next|see\s+also|"
    r"must\s+read|don[’']?t\s+miss|recommended|related(?:\s+(?:stories|news|articles|coverage))?|"
    r"more\s+on\s+this(?:\s+story)?)\s*[:|]?$",
    re.I,
)
"""A link label alone on its line ("ALSO READ"): the headline under it is another story's."""


_LIST_TITLE = re.compile(
    r"^(?:latest(?:\s+(?:news|stories|headlines|articles|updates))?|"
    r"most\s+(?:read|popular|viewed|shared)(?:\s+(?:news|stories|articles))?|"
    r"top\s+(?:stories|news|headlines)|trending(?:\s+(?:now|news|stories))?|"
    r"more\s+(?:stories|news|headlines|articles)(?:\s+[\w’'-]+){0,3}|"
    r"you\s+(?:may|might)\s+also\s+like|popular(?:\s+(?:now|news|stories))?|"
    r"editor[’']?s\s+picks)\s*[:|]?$",
    re.I,
)
"""A list of other stories' title alone on its line ("Latest", "Most read", "More stories"):
the bulleted headlines under it are links."""


_CARD_LINK = re.compile(
    r"^(?:read\s+more|continue\s+reading|read\s+(?:the\s+)?full\s+(?:story|article)|"
    r"full\s+(?:story|article))\s*[»›>→…:.]*$",
    re.I,
)
"""A card's link to its story, alone on the line under the card: "Read more »"."""


_CARD_RUN = 2
"""Cards closed by a link label, at least this many in a row: one may be the article's own
teaser ("… Continue Reading" under a tag page's one story)."""


_RUN_HEADING = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){0,2}[A-Z][\w’'&-]*\s*:")
"""A list's title: one to three capitalised words and a colon ("Similar News:")."""


_LINKED_LIST_MIN_ITEMS = 2


_BULLET_ONLY = re.compile(r"^[-–—•·*▪◦●○■►▶|]+$")


HEADLINE_MIN_WORDS = 6


_HEADLINE_RUN = 3
"""Other stories' headlines come in runs: this many headline-shaped lines close together."""


def decorated_headlines(keys: list[str], title_at: int | None) -> set[int]:
    """The headline printed above itself wrapped in site chrome ("Current:Home > ScamsLive
    updates: … in Ukraine-LoTradeCoin"): furniture."""
    if title_at is None:
        return set()
    title = keys[title_at]
    return {index for index in range(title_at) if title in keys[index] and keys[index] != title}


def stamp_runs(lines: list[str], furniture: set[int]) -> set[int]:
    """Three or more date lines in a row are a list's time stamps ("2025-05-05 16:551406 view",
    "2025-05-05 16:512502 view", …), other items' dates: none is the page's. A run of machine
    stamps (``_MACHINE_STAMP``) is the page's own meta tags, read as its dates."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if index in furniture:
            continue
        if line and printed_dates.date_line(line):
            run.append(index)
            continue
        if len(run) >= _STAMP_RUN and not all(_MACHINE_STAMP.match(lines[i]) for i in run):
            found.update(run)
        run = []
    return found


def teaser_runs(lines: list[str], furniture: set[int]) -> set[int]:
    """Other stories' teasers under the article: two or more lines in a row cut off by an
    ellipsis ("DOHA (AFP): Qatar’s prime minister warned Wednesday that an unprecedented
    Israeli strike in Doha targeting…") or an excerpt's mark ("[…]"), after a paragraph of
    the article's own (see ``chrome.is_teaser``). A page of nothing but teasers (a tag page)
    keeps them: they are all the text it has."""
    found: set[int] = set()
    run: list[int] = []
    seen_text = False
    for index, line in enumerate([*lines, ""]):
        if index in furniture:
            continue
        if line and chrome.is_teaser(line):
            run.append(index)
            continue
        if seen_text and len(run) >= _TEASER_RUN:
            found.update(run)
        seen_text = (
            seen_text
            or bool(run)
            or chrome.word_count(line) > HEADING_MAX_WORDS
            or bool(SENTENCE_END.search(line))
        )
        run = []
    return found


def stamped_cards(lines: list[str], furniture: set[int]) -> set[int]:
    """Another story's card embedded between the article's paragraphs: a date line ("17
    January, 09:48 GMT") under one or two lines that end in no full stop, its picture's alt
    text and its headline ("… Choe Son Hui – Sputnik International, 1920, 17.01.2024" / "Putin,
    North Korean Foreign Minister Discuss Situation on Korean Peninsula – Kremlin"), once the
    page has shown a paragraph of its own. Above the text, a headline over a date line is the
    page's own and stays."""
    found: set[int] = set()
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        if seen_text and printed_dates.date_line(line):
            card = _card_lines_above(lines, index, furniture)
            if card:
                found.update([*card, index])
            continue
        seen_text = seen_text or (
            len(line.split()) > HEADING_MAX_WORDS and bool(SENTENCE_END.search(line))
        )
    return found


def _card_lines_above(lines: list[str], index: int, furniture: set[int]) -> list[int]:
    """Up to ``_CARD_ABOVE`` lines right above a card's date line that are no sentence: a
    headline's length, no closing punctuation."""
    card: list[int] = []
    at = index - 1
    while at >= 0 and len(card) < _CARD_ABOVE:
        if at in furniture:
            at -= 1
            continue
        words = len(lines[at].split())
        if not LABEL_MAX_WORDS < words <= TITLE_MAX_WORDS or SENTENCE_END.search(lines[at]):
            break
        card.append(at)
        at -= 1
    return card


def shouted_headlines(lines: list[str], furniture: set[int]) -> set[int]:
    """Another story's headline shouted between the article's paragraphs, as a link: a line
    wholly in capitals, longer than a sub-head (more than ``HEADING_MAX_WORDS`` words, up to
    a headline's ``TITLE_MAX_WORDS``) and without a full stop, once the page has shown a
    paragraph of its own: "NORTH KOREA SENDS WARNING TO SOUTH KOREA, SAYING TROOPS READY TO
    STRIKE IF MORE DRONES APPEAR" between two paragraphs of a report on the Pentagon. Above
    the text, a shouted line may be the page's own headline, and stays."""
    found: set[int] = set()
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        words = chrome.word_count(line)
        if seen_text and _is_shouted(line) and HEADING_MAX_WORDS < words <= TITLE_MAX_WORDS:
            if not STATEMENT_END.search(line):
                found.add(index)
            continue
        seen_text = seen_text or (words > HEADING_MAX_WORDS and bool(SENTENCE_END.search(line)))
    return found


_STRAY_MIN_TERMS = 5


_STRAY_SHARED_MAX = 0.25


def stray_headlines(lines: list[str], furniture: set[int]) -> set[int]:
    """Another story's headline in headline case between a paragraph and the next text,
    sharing almost nothing with the rest of the page: "Polish General Sacked After Missing
    Anti-Tank Mines Found in IKEA Railway Wagon" between two paragraphs of a report on North
    Korean prisoners (a site's single link to another story). At most ``_STRAY_SHARED_MAX`` of
    its terms (``_STRAY_MIN_TERMS`` or more) are found in any other kept line; a sub-head
    ("Russia Deepens Military Cooperation With North Korea") speaks of what the text does."""
    kept = [index for index in range(len(lines)) if index not in furniture]
    found: set[int] = set()
    for before, index, after in zip(kept, kept[1:], kept[2:], strict=False):
        line = lines[index]
        if not (
            is_paragraph(lines[before])
            and chrome.word_count(lines[after]) > HEADING_MAX_WORDS
            and is_headline_cased(line)
            and is_headline_shaped(line)
        ):
            continue
        own = set(terms(line))
        if len(own) < _STRAY_MIN_TERMS:
            continue
        rest = {term for at in kept if at != index for term in terms(lines[at])}
        if len(own & rest) <= _STRAY_SHARED_MAX * len(own):
            found.add(index)
    return found


def _is_shouted(line: str) -> bool:
    return line == line.upper() and line != line.lower()


def linked_headlines(lines: list[str], furniture: set[int]) -> set[int]:
    """A link label alone on its line ("ALSO READ", "Read more:") and the headline-shaped line
    under it, another story's: "ALSO READ" / "India and China agree on patrols along the
    border in Ladakh". When a bulleted list follows the label, every item of it is a link,
    whatever its shape: "Read also:" / "- American teenagers taking up farming roles previously
    filled by immigrants, …" / "- Weekly affairs in the German Federal Parliament (Bundestag)"
    (aerocloud, round forty-three: a teaser with a full stop, read as text and quoted)."""
    found: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        if _LINK_LABEL.match(line):
            found.add(index)
            after = next(
                (at for at in range(index + 1, min(len(lines), index + 4)) if at not in furniture),
                None,
            )
            if after is not None and LIST_ITEM.match(lines[after]):
                found |= _bulleted_run(lines, after, furniture)
            elif after is not None and is_headline_shaped(lines[after]):
                found.add(after)
    return found


def _bulleted_run(lines: list[str], start: int, furniture: set[int]) -> set[int]:
    """The list items from ``start`` on, one after another (furniture between them passed)."""
    run: set[int] = set()
    for at in range(start, len(lines)):
        if at in furniture:
            continue
        if not LIST_ITEM.match(lines[at]):
            break
        run.add(at)
    return run


def link_cards(lines: list[str], furniture: set[int]) -> set[int]:
    """Other stories' cards, each a line (a headline glued to its blurb) closed by a link
    label alone on the line under it ("Read more »"), two or more in a row; and the line above
    them when it opens with the list's title and a colon ("Similar News:You can also read news
    stories similar to this one …"). One card may be the page's own teaser. A page of nothing
    but cards (a tag page: "… Russia has reportedly received approximately 15,000 North
    Korean workers." / "Read More", three times) keeps their text and drops only the link
    labels: the cards are all the text it has, as with ``teaser_runs``."""
    found: set[int] = set()
    index = 0
    while index < len(lines) - 1:
        at = index
        while (
            at + 1 < len(lines)
            and _CARD_LINK.match(lines[at + 1])
            and not _CARD_LINK.match(lines[at])
            and at not in furniture
        ):
            at += 2
        if (at - index) // 2 >= _CARD_RUN:
            found.update(range(index, at))
            if index and _RUN_HEADING.match(lines[index - 1]):
                found.add(index - 1)
            index = at
        else:
            index += 1
    if found and not any(
        is_paragraph(line)
        for at, line in enumerate(lines)
        if at not in found and at not in furniture
    ):
        return {at for at in found if _CARD_LINK.match(lines[at])}
    return found


def _is_glue(line: str) -> bool:
    """Lines found between the headlines of a list of other stories: bullets, by-lines, time
    stamps ("10/24/2024 07:13 PM", "2 days ago") and section labels ("World")."""
    return bool(
        _BULLET_ONLY.match(line)
        or (BYLINE.match(line) and is_name(BYLINE.match(line)["name"]))
        or printed_dates.date_line(line)
        or _RELATIVE_TIME.match(line)
        or (chrome.word_count(line) <= LABEL_MAX_WORDS and not SENTENCE_END.search(line))
    )


def headline_runs(
    lines: list[str], keys: list[str], title_at: int | None, furniture: set[int]
) -> set[int]:
    """Runs of headline-shaped lines with only bullets, by-lines, time stamps, labels or other
    furniture between them: other stories' headlines ("More Videos", "Next In World", a list
    of latest news). The page's own headline, wherever it is printed, ends a run. A headline
    already dropped for the link address it carries (a social post's title and its "t.co"
    link) counts as one of the run: "Kim Jong Un to join Putin at China military parade days
    after Trump said he wanted to meet him https://t.co/…" over two more posts' titles."""
    if writes_without_full_stops(lines, furniture):
        return set()
    title = keys[title_at] if title_at is not None else None
    found: set[int] = set()
    run: list[int] = []
    headlines = 0
    for index, line in enumerate(lines):
        if keys[index] == title:
            line = ""  # ends the run below
        if (
            is_headline_shaped(line)
            and not printed_dates.date_line(line)
            and not is_metadata(line)
            and not is_editorial_note(line)
        ) or (index in furniture and is_linked_headline(line)):
            run.append(index)
            headlines += 1
        elif run and line and (index in furniture or _is_glue(line)):
            run.append(index)
        else:
            if headlines >= _HEADLINE_RUN:
                found.update(run)
            run, headlines = [], 0
    if headlines >= _HEADLINE_RUN:
        found.update(run)
    return found


def writes_without_full_stops(lines: list[str], furniture: set[int]) -> bool:
    """Whether the page ends its own paragraphs without a full stop: most of its lines longer
    than a headline (at least ``_UNPUNCTUATED_PARAGRAPHS``) end on a word ("… as Russia has
    lost about 600k soldiers in this three-year war"). On such a page a paragraph of a
    headline's length looks like one, so a run of them is not other stories' headlines."""
    long = [
        line
        for index, line in enumerate(lines)
        if index not in furniture and chrome.word_count(line) > TITLE_MAX_WORDS
    ]
    bare = [line for line in long if not SENTENCE_END.search(line.rstrip())]
    return len(bare) >= _UNPUNCTUATED_PARAGRAPHS and 2 * len(bare) > len(long)


_UNPUNCTUATED_PARAGRAPHS = 2


def cards_above_headline(lines: list[str], keys: list[str], furniture: set[int]) -> set[int]:
    """Other stories' cards above the article's own headline, found by that headline being
    printed twice, the second time with a section's label glued before it ("Kim Jong Un Sends
    Love Letter to Putin on Russia Day" / "NorthKoreaKim Jong Un Sends Love Letter to Putin on
    Russia Day"): the lines above it that share no word with the article's first paragraphs
    (other headlines and their blurbs, "Jennie Drops ‘Love Hangover’ Tease …"; ``_CARDS_SHARED``),
    and the labelled copy. A page showing its headline once is left to the other rules."""
    kept = [index for index in range(len(lines)) if index not in furniture]
    for at, after in pairwise(kept[: _CARDS_REACH + 1]):
        key = keys[at]
        if not (
            is_headline_shaped(lines[at])
            and keys[after] != key
            and keys[after].endswith(key)
            and keys[after][: -len(key)].isalpha()
        ):
            continue
        below = [lines[i] for i in kept if i > after][:_CARDS_BODY]
        body = set(terms(" ".join([lines[at], *below])))
        above = {i for i in kept if i < at and not is_metadata(lines[i])}
        return {i for i in above if len(set(terms(lines[i])) & body) < _CARDS_SHARED} | {after}
    return set()


_CARDS_REACH = 20
"""How far down the page its headline may be printed twice."""
_CARDS_BODY = 3
"""The paragraphs under the headline whose words tell the article's own lines from cards."""
_CARDS_SHARED = 2
"""How many of those words a line above must share to be the article's own: one may be
chance ("*Love* Hangover" above "Kim Jong Un Sends *Love* Letter …")."""


def teaser_cards(
    lines: list[str], keys: list[str], title_at: int | None, furniture: set[int]
) -> set[int]:
    """Another story's card under the article: a short heading printed again just below, a
    line between ("The French Connection" / "GZERO World S1E27: The French Connection" / "The
    French Connection") after the article's text. It and everything under it are furniture. A
    heading printed twice in a row ("Rodong Sinmun" / "Rodong Sinmun", a photo's credit under
    the headline) is a repeated line, not a card."""
    title = keys[title_at] if title_at is not None else None
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        if not seen_text:
            seen_text = not is_heading(line) and not is_metadata(line) and index != title_at
            continue
        if (
            keys[index] != title
            and is_heading(line)
            and chrome.word_count(line) > 1
            and keys[index] in keys[index + 2 : index + 1 + _CARD_LINES]
            and keys[index] not in keys[index + 1 : index + 2]
        ):
            return set(range(index, len(lines)))
    return set()


_UNRELATED_MAX_WORDS = 20
"""Another story's headline between paragraphs is at most this long (a sub-head's length,
``HEADING_MAX_WORDS``, up to here; longer lines are a lead's cut-off sentence)."""


def unrelated_headlines(lines: list[str], title_at: int | None, furniture: set[int]) -> set[int]:
    """Another story's headline placed between the article's paragraphs as a link: once the
    page has shown a paragraph of its own, a headline-shaped line longer than a sub-head, with
    a paragraph right under it that shares none of the line's own words (those not in the
    page's headline or any line above it). A sub-head or a live blog's entry heading is
    followed by the paragraph that carries on its subject ("'Boycott Hungary!' Hungarian
    Foreign Minister arrives in Moscow for fifth visit" / "The Hungarian Foreign Minister,
    Péter Szijjártó, …"); a link to another story is not ("Putin and Kim at official welcome
    in North Korea, vow new multipolar world" / "Putin arrived in Pyongyang early Wednesday
    morning, …", whose shared words the page had already used)."""
    found: set[int] = set()
    seen = set(terms(lines[title_at])) if title_at is not None else set()
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture or index == title_at:
            continue
        words = chrome.word_count(line)
        if (
            seen_text
            and HEADING_MAX_WORDS < words <= _UNRELATED_MAX_WORDS
            and is_headline_shaped(line)
            and not SENTENCE_END.search(line)
            and not is_metadata(line)
        ):
            below = paragraph_below(lines, index, furniture)
            own = set(terms(line)) - seen
            if below is not None and own and not own & set(terms(below)):
                found.add(index)
                continue
        seen.update(terms(line))
        seen_text = seen_text or (words > HEADING_MAX_WORDS and bool(SENTENCE_END.search(line)))
    return found


def paragraph_below(lines: list[str], index: int, furniture: set[int]) -> str | None:
    """The next line the rules keep, when it is a paragraph (a sentence longer than a
    sub-head)."""
    for below in range(index + 1, len(lines)):
        if below in furniture:
            continue
        line = lines[below]
        paragraph = chrome.word_count(line) > HEADING_MAX_WORDS and SENTENCE_END.search(line)
        return line if paragraph else None
    return None


def bulleted_headlines(
    lines: list[str], furniture: set[int], lists: dict[int, list[int]]
) -> set[int]:
    """Bulleted lines of other stories' headlines: a run of list items (bullets alone on their
    lines between them), each headline-shaped once its bullet is off, not under a lead-in ending
    with a colon. They are links to other stories
    - under a list's title ("Related", "More on this story", "Latest", "Most read"), any number;
    - above the page's first paragraph, two or more in a row, up to the first that is no
      headline ("- NewsElon Musk's … after Trump win" / "- NewsDonald Trump interrupts speech
      …" above a report on the Pentagon);
    - closing the page with nothing but furniture under them, three or more ("- U.N. Security
      Council convenes 'North Korean troops to Russia' meeting today" and two more under YTN's
      report);
    - right under a paragraph, with no lead-in, between paragraphs or closing the page, two or
      more of a headline's length in title case, as headlines are printed and an article's
      points are not ("• Seoul Says North Korea Sent 3,000 More Troops To Russia's Kursk
      Region").
    Below the first paragraph, a run that holds a sentence, or an item that runs on with a
    comma, is the article's own list, and so is one under a lead-in ("Key statements by
    Vladimir Putin:") or a heading of the text ("Key points"), where an article's own points may
    be printed without full stops. Above it the items before a sentence are taken still:
    forexlive's "• Putin travels to an international conference in China next week," (above
    a quotation's item) kept as text made the line classifier's threshold 0.99 (see
    docs/reading.md)."""
    listed = {item for items in lists.values() for item in items}
    kept = [index for index in range(len(lines)) if index not in furniture]
    found: set[int] = set()
    seen_text = False
    at = 0
    while at < len(kept):
        end = at
        while end < len(kept) and _is_run_line(lines[kept[end]]) and kept[end] not in listed:
            end += 1
        items = [kept[k] for k in range(at, end) if LIST_ITEM.match(lines[kept[k]])]
        if not items:
            seen_text = seen_text or is_paragraph(lines[kept[at]])
            at += 1
            continue
        above = kept[at - 1] if at else None
        under_text = above is not None and is_paragraph(lines[above])
        place = (
            "titled"
            if _is_list_title(lines, items[0])
            else "above"
            if not seen_text
            else ("closing" if end == len(kept) else "") + (" under text" if under_text else "")
        )
        if place == "above":
            lead = list(takewhile(lambda item: _is_linked_item(lines[item]), items))
            found.update(lead if len(lead) >= _LINKED_LIST_MIN_ITEMS else ())
        elif _are_other_stories([lines[item] for item in items], place):
            found.update(kept[at:end])
        at = end
    return found


def _is_run_line(line: str) -> bool:
    return bool(LIST_ITEM.match(line) or _BULLET_ONLY.match(line))


def _is_list_title(lines: list[str], first: int) -> bool:
    """The line above a run (past bullets alone on their lines) titles a list of links."""
    above = first - 1
    while above >= 0 and _BULLET_ONLY.match(lines[above]):
        above -= 1
    return above >= 0 and bool(_LINK_LABEL.match(lines[above]) or _LIST_TITLE.match(lines[above]))


def _are_other_stories(items: list[str], place: str) -> bool:
    """Whether a run's items are other stories' headlines where the run stands (``place``).
    An item of a label's length ("- More", "- Video") is no headline but does not make the run
    the article's own either: a list of links often ends with one; the other items decide,
    and a run of labels alone ("- Algeria", "- Belarus") is the article's."""
    items = [
        item for item in items if chrome.word_count(LIST_ITEM_MARK.sub("", item)) > LABEL_MAX_WORDS
    ]
    if not place or not items or not all(map(_is_linked_item, items)):
        return False
    if any(item.endswith((",", ";")) for item in items):
        return False
    if place == "titled":
        return True
    if place.startswith("closing") and len(items) >= _HEADLINE_RUN:
        return True
    if not place.endswith("under text") or len(items) < _LINKED_LIST_MIN_ITEMS:
        return False
    return all(
        chrome.word_count(item) > HEADLINE_MIN_WORDS and is_title_cased(item) for item in items
    )


def _is_linked_item(line: str) -> bool:
    match = LIST_ITEM.match(line)
    return bool(match) and is_headline_shaped(line[match.end() - 1 :])
