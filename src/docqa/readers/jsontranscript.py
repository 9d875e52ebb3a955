"""JSON transcripts: a list of ``{speaker, text, start?, end?}`` turns (or a Slack channel's exported messages), or
the common speech-to-text shapes with ``segments`` (Whisper, WhisperX: seconds), ``utterances`` (AssemblyAI:
milliseconds), or ``results`` holding ``utterances`` (Deepgram) or ``audio_segments`` (Amazon Transcribe), in seconds.

>>> doc = read(b'[{"speaker": "Ana", "text": "Hello.", "start": 1.5}]', "t.json")
>>> doc.text, doc.turns[0].speaker, doc.location(0).time
('Hello.', 'Ana', 1.5)
"""

from __future__ import annotations

import json
from typing import Any

from docqa.errors import UnreadableFileError
from docqa.readers._common import TextBuilder
from docqa.readers.dates import iso
from docqa.readers.decoding import decode
from docqa.records import Document

EXTENSIONS = (".json",)


def read(data: bytes, path: str) -> Document:
    text, encoding = decode(data)
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise UnreadableFileError(f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    turns, milliseconds = _turns(payload)
    if turns is None:
        raise UnreadableFileError("JSON is not a transcript: expected a list of {speaker, text} turns, or segments/utterances"
                                  "/results")
    built = TextBuilder()
    for turn in turns:
        if not isinstance(turn, dict) or not isinstance(turn.get("text"), str):
            continue
        start = turn.get("start")
        time = None
        if isinstance(start, (int, float)) and not isinstance(start, bool):
            time = round(start / 1000 if milliseconds else float(start), 3)
        speaker = turn.get("speaker")
        built.add(turn["text"], speaker=str(speaker) if speaker not in (None, "") else None, time=time, turn=True)
    title = payload.get("title") if isinstance(payload, dict) and isinstance(payload.get("title"), str) else ""
    date = next((iso(payload[k]) for k in ("date", "published", "created_at", "recorded_at") if isinstance(payload, dict)
                 and isinstance(payload.get(k), str) and iso(payload[k])), None)
    return Document(path=path, text=built.text, kind="json-transcript", encoding=encoding, title=title.strip(), date=date,
                    turns=tuple(built.turns), locations=tuple(built.locations))


def _turns(payload: Any) -> tuple[list[Any] | None, bool]:
    if isinstance(payload, list):
        if any(isinstance(item, dict) and "speaker" not in item and ("user_profile" in item or "user_name" in item)
               for item in payload):
            return [_posted(item) for item in payload if isinstance(item, dict)], False  # a Slack channel's export
        return payload, False
    results = payload.get("results") if isinstance(payload, dict) else None
    if isinstance(results, dict):
        # Deepgram (``utterances=true``): {"results": {"utterances": [{"transcript", "speaker": 0, "start": 0.08}]}};
        # Amazon Transcribe: {"results": {"audio_segments": [{"transcript", "speaker_label": "spk_0",
        # "start_time": "0.04"}]}}
        shapes = (("utterances", "speaker", "start"), ("audio_segments", "speaker_label", "start_time"))
        for key, speaker_key, start_key in shapes:
            if isinstance(results.get(key), list):
                return [_recorded(item, speaker_key, start_key) for item in results[key] if isinstance(item, dict)], False
    if isinstance(payload, dict):
        if isinstance(payload.get("utterances"), list):  # AssemblyAI: integer milliseconds
            items = payload["utterances"]
            ints = all(isinstance(u.get("start"), int) for u in items if isinstance(u, dict) and "start" in u)
            return items, ints
        if isinstance(payload.get("segments"), list):
            return payload["segments"], False
        if isinstance(payload.get("turns"), list):
            return payload["turns"], False
    return None, False


def _posted(item: dict[str, Any]) -> dict[str, Any]:
    """A chat export's message as a turn, as Slack exports a channel (a day's file, a list of messages): its words and
    its sender's real name (else the display name, the user name, the user id).

    >>> _posted({"type": "message", "user": "U1", "text": "Hi.", "user_profile": {"real_name": "Ana Ruiz"}})
    {'text': 'Hi.', 'speaker': 'Ana Ruiz'}
    """
    profile = item.get("user_profile") if isinstance(item.get("user_profile"), dict) else {}
    names = (profile.get("real_name"), profile.get("display_name"), item.get("user_name"), item.get("user"))
    return {"text": item.get("text"), "speaker": next((n for n in names if isinstance(n, str) and n.strip()), None)}


def _recorded(item: dict[str, Any], speaker_key: str, start_key: str) -> dict[str, Any]:
    """A speech-to-text service's utterance as a turn: its words, its speaker ("Speaker 0" for a bare number), its
    start in seconds (Amazon Transcribe writes it as a string)."""
    speaker = item.get(speaker_key)
    if isinstance(speaker, int) and not isinstance(speaker, bool):
        speaker = f"Speaker {speaker}"
    start = item.get(start_key)
    try:
        start = float(start) if isinstance(start, (str, int, float)) and not isinstance(start, bool) else None
    except ValueError:
        start = None
    return {"text": item.get("transcript", item.get("text")), "speaker": speaker, "start": start}
