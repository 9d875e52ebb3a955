"""Speaker linking: every mention of a known speaker in a question, found against the index's own aliases
(names, labels, titles, roles), longest first, and kept only where the question makes it a speaker.

Tolerant of the ways people write questions: case, possessives, curly apostrophes, a stem for a
word ("Industrial Design" for the label "Industrial Designer"), an honorific the index dropped
("Ms. Claire Saint-Jacques"), a role word after a label ("the user interface designer" for "User
Interface"), a parenthesised description after a name.  A mention is a speaker when the question
makes it one: the subject of its verb ("What did the professor think…"), a possessive ("the
project manager's opinions"), the agent of a passive ("was considered by Bo Li"),
"according to X", a view "of" someone ("the opinion of User Interface"), or joined to one of
those by "and".  A name after "with", "about", "to"… is what the question is about, not who speaks.
A role of several words also matches with one word slightly off ("the product manager" for the
label "Project Manager"); people's names never do.

>>> words("What were Intern K’s notes?")[2:4]
[(10, 16, 'intern'), (17, 20, 'k')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from docqa.language import tokens
from docqa.language.lexicon import HONORIFICS, PERSON_NOUNS, ROLE_WORDS
from docqa.language.tokens import stem
from docqa.language.words import (
    ARTICLES,
    ASKED_NOUNS,
    AUXILIARIES,
    OBJECT_MARKERS,
    QUESTION_VERBS,
    ROLE_TAIL,
    STOPWORDS,
    SUBJECT_VERBS,
    VIEW_NOUNS,
)

# Who a possessive names as speaking in someone's place: "Ruiz's spokesman", "the mayor's office", "Ruiz's lawyer"
_SOMEONE_ELSE = (PERSON_NOUNS | ROLE_WORDS | {"office", "campaign", "staff", "aide", "aides", "team", "family", "counsel",
                                              "spokespeople", "lawyers", "attorneys", "representatives"}) - VIEW_NOUNS
NEAR = 0.7  # how alike a word of a several-word role must be ("product" ~ "project": 0.71; "marketing" ~ "market": 0.8)


@dataclass(frozen=True)
class Mention:
    """A known speaker written in a question: where (offsets into the question), the alias key, the
    speakers it may mean, and whether the question makes them the speaker."""

    start: int
    end: int
    key: str
    speaker_ids: tuple[int, ...]
    speaking: bool


def words(question: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-case form without possessive or accents) of each word of a question, as alias keys are
    written (``docqa.language.tokens``)."""
    return [(w.start, w.end, tokens.unaccented(w.plain)) for w in tokens.words(question)]


class AliasIndex:
    """Alias keys by their stemmed words, for matching word sequences of a question (longest first)."""

    def __init__(self, aliases: dict[str, list[int]], roles: set[str] | frozenset[str] = frozenset()) -> None:
        """``roles``: alias keys that may also match written slightly off (roles, not people's names)."""
        self._by_stems: dict[tuple[str, ...], set[int]] = {}
        self._exact: dict[str, list[int]] = aliases
        self._roles: dict[tuple[str, ...], str] = {}
        for key, ids in aliases.items():
            stems = tuple(stem(w) for w in key.split())
            if stems and any(c.isalpha() for c in key):  # "1" (from "Appendix Table 1") names no one
                self._by_stems.setdefault(stems, set()).update(ids)
                if key in roles:
                    self._roles[stems] = key
        self.longest = max((len(k) for k in self._by_stems), default=0)
        self._by_head: dict[tuple[int, str], list[tuple[str, ...]]] | None = None

    def lookup(self, forms: list[str]) -> set[int]:
        """The speakers a word sequence names: exactly, or, for several words, by their stems ("Industrial
        Design" for "Industrial Designer"); one word only exactly ("Exposure" is no "Exposures")."""
        key = " ".join(f.replace(".", "") for f in forms)
        exact = self._exact.get(key)
        if exact and any(c.isalpha() for c in key):
            return set(exact)
        if len(forms) < 2:
            return set()
        return set(self._by_stems.get(tuple(stem(f) for f in forms), ()))

    def near(self, forms: list[str], usable: set[str] | None = None) -> set[int]:
        """A role of several words written with one word slightly off ("product manager" for the label
        "Project Manager"): the same head word, the others at least ``NEAR`` alike, one alias only
        (and one of the ``usable`` keys, when given)."""
        stems = tuple(stem(f) for f in forms)
        if len(stems) < 2 or any(len(s) < 4 for s in stems):
            return set()
        if self._by_head is None:
            self._by_head = {}
            for key in self._roles:
                if len(key) >= 2:
                    self._by_head.setdefault((len(key), key[-1]), []).append(key)
        close = [key for key in self._by_head.get((len(stems), stems[-1]), [])
                 if all(a == b or difflib.SequenceMatcher(None, a, b).ratio() >= NEAR for a, b in zip(key[:-1], stems[:-1],
                                                                                                      strict=True))]
        if len(close) != 1 or (usable is not None and self._roles[close[0]] not in usable):
            return set()
        return set(self._by_stems[close[0]])


def find_mentions(question: str, index: AliasIndex, usable: set[str] | None = None,
                  in_scope: Callable[[set[int]], bool] | None = None) -> list[Mention]:
    """Every known speaker written in ``question``, longest match first, with whether it is a speaker there.

    ``usable``: alias keys that may match at all (the index leaves out given names written in lower
    case and the like).  ``in_scope``: whether speakers are among those searched; the longest match
    with someone in scope wins over a longer one without ("the user interface designer" is the
    meeting's "User Interface", not a "User Interface Designer" of another meeting).
    """
    tokens = words(question)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        match = None
        if tokens[i][2] not in ARTICLES and tokens[i][2] not in HONORIFICS:
            for n in range(min(index.longest, len(tokens) - i), 0, -1):
                forms = [t[2] for t in tokens[i : i + n]]
                key = " ".join(forms)
                if usable is None or key in usable or _capitalised(question, tokens[i : i + n]):
                    ids = index.lookup(forms) or index.near(forms, usable)
                else:
                    ids = index.near(forms, usable)
                if ids:
                    match = match or (n, key, ids)
                    if in_scope is None or in_scope(ids):
                        match = (n, key, ids)
                        break
        if match is None:
            i += 1
            continue
        n, key, ids = match
        start, end = tokens[i][0], tokens[i + n - 1][1]
        j = i + n
        if j < len(tokens) and len(key.split()) == 1 and _continues_name(question, tokens[j]):
            i = j  # "Speaker C", "Professor Smith": a longer name the index does not know, not its first word
            continue
        while j < len(tokens) and tokens[j][2] in ROLE_TAIL:  # "the user interface designer" for "User Interface"
            end = tokens[j][1]
            j += 1
        paren = re.match(r"\s*\([^)]{0,120}\)", question[end:])
        if paren:  # "Ana Ruiz (director and secretary of …)"
            end += paren.end()
        while i > 0 and tokens[i - 1][2] in ARTICLES | set(HONORIFICS):
            i -= 1
            start = tokens[i][0]
        found.append(Mention(start, end, key, tuple(sorted(ids)), _speaking(question, start, end)))
        i = j
    _coordinate(question, found)
    return found


def _capitalised(question: str, span: list[tuple[int, int, str]]) -> bool:
    return all(question[s].isupper() or question[s].isdigit() for s, _, _ in span)


def _speaking(question: str, start: int, end: int) -> bool:
    """Whether the question makes the mention at [start, end) a speaker."""
    before = [w.lower().replace("’", "'") for w in re.findall(r"[\w'’]+", question[:start])]
    while before and before[-1] in ARTICLES:
        before.pop()
    after = question[end:]
    if re.match(r"\s*(?:['’]s|s['’]|['’])(?:\s|$)", question[end - 2 : end + 3]) or re.match(r"['’]\s?s?\b", after) \
            or (question[end - 1] in "'’" and re.match(r"\s?s\b", after)):  # "Huw David' s opinion"
        owned = re.match(r"(?:['’]\s?s\b|['’])?\s*([A-Za-z-]+)", after)
        if owned is not None and owned.group(1).lower() in _SOMEONE_ELSE:
            return False  # "what did Ruiz's spokesman say": the spokesman speaks, not Ruiz
        # "the project manager's opinions", not "about Ed's plan" nor "answer Ed's question" (the verb's object)
        return not (before and before[-1] in OBJECT_MARKERS | SUBJECT_VERBS | set(QUESTION_VERBS))
    if not before:  # the question opens with the name: "Blinken on Turkey", not "Language generation"
        next_word = re.match(r"\s*([\w'’]+|[^\w\s])?", after).group(1)  # type: ignore[union-attr]
        return (next_word is None or not next_word[0].isalnum()
                or next_word.lower() in OBJECT_MARKERS | AUXILIARIES | VIEW_NOUNS | {"and", "or"}
                or next_word.lower() in SUBJECT_VERBS)
    last = before[-1]
    if last in AUXILIARIES:
        return True  # "What did the professor think", "Why didn't Marketing agree"
    if last == "to" and len(before) > 1 and before[-2] == "according":
        return True
    if last in ("of", "by", "from") and len(before) > 1 and before[-2] in VIEW_NOUNS | ASKED_NOUNS:
        return True  # "the opinion of User Interface", "the presentation by Marketing", "questions from Irranca-Davies"
    if last == "not" and len(before) > 1 and before[-2] in AUXILIARIES:
        return True  # "why did not Marketing agree"
    following = re.match(r"\s+(\w+)", after)
    if following is not None and following.group(1).lower() in VIEW_NOUNS and last not in OBJECT_MARKERS:
        return True  # "Summarize Ana Ruiz-Lopez opinions on…": a possessive without its apostrophe
    if last == "by":  # the agent of a passive near the start: "What was considered by Bo Li as…"
        return any(w in ("was", "were", "is", "are", "been", "being") for w in before[:4])
    return False


_NOT_NAMES = AUXILIARIES | OBJECT_MARKERS | STOPWORDS | set(QUESTION_VERBS) | VIEW_NOUNS  # "What Did Blinken Say About…"


def _continues_name(question: str, token: tuple[int, int, str]) -> bool:
    """Whether the word after a one-word match continues a name: a capital letter or a capitalised word
    right after it, in the same phrase ("Speaker C", "Minister Jones"; not "Marketing? Then…")."""
    start, _, plain = token
    text = question[start:]
    return (bool(text[:1].isupper()) and plain not in _NOT_NAMES and question[start - 1 : start] == " ")


def _coordinate(question: str, found: list[Mention]) -> None:
    """"the user interface designer and the industrial designer recommend": both speak if the first does."""
    for k in range(1, len(found)):
        previous, mention = found[k - 1], found[k]
        between = question[previous.end : mention.start].strip().lower()
        if previous.speaking and not mention.speaking and re.fullmatch(r"(?:,\s*)?(?:and|&|or)(?:\s+the)?", between):
            found[k] = Mention(mention.start, mention.end, mention.key, mention.speaker_ids, True)
