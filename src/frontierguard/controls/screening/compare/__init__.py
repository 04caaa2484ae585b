"""Comparators every published screening algorithm may build on.

An algorithm (``logic_v1``, ``logic_v2``, ...) lives in its own package with its own token
matching, index and features, and never imports another algorithm. What several of them
share, unchanged, lives here:

- :mod:`.alignment`: the alignment record of two names, its summary and its description;
- :mod:`.tokens`: edit budgets and the trigram-gated token similarity of v2 and v3;
- :mod:`.costs`: the name score's denominator and its upper bound (v2, v3);
- :mod:`.qualifiers`: country, address, identifier, script and legal-form qualifiers;
- :mod:`.territories`: country and place words that distinguish organisations (v2, v3);
- :mod:`.patronymic`: father-son order around ``bin``/``ibn`` (v2, v3).

A change here changes every algorithm that uses it; the golden score corpus in the tests
pins each published algorithm's scores and hits, so such a change shows there.
"""
