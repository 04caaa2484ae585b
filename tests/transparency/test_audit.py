from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontierguard.core.errors import InputError
from frontierguard.transparency.audit import audit
from frontierguard.transparency.catalog import get_catalog, load_catalog

CATALOG = """name: mini
title: Mini catalog
version: "1"
effective: 2025-01-01
source: hand-written for tests
domains: [Upstream, Downstream]
indicators:
  - id: compute
    name: Training compute
    domain: Upstream
    definition: Training compute disclosed?
    disclosed:
      - rule: flop
        fact: training_compute
        all: ['\\bFLOP']
        window: 0
    partial:
      - rule: any-compute
        fact: training_compute
  - id: hardware
    name: Training hardware
    domain: Upstream
    definition: Training hardware disclosed?
    disclosed:
      - rule: hw
        fact: training_hardware
  - id: red-team
    name: Red teaming
    domain: Downstream
    definition: Red teaming done?
    disclosed:
      - rule: red-team-under-safety
        all: ['red[- ]team', '\\bexperts?\\b']
        window: 1
        section: safety
  - id: whistle
    name: Whistleblowing
    domain: Downstream
    definition: Whistleblower protection?
    disclosed:
      - rule: whistle
        all: ['whistle-?blow']
"""

CARD = """# Model card
Training used 2.1M H800 GPU hours.
Serving runs on H100 GPUs for inference.

## Safety
We ran red teaming
with external experts.

## References
Whistleblowing in AI labs. Journal of Things.
"""


@pytest.fixture
def mini(tmp_path: Path):  # type: ignore[no-untyped-def]
    p = tmp_path / "mini.yaml"
    p.write_text(CATALOG, encoding="utf-8")
    return load_catalog(p)


def test_statuses_evidence_and_rules(write, mini) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", CARD)
    res = audit([card], "Acme", mini)
    by_id = {f.indicator.id: f for f in res.findings}
    assert by_id["compute"].status == "partial"
    assert by_id["compute"].rule is not None and by_id["compute"].rule.id == "any-compute"
    assert by_id["compute"].evidence[0].location == "line 2"
    assert by_id["hardware"].status == "disclosed"
    assert [e.location for e in by_id["hardware"].evidence] == ["line 2"]
    assert by_id["red-team"].status == "disclosed"
    assert by_id["red-team"].evidence[0].text.startswith("We ran red teaming with external experts")
    assert by_id["whistle"].status == "absent"  # only in the references section
    assert res.score == 2.5 and res.max_score == 4
    assert "rule hw" in (by_id["hardware"].explanation.detail or "")


def test_section_cue_required(write, mini) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", "# Intro\nWe ran red teaming with external experts.\n")
    res = audit([card], "Acme", mini)
    assert {f.indicator.id: f.status for f in res.findings}["red-team"] == "absent"


def test_flop_disclosure_across_documents(write, mini, pdf_file) -> None:  # type: ignore[no-untyped-def]
    paper = write("paper.txt", "The final training run used 3e24 FLOP in pre-training.\n")
    res = audit([pdf_file, paper], "Acme", mini)
    compute = res.findings[0]
    assert compute.status == "disclosed"
    assert compute.evidence[0].file.endswith("paper.txt")
    hw = res.findings[1]
    assert hw.evidence[0].location.startswith("p. 2")


def test_partial_credit_setting(write, mini) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", CARD)
    assert audit([card], "Acme", mini, {"transparency_partial_credit": 0}).score == 2.0


def test_json_contract(write) -> None:  # type: ignore[no-untyped-def]
    card = write("card.md", CARD)
    data = audit([card], "Acme", get_catalog("fmti-2025")).to_json()
    json.dumps(data)
    assert {"developer", "catalog", "score", "max_score", "indicators"} <= set(data)
    assert data["developer"] == "Acme" and data["catalog"] == "fmti-2025" and data["max_score"] == 100
    assert isinstance(data["score"], float)
    assert len(data["indicators"]) == 100
    for item in data["indicators"]:
        assert {"id", "name", "domain", "status", "evidence"} <= set(item)
        assert item["status"] in ("disclosed", "partial", "absent")
        assert item["domain"] in ("Upstream", "Model", "Downstream")
        for ev in item["evidence"]:
            assert set(ev) == {"file", "location", "text"} and ev["text"]
        assert (item["status"] == "absent") == (not item["evidence"])


def test_bad_input(write, mini) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="developer name is empty"):
        audit([write("a.md", "x\n")], " ", mini)
    with pytest.raises(InputError, match=r"empty\.md: file is empty"):
        audit([write("empty.md", "")], "Acme", mini)
