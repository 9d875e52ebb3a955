"""Transcript labels: the shapes that are speakers and the ones that are not, and real briefings."""

from __future__ import annotations

import collections
import json
import re

import pytest

from conftest import SHARED
from docqa.attribution import transcript
from docqa.attribution.labels import is_speaker_label, parse_label
from docqa.language.normalize import normalize


@pytest.mark.parametrize(
    "line,name",
    [
        ("ANTONY BLINKEN: Thank you.", "ANTONY BLINKEN"),
        ("Jens Stoltenberg: Thank you.", "Jens Stoltenberg"),
        ("NATO Secretary General Jens Stoltenberg: Thank you.", "NATO Secretary General Jens Stoltenberg"),
        ("MR PRICE: Good afternoon.", "MR PRICE"),
        ("MS. JEAN-PIERRE: Hi.", "MS. JEAN-PIERRE"),
        ("QUESTION: Thanks, Ned.", "QUESTION"),
        ("MODERATOR: Next question.", "MODERATOR"),
        ("Q: Thanks.", "Q"),
        ("**Tom O'Brien:** The billing migration.", "Tom O'Brien"),
        ("Speaker 2: yes", "Speaker 2"),
    ],
)
def test_speaker_labels(line: str, name: str) -> None:
    label = parse_label(line, 0, len(line))
    assert label is not None and label.name == name
    assert line[label.body_start:].strip() and not line[label.body_start].isspace()


@pytest.mark.parametrize(
    "line",
    [
        "Note: the briefing ended early.",
        "  • Last updated: 23 Mar. 2021 12:07",
        "12:07 the meeting opened",
        "Wednesday’s schedule included: talks",
        "So here is the thing: we disagree.",
        "See https://example.com: a link",
        "Attendees: Priya, Tom",
    ],
)
def test_not_speaker_labels(line: str) -> None:
    assert parse_label(line, 0, len(line)) is None


def test_single_dateline_is_not_a_transcript() -> None:
    text = "WASHINGTON: The president said on Monday that talks would resume."
    spans = transcript.blocks(text)
    assert not transcript.is_transcript(transcript.find_labels(text, spans))
    assert is_speaker_label("WASHINGTON")  # the shape fits; the document as a whole decides


WHITEHOUSE = SHARED / "transcripts" / "whitehouse"


@pytest.mark.skipif(not WHITEHOUSE.is_dir(), reason="White House transcripts not present")
def test_labels_match_the_published_speaker_counts_of_real_briefings() -> None:
    """Every turn label of 3,454 real White House transcripts, against the counts published with them."""
    exact = total = 0
    misses = collections.Counter()
    for meta in ("press-briefings.jsonl", "speeches-remarks.jsonl"):
        for line in (WHITEHOUSE / meta).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = normalize((WHITEHOUSE / record["path"]).read_text(encoding="utf-8"))
            found = collections.Counter(label.name for label in transcript.find_labels(text, transcript.blocks(text)) if label)
            expected = collections.Counter(record["speakers"])
            total += 1
            if found == expected:
                exact += 1
            else:
                misses.update((expected - found) + (found - expected))
    assert total > 3000
    assert exact / total >= 0.999, misses.most_common(10)


QMSUM = SHARED / "qmsum"


def _label_key(name: str | None) -> str | None:
    """A speaker name compared up to honorifics and leading titles ("Hon. Bill Blair" ~ "Bill Blair")."""
    if name is None:
        return None
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(".") in {"the", "hon", "honourable", "right", "mr", "mrs", "ms", "dr",
                                                             "miss", "professor", "prof"}:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in {"am", "ms", "mp", "mla", "qc"}:  # post-nominals: "Lynne Neagle AM"
        words = words[:-1]
    return " ".join(words).lower().strip()


@pytest.mark.slow
@pytest.mark.skipif(not QMSUM.is_dir(), reason="needs ../shared/data/qmsum (QMSum meetings with gold speakers)")
def test_every_meeting_turn_gets_its_gold_speaker() -> None:
    """QMSum train + val: 108k turns by product teams, research groups and parliamentary committees."""
    import json

    from docqa import Document, attribute
    from docqa.language.sentences import paragraphs

    total = right = 0
    wrong: collections.Counter = collections.Counter()
    for split in ("train", "val"):
        gold: dict[str, dict[int, str]] = collections.defaultdict(dict)
        for line in (QMSUM / split / "turns.jsonl").read_text(encoding="utf-8").splitlines():
            turn = json.loads(line)
            gold[turn["meeting"]][turn["turn"]] = turn["speaker"]
        for path in sorted((QMSUM / split / "transcripts").glob("*.txt")):
            result = attribute(Document(path.name, path.read_text(encoding="utf-8"), "text"))
            first = {}
            for segment in result.segments:
                first.setdefault(segment.paragraph, segment)
            starts = sorted(first.values(), key=lambda s: s.start)
            for index, (start, end) in enumerate(paragraphs(result.text)):
                if index not in gold[path.stem]:
                    continue
                total += 1
                segment = next((s for s in starts if start <= s.start < end), None)
                found = result.speaker_name(segment.speaker) if segment else None
                expected = gold[path.stem][index]
                inner = re.fullmatch(r".*\((.+)\)", expected)  # "The Acting Chair (Mr. Bruce Stanton)" is Bruce Stanton
                if _label_key(found) in {_label_key(expected), _label_key(inner.group(1)) if inner else None}:
                    right += 1
                else:
                    wrong[(expected, found)] += 1
    assert total > 100_000
    assert right / total >= 0.995, (right / total, wrong.most_common(10))
