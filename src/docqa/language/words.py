"""The English word lists docqa knows, in one place: words that carry no topic, verbs of saying and the
shapes around them.  Readers, attribution and search all read them from here.

The titles, honorifics, particles, role and organisation words of people's names are in
``docqa.language.lexicon``.
"""

from __future__ import annotations

# Words that carry no topic: dropped from the query so they neither cost time nor add noise.
STOPWORDS = set(
    """a about above after again against all am an and any are as at be because been before being below between both but
    by can could did do does doing down during each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves say said says tell told talk talked mention mentioned""".split()
)

# Verbs of saying in running text, every form a speech cue may take ("Blinken said", "said Blinken").
SPEECH_VERB_FORMS = """
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
HEADLINE_FORMS = "Says Said Tells Told Warns Warned Urges Urged Vows Vowed Stresses Insists Pledges Claims Calls Asks".split()
