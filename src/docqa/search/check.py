"""Quote check: "did X really say this?" — where the words were said, by whom, and what was changed.

A ``CheckRequest`` (the quote, optionally the person it is attributed to, and the usual document and date
filters) goes to ``Checker.check``, which returns a ``Check`` with one verdict and its evidence:

* ``said``: the words are in a passage of the claimed person's own words (of one person, if no one is
  claimed): a turn of a transcript, or inside quotation marks;
* ``said_by_other``: the words are someone else's; the claimed person's relation to the passage is named
  (mentioned in it, asked the question before it, or absent);
* ``altered``: a close match with words changed, dropped or added: a word-level diff, and whether the
  change flips a negation or a number;
* ``pieced``: the quote joins words from two places (an ellipsis, or sentences apart in the source);
* ``reported``: the words are only in narration or reported speech, not in anyone's own words;
* ``not_found``: nothing close; the claimed person's closest passages are the evidence.

Candidates come from the lexical index (BM25 over the quote's words, and over each piece) and the dense
index, filters inside both; the quote is aligned word by word inside each candidate, and inside it joined
with the passage after it, with ``rapidfuzz`` (partial alignment, then Levenshtein opcodes for the diff).
The thresholds were chosen on QMSum train with ``benchmarks/quotes.py --choose`` and confirmed on QMSum
val and the White House briefings (docs/evaluation.md#quote-check).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from docqa.errors import DocqaError, UnknownSpeakerError
from docqa.language.normalize import normalize
from docqa.language.quotes import keys, pieces, quotation_spans
from docqa.language.sentences import split
from docqa.language.words import NEGATIONS, NUMBER_WORDS
from docqa.records import HOW_AUTHOR, HOW_LABEL, Check, Evidence, Speaker
from docqa.search.present import unknown_speaker
from docqa.search.request import MAX_QUESTION, check_scope
from docqa.search.searcher import Searcher
from docqa.search.understand import SpeakerDirectory
from docqa.storage import Filter, PassageRow

VERDICTS = ("said", "said_by_other", "altered", "pieced", "reported", "not_found")
ALTERED = 0.72  # word-level similarity (0-1) of quote and source at or above which a quote is a changed version of it
PIECE = 0.9  # each piece of a pieced quote matches its place at least this well
CANDIDATES = 100  # passages from the lexical index for the whole quote (30 per piece, 10 from the dense index)
ALIGNED = 20  # of those, the ones holding most of the quote's words are aligned
MIN_WORDS = 3  # a quote of fewer words is too short to check


@dataclass(frozen=True)
class CheckRequest:
    """A quote to check, the person it is attributed to (optional), and the documents to check it against."""

    quote: str
    speaker: str | None = None
    doc: str | None = None
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.quote, str) or not self.quote.strip():
            raise DocqaError("the quote is empty")
        if len(self.quote) > MAX_QUESTION:
            raise DocqaError(f"the quote is {len(self.quote):,} characters long; the limit is {MAX_QUESTION:,}")
        if len(keys(self.quote)) < MIN_WORDS:
            raise DocqaError(f"the quote has fewer than {MIN_WORDS} words: too short to say where it comes from")
        check_scope(self)

    @classmethod
    def from_strings(cls, params: Mapping[str, str]) -> CheckRequest:
        """A request from a URL's query: ``q`` is the quote; ``speaker``, ``doc``, ``since``, ``until`` as for ask."""
        value = {name: (str(params[name]).strip() or None) if params.get(name) is not None else None
                 for name in ("speaker", "doc", "since", "until")}
        return cls(params.get("q") or "", **value)


@dataclass
class _Match:
    """The best alignment of some words inside one candidate (a passage, or a passage and the one after)."""

    rows: list[PassageRow]
    text: str  # the rows' texts joined as in the document
    similarity: float
    span: tuple[int, int]  # characters of ``text``
    ops: list[dict[str, str]]
    exact: bool

    @property
    def row(self) -> PassageRow:
        """The passage holding most of the matched words."""
        if len(self.rows) == 1:
            return self.rows[0]
        first = self.rows[0]
        inside = min(self.span[1], first.end - first.start) - self.span[0]
        return first if inside * 2 >= self.span[1] - self.span[0] else self.rows[1]

    def quoted(self) -> bool:
        return any(s <= self.span[0] and self.span[1] <= e for s, e in quotation_spans(self.text))

    def own_words(self) -> bool:
        """The words are their speaker's own: a transcript turn, or inside quotation marks."""
        return self.row.speaker_id is not None and (self.row.how in (HOW_LABEL, HOW_AUTHOR) or self.quoted())


def align(quote: str, text: str) -> tuple[float, tuple[int, int], list[dict[str, str]], bool] | None:
    """Where the quote's words sit best inside ``text``: (similarity 0-1, character span in ``text``, word diff,
    exact).  The diff lists runs of words: ``same``, ``changed`` (quote and source), ``added`` (only in the
    quote), ``dropped`` (only in the source).

    >>> similarity, span, diff, exact = align("the budget is balanced", "So the budget is not balanced.")
    >>> round(similarity, 2), exact, [d["op"] for d in diff]
    (0.89, False, ['same', 'dropped', 'same'])
    """
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    asked, source = keys(quote), keys(text)
    if not asked or not source:
        return None
    wanted, found = [k for _, _, k in asked], [k for _, _, k in source]
    aligned = fuzz.partial_ratio_alignment(wanted, found)
    if aligned is None or aligned.score <= 0:
        return None
    lo, hi = (aligned.dest_start, aligned.dest_end) if len(wanted) <= len(found) else (0, len(found))
    # the window partial alignment finds is as long as the quote: let it grow or shrink by a few words, so that
    # words dropped from the source or added to the quote are inside it; the most similar window wins
    slack = max(3, len(wanted) // 3)
    best = (fuzz.ratio(wanted, found[lo:hi]), -(hi - lo), lo, hi)
    for i in range(max(0, lo - slack), min(len(found), lo + slack) + 1):
        for j in range(max(i + 1, hi - slack), min(len(found), hi + slack) + 1):
            best = max(best, (fuzz.ratio(wanted, found[i:j]), -(j - i), i, j))
    lo, hi = best[2], best[3]
    ops = list(Levenshtein.opcodes(wanted, found[lo:hi]))
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return None

    def written(words: list[tuple[int, int, str]], within: str, start: int, end: int) -> str:
        return within[words[start][0] : words[end - 1][1]] if end > start else ""

    diff: list[dict[str, str]] = []
    for op in ops:
        said = written(source, text, lo + op.dest_start, lo + op.dest_end)
        put = written(asked, quote, op.src_start, op.src_end)
        if op.tag == "equal":
            diff.append({"op": "same", "text": said})
        elif op.tag == "replace":
            diff.append({"op": "changed", "quote": put, "source": said})
        elif op.tag == "delete":
            diff.append({"op": "added", "quote": put})
        elif equal[0].dest_start <= op.dest_start < equal[-1].dest_end:  # source words inside the match, not past its ends
            diff.append({"op": "dropped", "source": said})
    same = sum(op.src_end - op.src_start for op in equal)
    source_words = equal[-1].dest_end - equal[0].dest_start
    span = (source[lo + equal[0].dest_start][0], source[lo + equal[-1].dest_end - 1][1])
    exact = same == len(wanted) and source_words == len(wanted)
    return 2 * same / (len(wanted) + source_words), span, diff, exact


def flags(diff: list[dict[str, str]]) -> tuple[bool, bool]:
    """Whether a diff changes a negation, and whether it changes a number.

    >>> flags([{"op": "same", "text": "we will"}, {"op": "added", "quote": "not"}])
    (True, False)
    """
    touched = []
    for d in diff:
        if d["op"] != "same":
            touched += (d.get("quote", "") + " " + d.get("source", "")).lower().replace("’", "'").split()
    negation = any(w in NEGATIONS or w.endswith("n't") for w in touched)
    number = any(any(c.isdigit() for c in w) or w.strip(".,%") in NUMBER_WORDS for w in touched)
    return negation, number


class Checker:
    """Checks quotes against one store through a ``Searcher``."""

    def __init__(self, searcher: Searcher, directory: Callable[[], SpeakerDirectory],
                 documents: Callable[[str], tuple[int, ...]]) -> None:
        self.searcher = searcher
        self.store = searcher.store
        self._directory = directory
        self._documents = documents

    def check(self, request: CheckRequest) -> Check:
        quote = " ".join(normalize(request.quote).split()).strip(" \"“”'‘’")
        claimed, claimed_ids = self._claimed(request.speaker)
        base = Filter(documents=self._documents(request.doc) if request.doc is not None else None, since=request.since,
                      until=request.until)
        parts = pieces(quote)
        elided = len(parts) > 1  # an ellipsis says words were left out between the pieces
        if not elided:
            sentences = [quote[s:e] for s, e in split(quote, 0, len(quote))]
            parts = sentences if len(sentences) > 1 else parts
        candidates = self._candidates(quote, [p for p in parts if p != quote], base)
        matches = self._align_all(quote, candidates)
        exact = [m for m in matches if m.exact]
        name = claimed.name if claimed is not None else None
        if exact:
            return self._found(quote, exact, claimed, claimed_ids)
        if len(parts) > 1:
            placed = [self._best(part, candidates) for part in parts]
            found = [m for m in placed if m is not None and m.similarity >= PIECE]
            if len(found) == len(parts) and (elided or not _contiguous(found)):
                return self._pieced(quote, found, claimed)
        best = matches[0] if matches else None
        if best is not None and best.similarity >= ALTERED:
            negation, number = flags(best.ops)
            changes = [d for d in best.ops if d["op"] != "same"]
            what = "; ".join(_describe(d) for d in changes[:3])
            turned = " (a negation changed)" if negation else " (a number changed)" if number else ""
            who = best.row.speaker or "nobody (narration)"
            summary = f"altered{turned}: close to words of {who}, with {len(changes)} change{'s' * (len(changes) != 1)}: {what}"
            return Check(quote, "altered", best.row.speaker, name, summary, [self._evidence(best, "match")],
                         negation_changed=negation, number_changed=number)
        return self._not_found(quote, claimed, claimed_ids, base)

    # -- the verdicts ---------------------------------------------------------------------------------------------
    def _found(self, quote: str, exact: list[_Match], claimed: Speaker | None, claimed_ids: set[int]) -> Check:
        name = claimed.name if claimed is not None else None
        own = [m for m in exact if m.own_words()]
        mine = [m for m in own if m.row.speaker_id in claimed_ids]
        evidence = lambda ms: [self._evidence(m, "match") for m in ms[:3]]  # noqa: E731
        if mine:
            m = mine[0]
            return Check(quote, "said", m.row.speaker, name, f"said: {m.row.speaker}, {_place(m.row)}", evidence(mine))
        if own:
            m = own[0]
            if claimed is None:
                others = sorted({o.row.speaker for o in own if o.row.speaker and o.row.speaker != m.row.speaker})
                also = f" (also said by {', '.join(others)})" if others else ""
                return Check(quote, "said", m.row.speaker, None, f"said: {m.row.speaker}, {_place(m.row)}{also}", evidence(own))
            relation = self._relation(m.row, claimed)
            words = {"mentioned": f"{claimed.name} is mentioned in it", "asked": f"{claimed.name} asked the question before it",
                     "absent": f"{claimed.name} is not in it"}[relation]
            return Check(quote, "said_by_other", m.row.speaker, name,
                         f"said by someone else: {m.row.speaker}, {_place(m.row)}; {words}", evidence(own), relation=relation)
        m = next((x for x in exact if x.row.speaker_id in claimed_ids), exact[0])
        whose = f"reported as {m.row.speaker}'s" if m.row.speaker else "in the narration, nobody's own words"
        return Check(quote, "reported", m.row.speaker, name, f"reported, not quoted: {whose}, {_place(m.row)}", evidence(exact))

    def _pieced(self, quote: str, placed: list[_Match], claimed: Speaker | None) -> Check:
        speakers = sorted({m.row.speaker or "nobody" for m in placed})
        places = "; ".join(_place(m.row) for m in placed)
        speaker = placed[0].row.speaker if len(speakers) == 1 else None
        return Check(quote, "pieced", speaker, claimed.name if claimed else None,
                     f"pieced together from {len(placed)} places ({', '.join(speakers)}): {places}",
                     [self._evidence(m, "piece") for m in placed])

    def _not_found(self, quote: str, claimed: Speaker | None, claimed_ids: set[int], base: Filter) -> Check:
        where = Filter(speakers=tuple(sorted(claimed_ids)) or None, documents=base.documents, since=base.since,
                       until=base.until)
        # the passages closest in their own words and meaning: a quote is not a question, nothing is read as its answer
        hits = self.searcher.search(quote, 3, where, highlight=False, conversation=False)
        evidence = [Evidence("closest", h.doc, h.start, h.end, h.line, h.speaker, h.how, h.date, h.text,
                             similarity=h.score) for h in hits]
        whose = f" {claimed.name}'s" if claimed is not None else ""
        return Check(quote, "not_found", None, claimed.name if claimed else None,
                     f"not found: nothing close in the documents; the closest of{whose or ' all'} passages follow"
                     if hits else "not found: nothing close in the documents", evidence)

    # -- finding and aligning ---------------------------------------------------------------------------------------
    def _claimed(self, speaker: str | None) -> tuple[Speaker | None, set[int]]:
        """The person a quote is attributed to, and every speaker the name may mean (a label such as "Marketing"
        is a different person in each meeting; any of them saying it counts)."""
        if speaker is None:
            return None, set()
        resolution = self._directory().resolve(speaker)
        if resolution.speaker_id is None:
            raise UnknownSpeakerError(unknown_speaker(speaker, resolution.suggestions).rstrip("."))
        return self.store.speakers(resolution.speaker_id)[0], {resolution.speaker_id, *resolution.candidates}

    def _candidates(self, quote: str, parts: list[str], where: Filter) -> list[PassageRow]:
        """The passages that may hold the quote (or one of its ``parts``): BM25's and the dense index's best,
        then only those that hold most of the words (a short passage with one rare word ranks high in BM25)."""
        ids: list[int] = []
        for words in [quote, *parts]:  # passages with every word of it first, then BM25's best with any
            ids += [pid for pid, _ in self.store.lexical(words, ALIGNED, where, every=True)]
            ids += [pid for pid, _ in self.store.lexical(words, CANDIDATES if words is quote else CANDIDATES // 3, where)]
        vector = self.searcher.vector(quote, "dense", adapted=False)
        if vector is not None:
            ids += [pid for pid, _ in self.store.dense(np.asarray(vector, dtype=np.float32), 10, where)]
        ids = list(dict.fromkeys(ids))
        rows = self.store.passages(ids)
        found = [rows[pid] for pid in ids if pid in rows]
        kept: list[PassageRow] = []
        held = {row.id: {k for _, _, k in keys(row.text)} for row in found}  # each candidate's words, read once
        for words in [quote, *parts]:
            wanted = {k for _, _, k in keys(words)}
            covered = sorted(found, key=lambda row: -len(wanted & held[row.id]))
            kept += covered[:ALIGNED]
        return list({row.id: row for row in kept}.values())

    def _align_all(self, words: str, candidates: list[PassageRow]) -> list[_Match]:
        """The quote aligned in each candidate (best first); the best few also joined with the passage after them."""
        out = [m for m in (self._align(words, [row]) for row in candidates) if m is not None]
        out.sort(key=lambda m: -m.similarity)
        for m in list(out[:5]):
            if m.exact:
                continue
            after = self.store.neighbours(m.rows[0].id, 1)[1]
            if after and after[0].doc_id == m.rows[0].doc_id:
                joined = self._align(words, [m.rows[0], after[0]])
                if joined is not None and joined.similarity > m.similarity:
                    out.append(joined)
        out.sort(key=lambda m: (-m.similarity, not m.own_words()))
        return out

    def _best(self, words: str, candidates: list[PassageRow]) -> _Match | None:
        found = self._align_all(words, candidates)
        return found[0] if found else None

    @staticmethod
    def _align(words: str, rows: list[PassageRow]) -> _Match | None:
        gap = rows[1].start - rows[0].end if len(rows) > 1 else 0
        text = rows[0].text + (" " * gap + rows[1].text if len(rows) > 1 else "")
        aligned = align(words, text)
        if aligned is None:
            return None
        similarity, span, ops, exact = aligned
        return _Match(rows, text, similarity, span, ops, exact)

    def _relation(self, row: PassageRow, claimed: Speaker) -> str:
        """How the claimed person stands to a passage they did not say: mentioned in it, asked the question
        just before it, or absent."""
        before = self.store.neighbours(row.id, 1)[0]
        if before and before[0].speaker_id == claimed.id:
            return "asked"
        mentioning = Filter(mentioning=claimed.id, documents=(row.doc_id,))
        if claimed.id is not None and any(r.id == row.id for r in self.store.scan(mentioning)):
            return "mentioned"
        return "absent"

    @staticmethod
    def _evidence(m: _Match, role: str) -> Evidence:
        row, first = m.row, m.rows[0]
        end = m.rows[-1].end
        return Evidence(role, first.doc, first.start, end, first.line, row.speaker, row.how, first.date, m.text,
                        match=[m.span[0], m.span[1]], similarity=m.similarity, quoted=m.quoted(),
                        diff=[] if m.exact else m.ops)


def _contiguous(matches: list[_Match]) -> bool:
    """Whether the pieces follow each other in one document, as the quote joins them (sentences quoted
    together, not from two places)."""
    for before, after in zip(matches, matches[1:], strict=False):
        if before.rows[0].doc_id != after.rows[0].doc_id:
            return False
        gap = (after.rows[0].start + after.span[0]) - (before.rows[0].start + before.span[1])
        if not 0 <= gap <= 3:
            return False
    return True


def _place(row: PassageRow) -> str:
    date = f" ({row.date})" if row.date else ""
    return f"{row.doc}:{row.line}{date}"


def _describe(change: dict[str, str]) -> str:
    if change["op"] == "changed":
        return f"source '{change['source']}', quote '{change['quote']}'"
    if change["op"] == "added":
        return f"quote adds '{change['quote']}'"
    return f"source has '{change['source']}', left out"
