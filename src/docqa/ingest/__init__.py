"""Building an index: files → documents → (per document) attribution and passages → (corpus-wide)
speakers and rows → vectors → a store.

* ``analyse``: the per-document stage (pure; parallel-safe) and reading files into documents;
* ``chunking``: attributed segments into passages sized for the model;
* ``corpus``: speakers merged across documents, passage ids, speaker ids and mentions;
* ``embed``: vectors, reused from the live index where the passage is unchanged;
* ``build``: the stages in order, writing through a ``StoreWriter``.
"""

from __future__ import annotations
