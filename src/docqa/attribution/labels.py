"""Transcript speaker labels: the name that opens a turn, in every common shape, and what is not one.

One table (``SHAPES``) of the shapes transcripts print their speakers in, tried in order:

* ``colon``: ``NAME:`` (``ANTONY BLINKEN:``, ``Sen. WARREN:``, ``**Ana Ruiz:**``, ``[HOST]:``);
* ``qa``: interviews printed as ``Q.`` / ``A.``;
* ``period``: the records of legislatures (the US Government Publishing Office's style): ``The
  CHAIRMAN.``, ``Senator SCOTT.``, ``Mr. GARCIA of Illinois.``, ``The PRESIDING OFFICER (Mr. KESSLER).``,
  the text following on the same line.  The name is in capitals, and a document must use the shape
  several times (``PERIOD_MIN``) before any of its paragraphs is read so: "Mr. Smith. He left." in a
  story is prose.

Besides turns, ``statement_of`` reads the headings that make what follows one person's words
(``STATEMENT OF JANE DOE, DIRECTOR, …``, ``[The prepared statement of Mr. Doe follows:]``).

>>> parse_label("ANTONY BLINKEN: Thank you.", 0, 26).name
'ANTONY BLINKEN'
>>> parse_label("Last updated: 23 Mar. 2021 12:07", 0, 32) is None
True
>>> t = "Senator SCOTT. Thank you, Mr. Chairman."
>>> parse_label(t, 0, len(t)).name, parse_label(t, 0, len(t)).shape
('Senator SCOTT', 'period')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from docqa.attribution import names
from docqa.language.labels import NOT_SPEAKERS, is_speaker_label, names_office, names_someone, split_parenthesised, unqualified
from docqa.language.lexicon import ABBREVIATED, ROLE_WORDS
from docqa.language.tokens import without_article
from docqa.language.words import CAPITALS

# A recording's time: "00:01:05", "1:02:03.450", "0:05".
TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
# A day as a page prints it under a post: "Nov 28, 2026", "14 March 2026"
WRITTEN_DAY = r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4})"
# A time opening a turn, as podcast and meeting transcripts print it ("[00:01:05] Name:", "(0:05) Name:",
# "00:01:05 Name:"); unbracketed only with seconds, so that an agenda's "9:00 Keynote:" is no turn.
# A chat export's date and time before the sender, as WhatsApp writes it: "12/03/2024, 18:02 -", "[12/03/2024, 18:02:45]",
# "3/12/24, 6:02 PM -"
CHAT_STAMP = (r"\[?\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]*[AaPp]\.?[Mm]\.?)?\]?"
              r"(?:[ \t]+[-–])?")
TIME_PREFIX = r"(?:[\[(]" + TIME + r"[\])]|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?|" + r"(?:" + CHAT_STAMP + r"))[ \t]+"
# An order paper's question number before a member's label, which names the constituency and the party in parentheses:
# "1. Ms Ana Ruiz (Oakton) (Lab):", "T2. [90420] Bo Li (Northway) (Con):"; a list's "1. Budget:" keeps its number
_ORDER_NUMBER = (r"(?:T?\d{1,4}\.[ \t]+(?=(?:\[\d{1,9}\][ \t]+)?[A-Z][^\s:()]*(?:[ \t]+[A-Z][^\s:()]*){1,5}"
                 r"[ \t]*\([^\n:()]{2,40}\)[ \t]*\([^\n:()]{1,30}\)[ \t]*:))")
_LABEL = re.compile(  # "Q12 Chair:", "Q1. [904512] Ms Anand-Wells (Hove) (Lab):": evidence's and order papers' numbers first
    r"[ \t>•*\-–]*(?:" + TIME_PREFIX + r")?(?:\*\*|__|\[)?(?:Q\d{1,4}\.?[ \t]+|" + _ORDER_NUMBER + r")?(?:\[\d{1,9}\][ \t]+)?"
    r"(?P<name>[^\s:\[\]*][^\n:\[\]*]{0,119}?)[ \t]*"  # an office and its holder may take 120 (``is_speaker_label``)
    r"(?:\*\*|__|\])?(?:[ \t]*[\[(]" + TIME + r"[\])])?[ \t]*:"  # "Name (00:14):", as transcription services print it
    r"(?:\*\*|__)?(?=[ \t\n]|$)"
)
# Labels that name a role in the conversation rather than a person; the first of each group is canonical.
ROLE_LABELS = (
    ("QUESTION", {"q", "q.", "question", "questioner", "reporter", "journalist", "the press"}),
    ("ANSWER", {"a", "a.", "answer"}),
    # research interviews and focus groups: "I:" asks, "R:" answers ("P1:", "P2:" are participants: ``generic_role``)
    ("INTERVIEWER", {"i", "int", "int.", "iv", "interviewer"}),
    ("RESPONDENT", {"r", "resp", "resp.", "respondent", "interviewee"}),
)
# Offices that are one in a record: "Facilitator: Marguerite Osei" above the "I:" turns says who asks.
SAME_ROLE = {"facilitator": "interviewer", "interviewer": "interviewer"}
# A diarisation's or a transcriber's numbered voice, in lower case: "speaker 2", "speaker_00", "spk_1", "male 1".
NUMBERED_VOICE = re.compile(r"(speaker|spk|participant|person|voice|male|female)[ _-]?(\d+|[a-z])")
GENERIC_ROLES = {
    "moderator", "host", "interviewer", "interpreter", "translator", "operator", "participant",
    "audience", "audience member", "audience members", "aide", "staff", "speaker", "narrator",
    "announcer", "chair", "chairman", "chairwoman", "the president", "the vice president",
    "the first lady", "the second gentleman", "senior administration official", "child", "crowd",
    "multiple speakers", "unidentified speaker", "unknown speaker", "unidentified", "presenter",
    "panelist", "voice", "off-mic", "several", "all", "military aide", "white house aide",
    # a different member of the public at each turn, where no one says who ("STUDENT:", "CALLER:"): a voice, no name
    "student", "caller", "analyst", "witness", "resident", "commenter", "citizen", "public speaker", "member of the public",
}


@dataclass(frozen=True)
class Label:
    """A speaker label opening a paragraph: the name as written, where the speech begins, and its shape."""

    name: str
    start: int
    end: int
    body_start: int
    shape: str = "colon"


# Interviews printed as "Q. How bad is it?" / "A. Very."
# or "Q<tab>", as reporters type it; "Q. (By Ms. Roe) Go on." after an objection
_QA_LABEL = re.compile(r"[ \t]*(?P<name>Q|A)(?:\.[ \t]+|\t[ \t]*|[ ]{2,})(?=[A-Z0-9“\"'(])")
# "The CHAIRMAN.", "Senator SCOTT.", "Mr. GARCIA of Illinois.", "The PRESIDING OFFICER (Mr. KESSLER).",
# "The SPEAKER pro tempore.", "Dr. VOSS.": capitals for the name, title words before it in any case.
_CAPS = rf"[{CAPITALS}][{CAPITALS}'’\-]+"  # accented capitals too: "Ms. JOSÉ ÁLVAREZ."
_PERIOD_LABEL = re.compile(
    r"[ \t]*(?P<name>(?:The[ \t]+)?(?:(?:[A-Z][a-z]+\.?|[A-Z]{2,}\.)[ \t]+){0,3}?" + _CAPS + r"(?:[ \t]+" + _CAPS + r")*"
    r"(?:[ \t]+pro[ \t]+tempore)?(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"(?:[ \t]*\((?:Mr|Ms|Mrs|Dr)\.[ \t]+" + _CAPS + r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?\))?)"
    r"\.[ \t]+(?=[A-Z0-9“\"'(\[])"
)
PERIOD_MIN = 3  # paragraphs a document must open with a label of a ``COUNTED`` shape before any is read as one
# Chat exports and some transcription services print the speaker on a line of their own with the time, the words
# below: "Gareth Mwangi  9:16 AM" / "Marisol Ferreira  0:05", and Otter's unnamed "Speaker 1  0:03".  Like period
# labels, counted only in a document that opens ``PERIOD_MIN`` paragraphs so.  Discord puts a dash and the day
# between: "Ana Ruiz — Today at 9:16 AM", "— Yesterday at 9:16 PM", "— 03/12/2025 9:16 AM"; some meeting
# recorders a dash alone ("Ana Ruiz - 00:05"); others the time first, with its seconds ("00:00:05 Ana Ruiz";
# an agenda's "10:00 Keynote" is none).  Teams writes the name surname first: "Ruiz, Ana   0:04".
_DAY = r"(?:(?i:today|yesterday|last[ \t]+\w+day|\w+day)(?:[ \t]+at)?|\d{1,4}[./-]\d{1,2}[./-]\d{2,4},?(?:[ \t]+at)?)"
_MESSAGE_DAY = r"(?:[ \t]+[—–-](?:[ \t]+" + _DAY + r")?)?"
_HEADER_LABEL = re.compile(
    r"[ \t]*(?:(?P<first>[\[(]?\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?[\])]?)[ \t]+)?"
    r"(?P<name>[A-Z][^\n:\d\[\]()—–]{0,59}?(?:[ \t]+\d{1,2})?)"
    r"(?(first)|" + _MESSAGE_DAY + r"[ \t]+(?:\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?|[\[(]" + TIME +
    r"[\])]))[ \t]*\n(?=[ \t]*\S)"
)

# Discord's, where the sender is any display name, a lowercase handle too ("ana_r — Today at 8:15 AM", "Board secretary
# (Bo) — Yesterday at 9:14 PM"): the dash and the day make the line a message's header
_DAY_HEADER = re.compile(r"[ \t]*(?P<name>[^\s—–:][^\n—–:]{0,39}?)[ \t]+[—–][ \t]+" + _DAY + r"[ \t]+\d{1,2}:\d{2}"
                         r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*\n(?=[ \t]*\S)")

# Telegram's copied messages: "Ana Ruiz, [02.12.26 19:04]" over the message
_STAMPED_HEADER = re.compile(r"[ \t]*(?P<name>[^\s,\[\]:][^\n,\[\]:]{0,39}?),[ \t]*\[\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?[ \t]+"
                             r"\d{1,2}:\d{2}(?::\d{2})?\][ \t]*\n(?=[ \t]*\S)")
# a video's comment: the commenter's handle and how long ago, on a line of their own ("@ana_r 3 days ago (edited)")
_AGO = r"\d{1,3}[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago"  # "3 days ago", as social pages date a post
_AGO_HEADER = re.compile(r"[ \t]*@(?P<name>[\w][\w.\- ]{0,39}?)[ \t]+" + _AGO + r"(?:[ \t]*\(edited\))?[ \t]*\n(?=[ \t]*\S)")
# a Teams chat copied: the time in brackets, the sender surname first, on a line of its own ("[09:14] Ruiz, Ana"); an
# iMessage export's date line over the sender's ("Dec 02, 2026  7:14:02 PM" / "Ana Ruiz")
_TEAMS_HEADER = re.compile(r"[ \t]*\[\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?\][ \t]+(?P<name>[A-Z][^\n\[\]:]{1,59}?)[ \t]*\n"
                           r"(?=[ \t]*\S)")
_DATED_SENDER = re.compile(r"[ \t]*[A-Z][a-z]{2}[ \t]+\d{1,2},[ \t]+\d{4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?"
                           r"[ \t]*\n[ \t]*(?P<name>[^\s\d][^\n:]{0,59}?)[ \t]*\n(?=[ \t]*\S)")
# a profile's card over its words, as LinkedIn, review sites and Q&A sites print them: the name (LinkedIn adds "• 2nd"),
# perhaps a line of what they do, then a line only such cards have ("3d • Edited", "42 reviews · 118 photos", "★★★★☆ 2
# weeks ago", "Sailing instructor · Answered 3y"); a Q&A site's "Answer 2" above
_CARD_META = (r"(?:\d{1,2}[smhdwy](?:o|mo)?(?:[ \t]*•[ \t]*Edited)?|[^\n]*\b\d+[ \t]+reviews?\b[^\n]*"
              r"|[★☆]{5}[^\n]*|[^\n]*·[ \t]*(?:Answered|Updated)[ \t]+[^\n]{1,20})")
_CARD = re.compile(r"(?:[ \t]*Answer[ \t]+\d{1,3}[ \t]*\n)?[ \t]*(?P<name>[A-Z][^\n•·:@\d]{1,59}?)"
                   r"(?:[ \t]*•[ \t]*(?:1st|2nd|3rd\+?))?[ \t]*\n(?:[ \t]*[^\n]{1,100}\n)?[ \t]*" + _CARD_META
                   + r"[ \t]*\n(?=[ \t]*\S)")
# a fediverse post: the author, their address in brackets, perhaps the date on the next line ("Ana Ruiz (@ana@example.social)")
_FEDI_POST = re.compile(r"[ \t]*(?P<name>[A-Z][^\n@()]{0,59}?)[ \t]*\(@[\w.]+@[\w.-]+\)[ \t]*\n"
                        r"(?:[ \t]*[^\n]{0,40}\d[^\n]{0,40}\n)?(?=[ \t]*\S)")
# a forum comment as old Reddit prints it: "[–] ana_r 41 points 6 hours ago"
_POINTS_POST = re.compile(r"[ \t]*\[[–-]\][ \t]*(?P<name>[\w-]{2,30})[ \t]+-?\d+[ \t]+points?\b[^\n]{0,40}\n(?=[ \t]*\S)")
# a code host's issue thread copied from the page: "ana-ruiz commented on Nov 28, 2026" (or "3 days ago"), perhaps a
# badge line ("Member", "Author") under it
_COMMENTED = re.compile(r"[ \t]*(?P<name>\w[\w.-]{0,38})[ \t]+commented[ \t]+(?:on[ \t]+" + WRITTEN_DAY + r"|" + _AGO
                        + r"|yesterday|today)[ \t]*\n"
                        r"(?:[ \t]*(?:Member|Author|Owner|Contributor|Collaborator|Maintainer)[ \t]*\n)?(?=[ \t]*\S)")
# A photo app's comments as copied from the page: the handle, then the comment on the same line, then a line of its
# age, likes and "Reply" ("ana.ruiz Worth the queue.\n2d 14 likes Reply"); the post's own caption under "ana.ruiz • Follow"
_PHOTO_COMMENT = re.compile(r"[ \t]*(?P<name>[a-z0-9_][\w.]{1,29})[ \t]+(?=\S[^\n]*\n[ \t]*\d{1,3}[smhdw][ \t]+"
                            r"(?:[\d,.]+[kK]?[ \t]+likes?[ \t]+)?Reply[ \t]*(?:\n|$))")
_PHOTO_POST = re.compile(r"[ \t]*(?P<name>[a-z0-9_][\w.]{1,29})[ \t]*•[ \t]*Follow[ \t]*\n(?=[ \t]*\S)")
# A comment's last line, as pages print it under the words: its age, its likes, "Reply" ("2d 14 likes Reply", "212 likes
# Reply"): the page's, no one's words
REACTIONS = re.compile(r"\n[ \t]*(?:\d{1,3}[smhdw](?:[ \t]+[\d,.]+[kK]?[ \t]+likes?)?|[\d,.]+[kK]?[ \t]+likes?)"
                       r"(?:[ \t]+Reply)?[ \t]*$")
# A product page's answer (or question) signed on a line below it: "By Ana Ruiz on 14 March 2026", "Answered by Bo Li"
SIGNED = re.compile(r"(?m)^[ \t]*(?:(?:Asked|Answered|Posted)[ \t]+by|By|[—–])[ \t]+"
                    r"(?P<who>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3})(?:[ \t]+on[ \t]+" + WRITTEN_DAY + r")?[ \t]*$")
# a link aggregator's comment: "ana_r 5 hours ago | parent | next [–]"
_AGO_COMMENT = re.compile(r"[ \t]*(?P<name>[\w-]{2,30})[ \t]+" + _AGO + r"[ \t]*(?:\|[^\n\[]{0,60})?\[[–-]\][ \t]*\n(?=[ \t]*\S)")
# a stream's chat replay: the time, the sender (a handle or a channel's name) and a colon ("18:05 ana_r: is it on?")
STAMPED_CHAT = r"[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?P<name>[^\s:][^\n:]{0,39}?):[ \t]+(?=\S)"
_STAMPED_CHAT = re.compile(STAMPED_CHAT)
# an assistant's conversation copied as it shows it: "You said:" and "ChatGPT said:" on lines of their own
_SAID_LINE = re.compile(r"[ \t]*(?P<name>[A-Z][\w.\- ]{0,29}?)[ \t]+said:[ \t]*\n(?=[ \t]*\S)")


def _period_name(name: str) -> bool:
    """A period label's name: a short run with a capitalised name in it, not an acronym heading ("U.S.")."""
    words = name.replace("(", " ").replace(")", " ").split()
    if words and f"{words[-1].lower()}." in ABBREVIATED:
        return False  # "STATEMENT OF HON. X": the period is a title's, before the name
    caps = [w for w in words if len(w.strip(".'’-")) >= 2 and w.strip(".'’-").isupper()]
    return bool(caps) and len(words) <= 9 and name.lower().strip(" .") not in NOT_SPEAKERS


@dataclass(frozen=True)
class Shape:
    """One way transcripts print a speaker: the pattern of the label and what its name must be."""

    name: str
    pattern: re.Pattern[str]
    valid: Callable[[str], bool]


# Earnings calls and some event transcripts put the speaker on a line of their own with their role after dashes,
# the words in the paragraphs below ("Marisol Ferreira -- Chief Executive Officer", "Tobias Lindqvist -- Northgate
# Securities -- Analyst"), and the operator's or moderator's turns under a line that says only that ("Operator").
# A name's words may be hyphenated ("Ruiz-Pardo"); the dashes between name and role have spaces around them.
# A name ends in a letter: "Ana Ruiz-Pardo (PPE). – I agree" is a parliament's report label (``_REPORT_LABEL``).
# Some services print one hyphen between spaces ("Marisol Ferreira - Chief Executive Officer"), not two.
# The words follow in the paragraphs below or, where no blank line parts them, on the next line.
_LINE_END = r"[ \t]*(?:$|\n(?=[ \t]*\S))"
_DASH_WORD = r"[^\W\d_][\w'’.]*(?:-[\w'’.]+)*"
_DASH_LABEL = re.compile(r"[ \t]*(?P<name>(?=[A-Z])" + _DASH_WORD + r"(?:[ \t]+" + _DASH_WORD + r"){0,5}(?<=[^\W\d_]))"
                         r"(?:[ \t]+(?:--?|—|–)[ \t]+[^\n]{1,80}?){1,3}" + _LINE_END)
_DASHES = re.compile(r"[ \t]+(?:--?|—|–)[ \t]+")


def dash_office(text: str, label: Label) -> str | None:
    """The office a dash label writes after its name, as a title: "Chief Executive Officer" -> "chief executive officer",
    "Vice President, Investor Relations" -> "vice president of Investor Relations", "Eastgate Capital -- Analyst" ->
    "analyst of Eastgate Capital"; None where the last part names no office.

    >>> t = "Bo Li -- Eastgate Capital -- Analyst"
    >>> dash_office(t, parse_label(t, 0, len(t)))
    'analyst of Eastgate Capital'
    """
    at = label.end
    if not _DASHES.match(text, at):  # a name alone on its line: its role is in the list of participants above
        listed = re.search(r"(?m)^[ \t]*" + re.escape(label.name) + r"(?=" + _DASHES.pattern + ")", text)
        if listed is None:
            return None
        at = listed.end()
    line_end = text.find("\n", at)
    parts = [p.strip() for p in _DASHES.split(text[at : line_end if line_end >= 0 else len(text)]) if p.strip()]
    if not parts:
        return None
    office, _, body = parts[-1].partition(",")
    office = office.strip().lower()
    if not office or office.split(" of ")[0].split()[-1] not in ROLE_WORDS:  # "head of investor relations": "head"
        return None
    bodies = [b.strip() for b in (*parts[:-1], body) if b.strip()]
    return f"{office} of {' and '.join(bodies)}" if bodies else office


_ROLE_LINE = re.compile(r"[ \t]*(?P<name>[A-Z][A-Za-z ]{1,30}?)" + _LINE_END)

# Some interview and hearing transcripts print the speaker's name in capitals on a line of its own, the words on the
# next line: "DANA WHITFIELD" / "Welcome back."  Counted like period labels, and only where a name repeats (a
# report's headings in capitals above their text never do).
_CAPS_LINE = re.compile(rf"[ \t]*(?P<name>[{CAPITALS}][{CAPITALS}.'’\-]+(?:[ \t]+[{CAPITALS}][{CAPITALS}.'’\-]+){{1,3}})"
                        r"[ \t]*\n(?=[ \t]*\S)")
# The same with one word, as interview transcripts print surnames ("MARCHETTI" / "Fuel."): counted only as a dialogue, two
# names taking turns, each at least twice (``DIALOGUE``), so that a story's repeated "ADVERTISEMENT" line is no one.
_WORD_LINE = re.compile(rf"[ \t]*(?P<name>[{CAPITALS}][{CAPITALS}'’]+(?:-[{CAPITALS}][{CAPITALS}'’]+)?)[ \t]*\n(?=[ \t]*\S)")

# A parliament's verbatim report: "Elsbeth Vandermeulen-Koch, on behalf of the PPE Group. – Madam President, …",
# "Elsbeth Vandermeulen-Koch (PPE). – I agree …": the name, who they speak for, a period and a dash, the words.
_REPORT_LABEL = re.compile(r"[ \t]*(?P<name>[A-Z][^\n.,:;–—()]{1,60}?)"
                           r"(?:,[ \t]+(?:on[ \t]+behalf[ \t]+of|for)[ \t]+[^\n.–—]{2,80}|[ \t]*\([^)\n]{1,40}\))?"
                           r"\.[ \t]+[–—-][ \t]+(?=\S)")

# Podcast and interview transcripts exported from notes apps and some transcription services: the speaker in square
# brackets before their words ("[Ottilie Achebe-Moss] Welcome back."), or in bold on a line of their own, the words
# below ("**Ottilie Achebe-Moss**").  Counted and repeated like names in capitals on their own line, and a person's
# name ("[Applause]", "**Background**" are none).
# A podcast's Markdown may give the time after the bold name: "**Ottilie Achebe-Moss** [00:00:04]".
# Zoom's saved transcript puts the time after the name and the words on the next line: "[Ottilie Achebe-Moss] 10:02:03".
_BRACKET_LABEL = re.compile(r"[ \t]*\[(?P<name>[^\]\n:]{2,60})\](?:[ \t]+" + TIME + r"[ \t]*\n[ \t]*|[ \t]+)(?=\S)")
_BOLD_LINE = re.compile(r"[ \t]*(?:\*\*|__)(?P<name>[^*_\n:]{2,60}?)(?:\*\*|__)(?:[ \t]+[\[(]?" + TIME + r"[\])]?)?"
                        r"[ \t]*(?:\n|$)")


# Notes with a heading per person over the points they gave, as stand-up and status notes are written: "## Ana Ruiz" then
# "- Finished the migration …"
_NAME_HEADING = re.compile(r"[ \t]*#{2,4}[ \t]+(?P<name>[^\n#:]{3,60}?)[ \t]*\n(?=[ \t]*[-*•][ \t]+\S)")


def _person_label(name: str) -> bool:
    """A label of the bracket or bold-line shape: a speaker label that is someone's name or an honorific and a name."""
    return len(name.split()) <= 5 and is_speaker_label(name) and names_someone(name)


# A meeting's transcript as Teams saves it: each cue's times on a line ("0:0:3.420 --> 0:0:8.150", single digits
# allowed), the speaker on the next, the words below.  Counted like names in capitals on their own line.
CUE_TIMES = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?[ \t]*-->[ \t]*\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?"
_CUE_LABEL = re.compile(r"[ \t]*" + CUE_TIMES + r"[ \t]*\n\s*(?P<name>[^\s\d:][^\n:]{1,59}?)[ \t]*\n\s*(?=\S)")

# A meeting's chat as Zoom saves it: "10:02:13 From Harriet Quayle to Everyone:" (the message on the next line), "10:04:17
# From A to B (Direct Message):", or older, "10:02:13	 From  Harriet Quayle : message".
_MEETING_CHAT = re.compile(r"[ \t]*\d{1,2}:\d{2}:\d{2}[ \t]+From[ \t]+(?P<name>[^\n:]{1,60}?)"
                           r"(?:[ \t]+to[ \t]+[^\n:]{1,60}?)?[ \t]*:")

# A chat client's log (IRC, as irssi, WeeChat or ZNC save it): "[09:58] <ana_r> is the deploy blocked?", "09:58 <@bo> yes",
# "<ana_r> …": the nickname in angle brackets (after a channel operator's "@" or a voice's "+") is the speaker.
_STAMP = r"[\[(]?" + TIME + r"[\])]?"  # a recording's or a message's time, bracketed or not: "[09:58]", "00:05:00"
CHAT_STAMP_SHORT = r"(?:" + _STAMP + r"[ \t]+)?"
CHAT_NOTICE_MARK = r"(?:\*{1,3}|-!-|<--|-->)"  # a chat client's notice: "* bo has joined #ops", "-!- …"
_CHAT_NICK = re.compile(r"[ \t]*" + CHAT_STAMP_SHORT + r"<[@+%~&]?(?P<name>[^\s<>@+%~&][^\s<>]{0,31})>[ \t]+(?=\S)")

# A chat export's sender saved by number, not name: "12/03/2026, 18:20 - +44 7700 900412: …"
_CHAT_NUMBER = re.compile(r"[ \t]*" + CHAT_STAMP + r"[ \t]+(?P<name>\+?\d[\d \t().-]{5,20}\d)[ \t]*:(?=[ \t])")

# A saved social-media post: the author's name, their handle and when, on a line of their own, the post below
# ("Ana Ruiz @aruiz · Nov 28", "Oakton News @oaktonnews · 3h", "Ana Ruiz @ana.bsky.social · 2h"), perhaps under the line
# of whoever shared it ("Bo Li reposted"): the post is still its author's; a forum's user alone ("u/ana_ruiz · 5 hours ago")
HANDLE = r"@\w[\w.]{0,39}"
_POST_HEADER = re.compile(r"(?:[ \t]*[^\n]{1,60}?[ \t]+(?i:reposted|retweeted|boosted|shared)[ \t]*\n)?"
                          r"[ \t]*(?P<name>[A-Z][^\n@·:]{0,59}?)[ \t]+" + HANDLE
                          + r"[ \t]*·[ \t]*[^\n·]{1,25}?[ \t]*\n(?=[ \t]*\S)")
# a post's quotation of another ("Quoting Ana Ruiz @aruiz" over the words quoted): the quoted author's words
QUOTING = r"[ \t]*Quoting[ \t]+(?P<name>[A-Z][^\n@·:]{0,59}?)[ \t]+" + HANDLE + r"[ \t]*\n(?=[ \t]*\S)"
_QUOTING = re.compile(QUOTING)
_FORUM_POST = re.compile(r"[ \t]*(?P<name>u/[\w-]{2,30})[ \t]*·[ \t]*[^\n·]{1,25}?[ \t]*\n(?=[ \t]*\S)")
# a message board's post, as phpBB prints it: the post's subject, perhaps, then "by ana_r » Sat Sep 12, 2026 7:48 pm"
# (or "Post by …") on a line of its own, the post below
_BOARD_POST = re.compile(r"(?:[^\n»]{1,120}\n)?[ \t]*(?:Post[ \t]+)?by[ \t]+(?P<name>[^\s»][^\n»]{0,39}?)[ \t]*»[ \t]*"
                         r"[^\n»]{4,60}?[ \t]*(?:\n|$)")
# a quotation of an earlier message, as boards and mail clients head it: "ana_r wrote:" on a line of its own
_WROTE = re.compile(r"[ \t]*(?P<name>[^\s:>][^\n:]{0,39}?)[ \t]+wrote:[ \t]*\n(?=[ \t]*\S)")

# A transcript exported as a table inside a text: a row per turn, the speaker's cell before the words, with an optional
# time cell before or after it, tab-separated ("Ana Ruiz<TAB>The pump failed.") or between a Markdown table's bars
# ("| 00:00:04 | Ana Ruiz | The pump failed. |"); the header row's "Speaker" names a column, not a voice
_TAB_ROW = re.compile(r"[ \t]*(?:[\[(]?" + TIME + r"[\])]?[ \t]*\t[ \t]*)?(?P<name>[^\t\n|]{2,60}?)[ \t]*\t[ \t]*"
                      r"(?:[\[(]?" + TIME + r"[\])]?[ \t]*\t[ \t]*)?(?=\S)")  # the time cell before or after the name
_PIPE_ROW = re.compile(r"[ \t]*\|[ \t]*(?:[\[(]?" + TIME + r"[\])]?[ \t]*\|[ \t]*)?(?P<name>[^|\n]{2,60}?)[ \t]*\|"
                       r"[ \t]*(?=[^|\s])")
_COLUMN_NAMES = {"speaker", "speakers", "name", "who", "voice", "participant", "sender", "from", "person", "role"}


OWN_LABELS = ("You", "Me")  # how a messaging app labels the one who saved the conversation


def _short_label(name: str) -> bool:
    """A label of at most five words that names someone (a post's author, a chat's sender)."""
    return len(name.split()) <= 5 and is_speaker_label(name)


def _stamped_sender(name: str) -> bool:
    """A chat replay's sender after the time: a handle ("ana_r", "bo.li") or a name of two words or more; an agenda's
    "9:30 Keynote:" is a schedule."""
    handle = re.fullmatch(r"(?=[\w.-]*[a-z_.\d])[\w.-]{2,32}", name) is not None and not name[:1].isupper()
    return handle or (" " in name.strip() and _short_label(name))


def _row_name(name: str) -> bool:
    return name.lower() not in _COLUMN_NAMES and _short_label(name)


SHAPES = (
    Shape("colon", _MEETING_CHAT, is_speaker_label),
    Shape("post", _POST_HEADER, _short_label),
    Shape("post", _FORUM_POST, lambda name: True),
    Shape("post", _BOARD_POST, lambda name: len(name.split()) <= 4),
    Shape("quoted", _QUOTING, _short_label),
    Shape("quoted", _WROTE, lambda name: len(name.split()) <= 4 and (name[:1].isupper() or " " not in name)),
    Shape("colon", _CHAT_NUMBER, lambda name: True),
    Shape("chat", _CHAT_NICK, lambda name: not name.startswith("/")),
    Shape("chat", _STAMPED_CHAT, _stamped_sender),
    Shape("header", _TEAMS_HEADER, lambda name: _short_label(names.uninverted(name))),
    Shape("header", _DATED_SENDER, lambda name: name in OWN_LABELS or _short_label(name)),
    Shape("post", _CARD, _short_label),
    Shape("post", _FEDI_POST, _short_label),
    Shape("post", _POINTS_POST, lambda name: True),
    Shape("post", _COMMENTED, lambda name: True),
    Shape("post", _AGO_COMMENT, lambda name: True),
    Shape("chat", _PHOTO_POST, lambda name: True),
    Shape("chat", _PHOTO_COMMENT, lambda name: True),
    Shape("row", _TAB_ROW, _row_name),
    Shape("row", _PIPE_ROW, _row_name),
    Shape("colon", _LABEL, is_speaker_label),
    Shape("qa", _QA_LABEL, lambda name: True),
    Shape("period", _PERIOD_LABEL, _period_name),
    Shape("header", _HEADER_LABEL, lambda name: len(name.split()) <= 4 and is_speaker_label(names.uninverted(name))),
    Shape("header", _DAY_HEADER, lambda name: len(name.split()) <= 5 and name.lower() not in NOT_SPEAKERS),
    Shape("header", _STAMPED_HEADER, _short_label),
    Shape("header", _AGO_HEADER, lambda name: len(name.split()) <= 4),
    Shape("header", _SAID_LINE, lambda name: name in OWN_LABELS or (len(name.split()) <= 3 and is_speaker_label(name))),
    Shape("dash", _DASH_LABEL, lambda name: len(name.split()) <= 4 and is_speaker_label(name)),
    Shape("dash", _ROLE_LINE, lambda name: generic_role(name) is not None),
    Shape("caps", _CAPS_LINE, is_speaker_label),
    Shape("word", _WORD_LINE, is_speaker_label),
    Shape("report", _REPORT_LABEL, _short_label),
    Shape("bracket", _BRACKET_LABEL, lambda name: _person_label(name) or INITIALS.fullmatch(name) is not None),  # "[BL]"
    Shape("cue", _CUE_LABEL, lambda name: _person_label(names.uninverted(name))),
    Shape("bold", _BOLD_LINE, _person_label),
    Shape("section", _NAME_HEADING, _person_label),
)
# shapes a document must use ``PERIOD_MIN`` times before any paragraph is read so
COUNTED = ("period", "header", "dash", "caps", "word", "report", "bracket", "cue", "bold", "chat", "row", "section")
REPEATED = ("caps", "bracket", "cue", "bold", "row")  # counted shapes whose document must also use one name twice
DIALOGUE = ("word",)  # counted shapes whose document must use two names, each twice


def parse_label(text: str, start: int, end: int, shapes: tuple[str, ...] | None = None) -> Label | None:
    """The speaker label at the start of ``text[start:end]``, or None; the first shape whose name is valid wins.

    >>> parse_label("Q. How bad is it?", 0, 17).name
    'Q'
    >>> parse_label("A. All the time. I tell them: never.", 0, 36).name   # not the colon shape: its "name" is a sentence
    'A'
    """
    for shape in SHAPES:
        if shapes is not None and shape.name not in shapes:
            continue
        match = shape.pattern.match(text, start, end)
        if not match:
            continue
        if not shape.valid(match.group("name").strip()):
            continue
        return _label(text, match, end, shape.name)
    return None


def initials_label(text: str, start: int, end: int) -> Label | None:
    """A colon label of two or three capitals, whatever word they spell ("SO:", "NO:", which ``parse_label`` refuses
    as words): for a document whose labels are initials (``docqa.attribution.document``)."""
    match = _LABEL.match(text, start, end)
    return _label(text, match, end, "colon") if match and INITIALS.fullmatch(match.group("name").strip()) else None


INITIALS = re.compile(r"[A-Z]{2,3}")  # a label of initials: "KO", "JM"
_BODY_STAMP = re.compile(r"[\[(]" + TIME + r"[\])][ \t]*")  # a recording's time just after a label's colon


def _label(text: str, match: re.Match[str], end: int, shape: str) -> Label:
    body = match.end()
    while body < end and text[body] in " \t":
        body += 1
    if shape == "colon" and (stamp := _BODY_STAMP.match(text, body, end)) is not None:
        body = stamp.end()  # "Name: [00:00:05] Welcome": the time is no part of the words
    name = match.group("name").strip()
    return Label(name=names.uninverted(name) if shape in ("cue", "header") else name, start=match.start("name"),
                 end=match.start("name") + len(match.group("name").rstrip()), body_start=body, shape=shape)


# "STATEMENT OF JANE DOE, DIRECTOR, …", "OPENING STATEMENT OF CHAIRMAN HAROLD LINDQVIST", "Prepared Statement of Kenji
# Tanaka, General Manager, …": a heading after which the paragraphs are that person's words until the next label.
_STATEMENT = re.compile(r"[ \t]*(?:(?:OPENING|PREPARED|ORAL|WRITTEN|JOINT|SUPPLEMENTAL)[ \t]+)?STATEMENT[ \t]+OF[ \t]+"
                        r"(?:THE[ \t]+)?(?:HON(?:ORABLE)?\.?[ \t]+)?(?P<who>[^,\n\[\]]{3,80}?)[ \t]*(?:,|\n|$)", re.I)
# "[The prepared statement of Mr. Tanaka follows:]"
_FOLLOWS = re.compile(r"[ \t]*\[[ \t]*The[ \t]+(?:prepared[ \t]+|written[ \t]+)?statements?[ \t]+of[ \t]+"
                      r"(?P<who>[^\]:]{2,80}?)[ \t]+follows?:?[ \t]*\]", re.I)

# a committee's published written evidence: "Written evidence submitted by the Oakton Ferry Users Group (OFU0014)"
_SUBMITTED = re.compile(r"[ \t]*(?:(?:written|supplementary|further)[ \t]+)?evidence[ \t]+submitted[ \t]+by[ \t]+(?:the[ \t]+)?"
                        r"(?P<who>[^\n()]{3,100}?)[ \t]*(?:\([A-Z]{2,6}[ \t]*\d{2,6}\))?[ \t]*$", re.I)


def statement_of(text: str, start: int, end: int) -> tuple[str, str] | None:
    """Whose statement a heading introduces, and the office it gives them: ("LENA VOSS", "DIRECTOR, BASIN
    HYDROLOGY CENTER"), ("Mr. Tanaka", ""); None for any other paragraph.

    >>> t = "STATEMENT OF LENA VOSS, DIRECTOR, BASIN HYDROLOGY CENTER"
    >>> statement_of(t, 0, len(t))
    ('LENA VOSS', 'DIRECTOR, BASIN HYDROLOGY CENTER')
    >>> t = "[The prepared statement of Mr. Tanaka follows:]"
    >>> statement_of(t, 0, len(t))
    ('Mr. Tanaka', '')
    >>> t = "The statement of the committee is clear."
    >>> statement_of(t, 0, len(t)) is None
    True
    """
    block = text[start:end]
    match = _FOLLOWS.match(block) or _SUBMITTED.match(block)
    if match:
        return match.group("who").strip(), ""
    match = _STATEMENT.match(block)
    if not match or len(block) > 400:
        return None
    heading = block[: match.end()].strip(" ,\n")
    if heading[:1].islower() or not (heading.isupper() or heading.istitle() or re.match(r"(?i)[ \t]*prepared", heading)):
        return None  # a heading, written in capitals or title case, not a sentence about a statement
    office = block[match.end():].split("\n")[0].strip(" ,")  # after the comma, or on the next line
    return match.group("who").strip(), office


# A record's line that says whose words follow, in the same paragraph or the next: "Asked by Baroness X", "Answered by
# Lord Y", "Question from Mr X:", "Response from the Town Clerk, Mrs Y:", "Reply by the Minister (Ms Z)" ("Questions
# from MR X" above an inquiry's "Q." turns says who asks them: ``docqa.attribution.document``)
_ATTRIBUTED = re.compile(r"[ \t]*(?:(?:written|oral|supplementary|public|further)[ \t]+)?(?:asked|answered|question|answers?"
                         r"|responses?|repl(?:y|ies)|comments?|submissions?|representations?)[ \t]+(?:by|from)[ \t]+"
                         r"(?P<who>[^:\n]{3,100}?)[ \t]*(?::?[ \t]*(?=\n|$)|:[ \t]+(?=\S))", re.I)
# a review's line, perhaps under the review's title, dated or not: "Reviewed 3 October 2026 by Ana Ruiz"
_REVIEWED = re.compile(r"(?:[^\n]{1,120}\n)?[ \t]*(?i:reviewed|review|rated)(?:[ \t]+(?i:on[ \t]+)?[\w ,]{4,30}?)?[ \t]+(?i:by)"
                       r"[ \t]+(?P<who>[^:\n]{3,100}?)[ \t]*(?=\n|$)")

# a voicemail's transcript, under the line that says whose it is: "Voicemail from Ana Ruiz (+44 …), 30 Nov 2026, 08:12"
_VOICEMAIL = re.compile(r"[ \t]*(?i:voicemail|voice[ \t]+message)[ \t]+(?i:from)[ \t]+(?P<who>[A-Z][^\n(),:]{2,60}?)[ \t]*"
                        r"(?:\([^()\n]*\))?(?:,[^\n]*)?(?=\n|$)")
# a collection's letter, headed by who wrote it to whom and when, perhaps under its number: "Letter 2\nAna Ruiz to her
# brother Bo, from Oakton, 3 May 1916"
_LETTER = re.compile(r"(?:[ \t]*(?i:letter|no\.?)[ \t]*\d{1,3}[.:]?[ \t]*\n)?[ \t]*(?P<who>[A-Z][^\n,]{2,60}?)[ \t]+to[ \t]+"
                     r"[^\n]{2,80}?,[^\n]{0,80}?\b\d{4}[ \t]*\.?[ \t]*(?=\n|$)")


def attributed_heading(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """Whose words a record's line says follow it ("Question from Mr Idris Vale:" -> ("Mr Idris Vale", "", end of the
    line); "Response from the Town Clerk, Mrs Bea Holt:" -> ("Mrs Bea Holt", "the Town Clerk", …)), or None: the name
    must read as a person's (capitalised, with a first name, an honorific or a title), so "Asked by reporters whether
    she would resign, …" is prose.

    >>> t = "Response from the Town Clerk, Mrs Bea Holt:\\nThe wall is not repaired."
    >>> attributed_heading(t, 0, len(t))
    ('Mrs Bea Holt', 'the Town Clerk', 43)
    >>> attributed_heading("Asked by reporters whether she would go, Gruber said no.", 0, 56) is None
    True
    >>> attributed_heading("Question from Councillor Bo Li (Eastgate): Will it apply?", 0, 58)  # the words on its line
    ('Councillor Bo Li', '', 43)
    >>> t = "★★★★☆ Good value\\nReviewed 3 October 2026 by Ana Ruiz-Pardo\\nClean rooms."
    >>> attributed_heading(t, 0, len(t))
    ('Ana Ruiz-Pardo', '', 58)
    >>> t = "Letter 2\\nAna Ruiz to her brother Bo, from Oakton, 3 May 1916\\n\\nDear Bo,"
    >>> attributed_heading(t, 0, len(t))
    ('Ana Ruiz', '', 60)
    """
    match = _ATTRIBUTED.match(text, start, end) or _REVIEWED.match(text, start, end) or _LETTER.match(text, start, end) \
        or _VOICEMAIL.match(text, start, end)
    if match is None:
        return None
    # "Councillor Ana Ruiz (Eastgate)": the name without where the member is from
    pieces = [re.sub(r"[ \t]*\([^()]*\)", "", p).strip() for p in match.group("who").split(",")]
    for i, piece in enumerate(pieces):
        if _written_person(piece):
            return piece, ", ".join(pieces[:i] + pieces[i + 1 :]), match.end()
    return None


def _written_person(piece: str) -> bool:
    """Whether a record's line writes a person's name: capitalised, with a first name, an honorific or a title."""
    parts = names.parse_name(piece, upper=piece.isupper())
    return (parts is not None and bool(parts.surname) and bool(parts.given or parts.honorific or parts.title)
            and all(w[:1].isupper() or w.lower() in names.PARTICLES for w in piece.split()))


# A programme's caption naming who speaks next, as a documentary's transcript prints it: "[LOWER THIRD: Dr Ana Ruiz,
# volcanologist]", "SUPER: Bo Li, mayor of Oakton", "(ON SCREEN: Ana Ruiz)"; or a news script's credit for the recorded
# clip below it: "CUT 1 — Ana Ruiz, harbourmaster (0:18)", "SOT: Bo Li"
_CAPTION = re.compile(r"[ \t]*[\[(]?[ \t]*(?:(?i:lower[ \t-]+third|caption|chyron|(?:name[ \t]+)?super|on[ \t-]?screen)[ \t]*:"
                      r"|(?i:cut|clip|sot|actuality|sound[ \t]?bite|grab)(?:[ \t]*\d{1,3})?[ \t]*(?::|[—–-]))[ \t]*"
                      r"(?P<who>[^\[\]()\n]{3,120}?)(?:[ \t]*\((?:\d{1,2}:)?\d{1,2}:\d{2}\)|[ \t]*\(\d{1,3}[ \t]*s(?:ecs?)?\))?"
                      r"[ \t]*[\])]?[ \t]*(?=\n|$)")


def caption(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """Whom a caption line names, the office after the name, and where the line ends; None for another line or a
    caption naming no person ("[CAPTION: Harbour at dawn]").

    >>> t = "[LOWER THIRD: Dr Ana Ruiz-Pardo, volcanologist]"
    >>> caption(t, 0, len(t)), caption("[CAPTION: The harbour at dawn]", 0, 30)
    (('Dr Ana Ruiz-Pardo', 'volcanologist', 47), None)
    >>> caption("CUT 2 — Bo Li, harbourmaster (0:18)", 0, 35)
    ('Bo Li', 'harbourmaster', 35)
    """
    match = _CAPTION.match(text, start, end)
    if match is None:
        return None
    who, _, office = match.group("who").partition(",")
    return (who.strip(), office.strip(), match.end()) if _written_person(who.strip()) else None


# Labels that name the office presiding over the record, which one person holds at a time; the record says
# who ("Hon. Jane Doe, Chairman of the Committee, presiding", "OPENING STATEMENT OF CHAIRMAN …", "(Mr. KESSLER)").
PRESIDING = {"chairman": "chair", "chairwoman": "chair", "chair": "chair", "chairperson": "chair", "acting chair": "chair",
             "acting chairman": "chair", "acting chairwoman": "chair", "presiding officer": "presiding officer",
             "speaker": "speaker", "speaker pro tempore": "speaker", "president pro tempore": "president pro tempore",
             "acting president pro tempore": "president pro tempore", "vice chair": "vice chair", "vice chairman": "vice chair",
             "co-chair": "co-chair", "mayor": "mayor", "court": "court", "judge": "court"}


def presiding_role(name: str) -> str | None:
    """The presiding office a label names ("The CHAIRMAN" -> "chairman"), or None for a person or another role.

    >>> presiding_role("The CHAIRMAN"), presiding_role("The PRESIDING OFFICER (Mr. KESSLER)"), presiding_role("Chair ROSTOV")
    ('chairman', 'presiding officer', None)
    """
    key = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip().lower()
    key = re.sub(r"^the\s+", "", key)
    return key if key in PRESIDING else None


@lru_cache(maxsize=4096)  # asked of every label several times over an attribution
def office_of(name: str) -> str | None:
    """The office a label names, with or without its holder in parentheses: the presiding office's key
    (``presiding_role``) or the office's words in lower case ("The Prime Minister (Gareth Pennington)" and
    "The Prime Minister" -> "prime minister", "President" -> "president"); None for a person's label.

    >>> office_of("The Prime Minister (Gareth Pennington)"), office_of("President"), office_of("Mrs. Lindqvist-Bauer (Denmark)")
    ('prime minister', 'president', None)
    """
    held = split_parenthesised(name)
    words = held[0] if held else unqualified(name)
    role = presiding_role(words)
    if role is not None:
        return role
    if role_label(words) == "INTERVIEWER":
        return "interviewer"  # "I:", "INT:"
    key = without_article(words).lower()
    return SAME_ROLE.get(key, key) if "(" not in words and names_office(words) else None


# A line of a header's fields under the heading: "Date: 14 March 2019", "Location: Leeds Central Library"
FIELD = re.compile(r"[ \t]*[A-Z][A-Za-z]*(?:[ \t]+[A-Za-z]+){0,2}[ \t]*:[ \t]+\S")


# A name, then after a comma the body it comes from, in capitals: "Ana Ruiz, Eastgate Press Club"
_NAME_WORD = r"(?:[A-Z][\w.&'’-]*|of|the|and|for|de)"
_AFFILIATED = re.compile(rf"(?P<who>[^,]+?),[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}}")


def holder_heading(text: str, label: Label, end: int, opening: bool = False) -> str | None:
    """Who a heading says holds an office: the name that is all of a colon label's line when the label is an
    office ("President: Mr. Haverkamp-Sola (Liberia)", "Chair: Dame Harriet Sowerby"), the lines under it, if any, a
    header's fields ("Date: 14 March 2019"); None for a turn.  ``opening``: the record's first label, where the
    name may be followed by the body the holder comes from ("Moderator: Ana Ruiz, Eastgate Press Club"); further
    on, "MODERATOR: Bo Li, Eastgate Radio" calls on a reporter.

    >>> t = "President: Mr. Haverkamp-Sola (Liberia)"
    >>> holder_heading(t, parse_label(t, 0, len(t)), len(t))
    'Mr. Haverkamp-Sola (Liberia)'
    >>> t = "President: Thank you all for coming."
    >>> holder_heading(t, parse_label(t, 0, len(t)), len(t)) is None
    True
    >>> t = "Moderator: Ana Ruiz, Eastgate Press Club"
    >>> holder_heading(t, parse_label(t, 0, len(t)), len(t), opening=True), holder_heading(t, parse_label(t, 0, len(t)), len(t))
    ('Ana Ruiz', None)
    """
    first, *rest = text[label.body_start : end].strip().split("\n")
    if not all(FIELD.match(line) for line in rest):
        return None  # the label's words go on: a turn
    body = first.strip()
    if opening and (affiliated := _AFFILIATED.fullmatch(body)) is not None:
        body = affiliated.group("who")  # "Moderator: Ana Ruiz, Eastgate Press Club": the holder, then where from
    who = unqualified(body)
    if label.shape != "colon" or len(who.split()) < 2 or who[-1] in ".!?…" or office_of(label.name) is None:
        return None  # "The Chair: Singh." calls on a member; "THE PRESIDENT: And Representative Vella. (Laughter.)" is a turn
    return body if names_someone(who) and is_speaker_label(body) else None


# The record's own voice between turns: "The senior assistant legislative clerk read as follows:", "The motion was
# agreed to.", "There being no objection, the bill was ordered…"
_RECORD = re.compile(r"[ \t]*(?:The\s+(?:[a-z]+\s+){0,4}clerk\s+(?:read|will\s+read|called|reported)\b"
                     r"|(?:The\s+)?(?:motion|amendment|bill|resolution|question|nomination|yeas\s+and\s+nays)\s+(?:was|were)\s+"
                     r"(?:agreed|ordered|passed|adopted|rejected|withdrawn|confirmed|read)\b|There\s+being\s+no\s+objection\b)")


# A meeting recorder's own line: "Ruiz, Ana stopped transcription", "Bo Li started recording"
_RECORDER_NOTICE = re.compile(r"[^\n]{2,60}?[ \t]+(?:started|stopped|paused|resumed)[ \t]+(?:transcription|recording)\.?")


def bracketed(text: str, start: int, end: int) -> bool:
    """A paragraph in square brackets, a stage direction of the record ("[Whereupon, …]"), or a meeting recorder's
    notice ("Ruiz, Ana stopped transcription"): nobody's words."""
    block = text[start:end].strip()
    return (block.startswith("[") and block.endswith("]")) or _RECORDER_NOTICE.fullmatch(block) is not None


def parenthesised(text: str, start: int, end: int) -> bool:
    """A paragraph that is one parenthesis: a direction within a turn ("(Laughter.)", "(Lights fade.)"), nobody's words.

    >>> parenthesised("(Lights fade.)", 0, 14), parenthesised("(Inaudible) and then we left (twice).", 0, 37)
    (True, False)
    """
    return re.fullmatch(r"\([^()]+\)\.?", text[start:end].strip()) is not None


def time_mark(text: str, start: int, end: int) -> bool:
    """A paragraph that is only a recording's time ("00:05:00", "[01:02:03]"), as meeting transcripts mark the minutes,
    or a subtitle cue's number and times, as a caption file pasted into a text file keeps them ("2\\n00:00:06.000 -->
    00:00:09.000").

    >>> time_mark("00:05:00", 0, 8), time_mark("[1:02:03.5]", 0, 11), time_mark("At 00:05 we left.", 0, 17)
    (True, True, False)
    >>> t = "12\\n00:00:06.000 --> 00:00:09.000"
    >>> time_mark(t, 0, len(t))
    True
    """
    return re.fullmatch(r"(?:\d{1,5}\s+)?" + _STAMP + r"(?:\s*-->\s*" + _STAMP + r")?", text[start:end].strip()) is not None


def record_voice(text: str, start: int, end: int) -> bool:
    """A paragraph in which a legislative record narrates itself ("The clerk read as follows:"): nobody's turn.

    >>> t = "The senior assistant legislative clerk read as follows:"
    >>> record_voice(t, 0, len(t)), record_voice("The clerk is right.", 0, 19)
    (True, False)
    """
    return bracketed(text, start, end) or _RECORD.match(text, start, end) is not None


def is_aside(text: str, start: int, end: int) -> bool:
    """Whether a paragraph opens with a non-speaker heading such as "Note:" or "Action items:" (narration)."""
    match = _LABEL.match(text, start, end)
    return bool(match) and match.group("name").strip().lower().strip(" .") in NOT_SPEAKERS


def anonymous_voice(name: str) -> bool:
    """Whether a label is a voice its record numbers or leaves unnamed ("Speaker 1", "SPEAKER_00", "UNIDENTIFIED
    FEMALE", "Unknown Speaker", "P1"): no one person across documents, where "MODERATOR" is a role.

    >>> [anonymous_voice(x) for x in ("Speaker 1", "SPEAKER_00", "Unknown Speaker", "P2", "MODERATOR", "Ana Ruiz")]
    [True, True, True, True, False, False]
    """
    key = name.lower().strip()
    return bool(NUMBERED_VOICE.fullmatch(key)
                or re.fullmatch(r"(?:unidentified|unknown|unnamed)\b[\w .'’-]{0,30}?(?:\s*#?\d{1,3})?", key)
                or re.fullmatch(r"[a-z]{1,2}\d{1,3}", key))  # "P1", "FG2": a focus group's anonymised participants


def generic_role(name: str) -> str | None:
    """Labels that name a generic role or a numbered speaker ("MODERATOR", "SPEAKER_00"), as written."""
    if name.lower().strip() in GENERIC_ROLES or anonymous_voice(name):
        return name.strip().upper() if name.isupper() else name.strip()
    return None


def role_label(name: str) -> str | None:
    """The canonical role for labels that name a role ("Q" -> "QUESTION"), else None."""
    key = name.lower().strip()
    for canonical, variants in ROLE_LABELS:
        if key in variants:
            return canonical
    return generic_role(name)
