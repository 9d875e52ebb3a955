"""The ``Searcher`` ranks: passages that best match a text, in one of three modes, filters inside the search,
then read as a conversation where they are turns of one.

* ``dense``: the question's vector against the passages' (meaning);
* ``lexical``: BM25 over the passages' words (names, acronyms, "S-400");
* ``hybrid`` (the default): both, fused by reciprocal rank fusion.

Turning the ranking into hits a person reads (relevance, highlights, context, duplicates folded) is
``docqa.search.present``'s job.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from docqa.embedding import Embedder
from docqa.language.normalize import normalize
from docqa.records import Hit
from docqa.search import present
from docqa.search.conversation import Conversation
from docqa.search.fusion import reciprocal_rank_fusion
from docqa.search.request import check_mode
from docqa.storage import Filter, HybridStore, PassageRow, StoreReader


class Searcher:
    """Searches one store; ``encoder()`` gives the question encoder, loaded only when a mode needs it.

    >>> blinken = index.resolve_speaker("Blinken").id
    >>> {hit.speaker for hit in index.searcher.search("Turkey", 3, Filter(speakers=(blinken,)))}
    {'Antony Blinken'}
    """

    def __init__(self, store: StoreReader, encoder: Callable[[], Embedder]) -> None:
        self.store = store
        self._encoder = encoder
        self.fusion_weights: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
        self.conversation = Conversation(store, self.rank)
        self.min_depth = 30  # candidates ranked before de-duplication and context

    def encode(self, texts: list[str]) -> np.ndarray:
        """Questions (or sentences) as vectors, with the index's query encoder."""
        return self._encoder().encode(texts)

    def vector(self, text: str, mode: str) -> np.ndarray | None:
        """The question's vector, for the modes that use one (lexical mode never loads the model)."""
        return self.encode([normalize(text)])[0] if check_mode(mode) != "lexical" else None

    def rank(self, text: str, depth: int, where: Filter | None = None, mode: str | None = None,
             vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(passage id, score) best first: the dense cosine, the BM25 score, or the fused RRF score."""
        mode = check_mode(mode)
        rankings: dict[str, list[tuple[int, float]]] = {}
        if mode in ("dense", "hybrid") and vector is None:
            vector = self.encode([normalize(text)])[0]
        if mode == "hybrid" and isinstance(self.store, HybridStore):
            return self.store.hybrid(vector, normalize(text), depth, where, self.fusion_weights)  # fused inside the engine
        if mode in ("dense", "hybrid"):
            rankings["dense"] = self.store.dense(vector, depth, where)
        if mode in ("lexical", "hybrid"):
            rankings["lexical"] = self.store.lexical(normalize(text), depth, where)
        if mode == "hybrid":
            return reciprocal_rank_fusion({name: [i for i, _ in r] for name, r in rankings.items()}, self.fusion_weights)
        return rankings[mode]

    def candidates(self, text: str, depth: int, where: Filter | None = None, mode: str | None = None,
                   vector: np.ndarray | None = None, lift_answers: bool | None = None,
                   conversation: bool = True) -> list[tuple[PassageRow, float]]:
        """The ``depth`` best passages for ``text`` among those ``where`` allows, with the score they rank by.

        Turns of transcripts are ranked as parts of a conversation (``docqa.search.conversation``; off
        with ``conversation=False``): each is read with the turns around it, and fragments weigh less.
        When speakers are asked for, their turns near the conversation's best turns rank higher;
        otherwise (unless ``lift_answers`` is False) an asker's question lifts the answer after it and
        steps down itself.  In a long conversation the first five come from different moments of it.
        Prose is ranked as it is.
        """
        mode = check_mode(mode)
        ranked = self.rank(text, depth, where, mode, vector)
        if not ranked:
            return []
        rows = self.store.passages([pid for pid, _ in ranked])
        if lift_answers is None:
            lift_answers = where is None or where.speakers is None
        ordered = self.conversation.order(text, ranked, rows, where, mode, vector, lift_answers) if conversation else None
        return ordered if ordered is not None else [(rows[pid], score) for pid, score in ranked if pid in rows]

    def depth(self, k: int, mode: str, dedupe: bool = True) -> int:
        """How many candidates to rank for ``k`` hits: more than ``k``, for duplicates to fold and context to re-rank."""
        return k if not dedupe and mode != "hybrid" else max(3 * k, self.min_depth)

    def search(self, text: str, k: int, where: Filter | None = None, mode: str | None = None, context: int = 0,
               highlight: bool = True, dedupe: bool = True, vector: np.ndarray | None = None,
               lift_answers: bool | None = None, conversation: bool = True) -> list[Hit]:
        """The ``k`` best hits for ``text``: ``candidates`` presented (``docqa.search.present``).

        Each hit's ``score`` is its relevance: the cosine similarity of the question's and the passage's
        vectors, the same in dense and hybrid mode (None in lexical mode, which never loads the model);
        ``rank_score`` is what the mode ranked by (the cosine, BM25, or their reciprocal-rank fusion).
        """
        mode = check_mode(mode)
        if k <= 0:
            return []
        if vector is None:
            vector = self.vector(text, mode)
        order = self.candidates(text, self.depth(k, mode, dedupe), where, mode, vector, lift_answers, conversation)
        hits = present.hits(order, k, self.store, vector, dedupe)
        present.decorate(hits, text, self.store, vector, self.encode, highlight=highlight, context=context)
        return hits
