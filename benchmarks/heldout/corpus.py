"""Prompt material for the held-out traffic, read from the public corpora in ../shared/data.

Benign users draw real user prompts (Chatbot Arena, Koala, MT-Bench, Vicuna, self-instruct
user-oriented instructions, the first human turn of HH-RLHF dialogues) and the unmimic hard
negatives; harvest campaigns draw task material (GSM8K, HumanEval, self-instruct seed tasks)
and the unmimic extraction families for chain-of-thought elicitation wording (the
even-numbered example of each family only: the odd-numbered ones were used to refine the
product's cot_v3 rules, see benchmarks/signals_cot.py).
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("FRONTIERGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))


def _jsonl(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _first_human(dialogue: str) -> str:
    text = dialogue.split("Human:", 1)[-1]
    return text.split("Assistant:", 1)[0].strip()


@dataclass(frozen=True)
class Corpus:
    """Arrow string arrays of prompt material, by use."""

    chat: pa.Array  # real user prompts
    coding_chat: pa.Array  # real user coding questions
    hard_negatives: pa.Array  # honest prompts that look like extraction
    math: pa.Array  # GSM8K train questions
    math_eval: pa.Array  # GSM8K test questions
    code_tasks: pa.Array  # HumanEval stubs
    seed_tasks: pa.Array  # self-instruct seed instructions
    cot_wording: pa.Array  # unmimic extraction examples (even-numbered, held out)


def load(shared: Path = SHARED) -> Corpus:
    p = shared / "prompts"
    if not p.exists():
        raise SystemExit(f"prompt corpora not found under {p} (set FRONTIERGUARD_SHARED_DATA)")
    chat: list[str] = []
    coding: list[str] = []
    for name in ("arena_hard_v0.1_question.jsonl", "arena_hard_v2.0_question.jsonl",
                 "koala_test_set.jsonl"):
        for row in _jsonl(p / "benign" / name):
            target = coding if row.get("subcategory") == "coding" else chat
            target.append(str(row["prompt"]))
    for name in ("mt_bench_question.jsonl", "vicuna_bench_question.jsonl"):
        chat += [str(r["turns"][0]) for r in _jsonl(p / "benign" / name)]  # type: ignore[index]
    chat += [str(r["instruction"]) for r in
             _jsonl(p / "benign" / "selfinstruct_user_oriented_instructions.jsonl")]
    chat += [_first_human(str(r["chosen"])) for r in
             _jsonl(p / "benign" / "hh_rlhf_harmless_base_test.jsonl.gz")]
    unmimic = p / "attacks" / "unmimic"
    cot: list[str] = []
    for f in sorted(unmimic.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        if f.stem == "hard_negatives":
            hard = [str(x) for x in data["prompts"]]
        else:
            # even-numbered examples only (2nd, 4th, ...): cot_v3's rules were refined on
            # the odd-numbered ones, which therefore must not reach held-out traffic
            cot += [str(x) for x in data["examples"]][1::2]
    return Corpus(
        chat=pa.array([c for c in chat if c]), coding_chat=pa.array(coding),
        hard_negatives=pa.array(hard),
        math=pa.array([str(r["question"]) for r in _jsonl(p / "tasks" / "gsm8k_train.jsonl")]),
        math_eval=pa.array([str(r["question"]) for r in _jsonl(p / "tasks" / "gsm8k_test.jsonl")]),
        code_tasks=pa.array([str(r["prompt"]) for r in _jsonl(p / "tasks" / "HumanEval.jsonl.gz")]),
        seed_tasks=pa.array([str(r["instruction"]) for r in
                             _jsonl(p / "tasks" / "selfinstruct_seed_tasks.jsonl")]),
        cot_wording=pa.array(cot),
    )
