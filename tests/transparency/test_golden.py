"""Golden file: the non-absent findings of a hand-written model card under fmti-2025.

Regenerate after a deliberate catalog change with FRONTIERGUARD_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.transparency.audit import audit
from frontierguard.transparency.catalog import get_catalog
from frontierguard.transparency.facts import EXTRACTORS
from frontierguard.transparency.readers import read_document

GOLDEN = Path(__file__).parent / "golden" / "audit_card_fmti.json"
CARD = """# Model card: Acme-7

Acme-7 is a 7B parameter decoder-only transformer (text in, text out).

## Training
Acme-7 was pre-trained on 9 trillion tokens of data from publicly available sources and
licensed data, then post-trained with supervised fine-tuning and RLHF.
The final training run used 4.2 x 10^23 FLOP over 310K H100 GPU hours on 1024 H100 GPUs.
The pretraining data has a cutoff of March 2025.

## Deployment
The model fits on a single H200 GPU for inference with a 128K context window.

## Safety
We conducted red teaming with external experts before release.
Use in any manner that violates the Acceptable Use Policy <https://acme.example/aup> is prohibited.
Report security vulnerabilities to security@acme.example; we respond within 5 days.

## License
The weights are released under the Apache 2.0 license and can be downloaded from Hugging Face.

## References
Whistleblowing and safe harbor in AI. Journal of Examples.
"""


def _summary(card: Path) -> list[dict[str, object]]:
    data = audit([card], "Acme", get_catalog("fmti-2025")).to_json()
    return [{"id": i["id"], "status": i["status"], "rule": i["rule"],
             "locations": [e["location"] for e in i["evidence"]]}
            for i in data["indicators"] if i["status"] != "absent"]


def test_golden_audit(tmp_path: Path) -> None:
    card = tmp_path / "card.md"
    card.write_text(CARD, encoding="utf-8")
    got = _summary(card)
    if os.environ.get("FRONTIERGUARD_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))
    ids = {g["id"]: g["status"] for g in got}
    assert ids["compute-usage-for-final-training-run"] == "disclosed"
    assert ids["compute-hardware-for-final-training-run"] == "disclosed"
    assert "whistleblower-protection" not in ids and "safe-harbor" not in ids


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=12))
def test_extractors_cite_real_lines(tmp_path_factory, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path_factory.mktemp("h") / "doc.txt"
    text = "\n".join(["Trained on 1M H100 GPU hours.", *lines])
    p.write_text(text, encoding="utf-8")
    doc = read_document(p)
    for ex in EXTRACTORS:
        for fact in ex(doc):
            assert 0 <= fact.line < len(doc.lines)
            assert fact.kind == ex.name and fact.text
