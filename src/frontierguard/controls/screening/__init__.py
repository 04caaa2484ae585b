"""Restricted-party screening: versioned list loading, indexed fuzzy name matching with
explained scores, and an append-only audit log.

Python API: :mod:`frontierguard.controls.screening.api` (``check``, ``screen``, ``screen_file``,
``score_names``, ``open_session``), :mod:`.lists` (``update``, ``versions``) and
:mod:`.audit` (``export``, ``verify``).
"""
