"""Property-based tests (hypothesis): for any input, no exception escapes and every offset maps back."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from docqa import Document, attribute, chunk, parse_question
from docqa.attribution.transcript import blocks, find_labels
from docqa.language.normalize import normalize
from docqa.readers import UnreadableFileError
from docqa.readers.decoding import decode

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text shaped like the documents docqa reads: labels, names, quotes, speech verbs, odd spaces and marks.
PIECES = st.sampled_from([
    "ANTONY BLINKEN:", "Q:", "MR PRICE:", "Jens Stoltenberg:", "Note:", "12:07", "“", "”", '"', "«", "»", "‘", "’",
    " said", " he said", " said Blinken", ", Maas said.", "The NATO chief said", "according to Lavrov", "He told",
    "U.S.", "Mr.", "2021.The", "\n", "\n\n", "\r\n", "\u00a0", "\u202f", " ", ".", ",", "?", "!", "—", "Blinken",
    "Secretary of State Antony Blinken", "von der Leyen", "the top U.S. diplomat", "We", "Turkey", "\x00", "\t",
    # the shapes of email, chat exports, depositions, opinions, forums, letters pages and notes-app transcripts
    "From: Ana Ruiz <ana@example.org>", "Subject: Gates", "Sent: Tuesday, March 4, 2025 9:12 AM", "-----Original Message-----",
    "On Wed, Jun 11, 2025 at 9:14 AM Ana Ruiz <ana@example.org> wrote:", "> ", "12/03/2024, 18:02 - ", "[04/05/2024, 07:31:12] ",
    "Q. ", "A. ", "BY MS. RUIZ:", "DEPOSITION OF ANA RUIZ", "JUSTICE RUIZ, dissenting.", " delivered the opinion of the Court.",
    "Posted by ana_r on 3 March 2025", "Reply from Ana Ruiz", "Letters to the editor", "**Ana Ruiz**", "[Ana Ruiz] ",
    "Ramón Íñiguez", ", the city's chief engineer,", "quoted Ana Ruiz as saying",
])
DOCUMENT_TEXT = st.one_of(st.text(max_size=400), st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join))


@SETTINGS
@given(st.binary(max_size=600))
def test_reader_decodes_or_refuses_any_bytes(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except UnreadableFileError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and isinstance(encoding, str) and "\r" not in text and "\x00" not in text


@SETTINGS
@given(st.one_of(st.binary(max_size=600), DOCUMENT_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass"))))
@example(b"From:, :")  # found by this test in CI: the standard library's address parser raised IndexError
def test_email_reader_reads_or_refuses_any_bytes(data: bytes) -> None:
    from docqa.readers import mail

    for name in ("a.eml", "a.mbox"):
        try:
            document = mail.read(data, name)
        except UnreadableFileError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        assert document.text and (document.date is None or len(document.date) == 10)


@SETTINGS
@given(DOCUMENT_TEXT)
def test_normalisation_keeps_every_offset(text: str) -> None:
    assert len(normalize(text)) == len(text)


@SETTINGS
@given(DOCUMENT_TEXT)
def test_transcript_parser_offsets_stay_in_the_text(text: str) -> None:
    spans = blocks(text)
    previous_end = 0
    for (start, end), label in zip(spans, find_labels(text, spans), strict=True):
        assert previous_end <= start < end <= len(text)
        previous_end = end
        if label is not None:
            assert start <= label.start < label.end <= label.body_start <= end
            assert text[label.start:label.end].strip() == label.name


@SETTINGS
@given(DOCUMENT_TEXT)
def test_attribution_and_chunking_map_back_into_the_source(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # what the reader hands over
    document = Document("doc.txt", text, "text")
    result = attribute(document)
    previous_end = 0
    for segment in result.segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        previous_end = segment.end
        assert segment.speaker is None or result.entity(segment.speaker) is not None
    for passage in chunk(result):
        assert text[passage.start:passage.end] == passage.text
        assert passage.line == text.count("\n", 0, passage.start) + 1


@SETTINGS
@given(st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.sampled_from(
    ["what did", "who said", "'s view of", " on ", " about ", "did", "mention", "according to"])), max_size=20).map(" ".join)))
def test_question_parser_takes_any_string(question: str) -> None:
    parsed = parse_question(question)
    assert parsed.query == question and isinstance(parsed.topic, str)
    assert parsed.speaker_phrase is None or parsed.speaker_phrase.strip()
