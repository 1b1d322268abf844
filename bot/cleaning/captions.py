"""Photo captions and credits: a caption is kept and marked (it carries facts), its credit is
cut off, and a picture's alt text or description printed again is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from bot import chrome
from bot.chrome import SENTENCE_END
from bot.cleaning.lines import HEADING_MAX_WORDS, PER_LINE_CACHE, line_key
from bot.cleaning.shapes import is_caption

_BAR_LABEL_TAIL = re.compile(r"^\s*\|\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*$")
"""A link's label printed after a bar at a caption's end: " | License Photo"."""


AGENCY_IN_BRACKETS = r"(?P<agency>[A-Z][A-Za-z0-9&]*(?:[ /-][A-Z][A-Za-z0-9&]+){0,2})"
"""An agency's or a broadcaster's name of up to three capitalised words, as a credit in brackets
closing a line prints it: "Yonhap", "A2 Televizion", "YONHAP"."""


CAPTION_WORDS = frozenset(
    {"file", "photo", "photos", "video", "pictured", "archive", "image", "illustration", "graphic"}
)


_IMAGE_CREDITS_FIELD = re.compile(
    r"^(?:image|photo|picture)\s+credits?\s*:|^licen[cs]e\s+details\b", re.I
)
"""A field of a picture's credits box, its parts between bars: "Image of Vladimir Putin | …
| Image Credit: Goodfon.com and Flickr | License details Creator: Remy Steinegger | …"."""


_CREDITS_BOX_FIELDS = 3
"""A credits box has fields; a caption with its credit after one bar ("The harbour master at the
new pier. File | Photo Credit: AP") is a caption, its credit cut."""


_PHOTO_CREDIT_END = re.compile(r"(?:\bphoto|\bpool|\bhandout|\bfile)\s*$|\bvia\s+[A-Z]{2,}\b", re.I)


_CLOSING_PHOTO_CREDIT = re.compile(
    r"\s*[(\[](?P<credit>[^()\[\]]{3,120})[)\]](?:\s*\*{1,2}[A-Z]{2,12}\*{1,2})?\s*$"
)
"""A bracketed credit closing a kept line, with a marker after it in asterisks or not: "…
whose plane touched down in the early hours of the morning. [Vladimir Smirnov/Sputnik, Kremlin
Pool via Reuters]", "… for the fighting in Ukraine. (Vladimir Smirnov, Sputnik, Kremlin Pool
Photo via AP) **FILE**"."""


HASHTAG = r"#[^\W\d_]\w*"


_CLOSING_HASHTAGS = re.compile(rf"(?<=[.!?…\"”’)])\s+(?:{HASHTAG}\s*)+$")
"""A run of hashtags after a paragraph's last sentence: "… since Moscow’s invasion of Ukraine.
#CNN #News"."""


_CLOSING_LABELLED_CREDIT = re.compile(
    r"(?<=[.!?)\]\"”’])\s+(?i:image|photo(?:graph)?|picture|pic|foto)s?\s*:\s*"
    r"(?P<credit>[^.!?:/]{2,60}(?:/[^.!?:/]{1,60}){1,3})$"
)
"""A photo's labelled credit, agency and photographer between slashes, closing a caption: "…
Brics Business Forum in Moscow. (October 18, 2024) Image: Keystone/EPA/Alexander
Zemlianichenko"."""


_CLOSING_DASH_SOURCE = re.compile(
    r",\s*[—–]\s*(?P<source>[A-Z][\w.&’'-]*(?:[ -][A-Z][\w.&’'-]*){0,3})\s*$"
)
"""An outlet's name after a comma and a dash closing a kept line, where a reposted post names
where it was taken from: "… casualties among North Korean soldiers in Russia, — RBC-Ukraine"."""


_CREDIT_SIGNAL = re.compile(r"\bphoto|\bpool\b|\bhandout\b|\bgetty\b|©|\bvia\s+[A-Z]", re.I)
"""What says a bracket holds a photo's credit: a photo, a pool, a handout, an agency it came
"via"; a name and place in brackets ("(R)", "(KCNA)") say nothing of the kind."""


_CREDIT_MAX_WORDS = 12


_DESCRIPTION_MIN_WORDS = 4


_DESCRIPTION_MAX_WORDS = 20


def alt_texts(lines: list[str], keys: list[str], furniture: set[int]) -> set[int]:
    """A photo's alternative text printed right above its caption, which says the same and
    adds the credit: "The moment North Korean troops board Russian naval ships …" over "The
    moment … Picture: South Korea's National Intelligence Service". The caption stays. But when
    the line above is the caption already, credit and all, the copy under it that only adds a
    link's label after a bar ("… File photo by Al Drago/UPI | License Photo") is the one to go.
    A caption printed again with only its credit added is left to ``is_credited_repeat``,
    which keeps the bare copy: the credit is no fact to quote."""
    found: set[int] = set()
    kept = [index for index in range(len(lines)) if index not in furniture]
    for index, after in pairwise(kept):
        if (
            is_caption(lines[after])
            and keys[after] != keys[index]
            and keys[after].startswith(keys[index])
            and not is_credited_repeat(lines[index], lines[after])
        ):
            labelled = is_caption(lines[index]) and _BAR_LABEL_TAIL.match(
                lines[after][len(lines[index]) :]
            )
            found.add(after if labelled and lines[after].startswith(lines[index]) else index)
    return found


def photo_descriptions(
    lines: list[str],
    keys: list[str],
    title_at: int | None,
    title: str | None,
    furniture: set[int],
) -> set[int]:
    """A photo's description for readers who cannot see it (its alternative text) printed
    right above the photo's caption: a short line of words with no full stop at its end and no
    figure, "Putin and Kim Jong Un embrace at the airport. Putin is smiling. Kim has his back
    to the camera" over "The two leaders greet each other with a handshake and a hug. [… via AP
    Photo]". It describes the picture, not the story. The story's sentences end with a stop;
    the headline (found or given), which has none, is never taken, nor a date line or a
    summary above a lead photo (figures, or more words than a description has)."""
    found: set[int] = set()
    known = {line_key(title)} if title else set()
    if title_at is not None:
        known.add(keys[title_at])
    kept = [index for index in range(len(lines)) if index not in furniture]
    for index, after in pairwise(kept):
        line = lines[index]
        if (
            keys[index] not in known
            and _DESCRIPTION_MIN_WORDS <= chrome.word_count(line) <= _DESCRIPTION_MAX_WORDS
            and not any(char.isdigit() for char in line)
            and not SENTENCE_END.search(line)
            and not is_credited_caption(line)
            and is_credited_caption(lines[after])
        ):
            found.add(index)
    return found


def is_credited_caption(line: str) -> bool:
    """A caption, or a line closed by a photo's credit in brackets."""
    return is_caption(line) or without_photo_credit(line) != line


@lru_cache(maxsize=PER_LINE_CACHE)
def is_credited_repeat(paragraph: str, line: str) -> bool:
    """A paragraph printed again at once with a short tail that is no sentence: a photo's
    caption, then the same caption with its credit ("… during the state visit." then "… during
    the state visit. GAVRIIL GRIGOROV/POOL/AGENCE FRANCE-PRESSE"). The bare copy is the caption
    (kept and marked), the credited copy a repeat whose credit is no fact to quote ("France"
    in an agency's name); neither is the story's text, so a wire dateline under them still
    opens the story."""
    if not line.startswith(paragraph) or not SENTENCE_END.search(paragraph):
        return False
    tail = line[len(paragraph) :].strip()
    return (
        bool(tail)
        and chrome.word_count(tail) <= HEADING_MAX_WORDS
        and not SENTENCE_END.search(tail)
    )


@lru_cache(maxsize=PER_LINE_CACHE)
def without_photo_credit(line: str) -> str:
    """A kept line (a caption or the text) without the photo credit closing it: the
    photographer, the pool and the agency are who took the picture, no fact of the story, and
    a quoted answer must not carry them ("… to welcome Putin. [Vladimir Smirnov/Sputnik,
    Kremlin Pool via Reuters]"). A line that is nothing but its credit is left as it is."""
    match = _CLOSING_PHOTO_CREDIT.search(line)
    if (
        not match
        or not _CREDIT_SIGNAL.search(match["credit"])
        or SENTENCE_END.search(match["credit"])
        or chrome.word_count(match["credit"]) > _CREDIT_MAX_WORDS
    ):
        return line
    return line[: match.start()].rstrip() or line


_CAPTION_AGENCY = re.compile(rf"(?<=[.!?…\"'”’])\s+[(\[]{AGENCY_IN_BRACKETS}[)\]]$")


_CAPTION_LABELLED_AGENCY = re.compile(
    r"(?<=[.!?…\"'”’])\s+(?:(?:[\w ]{0,20}\|\s*)?(?i:photo(?:graph)?\s+credit)\s*:\s*"
    r"[A-Z][^.!?:]{0,60}|(?:Pic|Photo|Picture|Image)\s*/\s*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})$"
)
"""The same credit unbracketed, after a label: "… Lloyd Austin. File | Photo Credit: AP", "…
Russia’s Kursk region. Pic/AFP" (shapes ``_UNBRACKETED_CAPTION`` reads as captions)."""


def without_caption_agency(caption: str) -> str:
    """A photo caption without the agency's name in brackets after its last sentence ("…
    during a meeting at the Kremlin in Moscow. [TASS]", "… arrives in Pyongyang on June 4,
    2025. [YONHAP]"): who took the photo, no fact of the story, as a photographer's credit is
    (``without_photo_credit``), which needs a word saying so ("photo", "pool", "via"). Only on
    a line read as a caption, and not a word saying what the picture is ("(File)", "(Video)").
    A credit after a label is cut too ("… Lloyd Austin. File | Photo Credit: AP", "… Kursk
    region. Pic/AFP": ``_CAPTION_LABELLED_AGENCY``)."""
    if (labelled := _CAPTION_LABELLED_AGENCY.search(caption)) and caption[: labelled.start()]:
        return caption[: labelled.start()].rstrip()
    match = _CAPTION_AGENCY.search(caption)
    if not match or says_what_the_picture_is(match["agency"]):
        return caption
    return caption[: match.start()].rstrip()


def says_what_the_picture_is(name: str) -> bool:
    """Whether a bracketed name holds a caption's word ("File", "Photo", "Video"), which says
    what the picture is, not who credits it."""
    return any(word.casefold() in CAPTION_WORDS for word in re.split(r"[ /-]", name))


@lru_cache(maxsize=PER_LINE_CACHE)
def without_closing_labels(line: str) -> str:
    """A kept line without the labels a page glues after its last sentence, which a quoted
    answer must not carry: a run of hashtags ("… since Moscow’s invasion of Ukraine. #CNN
    #News", a feed's topic tags), or a reposted post's source after a comma and a dash ("…
    soldiers in Russia, — RBC-Ukraine", where the post was taken from, as a photo's credit
    names who took it), or a photo's labelled credit with its agency and photographer between
    slashes ("… Brics Business Forum in Moscow. (October 18, 2024) Image:
    Keystone/EPA/Alexander Zemlianichenko", as a bracketed credit is cut). Prose never closes a
    sentence with hashtags, nor a clause with a comma, a dash and a bare name; a hashtag inside
    a sentence ("… held talks in #Kazan.") stays. A line that is nothing but its label is left
    as it is."""
    for pattern in (_CLOSING_HASHTAGS, _CLOSING_DASH_SOURCE, _CLOSING_LABELLED_CREDIT):
        match = pattern.search(line)
        if match and line[: match.start()].strip():
            line = line[: match.start()].rstrip()
    return line


def is_photo_credit(line: str) -> bool:
    """A photographer's credit on its own line: "Alexander Zemlianichenko/Pool via
    REUTERS//File Photo"; or a picture's credits box, a field of its labelled between bars
    (``_IMAGE_CREDITS_FIELD``)."""
    parts = line.split("|")
    if len(parts) >= _CREDITS_BOX_FIELDS and any(
        _IMAGE_CREDITS_FIELD.match(part.strip()) for part in parts[1:]
    ):
        return True
    return (
        "/" in line
        and chrome.word_count(line) <= HEADING_MAX_WORDS
        and not SENTENCE_END.search(line)
        and bool(_PHOTO_CREDIT_END.search(line))
    )


_CARD_CREDIT = re.compile(
    r"\s[–—-]\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3},\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}"
)
"""A picture's dated credit as a syndicating site prints it after the picture's alt text: a dash,
the outlet, the picture's width and the day in figures ("… and Russian President Vladimir Putin
- Sputnik International, 1920, 14.06.2025")."""


_GLUED_STOP = re.compile(r"[.!?…][\"'”’)\]]*(?=[A-Z])")
"""A sentence's stop with the next line's first capital glued to it, no space between:
"… Egypt, Iran, the UAE, and Ethiopia.Brazil's President …"."""


_CARD_MAX_WORDS = 60


@lru_cache(maxsize=PER_LINE_CACHE)
def without_glued_card(line: str) -> str:
    """A kept line without a picture's card glued after its last sentence: the caption, its
    dated credit (``_CARD_CREDIT``) and what follows it ("… the UAE, and
    Ethiopia.Brazil's President Luiz Inacio Lula da Silva, center front, during the opening
    session … Feb. 26, 2025. - Sputnik International, 1920, 22.05.2025EconomyBRICS Bank Expands
    as De-Dollarization Heats Up22 May, 08:22 GMT"). The cut is at the last stop before the
    credit with a capital glued to it, where the page ran two lines together; a line with no
    such glue is left as it is."""
    match = _CARD_CREDIT.search(line)
    if not match:
        return line
    glues = [glue.end() for glue in _GLUED_STOP.finditer(line, 0, match.start())]
    if not glues or chrome.word_count(line[glues[-1] : match.start()]) > _CARD_MAX_WORDS:
        return line
    return line[: glues[-1]].rstrip()


_CREDIT_TAIL = re.compile(r"(?<=[.!?…\"”’])\s+[A-Z][\w.&’'/-]*(?:\s+[A-Z][\w.&’'/-]*){0,3}$")
"""A picture's credit after a caption's last sentence, capitalised words and no stop: "… for
his first visit to the country since 2000. Kremlin"."""


_SLIDE_COUNTER = re.compile(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}$", re.I)
"""A slideshow's counter over its first slide: "1 of 3"."""


def gallery_captions(lines: list[str], keys: list[str], furniture: set[int]) -> set[int]:
    """A slideshow's captions under its counter ("1 of 3"), each printed twice in a row with
    its credit: "North Korea's leader Kim Jong Un welcomes Russian counterpart Vladimir Putin.
    The Moscow president arrived early on June 19 for his first visit to the country since
    2000. Kremlin", then the same again, then the next slide's caption twice. Both copies of
    each go, up to the first line that is no such pair: the slideshow's copy of its captions,
    not the story. A caption printed twice without a slideshow's counter stays, one copy kept
    and marked: it can carry what a question asks ("… shakes hands with Russian President
    Vladimir Putin after signing a comprehensive strategic partnership treaty …")."""
    found: set[int] = set()
    kept = [index for index in range(len(lines)) if index not in furniture]
    for at, index in enumerate(kept):
        if not _SLIDE_COUNTER.match(lines[index].strip()):
            continue
        pairs = kept[at + 1 :]
        while len(pairs) >= 2 and keys[pairs[0]] == keys[pairs[1]]:
            if not _closes_on_credit(lines[pairs[0]]):
                break
            found.update(pairs[:2])
            pairs = pairs[2:]
    return found


def _closes_on_credit(line: str) -> bool:
    """A line closed by a picture's credit after its last sentence, bare words
    (``_CREDIT_TAIL``) or an agency in brackets (``_CAPTION_AGENCY``), that the caption rules
    do not read as a caption (``is_credited_caption``): such a caption, printed once or twice,
    is kept and marked."""
    return bool(_CREDIT_TAIL.search(line) or _CAPTION_AGENCY.search(line)) and not (
        is_credited_caption(line)
    )
