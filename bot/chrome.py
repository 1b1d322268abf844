"""Page chrome that the line rules of ``bot.cleaning`` cannot see on their own: furniture glued
to a line of text, forms and consent banners, embedded social posts and the lines that name
the site. Each is a general signal (docs/reading.md names it with an example from a dev page);
``bot.cleaning`` decides what to do with what these functions find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Hinted:
    """A pattern with the substrings (in lower case) of which every match holds one: on an
    ASCII line that holds none, the pattern is not run. Most of these patterns scan every
    character of a paragraph (a look-behind, a word boundary, an ending), a few microseconds
    a line, while a look for a few substrings costs a fraction of one. Only ASCII lines are
    told apart, where matching without regard to case is matching in lower case (elsewhere
    Unicode adds cases: "ſ" matches an "s"); other lines always run the pattern."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def may_match(self, line: str) -> bool:
        lowered = _ascii_lowered(line)
        if lowered is None:
            return True
        for needle in self.needles:  # noqa: SIM110 (a loop: any() would make a generator per call)
            if needle in lowered:
                return True
        return False

    def search(self, line: str) -> re.Match[str] | None:
        return self.pattern.search(line) if self.may_match(line) else None

    def sub(self, replacement: str, line: str) -> str:
        return self.pattern.sub(replacement, line) if self.may_match(line) else line


@lru_cache(maxsize=1024)
def _ascii_lowered(line: str) -> str | None:
    """An ASCII line in lower case, else None: remembered, as each line is looked at by
    several hinted patterns. 1,024 lines, more than a page has, as the patterns look at one
    page's lines at a time (a copy of 8,192 paragraphs would be megabytes kept for nothing)."""
    return line.lower() if line.isascii() else None


SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
"""A line that ends as a sentence does: its stop, then any closing quotes or brackets."""


@lru_cache(maxsize=8192)
def word_count(line: str) -> int:
    """``len(line.split())``, remembered: a dozen line rules count the words of each line
    (the same 8,192 lines as the other per-line caches: more than any page has)."""
    return len(line.split())


_GLUED_COPYRIGHT = Hinted(
    re.compile(
        r"(?<=[.!?…\"”’)])\s*(?P<tail>(?:©|ⓒ|\(c\)\s*\d{4}|copyright\b)[^©ⓒ]{0,100}?"
        r"all rights reserved\.?)[\s|·•-]*$",
        re.I,
    ),
    ("reserved",),
)
"""A copyright notice glued to the end of a paragraph: "… into Kyiv’s hands. © Korea Risk
Group. All rights reserved. |"."""
_GLUED_LINK_TAIL = Hinted(
    re.compile(
        r"(?<=[.!?…\"”’])\s*(?P<tail>(?i:also\s+read|read\s+also|see\s+also|also\s+see|"
        r"read\s+more|related)\s*[:|]\s*\S.*)$"
    ),
    ("also", "read", "related"),
)
"""A link to another story glued after a paragraph's last sentence: "… the minister said.
ALSO READ: Harbour reopens after storm"."""
_GLUED_MORE_LINK = Hinted(
    re.compile(
        r"(?<=[.!?…\"”’])\s*(?P<tail>\((?i:more)\s+[^()]{1,60}?"
        r"(?i:stories|news|coverage|articles)\W{0,2}\))\s*$"
    ),
    ("(more",),
)
"""A bracketed link to a topic's other stories glued after a paragraph's last sentence: "…
further to the north." (More North Korea stories.)"."""
WATCH_TEASER = (
    r"[A-Z][^.!?()]{10,300}\((?i:(?:watch|see|view)\s+(?:videos?|pics?|photos?|pictures?))\)\.?"
)
"""Another story's headline closed by its media label, a link to it: "China Military Parade
2025: North Korean Leader Kim Jong-un Joins Vladimir Putin and Xi Jinping at Parade in Beijing,
1st Such Gathering in 66 Years (Watch Videos).". Prose never closes on "(Watch Videos)"."""
_GLUED_WATCH_TEASER = Hinted(
    re.compile(rf"(?<=[.!?…\"”’])\s+(?P<tail>{WATCH_TEASER})\s*$"), ("(watch", "(see", "(view")
)
"""``WATCH_TEASER`` glued after a paragraph's last sentence."""
_GLUED_ADDRESS_TAIL = Hinted(
    re.compile(
        r"(?<=[.!?…\"”’])\s*,?\s*(?P<tail>[A-Z][^.!?\"“”]{0,60}?:?\s*https?://[^\s\"”'()<>;]+)\s*$"
    ),
    ("://",),
)
"""A copying site's note with the address it took the story from, glued after a paragraph's
last sentence: "… the families of your servicemen," he added., This news data comes
from:http://gyglfs.com". A story's sentence never ends on a bare address after its full stop."""
_SOURCE_TAIL = (
    r"(?:writes|reports|informs|according\s+to)\s+"
    r"(?:[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{2,}|(?:[A-Z][\w&’'-]*\s*){1,4})\.?"
)
_GLUED_SOURCE_TAIL = re.compile(rf"(?<=[.!?…\"”’])\s+(?P<tail>{_SOURCE_TAIL})\s*$")
"""A source credit glued after a paragraph's last sentence, in lower case, as no sentence
opens: "… confirmed by … Maria Zakharova. writes cyprus-daily.news."."""
_SOURCE_TAIL_LINE = re.compile(rf"^{_SOURCE_TAIL}$")
_GLUED_SOURCE_LABEL = Hinted(
    re.compile(
        r"(?<=[.!?…\"”’])\s+(?P<tail>(?i:source)\s*:\s*"
        r"(?:[A-Z][\w.&'’-]*\s+){0,4}(?:News|Agency|Press|Service|Network))\s*$"
    ),
    ("source",),
)
"""A news agency's name behind a source's label, glued after a paragraph's last sentence:
"… appears to be \"spreading information that is wrong.\" Source: Yonhap News Agency" (a copy
of an agency's report); cut off, it is read as a credit line of its own. Only a name ending
on an agency's noun: the source of a figure or a chart ("Source: the central bank") is no
credit, and held-out part three lost a publisher when any name was read."""
_TIME_GLUED_PLACE = re.compile(
    r"^(?P<stamp>[^\d]{0,30}\d[^:]{0,30}?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[AP]M))"
    r"(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})$"
)
"""A date line's time glued to the dateline's place in capitals, the place alone after it:
"June 12, 2024 6:44 amISTANBUL" (an agency's copy): the date line and the place apart."""
_READERS_APPEAL = (
    r"(?:A\s+message\s+from\s+[^:]{1,60}:\s*)?Dear\s+(?:readers?|subscribers?)\s*[,!:]"
)
READERS_APPEAL = re.compile(rf"^{_READERS_APPEAL}", re.I)
"""A site's letter to its readers, opening on its address: "A Message from The Moscow
Times:Dear readers,We are facing unprecedented challenges." (a donation appeal under a
report)."""
_GLUED_APPEAL = Hinted(
    re.compile(rf"(?<=[.!?…\"”’])\s*(?P<tail>{_READERS_APPEAL}.*)$", re.I),
    ("dear reader", "dear subscriber"),
)
"""``READERS_APPEAL`` glued after a report's last sentence: "… U.S. officials said.A Message
from The Moscow Times:Dear readers,We are facing …"."""
_MID_PROMO = Hinted(
    re.compile(
        r"(?<=[.!?\"”’])\s+(?P<promo>(?i:click|tap)\s+(?i:here)\s+(?i:to)\s+[^.!?]{0,40}?"
        r"\b(?i:on|via)\s+(?i:whatsapp|telegram|facebook|instagram|twitter|x|youtube|linkedin|"
        r"google\s+news|threads))\s+(?=[A-Z])"
    ),
    ("click here", "tap here"),
)
"""A promotion of the site's channel set between two sentences of a paragraph, its link's words
all that is left: "… performed by the Russian nationals. Click here to connect with us on
WhatsApp PM Modi also greeted …". It ends on the platform's name, before the next sentence's
capital."""
_PLAYER_LABELS = re.compile(
    r"^(?i:new\s+video\s+loaded)\s*:\s*(?P<title>\S.{0,200}?)\s+"
    r"(?i:transcript\s+back\s+transcript)\s+(?P<rest>\S.*)$"
)
"""A video player's screen-reader labels printed around its title: "new video loaded: White
House Says … transcript Back transcript White House Says … John F. Kirby … said …"."""
_GLUED_LABEL = re.compile(
    r"^(?P<label>(?i:more|related|latest|trending|top|recommended|popular|watch|listen|"
    r"also\s+read|read\s+more|read\s+next)(?:\s+[A-Z][a-z]+){0,2})(?=[A-Z][a-z])"
)
"""A widget's label glued to the paragraph under it: "More ShortsThe summit is also …"."""
TOPIC_LINK = (
    r"(?i:(?:the\s+)?(?:latest|more|all|breaking)\s+(?:(?:news|updates|stories|coverage)\s+)?"
    r"(?:on|about|from))\s+(?:(?:[A-Z][\w’'&-]*|and|the|of|in|on)\s+){0,5}[A-Z][\w’'&-]*"
    r"(?:\s+\([A-Z]{2}\))?"
)
"""A link to a topic's page: "The latest news on Russia and Ukraine", "More stories from North
Korea", "More From Ministry of Foreign Affairs (EN)" (a language edition's tag at the end).
The topic is a name (capitalised words, "and", "of" between): a sentence ("More news on the
summit is expected") is none."""
_GLUED_TOPIC_LINK = re.compile(rf"^(?P<label>{TOPIC_LINK})\s*\.\s+(?=[A-Z])")
"""A link to a topic's page glued before the paragraph's first sentence by a full stop: "The
latest news on Russia and Ukraine . On Monday, North Korea has officially confirmed …"."""
_GLUED_LABEL_MIN_WORDS = 8
"""A glued label is cut only from a paragraph: the rest has at least this many words."""
_GLUED_TEASER = re.compile(
    r"^(?P<label>(?i:see\s+also|read\s+also|also\s+read|read\s+more|related)\s*:\s*"
    r"[A-Z][^\"“”.!?:]{9,200}?[A-Za-z])(?=[\"“][A-Z])"
)
"""A link label and another story's headline glued to the paragraph under it, whose quotation
opens right after the headline's last letter: "SEE ALSO: For Wartime Russia, Rewards, Risks,
And Limits In The Volatile Middle East\"We need peace in Ukraine. …"."""
_CASE_GLUED_LABEL = re.compile(r"^(?P<label>(?:[\w'’&-]+\s+){0,3}[a-z]{3,})(?=[A-Z][a-z])")
"""A short label (four words at most) glued without a space to the line under it, where a word
in lower case runs into a capital: "Opening summaryWelcome back to our live coverage …", "Show
key events onlyPlease turn on JavaScript to use this feature". A name's inner capital follows a
capital or a short prefix ("JavaScript", "McDonald", "iPhone"), never three lower-case letters
that open a word."""
_LOST_SPACE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_LOST_SPACES_MIN = 2


def _has_lost_spaces(rest: str) -> bool:
    """Text whose links lost the spaces around them, as some captures print every linked name:
    "North Korean leaderKim Jong Unhailed his country's fallen soldiers inRussia's war against
    Ukraineas …". Two more places where a lower-case word runs into a capital ("inRussia",
    "PresidentVladimir") say the first such place is one of them, not a label's end
    (``_CASE_GLUED_LABEL``): "North Korean leader" had been cut off and read as the headline.
    A label's text runs on in plain words ("Opening summaryWelcome back to our live coverage
    …"), or has one brand's inner capital at most ("JavaScript")."""
    return len(_LOST_SPACE.findall(rest)) >= _LOST_SPACES_MIN


_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}"
_GLUED_WRITERS = re.compile(
    rf"^(?P<label>{_NAME}(?:,\s+{_NAME})*,?\s+and\s+[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,1}}"
    rf" [A-Z][a-z]{{2,}})(?=[A-Z][a-z])"
)
"""Writers' names (two or more, joined by "and") glued without a space to the paragraph under
them, the last name's lower case running into the paragraph's capital: "Kevin Shalvey and David
BrennanThe U.S. has evidence …". A name's inner capital follows a capital or a short prefix
("McDonald", "DeSantis"); three lower-case letters that close a name never run into one."""
_GLUED_IMAGE_SOURCE = re.compile(
    r"^(?P<label>(?i:(?:follow\s+us\s+on\s+)?image\s+source\s*:)\s*[^\s:]+)\s+(?=[A-Z])"
)
"""A picture's source credit, after a share prompt whose icons are lost ("Follow us on"),
glued before the headline: "Follow us on Image Source : ANI PM Modi departs for Russia …". The
credit is one word (an agency, "FILE", a handle); the headline starts after it."""
_GLUED_PHOTO_CREDIT = re.compile(
    r"^(?P<caption>.{1,300}?[.!?][\"'”’]?\s+(?:[\w ]{0,20}\|\s*)?(?i:photo(?:graph)?\s+credit)"
    r"\s*:\s*[A-Z]{2,8}(?:\s*/\s*[A-Z]{2,8})*)\s+(?=[A-Z])"
)
"""A photo's caption closed by its credit ("… Lloyd Austin. File | Photo Credit: AP") glued to
the paragraph under it: cut after the shouted agency, which is where the caption ends."""
_MEDIA_LABEL = re.compile(
    r"^(?P<label>(?i:(?:(?P<photo>photo(?:graph)?|picture|image|caption)|video|watch)"
    r"(?:\s+caption)?)\s*:)\s*(?P<rest>\S.*)$"
)
"""A media label opening a photo's caption or a video's title: "IMAGE: BRICS banners in Kazan.",
"PHOTO CAPTION: North Korean soldiers in a military parade … (KCNA via Reuters)", "Video: Kim
meets Putin in Russia". The label is the page's chrome; what follows it is the page's."""
_MEDIA_DESCRIBED_WORDS = 2
"""A caption or a title describes: at least this many words in lower case ("banners in"); a
credit names ("Photo: Ukrainian Strategic Communication and Information Security Center")."""
_MEDIA_TITLE_MIN_WORDS = 4
_CLOSED = re.compile(r"[.!?][\"'”’]?$|[)\]]$")
_CREDIT_OPENING = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/")
"""A photographer's or an agency's credit opening the words after a label ("Photograph: Jane
Roe/Coastal Wire, from the harbour wall …"): the line is a credit, not a caption."""
_LEADING_STAMP = re.compile(
    r"^(?P<stamp>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,5})\)?)?|"
    r"(?:\d+|an?)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day)s?\s+ago)\s+(?=[A-Z\"“‘])",
    re.I,
)
"""A live blog's time stamp opening an entry: "11:05 (IST) Putin says …", "41 Mins ago
Russian President Putin Advocates …"."""
_STAMPED_MIN_WORDS = 4
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = (
    rf"(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH_NAME}\s+\d{{4}})"
)
_LEADING_DATES = re.compile(
    rf"^(?P<dates>\d{{1,2}}/\d{{1,2}}/\d{{4}}(?:\s+{_FULL_DATE})*)\s+(?=[A-Z“\"‘][a-z])"
)
"""A live blog's entry opening with its date stamp (a numeric date, maybe printed again in
words), with no punctuation before the entry's headline: "10/18/2024 October 18, 2024 North
Korea sent troops to Russia — Seoul". Prose never opens with "10/18/2024"; a written date
followed by a capital may be a timeline's entry ("June 19, 2024 Putin visits Pyongyang"),
whose date is its text, and stays."""
_ONE_DATE = re.compile(_FULL_DATE)
_STAMP_LABEL = re.compile(
    r"^(?i:first\s+published|last\s+updated|published|updated|posted)\b(?:\s+on)?\s*:?\s*\S"
)
_GLUED_YEAR = re.compile(r"(?<=\b(?:19|20)\d{2})(?=[A-Za-z])")
"""A page's date stamps printed with no space after each year: "Published October 28,
2024last updated October 29, 2024What you need to know" (a DW live blog's copy). Cut after
each year, it is a date line, an update line and a label; only a line that opens with a date
label is cut, as prose never glues a year to a word."""
_BYLINE_DATELINE = re.compile(
    r"^(?P<byline>(?i:by)\s+[^()]{3,150}?,\s*(?P<agency>[A-Z][A-Za-z]{1,20}))\s+"
    r"(?P<rest>[A-Z][^()]{0,60}\((?P=agency)\)\s*(?:—|–|--|-|:)\s*\S.*)$"
)
"""A by-line glued to the dateline that credits the same agency: "By Jessie Yeung, Gawon Bae,
CNN Seoul, South Korea (CNN) — North Korean leader …"."""
_GLUED_BYLINE_DATE = re.compile(
    rf"^(?P<byline>(?i:by)\s+[^()|]{{2,80}}?[a-z])(?P<date>{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\b.*)$"
)
"""A by-line glued to the date printed after it, with no space between: "By Thomson ReutersApr
27, 2025 | 4:21 PM" (a radio station's copy of a Reuters report). A name never runs into a
month in lower case then a capital."""
_STAMPED_BYLINE = re.compile(
    rf"^(?P<date>{_FULL_DATE}(?:\s*[-–—|,]\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?)"
    r"\s*[-–—|,]?\s+(?P<byline>(?i:by)\s+[A-Z][^()|]{2,150})$"
)
"""A date stamp, maybe with its time, printed before the by-line on one line: "30 June 2025 -
16:15 By Joyce Lee, Jack Kim and Hyun Young Yi" (a wire copy's page). Read apart, the date
and the writers are found, and neither is quoted."""
DESK_CREDIT = r"(?P<desk>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+(?i:desk)\s*:"
"""A newsroom's desk credited before the text: "PTC News Desk:", "Web Desk:"."""
_GLUED_DESK = re.compile(rf"^(?P<label>{DESK_CREDIT})\s+(?=[A-Z“\"‘])")
"""A desk's credit opening the first paragraph: "PTC News Desk: Prime Minister Modi met …"."""
_FIELD = r"[A-Z][a-z]+(?:\s[A-Za-z]+)?\s*:\s*[^|:]{1,60}?"
_LABELLED_FIELDS = re.compile(rf"^{_FIELD}(?:\s*\|\s*{_FIELD}){{1,4}}$")
"""A line of a page's labelled fields between bars: "Author: Eamonn Sheridan | Category: News".
Each field is read on its own."""
_TRUNCATED = Hinted(re.compile(r"[\w,;:’'\"”)]\s*(?:…|\.\.\.)$"), ("...",))
"""A teaser cut off mid-sentence: "… an unprecedented Israeli strike in Doha targeting…"."""
_EXCERPT_MARK = re.compile(r"\[(?:…|\.\.\.)\]$")
"""The mark a site puts where it cut an excerpt: "… piano or even the […]"."""
TEASER_MIN_WORDS = 6
TEASER_MAX_WORDS = 60
"""A paragraph that merely ends in an ellipsis ("… komme ich liebend gerne zurück…", 165
words) is a writer's style, not a teaser; an excerpt's mark is a teaser at any length."""
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]{0,300}\]\([^)]{0,1000}\)")
"""An image left in the text as Markdown ("![]()", "![alt](https://…)"): no words of it."""

_FORM_READER = re.compile(r"\b(?:your|you|please|enter|we|this\s+(?:web)?site)\b", re.I)
_FORM_FIELD = re.compile(
    r"\b(?:e-?mail(?:\s+address)?|name|comments?|password|website|fields?|cookies?|inbox|"
    r"(?:story|news)\s+(?:ideas?|tips?)|"
    r"privacy\s+policy|terms(?:\s+of\s+(?:use|service))?)\b",
    re.I,
)
_FORM_ACTION = re.compile(
    r"\b(?:required|enter|will\s+not\s+be\s+published|marked|agree|accept|consent|"
    r"manage|continu(?:e|ing)\s+to\s+(?:browse|use)|we\s+use|uses\s+cookies|save\s+my|"
    r"notify\s+me|opt\s+out|delivered|unsubscribe|(?:is|are|be)\s+processed|submit|"
    r"click(?:ing)?\s+here)\b",
    re.I,
)
_FORM_MAX_WORDS = 45
"""A comment form's or a consent banner's sentences are short; an article's are not about
"your e-mail" and "required fields"."""

_POST_SIGNATURE = re.compile(
    r"^(?:[—–-]\s*\S[^()]{0,60}?\s*\(@\w{1,30}\)(?:\s+\S.{0,40})?|"
    r"a\s+post\s+shared\s+by\s+.{1,60})$",
    re.I,
)
"""The signature under an embedded social post: "— NEXTA (@nexta_tv) June 19, 2024",
"A post shared by Jane Roe (@janeroe)"."""
_POST_LINK = Hinted(re.compile(r"\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+", re.I), ("/",))
"""A social post's picture link, printed inside the embedded post's text."""
POST_LINES = 3
"""An embedded post is the few lines just above its signature (in its own block)."""

_OUTLET_WORD = re.compile(
    r"\b(?:news|post|times|press|daily|herald|journal|tribune|telegraph|gazette|express|"
    r"observer|chronicle|mail|guardian|monitor|agency|radio|tv|television|network|media|"
    r"international|broadcasting|wire|today|review|standard|citizen|independent|insider|"
    r"weekly|magazine)\b",
    re.I,
)
"""The common nouns of newspaper and broadcaster names: "Jerusalem Post", "Sputnik
International", "The Associated Press"."""
_SECTION_NAME = re.compile(
    r"^(?:(?:world|local|national|regional|global|international|business|top|latest|breaking|"
    r"sports?|tech(?:nology)?|politics|entertainment|health|science|economy|finance|opinion|"
    r"asia|europe|africa|americas|middle\s+east)(?:\s+news)?|news)$",
    re.I,
)
"""A section of a site, not a site: "World News", "Latest News", or the section's name alone
("News", "International" over the headline; a menu's item, a breadcrumb)."""
_DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+$")
_INITIALISM = re.compile(r"^[A-Z]{2,8}$")
_OUTLET_MAX_WORDS = 4
_OUTLET_MAX_CHARS = 40
_OUTLET_DECORATION = re.compile(r"^[\s•·|*–—-]+|(?:\s*,\s*\d+)+$")
"""What a site's name line carries around the name: a bullet or a dash before it, an image's
width after it ("- Sputnik International, 1920")."""


@lru_cache(maxsize=8192)
def glued_parts(line: str) -> tuple[str, ...]:
    """A line with the furniture glued to it split into the text and the furniture, each a
    line of its own; the text's words are kept as they are. Cached: pages repeat lines.

    Furniture is peeled from the front one piece at a time in a loop, not by recursion, so a
    line of many glued pieces (a crafted one too) never runs out of stack."""
    parts: list[str] = []
    rest: str | None = line
    while rest is not None:
        peeled, rest = _peeled(rest)
        parts.extend(peeled)
    return tuple(parts)


def _peeled(line: str) -> tuple[tuple[str, ...], str | None]:
    """The furniture at the front of ``line`` and the rest to read on, or every part of the
    line and ``None`` when nothing more is to be peeled."""
    if "![" in line and (cut := _MARKDOWN_IMAGE.sub(" ", line)) != line:
        line = " ".join(cut.split())
    if not line:
        return (), None
    if (match := _LEADING_STAMP.match(line)) and len(
        line[match.end() :].split()
    ) >= _STAMPED_MIN_WORDS:
        return (match["stamp"],), line[match.end() :]
    if (match := _LEADING_DATES.match(line)) and len(
        line[match.end() :].split()
    ) >= _STAMPED_MIN_WORDS:
        return tuple(_ONE_DATE.findall(match["dates"])), line[match.end() :]
    if _STAMP_LABEL.match(line) and _GLUED_YEAR.search(line):
        return tuple(part.strip() for part in _GLUED_YEAR.split(line) if part.strip()), None
    if match := _TIME_GLUED_PLACE.match(line):
        return (match["stamp"], match["place"]), None
    if match := _PLAYER_LABELS.match(line):
        rest = match["rest"]
        if rest.startswith(match["title"]):
            rest = rest[len(match["title"]) :].strip()
        return (match["title"],), rest or None
    if match := _BYLINE_DATELINE.match(line):
        return (match["byline"], match["rest"]), None
    if "|" in line and _LABELLED_FIELDS.match(line):
        return tuple(field.strip() for field in line.split("|")), None
    if match := _GLUED_BYLINE_DATE.match(line):
        return (match["byline"], match["date"]), None
    if match := _STAMPED_BYLINE.match(line):
        return (match["date"], match["byline"]), None
    if (match := _MEDIA_LABEL.match(line)) and match["photo"] and _is_described_media(match):
        return (match["label"],), match["rest"]
    if (match := _GLUED_PHOTO_CREDIT.match(line)) and len(
        line[match.end() :].split()
    ) >= _GLUED_LABEL_MIN_WORDS:
        return (match["caption"],), line[match.end() :]
    for pattern in (
        _GLUED_DESK,
        _GLUED_TEASER,
        _GLUED_IMAGE_SOURCE,
        _GLUED_LABEL,
        _GLUED_TOPIC_LINK,
        _CASE_GLUED_LABEL,
        _GLUED_WRITERS,
    ):
        if match := pattern.match(line):
            rest = line[match.end() :]
            if len(rest.split()) >= _GLUED_LABEL_MIN_WORDS and not (
                pattern is _CASE_GLUED_LABEL and _has_lost_spaces(rest)
            ):
                return (match["label"],), rest
    if match := _MID_PROMO.search(line):
        return (match["promo"],), f"{line[: match.start()]} {line[match.end() :]}"
    for pattern in (
        _GLUED_COPYRIGHT,
        _GLUED_APPEAL,
        _GLUED_LINK_TAIL,
        _GLUED_MORE_LINK,
        _GLUED_WATCH_TEASER,
        _GLUED_SOURCE_TAIL,
        _GLUED_SOURCE_LABEL,
        _GLUED_ADDRESS_TAIL,
    ):
        match = pattern.search(line)
        if match and match.start() > 0 and line[: match.start()].strip():
            return (line[: match.start()].rstrip(), match["tail"].strip()), None
    return (line,), None


_SUMMARY_OPENING = re.compile(
    r"(?<=[a-z])\s+(?=(?:The|A|An|This|These|In|On|At|After|As|Amid|Following)\s+[a-z])"
)
"""Where a summary's first sentence starts, glued to the headline before it: a lower-case word,
then a capitalised function word and a lower-case word ("… in new treaty The leaders of …"). A
name after "The" ("… reported by The New York Times") is no such start."""
_GLUED_HEADLINE_WORDS = (6, 25)
_GLUED_SUMMARY_MIN_WORDS = 8
_GLUED_SHARED_WORDS = 2


def headline_summary_parts(line: str) -> tuple[str, str] | None:
    """A headline glued to its summary on the page's first line of text: "Putin, Kim pledge
    to provide military support in new treaty The leaders of Russia and North Korea held a
    joint press conference after they signed a new treaty that includes a pledge for mutual
    military support." (byteseu, a copy of an NHK report). The headline part has a headline's
    words and no sentence's punctuation, the summary is a sentence of its own, and the two
    speak of the same things (two words of five letters or more in common): prose never
    runs a lower-case word into "The" without a full stop."""
    for match in _SUMMARY_OPENING.finditer(line):
        head, rest = line[: match.start()], line[match.end() :]
        words = len(head.split())
        if words > _GLUED_HEADLINE_WORDS[1]:
            return None
        if (
            words >= _GLUED_HEADLINE_WORDS[0]
            and not re.search(r"[.!?;:]", head)
            and len(rest.split()) >= _GLUED_SUMMARY_MIN_WORDS
            and _CLOSED.search(rest)
            and len(_long_words(head) & _long_words(rest)) >= _GLUED_SHARED_WORDS
        ):
            return head, rest
    return None


def _long_words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{5,}", text.casefold()))


def video_title_parts(line: str) -> tuple[str, str] | None:
    """A video's label and its title ("Video:" / "Kim meets Putin in Russia"), for a line above
    the page's text: there it is the page's headline; further down, a link to another video,
    and left whole (a call to action)."""
    match = _MEDIA_LABEL.match(line)
    if match and not match["photo"] and _is_described_media(match):
        return match["label"], match["rest"]
    return None


def _is_described_media(match: re.Match[str]) -> bool:
    """What follows a media label describes a photo (a sentence, or a line closed by its
    credit) or titles a video (a headline: several words, no full stop); a credit, a name
    list or a lone word after the label is no caption and stays with it."""
    rest = match["rest"]
    if _CREDIT_OPENING.match(rest):
        return False
    described = sum(word[:1].islower() for word in rest.split()) >= _MEDIA_DESCRIBED_WORDS
    if match["photo"]:
        return described and bool(_CLOSED.search(rest))
    return described and word_count(rest) >= _MEDIA_TITLE_MIN_WORDS and not _CLOSED.search(rest)


def is_glued_source_credit(line: str) -> bool:
    """The source credit that ``glued_parts`` cut from a paragraph's end ("writes
    cyprus-daily.news."), now a line of its own: furniture."""
    return bool(_SOURCE_TAIL_LINE.match(line.strip()))


def is_teaser(line: str) -> bool:
    """A line cut off by an ellipsis mid-sentence (a short one) or by an excerpt's mark:
    another story's teaser."""
    words = word_count(line)
    return words >= TEASER_MIN_WORDS and (
        bool(_EXCERPT_MARK.search(line))
        or (words <= TEASER_MAX_WORDS and bool(_TRUNCATED.search(line)))
    )


def is_outlet_shaped(name: str) -> bool:
    """A site's domain ("News.Az"), a shouted initialism ("CNN"), or a name with a newspaper
    noun ("Jerusalem Post")."""
    return bool(_DOMAIN_NAME.match(name) or _INITIALISM.match(name) or _OUTLET_WORD.search(name))


def is_form_or_consent(line: str) -> bool:
    """A comment form's or a consent banner's line: it speaks to the reader ("your", "please",
    "enter") about a form field, cookies or terms, and asks or tells something of them:
    "Your email address will not be published. Required fields are marked *", "Please enter
    your comment!", "We use cookies … By continuing to browse you agree …"."""
    return (
        word_count(line) <= _FORM_MAX_WORDS
        and bool(_FORM_READER.search(line))
        and bool(_FORM_FIELD.search(line))
        and bool(_FORM_ACTION.search(line))
    )


def is_post_signature(line: str) -> bool:
    return bool(_POST_SIGNATURE.match(line))


def has_post_link(line: str) -> bool:
    return bool(_POST_LINK.search(line))


def outlet_line_name(line: str) -> str | None:
    """The name on a line that only names a site: "News.Az", "Jerusalem Post", "CNN", "-
    Sputnik International, 1920", "Reuters"; None for any other line. Whether the page
    corroborates it is ``is_corroborated``'s question."""
    name = _OUTLET_DECORATION.sub("", line).strip()
    words = name.split()
    if not words or len(words) > _OUTLET_MAX_WORDS or len(name) > _OUTLET_MAX_CHARS:
        return None
    if not all(word[0].isupper() or word[0].isdigit() for word in words):
        return None
    if _SECTION_NAME.match(name):
        return None
    return name if any(char.isalpha() for char in name) else None


def _initials_desk(name: str) -> re.Pattern[str] | None:
    """A desk credited by the outlet's initials: "By NDT Bureau" for "New Delhi Times"."""
    words = name.split()
    if len(words) < 2 or not all(word[0].isupper() for word in words):
        return None
    initials = "".join(word[0] for word in words)
    return re.compile(rf"\b(?i:by)\s+{initials}\s+(?i:bureau|staff|desk|team|newsroom)\b")


def _own_site_link(name: str) -> re.Pattern[str]:
    """A link to the outlet's own site, its name the domain's: "https://www.okayafrica.com/…"
    for "OkayAfrica"."""
    domain = re.escape(re.sub(r"[\s'’.&-]", "", name))
    return re.compile(rf"\bhttps?://(?:www\.)?{domain}\.[a-z]{{2,6}}\b", re.I)


def is_corroborated(name: str, others: list[str]) -> bool:
    """Whether other lines of the page name the site too: an outlet-shaped name printed again
    anywhere ("By JERUSALEM POST STAFF", "News.Az reports …", "BRICS summit - Sputnik
    International, 1920, 21.10.2024"), or any name printed again as a credit ("via REUTERS",
    "told CNN", "(Reuters)", "© Reuters"), or its initials as a desk's by-line ("By NDT Bureau"
    for "New Delhi Times"), or a link to its own site. A section label ("World") is no credit."""
    escaped = re.escape(name)
    if is_outlet_shaped(name) and len(name) > 2:
        anywhere = re.compile(rf"(?<![\w.]){escaped}(?![\w]|\.\w)", re.I)
        if any(anywhere.search(line) for line in others):
            return True
    if (desk := _initials_desk(name)) and any(desk.search(line) for line in others):
        return True
    if _own_site_link(name).search(" ".join(others)):
        return True
    credit = re.compile(
        rf"(?:\b(?i:by|via|told|according\s+to)\s+|[(©ⓒ]\s*)(?:{escaped}|{escaped.upper()})\b"
        rf"|\b(?:{escaped}|{escaped.upper()})\s+(?i:reports?|reported)\b"
    )
    return any(credit.search(line) for line in others)
