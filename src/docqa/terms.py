"""The content words of a question or a sentence: what lexical search and highlighting match on."""

from __future__ import annotations

import re

# Words that carry no topic: dropped from the query so they neither cost time nor add noise.
STOPWORDS = set(
    """a about above after again against all am an and any are as at be because been before being below between both but
    by can could did do does doing down during each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves say said says tell told talk talked mention mentioned""".split()
)


def terms(text: str) -> list[str]:
    """Lower-case content words of a query, stopwords removed, in order, each once.

    >>> terms("What did Blinken say about the S-400?")
    ['blinken', '400']
    """
    out: list[str] = []
    for word in re.findall(r"\w+", text.lower()):
        if word not in STOPWORDS and word not in out and (len(word) > 1 or word.isdigit()):
            out.append(word)
    return out
