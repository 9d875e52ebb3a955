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

# Words that open an address or a reply, never a first name: "Thanks Ana.", "Hi Bo,", "Cheers Ruiz".
GREETINGS = {"thanks", "thank", "hi", "hello", "hey", "dear", "cheers", "congrats", "congratulations", "welcome", "sorry",
             "morning", "evening", "afternoon", "goodbye", "bye", "ok", "okay", "yes", "well", "right", "great"}

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
recounted testify testifies testified report reports reported remind reminds reminded inform informs informed
text texts texted email emails emailed message messages messaged post posts posted
shout shouts shouted yell yells yelled chant chants chanted scream screams screamed whisper whispers whispered
""".split()
SPEECH_VERBS = "|".join(SPEECH_VERB_FORMS)  # the same, as a regular expression's alternation
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
    "exclaim", "gush", "scoff", "concur", "agree", "disagree", "dismiss", "advise", "recommend", "propose", "remind", "inform",
    "text", "email", "message", "chant", "yell",
}
# What makes a paragraph worth parsing: a quotation mark, or a word that mostly marks speech in running
# text ("said", "told", "according to"); not "suggested" or "reported", which fill scientific prose.
PARSE_TRIGGERS = (
    "say says said saying tell tells told added adds asked asks wrote writes tweeted tweets according quoted declared "
    "insisted insists argued argues warned warns stressed stresses explained explains claimed claims announced "
    "testified replied replies responded recalled admitted admits acknowledged urged urges vowed vows pledged "
    "promised fumed quipped joked blasted slammed remarked commented texted emailed messaged posted"
).split()
# Headlines capitalise verbs ("Blinken Says ..."); only these are safe to accept capitalised
# ("State", "Note", "Welcome" start names and titles).
HEADLINE_FORMS = "Says Said Tells Told Warns Warned Urges Urged Vows Vowed Stresses Insists Pledges Claims Calls Asks".split()

# Verbs that withhold the saying they govern: "declined to comment", "refused to say" carry no words of the subject's.
WITHHOLDING_LEMMAS = {"decline", "refuse", "fail", "neglect", "avoid"}
# Verbs of saying that are also acts: "declared a state of emergency" and "announced a plan" do things, while
# "declared that…" and "announced: …" say them.  They are speech only with content after them; so are the ways of
# writing to someone ("texted a photo", "posted bail", against "texted a reporter: “…”", "posted on Facebook that…").
ACT_LEMMAS = {"declare", "announce", "propose", "unveil", "launch", "issue", "order", "approve", "sign", "text", "email",
              "message", "post"}
ACT_FORMS = {form for lemma in ACT_LEMMAS for form in (lemma, lemma + "s", lemma + "d", lemma + "ed", lemma + "ing")} | {
    "declares", "declared", "announces", "announced", "proposes", "proposed", "unveils", "unveiled", "issues", "issued"}

# -- questions ------------------------------------------------------------------------------------------------
# Auxiliaries that open a question or stand before the person it asks about ("what did X say", "why didn't X").
AUXILIARIES = {
    "did", "does", "do", "has", "have", "had", "is", "was", "were", "are", "will", "would", "could", "can", "might", "should",
    "must", "didn't", "doesn't", "don't", "wasn't", "weren't", "hasn't", "haven't",
}
# The verbs a question puts after the person it asks about ("what did X say / think / propose about Y"): verbs
# of saying and of holding a view, each form written out.
QUESTION_VERBS = """
say said says saying think thinks thought tell told mention mentioned talk talked speak spoke spoken discuss discussed
argue argued claim claimed believe believed feel felt describe described make made stress stressed warn warned note noted
add added suggest suggested announce announced reveal revealed comment commented state stated propose proposed want wanted
ask asked answer answered explain explained respond responded reply replied call called promise promised pledge pledged
urge urged praise praised criticize criticized criticise criticised know see plan view consider address addressed raise
raised admit admitted acknowledge acknowledged express expressed agree agreed disagree disagreed support supported oppose
opposed refer referred recommend recommended introduce introduced
""".split() + ["bring up", "brought up", "put forward"]
# Verbs that make a question-opening name its subject ("Marketing suggested…"); narrower than QUESTION_VERBS,
# which hold words that are nouns after a name ("Marketing plan", "view").
SUBJECT_VERBS = set("""
say said says think thinks thought tell told mention mentioned talk talked talks speak spoke discuss discussed argue argued
argues claim claimed believe believes feel feels felt want wants wanted suggest suggested suggests propose proposed proposes
recommend recommended recommends explain explained agree agreed agrees disagree disagreed warn warned warns insist insisted
answer answered reply replied
""".split())
# Adverbs and auxiliaries between a person and the verb ("what has Blinken ever publicly said").
QUESTION_ADVERBS = "ever also really actually publicly just recently previously already been have had has to going".split()
# Words that open a question and never name a speaker.
QUESTION_WORDS = {"what", "who", "how", "why", "when", "where", "which", "did", "does", "do", "the", "a", "an", "and", "so",
                  "tell",
                  "show", "me"}
# Words after which a name is what the question is about, not who speaks ("agree with X", "talk about X").
OBJECT_MARKERS = {"with", "about", "to", "towards", "toward", "on", "of", "for", "against", "from", "than", "at", "into",
                  "over", "regarding", "concerning", "between", "among", "like", "as"}
# What someone holds or says, after a possessive or before "of"/"by" ("Blinken's view of", "the opinion of X").
VIEW_NOUNS = {
    "opinion", "opinions", "view", "views", "idea", "ideas", "point", "points", "thought", "thoughts", "position",
    "positions", "stance", "argument", "arguments", "suggestion", "suggestions", "proposal", "proposals", "evaluation",
    "assessment", "comment", "comments", "remark", "remarks", "presentation", "reaction", "response", "responses",
    "answer", "answers", "concern", "concerns", "feedback", "attitude", "perspective", "update", "updates",
    "explanation", "reasoning", "recommendation", "recommendations", "statement", "statements", "words", "take",
    "impression", "impressions", "preference", "preferences", "input", "contribution", "conclusion", "objection",
    "objections", "criticism", "belief", "beliefs", "claim", "claims", "testimony", "speech", "worries", "advice",
}
# Things asked of someone ("questions from X"), and the words that make a question about the questions asked.
ASKED_NOUNS = {"question", "questions", "evidence", "questioning"}
ABOUT_ASKING = {"question", "questions", "ask", "asks", "asked", "asking", "reporter", "reporters", "journalist", "journalists",
                "interviewer", "moderator"}
# Words after a role label that still belong to the role ("the user interface designer" for "User Interface").
ROLE_TAIL = {"designer", "designers", "manager", "person", "team", "member", "lead", "expert", "specialist", "rep"}
ARTICLES = {"the", "a", "an"}


def alternation(words: list[str] | set[str]) -> str:
    """A regular expression matching any of ``words`` (longest first; spaces match any whitespace).

    >>> alternation(["say", "bring up"])
    '(?:bring\\\\s+up|say)'
    """
    import re

    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w))) + ")"

# Words whose change turns a statement around or changes a figure: a quote check says so of an alteration.
NEGATIONS = {"not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "cannot", "without", "nowhere", "n't"}
NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "half", "quarter", "percent", "dozen", "first", "second", "third", "once", "twice", "double",
    "triple",
}

# The capital letters a name may start with, accented ones included ("Émile", "Ángela", "Łukasz"), for a regular
# expression's character class: "[" + CAPITALS + "]".
CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())

# Prepositions that end a name in a heading or a title: "Remarks by President X Before Marine One Departure", "Governor
# X at the Opening of …", "Secretary X on the Closure of …"
HEADING_PREPOSITIONS = frozenset({
    "before", "after", "upon", "during", "aboard", "following", "ahead", "amid", "at", "on", "in", "into", "for", "from",
    "by", "over", "under", "against", "between", "about", "regarding", "without", "via", "with",
})

# Words that open a description of someone not yet known, or of several: "a person familiar with the talks", "one
# official", "two aides"
INDEFINITES = frozenset({"a", "an", "one", "another", "some", "several", "many", "other", "others", "two", "three", "four",
                         "five"})
