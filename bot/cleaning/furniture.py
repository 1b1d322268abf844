"""Page furniture that is not another story: prompts to subscribe, follow or comment, notices,
widgets (weather, symbols, code), breadcrumbs, editorial notes in brackets, and the appeals
printed above a headline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from bot import chrome, printed_dates
from bot.chrome import Hinted
from bot.cleaning.bylines import is_metadata
from bot.cleaning.captions import HASHTAG, is_photo_credit
from bot.cleaning.credits import APP_BADGE, MARKED_NAMES, role_credit
from bot.cleaning.lines import (
    AD_BREAK,
    CALL_TO_ACTION,
    CTA_MAX_WORDS,
    FURNITURE,
    MORE_STORIES,
    NAVIGATION_LABEL,
    PER_LINE_CACHE,
    PROMPT_MAX_WORDS,
    SENTENCE_END,
    SHARE_PROMPT,
    TOPIC_LINK_LINE,
)
from bot.cleaning.shapes import (
    ELLIPSIS_END,
    LABEL_MAX_WORDS,
    LIST_ITEM,
    STATEMENT_END,
    TITLE_MAX_WORDS,
    is_dated_weather,
    is_heading,
)
from bot.spelling import is_english_word

_WEATHER = re.compile(r"^-?\d{1,3}(?:\.\d)?\s*(?:°\s*[FC]?|[FC])$")
"""A weather strip's temperature: "66.5 F", "-2 °", "11 °C"."""


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


_COPYRIGHT = Hinted(
    re.compile(r"^(?:©|copyright\b|\(c\)\s*\d{4})|\ball rights reserved\b", re.I),
    ("copyright", "(c)", "reserved"),
)
"""A copyright notice: "© 2024 Reuters", "Copyright 2024 The Associated Press. All rights …"."""


_WIRE_STAFF_CREDIT = re.compile(
    r"^(?:\(?\s*)(?:additional\s+)?(?:reporting|writing|editing|compiled|edited)\s+by\b", re.I
)
"""A wire report's closing credit, with or without brackets: "Reporting by …; Editing by …"."""


_CONTACT_PROMPT = re.compile(
    r"\b(?:get\s+in\s+touch(?!\s+with\s+(?!us\b))|contact\s+us|e-?mail\s+us|write\s+to\s+us|"
    r"drop\s+us\s+a\s+line)\b",
    re.I,
)
"""A newsroom asking the reader for stories or comments: "Story for GCR? Get in touch via
email: …", "Have a tip? Contact us"; not someone else getting in touch ("… tried to get in
touch with the crew"). Only on a short line (``CTA_MAX_WORDS``)."""


_SOURCE_CREDIT = re.compile(
    r"^(?i:this|it|the\s+news)\s+(?:was|is)\s+(?:first\s+)?reported\s+by\s+"
    r"(?:[A-Z][\w.&’'-]*\s*){1,4}(?:,\s*(?:[A-Z][\w.-]*\s*){1,3}(?:saw|sees|says|reports))?\.?$"
)
"""A line that only credits the report to an agency: "This was reported by Reuters,
Ukrinform saw." (a sentence of the site's own, never the news)."""


_SITE_NOTICE = re.compile(
    r"^(?:you\s+are|you're|you\s+have)\s+(?:now\s+)?(?:viewing|reading|watching|reached|"
    r"been\s+granted|logged)\b",
    re.I,
)


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


_MAKING_NOTE = re.compile(
    r"^(?:[•·*-]\s*)?this\s+(?:is\s+an?\s+(?:[\w-]+\s+){0,2}(?:summary|digest|rewrite)\s+(?:of|from|by)\b|"
    r"(?:content|article|story|post|piece|report|summary)\s+(?:is|was|has\s+been)\s+"
    r"(?:auto(?:matically)?[\s-]?generated|generated|summari[sz]ed|syndicated|sourced)\s+"
    r"(?:from|by|with|using)\b|"
    r"(?:image|picture|photo|illustration|graphic)\s+(?:is|was|has\s+been)\s+"
    r"(?:ai[\s-]generated|(?:generated|created|made)\s+(?:with|using|by)\s+(?:ai|artificial)\b))",
    re.I,
)
"""A site's note on how the text in front of the reader was made: "This report is
auto-generated from PTI news service. ThePrint holds no responsibility for its content", "This
is a fact-based summary from The Actual News. Click below to read the complete story", or the
picture beside it was: "This image is AI-generated and does not depict any real-life event or
location." A report speaks of another report as "the report", never of itself as "this
summary"."""


_SKIP_LINKS = re.compile(
    r"^(?:(?:skip|jump|go|(?:quick|direct)\s+access)\s+to\s+(?:the\s+)?"
    r"(?:(?:main|top|page)\s+)?(?:contents?|menu|navigation|nav|search|footer|bottom|top|"
    r"sidebar|main)\b\s*[|·•,]?\s*)+$",
    re.I,
)
"""A page's skip links for screen readers, left as text: "Skip to main content", "Quick access
to top menu Direct access to main contents Quick access to page bottom"."""


_ALT_TEXT = re.compile(r"^(?:image|photo|picture|photograph)\s+of\s+[^.!?|]{1,60}$", re.I)
"""A picture's alternative text alone on its line, where the picture was: "Image of Vladimir
Putin"; a headline names what happened, not a picture."""


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


_LINKS_NOTICE = re.compile(
    r"\b(?:may|might|can|will)\s+(?:contain\s+)?links?\s+to\s+(?:other|external|third[- ]party)\s+"
    r"(?:[\w'’-]+\s+){0,3}(?:web\s*)?sites?\b",
    re.I,
)
"""A notice about the page's links, in a short line: "The following news reports may link to
other Space Media Network websites." (round eighty's sinodaily), "This article may contain links
to third-party websites."."""


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


_OWN_CHANNEL = re.compile(
    r"^(?!.*\b(?:said|says|told)\b)(?:for\s+[^,.!?]{1,60}?,?\s+)?(?:please\s+)?"
    r"(?:visit|follow|see|check\s+out|bookmark|join|subscribe\s+to|download|read)\s+"
    r"(?:all\s+|more\s+(?:of\s+)?)?our\b",
    re.I,
)
"""A line that sends the reader to the site's own pages or channels, in the imperative, maybe
after what it is for: "For the latest updates on the Russia-Ukraine war, *visit our* dedicated
page.", "For all the latest headlines *follow our* Google News", "*See all our* Ukraine war
coverage". Only at the line's start (after a "For …" lead) and never in reported speech: "the
world will *see our* strength", "Visit our country, Kim said" are news."""


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


def _quotes(line: str) -> bool:
    """Whether the line holds a quotation mark: someone's words, which the rules that ask
    leave as text."""
    return any(mark in line for mark in _QUOTE_MARKS)


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


_DOUBLED_LABEL_MIN_WORDS = 3


_DOUBLED_LABEL_MAX_WORDS = 25


_REPEAT_MIN_WORDS = 8


_PITCH_OFFER = re.compile(
    r"\b(?:by\s+(?:becoming|turning\s+into|joining|subscribing)|unlock|access\s+(?:all|thousands|unlimited)|"
    r"(?:^|[.!?]\s+|\b(?:or|and)\s+)become\s+a|start\s+your)\b",
    re.I,
)
"""An offer to the reader: "*Become a* member today", "Support us *or become a* member", "…
*by becoming a* Subscriber+ Member". "Become a" inside a clause is news of someone else
("Indonesia *has become a* full member of BRICS", "a partner country *can eventually become
a* full member")."""


_PITCH_MEMBER = re.compile(
    r"\b(?:subscri(?:ber|ption|bing)|membership|member|free\s+trial|premium)\b", re.I
)


_PITCH_MAX_WORDS = 40


_READER_APPEAL = re.compile(
    r"^for\s+(?:a|the)\s+(?:better|best|full|optimal)\s+(?:[\w-]+\s+)?experience\b|"
    r"\b(?:download|get|install)\s+our\s+(?:free\s+)?(?:mobile\s+)?app\b|"
    r"\bwe\s+need\s+your\s+(?:help|support)\b|"
    r"\b(?:contribute|donate|give)\s+(?:as\s+little\s+as|just|only|from)\s+(?:[$€£₹]|\d)",
    re.I,
)
"""A site's appeal to its reader, in a short line: to use its app ("For the best experience,
open" / "m.thewire.in" / "on your mobile browser or Download our App.", round eighty's thewire),
to give ("Good morning, we need your help!", "Contribute as little as ₹ 200 a month and become
a champion of free press in India.")."""


_JOURNALISM = re.compile(r"\bjournalism\b", re.I)
"""A paywall's lead-in speaks of journalism in general: "quality journalism is more crucial than ever"."""


_PITCH_RUN = 3


_PITCH_LINE_MAX_WORDS = 15


_CODE_CALL = re.compile(r"\w\(|[={}]")


_CODE_MIN_SYMBOLS = 2


_BREADCRUMB_SEPARATOR = re.compile(r"\s*[❯›»>|/•·]\s*")


_BREADCRUMB_MIN_PARTS = 3


_BREADCRUMB_MAX_WORDS = 20


_HASHTAG_LINE = re.compile(rf"^(?:{HASHTAG}\s*)+$")
"""A line of nothing but hashtags: "#CNN #News"."""


_AGED_TEASER = re.compile(
    r"^\S.{5,200}?\s+[-–—|•·]\s+(?:about\s+)?(?:\d+|an?|one)\s+"
    r"(?:second|minute|min|hour|hr|day|week)s?\s+ago$",
    re.I,
)
"""Another story's headline stamped with its age, as a list of the latest stories prints each:
"What to Know About the Heat Wave in Europe - 24 mins ago". A page's own headline is never
printed with how long ago it was posted after a dash."""


_SUBSCRIBE_CALL = re.compile(r"^(?:subscribe|sign\s+up|register|join)\b", re.I)
"""A box's call to subscribe, as its heading or its button: "Subscribe to The Week", "SUBSCRIBE &
SAVE", "Sign up"."""


_SUBSCRIBE_CALL_MAX_WORDS = 6


_VISIT_DATE = re.compile(
    r"^(?:view|viewed|visited|accessed|retrieved|printed|downloaded|today)(?:\s+on)?"
    r"(?:\s+date)?\s*:?\s*\d",
    re.I,
)
"""The time of a visit, not the page's date: "View Date:2024-12-23 23:49:08" (a label split
over two lines, "View" / "Date:…", is read as one)."""


_NOTE_LABEL = re.compile(r"^(?:editor[’']?s\s+)?note\s*:\s*\S", re.I)


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
    r"(?:to|with)\s+(?:add|include|correct|reflect|clarify|remove|update)\b)|"
    r"^(?i:updated)\s+(?:on\s+)?(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*:\s+\S"
)
"""A wire service's note on an updated story: "THIS IS A BREAKING NEWS UPDATE. AP’s earlier story
follows below." (a CFJC Today copy of an AP report), or an editor's note opening with what the
update did: "Updated to add Russian POW comments about North Korean soldiers." (Radio Free Asia,
under its standfirst), "This story has been updated to correct …", or dated before what it did
("Updated 2024-10-26: Inclusion of Doctorow article …", a blog's log of its changes): it speaks
of the story, not in it."""


_REFERENCE_LINKS = re.compile(r"^(?:\[\d{1,3}\]\s*https?://\S+\s*)+$")
"""A line of numbered reference links, nothing else: "[1] https://www.reuters.com/… [2]
https://www.bbc.com/…" (asb-media, under the text its "[1][5]" marks point to). The sources'
addresses are no sentence of the article."""


_UPDATE_NOTE_MAX_WORDS = 20


_COMMENT_SIGN_IN = re.compile(
    r"\bto\s+(?:leave|post|write|add|submit)\s+(?:a\s+|your\s+)?(?:comments?|repl(?:y|ies))\b"
    r"|\b(?:comments?|commenting|replies)\s+(?:is|are)\s+(?:only\s+)?(?:open|available)\s+to\b",
    re.I,
)


_SIGN_IN = re.compile(
    r"\b(?:sign(?:ed)?\s+in|log(?:ged)?\s+in|sign\s+up|register(?:ed)?|authori[sz]ed?)\b", re.I
)


_COMMENT_SIGN_IN_MAX_WORDS = 25


_SHOP_PROMOTION = re.compile(
    r"^(?i:explore|discover|browse|shop|dive\s+into|check\s+out|find)\b[^.!?]{0,160}?\bat\s+"
    r"(?:the\s+|our\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}(?i:shop|store|boutique)\s*[.!]?$",
)
"""A line that sends the reader to a site's shop, an imperative opening it and the shop's name
closing it: "Explore the unofficial world of DPRK-inspired apparel at NK News Shop.", "Dive into
a captivating collection of North Korea-themed t-shirts, hoodies and more at the NK News Shop."
(a podcast's transcript page). A report on a shop names it inside a sentence, not as a call."""


_ABOUT_THE_SHOW = re.compile(
    r"^about\s+(?:the|this|our)\s+(?:podcast|show|programme|program|channel|series|"
    r"newsletter|site|website|publication)\s*:\s*\S",
    re.I,
)
"""A show's own blurb, labelled: "About the podcast: The North Korea News Podcast is a weekly
podcast hosted by Jacco Zwetsloot exclusively for NK News, covering all things DPRK …" (under
an episode's description): what the show is, not what the episode says."""


_SUBMISSION_REVIEW = re.compile(
    r"\b(?:submissions?|comments?|sources?|suggestions?|tips?)\s+(?:are|is|will\s+be)\s+"
    r"(?:reviewed|moderated|checked|approved|vetted)\s+by\s+(?:an?\s+|our\s+|the\s+)?"
    r"(?:editors?|moderators?|editorial\s+team|team)\b|"
    r"\bsubmit\s+(?:it|them|a\s+\w+)\s+for\s+(?:editorial\s+)?review\b",
    re.I,
)
"""A site's note on how readers' submissions are handled: "Submissions are reviewed by an
editor before integration.", "If you've seen this event covered by another news outlet, submit
it for editorial review." A site speaking of its own workings, as ``_SITE_DISCLAIMER``; a
quotation is someone's words and stays."""


_SUBMISSION_REVIEW_MAX_WORDS = 30


_APP_BADGE_MAX_WORDS = 12


def weather_widgets(lines: list[str]) -> set[int]:
    """A temperature and the city under it ("66.5 F" / "Los Angeles"); and a masthead's line
    that prints the day with the weather ("Wednesday, December 4, 2024 77° Today's Paper"):
    the site's clock, the day the page was shown, which gives no date and is no headline."""
    found = set()
    for index, line in enumerate(lines):
        if _WEATHER.match(line):
            found.add(index)
            if index + 1 < len(lines) and is_heading(lines[index + 1]):
                found.add(index + 1)
        elif is_dated_weather(line):
            found.add(index)
    return found


def embedded_posts(lines: list[str], blocks: list[int]) -> set[int]:
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


def cut_repeats(lines: list[str], furniture: set[int]) -> set[int]:
    """A summary printed above the text and cut off by an ellipsis ("… indicating “that they
    fully intend...") whose words open the text under it: the same words again, furniture.
    Words are compared without their punctuation, and the last one may be cut mid-word: a
    feed's summary flattens the headline, by-line and caption under it into one line ("… in
    rare admission of losses Jessie Yeung, Gawon Bae, CNNAugust 22, 2025 at 5:20 AM North
    Korean leader … Russia KCNA North Korean l...")."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        stem = ELLIPSIS_END.sub("", line)
        if index in furniture or stem == line or len(stem.split()) < _REPEAT_MIN_WORDS:
            continue
        after = " ".join(
            lines[at]
            for at in range(index + 1, min(len(lines), index + 1 + _REPEAT_REACH))
            if at not in furniture
        )
        words = _WORDS.findall(stem.casefold())
        following = _WORDS.findall(after.casefold())
        opening = following[: len(words)]
        if opening[:-1] == words[:-1] and opening[-1:] and opening[-1].startswith(words[-1]):
            found.add(index)
    return found


_WORDS = re.compile(r"\w+")
_REPEAT_REACH = 5
"""How many lines under a cut summary its words may run over (headline, by-line, caption)."""


def comment_policies(lines: list[str], furniture: set[int]) -> set[int]:
    """A site's note on its comments right above a comment form's line (``_COMMENT_POLICY``)."""
    return {
        index
        for index, line in enumerate(lines[:-1])
        if index + 1 in furniture
        and chrome.is_form_or_consent(lines[index + 1])
        and chrome.word_count(line) <= _COMMENT_POLICY_MAX_WORDS
        and _COMMENT_POLICY.search(line)
    }


_CONTACT_LABEL = re.compile(
    r"^(?:(?:office|postal|mailing|physical|street|registered|head\s+office|our)\s+)?"
    r"(?:address|phone(?:\s+number)?|"
    r"telephone(?:\s+number)?|tel|fax|e-?mail(?:\s+address)?|mobile(?:\s+number)?)\s*:?$",
    re.I,
)
"""A label of a site's contact details alone on its line: "Office Address", "Physical
Address" (a site theme's contact block), "Phone Number", "Email Address", "Fax:"."""


_CONTACT_VALUES = 3
"""The most lines a contact label's values take (two phone numbers, an address on two)."""


def contact_blocks(lines: list[str]) -> set[int]:
    """A site's contact details, label by label ("Office Address" / "123/A, Miranda City …" /
    "Phone Number" / "+0989 7876 …" / "Email Address" / "info@…"): two labels or more, each
    within ``_CONTACT_VALUES`` lines of the next, with the lines between them and as many
    short lines under the last as the block's other labels have (an address on two lines under
    each of two "Physical Address" labels, a theme's block printed twice). The address under the
    first had been read as the page's headline. One label alone ("Address") may be a sub-head
    of the story."""
    labels = [index for index, line in enumerate(lines) if _CONTACT_LABEL.match(line.strip())]
    found: set[int] = set()
    values = 1
    for first, second in pairwise(labels):
        if second - first - 1 <= _CONTACT_VALUES:
            found.update(range(first, second + 1))
            values = max(values, second - first - 1)
    for label in labels:
        if label not in found or label + 1 in found:
            continue
        for under in range(label + 1, min(label + 1 + values, len(lines))):
            if chrome.word_count(lines[under]) > CTA_MAX_WORDS:
                break
            found.add(under)
    return found


def subscription_boxes(lines: list[str]) -> set[int]:
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


def subscription_pitches(lines: list[str], furniture: set[int]) -> set[int]:
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
            unquoted = QUOTED_SPAN.sub(" ", pitch)
            if after in furniture or chrome.word_count(pitch) > _PITCH_LINE_MAX_WORDS:
                break
            if not (
                _SUBSCRIBE_CALL.match(pitch)
                or _FIRST_PERSON_PLURAL.search(unquoted)
                or SECOND_PERSON.search(unquoted)
            ):
                break
            found.add(after)
    return found


def pitch_lead_ins(lines: list[str], furniture: set[int]) -> set[int]:
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
        and not _quotes(line)
        and bool(_JOURNALISM.search(line))
    }


def _is_subscribe_call(line: str) -> bool:
    return chrome.word_count(line) <= _SUBSCRIBE_CALL_MAX_WORDS and bool(
        _SUBSCRIBE_CALL.match(line)
    )


def is_furniture(line: str, key: str, boilerplate: frozenset[str]) -> bool:
    """A line that is never article text, whatever the page."""
    return key in FURNITURE or key in boilerplate or _is_furniture_shaped(line)


@lru_cache(maxsize=PER_LINE_CACHE)
def _is_furniture_shaped(line: str) -> bool:
    words = chrome.word_count(line)
    return (
        bool(_REFERENCE_LINKS.match(line))
        or is_editorial_note(line)
        or _is_translation_notice(line)
        or bool(_WIRE_STAFF_CREDIT.match(line))
        or bool(_SOURCE_CREDIT.match(line))
        or bool(_BANNER.match(line))
        or (words <= CTA_MAX_WORDS and bool(_MEDIA_CREDIT.match(line)))
        or (words <= CTA_MAX_WORDS and bool(CALL_TO_ACTION.match(line)))
        or (words <= CTA_MAX_WORDS and bool(_CONTACT_PROMPT.search(line)))
        or (words <= CTA_MAX_WORDS and bool(NAVIGATION_LABEL.match(line)))
        or bool(MORE_STORIES.match(line))
        or bool(TOPIC_LINK_LINE.match(line))
        or bool(_FEED_TAIL.match(line))
        or (words <= _UPDATE_NOTE_MAX_WORDS and bool(_UPDATE_NOTE.search(line)))
        or bool(_COPYRIGHT.search(line))
        or (words <= PROMPT_MAX_WORDS and bool(SHARE_PROMPT.match(line)))
        or bool(_SITE_NOTICE.match(line))
        or (words <= _ABOUT_THE_PAGE_MAX_WORDS and bool(_ABOUT_THE_PAGE.search(line)))
        or (words <= CTA_MAX_WORDS and bool(_LINKS_NOTICE.search(line)))
        or bool(_PICTOGRAPH.match(line))
        or _is_symbol_widget(line)
        or _is_code(line)
        or is_breadcrumb(line)
        or is_photo_credit(line)
        or _is_membership_pitch(line)
        or (words <= _PITCH_MAX_WORDS and bool(_READER_APPEAL.search(line)))
        or chrome.is_form_or_consent(line)
        or chrome.is_post_signature(line)
        or bool(_VISIT_DATE.match(line))
        or bool(_LOADING.match(line))
        or bool(_LIVE_GREETING.match(line))
        or bool(_LIVE_SIGN_OFF.match(line))
        or (words <= _VISIT_MAX_WORDS and bool(_VISIT_ADDRESS.search(line)))
        or (words <= _VISIT_MAX_WORDS and bool(_OWN_CHANNEL.match(line)))
        or _is_site_disclaimer(line)
        or (words <= _ABOUT_THE_PAGE_MAX_WORDS and bool(_LOADING_NOTICE.search(line)))
        or bool(_VIEWS_DISCLAIMER.match(line))
        or (words <= _DISCLAIMER_MAX_WORDS and bool(_LABELLED_DISCLAIMER.match(line)))
        or chrome.is_glued_source_credit(line)
        or _is_doubled_label(line)
        or bool(_HASHTAG_LINE.match(line))
        or bool(AD_BREAK.match(line))
        or bool(_CONTRIBUTION_CREDIT.match(line))
        or bool(_COMMENTS_CLOSED.match(line))
        or bool(_SYNDICATION_NOTE.match(line))
        or (words <= _DISCLAIMER_MAX_WORDS and bool(_MAKING_NOTE.match(line)))
        or (words <= _DISCLAIMER_MAX_WORDS and bool(chrome.READERS_APPEAL.match(line)))
        or bool(_ACCESS_NOTICE.match(line))
        or role_credit(line) is not None
        or (bool(APP_BADGE.match(line)) and words <= _APP_BADGE_MAX_WORDS)
        or bool(_ALT_TEXT.match(line))
        or bool(_SKIP_LINKS.match(line))
        or bool(_WATCH_TEASER_LINE.match(line))
        or bool(_AGED_TEASER.match(line))
        or bool(MARKED_NAMES.match(line))
        or (not SENTENCE_END.search(line) and bool(_COMMENT_COUNT.search(line)))
        or _is_helpline_notice(line)
        or _is_comment_sign_in(line)
        or bool(_SHOP_PROMOTION.match(line))
        or bool(_ABOUT_THE_SHOW.match(line))
        or _is_submission_review(line)
        or _is_in_another_language(line)
    )


def _is_in_another_language(line: str) -> bool:
    """A line of an English page written in another language: another edition's headline or
    caption ("Indonesia Resmi Minta Bergabung ke BRICS, Menlu Sugiono Ungkap Alasannya"), a
    comment policy ("Türkçe karakter kullanılmayan ve büyük harflerle yazılmış yorumlar
    onaylanmamaktadır."). Of its words of four letters or more (acronyms aside), at least
    ``_FOREIGN_MIN_WORDS``, three in four are in no English dictionary (``is_english_word``),
    and it has none of English's commonest words. A line with an address or a handle is left
    to the rules for credits and embedded posts (a post's signature names its author)."""
    if "@" in line or "://" in line:
        return False
    words = _LETTER_WORD.findall(line)
    if any(word.casefold() in _COMMONEST_ENGLISH for word in words):
        return False
    longer = [word for word in words if len(word) >= 4 and not word.isupper()]
    if len(longer) < _FOREIGN_MIN_WORDS:
        return False
    foreign = [word for word in longer if not is_english_word(word.casefold())]
    return len(foreign) >= _FOREIGN_SHARE * len(longer)


_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_COMMONEST_ENGLISH = frozenset(
    {"the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "that", "said", "has"}
    | {"have", "are", "were", "by", "from", "as", "at", "it", "its", "his", "her", "their"}
)
_FOREIGN_MIN_WORDS = 5
_FOREIGN_SHARE = 0.75


def _is_comment_sign_in(line: str) -> bool:
    """A comment form's prompt telling the reader to sign in before commenting: "Dear reader,
    to leave comments on the publication, you must sign in." It speaks to the reader, of
    commenting (``_COMMENT_SIGN_IN``) and of signing in (``_SIGN_IN``), in a short line without
    a quotation; a report on a site's rules ("Users must register to post comments, the
    regulator said") speaks of users, not to "you"."""
    return (
        chrome.word_count(line) <= _COMMENT_SIGN_IN_MAX_WORDS
        and not _quotes(line)
        and bool(SECOND_PERSON.search(line) or _DEAR_READER.match(line))
        and bool(_COMMENT_SIGN_IN.search(line))
        and bool(_SIGN_IN.search(line))
    )


_DEAR_READER = re.compile(r"^dear\s+(?:readers?|users?|visitors?)\b", re.I)


def _is_submission_review(line: str) -> bool:
    """A site's note on reviewing submissions (``_SUBMISSION_REVIEW``), in a short line
    without a quotation."""
    return (
        chrome.word_count(line) <= _SUBMISSION_REVIEW_MAX_WORDS
        and not _quotes(line)
        and bool(_SUBMISSION_REVIEW.search(line))
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
    if len(words) > _DOUBLED_LABEL_MAX_WORDS or SENTENCE_END.search(line):
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
        and not _quotes(line)
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
def is_breadcrumb(line: str) -> bool:
    """A trail of section names: "Government ❯International Relations ❯Security Issues"."""
    if chrome.word_count(line) > _BREADCRUMB_MAX_WORDS:
        return False
    parts = [part for part in _BREADCRUMB_SEPARATOR.split(line) if part]
    return (
        len(parts) >= _BREADCRUMB_MIN_PARTS
        and all(len(part.split()) <= LABEL_MAX_WORDS + 1 and part[0].isupper() for part in parts)
        and not SENTENCE_END.search(line)
    )


_SITE_VOICE = re.compile(r"\b(?:we|us|our)\b", re.I)


_READER_VOICE = re.compile(r"\b(?:you|your)\b", re.I)


def notices_under_credit(lines: list[str], furniture: set[int]) -> set[int]:
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
            and not _quotes(line)
        ):
            found.add(index)
    return found


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
        and not LIST_ITEM.match(line)
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


def is_editorial_note(line: str) -> bool:
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
        and (":" in line or bool(STATEMENT_END.search(line)))
    )


def _closing_bracket(line: str) -> int:
    depth = 0
    for index, char in enumerate(line):
        depth += char in "(["
        depth -= char in ")]"
        if depth == 0:
            return index
    return -1


_FIRST_PERSON_PLURAL = re.compile(r"\b(?i:we|us|our|we[’']ve|we[’']re)\b")


SECOND_PERSON = re.compile(r"\b(?i:you|your|you[’']re|you[’']ve)\b")


QUOTED_SPAN = re.compile(r"[\"“][^\"“”]*[\"”]")


def appeals_above(lines: list[str], title_at: int | None, furniture: set[int]) -> set[int]:
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
        and not is_metadata(lines[index])
        and chrome.word_count(lines[index]) <= TITLE_MAX_WORDS
        and _FIRST_PERSON_PLURAL.search(QUOTED_SPAN.sub(" ", lines[index]))
    }


_VOTE_SCORE = re.compile(r"^\d{1,3}\.\s*[+−–-]\s?\d{1,5}$")
"""A reader comment's number and its signed vote score, on its own line: "1. +9", "1. -2"."""


_COMMENT_MAX_LINES = 4


def comment_threads(lines: list[str], furniture: set[int]) -> set[int]:
    """Readers' comments under the story: a comment's vote score ("1. +9") over its time stamp
    ("24 October 2024 16: 06", read as furniture or a date line), and the few lines under the
    stamp up to the next score, the comment itself ("— We're changing. bucks on Brix ...").
    A story's paragraphs never sit under a signed score and a time stamp."""
    found: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        stamp = index + 1
        if not _VOTE_SCORE.match(line) or not (
            stamp in furniture or printed_dates.date_line(lines[stamp])
        ):
            continue
        found.update((index, stamp))
        for after in range(stamp + 1, min(len(lines), stamp + 1 + _COMMENT_MAX_LINES)):
            if _VOTE_SCORE.match(lines[after]):
                break
            found.add(after)
    return found
