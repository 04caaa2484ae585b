"""Prompt corpora: the four prompt fields, gzip, clear errors, and use in a simulation."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.core.errors import InputError
from frontierguard.traffic.simulate import simulate
from frontierguard.traffic.simulate.corpus import load_corpus, read_file


def _write(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"prompt": "What is 2+2?"}, "What is 2+2?"),
        ({"instruction": "Sort these words.", "instances": []}, "Sort these words."),
        ({"question": "  How many legs has a spider?  ", "answer": "8"}, "How many legs has a spider?"),
        ({"turns": ["first turn", "second turn"]}, "first turn"),
        ({"prompt": "", "question": "fallback"}, "fallback"),
    ],
)
def test_prompt_fields(tmp_path: Path, record: dict[str, object], expected: str) -> None:
    assert read_file(_write(tmp_path / "c.jsonl", [record])) == [expected]


def test_gzipped_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "a.jsonl", [{"prompt": "alpha"}])
    with gzip.open(tmp_path / "sub" / "b.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({"question": "beta"}) + "\n\n")
    (tmp_path / "notes.txt").write_text("not a corpus")
    assert load_corpus([tmp_path]) == ["alpha", "beta"]


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (['{"prompt": "ok"}', "{not json"], 2, "invalid JSON"),
        (['{"prompt": "ok"}', '{"answer": "x"}'], 2, "no non-empty prompt field"),
        (['["a list"]'], 1, "expected a JSON object"),
        (['{"turns": []}'], 1, "no non-empty prompt field"),
    ],
)
def test_bad_records_name_file_and_line(tmp_path: Path, lines: list[str], line: int, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match=message) as info:
        read_file(path)
    assert info.value.file == path and info.value.row == line
    assert f"line {line}" in str(info.value)


@pytest.mark.parametrize("setup", ["empty_dir", "missing", "empty_file"])
def test_no_prompts_is_an_error(tmp_path: Path, setup: str) -> None:
    target = tmp_path / "corpus"
    if setup == "empty_dir":
        target.mkdir()
    elif setup == "empty_file":
        target = tmp_path / "empty.jsonl"
        target.write_text("\n")
    with pytest.raises(InputError):
        load_corpus([target])


@settings(max_examples=50, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1).filter(lambda s: s.strip() != ""), min_size=1, max_size=8),
    key=st.sampled_from(["prompt", "instruction", "question"]),
)
def test_any_text_round_trips(tmp_path_factory: pytest.TempPathFactory, texts: list[str], key: str) -> None:
    path = tmp_path_factory.mktemp("h") / "c.jsonl"
    _write(path, [{key: t} for t in texts])
    assert read_file(path) == [t.strip() for t in texts]


def test_simulation_draws_prompts_from_the_corpus(tmp_path: Path) -> None:
    maths = [
        {"question": f"A shop sells {i} pens at 3 dollars each. How much is the total cost?"}
        for i in range(40)
    ]
    chats = [{"prompt": f"Tell me something nice about the colour number {i}"} for i in range(40)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus / "maths.jsonl", maths)
    _write(corpus / "chat.jsonl", chats)
    result = simulate(tmp_path / "out", accounts=200, days=2, seed=3, corpus=[corpus])
    con = duckdb.connect()
    hits = con.execute(f"""SELECT count(*) FILTER (WHERE prompt LIKE '%pens at 3 dollars%'),
        count(*) FILTER (WHERE prompt LIKE '%about the colour number%'), count(*)
        FROM '{result.out / "events.parquet"}'""").fetchall()[0]
    assert hits[0] > 0 and hits[1] > 0
    assert hits[0] + hits[1] < hits[2]  # pools the corpus does not cover keep built-in prompts
