"""What can name a speaker before a colon ("MS. PSAKI:", "Jens Stoltenberg:", "The Deputy Chair (Ms. Ana
Ortiz):") and what cannot ("Note:", "Methods:", "Last updated:"): the shape of a transcript label, which
readers of subtitles and Word files need as much as attribution does.
"""

from __future__ import annotations

import re

from docqa.language.lexicon import INITIALLED_OFFICES, PARTICLES, ROLE_FILLER, ROLE_WORDS, names_a_doer

# Things written as "Word:" that are not people speaking.
NOT_SPEAKERS = {
    "note", "notes", "nb", "n.b", "ps", "p.s", "update", "updated", "last updated", "posted",
    "published", "date", "time", "when", "where", "source", "sources", "subject", "re", "fw", "fwd",
    "duration", "length", "runtime", "running time", "call participants",  # a recording's or a call's particulars
    "location", "place", "venue", "title", "tags", "tag", "by", "from", "to", "cc", "bcc", "sent",
    "editor's note", "editor’s note", "editors note", "transcript", "agenda",
    "attendees", "present", "absent", "action items", "action", "actions", "decision", "decisions",
    "warning", "caution", "disclaimer", "copyright", "photo", "photos", "caption", "image", "video",
    "audio", "link", "links", "read more", "related", "see also", "watch", "listen", "chapter",
    "section", "part", "step", "example", "examples", "figure", "table", "translation", "contents",
    "keywords", "category", "categories", "topic", "topics", "status", "priority", "owner", "due",
    "question time", "minutes", "meeting", "meeting notes", "notes from", "email", "e-mail", "phone", "tel", "fax",
    "message", "today's topics",  # a mailing list digest's furniture: "Message: 1", "Today's Topics:"
    "address", "website", "url", "http", "https", "file", "version", "author", "authors", "credit",
    "credits", "reporting", "additional reporting", "edited", "editing", "follow", "share",
    "also", "however", "therefore", "but", "and", "so", "then", "first", "second", "third", "finally",
    "yes", "no", "the", "in short", "bottom line", "breaking", "exclusive",
    "ask hn", "show hn", "tell hn", "psa", "til", "eli5",  # a forum post's title prefixes: "Ask HN: Is it still …?"
    "opinion", "analysis", "correction", "clarification", "prerequisites", "requirements", "usage",
    "output", "input", "error", "tip", "important", "todo", "fixme", "info", "reminder", "fyi", "heads up", "transcription",
    # the headings of a record of proceedings: "Witnesses: ...", "Members present: ..."
    "witnesses", "witness list", "members", "members present", "also present", "in attendance", "attendance", "apologies",
    "questions", "oral evidence", "written evidence", "panel", "panelists", "guests", "guest list", "hosts", "co-hosts",
    # a letter's or a paper's furniture: "To the Editor:", "Corresponding author:", "Correction for: …"
    "to the editor", "dear editor", "correction for", "corrections", "corresponding author", "abstract background",
    "key words", "conflict of interest", "conflicts of interest", "acknowledgements", "acknowledgments",
    "appearances",  # a court transcript's list of counsel
    "an interview with", "interview with", "in conversation with",  # who a press conference's record is with
    # a council's or a board's record of its decisions: "Motion: …", "Second: …", "Vote: Ayes 3, Noes 0."
    "motion", "seconded", "seconded by", "moved", "moved by", "vote", "votes", "roll call", "ayes", "noes", "nays",
    "abstain", "abstained", "abstentions", "result", "outcome", "action taken", "resolution", "resolved",
    # a press release's furniture: "Media Contact:" above a name, a title and an address
    "contact", "contacts", "media contact", "media contacts", "press contact", "press contacts", "media inquiries",
    "press inquiries", "media enquiries", "press enquiries", "for more information", "for further information", "about",
    "advertisement", "advertising", "sponsored",  # a web page's furniture between a story's paragraphs
    "characters", "cast", "cast of characters", "dramatis personae",  # a script's list of who speaks, above the turns
    "speakers", "speaker key", "speaker names",  # a transcript's key to its numbered voices, above the turns
    # a broadcast script's cues around a recorded clip: its first and last words, and its words in full
    "out", "outcue", "out cue", "out words", "incue", "in cue", "in words", "full text", "verbatim",
}
# Headings numbered as a script or a report numbers its parts ("STORY 1:", "ITEM 4:", "CUT 2:"): no one's label
_NUMBERED_PARTS = {"story", "item", "cut", "clip", "segment", "part", "chapter", "section", "step", "figure", "table",
                   "exhibit", "slide", "page", "track", "theme", "subtheme", "sub-theme", "phase", "stage", "module",
                   "lesson", "week", "day", "round", "appendix", "annex", "box"}
# The sections of a structured abstract or report ("Methods: …", and run into the text in capitals:
# "RESULTS Stakeholders suggested…"): a section's name, never a speaker's.
SECTION_HEADINGS = {
    "abstract", "summary", "background", "introduction", "context", "importance", "objective", "objectives", "aim", "aims",
    "purpose", "design", "setting", "settings", "patients", "interventions", "intervention", "exposure",
    "exposures", "method", "methods", "methodology", "measurements", "main outcome measures", "outcome measures", "outcomes",
    "results", "result", "findings", "finding", "discussion", "interpretation", "conclusion", "conclusions", "limitations",
    "unlabelled", "significance", "funding", "trial registration", "rationale", "hypothesis", "materials and methods",
    "methods and results", "methods and findings", "study design", "data sources", "study selection", "data extraction",
    "data synthesis", "evidence", "recommendations", "implications",
}
NOT_SPEAKERS |= SECTION_HEADINGS
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]{1,60})\)")
# A lower-case particle glued to a capitalised name by an apostrophe: d'Arcy, l'Heureux, dell'Orto.
_GLUED_PARTICLE = re.compile(r"[a-z]{1,4}['’][A-Z]")
_HONORIFIC_LED = re.compile(r"(?i)(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|hon|rev|sen|rep|gov)\.?\s+[A-Z]")


# Roles transcripts print in labels besides offices: "TAMSIN GREAVES, BYLINE:", "PANELIST (Dr. Keiko Sato):".
_LABEL_ROLES = {"byline", "guest", "caller", "contributor", "panelist", "panellist", "narrator", "interpreter", "translator",
                "interviewer", "presenter", "participant", "facilitator"}
_OFFICE_WORDS = ROLE_WORDS | _LABEL_ROLES


def names_office(words: str) -> bool:
    """Whether the words before a parenthesis name an office rather than a person: "The Prime Minister",
    "The PRESIDING OFFICER", "Deputy Chair", "Ferry operator" (not "Mrs. Lindqvist-Bauer", "Chair ROSTOV", "Bo Li").

    >>> [names_office(w) for w in ("Deputy Chair", "Ferry operator", "Night nurse", "Bo Li", "Chair ROSTOV", "Other")]
    [True, True, True, False, False, False]
    """
    tokens = words.split()
    if not tokens or _HONORIFIC_LED.match(words):
        return False
    if tokens[0].lower() == "the":
        return True
    if _job(words):
        return True
    roles = [t for t in tokens if t.lower() in _OFFICE_WORDS]
    return bool(roles) and all(t.lower() in _OFFICE_WORDS or t in ROLE_FILLER or t in ("of", "for") for t in tokens)


def _job(words: str) -> bool:
    """A job as a table of turns prints it before the name, in sentence case: "Ferry operator (Ana Ruiz)"."""
    tokens = words.split()
    return 1 <= len(tokens) <= 3 and words[:1].isupper() and words[1:].islower() \
        and words.replace(" ", "").replace("-", "").isalpha() and names_a_doer(tokens[-1])


def names_someone(inner: str) -> bool:
    """Whether a parenthesis holds a person's name ("Mr. KESSLER", "Gareth Pennington"), not what qualifies one
    ("Denmark", "D", "spoke in French", "Hove and Portslade")."""
    words = inner.split()
    if _HONORIFIC_LED.match(inner):
        return True
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in PARTICLES for w in words)


def split_parenthesised(name: str) -> tuple[str, str] | None:
    """A label that names an office and, in parentheses, who holds it: (office, name); None for other labels.

    >>> split_parenthesised("The Deputy Chair (Ms. Ana Ortiz)"), split_parenthesised("The Prime Minister (Gareth Pennington)")
    (('The Deputy Chair', 'Ms. Ana Ortiz'), ('The Prime Minister', 'Gareth Pennington'))
    >>> [split_parenthesised(x) for x in ("Mrs. Lindqvist-Bauer (Denmark)", "The President (spoke in Arabic)")]
    [None, None]
    """
    first = name.find("(")
    if first <= 0:
        return None
    outer = name[:first].strip()
    if not names_office(outer):
        return None
    inner = next((held for m in _PARENTHESIS.finditer(name) if (held := _holder(m.group("inner"))) is not None), None)
    return (outer, inner) if inner is not None else None


def _holder(inner: str) -> str | None:
    """The person a parenthesis after an office names ("Ms. Ana Ortiz", "Gareth Pennington"), or, before a comma and
    where they are from, as call-in shows print their callers, a first name alone: "CALLER (Bo, Eastfield)" -> "Bo".

    >>> _holder("Bo, Eastfield"), _holder("BO, EASTFIELD"), _holder("Ana Ruiz, Oakton"), _holder("spoke in French")
    ('Bo', 'BO', 'Ana Ruiz', None)
    """
    inner = inner.strip()
    head, comma, tail = inner.partition(",")
    head = head.strip()
    if comma and _PLACE.fullmatch(tail.strip()) and (names_someone(head) or re.fullmatch(r"[A-Z][A-Za-z'’-]+", head)):
        return head
    return inner if names_someone(inner) else None


def unqualified(name: str) -> str:
    """A label without the parentheses that qualify its speaker (a country, a constituency, a party, the language
    spoken), unless a parenthesis names the holder of the office before it (``split_parenthesised``).

    >>> unqualified("Mr. Delacroix-Maury (France) (spoke in French)"), unqualified("GOV. WINIFRED HALE (D), STATE GOVERNOR")
    ('Mr. Delacroix-Maury', 'GOV. WINIFRED HALE, STATE GOVERNOR')
    >>> unqualified("The PRESIDING OFFICER (Mr. KESSLER)"), unqualified("The President (spoke in Arabic)")
    ('The PRESIDING OFFICER (Mr. KESSLER)', 'The President')

    After a party's letter, a comma and a place is where the member is from, not an office (as a television
    transcript prints a clip's speaker):

    >>> unqualified("SEN. ANA RUIZ (R), NEW MEXICO"), unqualified("REP. BO LI (D-Ore.), HOUSE MINORITY WHIP")
    ('SEN. ANA RUIZ', 'REP. BO LI, HOUSE MINORITY WHIP')
    """
    if "(" not in name or split_parenthesised(name) is not None:
        return name
    plain = re.sub(r"\s+,", ",", _PARENTHESIS.sub("", name)).strip()
    head, comma, tail = plain.partition(",")
    if comma and _PARTY.search(name) and split_role_suffix(plain) is None and _PLACE.fullmatch(tail.strip()):
        return head.strip()
    return plain


# A party's letter in parentheses, with the state or the district after a dash: "(D)", "(R-TX)", "(D-Ore.)", "(I-Vt.)"
_PARTY = re.compile(r"\((?:[DRI]|Dem|Rep|Ind)(?:[-–][A-Za-z.]{2,6}(?:[ -]\d{1,2})?)?\)")
# A place after a comma: a few capitalised words ("MONTANA", "New Mexico", "District of Columbia")
_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and)){0,3}")


def parenthesised_office(name: str) -> str | None:
    """The office a label's parenthesis gives its speaker before where they come from, as panels and hearings print
    them: "ANA RUIZ (Planning Director, City of Oakton)" -> "Planning Director"; None for a country, a party, a
    constituency or a body alone.

    >>> parenthesised_office("ANA RUIZ (Planning Director, City of Oakton)"), parenthesised_office("Bo Li (Oakton Post)")
    ('Planning Director', None)
    >>> parenthesised_office("Bo Li (CFO)")
    'CFO'
    >>> parenthesised_office("Mr. Delacroix-Maury (France)"), parenthesised_office("The Deputy Chair (Ms. Ana Ortiz)")
    (None, None)
    """
    if split_parenthesised(name) is not None:
        return None
    for match in _PARENTHESIS.finditer(name):
        office = match.group("inner").split(",")[0].strip()
        if split_role_suffix(f"x, {office}") is not None or office.lower() in INITIALLED_OFFICES:  # "(CFO)"
            return office
    return None


def split_role_suffix(name: str) -> tuple[str, str] | None:
    """A label that gives the speaker's role after a comma, "STEVE INGRAM, HOST": (name, role); None otherwise.

    >>> split_role_suffix("STEVE INGRAM, HOST"), split_role_suffix("Jane Doe, Mayor of Riverton"), split_role_suffix("Well, yes")
    (('STEVE INGRAM', 'HOST'), ('Jane Doe', 'Mayor of Riverton'), None)
    >>> split_role_suffix("ANA RUIZ, taxi driver"), split_role_suffix("Yes, the driver")
    (('ANA RUIZ', 'taxi driver'), None)
    """
    head, comma, tail = name.partition(",")
    words = tail.split()
    if comma and "," not in tail and 1 <= len(words) <= 3 and tail.strip() == tail.strip().lower() \
            and len(head.split()) >= 2 and head.isupper() and names_a_doer(words[-1].strip(".")):
        return head.strip(), tail.strip()  # "ANA RUIZ, urban planner": a name in capitals, then what she does
    if not comma or "," in tail or not 1 <= len(words) <= 5 or not any(w.lower().strip(".") in _OFFICE_WORDS for w in words):
        return None
    if not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for") for w in words):
        return None
    return head.strip(), tail.strip()


def is_speaker_label(name: str) -> bool:
    """Whether ``name`` (the text before a colon) names who is speaking.

    >>> [is_speaker_label(x) for x in ("MR PRICE", "Jens Stoltenberg", "Note", "12", "Q", "Speaker 2")]
    [True, True, False, False, True, True]
    >>> is_speaker_label("SPEAKER_01")  # a diarising program's voice
    True
    >>> is_speaker_label("Ms. Lea d'Arcy"), is_speaker_label("The Deputy Chair (Ms. Ana Ortiz)")
    (True, True)
    """
    if not name or len(name) > MAX_OFFICE_LABEL or not any(ch.isalpha() for ch in name):
        return False
    name = unqualified(name)  # "Ms Priya Anand-Wells (Hove and Portslade) (Lab)": the name, not its constituency
    held = split_parenthesised(name)
    if held is not None:  # "The Minister of State at the Department of Transport (Deputy X)": a long office, a name;
        # the department may follow a comma ("The Minister of State, Department for Transport (Ms X)")
        return (_job(held[0]) or all(_plain_label(part, connectors=_OFFICE_CONNECTORS, most_words=16)
                                     for part in held[0].split(",", 1))) and _plain_label(held[1])
    if len(name) > 60:
        return False
    parenthesised = split_role_suffix(name)
    if parenthesised is not None:  # "STEVE INGRAM, HOST"; "ANA RUIZ, taxi driver": what she does, in lower case
        return _plain_label(parenthesised[0]) and (parenthesised[1].islower() or _plain_label(parenthesised[1]))
    return _plain_label(name)


# A label's first word that makes it a heading, not a person: "For the People:", "On behalf of the Defendant:"; or a
# sentence going on, as captions run: "AND THE WEATHER: RAIN UNTIL FRIDAY."
_LEADING_PREPOSITIONS = {"for", "on", "in", "at", "to", "from", "with", "about", "under", "after", "before", "during", "per",
                         "via", "and", "but", "or", "so", "plus"}


MAX_OFFICE_LABEL = 120  # characters: an office and its holder in parentheses; any other label is at most 60
_LABEL_CONNECTORS = ("of", "the", "and", "for")
_OFFICE_CONNECTORS = ("of", "the", "and", "for", "at", "in", "on", "to", "with")  # "Minister of State at the Department of …"


def _plain_label(name: str, connectors: tuple[str, ...] = _LABEL_CONNECTORS, most_words: int = 8) -> bool:
    key = name.lower().strip(" .")
    if not key or key in NOT_SPEAKERS or key.startswith(("http", "www")) or key.split()[0] in _LEADING_PREPOSITIONS \
            or re.sub(r"\s+\d{1,3}$", "", key) in _NUMBERED_PARTS:
        return False
    if key.split()[0] == "dear":
        return False  # a letter's salutation ("Dear Ms. Ruiz:", "Dear Worried:"): the one written to, not the writer
    name = re.sub(r"\s+#\d{1,3}$", "", name)  # "UNIDENTIFIED RANCHER #1": a numbered voice
    if re.fullmatch(r"[A-Z]{1,2}\d{1,3}|(?i:speaker|spk)_\d{1,3}", name):
        return True  # "P1", "FG2": a focus group's anonymised participant; "SPEAKER_00": a diarising program's voice
    if re.search(r"[,;!?()\"“”/\\=<>{}|#@%$+]", name):
        return False
    words = name.split()
    if len(words) > most_words:
        return False
    if words[0][0].isdigit():
        return False
    for i, word in enumerate(words):
        if any(ch.isdigit() for ch in word) and not (word.isdigit() and i == len(words) - 1 and i > 0):
            return False
    letters = [ch for ch in name if ch.isalpha()]
    if all(ch.isupper() for ch in letters):
        return True
    for word in words:
        bare = word.strip(".'’-")
        if not bare:
            return False
        if bare[0].isupper() or bare.lower() in PARTICLES or bare.lower() in connectors or _GLUED_PARTICLE.match(bare):
            continue
        if word.isdigit():
            continue
        return False
    return words[0][0].isupper()


# A reply's line above the message it quotes, as mail programs write it, with the date and time and often the address:
# "On Wed, Jun 11, 2025 at 9:14 AM Name <address> wrote:" ("On Tuesday, the senator wrote:" in a story is no email's)
MAIL_WROTE = re.compile(r"(?im)^[ \t>]*on[ \t](?=[^\n]*(?:\b\d{4}\b|\d/\d|<[^>\n]*@))[^\n]{0,60}?"
                        r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]*[ap]\.?m\.?)?[^\n]{0,40}?[, \t]+(?P<who>[^,\n<]{3,80}?)[ \t]*"
                        r"(?:<[^>\n]*>|\[[^\]\n]*\])?[ \t]*wrote:[ \t]*$")
# Below a reply, the line over the message it answers or forwards: "-----Original Message-----", "---------- Forwarded
# message ---------", "Begin forwarded message:"
MAIL_QUOTED = re.compile(r"(?im)^[ \t>]*-{2,}[ \t]*(?:original[ \t]+message|forwarded[ \t]+message)[ \t]*-*[ \t]*$"
                         r"|^[ \t>]*begin[ \t]+forwarded[ \t]+message:")
