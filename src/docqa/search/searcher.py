"""The ``Searcher`` ranks: passages that best match a text, in one of three modes, filters inside the search,
then read as a conversation where they are turns of one.

* ``dense``: the question's vector against the passages' (meaning);
* ``lexical``: BM25 over the passages' words (names, acronyms, "S-400");
* ``hybrid`` (the default): both; each candidate's cosine and BM25 score fused (``docqa.search.ranker.fused``).

Turning the ranking into hits a person reads (relevance, highlights, context, duplicates folded) is
``docqa.search.present``'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from docqa.embedding import Embedder
from docqa.embedding.adapter import QueryAdapter
from docqa.language.normalize import normalize
from docqa.records import Hit
from docqa.search import features, present, ranker
from docqa.search.conversation import (
    REGION_DEPTH,
    Conversation,
    account,
    answers_first,
    asks,
    in_region,
    spread,
    step_down_askers,
    step_down_unsaid,
)
from docqa.search.features import Candidates, Ranked
from docqa.search.fusion import reciprocal_rank_fusion
from docqa.search.request import check_mode
from docqa.storage import Filter, HybridStore, PassageRow, StoreReader


class Searcher:
    """Searches one store; ``encoder()`` gives the question encoder, loaded only when a mode needs it.

    >>> blinken = index.resolve_speaker("Blinken").id
    >>> {hit.speaker for hit in index.searcher.search("Turkey", 3, Filter(speakers=(blinken,)))}
    {'Antony Blinken'}
    """

    def __init__(self, store: StoreReader, encoder: Callable[[], Embedder], adapter: QueryAdapter | None = None) -> None:
        self.store = store
        self._encoder = encoder
        self.adapter = adapter  # moves questions' vectors towards their answers' (docqa.embedding.adapter); None: as encoded
        self.fusion_weights: dict[str, float] = {"dense": 1.0, "lexical": 1.0}
        self.conversation = Conversation(store)
        self.min_depth = ranker.POOL  # candidates each ranking gives before de-duplication and the conversation

    def encode(self, texts: list[str]) -> np.ndarray:
        """Questions (or sentences) as vectors, with the index's query encoder."""
        return self._encoder().encode(texts)

    def encode_rough(self, texts: list[str]) -> np.ndarray:
        """Sentences as vectors for choosing which to highlight: from the encoder's word-piece table when it has one
        (``OnnxEmbedder.encode_rough``, about 35 times faster), else as ``encode``."""
        encoder = self._encoder()
        rough = getattr(encoder, "encode_rough", None)
        return rough(texts) if callable(rough) else encoder.encode(texts)

    def questions(self, texts: list[str], adapted: bool = True) -> np.ndarray:
        """Questions as vectors to search with: encoded, then moved by the index's question adapter if it has one
        (``adapted=False``: as encoded, as for a quote that is compared with the passages it may come from)."""
        vectors = self.encode([normalize(text) for text in texts])
        return self.adapter.adapt(vectors) if adapted and self.adapter is not None else vectors

    def vector(self, text: str, mode: str, adapted: bool = True, asked: str | None = None) -> np.ndarray | None:
        """The vector of one question (``questions``), for the modes that use one (lexical mode never loads the model).

        ``asked``: the question as asked, without the speakers it names, whose vector is mixed into the topic's
        (``ranker.aim``): "what did [X] think of the casing" searches "the casing" and, at ``ranker.ASKED``, what is
        asked of X about it.
        """
        if check_mode(mode) == "lexical":
            return None
        if not asked or normalize(asked) == normalize(text):
            return self.questions([text], adapted)[0]
        topic, whole = self.questions([text, asked], adapted)
        return ranker.aim(topic, whole)

    def rank(self, text: str, depth: int, where: Filter | None = None, mode: str | None = None,
             vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(passage id, score) best first: the dense cosine, the BM25 score, or the fused RRF score."""
        mode = check_mode(mode)
        rankings: dict[str, list[tuple[int, float]]] = {}
        if mode in ("dense", "hybrid") and vector is None:
            vector = self.questions([text])[0]
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
                   vector: np.ndarray | None = None, askers_last: bool | None = None,
                   conversation: bool = True, said_first: bool = False) -> list[Ranked]:
        """The best passages for ``text`` among those ``where`` allows (the ``depth`` best of the dense and of
        the BM25 ranking), each with the score it ranks by (``docqa.search.ranker``), its relevance and, where
        it ranks above a more relevant one, why; best first.

        Turns of transcripts are read as parts of a conversation (``conversation=False`` ranks by the fused
        ranking alone): each with the turns around it, fragments weighing less, a speaker's turns in one
        long discussion by where it discusses the topic; when no one speaker is searched (and unless
        ``askers_last`` is False) askers' questions step down behind the answers, and any question behind its
        own answer where the conversation is not spread into moments; in a long conversation
        with no askers the first five come from different moments of it.  Prose is ranked by
        the fused ranking.  ``said_first`` (the question asks who): passages no one said step down behind
        those someone said, in prose and transcripts alike.
        """
        mode = check_mode(mode)
        gathered = self.gather(text, depth, where, mode, vector)
        if not gathered.rows:
            return []
        if not conversation:
            fused = gathered.column("dense_rr") * (mode != "lexical") + gathered.column("lexical_rr") * (mode != "dense")
            ranked = sorted((i for i in range(len(gathered.rows)) if fused[i] > 0), key=lambda i: -float(fused[i]))
            dense = gathered.column("dense")
            return [Ranked(gathered.rows[i], float(fused[i]), float(dense[i]) if mode != "lexical" else None) for i in ranked]
        cosine = ranker.relevance(gathered).tolist() if mode != "lexical" else [None] * len(gathered.rows)
        answers = ranker.answers(gathered).tolist()
        score = ranker.scores(gathered, mode)
        ranked = ranker.order(gathered, mode)
        why = ranker.explain(gathered, mode, ranked)
        order = [Ranked(gathered.rows[i], float(score[i]), cosine[i], why.get(i), answers=answers[i]) for i in ranked]
        if not gathered.column("conversation").any():
            return account(step_down_unsaid(order)) if said_first else order
        if askers_last is None:
            askers_last = where is None or where.speakers is None
        # five moments in a long meeting; where askers ask (a briefing), each question already makes a moment
        spreading = gathered.column("long").any() and not gathered.column("answer").any()
        if askers_last:
            order = step_down_askers(order, self.conversation.askers())
            if not spreading and not said_first:  # in a long meeting a question and its answer are already one moment
                order = answers_first(order)  # of five; asked who talked about X, whoever asked about X did
        if said_first:
            order = step_down_unsaid(order)
        return account(spread(order) if spreading else order)

    def gather(self, text: str, depth: int, where: Filter | None = None, mode: str | None = None,
               vector: np.ndarray | None = None) -> Candidates:
        """The candidates for ``text`` (the ``depth`` best of the dense and of the BM25 ranking, filters inside
        both) with their features (``docqa.search.features``), in the order they were found."""
        mode = check_mode(mode)
        if mode != "lexical" and vector is None:
            vector = self.questions([text])[0]
        dense = self.store.dense(vector, depth, where) if mode != "lexical" else []
        lexical = self.store.lexical(normalize(text), depth, where) if mode != "dense" else []
        ids = list(dict.fromkeys([pid for pid, _ in dense] + [pid for pid, _ in lexical]))
        if not ids:
            return Candidates([], np.zeros((0, len(features.NAMES)), dtype=np.float32))
        rows = self.store.passages(ids)
        ids = [pid for pid in ids if pid in rows]
        talk = self.conversation
        conversational = {pid: rows[pid].doc_id in talk.transcripts() for pid in ids}
        long = any(conversational.values()) and talk.long(where)
        turns = [pid for pid in ids if conversational[pid]]
        around = {pid: ([], []) for pid in ids} | (self.store.around(turns, 1) if turns else {})
        askers = talk.askers()
        if vector is not None and turns and (where is None or where.mentioning is None):
            answers = self._answers([rows[pid] for pid in turns], around, where)
            if answers:  # a question's answer joins the candidates: it often shares no word with what is asked
                rows |= answers
                ids += list(answers)
                conversational |= dict.fromkeys(answers, True)
                around |= self.store.around(list(answers), 1)
        cosine: dict[int, float] = {}
        if vector is not None:
            every = sorted(set(ids) | {r.id for before, after in around.values() for r in before + after})
            cosine = dict(zip(every, (self.store.vectors(every) @ np.asarray(vector, dtype=np.float32)).tolist(), strict=True))
        region: dict[int, float] = {}
        documents = {rows[pid].doc_id for pid in ids}
        discussion = len(documents) == 1 and talk.discussion(next(iter(documents)))
        if long and discussion and where is not None and where.speakers is not None:  # one speaker in one long discussion
            everyone = replace(where, speakers=None)
            best = [pid for pid, _ in self.rank(text, REGION_DEPTH, everyone, mode, vector)]
            best_rows = self.store.passages(best)
            region = in_region([rows[pid] for pid in ids], [best_rows[p] for p in best if p in best_rows])
        dense_rank = {pid: rank for rank, (pid, _) in enumerate(dense, start=1)}
        lexical_rank = {pid: rank for rank, (pid, _) in enumerate(lexical, start=1)}
        top_bm25 = max((score for _, score in lexical), default=0.0) or 1.0
        bm25 = dict(lexical)
        table = []
        for pid in ids:
            row, (before, after) = rows[pid], around[pid]
            table.append(features.row_of(
                dense=cosine.get(pid, 0.0), dense_rank=dense_rank.get(pid), lexical_rank=lexical_rank.get(pid),
                lexical_share=bm25.get(pid, 0.0) / top_bm25,
                before=cosine.get(before[0].id, 0.0) if before else 0.0, after=cosine.get(after[0].id, 0.0) if after else 0.0,
                region=region.get(pid, 0.0), words=len(row.text.split()), asker=row.speaker_id in askers,
                answer=bool(before) and before[0].speaker_id in askers and row.speaker_id not in askers,
                conversation=conversational[pid], long=long,
                asked=cosine.get(before[0].id, 0.0) if before and self._answered(before[0], row) else 0.0))
        return Candidates([rows[pid] for pid in ids], np.asarray(table, dtype=np.float32))

    def _answered(self, question: PassageRow, turn: PassageRow) -> bool:
        """Whether ``turn`` answers ``question``, the turn before it, in a conversation where no label says who asks (a
        hearing's member, a meeting's participant): another speaker's turn ending in a question mark.  An asker's
        answer is read with its question by ``ranker.context`` instead."""
        askers = self.conversation.askers()
        return question.doc_id == turn.doc_id and question.speaker_id != turn.speaker_id and asks(question.text) \
            and question.speaker_id not in askers and turn.speaker_id not in askers

    def _answers(self, turns: list[PassageRow], around: dict[int, tuple[list[PassageRow], list[PassageRow]]],
                 where: Filter | None) -> dict[int, PassageRow]:
        """The answers to the questions among ``turns`` that are not among them and that ``where`` allows ("We are
        reviewing the comments now." after "Will you re-propose it before the summer?"), by id."""
        known = {turn.id for turn in turns}
        out: dict[int, PassageRow] = {}
        for turn in turns:
            after = around[turn.id][1]
            if after and after[0].id not in known and self._answered(turn, after[0]) \
                    and (where is None or where.speakers is None or after[0].speaker_id in where.speakers):
                out[after[0].id] = after[0]
        return out

    def depth(self, k: int, mode: str, dedupe: bool = True) -> int:
        """How many candidates each ranking gives for ``k`` hits: more than ``k``, for duplicates to fold and the
        conversation to re-rank (the ranker's weights were chosen with 50)."""
        return k if not dedupe and mode != "hybrid" else max(3 * k, self.min_depth)

    def search(self, text: str, k: int, where: Filter | None = None, mode: str | None = None, context: int = 0,
               highlight: bool = True, dedupe: bool = True, vector: np.ndarray | None = None,
               askers_last: bool | None = None, conversation: bool = True) -> list[Hit]:
        """The ``k`` best hits for ``text``: ``candidates`` presented (``docqa.search.present``).

        Each hit's ``score`` is its relevance: the cosine similarity of the question's (adapted, ``questions``) and
        the passage's vectors, the same in dense and hybrid mode (None in lexical mode, which never loads the model);
        ``rank_score`` is what the mode ranked by (the cosine, BM25, or their reciprocal-rank fusion).
        """
        mode = check_mode(mode)
        if k <= 0:
            return []
        if vector is None:
            vector = self.vector(text, mode)
        order = self.candidates(text, self.depth(k, mode, dedupe), where, mode, vector, askers_last, conversation)
        hits = present.hits(order, k, self.store, vector, dedupe)
        present.decorate(hits, text, self.store, vector, self.encode_rough, highlight=highlight, context=context)
        return hits
