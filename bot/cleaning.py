"""Reading a page's raw text as a careful reader would: the article's own paragraphs, kept
verbatim, and what the page shows about it (headline, by-line, date, outlet or wire agency).

Every rule is a general signal, never a phrase list of one site's furniture: see
docs/reading.md, which names each signal with an example. ``clean`` is also what the HTML
reader calls on the text trafilatura extracts, so both kinds of page are read alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import pairwise, takewhile

from bot import chrome, line_model, printed_dates
from bot.chrome import Hinted
from bot.printed_dates import PLAIN_RANK, PUBLISHED_RANK, UPDATED_RANK
from bot.spelling import is_english_word
from bot.tokens import terms

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

FIRST_SENTENCE = "the first sentence (the page shows no headline)"

_WEATHER = re.compile(r"^-?\d{1,3}(?:\.\d)?\s*(?:°\s*[FC]?|[FC])$")
"""A weather strip's temperature: "66.5 F", "-2 °", "11 °C"."""
_TEMPERATURE = re.compile(r"(?<![\w.])-?\d{1,3}(?:\.\d)?\s*°\s*[FC]?(?!\w)")
_MASTHEAD_MAX_WORDS = 12
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
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
_BYLINE = re.compile(
    rf"^(?:[•·▪|–—-]+\s*,?\s*)?(?i:by|author|written by|reported by|text by)\s*(?::|\s[–—-])?\s+"
    rf"(?P<name>{_NAME_WORD}(?:,?\s+{_NAME_WORD}){{0,9}})"
    rf"\s*(?:\[[^\]]*\]|(?:[|·]|\s[–—-])\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}|"
    rf",\s*(?P<date>\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})|,\s*[«“\"][^«»“”\"]{{1,60}}[»”\"]\*?|"
    r"\s[–—-]\s*(?i:read|continue reading)\s+(?i:the\s+)?(?i:full\s+)?(?i:story|article|report)"
    r"\s+(?i:on|at)\s+\S+)?$"
)
"""A by-line: "By", "Author:", "Written by", "Reported by" or "Text by", then a short name (an
agency after a comma, a bar or a dash, a column's name in quotation marks or guillemets after a
comma ("by René Zittlau, «Voice from Russia»*"), an e-mail in brackets, a repost's pointer to the original
after a dash: "text by Matthew Luxmoore - read the full story on wsj.com"), after a bullet if
the site prints one ("•, by Tyler Durden"); ``_is_name`` then asks for capitals, so "By
contrast, …" stays text."""
_ROLE_BYLINE = re.compile(
    rf"^(?:(?i:by)\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+"
    r"(?P<role>(?!(?i:an?|the|our|his|her|their|former)\s)(?:[A-Za-z][\w’'-]*\s+){0,3}(?i:writer|reporter|correspondent|editor|columnist|"
    r"contributor|journalist))$"
)
"""A writer's name and newsroom role on a line of their own, with or without "By": "Laila
Kirkpatrick, Staff Writer", "By Jane Doe, Moscow correspondent"."""
_LABELLED_BAR_BYLINE = re.compile(
    r"(?:^|\s)(?:COMMENT|COMMENTARY|OPINION|ANALYSIS|EDITORIAL|COLUMN|ESSAY|INTERVIEW|REVIEW)"
    r"\s*\|\s*(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})\s*\|\s"
)
"""A column's label in capitals, then its writer's name in capitals between bars, opening the
text or glued after a teaser's headline: "… took on the US COMMENT | ROBERT BARNES | The
Russian president, …" (a tag page's teaser). The label says what follows is a by-line; two to
four shouted words between bars, the name."""
_HANDLE_BYLINE = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s+\(@[\w.]{{2,30}}\)(?:\s+(?P<rest>\S.*))?$"
)
"""A writer's name with a social handle in brackets, maybe the date after it: "Fahad Shabbir
(@FahadShabbir) Published December 06, 2024 | 05:10 PM"."""
_OUTLET_BYLINE = re.compile(
    r"^(?i:by)\s*[·•|–—-]\s*(?P<outlet>[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|for|[A-Z][\w.&'’-]*)){0,5})$"
)
"""A by-line with no writer, the outlet after a separator where the name would be: "by · Voice
of America"."""
_DESK_LINE = re.compile(rf"^{chrome.DESK_CREDIT}$")
"""A newsroom's desk credited on its own ("PTC News Desk:", cut from the paragraph it opened by
``chrome.glued_parts``): the outlet, unless the desk's name is a kind of desk ("Web Desk")."""
_DESK_KINDS = frozenset(
    {"web", "news", "digital", "online", "staff", "editorial", "world", "foreign"}
)
"""Desks named by their kind, which name no outlet: "Web Desk:", "News Desk:"."""
_CREDIT = re.compile(
    r"^(?i:original(?:\s+article)?\s+source|(?:article\s+)?source)\s*:\s*(?P<what>https?://\S{1,300}|\S.{0,80})$"
)
_BRACKETED_LINE = re.compile(r"^\[(?P<square>[^\[\]]+)\]$|^\((?P<round>[^()]+)\)$")
"""A line wholly in brackets: "[Source: Reuters]" over fbcnews's first paragraph."""


def _unbracketed(line: str) -> str:
    """The line without the brackets it is wholly set in: a credit reads the same in them."""
    match = _BRACKETED_LINE.match(line)
    return (match["square"] or match["round"]) if match else line


_LANGUAGE_CREDIT = re.compile(r"^read the article in \w+\.?$", re.I)
_NEXT_LABEL = re.compile(r"\s+(?=[A-Z][a-z]+(?:\s[a-z]+)?\s?:\s)")
"""Where a credit line's next labelled field starts: "Source: Xinhua   Editor: Wang Qingchu"
(Shanghai Daily) credits Xinhua; the editor is the site's, not the outlet."""
_CAPTION_CREDIT = Hinted(
    re.compile(
        r"[(\[](?:[^()\[\]©]*©[^()\[\]]*|(?!(?:photos?|pics?|videos?|gallery|watch|listen|audio|"
        r"live|map|updated?)[)\]])[A-Z]{2,}(?:\s+via\s+[A-Z]+)?|posted on [^()\[\]]+|"
        r"(?=[^()\[\]]*?\bphoto\b)[^()\[\]]*)[)\]]\s*$",
        re.I,
    ),
    (")", "]"),
)
"""A credit in brackets ending a line: "(Photo: AP)", "[© Reuters]", "(File photo)"; a word
naming the medium or the story's kind ("(PHOTOS)", "(VIDEO)", "(LIVE)") is a headline's label,
not a credit (dailytimes247's "Kim inspects memorial to heroes who died in Kursk liberation
(PHOTOS)" had been read as a caption and its standfirst as the title). Each part
is read once: up to its first "©" the credit has no "©", and the word "photo" is looked for
ahead (a lookahead does not backtrack), not by trying every split point of a long line."""
_UNBRACKETED_CAPTION = re.compile(
    r"^FILE(?:\s+PHOTO)?\s*(?:[-–—:]|\(\w+\))\s+[A-Z]|"
    r"[.!?][\"'”’]?\s+[—–-]\s+(?:[A-Z][A-Za-z&.]*|[A-Z]{2,}/[A-Z][\w&./]*)(?:\s+[A-Z][A-Za-z&.]*){0,3}$|"
    r"[.!?][\"'”’]?\s+Picture\s*:\s+[A-Z][^.!?:]{0,80}$|"
    r"[.!?][\"'”’]?\s+(?:Pic|Photo|Picture|Image)\s*/\s*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}$|"
    r"[.!?][\"'”’]?\s+(?:File\s+)?(?i:photo)\s+by\s+[A-Z][^.!?/|]{0,60}/[A-Z][A-Za-z&]+"
    r"(?:\s*\|\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?$|"
    r"[.!?][\"'”’]?\s+(?:[\w ]{0,20}\|\s*)?(?i:photo(?:graph)?\s+credit)\s*:\s*[A-Z][^.!?:]{0,60}$|"
    r"[.!?][\"'”’]?\s+[A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+){0,2}(?:\s*/\s*[A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+){0,2}){1,3}$|"
    r"\w,\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.$|"
    r"[.!?][\"'”’]?\s+(?:/\s*)?(?i:courtesy\s+of)\s+[A-Z][^.!?/]{0,100}$|"
    r"^(?:An?\s+)?(?:(?:undated|handout|file)\s+)*(?:photo(?:graph)?|picture|image)\s+"
    r"(?:made\s+available|released|provided|distributed|issued)\s+by\b[^.!?]*\bshows\b"
)
"""A photo caption with no credit in brackets: a file photo's ("FILE - A man walks past …",
"FILE PHOTO: …"), one closed by its credit after a dash ("… in Seoul, South Korea, Wednesday.
— AP") or after a label ("… 60 miles north of Vladivostok. Picture: South Korea's National
Intelligence Service", "… Lloyd Austin. File | Photo Credit: AP"), one closed by a credit with a slash ("… Russia’s Kursk region.
Pic/AFP", "… detained two on Saturday. File photo by Al Drago/UPI", with or without a link's
label after a bar: "| License Photo"), one closed by a shouted credit with slashes after its
last sentence ("… during the state visit. GAVRIIL GRIGOROV/POOL/AGENCE FRANCE-PRESSE", round
nineteen's Daily Tribune: prose never ends on capitals joined by slashes), and a news agency's caption closed by where and when the
photo was taken, a comma before the date ("… at Seoul Railway Station in Seoul, Oct. 21, 2024."): prose writes "on
Oct. 21, 2024". Also a caption closed by whom the picture is courtesy of ("… captured by
Ukrainian forces in Kursk. /Courtesy of Yu Yong-weon, People Power Party lawmaker, Facebook",
round fifty-three's bizchosun) and an agency's caption of a handout picture, in the present
tense of captions ("A handout photo made available by the Russian Defence Ministry
Press-Service *shows* …", round fifty-three's EFE; prose tells it in the past: "a photo
released by KCNA showed")."""
_BAR_LABEL_TAIL = re.compile(r"^\s*\|\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*$")
"""A link's label printed after a bar at a caption's end: " | License Photo"."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_STATEMENT_END = re.compile(r"[.…][\"'”’)\]]*$")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)?|"
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), "
    r"(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*(?:\([^)]*\)\s*)?[—–-]"
)
"""A wire-style dateline opening the first paragraph: "KAZAN, Russia, Oct. 24, 2024 — …"; the
place may be in title case when its country follows it ("Kazan, Russia, October 23,
2024—The leaders of BRICS nations …", politicalobserver), never alone ("On Monday, October 23,
2024 — …" names no place)."""
_PLACE = r"[A-Z.'-](?:[A-Z.']|-(?![A-Z]))*+(?:[ -][A-Z][A-Za-z.'-]*+)*"
"""A dateline's place after its first letter: capitals ("SEOUL", "NEW YORK"), then words that
may have lower case ("KAZAN-Russia"). Each word is read once (possessive), and a hyphen before
a capital always starts a new word: the same names as ``[A-Z.'-]+(?:[ -][A-Z][A-Za-z.'-]*)*``,
which tried every way to cut "A-B-C-…" into words (a 60-character line took minutes)."""
_MISREAD_DASH = r"鈥|â€[”“\x93\x94]?"
"""A dash whose UTF-8 bytes a copy decoded in another encoding: as GBK ("鈥", omnibyjes's AP
copy, the third byte lost) or as Windows-1252 ("â€”"). Only where a dash is expected."""
_AGENCY_NAME = r"(?:[A-Z][A-Za-z&]+|[a-z]{2,4})"
"""An agency's name in a credit: capitalised ("AFP", "Reuters") or, as a few agencies print
their own, in lower case ("dpa")."""
_WIRE_CREDIT = re.compile(
    r"^(?:[A-Z]" + _PLACE + "(?:, [A-Z][A-Za-z.'-]*+(?: [A-Z][A-Za-z.'-]*+)*)?"
    r"(?:(?P<colon>:)\s+|,?\s+(?:[—–-]\s+)?))?"
    r"(?:(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})(?:, (?P<year>\d{4}))?\s+)?"
    r"\((?P<agency>[A-Z][A-Za-z&]+(?:[ -][A-Z][A-Za-z&]+){0,3}|[a-z]{2,4}(?=/)|[a-z]{2,4}-[A-Z]{2,})"
    r"(?:/" + _AGENCY_NAME + r")?\)"
    r"(?:\s*(?:--?|–|—|:|" + _MISREAD_DASH + r")|(?(colon)\s+(?=[A-Z“\"‘])|(?!)))"
)
"""A wire credit in a dateline: "(Reuters) -", "SEOUL, Oct. 29 (Yonhap) --", "MOSCOW (AP) —",
"SEOUL, Nov 2, 2025 (BSS/AFP) -" (two agencies, the first named credited: the one the page
names first; a second after a slash is the one it relays or that relays it; an agency that
prints its name in lower case, "(dpa/MIA)", only in such a pair, or with its service's
capitals: "PYONGYANG (dpa-AFX) - North Korea dispatched …", round fifty-three's copy),
"MOSCOW, Nov 10 (Reuters): …", "SEOUL, South Korea — (AP) — …" (a dash after the place too),
"SEOUL: (Reuters) Russian President …" (the place's colon stands for the dash), "HANOI,
Vietnam (AP) 鈥 Russian President …" (the dash's bytes misread, ``_MISREAD_DASH``)."""
_SLASHED_CREDIT = re.compile(
    r"^(?:[A-Z]" + _PLACE + r",\s+)"
    r"(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})(?:, (?P<year>\d{4}))?\.\s+"
    r"/(?P<agency>[A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+){0,3})/\.?"
)
"""A wire credit between slashes after the dateline: "MOSCOW, November 6. /TASS/. …"."""
_DAY_FIRST_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?:[ -][A-Z][A-Za-z.'-]+){0,2}, "
    r"(?P<date>\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{4}) "
    r"\((?P<agency>" + _AGENCY_NAME + r")(?:/" + _AGENCY_NAME + r")?\)\s*[—–-]+\s+(?=[A-Z“\"‘])"
)
"""A dateline whose full date puts the day first, as European agencies print it, then the
credit and a dash: "Seoul, 19 June 2024 (dpa/MIA) - Russian President …" gives the date and
dpa. The date is the report's own, read as strongly as a date line above the headline: a page
whose top line shows another day (a site's clock, "• Friday, 22 November 2024") has two dates
that disagree, and shows none for sure."""
_TITLED_CREDIT = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:, "
    r"(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})"
    r"(?:, (?P<year>\d{4}))?,? | (?=\([A-Z]{2,6}\)\s*[—–-]))"
    r"\((?P<agency>[A-Z][A-Za-z0-9&]+)\)(?:\.?[—–-]+\s+|\s+(?:[—–-]+\s+)?)(?=[A-Z“\"‘])"
)
"""A dateline in title case with its day, then the agency in brackets, the story's first word
straight after, with no dash: "Seoul, April 30 (IANS) North Korean troops …" (Indian agencies'
style, copied as is by aggregators). The month's name is required ("Moscow, Putin (Reuters)" is
no dateline), and the agency is one word ("Moscow, May 9 (Victory Day) Crowds …" credits none).
A comma after the day and a dash after the credit are read too, and the agency's name may
hold a digit: "Ukraine, Jan 12, (V7N) - Ukrainian forces have captured …" gives V7N. A
Spanish agency's full stop before its dash is read ("Seoul, Dec 5 (EFE).- The strategic
partnership treaty …", round fifty-three), and the place alone, with no day, when the agency
is in capitals and a dash follows ("Brussels (ANSA) – NATO Secretary General …", round
fifty-four's europeannewsroom): a name in brackets and a dash open no sentence of prose."""
_LONE_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s+"
    r"(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2})\s+"
    r"\((?P<agency>[A-Z][A-Za-z0-9&]+)\)(?:\s*[—–-]+)?(?:\s+(?P<date>[^()]{6,40}))?$"
)
"""A dateline on a line of its own, the story starting on the next line, maybe followed by the
page's date: "Seoul, Nov 2 (AFP) Nov 02, 2025" (SpaceWar's AFP copy). Gives the agency, and the
date printed after it (or the day, given a year elsewhere on the page)."""
_AGENCY_FIRST_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)?,\s*"
    r"\((?P<agency>[A-Z]{2,6})\s+[-–—]\s+[^()]{3,80}\)\s+(?=[A-Z“\"‘])"
)
"""A dateline whose bracket opens with the agency's initials before a dash, the site and the
day after it: "Moscow, (APP - UrduPoint / Pakistan Point News - 6th Dec, 2024) Russian
President …" (APP, the Associated Press of Pakistan)."""
_AGENCY_IN_BRACKETS = r"(?P<agency>[A-Z][A-Za-z0-9&]*(?:[ /-][A-Z][A-Za-z0-9&]+){0,2})"
"""An agency's or a broadcaster's name of up to three capitalised words, as a credit in brackets
closing a line prints it: "Yonhap", "A2 Televizion", "YONHAP"."""
_CLOSING_AGENCY = re.compile(rf"(?<=[.!?…\"'”’])\s+\({_AGENCY_IN_BRACKETS}\)$")
"""An agency's or a broadcaster's name of up to three words in brackets after a paragraph's
last sentence: "… states. (Yonhap)", "… nor denied this. (A2 Televizion)"."""
_CLOSING_AGENCY_BODY = 2
_LONE_AGENCY = re.compile(r"^\((?P<agency>[A-Z][A-Za-z]+)\)$")
"""An agency's one-word name in brackets on a line of its own: "(AP)"."""
_TITLE_CASE_MIN_WORDS = 6
_HEADLINE_LOW = "a an the and but or nor for of in on at to by with from as into over vs via is are"
_HEADLINE_LOW_WORDS = frozenset(_HEADLINE_LOW.split())
"""Short words a headline in title case leaves in lower case."""
_LONE_INITIALS = re.compile(r"^(?P<agency>[A-Z]{2,6})$")
"""An agency's initials alone on a line, shouted and without brackets: "AFP"."""
_SIGNATURE_LINE = re.compile(r"^[—–-]\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})$")
"""A name of two or three words after a dash, alone on its line: "— Holly Ellyatt"."""
_CAPTION_WORDS = frozenset(
    {"file", "photo", "photos", "video", "pictured", "archive", "image", "illustration", "graphic"}
)
_COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright\s*)?(?:[©ⓒ]|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<holder>[^\d©ⓒ.,]+?)\s*[.,]?\s*all rights reserved\.?$",
    re.I,
)
"""A copyright notice naming who holds the text: "Copyright ⓒ Aju Press All rights reserved."."""
_REPRODUCTION_NOTICE = re.compile(
    r"^[\[(]?\s*(?:copyright(?:\s+(?:holder|owner))?\s*)?(?:[©ⓒ]|\(c\))\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<holder>[^\d©ⓒ.,\[\]()]+?)\s*[.,]?\s*"
    r"(?:unauthori[sz]ed|no)\s+(?:reproduction|copying|redistribution|use)\b[^©ⓒ]*$",
    re.I,
)
"""A copyright mark and its holder before a ban on reproduction instead of "All rights
reserved": "[Copyright holder (c) YTN Unauthorized reproduction, redistribution and use of AI
data prohibited]"."""
_MARK_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}"
_MARKED_NAMES = re.compile(rf"^(?P<holder>{_MARK_NAME})\s*[©ⓒ](?:\s*{_MARK_NAME}\s*[©ⓒ])*\s*$")
"""A footer of names each followed by the copyright mark, the page's own first: "FOX41
Yakima©FOX11 TriCities©" (a station's page, its sister station after it)."""
_DATED_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:[©ⓒ]|\(c\))?|[©ⓒ]|\(c\))\s*\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s+"
    r"(?P<holder>[^\d©ⓒ,;:|()]+?)\s*\.?$",
    re.I,
)
"""A copyright notice of a year and its holder alone, with no "All rights reserved": "Copyright
2024, RepublicanJournal.org", "© 2024 The Associated Press"."""
_PICTURE_AGENCY = re.compile(r"\b(?:images?|photos?|pictures?|pics?|stock)\b", re.I)
"""A photo library holds a picture's copyright, not the page's: "© 2024 Getty Images"."""
_CLOSING_CREDIT_MAX_WORDS = 14
_DATE_PREFIX = re.compile(
    r"^(?P<stamp>(?i:date|published|updated|posted)\s*:?\s*"
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)\s+(?P<rest>\S.*)$|"
    r"^(?P<timed>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?)"
    r"\s+[-–—|]\s+(?P<after>\S.*)$"
)
"""A labelled ISO date printed before other text on the same line: "date 2024-10-24 Left Menu";
or a time stamp set off by a dash: "2024-06-19 03:14:00+00:00 - Scroll down for original
article"."""
_NEARBY_DAYS = 7
_SELF_CREDIT = re.compile(
    r"\b(?P<site>[A-Z][\w-]*(?:\.[A-Za-z]{2,})+)\s+reports,?\s+citing\b|"
    r"\b(?P<informer>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+informs,?\s+(?:referring\s+to|citing)\b"
)
_CALL_TO_ACTION = re.compile(
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
_MORE_STORIES = re.compile(
    r"^\(?\s*more\s+(?:[\w'’.-]+\s+){0,4}(?:stories|news|coverage|articles)\W{0,2}\)?\.?$", re.I
)
"""A link to a topic's other stories, bracketed or not: "(More North Korea stories.)"."""
_TOPIC_LINK_LINE = re.compile(rf"^{chrome.TOPIC_LINK}\s*\.?$")
"""A link to a topic's page alone on its line: "The latest news on Russia and Ukraine ."."""
_NAVIGATION_LABEL = re.compile(
    r"^(?:[•·*▶►→»-]\s*)?(?:related(?:\s+(?:stories|news|articles|coverage))?|recommended|"
    r"don[’']?t\s+miss|trending(?:\s+now)?|latest(?:\s+news)?|most\s+(?:read|popular|viewed)|"
    r"popular|top\s+stories|editor[’']?s\s+picks?|more(?:\s+(?:news|stories|on\s+this))?|"
    r"tags?|topics?|keywords|categories|filed\s+under)\s*[:|]",
    re.I,
)
"""A navigation label opening a line ("READ MORE: …", "Related: …", "Tags: …")."""
_BANNER = re.compile(r"^(?:breaking(?:\s+news)?|live|developing|just\s+in)\s*[:|]\s+\S", re.I)
"""A site's ticker of another story: "Breaking: Warren County commission seeks answers …"."""
_MEDIA_CREDIT = re.compile(
    r"^(?:mandatory\s+)?(?:photo(?:graph)?|picture|image|video|graphic|illustration|credit|caption)s?"
    r"(?:(?:\s+(?:source|credit|caption)s?)?\s*:|\s+sourced\s+from\b)",
    re.I,
)
"""A media credit line: "Photo : Ukrainian Strategic Communication …", "Images source: © …",
a video agency's "Mandatory credit: The White House" (round fifty-four's viory, read as the
title before)."""
_PHOTO_LABEL = re.compile(r"^(?:photo(?:graph)?|picture|image|caption)s?(?:\s+caption)?\s*:$", re.I)
"""A photo's label that ``chrome.glued_parts`` cut from its caption ("IMAGE:", "PHOTO
CAPTION:"): the line under it is a caption."""
_COPYRIGHT = Hinted(
    re.compile(r"^(?:©|copyright\b|\(c\)\s*\d{4})|\ball rights reserved\b", re.I),
    ("copyright", "(c)", "reserved"),
)
"""A copyright notice: "© 2024 Reuters", "Copyright 2024 The Associated Press. All rights …"."""
_WIRE_STAFF_CREDIT = re.compile(
    r"^(?:\(?\s*)(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)\s+by\b", re.I
)
"""A wire report's closing credit, with or without brackets: "Reporting by …; Editing by …"."""
_REPORTING_BY = re.compile(r"^\(?\s*(?i:reporting|writing)\s+by\s+(?P<names>[^;()]+?)\s*(?:[;)]|$)")
"""The closing credit's reporters, the report's writers: "(Reporting by Phil Stewart; editing by
Jonathan Oatis)". "Additional reporting by" names helpers, not the writer."""
_REPORTERS_ROLE = re.compile(
    r"^(?i:reporters?|reporting|writers?|text|words)\s*:\s*(?P<names>[^;:()]+?)\s*$"
)
"""The reporters' line of a credits box that names each role ("Planning: …" / "Reporters: Yang
Yijun, Yang Mu, Zhang Wen" / "Photography: …", a Xinhua feature's): the report's writers."""
_CLOSING_BYLINE = re.compile(
    r"(?<=[.!?…])[\"'”’]?\s+(?i:story|reporting|writing|words|text)\s+by\s+"
    r"(?P<names>[^.;:()\"“”]{3,80}?)\s*\.?$"
)
"""The writers' names glued to the end of the last paragraph as a sentence of their own: "… in
global affairs. Story by Emerald Maxwell and Delano D’Souza."."""
_CLOSING_DATE = re.compile(
    r"(?<=[.!?…])[\"'”’]?\s+[–—-]\s+"
    r"(?P<date>(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)\s+\d{4})\.?$"
)
"""A date signed after a dash at the end of the last sentence of a paragraph: "… the entry of
like-minded people, Ushakov added. – December 24, 2024" (scoop.my's sign-off)."""
_REPORTER_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_REPORTER_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_SOURCE_CREDIT = re.compile(
    r"^(?i:this|it|the\s+news)\s+(?:was|is)\s+(?:first\s+)?reported\s+by\s+"
    r"(?:[A-Z][\w.&’'-]*\s*){1,4}(?:,\s*(?:[A-Z][\w.-]*\s*){1,3}(?:saw|sees|says|reports))?\.?$"
)
"""A line that only credits the report to an agency: "This was reported by Reuters,
Ukrinform saw." (a sentence of the site's own, never the news)."""
_SHARE_PROMPT = re.compile(
    r"^(?:[•·*▶►-]\s*)?(?:(?:share|tweet|email|print|send)\s+(?:this|it|on|via|to|with)\b|"
    r"share\s*:|(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply|response)|"
    r"comments?\s*(?:\(\d+\)|:)|\d+\s+comments?\b|join\s+the\s+(?:conversation|discussion|debate)|"
    r"(?:what|how)\s+do\s+you\s+(?:think|feel)|tell\s+us\s+(?:what|your)|have\s+your\s+say)",
    re.I,
)
_SITE_NOTICE = re.compile(
    r"^(?:you\s+are|you're|you\s+have)\s+(?:now\s+)?(?:viewing|reading|watching|reached|"
    r"been\s+granted|logged)\b",
    re.I,
)
_VIEW_ON = re.compile(r"^(?:view|watch|read|listen)\s+(?:it\s+|this\s+)?on\s+[\w.-]+$", re.I)
"""A link to the same story on the site it came from, glued after a paragraph: "… are said to
have suffered heavy losses. View on euronews", "Watch on YouTube"."""
_CONTRIBUTION_CREDIT = re.compile(
    r"^(?:the\s+)?[A-Z][\w.'’&-]*(?:(?:\s+|,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w.'’&-]*){0,5}\s+"
    r"contributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b[^.]{0,40}\.?$"
)
"""A wire report's closing credit to those who helped: "AFP contributed reporting.", "The
Associated Press contributed to this report.", "Reuters and AFP contributed to this report from
Seoul."."""
_WATCH_TEASER_LINE = re.compile(rf"^{chrome.WATCH_TEASER}$")
"""Another story's headline with its media label, on its own line (``chrome.WATCH_TEASER``)."""
_COMMENTS_CLOSED = re.compile(r"^comments?\s+(?:are\s+|is\s+)?(?:now\s+)?closed\.?$", re.I)
"""A post's closed comment form: "Comments are closed."."""
_ACCESS_NOTICE = re.compile(
    r"^(?=.*\byou(?:r)?\b)(?=.*\b(?:access|subscri\w*|paywall|log(?:ged)?\s+in|sign(?:ed)?\s+in)\b)"
    r"(?=.*\b(?:article|content|story|page)\b)[^“”\"]{0,300}$",
    re.I,
)
"""A paywall's notice to the reader about access to the text: "You have a preview view of this
article while we are checking your access. When we have confirmed access, the full article
content will load." (the reader, access or a subscription, and the article, with no quotation)."""
_SYNDICATION_NOTE = re.compile(
    r"^(?:[•·*-]\s*)?this\s+(?:content|article|story|post|piece|report)\s+(?:was\s+)?"
    r"(?:first\s+|originally\s+)(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+"
    r"(?:the\s+)?[A-Z][^.,]{0,120}\.?$",
    re.I,
)
"""A republisher's note on where a text first ran: "This content originally appeared on Radio
Free Asia and was authored by Radio Free Asia.", "This article was first published in The
Conversation." (a sentence of the site's, never the news)."""
_IMAGE_CREDITS_FIELD = re.compile(
    r"^(?:image|photo|picture)\s+credits?\s*:|^licen[cs]e\s+details\b", re.I
)
"""A field of a picture's credits box, its parts between bars: "Image of Vladimir Putin | …
| Image Credit: Goodfon.com and Flickr | License details Creator: Remy Steinegger | …"."""
_CREDITS_BOX_FIELDS = 3
"""A credits box has fields; a caption with its credit after one bar ("The harbour master at the
new pier. File | Photo Credit: AP") is a caption, its credit cut."""
_ALT_TEXT = re.compile(r"^(?:image|photo|picture|photograph)\s+of\s+[^.!?|]{1,60}$", re.I)
"""A picture's alternative text alone on its line, where the picture was: "Image of Vladimir
Putin"; a headline names what happened, not a picture."""
_AD_BREAK = re.compile(
    r"^(?:the\s+)?(?:article|story|text|content)\s+continues\s+(?:after|below|under|beneath)"
    r"(?:\s+(?:this|the|an?))?(?:\s+(?:advertisement|advert|ad|video|break))?\s*$",
    re.I,
)
"""An advertisement's slot in the text: "Article continues after this advertisement", "Story
continues below"; printed where the advertisement was, often glued to the next paragraph."""
_COMMENT_COUNT = re.compile(r"(?:^|\s)(?:No|\d+|One) Comments?(?: Off)? on\s+[A-Z“\"‘]")
"""A blog post's meta line: its categories, then its comment count linked to the post's title,
"Asia-Pacific, Europe, News No Comments on Zelenskyy rejects UN Secretary General’s Ukraine
visit …". In title case, as the widget prints it: prose writes "had no comments on"."""
_HELPLINE = re.compile(
    r"\bif\s+you\s+or\s+someone\s+you\s+know\b|\bif\s+you\s+(?:have\s+been|are)\s+affected\s+by\b",
    re.I,
)
_HELP_CONTACT = re.compile(r"\b(?:help\s*line|lifeline|hotline|crisis|samaritans)\b|\d{3}", re.I)
"""A support notice under a story on suicide, abuse or loss, speaking to the reader and giving
where to call: "This story discusses suicide. If you or someone you know is having thoughts of
suicide, please contact the Suicide & Crisis Lifeline at 988 …". Never the story's words."""
_ABOUT_THE_PAGE = re.compile(
    r"^(?:[\w'’]+\s+){0,2}(?:this\s+(?:content|page|article|story|post|video|"
    r"li(?:v|f)e\s+(?:blog|feed|page)|feed|blog|newsletter)|(?:this|your)\s+(?:web\s+)?browser)\b",
    re.I,
)
"""A short line that opens by speaking of the page itself: "This life feed has ended.", a
leftover instruction "Summarize this content to 2000 words in 6 paragraphs"."""
_ABOUT_THE_PAGE_MAX_WORDS = 12
_LOADING = re.compile(
    r"^(?:loading|buffering)(?:\s+(?:audio|video|player|media|content|comments|article))?"
    r"\s*(?:\.{2,}|…)?$",
    re.I,
)
"""A player's or a widget's placeholder left in the text: "Loading audio...", "Loading…"."""
_LOADING_NOTICE = re.compile(
    r"\bloading\s+(?:more\s+|the\s+)?(?:content|video|audio|player|media|comments|page)\b", re.I
)
"""A widget telling the reader it is loading something, inside a short line: "Hold tight -
we’re checking permissions before loading more content"."""
_COMMENT_POLICY = re.compile(
    r"\b(?:forum|place|space|home)\s+for\s+(?:[\w-]+\s+){0,4}?"
    r"(?:conversation|discussion|debate|comments?)\b",
    re.I,
)
"""A site's note on its comments, heading a comment form: "News Channel 3 is committed to
providing a forum for civil and constructive conversation." (read as furniture only right above
a form's line, as news can speak of "a forum for discussion")."""
_COMMENT_POLICY_MAX_WORDS = 25
_LIVE_GREETING = re.compile(
    r"^(?:(?:hello|hi|good\s+(?:morning|afternoon|evening))\s*(?:,|and)?\s*)?welcome\s+"
    r"(?:back\s+)?to\s+(?:the|our)\s+(?:[\w'’-]+\s+){0,4}?live\s+(?:blog|coverage|updates)\b",
    re.I,
)
"""A live blog's host greeting the reader: "Hello and welcome to the Ukraine live blog. I’m Tom
Ambrose and I will be bringing you all the latest from the conflict." """
_LIVE_SIGN_OFF = re.compile(
    r"^thanks?(?:\s+you)?(?:\s+(?:so|very)\s+much)?\s+for\s+(?:joining|following|reading|"
    r"staying\s+with|being\s+with)\s+(?:us|our)\b.{0,80}?\blive\s+(?:blog|coverage|updates)\b",
    re.I,
)
"""A live blog's host signing off: "Thank you for joining us for today’s Ukraine live blog."."""
_VISIT_ADDRESS = re.compile(
    r"\b(?:visit|go\s+to|head\s+(?:over\s+)?to|check\s+out)\s+(?:https?://)?(?:www\.)?"
    r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?\s*[.!]?$",
    re.I,
)
"""A line that sends the reader to a web address, which it ends with: "For more updates on the
Ukraine War visit express.co.uk/news/world"."""
_VISIT_MAX_WORDS = 20
_SITE_DISCLAIMER = re.compile(
    r"\b(?:we|this\s+(?:site|website|tool|service))\s+(?:cannot|can[’']?t|do\s+not|don[’']?t)"
    r"\s+guarantee\s+the\s+(?:accuracy|quality|completeness|reliability)\b|"
    r"\b(?:enable|turn\s+on|activate)\s+javascript\b",
    re.I,
)
"""A site's notice about its own workings, in a short line without a quotation: "This is a beta
feature. We cannot guarantee the accuracy or quality of responses.", "Please turn on JavaScript
to use this feature"."""
_SITE_DISCLAIMER_MAX_WORDS = 20
_QUOTE_MARKS = '"“”‘’«»'
_VIEWS_DISCLAIMER = re.compile(
    r"^(?:the\s+)?(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\s+"
    r"(?:(?:in|by)\s+(?:this|the)\s+\w+\s+)?(?:are|is|do)\b",
    re.I,
)
"""A publisher's disclaimer: "The views expressed in this article are solely those of the
author and do not necessarily reflect the opinions of …"."""
_LABELLED_DISCLAIMER = re.compile(r"^disclaimer\s*[:：]\s*\S", re.I)
"""A line the site labels "Disclaimer:", its note on what it shows, not the story: "Disclaimer:
The South China Morning Post's content is directed by the Chinese Communist Party. It is not a
reliable news source." (a page copying another outlet's report). A report quoting a disclaimer
puts it in a sentence, never behind the label at the head of a line."""
_DISCLAIMER_MAX_WORDS = 60
_PICTOGRAPH = re.compile("[\u203c\u2049\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]")
"""An emoji: a line opening with one is a social-media post embedded in the page ("‼️ …")."""
_SYMBOL_LINE_MAX_WORDS = 8
_SYMBOL_LINE_LETTERS = 0.5
"""A short line whose characters are mostly not letters is a widget ("+ ↺ − 16 px")."""
_GLUED_READ_MORE = Hinted(
    re.compile(r"(?<=[.…])\s*(?:read|continue\s+reading|see)\s+more\W*$", re.I), ("more",)
)
"""A "Read More" link glued to the end of a teaser paragraph ("… neighbouring countries....Read More")."""
_SUBHEAD_MAX_WORDS = 3
_DOUBLED_LABEL_MIN_WORDS = 3
_DOUBLED_LABEL_MAX_WORDS = 25
_CARD_LINES = 3
_CARD_ABOVE = 2
_ELLIPSIS_END = re.compile(r"\s*(?:\.{3}|…)$")
_REPEAT_MIN_WORDS = 8
_SUBHEADS_BELOW = 2
"""A card prints its heading again within this many lines (heading, kicker, heading)."""
_PITCH_OFFER = re.compile(
    r"\b(?:by\s+(?:becoming|turning\s+into|joining|subscribing)|unlock|access\s+(?:all|thousands|unlimited)|"
    r"become\s+a|start\s+your)\b",
    re.I,
)
_PITCH_MEMBER = re.compile(
    r"\b(?:subscri(?:ber|ption|bing)|membership|member|free\s+trial|premium)\b", re.I
)
_PITCH_MAX_WORDS = 40
_JOURNALISM = re.compile(r"\bjournalism\b", re.I)
"""A paywall's lead-in speaks of journalism in general: "quality journalism is more crucial than ever"."""
_PITCH_RUN = 3
_PITCH_LINE_MAX_WORDS = 15
_CODE_CALL = re.compile(r"\w\(|[={}]")
_CODE_MIN_SYMBOLS = 2
_BREADCRUMB_SEPARATOR = re.compile(r"\s*[❯›»>|/•·]\s*")
_BREADCRUMB_MIN_PARTS = 3
_BREADCRUMB_MAX_WORDS = 20
_PHOTO_CREDIT_END = re.compile(r"(?:\bphoto|\bpool|\bhandout|\bfile)\s*$|\bvia\s+[A-Z]{2,}\b", re.I)
_CLOSING_PHOTO_CREDIT = re.compile(
    r"\s*[(\[](?P<credit>[^()\[\]]{3,120})[)\]](?:\s*\*{1,2}[A-Z]{2,12}\*{1,2})?\s*$"
)
"""A bracketed credit closing a kept line, with a marker after it in asterisks or not: "…
whose plane touched down in the early hours of the morning. [Vladimir Smirnov/Sputnik, Kremlin
Pool via Reuters]", "… for the fighting in Ukraine. (Vladimir Smirnov, Sputnik, Kremlin Pool
Photo via AP) **FILE**"."""
_HASHTAG = r"#[^\W\d_]\w*"
_HASHTAG_LINE = re.compile(rf"^(?:{_HASHTAG}\s*)+$")
"""A line of nothing but hashtags: "#CNN #News"."""
_CLOSING_HASHTAGS = re.compile(rf"(?<=[.!?…\"”’)])\s+(?:{_HASHTAG}\s*)+$")
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
_STAFF_ROLE = re.compile(
    r"^(?i:(?:(?:staff|senior|chief|guest|contributing|special|political|foreign|defen[cs]e|"
    r"diplomatic|news)\s+)?(?:writer|reporter|correspondent|editor|columnist|contributor|"
    r"journalist))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+[a-z]"
)
"""A standfirst that opens with the writer's role and name: "Staff Writer Angelika
Etherington-Smith examines …"."""
_RELATIVE_TIME = re.compile(
    r"^(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago$|^(?:yesterday|today|just now)$",
    re.I,
)
_AGED_TEASER = re.compile(
    r"^\S.{5,200}?\s+[-–—|•·]\s+(?:about\s+)?(?:\d+|an?|one)\s+"
    r"(?:second|minute|min|hour|hr|day|week)s?\s+ago$",
    re.I,
)
"""Another story's headline stamped with its age, as a list of the latest stories prints each:
"What to Know About the Heat Wave in Europe - 24 mins ago". A page's own headline is never
printed with how long ago it was posted after a dash."""
_SIGNED_DATE = re.compile(r"^(?P<name>[^/|·]+?)(?:\s+/\s+|\s*[|·]\s*)(?P<date>[^/|·]+)$")
"""A name and a date split by a slash (with spaces: "10/24/2024" is a date) or a bar."""
_DOUBLED_NAME = re.compile(r"^(?P<name>[^\W\d][^|/]{2,60}?)\s+(?P<byline>(?i:by)\s+(?P=name)\b.*)$")
"""A by-line after its writer's name printed once more (an avatar's text): "Natasha Kumar By
Natasha Kumar Jun20,2024"."""
_BYLINE_DATE_MAX_WORDS = 12
_ABOUT_AUTHOR = re.compile(
    r"^(?:about|more\s+about)\s+the\s+(?:author|writer|reporter|contributor)s?\s*:?$", re.I
)
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+"
    r"(?:is|was|has\s+been|covers|writes|reports)\b"
)
_BIO_ROLE = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|"
    r"photographer|analyst|author|fellow|anchor|host)s?\b",
    re.I,
)
_BIO_MAX_WORDS = 80
_POSITION_LINE = re.compile(
    r"^(?:(?i:senior|leading|chief|deputy|associate|assistant|visiting|research|staff|executive|"
    r"managing|contributing|non-resident|principal|lead)\s+){0,3}"
    r"(?i:fellow|professor|lecturer|director|researcher|analyst|expert|editor|correspondent|"
    r"reporter|writer|journalist|columnist|scholar)\b[^.!?]{0,200}$"
)
"""A writer's position on the line under their name, with no verb: "Leading Research Fellow at
the Korean Studies Center, RAS Institute for Far Eastern Studies, RIAC expert" under
"Konstantin Asmolov" (a think tank's author box)."""
_FIRST_NAME_BIO = re.compile(
    r"^(?P<first>[A-Z][a-z]+)\s+(?:is|was|has\s+(?:been|worked)|covers|writes|reports|joined)\b"
)
"""An author box's biography that names the writer by the first name only: "Peter has worked as
a news and culture writer and editor at The Week since …", under "Peter Weber, The Week US"."""
_NAME_MAX_WORDS = 4
_BOX_LABEL = re.compile(
    r"^(?:the\s+)?(?:author|writer|journalist|reporter|correspondent|written\s+by)s?\s*:?$", re.I
)
"""An author box's label printed alone over the writer's name: "Author", "Written by", a
news site's "Journalist" over "Shostal Oleksandr" (round fifty-three's 112ua)."""
_NAME_PART = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")
_ROLE_MAX_WORDS = 4
_SUBSCRIBE_CALL = re.compile(r"^(?:subscribe|sign\s+up|register|join)\b", re.I)
"""A box's call to subscribe, as its heading or its button: "Subscribe to The Week", "SUBSCRIBE &
SAVE", "Sign up"."""
_SUBSCRIBE_CALL_MAX_WORDS = 6
_OUTLET_EDGE_LINES = 15
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
_DATE_LABEL_START = re.compile(r"^date\s*:", re.I)
_VISIT_DATE = re.compile(
    r"^(?:view|viewed|visited|accessed|retrieved|printed|downloaded|today)(?:\s+on)?"
    r"(?:\s+date)?\s*:?\s*\d",
    re.I,
)
"""The time of a visit, not the page's date: "View Date:2024-12-23 23:49:08" (a label split
over two lines, "View" / "Date:…", is read as one)."""
_NOTE_LABEL = re.compile(r"^(?:editor[’']?s\s+)?note\s*:\s*\S", re.I)
_TRAIL_END = re.compile(r"\S\s*[/›»>❯]$")
"""A breadcrumb trail's end ("Transcripts   /"): the masthead is above it."""
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
_FEED_TAIL = re.compile(
    r"^(?:continue\s+reading|read\s+more|read\s+(?:the\s+)?full\s+(?:story|article))"
    r"\s*(?:…|\.{3}|[»›→])\s*\S",
    re.I,
)
"""A line opening with a link to the whole story and its arrow or ellipsis, text after it: an
aggregator's copy of a feed item, "Continue reading… The Guardian Read More Russian president
and Kim exchange …", whose words after the link are the summary and the text again."""
_UPDATE_NOTE = re.compile(
    r"^THIS\s+IS\s+A\s+(?:[A-Z]+\s+){0,2}UPDATE\b|"
    r"\b(?i:earlier|original|previous)\s+(?i:story|version)\s+(?i:follows\s+below|is\s+below)\.?$|"
    r"^(?i:(?:this\s+(?:story|article|report|post)\s+(?:has\s+been|was)\s+)?updated\s+"
    r"(?:to|with)\s+(?:add|include|correct|reflect|clarify|remove|update)\b)"
)
"""A wire service's note on an updated story: "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story
follows below." (a CFJC Today copy of an AP report), or an editor's note opening with what the
update did: "Updated to add Russian POW comments about North Korean soldiers." (Radio Free Asia,
under its standfirst), "This story has been updated to correct …": it speaks of the story, not
in it."""
_REFERENCE_LINKS = re.compile(r"^(?:\[\d{1,3}\]\s*https?://\S+\s*)+$")
"""A line of numbered reference links, nothing else: "[1] https://www.reuters.com/… [2]
https://www.bbc.com/…" (asb-media, under the text its "[1][5]" marks point to). The sources'
addresses are no sentence of the article."""
_UPDATE_NOTE_MAX_WORDS = 20
_CARD_RUN = 2
"""Cards closed by a link label, at least this many in a row: one may be the article's own
teaser ("… Continue Reading" under a tag page's one story)."""
_RUN_HEADING = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){0,2}[A-Z][\w’'&-]*\s*:")
"""A list's title: one to three capitalised words and a colon ("Similar News:")."""
_BOX_LINES = 2
"""An author box: a label and the writer's name, at most this many lines above the bio."""
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_LIST_ITEM_MARK = re.compile(r"^(?:[-–—•·*▪◦●○■►▶]|\d{1,2}[.)])\s+")
"""A list item's bullet or number, with the space after it."""
_LIST_ITEM = re.compile(_LIST_ITEM_MARK.pattern + r"\S")
_LINKED_LIST_MIN_ITEMS = 2
_LINK_ADDRESS = re.compile(r"\bhttps?://\S+")
_SHORT_WORD_CHARS = 3
"""Words this short ("a", "of", "the", "and") are printed in lower case in a title-cased headline."""
_TITLE_CASE_SHARE = 0.75
_BULLET_ONLY = re.compile(r"^[-–—•·*▪◦●○■►▶|]+$")
_HEADING_MAX_WORDS = 8
_LABEL_MAX_WORDS = 3
_TITLE_MAX_WORDS = 25
_HEADLINE_MIN_WORDS = 6
_STANDFIRST_MIN_WORDS = 12
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
_HEADLINE_RUN = 3
"""Other stories' headlines come in runs: this many headline-shaped lines close together."""
_CTA_MAX_WORDS = 30
_METADATA_MAX_CHARS = 160
"""By-lines, credits and date lines are short; a longer line is read as text."""
_PROMPT_MAX_WORDS = 15

_COPY_LINES = 3
_COPY_LINE_WORDS = 12
_COPY_MAX_HOLDERS = 50
"""A long line held by more texts than this is boilerplate, no sign that two texts are copies."""
PER_LINE_CACHE = 8192
"""Verdicts kept per distinct line: pages repeat lines (menus, separators, widgets), and a
crafted page of one short line repeated thousands of times is read at the cost of one."""


@dataclass
class CleanText:
    """The article's own paragraphs and what the page told about it.

    ``sources`` says where each value was read ("the line '• Sunday, 10 Nov 2024'"), and
    ``conflicts`` why a field was left empty when two signals of the page disagree.
    """

    paragraphs: list[str] = field(default_factory=list)
    captions: set[int] = field(default_factory=set)
    headline: str | None = None
    author: str | None = None
    published: date | None = None
    publisher: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    conflicts: dict[str, str] = field(default_factory=dict)
    title_guessed: bool = False
    """True when the page shows no headline: the title is its first sentence, kept in the text."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


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


@dataclass
class _Signals:
    """What the page says about one field, each with where it was read and how strong it is."""

    found: dict[str, list[tuple[int, str, object]]] = field(default_factory=dict)
    partial_dates: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, name: str, value: object, source: str, rank: int = PLAIN_RANK) -> None:
        self.found.setdefault(name, []).append((rank, source, value))

    def settle(self, result: CleanText, lines: list[str]) -> None:
        for name, found in self.found.items():
            best = min(rank for rank, _, _ in found)
            chosen = [(source, value) for rank, source, value in found if rank == best]
            values = list(dict.fromkeys(_comparable(value) for _, value in chosen))
            if len(values) > 1:
                (first, a), (second, b) = (
                    chosen[0],
                    next(
                        item for item in chosen if _comparable(item[1]) != _comparable(chosen[0][1])
                    ),
                )
                result.conflicts[name] = f"{first} gives {_shown(a)} but {second} gives {_shown(b)}"
                continue
            source, value = chosen[0]
            setattr(result, _FIELD_ATTRIBUTE.get(name, name), value)
            result.sources[name] = source
        self._settle_partial_dates(result, lines)

    def _settle_partial_dates(self, result: CleanText, lines: list[str]) -> None:
        """A day without a year ("Oct. 29" in a dateline) is the day a report was filed: the
        page's own full date wins over it. Alone, it takes its year only from a full date
        printed elsewhere on the page within a week of it ("on Oct. 28, 2024" in the text);
        with none, or with two such dates of different years, no date is given. ``lines`` are
        the page's lines less its embedded posts (``_embedded_posts``): a post's signature ("— Lokmat Times
        Nagpur (@LokmatTimes_ngp) October 22, 2024") dates the post, another item, and so gives
        no year to the story's "Oct 22"."""
        if (
            not self.partial_dates
            or result.published is not None
            or "published" in result.conflicts
        ):
            return
        month, day, source = self.partial_dates[0]
        years = {}
        for printed, text in printed_dates.full_dates_in(lines):
            with suppress(ValueError):
                if abs((date(printed.year, month, day) - printed).days) <= _NEARBY_DAYS:
                    years.setdefault(printed.year, text)
        if len(years) == 1:
            ((year, text),) = years.items()
            result.published = date(year, month, day)
            result.sources["published"] = f"{source} with the year of '{text}'"
        elif years:
            result.conflicts["published"] = (
                f"{source} shows no year and the page dates near it disagree on one"
            )
        else:
            result.conflicts["published"] = (
                f"{source} shows no year and the page no full date near it"
            )


_FIELD_ATTRIBUTE = {"title": "headline"}


def _comparable(value: object) -> object:
    return line_key(value) if isinstance(value, str) else value


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _quoted(line: str) -> str:
    return f"the line '{line}'"


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
    lines, blocks = _lines(raw)
    signals = _Signals()
    lines = _split_stamped_bylines(lines, signals)
    keys = [line_key(line) for line in lines]
    result = CleanText(headline=title)
    furniture = {
        index for index, line in enumerate(lines) if _is_furniture(line, keys[index], boilerplate)
    }
    furniture |= _weather_widgets(lines)
    posts = _embedded_posts(lines, blocks)
    furniture |= posts
    furniture |= _author_boxes(lines, furniture, signals)
    furniture |= _labelled_name_boxes(lines, signals)
    shared = {
        index for index in furniture if not _is_furniture(lines[index], keys[index], frozenset())
    }
    furniture |= _outlet_lines(lines, keys, furniture - shared, signals)
    furniture |= _bare_bylines(lines, furniture, signals)
    furniture |= _linked_headlines(lines, furniture)
    furniture |= _link_cards(lines, furniture)
    furniture |= _teaser_runs(lines, furniture)
    furniture |= _stamped_cards(lines, furniture)
    furniture |= _alt_texts(lines, keys, furniture)
    furniture |= _cut_repeats(lines, furniture)
    furniture |= _comment_policies(lines, furniture)
    furniture |= _subscription_boxes(lines)
    furniture |= _subscription_pitches(lines, furniture)
    furniture |= _pitch_lead_ins(lines, furniture)
    furniture |= _shouted_headlines(lines, furniture)
    furniture |= _stray_headlines(lines, furniture)
    for index in sorted(furniture):
        _read_furniture_credit(lines[index], signals)
    furniture |= _closing_credits(lines, furniture, signals)
    furniture |= _notices_under_credit(lines, furniture)
    lists = _lists(lines, furniture)
    title_at = (
        None
        if title
        else _title_line(lines, furniture | _bulleted_headlines(lines, furniture, lists), lists)
    )
    furniture |= _decorated_headlines(keys, title_at)
    furniture |= _photo_descriptions(lines, keys, title_at, title, furniture)
    furniture |= _appeals_above(lines, title_at, furniture)
    furniture |= _stamp_runs(lines, furniture)
    furniture |= _headline_runs(lines, keys, title_at, furniture)
    furniture |= _bulleted_headlines(lines, furniture, lists)
    furniture |= _teaser_cards(lines, keys, title_at, furniture)
    furniture |= _unrelated_headlines(lines, title_at, furniture)
    known_headlines = {line_key(title)} if title else set()
    if title_at is not None:
        result.headline = _bare_headline(lines[title_at])
        result.sources["title"] = _quoted(lines[title_at])
        known_headlines.add(line_key(lines[title_at]))
    verdicts = _verdicts(lines, keys, furniture, lists, known_headlines, signals)
    if with_model:
        for index in line_model.furniture_lines(lines, verdicts):
            verdicts[index] = "model"
    for index, verdict in enumerate(verdicts):
        if verdict == "list":
            result.paragraphs.append("\n".join([lines[index], *(lines[i] for i in lists[index])]))
        elif verdict in ("text", "caption"):
            text = _without_closing_date(_without_closing_byline(lines[index], signals), signals)
            if verdict == "caption":
                result.captions.add(len(result.paragraphs))
                text = _without_caption_agency(text)
            result.paragraphs.append(_without_closing_labels(_without_photo_credit(text)))
    signals.settle(result, [line for index, line in enumerate(lines) if index not in posts])
    if result.headline is None and result.paragraphs:
        result.headline = first_sentence(_without_credit(result.paragraphs[0]))
        result.title_guessed = True
        result.sources["title"] = FIRST_SENTENCE
    return _Reading(result, lines, verdicts)


def _verdicts(
    lines: list[str],
    keys: list[str],
    furniture: set[int],
    lists: dict[int, list[int]],
    known_headlines: set[str],
    signals: _Signals,
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
        if previous_text is not None and _is_credited_repeat(lines[previous_text], line):
            verdicts[previous_text] = "caption"
            verdicts[index] = "repeat"
            body_paragraphs -= 1
            previous_text = None
            continue
        if _read_metadata(line, signals):
            verdicts[index] = "metadata"
        elif keys[index] in known_headlines:
            verdicts[index] = "headline"
        elif index in lists:
            verdicts[index] = "list"
            body_paragraphs += 1
        elif _is_heading(line) and not _is_caption(line):
            verdicts[index] = "heading"
        elif keys[index] == previous_key:
            verdicts[index] = "repeat"  # printed twice in a row (a caption, then in a gallery)
        else:
            previous_key = keys[index]
            if _is_credited_caption(line) or (index and _PHOTO_LABEL.match(lines[index - 1])):
                verdicts[index] = "caption"
            else:
                verdicts[index] = "text"
                previous_text = index
                _read_self_credit(line, signals)
                if body_paragraphs < 2:
                    _read_dateline(line, signals)
                if body_paragraphs < _INTRO_PARAGRAPHS:
                    _read_hand_over(line, signals)
                body_paragraphs += 1
    if body_paragraphs >= _CLOSING_AGENCY_BODY:
        _read_closing_agency(lines, verdicts, signals)
        _read_lone_closing_agency(lines, verdicts, signals)
        _read_closing_signature(lines, verdicts, signals)
    return verdicts


def _read_closing_signature(lines: list[str], verdicts: list[str], signals: _Signals) -> None:
    """A writer's name after a dash on a line of its own right under the page's last paragraph
    of text ("— Holly Ellyatt" under a live blog's entry, copied by gondrongjabrik) signs the
    story, as a wire's sign-off does: the author, as weakly as a by-line under the text. Only
    a person's name of two or three capitalised words, not an outlet's ("— Bernama", "- Sputnik
    International") nor a social post's signature, which carries a handle or a date."""
    texts = [index for index, verdict in enumerate(verdicts) if verdict == "text"]
    if not texts or texts[-1] + 1 >= len(lines):
        return
    line = lines[texts[-1] + 1]
    match = _SIGNATURE_LINE.match(line)
    if match and _is_name(match["name"]) and not chrome.is_outlet_shaped(match["name"]):
        signals.add("author", match["name"], f"the signature '{line}'", UPDATED_RANK)


def _read_lone_closing_agency(lines: list[str], verdicts: list[str], signals: _Signals) -> None:
    """An agency's name in brackets, or its initials without them, on a line of its own right
    under the page's last paragraph of text ("(AP)" under a copy of an AP report on the BRICS
    summit, stalliontimes; "AFP" under LBCI's report of Peskov's announcement) is the story's
    wire credit (initials that spell an English word, "SOURCE", are a label), as the same
    name glued to the paragraph is
    (``_read_closing_agency``): the publisher, as weakly as a by-line's agency. The line stays
    furniture. Only right under the last paragraph, and a name, not a caption's word."""
    texts = [index for index, verdict in enumerate(verdicts) if verdict == "text"]
    if not texts or texts[-1] + 1 >= len(lines):
        return
    line = lines[texts[-1] + 1]
    match = _LONE_AGENCY.match(line) or _lone_initials(line)
    if match and match["agency"].casefold() not in _CAPTION_WORDS:
        signals.add("publisher", match["agency"], f"the closing credit '{line}'", UPDATED_RANK)


def _lone_initials(line: str) -> re.Match[str] | None:
    """An agency's initials alone on a line ("AFP"), not a shouted word ("SOURCE")."""
    match = _LONE_INITIALS.match(line)
    return match if match and not is_english_word(match["agency"]) else None


def _read_closing_agency(lines: list[str], verdicts: list[str], signals: _Signals) -> None:
    """The page's last paragraph closed by an agency's name in brackets after its last sentence
    ("… to attend a foreign ministerial meeting … member states. (Yonhap)", under a Korea
    Herald report; "… Russia has neither confirmed nor denied this. (A2 Televizion)") is the
    story's wire credit, as Korean, Indian and Albanian papers print it: the paragraph is
    text, not a caption (a bracketed credit ends captions too), the agency the publisher, as
    weakly as a by-line's agency, and the credit is cut from the text, so that no answer
    quotes it as the story's words. Only the last kept line of a page with two paragraphs of
    text above it, of more than a heading's words, and a name: not a caption's word
    ("(File)", "(Photo)"), nor words of the language alone ("(Read More)")."""
    kept = [index for index, verdict in enumerate(verdicts) if verdict != "furniture"]
    if not kept or verdicts[kept[-1]] not in ("caption", "text"):
        return
    line = lines[kept[-1]]
    match = _CLOSING_AGENCY.search(line)
    if not match or chrome.word_count(line) <= _HEADING_MAX_WORDS:
        return
    words = match["agency"].split()
    if _says_what_the_picture_is(match["agency"]) or (
        len(words) > 1 and all(is_english_word(word) for word in words)
    ):
        return
    verdicts[kept[-1]] = "text"
    lines[kept[-1]] = line[: match.start()].rstrip()
    signals.add(
        "publisher", match["agency"], f"the closing credit '{match.group().strip()}'", UPDATED_RANK
    )


FIRST_SENTENCE_CHARS = 2_000
"""Where the first sentence of a paragraph is looked for: Bling Fire's Python wrapper reads
every byte in a loop, and a title is never longer."""


def _without_credit(paragraph: str) -> str:
    """A paragraph without its opening dateline credit ("MOSCOW, November 6. /TASS/."),
    which is no sentence to take for a title."""
    match = _SLASHED_CREDIT.match(paragraph)
    rest = paragraph[match.end() :].strip() if match else ""
    return rest or paragraph


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


_APP_BADGE = re.compile(
    r"^(?:(?P<outlet>[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,3})\s+(?:app\s+)?)?"
    r"(?:(?:get\s+it|download(?:\s+it)?|available)\s+)?(?:on|from|in)\s+(?:the\s+)?"
    r"(?:google\s+play|play\s+store|app\s*store)\b",
    re.I,
)
"""A badge for the site's app ("Euromedia24 on Play Store Euromedia24 on App Store", "Get it
on Google Play"): furniture, and the outlet it names, if any, is the page's publisher when
nothing stronger names one."""
_APP_BADGE_MAX_WORDS = 12
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


def _lines(raw: str) -> tuple[list[str], list[int]]:
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
        seen_text = seen_text or any(map(_is_paragraph, parts))
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
    if len(words) <= _HEADING_MAX_WORDS:
        return (line,)
    zone = len(line)
    for _ in range(_TAIL_MAX_WORDS):
        zone = line.rfind(" ", 0, zone)
        if zone < 0:
            return (line,)
    for match in _TAIL_START.finditer(line, zone):
        head, tail = line[: match.start()].rstrip(), line[match.end() :].strip()
        if chrome.word_count(head) > _HEADING_MAX_WORDS and _is_label_or_prompt(tail):
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
        or bool(_AD_BREAK.match(line))
        or bool(_VIEW_ON.match(line))
        or bool(_MORE_STORIES.match(line))
        or bool(_TOPIC_LINK_LINE.match(line))
        or (words <= _CTA_MAX_WORDS and bool(_CALL_TO_ACTION.match(line)))
        or (words <= _CTA_MAX_WORDS and bool(_NAVIGATION_LABEL.match(line)))
        or (words <= _PROMPT_MAX_WORDS and bool(_SHARE_PROMPT.match(line)))
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
    )


def _weather_widgets(lines: list[str]) -> set[int]:
    """A temperature and the city under it ("66.5 F" / "Los Angeles"); and a masthead's line
    that prints the day with the weather ("Wednesday, December 4, 2024 77° Today's Paper"):
    the site's clock, the day the page was shown, which gives no date and is no headline."""
    found = set()
    for index, line in enumerate(lines):
        if _WEATHER.match(line):
            found.add(index)
            if index + 1 < len(lines) and _is_heading(lines[index + 1]):
                found.add(index + 1)
        elif _is_dated_weather(line):
            found.add(index)
    return found


def _is_dated_weather(line: str) -> bool:
    return (
        chrome.word_count(line) <= _MASTHEAD_MAX_WORDS
        and bool(_TEMPERATURE.search(line))
        and any(printed_dates.full_dates_in([line]))
    )


def _embedded_posts(lines: list[str], blocks: list[int]) -> set[int]:
    """A social post embedded in the page: its signature ("— NEXTA (@nexta_tv) June 19, 2024")
    and the few lines of its block just above it (a block after a blank line: in a text
    without blank lines, such as trafilatura's, the article's own paragraphs could be just
    above), and any line holding a post's link ("… pic.twitter.com/q3kNfOElkn"). The post's
    date is not the page's."""
    found = {index for index, line in enumerate(lines) if chrome.has_post_link(line)}
    for index, line in enumerate(lines):
        if not chrome.is_post_signature(line):
            continue
        found.add(index)
        if index == 0:
            continue
        block = blocks[index - 1]
        start = index - 1
        while start > 0 and blocks[start - 1] == block and index - start <= chrome.POST_LINES:
            start -= 1
        if index - start <= chrome.POST_LINES and start > 0 and blocks[start - 1] != block:
            found.update(range(start, index))
    return found


def _author_boxes(lines: list[str], furniture: set[int], signals: _Signals) -> set[int]:
    """An author box: a short biography ("Anton Sokolin is the data correspondent at NK News.
    He previously worked at Reuters, …") under the writer's name printed alone or an "About the
    Author" label. It gives the author, and it, the name and the label are furniture. A
    biography without its box stays text (a report may say who a reporter is)."""
    found: set[int] = set()
    bylined = {
        line_key(match["name"])
        for line in lines
        if (match := _BYLINE.match(line)) and _is_name(match["name"])
    }
    for index, line in enumerate(lines):
        if index and index not in furniture and _is_position_under_name(lines, index):
            signals.add("author", lines[index - 1].strip(), f"the author box '{line_key(line)}'")
            found.update({index - 1, index})
            continue
        match = _BIO.match(line)
        if (
            index in furniture
            or chrome.word_count(line) > _BIO_MAX_WORDS
            or not _BIO_ROLE.search(line)
        ):
            continue
        if not match:
            found.update(_first_name_box(lines, index))
            continue
        name = match["name"]
        box = [
            above
            for above in range(max(0, index - _BOX_LINES), index)
            if line_key(lines[above]) == line_key(name) or _ABOUT_AUTHOR.match(lines[above])
        ]
        if box:
            signals.add("author", name, f"the author box '{line_key(name)}'")
            found.update(range(min(box), index + 1))
        elif line_key(name) in bylined:
            found.add(index)
    return found


def _labelled_name_boxes(lines: list[str], signals: _Signals) -> set[int]:
    """An author box at the foot that prints its label alone and the writer's name over one or
    more lines of its own, a role under it ("Author" / "Daniel" / "DePetris" / "Fellow"): the
    name lines joined are the author, and the box is furniture. The name must have two words
    at least and nothing else may follow the label but the name and a short role, so a label
    over a paragraph or over another story's by-line gives nothing."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not _BOX_LABEL.match(line):
            continue
        parts: list[int] = []
        for at in range(index + 1, min(len(lines), index + 1 + _NAME_MAX_WORDS)):
            if not _NAME_PART.match(lines[at]) or _BIO_ROLE.search(lines[at]):
                break
            parts.append(at)
        name = " ".join(lines[at] for at in parts)
        words = len(name.split())
        if not parts or not 2 <= words <= _NAME_MAX_WORDS or not _is_name(name):
            continue
        end = parts[-1] + 1
        if end < len(lines) and (
            chrome.word_count(lines[end]) <= _ROLE_MAX_WORDS and _BIO_ROLE.search(lines[end])
        ):
            end += 1
        signals.add("author", name, f"the author box '{line_key(name)}'")
        found.update(range(index, end))
    return found


def _is_position_under_name(lines: list[str], index: int) -> bool:
    """A writer's position (``_POSITION_LINE``) under their name printed alone."""
    name = lines[index - 1].strip()
    return (
        bool(_POSITION_LINE.match(lines[index]))
        and chrome.word_count(lines[index]) <= _BIO_MAX_WORDS
        and _is_name(name)
        and 2 <= chrome.word_count(name) <= _NAME_MAX_WORDS
    )


def _first_name_box(lines: list[str], index: int) -> list[int]:
    """A biography that opens with a first name under the writer's full name printed alone
    (or with the outlet after a comma) within the lines above: the box's lines and the bio."""
    match = _FIRST_NAME_BIO.match(lines[index])
    if not match:
        return []
    names = [
        above
        for above in range(max(0, index - _BOX_LINES), index)
        if (name := lines[above].split(",")[0].strip()).startswith(match["first"] + " ")
        and _is_name(name)
        and chrome.word_count(name) <= _NAME_MAX_WORDS
    ]
    return [*range(min(names), index + 1)] if names else []


def _decorated_headlines(keys: list[str], title_at: int | None) -> set[int]:
    """The headline printed above itself wrapped in site chrome ("Current:Home > ScamsLive
    updates: … in Ukraine-LoTradeCoin"): furniture."""
    if title_at is None:
        return set()
    title = keys[title_at]
    return {index for index in range(title_at) if title in keys[index] and keys[index] != title}


def _stamp_runs(lines: list[str], furniture: set[int]) -> set[int]:
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


def _teaser_runs(lines: list[str], furniture: set[int]) -> set[int]:
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
            or chrome.word_count(line) > _HEADING_MAX_WORDS
            or bool(_SENTENCE_END.search(line))
        )
        run = []
    return found


def _stamped_cards(lines: list[str], furniture: set[int]) -> set[int]:
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
            len(line.split()) > _HEADING_MAX_WORDS and bool(_SENTENCE_END.search(line))
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
        if not _LABEL_MAX_WORDS < words <= _TITLE_MAX_WORDS or _SENTENCE_END.search(lines[at]):
            break
        card.append(at)
        at -= 1
    return card


def _alt_texts(lines: list[str], keys: list[str], furniture: set[int]) -> set[int]:
    """A photo's alternative text printed right above its caption, which says the same and
    adds the credit: "The moment North Korean troops board Russian naval ships …" over "The
    moment … Picture: South Korea's National Intelligence Service". The caption stays. But when
    the line above is the caption already, credit and all, the copy under it that only adds a
    link's label after a bar ("… File photo by Al Drago/UPI | License Photo") is the one to go.
    A caption printed again with only its credit added is left to ``_is_credited_repeat``,
    which keeps the bare copy: the credit is no fact to quote."""
    found: set[int] = set()
    kept = [index for index in range(len(lines)) if index not in furniture]
    for index, after in pairwise(kept):
        if (
            _is_caption(lines[after])
            and keys[after] != keys[index]
            and keys[after].startswith(keys[index])
            and not _is_credited_repeat(lines[index], lines[after])
        ):
            labelled = _is_caption(lines[index]) and _BAR_LABEL_TAIL.match(
                lines[after][len(lines[index]) :]
            )
            found.add(after if labelled and lines[after].startswith(lines[index]) else index)
    return found


def _photo_descriptions(
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
            and not _SENTENCE_END.search(line)
            and not _is_credited_caption(line)
            and _is_credited_caption(lines[after])
        ):
            found.add(index)
    return found


def _is_credited_caption(line: str) -> bool:
    """A caption, or a line closed by a photo's credit in brackets."""
    return _is_caption(line) or _without_photo_credit(line) != line


def _cut_repeats(lines: list[str], furniture: set[int]) -> set[int]:
    """A summary printed above the text and cut off by an ellipsis ("… indicating “that they
    fully intend...") whose words open the text under it: the same words again, furniture."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        stem = _ELLIPSIS_END.sub("", line)
        if index in furniture or stem == line or len(stem.split()) < _REPEAT_MIN_WORDS:
            continue
        after = " ".join(
            lines[at] for at in range(index + 1, min(len(lines), index + 4)) if at not in furniture
        )
        if " ".join(after.split()).startswith(" ".join(stem.split())):
            found.add(index)
    return found


def _comment_policies(lines: list[str], furniture: set[int]) -> set[int]:
    """A site's note on its comments right above a comment form's line (``_COMMENT_POLICY``)."""
    return {
        index
        for index, line in enumerate(lines[:-1])
        if index + 1 in furniture
        and chrome.is_form_or_consent(lines[index + 1])
        and chrome.word_count(line) <= _COMMENT_POLICY_MAX_WORDS
        and _COMMENT_POLICY.search(line)
    }


def _subscription_boxes(lines: list[str]) -> set[int]:
    """A subscription box: a short line between two calls to subscribe ("Subscribe to The
    Week" / "Escape your echo chamber. Get the facts behind the news, plus analysis from
    multiple perspectives." / "SUBSCRIBE & SAVE") is the box's pitch, whatever it says; the
    calls are furniture too."""
    found: set[int] = set()
    for index in range(1, len(lines) - 1):
        if (
            _is_subscribe_call(lines[index - 1])
            and _is_subscribe_call(lines[index + 1])
            and chrome.word_count(lines[index]) <= _PITCH_MAX_WORDS
        ):
            found.update((index - 1, index, index + 1))
    return found


def _subscription_pitches(lines: list[str], furniture: set[int]) -> set[int]:
    """The short lines right under a call to subscribe that go on with the box's pitch: a
    further call ("Join 10k+ people to get notified about new posts, news and tips.") or the
    site speaking to the reader or as "we" outside quotation marks ("Do not worry we don't
    spam!"), up to the first line that does neither (smurbo's newsletter box above the
    headline, whose last line had been kept as the page's first paragraph)."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if not _is_subscribe_call(line):
            continue
        for after in range(index + 1, min(index + 1 + _PITCH_RUN, len(lines))):
            pitch = lines[after]
            unquoted = _QUOTED_SPAN.sub(" ", pitch)
            if after in furniture or chrome.word_count(pitch) > _PITCH_LINE_MAX_WORDS:
                break
            if not (
                _SUBSCRIBE_CALL.match(pitch)
                or _FIRST_PERSON_PLURAL.search(unquoted)
                or _SECOND_PERSON.search(unquoted)
            ):
                break
            found.add(after)
    return found


def _pitch_lead_ins(lines: list[str], furniture: set[int]) -> set[int]:
    """The line right above a paywall's offer that speaks of journalism, outside quotation
    marks: the pitch's opening sentence ("In a time of both misinformation and too much
    information, quality journalism is more crucial than ever." above "By subscribing, you can
    help us get the story right."). Prose about the press stays text unless an offer follows."""
    return {
        index
        for index, line in enumerate(lines[:-1])
        if index + 1 in furniture
        and _is_membership_pitch(lines[index + 1])
        and chrome.word_count(line) <= _PITCH_MAX_WORDS
        and not any(mark in line for mark in _QUOTE_MARKS)
        and bool(_JOURNALISM.search(line))
    }


def _is_subscribe_call(line: str) -> bool:
    return chrome.word_count(line) <= _SUBSCRIBE_CALL_MAX_WORDS and bool(
        _SUBSCRIBE_CALL.match(line)
    )


def _shouted_headlines(lines: list[str], furniture: set[int]) -> set[int]:
    """Another story's headline shouted between the article's paragraphs, as a link: a line
    wholly in capitals, longer than a sub-head (more than ``_HEADING_MAX_WORDS`` words, up to
    a headline's ``_TITLE_MAX_WORDS``) and without a full stop, once the page has shown a
    paragraph of its own: "NORTH KOREA SENDS WARNING TO SOUTH KOREA, SAYING TROOPS READY TO
    STRIKE IF MORE DRONES APPEAR" between two paragraphs of a report on the Pentagon. Above
    the text, a shouted line may be the page's own headline, and stays."""
    found: set[int] = set()
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        words = chrome.word_count(line)
        if seen_text and _is_shouted(line) and _HEADING_MAX_WORDS < words <= _TITLE_MAX_WORDS:
            if not _STATEMENT_END.search(line):
                found.add(index)
            continue
        seen_text = seen_text or (words > _HEADING_MAX_WORDS and bool(_SENTENCE_END.search(line)))
    return found


_STRAY_MIN_TERMS = 5
_STRAY_SHARED_MAX = 0.25


def _stray_headlines(lines: list[str], furniture: set[int]) -> set[int]:
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
            _is_paragraph(lines[before])
            and chrome.word_count(lines[after]) > _HEADING_MAX_WORDS
            and _is_headline_cased(line)
            and _is_headline_shaped(line)
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


def _linked_headlines(lines: list[str], furniture: set[int]) -> set[int]:
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
            if after is not None and _LIST_ITEM.match(lines[after]):
                found |= _bulleted_run(lines, after, furniture)
            elif after is not None and _is_headline_shaped(lines[after]):
                found.add(after)
    return found


def _bulleted_run(lines: list[str], start: int, furniture: set[int]) -> set[int]:
    """The list items from ``start`` on, one after another (furniture between them passed)."""
    run: set[int] = set()
    for at in range(start, len(lines)):
        if at in furniture:
            continue
        if not _LIST_ITEM.match(lines[at]):
            break
        run.add(at)
    return run


def _link_cards(lines: list[str], furniture: set[int]) -> set[int]:
    """Other stories' cards, each a line (a headline glued to its blurb) closed by a link
    label alone on the line under it ("Read more »"), two or more in a row; and the line above
    them when it opens with the list's title and a colon ("Similar News:You can also read news
    stories similar to this one …"). One card may be the page's own teaser. A page of nothing
    but cards (a tag page: "… Russia has reportedly received approximately 15,000 North
    Korean workers." / "Read More", three times) keeps their text and drops only the link
    labels: the cards are all the text it has, as with ``_teaser_runs``."""
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
        _is_paragraph(line)
        for at, line in enumerate(lines)
        if at not in found and at not in furniture
    ):
        return {at for at in found if _CARD_LINK.match(lines[at])}
    return found


def _outlet_lines(
    lines: list[str], keys: list[str], furniture: set[int], signals: _Signals
) -> set[int]:
    """A line that only names the site ("News.Az", "Jerusalem Post", "CNN") gives the outlet
    when another line of the page credits the same name ("News.Az reports …", "By JERUSALEM
    POST STAFF", "told CNN"); a name nothing corroborates gives nothing. Weaker than a wire
    credit, which names the report's own source. A name printed right over the masthead's
    clock with the weather ("Honolulu Star-Advertiser" / "Wednesday, December 4, 2024 77°
    Today's Paper") is the paper's masthead, which needs nothing else. A name line that is
    furniture only because other pages of the folder print it too (a lone "Reuters" on three
    pages) is still looked at: BusinessLive's "Reuters" gave its publisher until round
    twenty-two's Shanghai Daily page printed a third."""
    found: set[int] = set()
    edges = set(range(_OUTLET_EDGE_LINES)) | set(range(len(lines) - _OUTLET_EDGE_LINES, len(lines)))
    for index, line in enumerate(lines):
        if index not in edges or index in furniture or not _is_heading(line) or _is_metadata(line):
            continue
        name = chrome.outlet_line_name(line)
        if name is None or _is_writers_name(name, lines, signals):
            continue
        others = [other for at, other in enumerate(lines) if keys[at] != keys[index]]
        over_clock = index + 1 < len(lines) and _is_dated_weather(lines[index + 1])
        if (
            over_clock
            or _in_byline_place(lines, index, name)
            or chrome.is_corroborated(name, others)
        ):
            signals.add("publisher", name, _quoted(line), UPDATED_RANK)
            found.add(index)
    return found


def _bare_bylines(lines: list[str], furniture: set[int], signals: _Signals) -> set[int]:
    """A person's name alone where a by-line stands, right under a headline-shaped line and
    right over a date line: "In a first, Kim Jong Un will attend a gathering of leaders with
    both Putin and Xi" / "Anthony Kuhn" / "August 29, 2025 / 9:19 am" (an NPR report's copy).
    Two to four capitalised words, no outlet's shape (``_in_byline_place`` reads those)."""
    found: set[int] = set()
    for index in range(1, min(len(lines) - 1, _OUTLET_EDGE_LINES)):
        name = lines[index].strip()
        if (
            index not in furniture
            and _is_name(name)
            and not _BYLINE.match(name)
            and 2 <= chrome.word_count(name) <= _NAME_MAX_WORDS
            and not chrome.is_outlet_shaped(name)
            and _is_headline_shaped(lines[index - 1])
            and printed_dates.date_line(lines[index + 1]) is not None
        ):
            signals.add("author", name, f"the name '{name}' under the headline")
            found.add(index)
    return found


def _in_byline_place(lines: list[str], index: int, name: str) -> bool:
    """An outlet-shaped name (``chrome.is_outlet_shaped``: "News Now USA", "Jerusalem Post")
    alone where a by-line stands, right under a headline-shaped line and right over a date line:
    "Kim Jong Un Welcomes North Korean Troops Back …" / "News Now USA" / "December 13, 2025".
    A writer's name there is no outlet's shape."""
    return (
        0 < index < len(lines) - 1
        and chrome.is_outlet_shaped(name)
        and _is_headline_shaped(lines[index - 1])
        and printed_dates.date_line(lines[index + 1]) is not None
    )


_DESK_WORDS = frozenset({"staff", "team", "desk", "bureau", "reporters", "newsroom", "agencies"})
"""Words of a by-line that credits a newsroom, not a person ("By Reuters Staff")."""


def _is_writers_name(name: str, lines: list[str], signals: _Signals) -> bool:
    """A lone name that is all or part of a person's name the page credits as its writer (in a
    by-line, "By Muhammad Asif Noor", or an author box) is the writer printed once more, or his
    first name on a line of its own ("Daniel" / "DePetris"): a person, not the site. A name
    shaped like an outlet ("Jerusalem Post", "CNN") is still looked at."""
    if chrome.is_outlet_shaped(name):
        return False
    writers = [str(value) for _, _, value in signals.found.get("author", [])]
    writers += [match["name"] for line in lines if (match := _BYLINE.match(line))]
    words = set(line_key(name).split())
    for writer in writers:
        parts = line_key(writer).split()
        if (
            2 <= len(parts) <= _NAME_MAX_WORDS
            and _is_name(writer)
            and not chrome.is_outlet_shaped(writer)
            and not _DESK_WORDS & set(parts)
            and words <= set(parts)
        ):
            return True
    return False


_STAMPED_BYLINE = re.compile(
    rf"^(?P<headline>\S.{{10,200}}?)\.?\s+(?P<stamp>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}"
    rf"(?:\s+\d{{1,2}}:\d{{2}})?)\.?\s+(?i:by)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    rf"\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$"
)
"""A headline, its date stamp and a by-line with the writer's e-mail printed as one line: "Top
Russian official visits N. Korea to meet Kim. March. 22, 2025 07:19. by Kyu-Jin Shin
newjin@donga.com."."""


def _split_stamped_bylines(lines: list[str], signals: _Signals) -> list[str]:
    """A line near the top that runs a headline, a date stamp and a by-line with an e-mail
    address together is the page's metadata block flattened: the writer is the author, and
    what comes before the stamp is the headline, left as a line of its own for the headline
    rules to read. The e-mail address makes it a by-line ("by" in a sentence has none)."""
    out = list(lines)
    for index, line in enumerate(lines[:_OUTLET_EDGE_LINES]):
        match = _STAMPED_BYLINE.match(line)
        if not match or not _is_name(match["name"]):
            continue
        signals.add("author", match["name"], f"the by-line 'by {match['name']}'")
        out[index] = match["headline"].rstrip(" .")
    return out


def _is_furniture(line: str, key: str, boilerplate: frozenset[str]) -> bool:
    """A line that is never article text, whatever the page."""
    return key in FURNITURE or key in boilerplate or _is_furniture_shaped(line)


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_furniture_shaped(line: str) -> bool:
    words = chrome.word_count(line)
    return (
        bool(_REFERENCE_LINKS.match(line))
        or _is_editorial_note(line)
        or _is_translation_notice(line)
        or bool(_WIRE_STAFF_CREDIT.match(line))
        or bool(_SOURCE_CREDIT.match(line))
        or bool(_BANNER.match(line))
        or (words <= _CTA_MAX_WORDS and bool(_MEDIA_CREDIT.match(line)))
        or (words <= _CTA_MAX_WORDS and bool(_CALL_TO_ACTION.match(line)))
        or (words <= _CTA_MAX_WORDS and bool(_NAVIGATION_LABEL.match(line)))
        or bool(_MORE_STORIES.match(line))
        or bool(_TOPIC_LINK_LINE.match(line))
        or bool(_FEED_TAIL.match(line))
        or (words <= _UPDATE_NOTE_MAX_WORDS and bool(_UPDATE_NOTE.search(line)))
        or bool(_COPYRIGHT.search(line))
        or (words <= _PROMPT_MAX_WORDS and bool(_SHARE_PROMPT.match(line)))
        or bool(_SITE_NOTICE.match(line))
        or (words <= _ABOUT_THE_PAGE_MAX_WORDS and bool(_ABOUT_THE_PAGE.search(line)))
        or bool(_PICTOGRAPH.match(line))
        or _is_symbol_widget(line)
        or _is_code(line)
        or _is_breadcrumb(line)
        or _is_photo_credit(line)
        or _is_membership_pitch(line)
        or chrome.is_form_or_consent(line)
        or chrome.is_post_signature(line)
        or bool(_VISIT_DATE.match(line))
        or bool(_LOADING.match(line))
        or bool(_LIVE_GREETING.match(line))
        or bool(_LIVE_SIGN_OFF.match(line))
        or (words <= _VISIT_MAX_WORDS and bool(_VISIT_ADDRESS.search(line)))
        or _is_site_disclaimer(line)
        or (words <= _ABOUT_THE_PAGE_MAX_WORDS and bool(_LOADING_NOTICE.search(line)))
        or bool(_VIEWS_DISCLAIMER.match(line))
        or (words <= _DISCLAIMER_MAX_WORDS and bool(_LABELLED_DISCLAIMER.match(line)))
        or chrome.is_glued_source_credit(line)
        or _is_doubled_label(line)
        or bool(_HASHTAG_LINE.match(line))
        or bool(_AD_BREAK.match(line))
        or bool(_CONTRIBUTION_CREDIT.match(line))
        or bool(_COMMENTS_CLOSED.match(line))
        or bool(_SYNDICATION_NOTE.match(line))
        or bool(_ACCESS_NOTICE.match(line))
        or _role_credit(line) is not None
        or (bool(_APP_BADGE.match(line)) and words <= _APP_BADGE_MAX_WORDS)
        or bool(_ALT_TEXT.match(line))
        or bool(_WATCH_TEASER_LINE.match(line))
        or bool(_AGED_TEASER.match(line))
        or bool(_MARKED_NAMES.match(line))
        or (not _SENTENCE_END.search(line) and bool(_COMMENT_COUNT.search(line)))
        or _is_helpline_notice(line)
    )


def _is_helpline_notice(line: str) -> bool:
    """A support notice speaking to the reader, with where to call (``_HELPLINE``)."""
    return bool(_HELPLINE.search(line)) and bool(_HELP_CONTACT.search(line))


def _is_doubled_label(line: str) -> bool:
    """A short line that opens and closes on the same three or more words, with other words
    between: a widget printing its label twice around a prompt ("Welcome to The Indian Awaaz
    Click to listen highlighted text! Welcome to The Indian Awaaz", a read-aloud widget above
    the headline). No headline or sentence is built that way; it had been read as the title."""
    words = line.split()
    if len(words) > _DOUBLED_LABEL_MAX_WORDS or _SENTENCE_END.search(line):
        return False
    longest = (len(words) - 1) // 2
    return any(
        words[:size] == words[-size:] for size in range(_DOUBLED_LABEL_MIN_WORDS, longest + 1)
    )


def _is_site_disclaimer(line: str) -> bool:
    """A site speaking of its own workings (a disclaimer on its tool's output, a request to turn
    on JavaScript) in a short line; a quotation ("“We cannot guarantee the accuracy of these
    figures,” the ministry said") is someone's words, and stays text."""
    return (
        chrome.word_count(line) <= _SITE_DISCLAIMER_MAX_WORDS
        and not any(mark in line for mark in _QUOTE_MARKS)
        and bool(_SITE_DISCLAIMER.search(line))
    )


def _is_membership_pitch(line: str) -> bool:
    """A paywall's offer: "Access all of The Cipher Brief’s … by becoming a Cipher Brief
    Subscriber+ Member." A membership word and an offer, in a short paragraph."""
    return (
        chrome.word_count(line) <= _PITCH_MAX_WORDS
        and bool(_PITCH_MEMBER.search(line))
        and bool(_PITCH_OFFER.search(line))
    )


def _is_code(line: str) -> bool:
    """A line of a script or a template printed into the page ("pl_facebook_pixel_args = ();",
    "fbq( ‘consent’, ‘revoke’ );", "{{ subpage.title }}"): a line that ends or opens as code
    does, with code symbols and a call or an assignment. Prose puts a space before its
    brackets."""
    stripped = line.strip()
    shaped = stripped.endswith((";", "{", "}", ",", "(")) or stripped.startswith(("{", "}", "!"))
    return (
        shaped
        and sum(char in "{}()=;<>" for char in stripped) >= _CODE_MIN_SYMBOLS
        and bool(_CODE_CALL.search(stripped))
    )


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_breadcrumb(line: str) -> bool:
    """A trail of section names: "Government ❯International Relations ❯Security Issues"."""
    if chrome.word_count(line) > _BREADCRUMB_MAX_WORDS:
        return False
    parts = [part for part in _BREADCRUMB_SEPARATOR.split(line) if part]
    return (
        len(parts) >= _BREADCRUMB_MIN_PARTS
        and all(len(part.split()) <= _LABEL_MAX_WORDS + 1 and part[0].isupper() for part in parts)
        and not _SENTENCE_END.search(line)
    )


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_credited_repeat(paragraph: str, line: str) -> bool:
    """A paragraph printed again at once with a short tail that is no sentence: a photo's
    caption, then the same caption with its credit ("… during the state visit." then "… during
    the state visit. GAVRIIL GRIGOROV/POOL/AGENCE FRANCE-PRESSE"). The bare copy is the caption
    (kept and marked), the credited copy a repeat whose credit is no fact to quote ("France"
    in an agency's name); neither is the story's text, so a wire dateline under them still
    opens the story."""
    if not line.startswith(paragraph) or not _SENTENCE_END.search(paragraph):
        return False
    tail = line[len(paragraph) :].strip()
    return (
        bool(tail)
        and chrome.word_count(tail) <= _HEADING_MAX_WORDS
        and not _SENTENCE_END.search(tail)
    )


@lru_cache(maxsize=PER_LINE_CACHE)
def _without_photo_credit(line: str) -> str:
    """A kept line (a caption or the text) without the photo credit closing it: the
    photographer, the pool and the agency are who took the picture, no fact of the story, and
    a quoted answer must not carry them ("… to welcome Putin. [Vladimir Smirnov/Sputnik,
    Kremlin Pool via Reuters]"). A line that is nothing but its credit is left as it is."""
    match = _CLOSING_PHOTO_CREDIT.search(line)
    if (
        not match
        or not _CREDIT_SIGNAL.search(match["credit"])
        or _SENTENCE_END.search(match["credit"])
        or chrome.word_count(match["credit"]) > _CREDIT_MAX_WORDS
    ):
        return line
    return line[: match.start()].rstrip() or line


_CAPTION_AGENCY = re.compile(rf"(?<=[.!?…\"'”’])\s+[(\[]{_AGENCY_IN_BRACKETS}[)\]]$")
_CAPTION_LABELLED_AGENCY = re.compile(
    r"(?<=[.!?…\"'”’])\s+(?:(?:[\w ]{0,20}\|\s*)?(?i:photo(?:graph)?\s+credit)\s*:\s*"
    r"[A-Z][^.!?:]{0,60}|(?:Pic|Photo|Picture|Image)\s*/\s*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})$"
)
"""The same credit unbracketed, after a label: "… Lloyd Austin. File | Photo Credit: AP", "…
Russia’s Kursk region. Pic/AFP" (shapes ``_UNBRACKETED_CAPTION`` reads as captions)."""


def _without_caption_agency(caption: str) -> str:
    """A photo caption without the agency's name in brackets after its last sentence ("…
    during a meeting at the Kremlin in Moscow. [TASS]", "… arrives in Pyongyang on June 4,
    2025. [YONHAP]"): who took the photo, no fact of the story, as a photographer's credit is
    (``_without_photo_credit``), which needs a word saying so ("photo", "pool", "via"). Only on
    a line read as a caption, and not a word saying what the picture is ("(File)", "(Video)").
    A credit after a label is cut too ("… Lloyd Austin. File | Photo Credit: AP", "… Kursk
    region. Pic/AFP": ``_CAPTION_LABELLED_AGENCY``)."""
    if (labelled := _CAPTION_LABELLED_AGENCY.search(caption)) and caption[: labelled.start()]:
        return caption[: labelled.start()].rstrip()
    match = _CAPTION_AGENCY.search(caption)
    if not match or _says_what_the_picture_is(match["agency"]):
        return caption
    return caption[: match.start()].rstrip()


def _says_what_the_picture_is(name: str) -> bool:
    """Whether a bracketed name holds a caption's word ("File", "Photo", "Video"), which says
    what the picture is, not who credits it."""
    return any(word.casefold() in _CAPTION_WORDS for word in re.split(r"[ /-]", name))


@lru_cache(maxsize=PER_LINE_CACHE)
def _without_closing_labels(line: str) -> str:
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


def _is_caption(line: str) -> bool:
    """A photo caption: a line ending in a credit in brackets ("(AP Photo/Kevin Wolf)"), or one
    of the unbracketed shapes of ``_UNBRACKETED_CAPTION``. Kept as text, marked, never a
    headline."""
    return bool(_CAPTION_CREDIT.search(line) or _UNBRACKETED_CAPTION.search(line))


def _is_photo_credit(line: str) -> bool:
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
        and chrome.word_count(line) <= _HEADING_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and bool(_PHOTO_CREDIT_END.search(line))
    )


def _closing_credits(lines: list[str], furniture: set[int], signals: _Signals) -> set[int]:
    """A line of reporters' names and the wire agency the dateline credits, with no "By":
    "Tara Copp And Lolita C. Baldor, The Associated Press" under a "WASHINGTON (AP) —"
    report. It gives the author and is no text. The agency must be the dateline's (its name
    or its initials), so "Antonio Guterres, UN Secretary-General" stays text."""
    agencies = {line_key(match["agency"]) for line in lines if (match := _wire_credit(line))}
    found = set()
    for index, line in enumerate(lines):
        if index in furniture or chrome.word_count(line) > _CLOSING_CREDIT_MAX_WORDS:
            continue
        names, comma, outlet = line.rstrip(".").rpartition(",")
        if not comma or not _is_name(outlet.strip() or "x") or not _is_name(names.strip() or "x"):
            continue
        people = re.split(r"\s+and\s+", names.strip(), flags=re.I)
        if all(len(person.split()) >= 2 for person in people) and (_agency_keys(outlet) & agencies):
            signals.add("author", " and ".join(people), _quoted(line))
            found.add(index)
    return found


_SITE_VOICE = re.compile(r"\b(?:we|us|our)\b", re.I)
_READER_VOICE = re.compile(r"\b(?:you|your)\b", re.I)


def _notices_under_credit(lines: list[str], furniture: set[int]) -> set[int]:
    """Under a wire report's closing credit ("(Reporting by Jack Kim; Editing by Sandra
    Maler)") the story is over: a paragraph there that speaks for the site to the reader, with
    "we", "us" or "our" and "you", and no quotation, is the site's notice ("For the health and
    safety of everyone, our offices are temporarily closed to the public. If you have won a
    prize from us …", under a radio station's copy of a Reuters report)."""
    found: set[int] = set()
    credited = False
    for index, line in enumerate(lines):
        if _WIRE_STAFF_CREDIT.match(line):
            credited = True
        elif (
            credited
            and index not in furniture
            and _SITE_VOICE.search(line)
            and _READER_VOICE.search(line)
            and not any(mark in line for mark in _QUOTE_MARKS)
        ):
            found.add(index)
    return found


def _agency_keys(outlet: str) -> set[str]:
    """An outlet's name and its initials: "The Associated Press" is also "ap"."""
    words = [word for word in outlet.split() if word.casefold() != "the"]
    return {line_key(" ".join(words)), "".join(word[0] for word in words).casefold()}


def _credited_source(line: str) -> str | None:
    """The outlet a "Source:" line credits ("Source: Xinhua   Editor: Wang Qingchu",
    "[Source: Reuters]"), or None."""
    match = _CREDIT.match(_unbracketed(line))
    if not match:
        return None
    what = _url_host(_NEXT_LABEL.split(match["what"], maxsplit=1)[0].strip().rstrip("."))
    return what if _names_an_outlet(what) else None


def _read_furniture_credit(line: str, signals: _Signals) -> None:
    """A copyright notice is furniture, but the outlet it names is the page's publisher when
    nothing stronger (a wire credit) names one: "Copyright ⓒ Aju Press All rights reserved."."""
    match = (
        _COPYRIGHT_HOLDER.match(line)
        or _REPRODUCTION_NOTICE.match(line)
        or _DATED_COPYRIGHT.match(line)
        or _MARKED_NAMES.match(line)
    )
    if (
        match
        and (holder := match["holder"].strip())
        and _names_an_outlet(holder)
        and not _PICTURE_AGENCY.search(holder)
    ):
        signals.add("publisher", holder, _quoted(line), UPDATED_RANK)
    if (match := _REPORTING_BY.match(line)) and (people := _reporters(match["names"])):
        signals.add("author", people, _quoted(line), UPDATED_RANK)
    elif (
        (match := _APP_BADGE.match(line)) and match["outlet"] and _names_an_outlet(match["outlet"])
    ):
        signals.add("publisher", match["outlet"], _quoted(line), UPDATED_RANK)
    elif people := _role_credit(line):
        signals.add("author", people, _quoted(line), UPDATED_RANK)
    elif outlet := _credited_source(line):
        signals.add("publisher", outlet, _quoted(line))  # "[Source: Reuters]", an editor's note


def _role_credit(line: str) -> str | None:
    """The reporters a credits box's "Reporters:" line names (``_REPORTERS_ROLE``), if every
    one is a person's name."""
    match = _REPORTERS_ROLE.match(line)
    return _reporters(match["names"]) if match else None


def _without_closing_byline(line: str, signals: _Signals) -> str:
    """A kept line without the by-line sentence glued to its end ("… Story by Emerald Maxwell
    and Delano D’Souza."), read as the author: a quoted answer must not carry the writers'
    names as if they were the story's. Only people's names are a by-line ("… Story by
    Reuters." stays)."""
    match = _CLOSING_BYLINE.search(line)
    if not match or not (people := _reporters(match["names"])):
        return line
    signals.add("author", people, _quoted(line), UPDATED_RANK)
    return line[: match.start()].rstrip()


def _without_closing_date(line: str, signals: _Signals) -> str:
    """A kept line without the date signed after a dash at its end ("… Ushakov added. –
    December 24, 2024"), read as an unlabelled date: the day the story was filed. Prose never
    follows its last sentence with a dash and a date; a date inside a sentence ("… on December
    24, 2024.") has no dash after a sentence's end."""
    match = _CLOSING_DATE.search(line)
    if not match or not (printed := printed_dates.printed_date(match["date"])):
        return line
    signals.add("published", printed, f"the closing date '{match.group().strip()}'")
    return line[: match.start()].rstrip()


def _reporters(names: str) -> str | None:
    """The people a wire sign-off names as reporting, without where they were ("Hyonhee Shin
    in Seoul"); None when one of them is no person's name (one word: "Reuters")."""
    people = [_REPORTER_PLACE.sub("", name).strip() for name in _REPORTER_SPLIT.split(names)]
    if not all(len(person.split()) >= 2 and _is_name(person) for person in people):
        return None
    return " and ".join(filter(None, (", ".join(people[:-1]), people[-1])))


def _is_symbol_widget(line: str) -> bool:
    """A short line of mostly symbols and digits that is no date: a font-size control
    ("+ ↺ − 16 px"), a rating, a counter."""
    if chrome.word_count(line) > _SYMBOL_LINE_MAX_WORDS:
        return False
    chars = [char for char in line if not char.isspace()]
    letters = sum(char.isalpha() for char in chars)
    return (
        letters < _SYMBOL_LINE_LETTERS * len(chars)
        and not printed_dates.date_line(line)
        and not _LIST_ITEM.match(line)
    )


def _is_translation_notice(line: str) -> bool:
    """A site's notice that the page was translated by machine: it speaks of translation, of
    a machine or of AI, and of the page's versions, language or accuracy ("The English,
    Chinese, … versions are automatically generated by the AI. So there may still be
    inaccuracies in translating, …", "※ This article has been translated by AI."). An article's
    sentence about translators ("Korean translators helped question the prisoners") names no
    machine."""
    if chrome.word_count(line) > _TRANSLATION_NOTICE_MAX_WORDS:
        return False
    lowered = line.casefold()
    return (
        "translat" in lowered and bool(_BY_MACHINE.search(line)) and bool(_OF_THE_PAGE.search(line))
    )


_TRANSLATION_NOTICE_MAX_WORDS = 60
_BY_MACHINE = re.compile(
    r"\b(?:AI|automatic(?:ally)?|machine|artificial\s+intelligence|Google\s+Translate)\b"
)
_OF_THE_PAGE = re.compile(
    r"\b(?:versions?|languages?|inaccura\w*|this\s+(?:article|page|story|content)|original)\b",
    re.I,
)


def _is_editorial_note(line: str) -> bool:
    """A note to editors or a credit, wholly in brackets ("(ATTN: CHANGES headline …)",
    "(With inputs from agencies.)"), a shouted one ("EDITOR'S NOTE: …"), or one labelled as a
    note ("Note: This transcript presents what Putin said …", "Editor’s note: …"). A date
    alone in square brackets ("[December 19, 2024]") is no note: it is the page's date line."""
    if line[0] in "([" and _closing_bracket(line) == len(line) - 1:
        return not (line[0] == "[" and printed_dates.date_line(line))
    if _NOTE_LABEL.match(line):
        return True
    shouted = line == line.upper() and line != line.lower()
    return (
        shouted
        and chrome.word_count(line) >= 3
        and (":" in line or bool(_STATEMENT_END.search(line)))
    )


def _closing_bracket(line: str) -> int:
    depth = 0
    for index, char in enumerate(line):
        depth += char in "(["
        depth -= char in ")]"
        if depth == 0:
            return index
    return -1


def _is_heading(line: str) -> bool:
    """Short lines without closing punctuation: section labels, sub-heads, city names; a
    sub-head asked as a short question ("What next?"); and a short label that leads on with an
    ellipsis ("In other news …"), which no sentence of three words does."""
    words = chrome.word_count(line)
    return (
        (words <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line))
        or (words <= _SUBHEAD_MAX_WORDS and line.endswith("?") and line[0].isupper())
        or (bool(_ELLIPSIS_END.search(line)) and _is_short_label(_ELLIPSIS_END.sub("", line)))
    )


def _is_short_label(line: str) -> bool:
    return chrome.word_count(line) <= _SUBHEAD_MAX_WORDS and line[:1].isupper()


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_headline_shaped(line: str) -> bool:
    """What a headline looks like: a few words up to ~25, no full stop (the dot of a closing
    "U.S." is none) unless every word is capitalised as in a headline (``_is_headline_cased``),
    not a lead-in."""
    words = chrome.word_count(line)
    return (
        _LABEL_MAX_WORDS < words <= _TITLE_MAX_WORDS
        and (not _STATEMENT_END.search(_INITIALISM_END.sub("", line)) or _is_headline_cased(line))
        and not line.endswith(":")
        and not _LIST_ITEM.match(line)
        and not _is_caption(line)
        and "://" not in line  # a link's address is never in a headline
    )


def _is_linked_headline(line: str) -> bool:
    """A headline with a link's address after it."""
    return "://" in line and _is_headline_shaped(_LINK_ADDRESS.sub("", line).strip())


def _is_long_headline(line: str) -> bool:
    """A line in headline case of ``_LONG_HEADLINE_WORDS`` words or more: a story's headline
    printed under its summary ("North Korean POWs In Ukraine Ask To Start 'New Life' In South
    Korea, Say Return Would Be A "Death Sentence"", round fifty-four's crbcnews), where a
    sub-head of the text is a few words ("What They Said"): such a line is the title even with
    sub-heads below it."""
    return chrome.word_count(line) >= _LONG_HEADLINE_WORDS and _is_headline_cased(line)


_LONG_HEADLINE_WORDS = 8


def _is_headline_cased(line: str) -> bool:
    """A line in headline case: every word capitalised but the short words headlines keep
    low ("in", "with", "of"), as no sentence of prose is (stricter than ``_is_title_cased``,
    which asks it of most longer words, as this one lets a full stop through). Such a line is a headline even when
    closed by a full stop: "BRICS Summit 2024: PM Narendra Modi in Talks with Putin, First
    Bilateral Meeting with Chinese President Xi Jinping." (jsbmarketresearch)."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line)]
    return len(words) >= _TITLE_CASE_MIN_WORDS and all(
        word[0].isupper() or word.casefold() in _HEADLINE_LOW_WORDS for word in words
    )


def _is_glue(line: str) -> bool:
    """Lines found between the headlines of a list of other stories: bullets, by-lines, time
    stamps ("10/24/2024 07:13 PM", "2 days ago") and section labels ("World")."""
    return bool(
        _BULLET_ONLY.match(line)
        or (_BYLINE.match(line) and _is_name(_BYLINE.match(line)["name"]))
        or printed_dates.date_line(line)
        or _RELATIVE_TIME.match(line)
        or (chrome.word_count(line) <= _LABEL_MAX_WORDS and not _SENTENCE_END.search(line))
    )


def _headline_runs(
    lines: list[str], keys: list[str], title_at: int | None, furniture: set[int]
) -> set[int]:
    """Runs of headline-shaped lines with only bullets, by-lines, time stamps, labels or other
    furniture between them: other stories' headlines ("More Videos", "Next In World", a list
    of latest news). The page's own headline, wherever it is printed, ends a run. A headline
    already dropped for the link address it carries (a social post's title and its "t.co"
    link) counts as one of the run: "Kim Jong Un to join Putin at China military parade days
    after Trump said he wanted to meet him https://t.co/…" over two more posts' titles."""
    title = keys[title_at] if title_at is not None else None
    found: set[int] = set()
    run: list[int] = []
    headlines = 0
    for index, line in enumerate(lines):
        if keys[index] == title:
            line = ""  # ends the run below
        if (
            _is_headline_shaped(line)
            and not printed_dates.date_line(line)
            and not _is_editorial_note(line)
        ) or (index in furniture and _is_linked_headline(line)):
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


def _teaser_cards(
    lines: list[str], keys: list[str], title_at: int | None, furniture: set[int]
) -> set[int]:
    """Another story's card under the article: a short heading printed again just below
    ("The French Connection" / "GZERO World S1E27: The French Connection" / "The French
    Connection") after the article's text. It and everything under it are furniture."""
    title = keys[title_at] if title_at is not None else None
    seen_text = False
    for index, line in enumerate(lines):
        if index in furniture:
            continue
        if not seen_text:
            seen_text = not _is_heading(line) and not _is_metadata(line) and index != title_at
            continue
        if (
            keys[index] != title
            and _is_heading(line)
            and chrome.word_count(line) > 1
            and keys[index] in keys[index + 1 : index + 1 + _CARD_LINES]
        ):
            return set(range(index, len(lines)))
    return set()


_UNRELATED_MAX_WORDS = 20
"""Another story's headline between paragraphs is at most this long (a sub-head's length,
``_HEADING_MAX_WORDS``, up to here; longer lines are a lead's cut-off sentence)."""


def _unrelated_headlines(lines: list[str], title_at: int | None, furniture: set[int]) -> set[int]:
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
            and _HEADING_MAX_WORDS < words <= _UNRELATED_MAX_WORDS
            and _is_headline_shaped(line)
            and not _SENTENCE_END.search(line)
            and not _is_metadata(line)
        ):
            below = _paragraph_below(lines, index, furniture)
            own = set(terms(line)) - seen
            if below is not None and own and not own & set(terms(below)):
                found.add(index)
                continue
        seen.update(terms(line))
        seen_text = seen_text or (words > _HEADING_MAX_WORDS and bool(_SENTENCE_END.search(line)))
    return found


def _paragraph_below(lines: list[str], index: int, furniture: set[int]) -> str | None:
    """The next line the rules keep, when it is a paragraph (a sentence longer than a
    sub-head)."""
    for below in range(index + 1, len(lines)):
        if below in furniture:
            continue
        line = lines[below]
        paragraph = chrome.word_count(line) > _HEADING_MAX_WORDS and _SENTENCE_END.search(line)
        return line if paragraph else None
    return None


def _lists(lines: list[str], furniture: set[int]) -> dict[int, list[int]]:
    """Bulleted or numbered items under a lead-in ending with a colon: {lead-in: items}.
    Not under a sub-head (``_is_subhead_over_paragraphs``): its items are paragraphs."""
    lists: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.endswith(":") or index in furniture or _LIST_ITEM.match(line):
            continue
        items = []
        for item in range(index + 1, len(lines)):
            if not _LIST_ITEM.match(lines[item]) or item in furniture:
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
    longer = [word for word in heading.split() if len(word) > _SHORT_WORD_CHARS]
    return (
        _is_heading(heading)
        and len(longer) >= _SUBHEAD_MIN_LONG_WORDS
        and all(word[0].isupper() for word in longer)
        and all(_is_paragraph(_LIST_ITEM_MARK.sub("", item, count=1)) for item in items)
    )


_SUBHEAD_MIN_LONG_WORDS = 2
"""A one-word label ("Highlights:") may head a list as well as paragraphs: left a lead-in."""


def _bulleted_headlines(
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
        items = [kept[k] for k in range(at, end) if _LIST_ITEM.match(lines[kept[k]])]
        if not items:
            seen_text = seen_text or _is_paragraph(lines[kept[at]])
            at += 1
            continue
        above = kept[at - 1] if at else None
        under_text = above is not None and _is_paragraph(lines[above])
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
    return bool(_LIST_ITEM.match(line) or _BULLET_ONLY.match(line))


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
        item
        for item in items
        if chrome.word_count(_LIST_ITEM_MARK.sub("", item)) > _LABEL_MAX_WORDS
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
        chrome.word_count(item) > _HEADLINE_MIN_WORDS and _is_title_cased(item) for item in items
    )


def _is_title_cased(item: str) -> bool:
    """Most of an item's longer words open with a capital, as headlines are printed in title
    case and sentences are not."""
    words = [word for word in item.split() if len(word) > _SHORT_WORD_CHARS and word[0].isalpha()]
    capitals = sum(word[0].isupper() for word in words)
    return bool(words) and capitals >= _TITLE_CASE_SHARE * len(words)


def _is_linked_item(line: str) -> bool:
    match = _LIST_ITEM.match(line)
    return bool(match) and _is_headline_shaped(line[match.end() - 1 :])


def _title_line(lines: list[str], furniture: set[int], lists: dict[int, list[int]]) -> int | None:
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
            and (_TRAIL_END.search(line) or _is_breadcrumb(line))
            and not _is_photo_credit(line)  # "SPUTNIK/VLADIMIR SMIRNOV/POOL VIA REUTERS"
        ):
            above, labels = [], []  # what stood above a breadcrumb trail is the site's
            continue
        if index in furniture or _is_metadata(line) or _DATELINE_ALONE.match(line):
            continue
        if index not in turns and _is_title_shaped(lines, index, last):
            if seen_text:
                alone = _stands_alone(lines, index, furniture, last)
                return (
                    index
                    if alone
                    and (
                        not _has_headings_below(lines, index, furniture) or _is_long_headline(line)
                    )
                    and _speaks_of_text(lines, index, furniture)
                    and not _is_cut_off_tail(lines, index, furniture)
                    else None
                )
            above.append(index)
        elif _is_caption(line):
            continue  # a photo above the text: its caption is neither a label nor the text
        elif _is_heading(line):
            labels.append(index)
        elif seen_text:
            return None
        elif above:
            return _headline_of(lines, _not_addressing_reader(lines, above, furniture), line)
        else:
            seen_text = True
            if not labels and _is_headline_sentence(lines, index, furniture):
                return index
            if (
                labels == [0]
                and not _PLACE_ALONE.match(lines[0])
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
    confirmed Wednesday.") and stays its text, the title then guessed from it."""
    line = lines[index]
    return (
        chrome.word_count(line) <= _HEADLINE_SENTENCE_MAX_WORDS
        and bool(_STATEMENT_END.search(line))
        and not _PROSE_WORDS.search(line)
        and not _SENTENCE_INSIDE.search(line)
        and _paragraph_below(lines, index, furniture) is not None
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
never a headline (``_title_line`` passes it like a by-line): the title is then the guessed
first sentence, not a dateline shown as a headline the page does not have."""


def _is_cut_off_tail(lines: list[str], index: int, furniture: set[int]) -> bool:
    """The page's last line (nothing but furniture under it), under the first paragraph and
    in sentence case: the page's capture cut off in mid-sentence ("“This task was not easy,”
    Zelensky said, claiming that North Korean military personnel usually “finish off their
    wounded” in order to hide"), not a headline printed after the text. On every dev page and
    bundled article a headline read under the first paragraph stands over more text; one
    printed last, in title case ("A Storm Hits the Coast Hard Today"), is still read."""
    below = any(at not in furniture and lines[at].strip() for at in range(index + 1, len(lines)))
    return not below and not _is_title_cased(lines[index])


def _not_addressing_reader(lines: list[str], above: list[int], furniture: set[int]) -> list[int]:
    """The headline-shaped lines above the text but those where the site speaks to the reader
    ("you", "your" outside quotation marks) of nothing the page speaks of (no word of five
    letters or more in common with its paragraphs): "You have not yet added any article to
    your bookmarks!" above smurbo's headline, which had been read as the title. A headline
    that speaks to the reader of its story ("What you need to know about the summit") shares
    its words with the text, and stays; so does the only one."""
    speaking = [
        index for index in above if _SECOND_PERSON.search(_QUOTED_SPAN.sub(" ", lines[index]))
    ]
    if not speaking:
        return above
    candidates = set(above)
    text_words = set().union(
        *(
            _content_words(line)
            for at, line in enumerate(lines)
            if at not in furniture and at not in candidates and _is_paragraph(line)
        )
    )
    passed = {index for index in speaking if not _content_words(lines[index]) & text_words}
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
    r"\s+(?:[|»]\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})|"
    r"[-–—]\s+(?P<outlet>(?:[A-Z][\w&'’-]*\s+){0,2}(?:[A-Z][a-z]+\.(?:com|net|org|news|tv)|"
    r"(?:News|Times|Post|Today|Daily|Herald|Tribune|Journal|Online|Media|Press|Express|Mirror|"
    r"Telegraph|Network|Agency)\b)))\s*$"
)
"""A site's name after a bar, a guillemet or a dash at the end of its headline: "Putin to visit
North Korea for first time in 24 years » Capital News". After a dash only a name that reads as
an outlet's (ending in "News", "Times", "Post" …, or a domain): "Kim meets Putin - North Korea"
keeps its last words."""
_HEADLINE_MIN_WORDS_LEFT = 4


_DANGLING_QUOTES = re.compile(r"\s+[“‘«`\"][`'\"“‘«]*$")
"""Quotation marks that open nothing at a headline's end, a capture's remnant of a quoted
teaser: "… Capture of Two North Korean Soldiers “`"."""


def _bare_headline(line: str) -> str:
    """The headline without quotation marks that open nothing, or a site's time stamp or name,
    glued to its end (a stamp or name cut only when four words or more are left)."""
    line = _DANGLING_QUOTES.sub("", line)
    for pattern in (_HEADLINE_STAMP_TAIL, _HEADLINE_SITE_TAIL):
        match = pattern.search(line)
        if (
            match
            and (pattern is not _HEADLINE_STAMP_TAIL or match["weekday"] or match["time"])
            and len(line[: match.start()].split()) >= _HEADLINE_MIN_WORDS_LEFT
        ):
            line = line[: match.start()].rstrip()
    return line


_FIRST_PERSON_PLURAL = re.compile(r"\b(?i:we|us|our|we[’']ve|we[’']re)\b")
_SECOND_PERSON = re.compile(r"\b(?i:you|your|you[’']re|you[’']ve)\b")
_QUOTED_SPAN = re.compile(r"[\"“][^\"“”]*[\"”]")


def _appeals_above(lines: list[str], title_at: int | None, furniture: set[int]) -> set[int]:
    """A line above the headline where the site speaks as "we", outside any quotation: its
    appeal to readers ("Feel like the world is falling apart? We’ve been there. Don’t give up
    — help us resist."). An article's own lines above its headline (a pull quote, a photo's
    caption) say "we" only when they quote someone."""
    if title_at is None:
        return set()
    return {
        index
        for index in range(title_at)
        if index not in furniture
        and not _is_metadata(lines[index])
        and chrome.word_count(lines[index]) <= _TITLE_MAX_WORDS
        and _FIRST_PERSON_PLURAL.search(_QUOTED_SPAN.sub(" ", lines[index]))
    }


def _speaks_of_text(lines: list[str], index: int, furniture: set[int]) -> bool:
    """A headline read from outside the masthead (a lone line under the first paragraph, a
    short line alone above it) names something its article does: a word of five letters or
    more in common with the page's other lines. A site's tagline ("Stay Informed with Buzz
    News | Your Daily Dose of Trending Topics") and a section's label ("The News") do not."""
    own = _content_words(lines[index])
    return any(
        own & _content_words(line)
        for at, line in enumerate(lines)
        if at != index and at not in furniture and line_key(line) != line_key(lines[index])
    )


def _has_subheads(lines: list[str], start: int, furniture: set[int]) -> bool:
    """Short headings between later paragraphs ("Who said what", "What next?"): the short
    line opening the page is the first of the sub-heads, not a title."""
    return any(
        index not in furniture
        and len(lines[index].split()) <= _SUBHEAD_MAX_WORDS
        and _is_heading(lines[index])
        for index in range(start + 1, len(lines) - 1)
    )


def _has_headings_below(lines: list[str], index: int, furniture: set[int]) -> bool:
    """Two or more headings further down, each over a paragraph ("Training and Support from
    Russia", "A Historical Deployment"): a heading-shaped line under a page's first paragraph
    is then the first of its sub-heads ("North Korean Reinforcements in Kursk"), no headline.
    One heading further down may be another story's."""
    kept = [at for at in range(index + 2, len(lines)) if at not in furniture]
    headed = sum(
        len(lines[at].split()) >= 2 and _is_heading(lines[at]) and _is_paragraph(lines[after])
        for at, after in pairwise(kept)
    )
    return headed >= _SUBHEADS_BELOW


def _is_paragraph(line: str) -> bool:
    return len(line.split()) > _HEADING_MAX_WORDS and bool(_SENTENCE_END.search(line))


def _headline_of(lines: list[str], above: list[int], text: str | None = None) -> int:
    """Of the headline-shaped lines above the text, the first of headline length: a site's
    tagline above it is shorter, a standfirst under it comes second. But when that line is a
    long one right above the text (a standfirst) and a shorter line above it speaks of what
    the text does (two words in common), the shorter line is the headline: "Putin speaks at
    BRICS summit" over "The Russian president has joined the plenary session … via videolink";
    a tagline ("Swiss perspectives in 10 languages") shares nothing with the text."""
    full = [index for index in above if len(lines[index].split()) >= _HEADLINE_MIN_WORDS]
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
    if text and chosen == above[-1] and len(lines[chosen].split()) >= _STANDFIRST_MIN_WORDS:
        below = _content_words(text)
        about = [index for index in above[:-1] if len(_content_words(lines[index]) & below) >= 2]
        if about:
            return about[-1]
    return chosen


def _content_words(line: str) -> set[str]:
    return {
        word for word in re.findall(r"[^\W\d_]{5,}", line.casefold()) if word not in _FUNCTION_WORDS
    }


def _stands_alone(lines: list[str], index: int, furniture: set[int], last: dict[str, int]) -> bool:
    """The next line that counts is no headline too: one of several is another story's."""
    for after in range(index + 1, len(lines)):
        if after not in furniture and not _is_metadata(lines[after]):
            return not _is_title_shaped(lines, after, last)
    return True


_ORNAMENT = re.compile(r"^[◆◇■□●○▲△▼▽★☆►▶♦❖]")
"""A sub-head's ornament, glued or not: "◆Already Landfilled to Secure Access Road" (round
fifty-three's asiapress) heads a section, and is no headline."""


def _is_title_shaped(lines: list[str], index: int, last: dict[str, int]) -> bool:
    """Headline-shaped, or a short sentence printed again below (a headline with a full stop).
    ``last``: each line key's last position (``_last_positions``)."""
    line = lines[index]
    if _ORNAMENT.match(line):
        return False
    if _is_headline_shaped(line):
        return True
    return (
        chrome.word_count(line) <= _TITLE_MAX_WORDS
        and not _is_caption(line)
        and last[line_key(line)] > index
    )


def _last_positions(lines: list[str]) -> dict[str, int]:
    """Each line key's last position: whether a line is printed again below is one look-up,
    not a scan of the rest of the page for every line (quadratic on a page of short lines)."""
    return {line_key(line): index for index, line in enumerate(lines)}


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_metadata(line: str) -> bool:
    if len(line) > _METADATA_MAX_CHARS:
        return False
    match = _BYLINE.match(line)
    return bool(
        _signed_date(line)
        or _role_byline(line)
        or _handle_byline(line)
        or _OUTLET_BYLINE.match(line)
        or (match and _is_name(match["name"]))
        or _reporter_handed_over(line)
        or _CREDIT.match(_unbracketed(line))
        or _LANGUAGE_CREDIT.match(line)
        or printed_dates.date_line(line)
    )


def _read_metadata(line: str, signals: _Signals) -> bool:
    """Record a by-line, a date line or a source credit; True when the line is only that."""
    if len(line) > _METADATA_MAX_CHARS:
        return False
    if fields := _labelled_fields(line):
        if (shown := fields.get("date")) and (printed := printed_dates.printed_date(shown)):
            signals.add("published", printed, _quoted(line))
        return True
    if reporter := _reporter_handed_over(line):
        signals.add("author", reporter, _quoted(line))
        return True
    if signed := _signed_date(line):
        name, (printed, rank) = signed
        if name.startswith("The "):  # "The Citizen|June 20, 2024": an outlet, no person
            signals.add("publisher", name, _quoted(line))
        elif len(name.split()) > 1:  # "World | Sunday, 10 Nov 2024" names no one
            signals.add("author", name, _quoted(line))
        if isinstance(printed, date):
            # the writer's own line dates the article: it wins over a date line elsewhere
            signals.add("published", printed, _quoted(line), min(rank, PUBLISHED_RANK))
        return True
    if (match := _BYLINE.match(line)) and _is_name(match["name"]):
        people, outlet = _byline_outlet(match["name"])
        signals.add("author", _name_case(people), _quoted(line))
        if match["date"] and (printed := printed_dates.printed_date(match["date"])):
            signals.add("published", printed, _quoted(line), PUBLISHED_RANK)
        if outlet:
            signals.add("publisher", outlet, _quoted(line), UPDATED_RANK)
        return True
    if name := _role_byline(line):
        signals.add("author", _name_case(name), _quoted(line))
        return True
    if handled := _handle_byline(line):
        name, printed = handled
        signals.add("author", _name_case(name), _quoted(line))
        if printed:
            signals.add("published", printed[0], _quoted(line), min(printed[1], PUBLISHED_RANK))
        return True
    if match := _OUTLET_BYLINE.match(line):
        signals.add("publisher", match["outlet"], _quoted(line), UPDATED_RANK)
        return True
    if match := _LONE_DATELINE.match(line):
        signals.add("publisher", match["agency"], _quoted(line))
        if match["date"] and (printed := printed_dates.printed_date(match["date"])):
            signals.add("published", printed, _quoted(line))
        elif day := printed_dates.month_day(match["day"]):
            signals.partial_dates.append((*day, _quoted(line)))
        return True
    if match := _DESK_LINE.match(line):
        if match["desk"].casefold() not in _DESK_KINDS:
            signals.add("publisher", match["desk"], _quoted(line), UPDATED_RANK)
        return True
    if _CREDIT.match(_unbracketed(line)):
        if outlet := _credited_source(line):
            signals.add("publisher", outlet, _quoted(line))
        return True
    if _LANGUAGE_CREDIT.match(line):
        return True
    if found := printed_dates.date_line(line):
        printed, rank = found
        if isinstance(printed, date):
            signals.add("published", printed, _quoted(line), rank)
        else:
            signals.partial_dates.append((*printed, _quoted(line)))
        return True
    return False


@lru_cache(maxsize=PER_LINE_CACHE)
def _signed_date(line: str) -> tuple[str, tuple[date | tuple[int, int], int]] | None:
    """A name and a date on one line, split by a slash or a bar: "Jane Roe / November 12,
    2024", "The Citizen|June 20, 2024"; or a by-line with its date: "By Natasha Kumar
    Jun20,2024" (after the name printed once more before it)."""
    if doubled := _DOUBLED_NAME.match(line):
        line = doubled["byline"]
    if dated := _dated_byline(line):
        return dated
    if not any(mark in line for mark in "/|·"):
        return None
    match = _SIGNED_DATE.match(line)
    if not match or any(char.isdigit() for char in match["name"]):
        return None
    name = " ".join(match["name"].split())
    if byline := _BYLINE.match(name):
        name = byline["name"]
    if not (name[0].isalpha() and _is_name(name)) or len(name.split()) > 4:
        return None
    found = printed_dates.date_line(match["date"])
    return (_name_case(name), found) if found else None


def _role_byline(line: str) -> str | None:
    """The writer of a line that names only them and their newsroom role ("Laila Kirkpatrick,
    Staff Writer"); a name of two to four capitalised words, so "Antonio Guterres, UN
    Secretary-General" (no newsroom role) and "the paper's writer" stay text."""
    match = _ROLE_BYLINE.match(line)
    return match["name"] if match and _is_name(match["name"]) else None


def _handle_byline(line: str) -> tuple[str, tuple[date, int] | None] | None:
    """A writer's name with their social handle ("Fahad Shabbir (@FahadShabbir)"), and the
    date the rest of the line prints, if it is only a labelled date ("Published December 06,
    2024 | 05:10 PM"); a line where anything else follows the handle is no by-line, nor one
    where a bare date does ("Jane Roe (@JaneRoe) March 3, 2025" signs an embedded post)."""
    match = _HANDLE_BYLINE.match(line)
    if not match or not _is_name(match["name"]):
        return None
    if not match["rest"]:
        return match["name"], None
    found = printed_dates.date_line(match["rest"])
    if not found or not isinstance(found[0], date) or found[1] == PLAIN_RANK:
        return None  # "Jane Roe (@JaneRoe) March 3, 2025": an embedded post's signature
    return match["name"], (found[0], found[1])


def _byline_outlet(names: str) -> tuple[str, str | None]:
    """A by-line's names and the outlet after its last comma: "Jessie Yeung, Gawon Bae, CNN"
    gives "Jessie Yeung, Gawon Bae" and CNN, "Jane Smith, Reuters" Jane Smith and Reuters.
    The outlet is one word or outlet-shaped, and every name before it has two words or more
    ("Jane Smith, Jim Doe" are two people)."""
    people, comma, outlet = names.rpartition(",")
    outlet = outlet.strip()
    persons = [part for part in re.split(r",|\band\b", people) if part.strip()]
    if (
        comma
        and outlet
        and (len(outlet.split()) == 1 or chrome.is_outlet_shaped(outlet))
        and persons
        and all(len(person.split()) >= 2 for person in persons)
    ):
        return people.strip(), outlet
    return names, None


def _dated_byline(line: str) -> tuple[str, tuple[date | tuple[int, int], int]] | None:
    """ "By Natasha Kumar Jun20,2024": the longest name that a date follows."""
    words = line.split()
    if not words or words[0].casefold() != "by" or len(words) > _BYLINE_DATE_MAX_WORDS:
        return None
    for cut in range(len(words) - 1, 1, -1):
        name = " ".join(words[1:cut]).rstrip(",|·-–—")
        if (
            name
            and _is_name(name)
            and len(name.split()) <= 4
            and (found := printed_dates.date_line(" ".join(words[cut:])))
        ):
            return _name_case(name), found
    return None


def _url_host(text: str) -> str:
    """A link names its site: "https://vtcnews.vn/trieu-tien-…" gives "vtcnews.vn"; any other
    text is returned as it is."""
    match = re.fullmatch(r"https?://(?P<host>[\w-]+(?:\.[\w-]+)+)(?:[/?#]\S*)?", text)
    return match["host"] if match else text


_HANDED_OVER = re.compile(r"^(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}) reports\.?$")
"""A broadcast's hand-over to its reporter, alone on a line: "Chris Gilbert reports." under a
radio script's two-sentence intro (fsnradiofeed). A person's name of two or three words, none
an outlet's word ("Associated Press reports." names no reporter)."""
_OUTLET_WORDS = frozenset(
    {"news", "press", "agency", "times", "post", "radio", "television", "tv", "media", "daily"}
)


_HAND_OVER_IN_TEXT = re.compile(
    r"^(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){1,2}) reports (?:on|from) "
)
"""A broadcast's hand-over opening a sentence of its intro: "Kim Bo-kyoung reports on Kim's
reaction, and what could be on the table when Putin and Trump meet." (round fifty-four's
newslingo): the sentence stays text, and names the reporter."""


_INTRO_PARAGRAPHS = 3
"""A broadcast script's intro: its first paragraphs, as many as its sentences (one each)."""


def _read_hand_over(line: str, signals: _Signals) -> None:
    """The reporter an intro's opening paragraphs hand over to (``_HAND_OVER_IN_TEXT``)."""
    if reporter := _handed_over(_HAND_OVER_IN_TEXT, line):
        signals.add("author", reporter, f"the hand-over '{reporter} reports …'")


def _reporter_handed_over(line: str) -> str | None:
    """The reporter a broadcast hands over to on a line of its own (``_HANDED_OVER``)."""
    return _handed_over(_HANDED_OVER, line)


def _handed_over(pattern: re.Pattern[str], line: str) -> str | None:
    """The person's name a hand-over ``pattern`` finds at the line's start; None when it is an
    outlet's ("Associated Press reports.")."""
    match = pattern.match(line)
    if not match or any(word.casefold() in _OUTLET_WORDS for word in match["name"].split()):
        return None
    return match["name"]


def _names_an_outlet(text: str) -> bool:
    """ "www.rfa.org" or "Radio Free Asia" name an outlet; "Russian news agency Interfax"
    describes where a quote came from, and names no outlet of the page."""
    if re.fullmatch(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/?", text):
        return True
    if text.casefold() in _LINK_LABELS:
        return False
    return _is_name(text) and len(text.split()) <= 5


_LINK_LABELS = frozenset({"link", "here", "click here", "website", "original", "original article"})
"""What a "Source:" label shows where a link was (an aggregator's "Source: Link"): no outlet."""


_FIELD = re.compile(r"^(?P<label>[A-Z][a-z]+(?: [a-z]+)?)\s*:\s*(?P<value>\S.*)$")
_FIELD_MAX_WORDS = 8


def _labelled_fields(line: str) -> dict[str, str]:
    """A line of the page's own record, fields joined by bars, two of them labelled: "Date:
    25/10/2024 | Source: Ministry of Foreign Affairs (EN) | Read original version at source"
    (kcnawatch). Every part is short; the labels ("Date", "Source") say each is a field, not
    a sentence, so the line is metadata, never text, and its date field is the page's date.
    A sentence with a bar ("Prices | Gold: up 2%") has one label at most."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2 or any(chrome.word_count(part) > _FIELD_MAX_WORDS for part in parts):
        return {}
    fields = {
        match["label"].casefold(): match["value"] for part in parts if (match := _FIELD.match(part))
    }
    return fields if len(fields) >= 2 else {}


def _read_dateline(line: str, signals: _Signals) -> None:
    """A paragraph's opening dateline: a full date, or a day and a wire agency's credit; a
    column's label and shouted by-line between bars (``_LABELLED_BAR_BYLINE``)."""
    if (match := _DATELINE.match(line)) and (printed := printed_dates.printed_date(match["date"])):
        signals.add("published", printed, f"the dateline '{match.group().strip()}'")
    if match := _STAFF_ROLE.match(line):
        signals.add("author", match["name"], f"the opening '{match.group()[:-1].strip()}'")
    if match := _AGENCY_FIRST_CREDIT.match(line):
        signals.add("publisher", match["agency"], f"the dateline '{match.group().strip()}'")
        return
    if match := _LABELLED_BAR_BYLINE.search(line):
        signals.add("author", _name_case(match["name"]), f"the by-line '{match.group().strip()}'")
    if match := _DAY_FIRST_CREDIT.match(line):
        source = f"the dateline '{match.group().strip()}'"
        signals.add("publisher", match["agency"], source)
        if printed := printed_dates.printed_date(match["date"]):
            signals.add("published", printed, source)
        return
    match = _wire_credit(line)
    if match and _is_place_in_brackets(match):
        match = None
    if match:
        source = f"the dateline '{match.group().strip()}'"
        signals.add("publisher", match["agency"], source)
        if match["day"] and not match["year"] and (day := printed_dates.month_day(match["day"])):
            signals.partial_dates.append((*day, source))
    elif (bare := _BARE_AGENCY_CREDIT.match(line)) and bare["agency"] not in _COPY_TAGS:
        signals.add("publisher", bare["agency"], f"the opening credit '{bare.group().strip()}'")


_BARE_AGENCY_CREDIT = re.compile(r"^\((?P<agency>[A-Z]{3,8})\)\s+(?=[A-Z][a-z])")
"""An agency's initials in brackets opening the text, its first sentence straight after, no
place, date or dash: "(MENAFN) North Korean leader Kim Jong Un visited …" (a syndication
feed's copy). Tags of the copy's kind are no agency (``_COPY_TAGS``)."""
_COPY_TAGS = frozenset(
    {
        "LEAD", "UPDATE", "UPDATED", "URGENT", "LIVE", "VIDEO", "PHOTO", "PHOTOS", "WATCH",
        "AUDIO", "FILE", "EXCLUSIVE", "OPINION", "ANALYSIS", "CORRECTION", "BREAKING",
        "EDITORIAL", "REVIEW", "INTERVIEW", "SPONSORED", "FEATURE", "NEWS", "EXPLAINER",
    }
)  # fmt: skip


def _wire_credit(line: str) -> re.Match[str] | None:
    """A wire agency's credit opening a paragraph, in any of the dateline shapes."""
    return _WIRE_CREDIT.match(line) or _SLASHED_CREDIT.match(line) or _TITLED_CREDIT.match(line)


def _read_self_credit(line: str, signals: _Signals) -> None:
    """A site crediting the report to itself in the text, by its address, as it passes on
    another's news: "…, Censor.NET reports citing Radio Liberty." gives Censor.NET (as weakly
    as a by-line's agency). Only a domain-shaped name: "Reuters reported, citing …" in a live
    blog names a source, not the page's outlet. A site that "informs" speaks of itself, name
    or address: "…, SİA informs referring to Vedomosti newspaper" gives SİA; news says of
    another outlet that it reported, never that it informs."""
    if ("citing" in line or "informs" in line) and (match := _SELF_CREDIT.search(line)):
        site = match["site"] or match["informer"]
        signals.add("publisher", site, f"the credit '{match.group()}'", UPDATED_RANK)


def _is_place_in_brackets(match: re.Match[str]) -> bool:
    """ "(LONDON) --" opening a paragraph is a place in brackets, no agency: a long shouted
    word with no place before it. "(AP)", "(Reuters)" and "SEOUL (YONHAP) --" are credits."""
    agency = match["agency"]
    if match.group().lstrip()[:1] != "(" and _is_country(agency):
        return True  # "KAZAN (Russia): …": the place's country, no agency
    return line_key(match.group()).startswith("(") and agency.isupper() and len(agency) > 5


def _is_country(name: str) -> bool:
    """A country's name ("Russia", "South Korea"), from the gazetteer (``bot.gazetteer``)."""
    from bot.gazetteer import country_names  # loaded only when a dateline brackets a name

    return name in country_names()


_INITIALS_MAX_LETTERS = 4
"""A by-line's lone word in capitals this short is initials ("AP", "AFP", "TASS"), not a name."""


def _is_name(text: str) -> bool:
    """Every word capitalised ("Émile Dupont", "Jane Smith, Reuters"), but for "de", "van"…"""
    words = text.replace(",", " ").split()
    return words[0][0].isupper() and all(
        word[0].isupper() or word.casefold() in _NAME_PARTICLES for word in words
    )


def _name_case(name: str) -> str:
    """A shouted name in capitals ("TARA COPP and LOLITA C. BALDOR") in title case; a lone
    short word in capitals is an agency's initials ("By AP", "By AFP") and stays as printed."""
    words = " ".join(name.split()).split(" ")
    if len(words) == 1 and len(name) <= _INITIALS_MAX_LETTERS:
        return name
    named = [word for word in words if word.casefold() not in _NAME_PARTICLES]
    if not all(word.isupper() for word in named if any(char.isalpha() for char in word)):
        return " ".join(words)
    return " ".join(word if word in _NAME_PARTICLES else word.title() for word in words)
