"""How many speakers one person becomes across a corpus: attribute every White House press briefing, merge
the corpus's speakers as a build does, and list the surnames that several labelled people share.

    python benchmarks/speaker_splits.py            # the 288 press briefings of ../shared/data
    python benchmarks/speaker_splits.py FOLDER     # any folder of transcripts
    python benchmarks/speaker_splits.py --names FOLDER > after.txt   # every speaker, to diff two versions

Each line is one surname with the speakers it became (name, first labels).  Two different people may share
a surname (two ambassadors Jacobson); one person split in two is an attribution error: the count of
labelled people and of split surnames goes down when a rule joins what is one person.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT.parent / "shared" / "data" / "transcripts" / "whitehouse" / "press-briefings"


def main() -> None:
    from docqa import attribute
    from docqa.attribution.entities import PERSON
    from docqa.attribution.speakers import SpeakerMerger
    from docqa.readers import read_document

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(BRIEFINGS))
    parser.add_argument("--names", action="store_true", help="List every speaker (kind, name), mentioned ones too.")
    options = parser.parse_args()
    folder = Path(options.folder)
    merger = SpeakerMerger()
    for i, path in enumerate(sorted(p for p in folder.iterdir() if p.is_file())):
        merger.add(i, attribute(read_document(path)).entities)
    speakers, _ = merger.finish()
    if options.names:
        print("\n".join(sorted(f"{s.kind}\t{s.name}" for s in speakers)))
        return
    labelled = [s for s in speakers if s.kind == PERSON and s.labels]
    by_surname: dict[str, list] = collections.defaultdict(list)
    for speaker in labelled:
        by_surname[speaker.surname.lower()].append(speaker)
    split = {k: v for k, v in sorted(by_surname.items()) if len(v) > 1}
    for surname, people in split.items():
        print(f"{surname}: " + "; ".join(f"{p.name} ({', '.join(p.labels[:3])})" for p in people))
    print(f"\n{len(labelled)} labelled people; {len(split)} surnames shared by several of them")


if __name__ == "__main__":
    main()
