"""Answering a question, one step a module, each entered once per question:

* ``request``: the question and its options, validated once (``AskRequest``), built by every interface;
* ``understand``: who the question asks about and what about (``Interpretation``), against the index's speakers;
* ``searcher``: ranking (dense, lexical or hybrid, with filters inside the store); ``fusion``: reciprocal
  rank fusion and near-duplicates; ``conversation``: turns of a transcript ranked as a conversation;
* ``present``: hits a person reads (relevance, ``highlight``s, context, duplicates folded);
  ``cutoff``: weak filler left out;
* ``answerer``: the speaker policy and notices, over the steps above;
* ``scope``: a ``--doc`` pattern into document ids; ``timeline``: a question's relevant passages by month.
"""
