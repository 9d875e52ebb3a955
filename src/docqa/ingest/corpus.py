"""The corpus-wide stage of a build: merge every document's speakers, then give each passage its row.

Passage ids are assigned here, 1, 2, 3... in document order; each passage gets its corpus speaker
id, and the speakers it mentions (other than its own) become mention rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from docqa.attribution.speakers import SpeakerMerger, alias_rows
from docqa.ingest.analyse import AnalysedDocument
from docqa.language.normalize import normalize
from docqa.storage import AliasRow, DocumentRow, PassageRow, SpeakerRow


@dataclass
class Corpus:
    """Everything a store is given, but the vectors: rows for documents, speakers, aliases, passages, mentions."""

    documents: list[DocumentRow] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    aliases: list[AliasRow] = field(default_factory=list)
    passages: list[PassageRow] = field(default_factory=list)
    mentions: set[tuple[int, int]] = field(default_factory=set)

    def texts(self) -> list[str]:
        """What is embedded for each passage: its text, Unicode-normalised."""
        return [normalize(p.text) for p in self.passages]

    def path_of(self, passage: PassageRow) -> str:
        return self.documents[passage.doc_id - 1].path


def assemble(analysed: Sequence[AnalysedDocument]) -> Corpus:
    """Merge speakers across documents and number the passages; speakers never heard nor mentioned are dropped."""
    merger = SpeakerMerger()
    for doc_index, item in enumerate(analysed):
        merger.add(doc_index, item.entities, item.path)
    speakers, mapping = merger.finish()
    corpus = Corpus()
    speaking: dict[int, int] = {}
    for doc_index, item in enumerate(analysed):
        corpus.documents.append(DocumentRow(doc_index + 1, item.path, item.kind, item.encoding, item.digest, item.chars,
                                            item.transcript, item.date))
        mentions = sorted(item.mentions)
        first = 0  # passages and mentions are both in text order: never rescan the ones behind
        for passage in item.passages:
            pid = len(corpus.passages) + 1
            speaker_id = mapping.get((doc_index, passage.speaker)) if passage.speaker else None
            if speaker_id is not None:
                speaking[speaker_id] = speaking.get(speaker_id, 0) + 1
            corpus.passages.append(PassageRow(id=pid, doc_id=doc_index + 1, start=passage.start, end=passage.end,
                                              line=passage.line,
                                              speaker_id=speaker_id, how=passage.how, text=passage.text, page=passage.page,
                                              time=passage.time))
            while first < len(mentions) and mentions[first][1] <= passage.start:
                first += 1
            for j in range(first, len(mentions)):
                start, end, key = mentions[j]
                if start >= passage.end:
                    break
                if end > passage.start:
                    mentioned = mapping.get((doc_index, key))
                    if mentioned is not None and mentioned != speaker_id:
                        corpus.mentions.add((pid, mentioned))
    mentioned = Counter(sid for _, sid in corpus.mentions)
    days: dict[int, list[str]] = {}
    for row in corpus.passages:
        date = corpus.documents[row.doc_id - 1].date
        if row.speaker_id is not None and date:
            days.setdefault(row.speaker_id, []).append(date)
    kept = [s for s in speakers if s.id in speaking or s.id in mentioned]
    corpus.speakers = [SpeakerRow(s.id, s.name, s.kind, tuple(s.titles), passages=speaking.get(s.id, 0), mentions=mentioned[s.id],
                                  first_date=min(days.get(s.id, []), default=None), last_date=max(days.get(s.id, []),
                                                                                                  default=None))
                       for s in kept]
    corpus.aliases = [AliasRow(*row) for row in alias_rows(kept)]
    return corpus
