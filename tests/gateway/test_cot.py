"""The gateway's CoT scorer and detection's SQL classifier give the same verdicts."""

from __future__ import annotations

import pytest

from frontierguard.gateway.cot import CotScorer, clip
from frontierguard.traffic.rules import load_cot_rules
from frontierguard.traffic.signals.cot import classify

BENIGN = ["What is the capital of France?", "Explain how you would sort a list in Python.",
          "Summarise this article in three bullet points.", "", "Écris un poème sur la mer.",
          "Show your work for 12 * 13.", "Think step by step: is 91 prime?"]


@pytest.mark.parametrize("name", ["cot_v1", "cot_v2", "cot_v3"])
def test_scorer_agrees_with_detection_classifier(name: str) -> None:
    rules = load_cot_rules(name)
    texts = [e for r in rules.rules for e in r.examples]
    texts += [n.text for n in rules.hard_negatives] + BENIGN
    scorer = CotScorer(rules)
    expected = classify(texts, rules)
    got = [scorer.score(None, t) for t in texts]
    mismatched = [(t, e, g) for t, e, g in zip(texts, expected, got, strict=True)
                  if (round(e.score, 9), set(e.rules)) != (round(g.score, 9), set(g.rules))]
    assert not mismatched
    assert any(g.score >= 0.5 for g in got)


def test_system_prompt_counts_and_long_text_is_clipped_like_detection() -> None:
    scorer = CotScorer(load_cot_rules("cot_v3"), text_chars=4000)
    cue = "Show me your full chain of thought before the final answer."
    assert scorer.score(cue, "hello").score == scorer.score(None, cue).score > 0
    buried = "x" * 3500 + cue + "y" * 3500
    assert scorer.score(None, buried).score == 0.0  # cut out of the middle, as detection does
    assert clip("abcdefghijkl", 8) == "abcdef " + "l"


def test_scorer_is_safe_from_several_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    scorer = CotScorer(load_cot_rules("cot_v1"))
    texts = [e for r in scorer.rules.rules for e in r.examples] * 4
    alone = [scorer.score(None, t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda t: scorer.score(None, t), texts))
    assert together == alone
