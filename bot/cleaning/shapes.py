"""Shapes of a line that many rules ask about: a person's name, a heading or short label, a photo
caption, a line in headline case.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bot import chrome, printed_dates
from bot.chrome import SENTENCE_END, Hinted
from bot.cleaning.lines import HEADING_MAX_WORDS, PER_LINE_CACHE

_TEMPERATURE = re.compile(r"(?<![\w.])-?\d{1,3}(?:\.\d)?\s*°\s*[FC]?(?!\w)")


_MASTHEAD_MAX_WORDS = 12


_NAME_PARTICLES = frozenset(
    {
        "and",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "der",
        "van",
        "von",
        "bin",
        "al",
        "el",
        "dos",
    }
)


_BRACKETED_LINE = re.compile(r"^\[(?P<square>[^\[\]]+)\]$|^\((?P<round>[^()]+)\)$")
"""A line wholly in brackets: "[Source: Reuters]" over fbcnews's first paragraph."""


def unbracketed(line: str) -> str:
    """The line without the brackets it is wholly set in: a credit reads the same in them."""
    match = _BRACKETED_LINE.match(line)
    return (match["square"] or match["round"]) if match else line


_CAPTION_CREDIT = Hinted(
    re.compile(
        r"[(\[](?:[^()\[\]©]*©[^()\[\]]*|(?!(?:photos?|pics?|videos?|gallery|watch|listen|audio|"
        r"live|map|updated?|summary|analysis|opinion|interview|explainer|transcript|exclusive|"
        r"editorial|commentary|factbox)[)\]])[A-Z]{2,}(?:\s+via\s+[A-Z]+)?|posted on [^()\[\]]+|"
        r"(?=[^()\[\]]*?\bphoto\b)[^()\[\]]*|(?-i:[A-Z][^()\[\]/]*/\s*[A-Z]{2,}(?:\s+[A-Z][a-z]+)?)|"
        r"(?-i:[A-Z][A-Za-z]+/[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}))"
        r"[)\]]\s*$",
        re.I,
    ),
    (")", "]"),
)
"""A credit in brackets ending a line: "(Photo: AP)", "[© Reuters]", "(File photo)", a
photographer's or a body's name before an agency's initials ("(Russian Defence Ministry/AP)",
"(Leon Neal/PA Wire)"), or an agency's name before its photographer's ("(Xinhua/Ding
Haitao)", after Xinhua's caption "(241022) -- KAZAN, Oct. 22, 2024 (Xinhua) -- Chinese President
Xi Jinping meets …"; a photographer of two or three words, so "(Ukraine/Russia)" is none); a word
naming the medium or the story's kind ("(PHOTOS)", "(VIDEO)", "(LIVE)", "(Summary)",
"(ANALYSIS)") is a headline's label, not a credit (dailytimes247's "Kim inspects memorial to
heroes who died in Kursk liberation (PHOTOS)" had been read as a caption and its standfirst as
the title, as zjggczm's "Kazan Declaration of the 16th BRICS Leaders’ Meeting (Summary)"). Each part
is read once: up to its first "©" the credit has no "©", and the word "photo" is looked for
ahead (a lookahead does not backtrack), not by trying every split point of a long line."""


_UNBRACKETED_CAPTION = re.compile(
    r"^FILE(?:\s+PHOTO)?\s*(?:[-–—:]|\(\w+\))\s+[A-Z]|"
    r"[.!?][\"'”’]?\s+[—–-]\s+(?:[A-Z][A-Za-z&.]*|[A-Z]{2,}/[A-Z][\w&./]*)(?:\s+[A-Z][A-Za-z&.]*){0,3}$|"
    r"[.!?][\"'”’]?\s+(?:Picture|Photo|Image)\s*:\s+[A-Z][^.!?:]{0,80}$|"
    r"[.!?][\"'”’]?\s+(?:Pic|Photo|Picture|Image)\s*/\s*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}$|"
    r"[.!?][\"'”’]?\s+(?:File\s+)?(?i:photo)\s+by\s+[A-Z][^.!?/|]{0,60}/[A-Z][A-Za-z&]+"
    r"(?:\s*\|\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?$|"
    r"[.!?][\"'”’]?\s+(?:[\w ]{0,20}\|\s*)?(?i:photo(?:graph)?\s+credit)\s*:\s*[A-Z][^.!?:]{0,60}$|"
    r"[.!?][\"'”’]?\s+[A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+){0,2}(?:\s*/\s*[A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+){0,2}){1,3}$|"
    r"[.!?][\"'”’]?\s+[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][a-z]+(?:\s+[A-Z][\w'’-]*){0,4}$|"
    r"\w,\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.$|"
    r"[.!?][\"'”’]?\s+(?:/\s*)?(?i:courtesy\s+of)\s+[A-Z][^.!?/]{0,100}$|"
    r"\w\s+[-–—]\s+(?i:copyright)\s+[A-Z][\w&.]*(?:\s*/\s*\w+)?(?:\s+[A-Z][\w&.'-]*){0,3}"
    r"(?:\s+[-–—])?$|"
    r"^(?:An?\s+)?(?:(?:undated|handout|file)\s+)*(?:photo(?:graph)?|picture|image)\s+"
    r"(?:made\s+available|released|provided|distributed|issued)\s+by\b[^.!?]*\bshows\b"
)
"""A photo caption with no credit in brackets: a file photo's ("FILE - A man walks past …",
"FILE PHOTO: …"), one closed by its credit after a dash ("… in Seoul, South Korea, Wednesday.
— AP") or after a label ("… 60 miles north of Vladivostok. Picture: South Korea's National
Intelligence Service", "… in Astana, Kazakhstan, 4 July 2024. Photo: EPA-EFE / SERGEI
SAVOSTYANOV / SPUTNIK / KREMLIN POOL", round seventy-seven's novayagazeta, "… Lloyd Austin. File |
Photo Credit: AP"), one closed by a credit with a slash ("… Russia’s Kursk region.
Pic/AFP", "… detained two on Saturday. File photo by Al Drago/UPI", with or without a link's
label after a bar: "| License Photo"), one closed by a shouted credit with slashes after its
last sentence ("… during the state visit. GAVRIIL GRIGOROV/POOL/AGENCE FRANCE-PRESSE", round
nineteen's Daily Tribune: prose never ends on capitals joined by slashes), one closed by an
agency's name in capitals, a slash and the photographer's ("… Hanoi, Vietnam, June 20, 2024.
REUTERS/Atit Perawongmetha", round fifty-nine's thetorontohouse), and a news agency's caption closed by where and when the
photo was taken, a comma before the date ("… at Seoul Railway Station in Seoul, Oct. 21, 2024."): prose writes "on
Oct. 21, 2024". A caption closed by its agency's copyright after a dash ("… shows an alleged
North Korean soldier at an undisclosed location in Ukraine - Copyright AFP -", round
seventy-seven's digitaljournal; AFP's captions also write "- Copyright AFP/File Ozan KOSE"):
prose puts no copyright after a dash at its end. Also a caption closed by whom the picture is courtesy of ("… captured by
Ukrainian forces in Kursk. /Courtesy of Yu Yong-weon, People Power Party lawmaker, Facebook",
round fifty-three's bizchosun) and an agency's caption of a handout picture, in the present
tense of captions ("A handout photo made available by the Russian Defence Ministry
Press-Service *shows* …", round fifty-three's EFE; prose tells it in the past: "a photo
released by KCNA showed")."""


STATEMENT_END = re.compile(r"[.…][\"'”’)\]]*$")


_TITLE_CASE_MIN_WORDS = 6


_HEADLINE_LOW = "a an the and but or nor for of in on at to by with from as into over vs via is are"


_HEADLINE_LOW_WORDS = frozenset(_HEADLINE_LOW.split())
"""Short words a headline in title case leaves in lower case."""


SUBHEAD_MAX_WORDS = 3


ELLIPSIS_END = re.compile(r"\s*(?:\.{3}|…)$")


_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


LIST_ITEM_MARK = re.compile(r"^(?:[-–—•·*▪◦●○■►▶]|\d{1,2}[.)])\s+")
"""A list item's bullet or number, with the space after it."""


LIST_ITEM = re.compile(LIST_ITEM_MARK.pattern + r"\S")


_LINK_ADDRESS = re.compile(r"\bhttps?://\S+")


SHORT_WORD_CHARS = 3
"""Words this short ("a", "of", "the", "and") are printed in lower case in a title-cased headline."""


_TITLE_CASE_SHARE = 0.75


LABEL_MAX_WORDS = 3


TITLE_MAX_WORDS = 25


_FUNCTION_WORDS = frozenset(
    {
        "about",
        "above",
        "after",
        "again",
        "against",
        "among",
        "because",
        "before",
        "being",
        "below",
        "between",
        "could",
        "during",
        "every",
        "first",
        "other",
        "their",
        "there",
        "these",
        "those",
        "under",
        "until",
        "where",
        "which",
        "while",
        "would",
        "says",
        "said",
        "should",
        "since",
        "still",
        "through",
    }
)
"""Long words that say nothing of what a line is about."""


def is_dated_weather(line: str) -> bool:
    return (
        chrome.word_count(line) <= _MASTHEAD_MAX_WORDS
        and bool(_TEMPERATURE.search(line))
        and any(printed_dates.full_dates_in([line]))
    )


def is_caption(line: str) -> bool:
    """A photo caption: a line ending in a credit in brackets ("(AP Photo/Kevin Wolf)"), or one
    of the unbracketed shapes of ``_UNBRACKETED_CAPTION``. Kept as text, marked, never a
    headline."""
    return bool(_CAPTION_CREDIT.search(line) or _UNBRACKETED_CAPTION.search(line))


def is_heading(line: str) -> bool:
    """Short lines without closing punctuation: section labels, sub-heads, city names; a
    sub-head asked as a short question ("What next?"); and a short label that leads on with an
    ellipsis ("In other news …"), which no sentence of three words does."""
    words = chrome.word_count(line)
    return (
        (words <= HEADING_MAX_WORDS and not SENTENCE_END.search(line))
        or (words <= SUBHEAD_MAX_WORDS and line.endswith("?") and line[0].isupper())
        or (bool(ELLIPSIS_END.search(line)) and _is_short_label(ELLIPSIS_END.sub("", line)))
    )


def _is_short_label(line: str) -> bool:
    return chrome.word_count(line) <= SUBHEAD_MAX_WORDS and line[:1].isupper()


@lru_cache(maxsize=PER_LINE_CACHE)
def is_headline_shaped(line: str) -> bool:
    """What a headline looks like: a few words up to ~25, no full stop (the dot of a closing
    "U.S." is none) unless every word is capitalised as in a headline (``is_headline_cased``),
    not a lead-in."""
    words = chrome.word_count(line)
    return (
        LABEL_MAX_WORDS < words <= TITLE_MAX_WORDS
        and (not STATEMENT_END.search(_INITIALISM_END.sub("", line)) or is_headline_cased(line))
        and not line.endswith(":")
        and not LIST_ITEM.match(line)
        and not is_caption(line)
        and "://" not in line  # a link's address is never in a headline
    )


def is_linked_headline(line: str) -> bool:
    """A headline with a link's address after it."""
    return "://" in line and is_headline_shaped(_LINK_ADDRESS.sub("", line).strip())


def is_long_headline(line: str) -> bool:
    """A line in headline case of ``_LONG_HEADLINE_WORDS`` words or more: a story's headline
    printed under its summary ("North Korean POWs In Ukraine Ask To Start 'New Life' In South
    Korea, Say Return Would Be A "Death Sentence"", round fifty-four's crbcnews), where a
    sub-head of the text is a few words ("What They Said"): such a line is the title even with
    sub-heads below it."""
    return chrome.word_count(line) >= _LONG_HEADLINE_WORDS and is_headline_cased(line)


_LONG_HEADLINE_WORDS = 8


def is_headline_cased(line: str) -> bool:
    """A line in headline case: every word capitalised but the short words headlines keep
    low ("in", "with", "of"), as no sentence of prose is (stricter than ``is_title_cased``,
    which asks it of most longer words, as this one lets a full stop through). Such a line is a headline even when
    closed by a full stop: "BRICS Summit 2024: PM Narendra Modi in Talks with Putin, First
    Bilateral Meeting with Chinese President Xi Jinping." (jsbmarketresearch)."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line)]
    return len(words) >= _TITLE_CASE_MIN_WORDS and all(
        word[0].isupper() or word.casefold() in _HEADLINE_LOW_WORDS for word in words
    )


def is_title_cased(item: str) -> bool:
    """Most of an item's longer words open with a capital, as headlines are printed in title
    case and sentences are not."""
    words = [word for word in item.split() if len(word) > SHORT_WORD_CHARS and word[0].isalpha()]
    capitals = sum(word[0].isupper() for word in words)
    return bool(words) and capitals >= _TITLE_CASE_SHARE * len(words)


def content_words(line: str) -> set[str]:
    return {
        word for word in re.findall(r"[^\W\d_]{5,}", line.casefold()) if word not in _FUNCTION_WORDS
    }


def is_country(name: str) -> bool:
    """A country's name ("Russia", "South Korea"), from the gazetteer (``bot.gazetteer``)."""
    from bot.gazetteer import country_names  # loaded only when a dateline brackets a name

    return name in country_names()


def names_a_country(word: str) -> bool:
    """A country's name or one of its other names in any case ("RUSSIA", "DPRK")."""
    return word.casefold() in _country_words()


@cache
def _country_words() -> frozenset[str]:
    from bot.gazetteer import country_names

    return frozenset(
        name.casefold()
        for country, others in country_names().items()
        for name in (country, *others)
    )


_INITIALS_MAX_LETTERS = 4
"""A by-line's lone word in capitals this short is initials ("AP", "AFP", "TASS"), not a name."""


def is_name(text: str) -> bool:
    """Every word capitalised ("Émile Dupont", "Jane Smith, Reuters"), but for "de", "van"…;
    never a labelled field ("Source: Xinhua", a credit over "Editor: huaxia")."""
    words = text.replace(",", " ").split()
    return (
        words[0][0].isupper()
        and ":" not in text
        and all(word[0].isupper() or word.casefold() in _NAME_PARTICLES for word in words)
    )


def name_case(name: str) -> str:
    """A shouted name in capitals ("TARA COPP and LOLITA C. BALDOR") in title case; a lone
    short word in capitals is an agency's initials ("By AP", "By AFP") and stays as printed."""
    words = " ".join(name.split()).split(" ")
    if len(words) == 1 and len(name) <= _INITIALS_MAX_LETTERS:
        return name
    named = [word for word in words if word.casefold() not in _NAME_PARTICLES]
    if not all(word.isupper() for word in named if any(char.isalpha() for char in word)):
        return " ".join(words)
    return " ".join(word if word in _NAME_PARTICLES else word.title() for word in words)
