"""Answering a question: parse it, find the speaker it names, search, and say what a person needs to know.

* ``question``: a question into the speaker it names and its topic;
* ``directory``: a written name, label, title or role looked up among the index's speakers;
* ``scope``: a ``--doc`` pattern into document ids;
* ``searcher``: dense, lexical or hybrid search with filters inside the store, de-duplication,
  highlights (``highlight``) and context; ``fusion``: reciprocal rank fusion and near-duplicates;
* ``answerer``: the speaker policy and notices, over a searcher.
"""

from __future__ import annotations

from docqa.search.answerer import Answerer
from docqa.search.searcher import DEFAULT_MODE, MODES, Searcher, check_mode

__all__ = ["DEFAULT_MODE", "MODES", "Answerer", "Searcher", "check_mode"]
