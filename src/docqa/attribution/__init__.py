"""Speaker attribution: who says each stretch of a document.

``attribute(document)`` splits one document into segments, each with a document-local speaker (or
none: narration) and how it was found.  The modules, in the order a document meets them:

* ``sentences``: paragraphs and sentences with exact offsets;
* ``labels``, ``transcript``: ``NAME:`` turn labels and transcripts;
* ``lexicon``, ``names``: titles, honorifics, abbreviations; names split into title and name;
* ``entities``: the people and organisations of one document;
* ``cues``, ``subjects``, ``prose``: speech cues, who their subject is, quotes and reported speech;
* ``document``: ``attribute()`` itself;
* ``speakers``: the entities of many documents merged into corpus speakers with aliases.
"""

from __future__ import annotations

from docqa.attribution.document import Attribution, attribute

__all__ = ["Attribution", "attribute"]
