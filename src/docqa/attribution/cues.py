"""Speech cues: the verbs of saying and the shapes around them ("X said", "said X", ", X added.",
"according to X"), as regular expressions over text whose quotations are masked.

Each pattern names its subject group ``subj`` (or ``subj2`` for the inverted "said X"); who that
subject is, is ``docqa.attribution.subjects``' job.
"""

from __future__ import annotations

import re

from docqa.attribution.lexicon import TITLE_ABBREVIATIONS

_VERB_FORMS = """
say says said saying tell tells told add adds added warn warns warned stress stresses stressed
note notes noted argue argues argued ask asks asked welcome welcomes welcomed explain explains
explained insist insists insisted claim claims claimed state states stated declare declares declared
announce announces announced acknowledge acknowledges acknowledged admit admits admitted emphasize
emphasizes emphasized emphasise emphasises emphasised underline underlines underlined urge urges urged
suggest suggests suggested predict predicts predicted promise promises promised pledge pledges pledged
vow vows vowed reiterate reiterates reiterated repeat repeats repeated reply replies replied respond
responds responded answer answers answered recall recalls recalled remark remarks remarked comment
comments commented observe observes observed describe describes described praise praises praised
criticize criticizes criticized criticise criticises criticised condemn condemns condemned deny
denies denied confirm confirms confirmed write writes wrote tweet tweets tweeted concede concedes
conceded caution cautions cautioned contend contends contended maintain maintains maintained assert
asserts asserted assure assures assured express expresses expressed hail hails
hailed call calls called point points pointed quip quips quipped joke jokes joked recount recounts
recounted testify testifies testified report reports reported
""".split()
# Base forms of verbs of saying, for the dependency parse (which gives each verb's lemma): the cue
# verbs above and the livelier ones of news writing ("fumed", "quipped", "blasted", "tweeted").
SPEECH_LEMMAS = {
    "say", "tell", "add", "warn", "stress", "note", "argue", "ask", "welcome", "explain", "insist", "claim", "state",
    "declare", "announce", "acknowledge", "admit", "emphasize", "emphasise", "underline", "urge", "suggest", "predict",
    "promise", "pledge", "vow", "reiterate", "repeat", "reply", "respond", "answer", "recall", "remark", "comment",
    "observe", "describe", "praise", "criticize", "criticise", "condemn", "deny", "confirm", "write", "tweet", "post",
    "concede", "caution", "contend", "maintain", "assert", "assure", "express", "hail", "call", "quip", "joke",
    "recount", "testify", "fume", "blast", "slam", "boast", "complain", "protest", "lament", "retort", "counter",
    "shout", "scream", "whisper", "mutter", "snap", "groan", "sigh", "laugh", "muse", "wonder", "estimate", "conclude",
    "allege", "report", "disclose", "reveal", "tout", "brag", "grumble", "plead", "beg", "demand", "thunder", "rail",
    "exclaim", "gush", "scoff", "concur", "agree", "disagree", "dismiss", "advise", "recommend", "propose",
}
# What makes a paragraph worth parsing: a quotation mark, or a word that mostly marks speech in running
# text ("said", "told", "according to"); not "suggested" or "reported", which fill scientific prose.
PARSE_TRIGGERS = (
    "say says said saying tell tells told added adds asked asks wrote writes tweeted tweets according quoted declared "
    "insisted insists argued argues warned warns stressed stresses explained explains claimed claims announced "
    "testified replied replies responded recalled admitted admits acknowledged urged urges vowed vows pledged "
    "promised fumed quipped joked blasted slammed remarked commented"
).split()
# Headlines capitalise verbs ("Blinken Says ..."); only these are safe to accept capitalised
# ("State", "Note", "Welcome" start names and titles).
_HEADLINE_FORMS = "Says Said Tells Told Warns Warned Urges Urged Vows Vowed Stresses Insists Pledges Claims Calls Asks".split()
VERBS = r"(?:" + "|".join(sorted(_VERB_FORMS + _HEADLINE_FORMS, key=len, reverse=True)) + r")"
VERB_FORMS = set(_VERB_FORMS) | set(_HEADLINE_FORMS)
_ADVERBS = (
    r"(?:\s+(?:also|later|earlier|then|previously|repeatedly|again|recently|publicly|privately|"
    r"separately|further|once|often|frequently|has|had|have|would|will|did|does|on\s+\w+day|"
    r"last\s+\w+|this\s+week|[a-z]+ly))*"
)
_LEAD = (
    r"(?:(?i:but|and|however|meanwhile|still|yet|also|later|earlier|separately|instead|indeed|"
    r"in\s+(?:a|an|his|her|their|its)\s+[\w\s\-]{1,40}?|on\s+\w+|at\s+[\w\s\-]{1,40}?|"
    r"speaking\s+[^,]{1,60}?)\s*,?\s+)?"
)
_SUBJECT = r"(?P<subj>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,119}?)"
_APPOSITIVE = r"(?:,\s(?P<appos>[^,;:“”\"«»_]{1,150}),)?"
SENTENCE_CUE = re.compile(r"^" + _LEAD + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+(?P<verb>" + VERBS + r")\b")
# The subject of an inverted cue ("said U.N. Secretary-General António Guterres."): it may hold the
# periods of initials and abbreviations, but a period after a word ends it.
_INVERTED_SUBJECT = (
    r"(?:[^,;:.!?“”\"«»_]|(?<=\b[A-Z])\.|"
    + "|".join(rf"(?<=\b{a})\." for a in TITLE_ABBREVIATIONS)
    + r"){1,80}"
)
AFTER_QUOTE = re.compile(
    r"[\s,;:—–-]*(?:" + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+(?P<verb>" + VERBS + r")\b"
    r"|(?P<verb2>" + VERBS + r")\s+(?P<subj2>" + _INVERTED_SUBJECT + r"))",
)
TRAILING_CUE = re.compile(
    r",\s+(?:" + _SUBJECT + _ADVERBS + r"\s+(?P<verb>said|says|added|adds|noted|notes|told\s+\w+|explained|argued|warned|stressed)"
    r"|(?P<verb2>said|says|added|adds|noted|explained|argued|warned|stressed)\s+(?P<subj2>" + _INVERTED_SUBJECT + r"))"
    r"(?:\s+on\s+\w+day)?\s*[.!?]?\s*$",
)
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<subj>[^,;:.!?“”\"«»_]{2,80}?)(?=\s*[,;:.!?]|\s*$)", re.I)
# A roundup line: a name (and outlet or description) then a colon or dash, then the quote:
# "Dana Cole, Channel 9: “…”", "Ivo Brandt, head of the Trust — "…"".
ROUNDUP = re.compile(r"(?P<subj>[^:“”\"«»—–\n]{2,150}?)\s*(?::|—|–|--?)\s*(?=[“\"«„])")
