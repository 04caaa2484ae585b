"""Each extractor on sentences that disclose, and on look-alikes that only mention."""

from __future__ import annotations

import pytest

from frontierguard.transparency.facts import EXTRACTORS, sentence
from frontierguard.transparency.readers import Document, read_document

CASES = [
    # (extractor, sentence, disclosed?)
    ("parameter_count", "DeepSeek-V3 is a Mixture-of-Experts model with 671B total parameters.", True),
    ("parameter_count", "The 8 billion parameter model runs locally.", True),
    ("parameter_count", "Parameters such as temperature can be tuned by the user.", False),
    ("training_compute", "Training utilized a cumulative of 39.3M GPU hours of computation.", True),
    ("training_compute", "The final training run used 3.8 x 10^25 FLOP.", True),
    ("training_compute", "Pre-training consumed 2.664M H800 GPU hours.", True),
    ("training_compute", "Inference for this benchmark took 120 GPU hours on our serving cluster.", False),
    ("training_compute", "Our model is fast and needs little compute.", False),
    ("training_hardware", "The model was trained on a cluster of 2048 NVIDIA H800 GPUs.", True),
    ("training_hardware", "Pre-training ran on TPU v5p pods.", True),
    ("training_hardware", "The model fits into a single 80GB GPU (like NVIDIA H100) for inference.", False),
    ("training_hardware", "Serving the model requires 8 x H100 GPUs.", False),
    ("training_hardware", "Users may run the model on an H100 for fine-tuning experiments.", False),
    ("data_sources", "Llama was pretrained on 15T tokens of data from publicly available sources.", True),
    ("data_sources", "The training corpus mixes web pages, books and synthetic data.", True),
    ("data_sources", "Users can browse publicly available leaderboards.", False),
    ("data_size", "We pre-train the model on 14.8T high-quality and diverse tokens.", True),
    ("data_size", "The model generates up to 32K tokens per response.", False),
    ("data_cutoff", "Data Freshness: The pretraining data has a cutoff of December 2023.", True),
    ("data_cutoff", "Your knowledge cutoff date is August 2024.", True),
    ("data_cutoff", "The knowledge cutoff is described in the paper.", False),
    ("context_length", "The context window has been expanded from 128K to 200K tokens.", True),
    ("context_length", "| Context Length | 128K |", True),
    ("context_length", "A longer context helps long documents.", False),
    ("context_length", "Combined with 119K GPU hours for the context length extension.", False),
    ("evaluation_results", "| MMLU (EM) | 5-shot | 88.5 | 87.1 |", True),
    ("evaluation_results", "We evaluate on MMLU and GPQA.", False),
    ("red_teaming", "We conducted recurring red teaming exercises with external experts.", True),
    ("red_teaming", "Red teaming", False),
    ("mitigations", "We applied safety fine-tuning to reduce harmful outputs.", True),
    ("mitigations", "Safeguards are important for AI.", False),
    ("usage_policy", "Use in any manner that violates the Acceptable Use Policy is prohibited.", True),
    ("usage_policy", "See the usage policy.", False),
    ("incident_reporting", "Report bugs and security concerns via https://example.com/whitehat.", True),
    ("incident_reporting", "Reporting results on benchmarks is common.", False),
    ("licence", "The model weights are licensed under the MIT License.", True),
    ("licence", "All our open-weight models are licensed under Apache 2.0.", True),
    ("licence", "A licence is required to export chips.", False),
]


def _doc(text: str) -> Document:
    lines = text.split("\n")
    import numpy as np

    n = len(lines)
    return Document("mem.txt", "text", lines, np.zeros(n, dtype=np.int64),
                    np.arange(1, n + 1, dtype=np.int64), [""] * n)


IDS = [f"{c[0]}-{n}" for n, c in enumerate(CASES)]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=IDS)
def test_extractor(name: str, text: str, expected: bool) -> None:
    facts = EXTRACTORS.get(name)(_doc(text))
    assert bool(facts) is expected, facts
    if expected:
        assert facts[0].kind == name and facts[0].line == 0 and facts[0].text


def test_fact_values() -> None:
    doc = _doc("Intro.\nThe pretraining data has a cutoff of December 2023.\n"
               "Trained on 2.788M H800 GPU hours.")
    (cut,) = EXTRACTORS.get("data_cutoff")(doc)
    assert (cut.value, cut.line) == ("December 2023", 1)
    (comp,) = EXTRACTORS.get("training_compute")(doc)
    assert comp.value == "2.788M H800 GPU hours" and comp.line == 2


def test_inference_hardware_trap_in_a_pdf(pdf_file) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(pdf_file)
    hw = EXTRACTORS.get("training_hardware")(doc)
    assert [f.value for f in hw] == ["H800"]
    assert all("H100" not in f.value for f in hw)


def test_sentence_bounds() -> None:
    text = "First one. Second has 70B parameters; Third. Fourth."
    s, e = sentence(text, text.index("70B"), text.index("70B") + 3)
    assert text[s:e] == "Second has 70B parameters;"


def test_every_extractor_explains_itself() -> None:
    assert len(EXTRACTORS) == 13
    for ex in EXTRACTORS:
        assert len(ex.description) > 40, ex.name
