"""Request signals on public prompt corpora nobody tuned the rules on.

Prints, at the default threshold (0.5),
for each shipped CoT rule set (cot_v1, cot_v2, cot_v3):

* recall on reasoning-extraction prompts per family (unmimic 0.1.0 attack families), on all
  examples and on the even-numbered ones (2nd, 4th, ... of each family): cot_v3's rules were
  refined on the odd-numbered examples only, so the even half is its held-out figure,
* false-positive rate on unmimic's honest look-alikes (hard negatives),
* false-positive rate on real benign prompts (Arena-Hard, Koala, MT-Bench, Vicuna,
  self-instruct, first human turn of HH-RLHF harmless) and task prompts (GSM8K, HumanEval),
  and the seconds ``classify`` takes over them (best of three),
* a summary table of those figures, one column per rule set,

and, for capability_v1 and capability_v2, the category mix of corpora whose kind is known (GSM8K = reasoning,
HumanEval = coding, Arena-Hard v2 categories). Data: ``../shared/data/prompts`` (override
with ``FRONTIERGUARD_SHARED_DATA``). Usage::

    .venv/bin/python benchmarks/signals_cot.py
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from frontierguard.traffic.rules import CotRuleSet, load_capability_rules, load_cot_rules
from frontierguard.traffic.signals import categorise, classify

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FRONTIERGUARD_SHARED_DATA", ROOT.parent / "shared" / "data")) / "prompts"
THRESHOLD = 0.5
RULESETS = ("cot_v1", "cot_v2", "cot_v3")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _text(rec: dict[str, Any]) -> str:
    for key in ("prompt", "question", "instruction"):
        if isinstance(rec.get(key), str):
            return str(rec[key])
    if isinstance(rec.get("turns"), list):
        return str(rec["turns"][0])
    if isinstance(rec.get("chosen"), str):
        first = rec["chosen"].split("Human:", 1)[-1]
        return str(first.split("Assistant:", 1)[0].strip())
    raise ValueError(f"no prompt field in {sorted(rec)}")


def _rate(texts: list[str], rules: CotRuleSet) -> tuple[int, int]:
    hits = sum(r.score >= THRESHOLD for r in classify(texts, rules))
    return hits, len(texts)


def _frac(hits: int, n: int) -> str:
    return f"{hits:3d}/{n:<3d} = {hits / n:.2f}"


def attacks(rules: CotRuleSet, summary: dict[str, str]) -> None:
    total, held = [0, 0], [0, 0]
    print(f"[{rules.name}] CoT elicitation recall on unmimic attack families (score >= 0.5):")
    print(f"  {'family':24s} {'all examples':16s} even-numbered (held out)")
    for path in sorted((DATA / "attacks" / "unmimic").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "examples" not in doc:
            continue
        texts = [str(x) for x in doc["examples"]]
        flags = [r.score >= THRESHOLD for r in classify(texts, rules)]
        even = flags[1::2]
        for acc, part in ((total, flags), (held, even)):
            acc[0] += sum(part)
            acc[1] += len(part)
        print(f"  {doc.get('family', path.stem):24s} {_frac(sum(flags), len(flags)):16s} "
              f"{_frac(sum(even), len(even))}")
    print(f"  {'all families':24s} {_frac(*total):16s} {_frac(*held)}")
    neg = yaml.safe_load((DATA / "attacks" / "unmimic" / "hard_negatives.yaml").read_text())
    hits, n = _rate([str(x) for x in neg["prompts"]], rules)
    print(f"  hard negatives flagged   {_frac(hits, n)}")
    summary["recall, all 102"] = _frac(*total)
    summary["recall, even-numbered 51"] = _frac(*held)
    summary["hard negatives flagged"] = _frac(hits, n)


def benign(rules: CotRuleSet, summary: dict[str, str]) -> None:
    print(f"[{rules.name}] False positives on benign and task prompts (score >= 0.5):")
    files = sorted((DATA / "benign").glob("*.jsonl*")) + sorted((DATA / "tasks").glob("*.jsonl*"))
    total = [0, 0]
    every: list[str] = []
    for path in files:
        texts = [_text(r) for r in _jsonl(path)]
        every += texts
        hits, n = _rate(texts, rules)
        total[0] += hits
        total[1] += n
        print(f"  {path.name:48s} {hits:4d}/{n:<5d} = {hits / n:.4f}")
    print(f"  {'all':48s} {total[0]:4d}/{total[1]:<5d} = {total[0] / total[1]:.4f}")
    seconds = []
    for _ in range(3):
        t0 = time.perf_counter()
        classify(every, rules)
        seconds.append(time.perf_counter() - t0)
    summary["benign + task flagged"] = f"{total[0]}/{total[1]} = {total[0] / total[1]:.4f}"
    summary["classify seconds, benign + task"] = f"{min(seconds):.2f}"


def capabilities(version: str) -> None:
    rules = load_capability_rules(version)
    print(f"[{version}] Capability category by corpus (share of prompts):")
    sets = {
        "gsm8k_test (reasoning)": [_text(r) for r in _jsonl(DATA / "tasks" / "gsm8k_test.jsonl")],
        "HumanEval (coding)": [_text(r) for r in _jsonl(DATA / "tasks" / "HumanEval.jsonl.gz")],
    }
    for rec in _jsonl(DATA / "benign" / "arena_hard_v2.0_question.jsonl"):
        key = f"arena v2 {rec.get('subcategory') or rec.get('category')}"
        sets.setdefault(key, []).append(_text(rec))
    for name, texts in sets.items():
        mix = Counter(categorise(texts, rules=rules))
        top = ", ".join(f"{k} {v / len(texts):.2f}" for k, v in mix.most_common(3))
        print(f"  {name:28s} n={len(texts):<5d} {top}")


def main() -> None:
    table: dict[str, dict[str, str]] = {}
    for name in RULESETS:
        rules = load_cot_rules(name)
        table[name] = {}
        attacks(rules, table[name])
        benign(rules, table[name])
    print("Summary (score >= 0.5):")
    print(f"  {'figure':34s}" + "".join(f"{name:>18s}" for name in RULESETS))
    for key in table[RULESETS[0]]:
        print(f"  {key:34s}" + "".join(f"{table[name][key]:>18s}" for name in RULESETS))
    for version in ("capability_v1", "capability_v2"):
        capabilities(version)


if __name__ == "__main__":
    main()
