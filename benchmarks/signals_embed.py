"""The optional embedding signal (frontierguard[embed]) on CPU and on public prompt corpora.

Prints

* CPU throughput of the sentence-embedding model (distinct prompts per second) at several
  batch sizes, with the thread count and the load average at the time,
* for the CoT elicitation score, at threshold 0.5: recall per unmimic 0.1.0 attack family,
  flags among unmimic's honest look-alikes and false-positive rate on the benign and task
  corpora -- for a rule set (``--rules``, default: the default rule set), the embedding
  score, and their union (max of the two scores),
* for the embedding SimHash, beside the word-level template SimHash: the share of prompt
  pairs sharing at least one linkage band and their mean Hamming distance, for prompts built
  from the simulator's request wrappers (same wrapper, reworded wrapper) around GSM8K tasks
  and for unrelated benign prompts; and the share of account pairs (20 prompts each) of
  one reworded-wrapper campaign, or of benign traffic, that share a band value.

Same corpora as ``benchmarks/signals_cot.py`` (``../shared/data/prompts``, override with
``FRONTIERGUARD_SHARED_DATA``). Usage::

    .venv/bin/python benchmarks/signals_embed.py [--threads N] [--rules cot_v2]
"""

from __future__ import annotations

import argparse
import os
import random
import time

import numpy as np
import yaml

from frontierguard.traffic.rules import DEFAULT_COT, load_cot_rules
from frontierguard.traffic.signals import classify, hamming, normalise, simhash
from frontierguard.traffic.signals.embed import (
    CotEmbedder,
    band_keys,
    distinct,
    encode,
    simhash_embeddings,
)
from frontierguard.traffic.simulate.prompts import load_spec
from signals_cot import DATA, _jsonl, _text

THRESHOLD = 0.5


def corpora() -> tuple[dict[str, list[str]], list[str], dict[str, list[str]]]:
    """(attack families, hard negatives, benign/task corpora by file)."""
    fams: dict[str, list[str]] = {}
    for path in sorted((DATA / "attacks" / "unmimic").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "examples" in doc:
            fams[str(doc.get("family", path.stem))] = [str(x) for x in doc["examples"]]
    neg = yaml.safe_load((DATA / "attacks" / "unmimic" / "hard_negatives.yaml").read_text())
    files = sorted((DATA / "benign").glob("*.jsonl*")) + sorted((DATA / "tasks").glob("*.jsonl*"))
    benign = {p.name: [_text(r) for r in _jsonl(p)] for p in files}
    return fams, [str(x) for x in neg["prompts"]], benign


def throughput(texts: list[str], threads: int) -> None:
    uniq, _ = distinct(texts)
    sample = random.Random(7).sample(uniq, min(2000, len(uniq)))
    chars = np.mean([len(t) for t in sample])
    encode(sample[:64], {"embed_threads": threads})  # load the model, warm up
    load = os.getloadavg()[0]
    print(f"CPU throughput ({len(sample)} distinct benign prompts, mean {chars:.0f} chars, "
          f"{threads} threads, load average {load:.1f}):")
    for batch in (16, 64, 256):
        t0 = time.perf_counter()
        encode(sample, {"embed_threads": threads, "embed_batch_size": batch})
        dt = time.perf_counter() - t0
        print(f"  batch {batch:4d}: {len(sample) / dt:7.1f} prompts/s ({dt:.1f} s)")


def rates(name: str, texts: list[str], rule: np.ndarray, emb: np.ndarray) -> list[int]:
    hits = [int((rule >= THRESHOLD).sum()), int((emb >= THRESHOLD).sum()),
            int((np.maximum(rule, emb) >= THRESHOLD).sum())]
    n = len(texts)
    print(f"  {name:40s} n={n:<5d} " + "  ".join(f"{h:4d} ({h / n:.3f})" for h in hits))
    return hits


def scores(embedder: CotEmbedder, texts: list[str], rules: str) -> tuple[np.ndarray, np.ndarray]:
    rule = np.array([r.score for r in classify(texts, load_cot_rules(rules))])
    emb = embedder.score_table(texts).column("embed_cot_score").to_numpy()
    return rule, emb


def _total(name: str, parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    rule = np.concatenate([r for r, _ in parts])
    emb = np.concatenate([e for _, e in parts])
    n = len(rule)
    hits = [int((x >= THRESHOLD).sum()) for x in (rule, emb, np.maximum(rule, emb))]
    print(f"  {name:40s} n={n:<5d} " + "  ".join(f"{h:4d} ({h / n:.4f})" for h in hits))
    return rule, emb


def quality(embedder: CotEmbedder, fams: dict[str, list[str]], hard: list[str],
            benign: dict[str, list[str]], rules: str) -> None:
    print(f"CoT elicitation at score >= {THRESHOLD}: flagged (share) by "
          f"rules {rules} | embedding | union")
    parts = []
    for fam, texts in fams.items():
        parts.append(scores(embedder, texts, rules))
        rates(fam, texts, *parts[-1])
    sets = {"attacks": _total("all families (recall)", parts)}
    sets["hard"] = scores(embedder, hard, rules)
    rates("unmimic hard negatives (false pos.)", hard, *sets["hard"])
    parts = []
    t0 = time.perf_counter()
    for name, texts in benign.items():
        parts.append(scores(embedder, texts, rules))
        rates(name, texts, *parts[-1])
    sets["benign"] = _total("all benign and task (false pos.)", parts)
    print(f"  [{time.perf_counter() - t0:.0f} s for rules + embedding on the benign corpora]")
    print("Threshold sweep: recall | hard negatives flagged | benign and task false-pos. rate")
    for thr in (0.5, 0.75, 0.9):
        for label, pick in (("embedding", lambda r, e: e), ("union", np.maximum)):
            figs = [float(np.mean(pick(*sets[k]) >= thr)) for k in ("attacks", "hard", "benign")]
            print(f"  {label:9s} >= {thr:.2f}: {figs[0]:.3f} | {figs[1]:.3f} | {figs[2]:.4f}")


def _band_sets(hashes: list[int | None]) -> list[set[tuple[int, int]]]:
    return [set() if h is None else set(enumerate(band_keys(h))) for h in hashes]


class Hashes:
    """Both SimHashes (embedding; word-level over the normalised template) of a text set."""

    def __init__(self, texts: list[str]) -> None:
        self.row = {t: i for i, t in enumerate(texts)}
        self.emb = encode(texts)
        e_hash = simhash_embeddings(self.emb).tolist()
        w_hash = simhash(normalise(texts)).to_pylist()
        self.bands = (_band_sets(e_hash), _band_sets(w_hash))
        self.raw = (e_hash, w_hash)

    def pairs(self, pairs: list[tuple[str, str]]) -> str:
        ia = [self.row[a] for a, _ in pairs]
        ib = [self.row[b] for _, b in pairs]
        cos = float(np.mean(np.sum(self.emb[ia] * self.emb[ib], axis=1)))
        out = [f"mean cos {cos:.2f}"]
        for name, bands, raw in zip(("embedding", "word"), self.bands, self.raw, strict=True):
            share = np.mean([bool(bands[a] & bands[b]) for a, b in zip(ia, ib, strict=True)])
            ham = np.mean([int(hamming(raw[a], raw[b])) for a, b in zip(ia, ib, strict=True)
                           if raw[a] is not None and raw[b] is not None])
            out.append(f"{name}: band {share:.3f}, Hamming {ham:4.1f}")
        return " | ".join(out)

    def accounts(self, pairs: list[tuple[list[str], list[str]]]) -> str:
        out = []
        for name, bands in zip(("embedding", "word"), self.bands, strict=True):
            hit = [bool(set().union(*(bands[self.row[t]] for t in a))
                        & set().union(*(bands[self.row[t]] for t in b))) for a, b in pairs]
            out.append(f"{name} {np.mean(hit):.2f}")
        return " | ".join(out)


def collisions(benign: dict[str, list[str]], per_kind: int = 300, per_account: int = 20) -> None:
    """Template similarity on the simulator's request wrappers (prefix/suffix around a task):
    rewording the wrapper is what a low-and-slow campaign does to its template."""
    rng = random.Random(11)
    fams = {f: w for f, w in load_spec().wrappers.items() if len(w) >= 2}
    tasks = benign["gsm8k_test.jsonl"][:400]
    pool = [t for texts in benign.values() for t in texts if len(t) < 2000]

    def wrap(w: tuple[str, str], q: str) -> str:
        return f"{w[0]}{q}{w[1]}"

    kinds: dict[str, list[tuple[str, str]]] = {k: [] for k in (
        "same wrapper, other task", "reworded wrapper, same task",
        "reworded wrapper, other task", "unrelated benign prompts")}
    for _ in range(per_kind):
        ws = fams[rng.choice(sorted(fams))]
        w1, w2 = rng.sample(ws, 2)
        q1, q2 = rng.sample(tasks, 2)
        kinds["same wrapper, other task"].append((wrap(w1, q1), wrap(w1, q2)))
        kinds["reworded wrapper, same task"].append((wrap(w1, q1), wrap(w2, q1)))
        kinds["reworded wrapper, other task"].append((wrap(w1, q1), wrap(w2, q2)))
        a, b = rng.sample(pool, 2)
        kinds["unrelated benign prompts"].append((a, b))
    accounts: dict[str, list[tuple[list[str], list[str]]]] = {}
    half = len(tasks) // 2
    for fam, ws in sorted(fams.items()):
        accounts[f"campaign '{fam}' (reworded wrappers)"] = [
            ([wrap(rng.choice(ws), q) for q in rng.sample(tasks[:half], per_account)],
             [wrap(rng.choice(ws), q) for q in rng.sample(tasks[half:], per_account)])
            for _ in range(20)]
    accounts["benign (random prompts)"] = [
        (rng.sample(pool, per_account), rng.sample(pool, per_account)) for _ in range(50)]
    texts = sorted({t for ps in kinds.values() for p in ps for t in p}
                   | {t for ps in accounts.values() for a, b in ps for t in a + b})
    t0 = time.perf_counter()
    h = Hashes(texts)
    print(f"SimHash pairs ({per_kind} each; {len(texts)} distinct texts embedded in "
          f"{time.perf_counter() - t0:.0f} s), share sharing >= 1 linkage band:")
    for kind, pairs in kinds.items():
        print(f"  {kind:30s} {h.pairs(pairs)}")
    print(f"Account pairs ({per_account} prompts each, other tasks) sharing >= 1 band value:")
    for name, acc in accounts.items():
        print(f"  {name:40s} n={len(acc):<3d} {h.accounts(acc)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", choices=("speed", "cot", "simhash"), default=None)
    ap.add_argument("--rules", default=DEFAULT_COT, help="CoT rule set beside the embedding")
    args = ap.parse_args()
    fams, hard, benign = corpora()
    if args.only in (None, "speed"):
        throughput([t for texts in benign.values() for t in texts], args.threads)
    if args.only in (None, "cot"):
        quality(CotEmbedder(overrides={"embed_threads": args.threads}), fams, hard, benign,
                args.rules)
    if args.only in (None, "simhash"):
        collisions(benign)


if __name__ == "__main__":
    main()
