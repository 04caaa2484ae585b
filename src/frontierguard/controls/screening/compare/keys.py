"""Index keys of one token, shared by every algorithm's index.

A token yields: itself, its metaphone code, its one-letter deletions (so any one-edit typo
or transposition shares a key) and character trigrams for tokens of eight letters or more
(two- and three-edit variants). Numbers and initials yield only themselves.
"""

from __future__ import annotations

TRIGRAM_MIN = 8
DELETION_MIN = 4


def token_keys(token: str, phonetic: str) -> set[str]:
    """The index keys of one token (see the module docstring)."""
    keys = {"t" + token}
    if token.isdigit() or len(token) == 1:
        return keys
    if len(phonetic) >= 3:
        keys.add("p" + phonetic)
    if len(token) >= DELETION_MIN:
        keys.update("d" + token[:i] + token[i + 1:] for i in range(len(token)))
        keys.add("d" + token)
    if len(token) >= TRIGRAM_MIN:
        keys.update("g" + token[i:i + 3] for i in range(len(token) - 2))
    return keys
