"""What each page shows, as plain data for its template: ``(HTTP status, context)``, no HTML here.

>>> pieces("Hello world. Bye.", [[0, 12]])
[{'text': 'Hello world.', 'mark': True}, {'text': ' Bye.', 'mark': False}]
"""

from __future__ import annotations

from typing import Any

from docqa.errors import DocqaError, UnknownSpeakerError
from docqa.records import Hit, location_label
from docqa.search.answerer import ALL_HINT, MORE_HINT
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


# How a passage's speaker was known, in a reader's words (with the exact word as a tooltip)
HOW_WORDS = {"label": ("labelled turn", "the transcript names the speaker of this turn"),
             "quote": ("quoted", "in quotation marks, attributed by the sentence around them"),
             "reported": ("reported speech", "reported, not quoted: 'she said that …'"),
             "continuation": ("continued", "the same speaker's quote goes on from the paragraph before"),
             "role": ("by role", "named by a role: 'the minister said'"),
             "pronoun": ("he/she said", "named by a pronoun that points back to a named person"),
             "author": ("the author", "the document says whose words these are: a speech's heading, a byline, a "
                        "signature, an interview's introduction"),
             "narration": ("narration", "the writer's own words: no one is quoted")}


def how_words(how: str | None) -> dict[str, str]:
    words, tip = HOW_WORDS.get(how or "", (how or "", ""))
    return {"words": words, "tip": tip}


def notice_words(answer: Any) -> str | None:
    """The answer's notice as the page says it: the terminal's flag ('--all shows them') is a link there."""
    notice = answer.notice
    return notice.replace(ALL_HINT, "").replace(MORE_HINT, "") if notice else notice


def _result(hit: Hit) -> dict[str, Any]:
    """A hit as the page shows it: speaker first, then source, place and date; the asker's turn before it."""
    before = [c for c in hit.context if c["offset"] == -1]
    asked = before[0] if before and before[0]["speaker"] != hit.speaker and before[0]["speaker"] else None
    return {"rank": hit.rank, "speaker": hit.speaker, "how": hit.how, "doc": hit.doc, "start": hit.start, "end": hit.end,
            "place": f"line {hit.line}{location_label(hit.page, hit.time)}", "date": hit.date, "score": hit.score,
            "pieces": pieces(hit.text, hit.highlights), "asked": asked, "also": hit.also, "why": hit.why,
            "answers": hit.answers}


def search_view(index: Any, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """The search page: the form (kept filled in) and, for a question, the answer."""
    form = {name: params.get(name, "").strip() for name in ("q", "speaker", "doc", "since", "until", "mode", "sort", "k")}
    context: dict[str, Any] = {"form": form, "answer": None, "results": [], "error": None, "notice": None, "show_all": None,
                               "suggestions": [], **_choices(index)}
    if not form["q"]:
        return 200, context
    try:
        answer = index.ask(AskRequest.from_strings(params, k=PAGE_K, context=1))  # the page shows more hits, with the turn before
    except DocqaError as exc:
        context["error"] = str(exc)
        return 400, context
    from urllib.parse import urlencode

    context["answer"] = answer
    context["notice"] = notice_words(answer)
    context["results"] = [_result(hit) for hit in answer.results]
    kept = {k: v for k, v in params.items() if v and k not in ("all", "speaker")}
    if answer.dropped:  # "Show all 6": the same question with no cut-off
        context["show_all"] = {"href": "/?" + urlencode({**kept, **({"speaker": form["speaker"]} if form["speaker"] else {}),
                                                          "all": "1"}),
                               "count": len(answer.results) + answer.dropped}
    # a name nobody has: its closest known speakers, each a link to the same question asked of them
    context["suggestions"] = [{"name": name, "href": "/?" + urlencode({**kept, "speaker": name})} for name in answer.suggestions]
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
        row = next((d for d in index.store.documents() if d.path == doc), None)
        if row is None:
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
    blocks = _tidy(blocks)
    if row.kind == "markdown":
        from markdown_it import MarkdownIt

        inline = MarkdownIt("commonmark", {"html": False}).disable("image")
        for block in blocks:
            block["html"] = markdown_html(block["pieces"])
            if block.get("label"):
                block["label_html"] = inline.renderInline(block["label"])
    context.update(blocks=blocks, speakers=sorted(colour.items(), key=lambda item: item[1]),
                   date=passages[0].date if passages else None, hit=hit)
    return 200, context


def _tidy(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What lies between passages, as a reader wants it: blank lines are no block, and a turn's label as
    written ("The CHAIRMAN.", "Senator ABERNATHY.") goes into that turn's header, beside the name it
    resolved to, instead of standing above it as a block of its own."""
    out: list[dict[str, Any]] = []
    for block in blocks:  # no blank lines inside a block's edges: the blocks' own margins space them
        parts = block["pieces"]
        if parts and not parts[0]["mark"]:
            parts[0] = {**parts[0], "text": parts[0]["text"].lstrip("\n")}
        if parts and not parts[-1]["mark"]:
            parts[-1] = {**parts[-1], "text": parts[-1]["text"].rstrip()}
    for i, block in enumerate(blocks):
        written = "".join(p["text"] for p in block["pieces"]).strip()
        if not block["passage"] and not block["hit"]:
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if not written:
                continue
            label_like = len(written) <= 80 and "\n" not in written and written.rstrip("*_ ").endswith((":", "."))
            if following is not None and following["speaker"] and label_like:
                bare = " ".join(written.strip("*_:.# ").casefold().split())
                if bare != following["speaker"].casefold():  # "The CHAIRMAN." beside Harold Lindqvist, not his name twice
                    following["label"] = written
                continue
        out.append(block)
    return out


def markdown_html(parts: list[dict[str, Any]]) -> str:
    """A Markdown block as HTML, with its marked pieces as ``<mark id="hit">``.  Raw HTML in the document is
    shown as text, never run (markdown-it with ``html`` off), so no sanitiser is needed."""
    from markdown_it import MarkdownIt

    open_, close = "\ue000", "\ue001"  # private-use characters: where the marks go, through the renderer
    source = "".join(f"{open_}{p['text']}{close}" if p["mark"] else p["text"] for p in parts)
    source = source.replace(open_, "").replace(close, "") if source.count(open_) != source.count(close) else source
    rendered = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image").render(source)
    return rendered.replace(open_, '<mark id="hit" tabindex="-1">').replace(close, "</mark>")


def shown_aliases(name: str, aliases: list[str]) -> list[str]:
    """The other names a person goes by, as a reader wants them: not their name again in capitals or in
    parts ("ANTONY BLINKEN", "Blinken", "Antony"), each form once whatever its case.

    >>> shown_aliases("Antony Blinken", ["ANTONY BLINKEN", "Blinken", "Secretary Blinken", "SECRETARY BLINKEN"])
    ['Secretary Blinken']
    """
    words = name.casefold().replace(".", "").split()
    parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    chosen: dict[str, str] = {}
    for alias in aliases:
        key = " ".join(alias.casefold().replace(".", "").split())  # "U.S. Secretary" is "US Secretary"
        if key in parts:
            continue
        if key not in chosen or (chosen[key].isupper() and not alias.isupper()):
            chosen[key] = alias
    return list(chosen.values())


def speakers_view(index: Any) -> tuple[int, dict[str, Any]]:
    """Every speaker with counts, aliases and dates; people only mentioned after those who speak."""
    speakers = index.speakers()
    return 200, {"speaking": [s for s in speakers if s.passages > 0], "mentioned": [s for s in speakers if s.passages == 0]}


def _bars(months: dict[str, int]) -> list[dict[str, Any]]:
    top = max(months.values(), default=0)
    return [{"month": month, "count": n, "width": max(1, round(100 * n / top)) if top and n else 0} for month,
            n in months.items()]


def speaker_view(index: Any, name: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """One speaker: their passages by month (all of them, or those on topic ``q``) and the passages."""
    topic = params.get("q", "").strip()
    context: dict[str, Any] = {"name": name, "speaker": None, "topic": topic, "error": None, "bars": [], "passages": [],
                               "results": [], "floor": FLOOR, "show_all": None}
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
            context["notice"] = notice_words(answer)
            if answer.dropped:
                from urllib.parse import urlencode

                context["show_all"] = {"href": "/?" + urlencode({"q": topic, "speaker": speaker.name, "all": "1"}),
                                       "count": len(answer.results) + answer.dropped}
        else:
            passages = list(index.passages(speaker=speaker.name))
            context["bars"], context["undated"] = _bars(monthly(passages)), sum(1 for p in passages if not p.date)
            context["passages"] = passages[:MAX_SHOWN]
            context["total"] = len(passages)
    except DocqaError as exc:
        context["error"] = str(exc)
        return 400, context
    return 200, context
