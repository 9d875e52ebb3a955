"""Subtitles: WebVTT (webvtt-py) and SRT (srt).  Speakers from ``<v Name>`` voice tags and the usual
conventions in cue text (``NAME: …``, ``[NAME] …``, ``- …`` for a change of speaker); cue start
times kept on every passage.  A cue with no marker continues the previous speaker, as subtitles split
one person's sentences across cues."""

from __future__ import annotations

import io
import re

from docqa.errors import UnreadableFileError
from docqa.language.labels import is_speaker_label
from docqa.readers._common import TextBuilder, need, seconds
from docqa.readers.decoding import decode
from docqa.records import Document

EXTENSIONS = (".vtt", ".srt")
_BRACKET = re.compile(r"^\[(?P<name>[^\]]{1,60})\]\s*(?P<rest>.*)$", re.S)
_COLON = re.compile(r"^(?P<name>[^:\n]{1,60}):\s+(?P<rest>.*)$", re.S)
_TAGS = re.compile(r"</?[a-z][^>]*>", re.I)
_NOTE = "\0note"  # a cue's "voice" when it is a NOTE block
_SOUND = re.compile(r"[\[(][^\])]{1,60}[\])]|♪.*")  # "[APPLAUSE]", "(laughter)", "♪ music ♪"


def speaker_of(text: str, voice: str | None, previous: str | None) -> tuple[str | None, str]:
    """(speaker, spoken text) of one cue.

    >>> speaker_of("[JANE DOE] Hello.", None, None), speaker_of("- Hi.", None, "JANE"), speaker_of("Well.", None, "JANE")
    (('JANE DOE', 'Hello.'), (None, 'Hi.'), ('JANE', 'Well.'))
    >>> speaker_of("- MAYOR LIU: Next item.", None, "JANE")
    ('MAYOR LIU', 'Next item.')
    """
    text = " ".join(_TAGS.sub("", text).split())
    if voice:
        return voice.strip(), text
    dash = text.startswith(("- ", "– ", "— "))
    if dash:
        text = text[2:].strip()
    for pattern in (_BRACKET, _COLON):
        match = pattern.match(text)
        if match and is_speaker_label(match.group("name").strip()) and match.group("rest").strip():
            return match.group("name").strip(), match.group("rest").strip()
    return (None, text) if dash else (previous, text)  # a dash: a new speaker, unnamed unless a label names them


def _dialogue_lines(content: str) -> list[str]:
    """A cue's text cut where a line opens with a dialogue dash (each such line is another speaker's).

    >>> _dialogue_lines("- How old is it?\\n- Two years."), _dialogue_lines("One line\\nwrapped.")
    (['- How old is it?', '- Two years.'], ['One line\\nwrapped.'])
    """
    parts: list[str] = []
    for line in content.split("\n"):
        if parts and not line.lstrip().startswith(("- ", "– ", "— ")):
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return [p for p in parts if p.strip()]


def read(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    cues: list[tuple[float, str, str | None]] = []
    try:
        if path.lower().endswith(".vtt"):
            webvtt = need("webvtt", "subtitles")
            parsed = webvtt.from_buffer(io.StringIO(text))
            # a NOTE block is the file's own words about the recording ("Host: X. Guest: Y, installer."): nobody's speech,
            # read as the preamble of a transcript is
            notes = list(getattr(parsed, "header_comments", None) or [])
            for c in parsed.captions:
                cues += [(seconds(c.start) or 0.0, note, _NOTE) for note in getattr(c, "comments", None) or []]
                cues.append((seconds(c.start) or 0.0, c.text, getattr(c, "voice", None)))
            cues = [(0.0, note, _NOTE) for note in notes] + cues
        else:
            srt = need("srt", "subtitles")
            cues = [(round(c.start.total_seconds(), 3), c.content, None) for c in srt.parse(text)]
    except UnreadableFileError:
        raise
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise UnreadableFileError(f"unreadable subtitles ({type(exc).__name__}: {reason})") from None
    built = TextBuilder()
    speaker: str | None = None
    for start, content, voice in cues:
        if voice is _NOTE:
            built.add(content, speaker=None, time=start, turn=True, note=True)
            continue
        for line in _dialogue_lines(content):  # "- How old is it?\n- Two years.": two speakers in one cue
            if _SOUND.fullmatch(line.strip()) and not voice:
                built.add(line, speaker=None, time=start, turn=True)  # "[APPLAUSE]": nobody's words; the turn goes on after it
                continue
            speaker, spoken = speaker_of(line, voice, speaker)
            built.add(spoken, speaker=speaker, time=start, turn=True)
    return Document(path=path, text=built.text, kind="subtitles", encoding=encoding,
                    turns=tuple(built.turns), locations=tuple(built.locations))
