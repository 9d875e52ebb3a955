"""Words, their stems and their lookup keys: the one tokeniser that highlighting, speaker linking and the
lexical query builder share.

* ``words(text)``: each word with its offsets, as written ("Irranca-Davies", "K’s", "S-400", "U.S.");
* ``stem(word)``: the Snowball (Porter 2) English stem, from PyStemmer ("rates" and "rate" -> "rate");
* ``terms(text)``: the content words a lexical search and highlighting match on;
* ``alias_key`` / ``role_key``: the lookup form of a name or role.

The lexical index (tantivy) stems the passages with its own Snowball English stemmer, and a query's terms
go through that same analyzer, so the index and the query always agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from docqa.language.words import ARTICLES, STOPWORDS

# A word: letters or digits, with inner apostrophes, periods and hyphens kept ("don't", "U.S", "S-400").
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*['’]?")


@dataclass(frozen=True)
class Word:
    """One word of a text: its offsets and its lower-case form without a possessive ("K’s" -> "k")."""

    start: int
    end: int
    text: str

    @property
    def plain(self) -> str:
        return strip_possessive(self.text.lower().replace("’", "'"))


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its offsets.

    >>> [w.text for w in words("What were Intern K’s notes on the S-400?")]
    ['What', 'were', 'Intern', 'K’s', 'notes', 'on', 'the', 'S-400']
    """
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def strip_possessive(word: str) -> str:
    """A word without its possessive ending.

    >>> strip_possessive("Blinken’s"), strip_possessive("Jones'")
    ('Blinken', 'Jones')
    """
    return re.sub(r"(?:['’]s|['’])$", "", word)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The English stem of a lower-case word (Snowball), possessive and case dropped.

    >>> stem("Designers"), stem("designer"), stem("rates"), stem("professor’s")
    ('design', 'design', 'rate', 'professor')
    """
    return str(_stemmer().stemWord(strip_possessive(word.lower().replace("’", "'"))))


def lower_words(text: str) -> list[str]:
    """The lower-case runs of letters and digits of a text, as the lexical index reads it ("S-400" -> "s", "400").

    >>> lower_words("The S-400, again.")
    ['the', 's', '400', 'again']
    """
    return re.findall(r"\w+", text.lower())


def written_lower(text: str) -> set[str]:
    """The words a text writes in lower case, somewhere: a capitalised word among them is a common word where it stands
    capitalised ("Marketing:" in a meeting that talks of "marketing"), not a name.

    >>> sorted(written_lower("Sales: our sales rose. Ana's team's turn."))
    ['our', 'rose', 'sales', "team's", 'turn']
    """
    return set(re.findall(r"(?<![\w'’])[a-z][a-z'’-]+", text))


def terms(text: str) -> list[str]:
    """Lower-case content words of a query, stopwords removed, in order, each once; a hyphenated or
    dotted word counts as its parts, as the lexical index reads it ("S-400" -> "400").

    >>> terms("What did Blinken say about the S-400?")
    ['blinken', '400']
    """
    out: list[str] = []
    for word in lower_words(text):
        if word not in STOPWORDS and word not in out and (len(word) > 1 or word.isdigit()):
            out.append(word)
    return out


def stems(text: str) -> set[str]:
    """The stems of a text's content words: what two texts must share to be about the same thing.

    >>> sorted(stems("Rates rose; the rate rises."))
    ['rate', 'rise', 'rose']
    """
    return {stem(t) for t in terms(text)}


def role_key(phrase: str) -> str:
    """Normalise a role or name for lookup: lower case, no leading article, no possessive, one space.

    >>> role_key("The  NATO chief’s")
    'nato chief'
    """
    parts = [w for w in strip_possessive(phrase.strip(" ,.;:")).split() if w]
    while parts and parts[0].lower() in ("the", "a", "an"):
        parts = parts[1:]
    return " ".join(parts).lower()


def alias_key(text: str) -> str:
    """Lookup form of a name or role: lower case, no article, possessive, periods, accents or extra spaces
    (a question's "Nunez" finds the "Núñez" of the documents, and one document's "Ramón Íñiguez" is
    another's "Ramon Iniguez").

    >>> alias_key("The U.S. Secretary of State’s"), alias_key("Ramón Íñiguez-Solano")
    ('us secretary of state', 'ramon iniguez-solano')
    """
    return unaccented(role_key(text).replace(".", "").replace("’", "'"))


def unaccented(text: str) -> str:
    """``text`` without its accents ("Émile Ñúñez" -> "Emile Nunez"); letters with no accent to take off stay.

    >>> unaccented("Émile Ñúñez, Łukasz")
    'Emile Nunez, Łukasz'
    """
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def without_article(phrase: str) -> str:
    """A phrase without the article it opens with ("The Town Clerk" -> "Town Clerk").

    >>> without_article("The Town Clerk"), without_article("an aide"), without_article("Theodora Quist")
    ('Town Clerk', 'aide', 'Theodora Quist')
    """
    words = phrase.strip().split(maxsplit=1)
    return words[1] if len(words) == 2 and words[0].lower() in ARTICLES else phrase.strip()
