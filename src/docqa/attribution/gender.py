"""What a document's words say of a person's gender, for resolving "he" and "she": honorifics and
gendered titles, pronouns already resolved to them, and a first-name list (gender-guesser, when it is
installed).  Unknown is an answer: a pronoun may then go to anyone of either gender.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from docqa.language.tokens import unaccented
from docqa.language.words import STOPWORDS

# Titles that state a gender ("Congresswoman Delgado", "the spokesman").
GENDERED_TITLES = {
    "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f", "businesswoman": "f", "queen": "f", "princess": "f",
    "councilwoman": "f", "congressman": "m", "chairman": "m", "spokesman": "m", "businessman": "m", "king": "m",
    "prince": "m", "councilman": "m", "father": "m", "sister": "f", "brother": "m", "mother": "f",
}


_NOT_NAMES = {"le", "la", "de", "du", "van", "von", "der", "del", "da", "di", "al", "el", "st"}


@lru_cache(maxsize=1)
def _detector() -> Any:
    try:
        import gender_guesser.detector as guesser
    except ImportError:
        return None
    return guesser.Detector(case_sensitive=False)


def from_first_name(given: str, strict: bool = False) -> str | None:
    """"m", "f" or None for a first name ("Carla" -> "f"); None when the list does not know it or is missing
    (``strict``: None also for names it is unsure of).

    >>> from_first_name("Zzyzx") is None, from_first_name("Émile") == from_first_name("Emile")
    (True, True)
    """
    first = given.split()[0].strip(".") if given.split() else ""
    detector = _detector()
    if detector is None or len(first) < 2 or first.isupper() or first.lower() in STOPWORDS | _NOT_NAMES:
        return None
    answer = detector.get_gender(first.capitalize())
    if answer == "unknown" and not first.isascii():  # "Émile" is the list's "Emile", "Ángela" its "Angela"
        folded = unaccented(first)
        answer = detector.get_gender(folded.capitalize()) if folded.isascii() else answer
    if strict:  # only names the list is sure of (not "River", "Hollis")
        return {"male": "m", "female": "f"}.get(answer)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(answer)


def from_title(title: str) -> str | None:
    """The gender a title states, if it states one ("Congresswoman" -> "f")."""
    for word in title.lower().replace("-", " ").split():
        if word in GENDERED_TITLES:
            return GENDERED_TITLES[word]
    return None
