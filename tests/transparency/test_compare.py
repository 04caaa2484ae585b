from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontierguard.core.errors import InputError
from frontierguard.transparency.compare import compare, load_result
from frontierguard.transparency.report import compare_html


def _result(dev: str, statuses: list[str], catalog: str = "mini") -> dict[str, object]:
    inds = [{"id": f"i{n}", "name": f"Indicator {n}", "domain": "Upstream" if n < 2 else "Downstream",
             "status": s, "evidence": []} for n, s in enumerate(statuses)]
    score = sum({"disclosed": 1.0, "partial": 0.5}.get(s, 0.0) for s in statuses)
    return {"developer": dev, "catalog": catalog, "score": score, "max_score": len(statuses),
            "indicators": inds}


def test_compare_orders_by_country_and_subtotals() -> None:
    cmp = compare([_result("Meta", ["disclosed", "partial", "absent"]),
                   _result("DeepSeek", ["disclosed", "disclosed", "disclosed"]),
                   _result("OpenAI", ["absent", "absent", "partial"])])
    assert cmp.developers == ["DeepSeek", "Meta", "OpenAI"]
    assert cmp.countries == ["CN", "US", "US"]
    assert cmp.domain_subtotals() == {"Upstream": [2.0, 1.5, 0.0], "Downstream": [1.0, 0.0, 0.5]}
    assert cmp.by_country() == [{"country": "CN", "developers": ["DeepSeek"], "mean_score": 3.0},
                                {"country": "US", "developers": ["Meta", "OpenAI"], "mean_score": 1.0}]
    html = compare_html(cmp)
    assert "<svg" in html and "DeepSeek (CN)" in html and "http://" not in html.split("<svg")[0]


def test_mixed_catalogs_rejected() -> None:
    with pytest.raises(InputError, match=r"b\.json, field 'catalog'"):
        compare([_result("A", ["absent"]), _result("B", ["absent"], "other")], ["a.json", "b.json"])


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "line 1: invalid JSON"),
    ("[1, 2]", "expected a JSON object"),
    (json.dumps({"developer": "x"}), "field 'catalog': missing key"),
    (json.dumps(_result("x", ["maybe"])), "unknown status 'maybe'"),
])
def test_load_result_errors(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "r.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_result(p)
    assert "r.json" in str(exc.value) and message in str(exc.value)
