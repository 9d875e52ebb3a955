"""Transcripts: paragraphs that open with a speaker label start a turn; unlabelled ones continue it."""

from __future__ import annotations

import re
from dataclasses import replace

from docqa.attribution.gender import from_first_name
from docqa.attribution.labels import (
    CHAT_NOTICE_MARK,
    CHAT_STAMP,
    CHAT_STAMP_SHORT,
    COUNTED,
    CUE_TIMES,
    DIALOGUE,
    PERIOD_MIN,
    QUOTING,
    REPEATED,
    STAMPED_CHAT,
    TIME_PREFIX,
    Label,
    attributed_heading,
    parse_label,
    role_label,
)
from docqa.attribution.names import parse_name
from docqa.language.labels import MAIL_WROTE, names_office
from docqa.language.sentences import paragraphs

# (long enough for a meeting chat's "10:04:17 From Ana Ruiz-Pardo to Bo Li (Direct Message):"; the label is checked after)
_LINE_START = re.compile(r"\n(?=[ \t>•*\-–]*(?:" + TIME_PREFIX + r")?(?:\*\*|__|\[)?[A-Z][^\n:]{0,120}:)")
# A deposition's or trial's record prints each question and answer on a line of its own, no blank line between:
# "Q. Where were you?" / "A. At home." (or "Q<tab>…").  A block with both is split at each.
_QA_LINE = re.compile(r"\n(?=[ \t]*[QA](?:\.[ \t]+|\t[ \t]*|[ ]{2,})[A-Z0-9“\"'(])")
# Such a record's section heading on a line of its own between them ("EXAMINATION", "CROSS-EXAMINATION BY MR. X" ends
# in a label's colon and splits as one): its own block, not the end of the answer before it
_HEADING_LINE = re.compile(r"\n(?=[ \t]*[A-Z][A-Z .'’&-]{1,60}[A-Z][ \t]*(?:\n|$))")
# Closed captions mark each change of speaker with ">>", named or not (">> Mayor X: Good evening." / ">> Here."): a
# block that opens with one and has another, or has two, is split at each.
VOICE_CHANGE = re.compile(r"[ \t]*>>(?!>)")
_VOICE_LINE = re.compile(r"\n(?=[ \t]*>>(?!>))")
# an answer's line under a question's ("Q: …" over "Answered by Ana Ruiz (COO): …"), as a Q&A tool exports them
# a social post's quotation of another post, on a line of its own: ``labels._QUOTING``
_QUOTING_LINE = re.compile(r"\n(?=" + QUOTING + ")")
_ANSWER_LINE = re.compile(r"\n(?=[ \t]*(?i:answered|answers?|repl(?:y|ied|ies)|responses?|responded)[ \t]+(?i:by|from)[ \t])")
_CUE_LINE = re.compile(r"\n(?=[ \t]*" + CUE_TIMES + ")")  # a cue's times, the speaker on the next line: ``labels._CUE_LABEL``
# A chat log's lines: messages ("[09:58] <ana_r> …") and the client's notices ("[10:03] * bo has joined #ops", "-!- …")
CHAT_NOTICE = re.compile(r"[ \t]*" + CHAT_STAMP_SHORT + CHAT_NOTICE_MARK + r"[ \t]")
_EXPORT_LINE = re.compile(r"\n(?=[ \t]*" + CHAT_STAMP + r"[ \t]+\S)")  # a chat export's message: "12/03/2026, 18:02 - Ana: …"
_STAMPED_CHAT_LINE = re.compile(r"\n(?=" + STAMPED_CHAT + ")")  # a stream's chat replay: "18:05 ana_r: …"
_CHAT_LINE = re.compile(r"\n(?=[ \t]*" + CHAT_STAMP_SHORT + r"(?:<[^\s<>]{1,33}>|" + CHAT_NOTICE_MARK + r")[ \t])")
# a chat export's "[Ana Ruiz-Pardo] Who has the key?" (not "[Ana Ruiz-Pardo] 18:02:11" over the words)
_BRACKET_SENDER_LINE = re.compile(r"\n(?=[ \t]*\[[A-Z][^\]\[\n]{2,40}\][ \t]+(?!\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:\n|$))\S)")
# A table's row, as ``labels._TAB_ROW`` and ``_PIPE_ROW`` read them
_ROW_LINE = re.compile(r"\n(?=[^\n\t]{1,80}\t[^\n]*\S|[ \t]*\|[^\n]*\|)")
# A list's items ("- **Ana:** we should…" / "- Ana agreed to draft it."): in a list whose items name speakers, an item
# without a label is not the item before it going on
LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+")  # a list item's marker: "- ", "* ", "• ", "2. "
_ITEM_LINE = re.compile(r"\n(?=" + LIST_ITEM.pattern + ")")


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, also split where a line opens with a speaker label and no blank line precedes it.

    >>> t = "Q: Hi?\\nMS. PSAKI: Hello.\\n\\nMore."
    >>> [t[s:e] for s, e in blocks(t)]
    ['Q: Hi?', 'MS. PSAKI: Hello.', 'More.']
    >>> t = "BY MS. ROE:\\nQ. Where were you?\\nA. At home.\\nA. Wellby was not."
    >>> [t[s:e] for s, e in blocks(t)]
    ['BY MS. ROE:', 'Q. Where were you?', 'A. At home.', 'A. Wellby was not.']
    >>> t = ">> MAYOR LEE: Order.\\n>> Here.\\n>> Present."
    >>> [t[s:e] for s, e in blocks(t)]
    ['>> MAYOR LEE: Order.', '>> Here.', '>> Present.']
    >>> t = "- **Ana:** we should.\\n- Bo agreed to draft it."
    >>> [t[s:e] for s, e in blocks(t)]
    ['- **Ana:** we should.', '- Bo agreed to draft it.']
    """
    out: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        pos = start
        splits = sorted([*_LINE_START.finditer(text, start, end), *_CUE_LINE.finditer(text, start, end)],
                        key=lambda match: match.start())
        qa = list(_QA_LINE.finditer(text, start, end))
        opening = parse_label(text, start, end, ("qa",))  # a block may open with its first question
        headings: list[re.Match[str]] = []
        if {text[match.end() : end].lstrip()[0] for match in qa} | ({opening.name} if opening else set()) == {"Q", "A"}:
            headings = list(_HEADING_LINE.finditer(text, start, end)) if not in_capitals(text[start:end]) else []
            splits = sorted(splits + qa + headings, key=lambda match: match.start())
        voices = list(_VOICE_LINE.finditer(text, start, end))
        if voices and (VOICE_CHANGE.match(text, start, end) or len(voices) >= 2):
            splits = sorted(splits + voices, key=lambda match: match.start())
        items = list(_ITEM_LINE.finditer(text, start, end))
        named_items = [m for m in items if parse_label(text, m.end(), end) is not None]
        items_at: set[int] = {m.start() for m in headings}  # lines that open a block whatever follows
        if named_items or (items and LIST_ITEM.match(text, start, end) and parse_label(text, start, end)):
            items_at = {m.start() for m in items}  # a list whose items name speakers: every item its own block
        chat = sorted([*_CHAT_LINE.finditer(text, start, end), *_EXPORT_LINE.finditer(text, start, end),
                       *_STAMPED_CHAT_LINE.finditer(text, start, end), *_BRACKET_SENDER_LINE.finditer(text, start, end)],
                      key=lambda m: m.start())
        if len(chat) >= 2:
            items_at |= {m.start() for m in chat}  # a chat log: every message and every "* X has joined" its own line
        answers = [m for m in _ANSWER_LINE.finditer(text, start, end) if attributed_heading(text, m.end(), end) is not None]
        quoting = list(_QUOTING_LINE.finditer(text, start, end))
        if quoting and parse_label(text, start, end) is not None:
            chat += quoting
            items_at |= {m.start() for m in quoting}  # the quoted post its own block, its author's words
        if answers and parse_label(text, start, end) is not None:
            chat += answers
            items_at |= {m.start() for m in answers}  # the answer its own block, its answerer's words
        rows = list(_ROW_LINE.finditer(text, start, end))
        if len(rows) >= 2:
            chat += rows
            items_at |= {m.start() for m in rows}  # a table's rows, tab-separated or between bars: one turn each
        if items_at:  # one split per line, a label's, an item's or a heading's
            extra = [m for m in items + chat + headings if m.start() in items_at]
            splits = sorted({m.start(): m for m in splits + extra}.values(), key=lambda match: match.start())
        for match in splits:
            if parse_label(text, match.end(), end) is not None or VOICE_CHANGE.match(text, match.end(), end) \
                    or match.start() in items_at:
                out.append((pos, match.start()))
                pos = match.end()
        for wrote in MAIL_WROTE.finditer(text, pos, end):  # "On …, X <address> wrote:" then the message it quotes
            if wrote.end() < end:
                out.append((pos, wrote.end()))
                pos = wrote.end()
        out.append((pos, end))
    return _cues_joined(text, [(s, e) for s, e in out if s < e])


_CUE_ALONE = re.compile(r"[ \t]*" + CUE_TIMES + r"[ \t]*")


def _cues_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A Teams cue written as three paragraphs (its times, the speaker, the words), as a Word export gives it: one block,
    as when its lines are not apart (``labels._CUE_LABEL``).

    >>> t = "0:0:3.4 --> 0:0:8.1\\n\\nWu, Constance\\n\\nLet's begin.\\n\\n0:0:9.0 --> 0:0:9.9\\n\\nEmeka Sørlie\\n\\nYes."
    >>> [t[s:e].count("\\n") for s, e in _cues_joined(t, [(s, e) for s, e in paragraphs(t)])]
    [4, 4]
    """
    out: list[tuple[int, int]] = []
    at = 0
    while at < len(spans):
        start, end = spans[at]
        if at + 2 < len(spans) and _CUE_ALONE.fullmatch(text, start, end) and "\n" not in text[slice(*spans[at + 1])].strip() \
                and not _CUE_ALONE.fullmatch(text, *spans[at + 2]):
            out.append((start, spans[at + 2][1]))
            at += 3
            continue
        out.append((start, end))
        at += 1
    return out


def in_capitals(text: str) -> bool:
    """Whether text is written in capitals (a caption file, a teletype record): fewer than one letter in ten in lower
    case, where a record's labels and headings alone are in capitals.  In ordinary case a line in capitals stands out
    as a heading; in capitals every line is one.

    >>> in_capitals("THE CHAIR: WE WILL COME TO ORDER."), in_capitals("THE CHAIR: We will come to order.")
    (True, False)
    """
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    return sum(ch.islower() for ch in sample) < letters / 10


def find_labels(text: str, spans: list[tuple[int, int]]) -> list[Label | None]:
    """The label opening each block, or None.  An "A." label counts only beside questions.  Labels of the ``COUNTED``
    shapes (period labels, "Senator SCOTT."; a name with a time, or with a role after dashes, on a line of its own)
    count only in a document that opens at least ``PERIOD_MIN`` paragraphs with that shape: one such paragraph in a
    story is prose, or a byline."""
    found = [parse_label(text, s, e) for s, e in spans]
    _listed_names(text, spans, found)
    if not any(label is not None and role_label(label.name) == "QUESTION" for label in found):
        # "A. Osei, who teaches …" opens a story's paragraph with an initial: an "A." answers only where there are questions
        found = [None if label is not None and label.shape == "qa" and label.name == "A" else label for label in found]
    for shape in COUNTED:
        names = [label.name for label in found if label is not None and label.shape == shape]
        twice = {name for name in names if names.count(name) >= 2}
        if len(names) < PERIOD_MIN or (shape in REPEATED and not twice) or (shape in DIALOGUE and len(twice) < 2):
            found = [None if label is not None and label.shape == shape else label for label in found]
    if not any(found):
        _bold_questions(text, spans, found)
    _after_quoting(spans, found)
    return found


def _after_quoting(spans: list[tuple[int, int]], found: list[Label | None]) -> None:
    """A post that quotes an earlier one ("ana_r wrote:" over the lines it quotes) goes on in its own writer's words
    after the quotation: the block after a quotation is the post's, not the quoted writer's."""
    writer: Label | None = None
    for i, label in enumerate(found):
        if label is not None and label.shape != "quoted":
            writer = label
        elif label is None and i and found[i - 1] is not None and found[i - 1].shape == "quoted" and writer is not None:
            start = spans[i][0]
            found[i] = replace(writer, start=start, end=start, body_start=start)  # no label written: the writer goes on


def _listed_names(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> None:
    """Where a list at the top gives the participants with their roles after dashes, a line of one participant's name
    alone opens their turn, as earnings calls are printed ("Executives" / "Ana Ruiz - Chief Executive Officer" / …, and
    below, "Ana Ruiz" on its own line above her words).  Only a list of two or more names of two words or more, and
    only a line that is all of one of them: a name in a sentence is no label."""
    listed: set[str] = set()
    for s, e in spans:
        if "\n" not in text[s:e]:
            continue  # a list is a block of lines
        at = s
        for line in text[s:e].split("\n"):
            label = parse_label(text, at, at + len(line), shapes=("dash",))
            if label is not None and len(label.name.split()) >= 2:
                listed.add(label.name)
            at += len(line) + 1
    if len(listed) < 2:
        return
    for i, (s, e) in enumerate(spans):
        if found[i] is not None:
            continue
        line = text[s:e].split("\n", 1)[0]
        if line.strip() in listed:
            start = s + len(line) - len(line.lstrip())
            body = min(e, s + len(line) + 1)
            found[i] = Label(name=line.strip(), start=start, end=start + len(line.strip()), body_start=body, shape="dash")


# A magazine's Q&A printed without labels: each question in bold (or in italics) on its own, the answer in plain type
# below it
_BOLD_QUESTION = re.compile(r"[ \t]*(?P<mark>\*\*|__|\*|_)[^*_\n]{3,300}\?[ \t]*(?P=mark)[ \t]*")


def _bold_questions(text: str, spans: list[tuple[int, int]], found: list[Label | None]) -> None:
    """Where ``PERIOD_MIN`` or more blocks are a question in bold, each followed by a block that is not, label them as
    a Q&A's: the question "Q", the first block after it "A" (the blocks after that go on with the answer)."""
    asked = [i for i, (s, e) in enumerate(spans) if _BOLD_QUESTION.fullmatch(text, s, e)]
    if len(asked) < PERIOD_MIN or any(i + 1 >= len(spans) or i + 1 in asked for i in asked):
        return
    for i in asked:
        for at, name in ((i, "Q"), (i + 1, "A")):
            start = spans[at][0]
            found[at] = Label(name=name, start=start, end=start, body_start=start, shape="qa")


def is_title(text: str, span: tuple[int, int], label: Label, found: list[Label | None], preamble: bool = False) -> bool:
    """Whether a document's first block, read as a label, is a heading: one line, a name used as a label nowhere
    else, and either a short line with no sentence end ("Weekly Digest: A Talk with ...") or, when more
    follows, a name that is no one's (no capitals, no title, no first name: "Vitamin D: The sunshine
    vitamin.", as papers are titled; "MAYOR LEE: Good morning." opens a speech).  The first label after a
    ``preamble`` of unlabelled blocks (a house's name, a date) is a heading only as a short line with no sentence end
    whose name is no one's ("Ferry Services: Winter Timetable").  A note in brackets on the lines under it is no part of
    the block ("(Transcript prepared by the press office)").

    >>> t = "STARS SLAM FLOP: 'WORST WEEKEND'\\n\\nFans were angry."
    >>> is_title(t, (0, 32), parse_label(t, 0, 32), [parse_label(t, 0, 32), None])
    True
    >>> t = "Vitamin D: The sunshine vitamin.\\n\\nLow levels are common."
    >>> is_title(t, (0, 32), parse_label(t, 0, 32), [parse_label(t, 0, 32), None])
    True
    """
    first, _, rest = text[span[0] : span[1]].partition("\n")
    if rest.strip() and all(re.fullmatch(r"[ \t]*[\[(][^\n]*[\])][ \t]*", line) for line in rest.split("\n") if line.strip()):
        span = (span[0], span[0] + len(first))  # "Doorstep: …, 2 December 2026" over "(Transcript prepared by …)"
    if role_label(label.name) is not None or "\n" in text[span[0] : span[1]] or label.shape == "chat":
        return False  # a role, a block of lines, or a chat log's first message
    if [other.name for other in found if other is not None].count(label.name) != 1:
        return False
    body = text[label.body_start : span[1]].strip()
    if not body:
        return False
    if len(body.split()) <= 15 and body[-1] not in ".!?…":
        return not preamble or not (someone(label.name) or names_office(label.name) or label.shape != "colon")
    if preamble:
        return False
    one_sentence = not re.search(r"[.!?…]\s", body)
    return len(found) >= 2 and len(body.split()) <= 40 and one_sentence and not someone(label.name)


def someone(name: str) -> bool:
    """Whether a label's name could be a person's: in capitals, with a title or honorific, or a first name; not
    two things ("LXRS and FXR") nor a thing ("The Public Health Responsibility Deal")."""
    if re.search(r"\s(?:and|&)\s", name) or (name.startswith("The ") and not name.isupper()):
        return False
    last = name.split()[-1] if name.split() else ""
    if len(last) > 1 and last.isupper():
        return True  # "MAYOR LEE", "Sen. HOLLOWAY" (not "The HIV Treatment Gap")
    parts = parse_name(name)
    return parts is not None and bool(parts.title or parts.honorific or from_first_name(parts.given or name))


def is_transcript(found: list[Label | None]) -> bool:
    """Two or more labelled paragraphs make a transcript; so does one label that cannot be a dateline or a
    headline (a lone "Topic: …" line near the top of a longer story).

    >>> from docqa.attribution.labels import Label
    >>> is_transcript([Label("WASHINGTON", 0, 10, 12), None])
    False
    >>> is_transcript([Label("Fishing quotas", 0, 14, 16), None, None, None])
    False
    """
    named = [(at, label) for at, label in enumerate(found) if label is not None]
    if len(named) >= 2:
        return True
    if len(named) == 1:
        at, label = named[0]
        if role_label(label.name) is not None:
            return True
        return len(label.name.split()) >= 2 and not (at < 3 and len(found) - at > 2)
    return False
