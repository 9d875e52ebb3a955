"""Speech cues: the verbs of saying and the shapes around them ("X said", "said X", ", X added.",
"according to X"), as regular expressions over text whose quotations are masked.

Each pattern names its subject group ``subj`` (or ``subj2`` for the inverted "said X"); who that
subject is, is ``docqa.attribution.subjects``' job.
"""

from __future__ import annotations

import re

from docqa.language.labels import SECTION_HEADINGS
from docqa.language.lexicon import TITLE_ABBREVIATIONS
from docqa.language.words import CAPITALS, HEADLINE_FORMS, SPEECH_VERB_FORMS

VERBS = r"(?:" + "|".join(sorted(SPEECH_VERB_FORMS + HEADLINE_FORMS, key=len, reverse=True)) + r")"
VERB_FORMS = set(SPEECH_VERB_FORMS) | set(HEADLINE_FORMS)
_ADVERBS = (
    r"(?:\s+(?:also|later|earlier|then|previously|repeatedly|again|recently|publicly|privately|"
    r"separately|further|once|often|frequently|has|had|have|would|will|did|does|on\s+\w+day|"
    r"last\s+\w+|this\s+week|[a-z]+ly))*"
)
# A structured abstract's heading run into its first sentence, in capitals ("RESULTS", "MAIN OUTCOMES AND MEASURES")
RUN_IN_HEADING = (r"(?:(?:" + "|".join(sorted((h.upper() for h in SECTION_HEADINGS), key=len, reverse=True))
                  + r")(?:\s(?:AND|[A-Z]{3,}))*\s+(?=[A-Z]))")
# "GREENVALE, Ohio — ", "PORTMOUTH, Ore. (Wire) — ": where and who filed the story, not a subject.
_DATELINE = r"[A-Z][A-Z .'’-]{2,40}(?:,[ \t][A-Z][\w. ]{1,30})?(?:[ \t]\([^)]{1,40}\))?[ \t]*[—–-]{1,2}[ \t]"
DATELINE = re.compile(_DATELINE)
_LEAD = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[—–-]\s*)?"  # a live page's entry: "15:10 — Key quote from …:"
    r"(?:" + _DATELINE + r")?"  # "LONDON - Shipping minister Petra Ivanova said": the dateline is no part of the subject
    r"(?:" + RUN_IN_HEADING + r")?"  # "RESULTS Stakeholders suggested…": a section's name, not the speaker's
    r"(?:(?i:but|and|however|meanwhile|still|yet|also|later|earlier|separately|instead|indeed|"
    r"in\s+(?:a|an|his|her|their|its)\s+[\w\s\-]{1,40}?|on\s+\w+|at\s+[\w\s\-]{1,40}?|"
    r"speaking\s+[^,]{1,60}?|as(?=\s+[^,;:]{1,60}?\s+put\s+it\b))\s*,?\s+)?"  # "As Ruiz put it:": Ruiz
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
# The name in apposition after an inverted cue's description: "said a spokesperson for the authority, Delphine Achebe."
_INVERTED_APPOSITIVE = r"(?:,\s+(?P<appos2>[" + CAPITALS + r"][^,;:.!?“”\"«»_]{1,60}?)(?=\s*(?:[.!?]|,\s|$)))?"
# "“…,” read a statement from the campaign": a document's words, never the last speaker's
_READ = (r"read(?=\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}"
         r"(?:statement|post|message|letter|note|e-?mail|release|tweet)s?\b)")
AFTER_QUOTE = re.compile(
    r"[\s,;:—–-]*(?:" + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+(?P<verb>" + VERBS + r")\b"
    r"|(?P<verb2>" + VERBS + "|" + _READ + r")\s+(?P<subj2>" + _INVERTED_SUBJECT + r")" + _INVERTED_APPOSITIVE + r")",
)
_TRAILING_VERBS = r"said|says|added|adds|noted|notes|explained|argued|warned|stressed|concluded|wrote|stated|cautioned|insisted"
# What may follow the verb of a trailing cue: when, where or how it was said ("said in a statement", "told reporters on Monday")
_SAID_HOW = (r"(?:\s+(?:on\s+\w+day|last\s+\w+|this\s+\w+|earlier|later|in\s+(?:a|an|its|his|her|their)\s+[\w\s\-]{1,40}?"
             r"|at\s+(?:a|an|the)\s+[\w\s\-]{1,40}?|by\s+(?:phone|telephone|email)|on\s+(?:social\s+media|X|Twitter)))*")
TRAILING_CUE = re.compile(
    r",\s+(?:" + _SUBJECT + _ADVERBS + r"\s+(?P<verb>" + _TRAILING_VERBS + r"|told\s+\w+)"
    r"|(?P<verb2>" + _TRAILING_VERBS + r")\s+(?P<subj2>" + _INVERTED_SUBJECT + r"))" + _SAID_HOW + r"\s*[.!?]?\s*$",
)
# A quotation introduced by a colon: "Ferreira put it bluntly: “…”", "Galloway told reporters: “…”", "Her answer: “…”"
_INTRODUCING = (r"(?:" + VERBS + r"|put\s+it|had\s+this\s+to\s+say|offered\s+this|summed\s+(?:it\s+)?up"
                # "released the following statement:", "issued a brief statement on Friday:", "gave this reply:"
                r"|(?:released|issued|gave|made|sent|posted|shared|provided|offered|put\s+out)\s+(?:the\s+following|this|a|an"
                r"|his|her|their|its)(?:\s+[\w-]+){0,2}?\s+(?:statement|comment|response|reply|message|remarks|tribute|answer)s?)")
BEFORE_QUOTE = re.compile(
    r"^" + _LEAD + _SUBJECT + _APPOSITIVE + _ADVERBS + r"\s+" + _INTRODUCING + r"\b[^:;“”\"«»_]{0,80}?:\s*$"
    r"|^" + _LEAD + r"(?:(?P<owner>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,80}?)['’]s|(?P<possessor>(?i:his|her|their)))\s+"
    r"(?:first\s+|only\s+|blunt\s+)?"
    r"(?:answer|reply|response|verdict|message|advice|view|take|explanation|reasoning|words|retort|warning|promise)"
    r"(?:\s+(?:to|for|on|about|at|in|was|is|were|are|had|has)\b[^:;“”\"«»_]{0,60}?)?\s*:\s*$"  # "message to them was blunt:"
    # whose view the sentence gives: "For Ana Ruiz, the answer is simple:", "To the council, the message was clear:"
    r"|^" + _LEAD + r"(?i:for|to)\s+(?P<holder>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,60}?),\s+(?i:the|it|that|this)\b"
    r"[^:;“”\"«»_]{0,60}:\s*$"
    # "In the words of his neighbour, Ana Ruiz:": the one whose words they are
    r"|^" + _LEAD + r"(?i:in\s+the\s+words\s+of)\s+(?P<worder>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,60}?)"
    r"(?:,\s(?P<worder_named>[^,;:“”\"«»_]{1,80}))?\s*:\s*$"
    # a live page's "Key quote from the forecaster Ana Ruiz, speaking on local radio:", "A statement from Bo Li:"
    r"|^" + _LEAD + r"(?i:(?:(?:key|a|the|one|another|latest|first)\s+)?(?:quote|quotation|statement|comment|reaction"
    r"|message|response)s?\s+from)\s+(?P<sourced>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,80}?)(?:,\s[^,;:“”\"«»_]{1,80})?\s*:\s*$")
# A quotation another speaker's words report: "X said the minister, Y, told her, “…”", "X recalled that Y had told
# him: “…”".  The quotation is the inner subject's (``inner``, with its ``appos``), not the reporter's.
NESTED_QUOTE = re.compile(
    r"\b" + VERBS + r"\s+(?:that\s+)?(?P<inner>[^\s,;:“”\"«»_][^,;:“”\"«»_]{0,80}?)"
    r"(?:,\s(?P<appos>[^,;:“”\"«»_]{1,80}),)?(?:\s+(?:had|has|have|once|later|then))?"
    r"\s+(?:told|tells|said|says|asked|asks|warned|warns|wrote|writes|texted|emailed)"
    r"(?:\s+(?:to\s+)?[\w'’-]+){0,3}\s*[,:]$")
# What makes an act verb ("declared", "announced") a verb of saying: content after it, not an object
_CONTENT = re.compile(r"\s*(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:that\b|[:“\"«,]|to\s+(?:reporters|the\s+press|a\s+crowd)\b"
                      r"|(?:he|she|they|it|we|i|there)\s+(?:would|will|was|were|is|are|had|has|could|can|must|should)\b)"
                      r"|(?:\s+[\w'’-]+){1,5}\s*:", re.I)  # "texted a reporter late Friday: …"


def says_something(masked: str, verb_end: int) -> bool:
    """Whether what follows a verb that can also be an act is what was said ("announced that Route 9 would…",
    "declared: …"), not what was done ("declared a state of emergency", "announced a plan to…").

    >>> says_something("announced that the road would close", 9), says_something("declared a state of emergency", 8)
    (True, False)
    """
    return _CONTENT.match(masked, verb_end) is not None


# "according to X", "according to the treasurer, Dana Whitfield," or "…, according to the utility, Gulfline Power." (the
# name in apposition speaks), "according to a statement from X" (a report or a study is a document, not a speaker)
ACCORDING = re.compile(r"\baccording\s+to\s+(?:(?:a|an|the|its|his|her|their)\s+(?:written\s+|brief\s+|joint\s+)?"
                       r"(?:statement|letter|email|e-mail|post|message|press\s+release)\s+(?:from|by|issued\s+by)\s+)?"
                       r"(?P<subj>[^,;:.!?“”\"«»_]{2,80}?)"
                       r"(?:,\s(?P<appos>(?-i:[" + CAPITALS + r"])[^,;:.!?“”\"«»_]{1,60})(?:,(?=\s)|(?=[.!?]?\s*$))"
                       r"|(?=\s*[,;:.!?]|\s*$))", re.I)
# "The Courier quoted port director X as saying …", "Reuters cited a ministry spokesperson as saying …": the one
# quoted speaks, not the outlet that quotes them
QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(?!by\b)(?P<subj>[^,;:.!?“”\"«»_]{2,80}?)"
                       r"(?:,\s(?P<appos>[^,;:.!?“”\"«»_]{1,80}),)?\s+as\s+(?:saying|telling|writing|stating|warning|adding)\b")
# A roundup line: a name (and outlet or description) then a colon or dash, then the quote:
# "Dana Cole, Channel 9: “…”", "Ivo Brandt, head of the Trust — "…"".
ROUNDUP = re.compile(r"(?P<subj>[^:“”\"«»—–\n]{2,150}?)\s*(?::|—|–|--?)\s*(?=[“\"«„])")

# A speaker saying who they are: "I'm Ana Ruiz", "My name is …", "This is …" (the name follows, capitalised)
SELF_INTRO = re.compile(r"\b(?:I['’]m|I[ \t]+am|[Mm]y[ \t]+name[ \t]+is|[Tt]his[ \t]+is)[ \t]+(?=[A-Z])")
