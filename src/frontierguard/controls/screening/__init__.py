"""Restricted-party screening: versioned list loading, indexed fuzzy name matching with
explained scores, and an append-only audit log.

Python API: :mod:`frontierguard.controls.screening.api` (``check``, ``screen``, ``screen_file``,
``score_names``, ``open_session``), :mod:`.lists` (``update``, ``versions``) and
:mod:`.audit` (``export``, ``verify``).

Matching algorithms are sibling packages, one per published version (:mod:`.logic_v1`,
:mod:`.logic_v2`, :mod:`.logic_v3`), each with its own token matching, index and features
and registered by name in :mod:`.algorithms`; what they share is in :mod:`.compare`.
"""
