"""What each page shows, as plain data for its template: ``(HTTP status, context)``, no HTML here.

>>> pieces("Hello world. Bye.", [[0, 12]])
[{'text': 'Hello world.', 'mark': True}, {'text': ' Bye.', 'mark': False}]
"""

from __future__ import annotations

from typing import Any

from docqa.errors import DocqaError, UnknownSpeakerError
from docqa.records import Hit, location_label
from docqa.search.check import CheckRequest
from docqa.search.request import AskRequest
from docqa.search.timeline import FLOOR, monthly

PAGE_K = 10  # hits the page shows unless asked for another number

MAX_LISTED = 2000  # speakers and documents offered for completion
MAX_SHOWN = 200  # a speaker's passages listed on their page
COLOURS = 8  # speakers told apart by this many colours in the document view


def pieces(text: str, spans: list[list[int]]) -> list[dict[str, Any]]:
    """``text`` cut into marked and unmarked pieces at ``spans`` (offsets within it, in order)."""
    out: list[dict[str, Any]] = []
    at = 0
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start < at or start >= end:
            continue
        if start > at:
            out.append({"text": text[at:start], "mark": False})
        out.append({"text": text[start:end], "mark": True})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "mark": False})
    return out


def _int(params: dict[str, str], name: str, default: int | None = None) -> int | None:
    value = params.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise DocqaError(f"{name} must be a whole number, not {value!r}") from None


def _choices(index: Any) -> dict[str, list[str]]:
    speakers = [s.name for s in index.speakers() if s.passages > 0][:MAX_LISTED]
    return {"speaker_names": speakers, "document_paths": index.documents()[:MAX_LISTED]}


def _result(hit: Hit) -> dict[str, Any]:
    """A hit as the page shows it: speaker first, then source, place and date; the asker's turn before it."""
    before = [c for c in hit.context if c["offset"] == -1]
    asked = before[0] if before and before[0]["speaker"] != hit.speaker and before[0]["speaker"] else None
    return {"rank": hit.rank, "speaker": hit.speaker, "how": hit.how, "doc": hit.doc, "start": hit.start, "end": hit.end,
            "place": f"line {hit.line}{location_label(hit.page, hit.time)}", "date": hit.date, "score": hit.score,
            "pieces": pieces(hit.text, hit.highlights), "asked": asked, "also": hit.also, "why": hit.why}


def search_view(index: Any, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """The search page: the form (kept filled in) and, for a question, the answer."""
    form = {name: params.get(name, "").strip() for name in ("q", "speaker", "doc", "since", "until", "mode", "sort", "k")}
    context: dict[str, Any] = {"form": form, "answer": None, "results": [], "error": None, **_choices(index)}
    if not form["q"]:
        return 200, context
    try:
        answer = index.ask(AskRequest.from_strings(params, k=PAGE_K, context=1))  # the page shows more hits, with the turn before
    except DocqaError as exc:
        context["error"] = str(exc)
        return 400, context
    context["answer"] = answer
    context["results"] = [_result(hit) for hit in answer.results]
    return 200, context


VERDICT_WORDS = {"said": "Said", "said_by_other": "Said by someone else", "altered": "Altered", "pieced": "Pieced together",
                 "reported": "Reported, not quoted", "not_found": "Not found"}


def check_view(index: Any, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """The quote check: the form (kept filled in) and, for a quote, the verdict with each place and its diff."""
    form = {name: params.get(name, "").strip() for name in ("q", "speaker", "doc")}
    context: dict[str, Any] = {"form": form, "check": None, "evidence": [], "error": None, "verdict": None, **_choices(index)}
    if not form["q"]:
        return 200, context
    try:
        check = index.check(CheckRequest.from_strings(params))
    except DocqaError as exc:
        context["error"] = str(exc)
        return 400, context
    context.update(check=check, verdict=VERDICT_WORDS[check.verdict], evidence=[
        {"speaker": e.speaker, "doc": e.doc, "start": e.start, "end": e.end, "place": f"line {e.line}", "date": e.date,
         "how": e.how, "quoted": e.quoted, "role": e.role, "similarity": e.similarity, "diff": e.diff,
         "pieces": pieces(e.text, [e.match] if e.match else [])} for e in check.evidence])
    return 200, context


def document_view(index: Any, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """A whole document: each passage in its speaker's colour, the hit ``start``–``end`` marked."""
    doc = params.get("doc", "")
    context: dict[str, Any] = {"doc": doc, "blocks": [], "error": None, "speakers": []}
    try:
        if doc not in index.documents():
            raise DocqaError(f"no document {doc!r} in the index")
        start, end = _int(params, "start"), _int(params, "end")
        text = index.text(doc)
        passages = sorted((p for p in index.passages(doc=doc) if p.doc == doc), key=lambda p: p.start)
    except DocqaError as exc:
        context["error"] = str(exc)
        return 404, context
    hit = (start, end) if start is not None and end is not None and 0 <= start < end <= len(text) else None
    colour: dict[str, int] = {}
    blocks: list[dict[str, Any]] = []

    def add(s: int, e: int, passage: Any | None) -> None:
        if s >= e:
            return
        marks = [[max(hit[0], s) - s, min(hit[1], e) - s]] if hit and hit[0] < e and hit[1] > s else []
        speaker = passage.speaker if passage is not None else None
        if speaker is not None and speaker not in colour:
            colour[speaker] = len(colour) % COLOURS
        blocks.append({"start": s, "end": e, "speaker": speaker, "how": passage.how if passage is not None else None,
                       "passage": passage is not None, "colour": colour.get(speaker) if speaker else None,
                       "pieces": pieces(text[s:e], marks), "hit": bool(marks), "date": passage.date if passage else None})

    at = 0
    for passage in passages:
        add(at, passage.start, None)
        add(max(at, passage.start), passage.end, passage)
        at = max(at, passage.end)
    add(at, len(text), None)
    context.update(blocks=blocks, speakers=sorted(colour.items(), key=lambda item: item[1]),
                   date=passages[0].date if passages else None, hit=hit)
    return 200, context


def speakers_view(index: Any) -> tuple[int, dict[str, Any]]:
    """Every speaker with counts, aliases and dates; people only mentioned after those who speak."""
    speakers = index.speakers()
    return 200, {"speaking": [s for s in speakers if s.passages > 0], "mentioned": [s for s in speakers if s.passages == 0]}


def _bars(months: dict[str, int]) -> list[dict[str, Any]]:
    top = max(months.values(), default=0)
    return [{"month": month, "count": n, "width": round(100 * n / top) if top else 0} for month, n in months.items()]


def speaker_view(index: Any, name: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """One speaker: their passages by month (all of them, or those on topic ``q``) and the passages."""
    topic = params.get("q", "").strip()
    context: dict[str, Any] = {"name": name, "speaker": None, "topic": topic, "error": None, "bars": [], "passages": [],
                               "results": [], "floor": FLOOR}
    try:
        speaker = index.resolve_speaker(name)
    except UnknownSpeakerError as exc:
        context["error"] = str(exc)
        return 404, context
    context["speaker"] = speaker
    try:
        if topic:
            timeline = index.timeline(topic, speaker=speaker.name)
            context["bars"], context["undated"] = _bars(timeline.months), timeline.undated
            answer = index.ask(topic, k=10, speaker=speaker.name, context=1)
            context["results"] = [_result(hit) for hit in answer.results]
            context["notice"] = answer.notice
        else:
            passages = list(index.passages(speaker=speaker.name))
            context["bars"], context["undated"] = _bars(monthly(passages)), sum(1 for p in passages if not p.date)
            context["passages"] = passages[:MAX_SHOWN]
            context["total"] = len(passages)
    except DocqaError as exc:
        context["error"] = str(exc)
        return 400, context
    return 200, context
