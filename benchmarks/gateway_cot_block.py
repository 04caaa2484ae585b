"""Share of attack and benign prompts the shipped gateway policy blocks or sends to verification.

Each prompt is decided as the gateway decides it for an account of unknown standing asking
for a model outside its release window: the policy's CoT rule set scores it (compiled once,
as at gateway start-up) and the policy's rules give the action. Prints

* per unmimic 0.1.0 attack family, the share refused (``block`` or ``require_verification``)
  on all examples and on the even-numbered ones (cot_v3's rules were refined on the
  odd-numbered examples only, so the even half is the held-out figure), and the share
  whose reasoning would at least be stripped;
* the share refused among unmimic's honest look-alikes (hard negatives);
* the share refused among the benign and task prompts (Arena-Hard, Koala, MT-Bench, Vicuna,
  self-instruct, HH-RLHF harmless, GSM8K, HumanEval), per corpus and in all;
* the microseconds one decision takes (scoring included), median over the benign prompts.

Data: ``../shared/data/prompts`` (override with ``FRONTIERGUARD_SHARED_DATA``). Usage::

    .venv/bin/python benchmarks/gateway_cot_block.py [--policy gateway_v1]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from frontierguard.core.settings import resolve
from frontierguard.gateway.cot import scorer_for
from frontierguard.gateway.decide import Facts, decide
from frontierguard.gateway.policy import Policy, load_policy
from frontierguard.traffic.features import TEXT_CHARS
from signals_cot import DATA, _jsonl, _text

REFUSED = ("block", "require_verification")


def action(policy: Policy, prompt: str) -> str:
    result = scorer_for(policy.cot_rules, int(resolve([TEXT_CHARS], None)["signals_text_chars"])
                        ).score(None, prompt)
    facts = Facts("acct-bench", "unknown", "", "bench-model", False, False, result.score,
                  result.rules)
    return decide(policy, facts).action


def share(actions: list[str], wanted: tuple[str, ...]) -> str:
    hits = sum(a in wanted for a in actions)
    return f"{hits:3d}/{len(actions):<3d} = {hits / max(1, len(actions)):.2f}"


def attacks(policy: Policy) -> None:
    print(f"[{policy.name}, rules {policy.cot_rules}] unmimic attack families: refused "
          "(block or verify)")
    print(f"  {'family':24s} {'all examples':16s} {'even (held out)':16s} stripped or refused")
    every: list[str] = []
    held: list[str] = []
    for path in sorted((DATA / "attacks" / "unmimic").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "examples" not in doc:
            continue
        acts = [action(policy, str(x)) for x in doc["examples"]]
        every += acts
        held += acts[1::2]
        print(f"  {doc.get('family', path.stem):24s} {share(acts, REFUSED):16s} "
              f"{share(acts[1::2], REFUSED):16s} {share(acts, (*REFUSED, 'strip_reasoning'))}")
    print(f"  {'all families':24s} {share(every, REFUSED):16s} {share(held, REFUSED):16s} "
          f"{share(every, (*REFUSED, 'strip_reasoning'))}")
    neg = yaml.safe_load((DATA / "attacks" / "unmimic" / "hard_negatives.yaml").read_text())
    acts = [action(policy, str(x)) for x in neg["prompts"]]
    print(f"  hard negatives refused   {share(acts, REFUSED)}   stripped "
          f"{share(acts, ('strip_reasoning',))}")


def benign(policy: Policy) -> None:
    print(f"[{policy.name}] benign and task prompts refused (block or verify):")
    files = sorted((DATA / "benign").glob("*.jsonl*")) + sorted((DATA / "tasks").glob("*.jsonl*"))
    every: list[str] = []
    texts_all: list[str] = []
    for path in files:
        texts = [_text(r) for r in _jsonl(path)]
        acts = [action(policy, t) for t in texts]
        every += acts
        texts_all += texts
        hits = sum(a in REFUSED for a in acts)
        print(f"  {path.name:48s} {hits:4d}/{len(acts):<5d} = {hits / len(acts):.4f}")
    hits = sum(a in REFUSED for a in every)
    stripped = sum(a == "strip_reasoning" for a in every)
    print(f"  {'all':48s} {hits:4d}/{len(every):<5d} = {hits / len(every):.4f}  "
          f"(stripped {stripped / len(every):.4f})")
    timings = []
    for text in texts_all:
        t0 = time.perf_counter()
        action(policy, text)
        timings.append(time.perf_counter() - t0)
    print(f"  decision time: median {statistics.median(timings) * 1e6:.0f} us, "
          f"p99 {sorted(timings)[int(len(timings) * 0.99)] * 1e6:.0f} us")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--policy", default="gateway_v1", type=str)
    args = parser.parse_args()
    policy = load_policy(Path(args.policy) if args.policy.endswith(".yaml") else args.policy)
    attacks(policy)
    benign(policy)


if __name__ == "__main__":
    main()
