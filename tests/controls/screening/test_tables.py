"""The word tables screening ships (territory words, number words): the shipped files load,
and a bad file is an error naming the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.controls.screening.compare.territories import distinguishing, load_words, territory_words
from frontierguard.controls.screening.normalize import load_number_words, number_phrases, number_words
from frontierguard.core.errors import DataFileError

HEAD = "version: t\neffective: 2026-12-04\nsource: test\n"


def test_shipped_tables_load() -> None:
    assert len(territory_words()) == 8904 and distinguishing("mexico") and not distinguishing("bank")
    assert sorted(number_words()) == list(range(101))
    assert number_phrases()[("forty", "four")] == "44" and number_phrases()[("lxxii",)] == "72"


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    (HEAD + "words: >-\n  chile Mexico\n", 4, "words", "not a lower-case ASCII word: 'Mexico'"),
    ("version: t\neffective: 2026-12-04\nwords: chile\n", 1, "source", "missing required field"),
    (HEAD + "words: [chile]\n", 4, "words", "expected str, got LineList"),
])
def test_bad_territory_words_are_located(tmp_path: Path, text: str, line: int, field: str,
                                         message: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_words(path)
    assert (info.value.file, info.value.row, info.value.field) == (str(path), line, field)
    assert message in info.value.message


@pytest.mark.parametrize(("text", "field"), [
    (HEAD + "numbers:\n  four: \"4th; fourth\"\n", "four"),
    (HEAD + "numbers:\n  4: [4th, fourth]\n", "4"),
])
def test_bad_number_words_are_located(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_number_words(path)
    assert (info.value.file, info.value.row, info.value.field) == (str(path), 5, field)
    assert load_number_words(_good(tmp_path)) == {4: ["4th", "fourth"]}


def _good(folder: Path) -> Path:
    path = folder / "good.yaml"
    path.write_text(HEAD + "numbers:\n  4: \"4th; fourth\"\n", encoding="utf-8")
    return path
