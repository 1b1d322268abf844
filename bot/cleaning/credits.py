"""Who a page credits: a wire agency in a dateline ("SEOUL, Oct. 29 (Yonhap) --"), a credit line
under the text ("Reporting by …", "— AFP"), an outlet named in a source line, and the closing
signatures and initials some outlets sign with.
"""

from __future__ import annotations

import re

from bot import chrome, printed_dates
from bot.cleaning.captions import AGENCY_IN_BRACKETS, CAPTION_WORDS, says_what_the_picture_is
from bot.cleaning.lines import HEADING_MAX_WORDS, line_key
from bot.cleaning.shapes import is_country, is_name, name_case, names_a_country, unbracketed
from bot.cleaning.signals import Signals, quoted
from bot.printed_dates import UPDATED_RANK
from bot.spelling import is_english_word

_LABELLED_BAR_BYLINE = re.compile(
    r"(?:^|\s)(?:COMMENT|COMMENTARY|OPINION|ANALYSIS|EDITORIAL|COLUMN|ESSAY|INTERVIEW|REVIEW)"
    r"\s*\|\s*(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3})\s*\|\s"
)
"""A column's label in capitals, then its writer's name in capitals between bars, opening the
text or glued after a teaser's headline: "… took on the US COMMENT | ROBERT BARNES | The
Russian president, …" (a tag page's teaser). The label says what follows is a by-line; two to
four shouted words between bars, the name."""


CREDIT = re.compile(
    r"^(?i:original(?:\s+article)?\s+source|(?:article\s+)?source)\s*:\s*(?P<what>https?://\S{1,300}|\S.{0,80})$"
)


_NEXT_LABEL = re.compile(r"\s+(?=[A-Z][a-z]+(?:\s[a-z]+)?\s?:\s)")
"""Where a credit line's next labelled field starts: "Source: Xinhua   Editor: Wang Qingchu"
(Shanghai Daily) credits Xinhua; the editor is the site's, not the outlet."""


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


_TITLE_CASE_PLACE = r"(?!By\b)[A-Z][^\W\d_A-Z]+(?:[ -][A-Z][^\W\d_A-Z]+){0,2}"
"""A dateline's place in title case, as some sites print it: "Beijing (Parliament Politics
Magazine) – Russian President …", "São Paulo (EFE).- …" (its letters any alphabet's; never a
by-line's "By"; and a country in the brackets is no agency: "Xi Jinping (China) – President",
``_wire_credit``)."""


_WIRE_CREDIT = re.compile(
    r"^(?:[A-Z][a-z]+:\s+(?=[A-Z]{2}))?(?:(?:[A-Z]" + _PLACE + "|" + _TITLE_CASE_PLACE + ")"
    r"(?:, [A-Z][A-Za-z.'-]*+(?: [A-Z][A-Za-z.'-]*+)*)?"
    r"(?:(?P<colon>:)\s+|,?\s+(?:[—–-]\s+)?|(?=\()))?"
    r"(?:(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})(?:, (?P<year>\d{4}))?,?\s+)?"
    r"\((?P<agency>[A-Z][A-Za-z&]+(?:[ -][A-Z][A-Za-z&]+){0,3}|[a-z]{2,4}(?=/)|[a-z]{2,4}-[A-Z]{2,})"
    r"(?:/" + _AGENCY_NAME + r")?\)"
    r"(?:\.?\s*(?:--?|–|—|:|" + _MISREAD_DASH + r")|(?(colon)\s+(?=[A-Z“\"‘])|(?!)))"
)
"""A wire credit in a dateline: "(Reuters) -", "SEOUL, Oct. 29 (Yonhap) --", "MOSCOW (AP) —",
"SEOUL, Nov 2, 2025 (BSS/AFP) -" (two agencies, the first named credited: the one the page
names first; a second after a slash is the one it relays or that relays it; an agency that
prints its name in lower case, "(dpa/MIA)", only in such a pair, or with its service's
capitals: "PYONGYANG (dpa-AFX) - North Korea dispatched …", round fifty-three's copy),
"MOSCOW, Nov 10 (Reuters): …", "SEOUL, South Korea — (AP) — …" (a dash after the place too),
"SEOUL: (Reuters) Russian President …" (the place's colon stands for the dash), "SEOUL, South
Korea, Nov 20, (AP): …" (a comma after the date), "São Paulo (EFE).- …" (a full stop before
the dash, as Spanish-language wires print it), a source's label before a dateline in capitals
("Reuters: ANKARA (Reuters) - Turkey was offered …", round sixty-four's copy), "HANOI, Vietnam
(AP) 鈥 Russian President …" (the dash's bytes misread, ``_MISREAD_DASH``), "MOSCOW(Sputnik) -
…" (no space before the bracket, round seventy's oananews)."""


_SLASHED_CREDIT = re.compile(
    r"^(?:[A-Z]" + _PLACE + r",\s+)"
    r"(?P<day>[A-Z][a-z]{2,8}\.? \d{1,2})(?:, (?P<year>\d{4}))?\.\s+"
    r"/(?P<agency>[A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+){0,3})/\.?"
)
"""A wire credit between slashes after the dateline: "MOSCOW, November 6. /TASS/. …"."""


_DAY_FIRST_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?:[ -][A-Z][A-Za-z.'-]+){0,2}"
    r"(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?(?:, | \| )"
    r"(?P<date>\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{4}) "
    r"\((?P<agency>" + _AGENCY_NAME + r")(?:/" + _AGENCY_NAME + r")?\)\s*[—–-]+\s+(?=[A-Z“\"‘])"
)
"""A dateline whose full date puts the day first, as European agencies print it, then the
credit and a dash: "Seoul, 19 June 2024 (dpa/MIA) - Russian President …" gives the date and
dpa; the place may carry its country, and a bar stand for the comma before the date:
"ALMATY, Kazakhstan | 17 February 2025 (IDN) — The sixteenth …" (round seventy-one's
indepthnews). The date is the report's own, read as strongly as a date line above the
headline: a page whose top line shows another day (a site's clock, "• Friday, 22 November
2024") has two dates that disagree, and shows none for sure."""


_TITLED_CREDIT = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?: \([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\))?(?:, "
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
fifty-four's europeannewsroom): a name in brackets and a dash open no sentence of prose. The
place may carry its country in brackets, as Indian agencies print a foreign one: "Kazan
(Russia), Oct 22 (PTI) A Sanskrit welcome song …" (round sixty-four's theprint)."""


_AGENCY_FIRST_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+)?,\s*"
    r"\((?P<agency>[A-Z]{2,6})\s+[-–—]\s+[^()]{3,80}\)\s+(?=[A-Z“\"‘])"
)
"""A dateline whose bracket opens with the agency's initials before a dash, the site and the
day after it: "Moscow, (APP - UrduPoint / Pakistan Point News - 6th Dec, 2024) Russian
President …" (APP, the Associated Press of Pakistan)."""


_CLOSING_AGENCY = re.compile(rf"(?<=[.!?…\"'”’])\s+\({AGENCY_IN_BRACKETS}\)$")
"""An agency's or a broadcaster's name of up to three words in brackets after a paragraph's
last sentence: "… states. (Yonhap)", "… nor denied this. (A2 Televizion)"."""


_LONE_AGENCY = re.compile(r"^\((?P<agency>[A-Z][A-Za-z]+)\)$")
"""An agency's one-word name in brackets on a line of its own: "(AP)"."""


_LONE_INITIALS = re.compile(r"^(?P<agency>[A-Z]{2,6})$")
"""An agency's initials alone on a line, shouted and without brackets: "AFP"."""


_SIGNATURE_LINE = re.compile(r"^[—–-]\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})$")
"""A name of two or three words after a dash, alone on its line: "— Holly Ellyatt"."""


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


MARKED_NAMES = re.compile(rf"^(?P<holder>{_MARK_NAME})\s*[©ⓒ](?:\s*{_MARK_NAME}\s*[©ⓒ])*\s*$")
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


_SELF_CREDIT = re.compile(
    r"\b(?P<site>[A-Z][\w-]*(?:\.[A-Za-z]{2,})+)\s+reports,?\s+citing\b|"
    r"\b(?P<informer>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+informs,?\s+(?:referring\s+to|citing)\b"
)


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


_STAFF_ROLE = re.compile(
    r"^(?i:(?:(?:staff|senior|chief|guest|contributing|special|political|foreign|defen[cs]e|"
    r"diplomatic|news)\s+)?(?:writer|reporter|correspondent|editor|columnist|contributor|"
    r"journalist))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+[a-z]"
)
"""A standfirst that opens with the writer's role and name: "Staff Writer Angelika
Etherington-Smith examines …"."""


def read_closing_signature(lines: list[str], verdicts: list[str], signals: Signals) -> None:
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
    if match and is_name(match["name"]) and not chrome.is_outlet_shaped(match["name"]):
        signals.add("author", match["name"], f"the signature '{line}'", UPDATED_RANK)


def read_lone_closing_agency(lines: list[str], verdicts: list[str], signals: Signals) -> None:
    """An agency's name in brackets, or its initials without them, on a line of its own right
    under the page's last paragraph of text ("(AP)" under a copy of an AP report on the BRICS
    summit, stalliontimes; "AFP" under LBCI's report of Peskov's announcement) is the story's
    wire credit (initials that spell an English word, "SOURCE", are a label), as the same
    name glued to the paragraph is
    (``read_closing_agency``): the publisher, as weakly as a by-line's agency. The line stays
    furniture. Only right under the last paragraph, and a name, not a caption's word."""
    texts = [index for index, verdict in enumerate(verdicts) if verdict == "text"]
    if not texts or texts[-1] + 1 >= len(lines):
        return
    line = lines[texts[-1] + 1]
    match = _LONE_AGENCY.match(line) or _lone_initials(line)
    if match and match["agency"].casefold() not in CAPTION_WORDS:
        signals.add("publisher", match["agency"], f"the closing credit '{line}'", UPDATED_RANK)


def _lone_initials(line: str) -> re.Match[str] | None:
    """An agency's initials alone on a line ("AFP"), not a shouted word ("SOURCE")."""
    match = _LONE_INITIALS.match(line)
    return match if match and not is_english_word(match["agency"]) else None


def read_closing_agency(lines: list[str], verdicts: list[str], signals: Signals) -> None:
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
    if not match or chrome.word_count(line) <= HEADING_MAX_WORDS:
        return
    words = match["agency"].split()
    if says_what_the_picture_is(match["agency"]) or (
        len(words) > 1 and all(is_english_word(word) for word in words)
    ):
        return
    verdicts[kept[-1]] = "text"
    lines[kept[-1]] = line[: match.start()].rstrip()
    signals.add(
        "publisher", match["agency"], f"the closing credit '{match.group().strip()}'", UPDATED_RANK
    )


def without_credit(paragraph: str) -> str:
    """A paragraph without its opening dateline credit ("MOSCOW, November 6. /TASS/."),
    which is no sentence to take for a title."""
    match = _SLASHED_CREDIT.match(paragraph)
    rest = paragraph[match.end() :].strip() if match else ""
    return rest or paragraph


APP_BADGE = re.compile(
    r"^(?:(?P<outlet>[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,3})\s+(?:app\s+)?)?"
    r"(?:(?:get\s+it|download(?:\s+it)?|available)\s+)?(?:on|from|in)\s+(?:the\s+)?"
    r"(?:google\s+play|play\s+store|app\s*store)\b",
    re.I,
)
"""A badge for the site's app ("Euromedia24 on Play Store Euromedia24 on App Store", "Get it
on Google Play"): furniture, and the outlet it names, if any, is the page's publisher when
nothing stronger names one."""


def closing_credits(lines: list[str], furniture: set[int], signals: Signals) -> set[int]:
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
        if not comma or not is_name(outlet.strip() or "x") or not is_name(names.strip() or "x"):
            continue
        people = re.split(r"\s+and\s+", _BY.sub("", names.strip()), flags=re.I)
        if all(len(person.split()) >= 2 for person in people) and (_agency_keys(outlet) & agencies):
            signals.add("author", " and ".join(people), quoted(line))
            found.add(index)
    return found


_BY = re.compile(r"^by\s+", re.I)
"""A by-line's "By", no part of the first name: "By Jessie Yeung, Gawon Bae, CNN"."""


def _agency_keys(outlet: str) -> set[str]:
    """An outlet's name and its initials: "The Associated Press" is also "ap"."""
    words = [word for word in outlet.split() if word.casefold() != "the"]
    return {line_key(" ".join(words)), "".join(word[0] for word in words).casefold()}


def credited_source(line: str) -> str | None:
    """The outlet a "Source:" line credits ("Source: Xinhua   Editor: Wang Qingchu",
    "[Source: Reuters]"), or None."""
    match = CREDIT.match(unbracketed(line))
    if not match:
        return None
    what = _url_host(_NEXT_LABEL.split(match["what"], maxsplit=1)[0].strip().rstrip("."))
    return what if _names_an_outlet(what) else None


def read_furniture_credit(line: str, signals: Signals) -> None:
    """A copyright notice is furniture, but the outlet it names is the page's publisher when
    nothing stronger (a wire credit) names one: "Copyright ⓒ Aju Press All rights reserved."."""
    match = (
        _COPYRIGHT_HOLDER.match(line)
        or _REPRODUCTION_NOTICE.match(line)
        or _DATED_COPYRIGHT.match(line)
        or MARKED_NAMES.match(line)
    )
    if (
        match
        and (holder := match["holder"].strip())
        and _names_an_outlet(holder)
        and not _PICTURE_AGENCY.search(holder)
    ):
        signals.add("publisher", holder, quoted(line), UPDATED_RANK)
    if (match := _REPORTING_BY.match(line)) and (people := _reporters(match["names"])):
        signals.add("author", people, quoted(line), UPDATED_RANK)
    elif (match := APP_BADGE.match(line)) and match["outlet"] and _names_an_outlet(match["outlet"]):
        signals.add("publisher", match["outlet"], quoted(line), UPDATED_RANK)
    elif people := role_credit(line):
        signals.add("author", people, quoted(line), UPDATED_RANK)
    elif outlet := credited_source(line):
        signals.add("publisher", outlet, quoted(line))  # "[Source: Reuters]", an editor's note


def role_credit(line: str) -> str | None:
    """The reporters a credits box's "Reporters:" line names (``_REPORTERS_ROLE``), if every
    one is a person's name."""
    match = _REPORTERS_ROLE.match(line)
    return _reporters(match["names"]) if match else None


def without_closing_byline(line: str, signals: Signals) -> str:
    """A kept line without the by-line sentence glued to its end ("… Story by Emerald Maxwell
    and Delano D’Souza."), read as the author: a quoted answer must not carry the writers'
    names as if they were the story's. Only people's names are a by-line ("… Story by
    Reuters." stays)."""
    match = _CLOSING_BYLINE.search(line)
    if not match or not (people := _reporters(match["names"])):
        return line
    signals.add("author", people, quoted(line), UPDATED_RANK)
    return line[: match.start()].rstrip()


def without_closing_date(line: str, signals: Signals) -> str:
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
    if not all(len(person.split()) >= 2 and is_name(person) for person in people):
        return None
    return " and ".join(filter(None, (", ".join(people[:-1]), people[-1])))


def _url_host(text: str) -> str:
    """A link names its site: "https://vtcnews.vn/trieu-tien-…" gives "vtcnews.vn"; any other
    text is returned as it is."""
    match = re.fullmatch(r"https?://(?P<host>[\w-]+(?:\.[\w-]+)+)(?:[/?#]\S*)?", text)
    return match["host"] if match else text


def _names_an_outlet(text: str) -> bool:
    """ "www.rfa.org" or "Radio Free Asia" name an outlet; "Russian news agency Interfax"
    describes where a quote came from, and names no outlet of the page."""
    if re.fullmatch(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/?", text):
        return True
    if text.casefold() in _LINK_LABELS:
        return False
    return is_name(text) and len(text.split()) <= 5


_LINK_LABELS = frozenset({"link", "here", "click here", "website", "original", "original article"})
"""What a "Source:" label shows where a link was (an aggregator's "Source: Link"): no outlet."""


def read_dateline(line: str, signals: Signals) -> None:
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
        signals.add("author", name_case(match["name"]), f"the by-line '{match.group().strip()}'")
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


_NAMED_AFTER_PLACE = re.compile(
    r"^(?P<day>)(?P<year>)" + _TITLE_CASE_PLACE + r", (?P<agency>[A-Z][A-Z0-9&]{3,11}) [—–-]+ "
    r"(?=[A-Z“\"‘])"
)
"""A dateline naming the outlet in capitals after its place, with no brackets, then a dash:
"Jakarta, VIVA – Indonesia has started the process …" (an Indonesian site's own dateline).
Four letters or more, so that a state's or country's initials ("Washington, DC –", "Dubai,
UAE –") are not read; a country's name or initials the gazetteer knows there is the place's
("Kazan, RUSSIA – …", "Pyongyang, DPRK – …"), no outlet. Its day and year groups are always
empty: a dateline's readers look for both in every shape."""


def _wire_credit(line: str) -> re.Match[str] | None:
    """A wire agency's credit opening a paragraph, in any of the dateline shapes."""
    wire = _WIRE_CREDIT.match(line)
    if wire and is_country(wire["agency"]):
        wire = None
    named = _NAMED_AFTER_PLACE.match(line)
    if named and names_a_country(named["agency"]):
        named = None
    return wire or _SLASHED_CREDIT.match(line) or _TITLED_CREDIT.match(line) or named


def read_self_credit(line: str, signals: Signals) -> None:
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
    if match.group().lstrip()[:1] != "(" and is_country(agency):
        return True  # "KAZAN (Russia): …": the place's country, no agency
    return line_key(match.group()).startswith("(") and agency.isupper() and len(agency) > 5
