"""Evaluation metrics against hand-computed values, input errors, and the eval command."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from frontierguard.cli import evaluate as eval_cli
from frontierguard.core.errors import InputError
from frontierguard.traffic.evaluate import (
    Detections,
    Labels,
    campaign_matches,
    evaluate,
    fp_by_population,
    read_accounts,
    recall_at_fpr,
    roc_auc,
    run_eval,
)


def _labels(campaign: list[str], population: list[str] | None = None) -> Labels:
    n = len(campaign)
    return Labels(np.array([f"a{i}" for i in range(n)], dtype=object),
                  np.array(campaign, dtype=object),
                  np.array(population or [""] * n, dtype=object))


@pytest.mark.parametrize(("scores", "positive", "expected"), [
    ([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0], 1.0),  # perfect separation
    ([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0], 0.0),  # perfectly wrong
    ([0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0], 0.5),  # all tied: each pair counts one half
    ([0.9, 0.3, 0.5, 0.1], [1, 1, 0, 0], 0.75),  # pairs won: (.9>.5, .9>.1, .3>.1) = 3 of 4
    ([0.5, 0.2, 0.5, 0.1], [1, 1, 0, 0], 0.625),  # (.5=.5 half, .5>.1, .2<.5, .2>.1) = 2.5/4
])
def test_roc_auc_hand_computed(scores: list[float], positive: list[int], expected: float) -> None:
    auc = roc_auc(np.array(scores), np.array(positive, dtype=bool))
    assert auc == pytest.approx(expected)


def test_roc_auc_needs_both_classes() -> None:
    assert roc_auc(np.array([0.1, 0.2]), np.array([True, True])) is None


# 10 benign scores 0.0..0.9 and 4 attackers; the strict threshold rule in the docstring.
BENIGN = [i / 10 for i in range(10)]


@pytest.mark.parametrize(("attack", "fpr", "threshold", "recall", "achieved", "resolved"), [
    ([0.95, 0.99, 0.5, 0.1], 0.1, 0.8, 0.5, 0.1, True),  # k=1: t = 2nd largest benign (0.8)
    ([0.95, 0.99, 0.5, 0.1], 0.01, 0.9, 0.5, 0.0, False),  # k=0: above every benign score
    ([0.9, 0.99, 0.5, 0.1], 0.01, 0.9, 0.25, 0.0, False),  # a tie at t is not detected
    ([0.95, 0.99, 0.5, 0.1], 0.35, 0.6, 0.5, 0.3, True),  # k=floor(3.5)=3: t = 0.6
    ([0.95, 0.99, 0.5, 0.1], 1.0, -math.inf, 1.0, 1.0, True),  # everything allowed
])
def test_recall_at_fpr_threshold_rule(attack: list[float], fpr: float, threshold: float,
                                      recall: float, achieved: float, resolved: bool) -> None:
    scores = np.array(BENIGN + attack)
    positive = np.array([False] * 10 + [True] * 4)
    r = recall_at_fpr(scores, positive, fpr)
    assert r.threshold == pytest.approx(threshold)
    assert r.recall == pytest.approx(recall)
    assert r.achieved_fpr == pytest.approx(achieved)
    assert r.resolved is resolved


def test_recall_at_fpr_ties_never_exceed_the_rate() -> None:
    # 100 benign all scoring 0.7: at 1e-2 one FP is allowed but ties make t = 0.7.
    scores = np.array([0.7] * 100 + [0.7, 0.8])
    positive = np.array([False] * 100 + [True, True])
    r = recall_at_fpr(scores, positive, 1e-2)
    assert (r.threshold, r.recall, r.achieved_fpr) == (0.7, 0.5, 0.0)


def test_fp_by_population_counts_and_rates() -> None:
    flagged = np.array([True, False, False, True, True])
    pop = np.array(["university", "university", "ide_agent", "", "university"], dtype=object)
    out = fp_by_population(flagged, pop)
    assert out["university"] == {"accounts": 3, "false_positives": 2, "fpr": pytest.approx(2 / 3)}
    assert out["ide_agent"]["false_positives"] == 0
    assert out["(unknown)"] == {"accounts": 1, "false_positives": 1, "fpr": 1.0}


@pytest.mark.parametrize(("reported", "expected"), [
    # c1 = a0..a3, c2 = a4..a5; benign a6, a7
    ([["a0", "a1", "a2", "a6"], ["a3", "a4", "a5"]],
     {"c1": (4, 0, 0.75, 0.75), "c2": (2, 1, 1.0, 2 / 3)}),
    ([["a0", "a1"], ["a2", "a3"]],  # tie: the earlier reported campaign wins
     {"c1": (4, 0, 0.5, 1.0), "c2": (2, None, 0.0, 0.0)}),
    ([], {"c1": (4, None, 0.0, 0.0), "c2": (2, None, 0.0, 0.0)}),
])
def test_campaign_coverage_and_purity(reported: list[list[str]],
                                      expected: dict[str, tuple[int, int | None, float, float]]
                                      ) -> None:
    labels = _labels(["c1"] * 4 + ["c2"] * 2 + ["", ""])
    got = {m.campaign: (m.accounts, m.best_match, m.coverage, m.purity)
           for m in campaign_matches(labels, reported)}
    assert got.keys() == expected.keys()
    for name, (size, best, cov, pur) in expected.items():
        assert got[name][:2] == (size, best)
        assert got[name][2:] == pytest.approx((cov, pur))


def test_evaluate_end_to_end_values() -> None:
    labels = _labels(["c1", "c1", "c2", "", "", ""], ["reasoning", "reasoning", "agentic",
                                                      "university", "university", "ide_agent"])
    # a5 is missing from the detections; x9 is unlabelled.
    det = Detections(np.array(["a0", "a1", "a2", "a3", "a4", "x9"], dtype=object),
                     np.array([0.9, 0.4, 0.8, 0.5, 0.1, 1.0]),
                     np.array([True, False, True, True, False, True]),
                     [["a0", "a1", "a3"]])
    counts = {"a0": 100, "a1": 50, "a2": 50, "a3": 7}
    r = evaluate(det, labels, counts)
    assert (r.attackers, r.benign, r.missing_from_detections, r.unlabelled_in_detections) == \
        (3, 3, 1, 1)
    # positives .9 .4 .8 vs negatives .5 .1 0(missing): wins 3+2+3 = 8 of 9
    assert r.roc_auc == pytest.approx(8 / 9)
    assert r.flagged_recall == pytest.approx(2 / 3)
    assert r.flagged_fpr == pytest.approx(1 / 3)
    assert r.fp_by_population["university"]["false_positives"] == 1
    assert r.attack_request_share_flagged == pytest.approx(150 / 200)
    assert r.campaigns is not None
    c1 = next(c for c in r.campaigns if c.campaign == "c1")
    assert (c1.coverage, c1.purity) == (1.0, pytest.approx(2 / 3))
    assert len(r.notes) == 2


def _write_run(tmp: Path, rows: str, campaigns: object | None = None) -> Path:
    d = tmp / "run"
    d.mkdir(exist_ok=True)
    (d / "accounts.csv").write_text("account_id,score,flagged,cluster_id,reasons\n" + rows)
    if campaigns is not None:
        (d / "campaigns.json").write_text(json.dumps(campaigns))
    return d


@pytest.mark.parametrize(("rows", "line", "field"), [
    ("a,0.5,true,,\nb,high,false,,\n", 3, "score"),
    ("a,0.5,true,,\nb,,false,,\n", 3, "score"),
    ("a,0.5,yes,,\n", 2, "flagged"),
    ("a,0.5,true,,\na,0.2,false,,\n", 3, "account_id"),
    (",0.5,true,,\n", 2, "account_id"),
])
def test_bad_accounts_csv_names_line_and_field(tmp_path: Path, rows: str, line: int,
                                               field: str) -> None:
    d = _write_run(tmp_path, rows)
    with pytest.raises(InputError) as exc:
        read_accounts(d / "accounts.csv")
    assert (exc.value.row, exc.value.field) == (line, field)
    assert "accounts.csv" in str(exc.value)


def test_bad_campaigns_json_names_item(tmp_path: Path) -> None:
    d = _write_run(tmp_path, "a,0.5,true,,\n", [{"id": "k1", "accounts": "a"}])
    (tmp_path / "labels.csv").write_text("account_id,campaign\na,c1\n")
    with pytest.raises(InputError, match="item 1"):
        run_eval(d, tmp_path / "labels.csv")


def test_eval_command_json_with_events(tmp_path: Path) -> None:
    d = _write_run(tmp_path, "a,0.9,true,k1,cot share 0.9\nb,0.2,false,,\nc,0.1,false,,\n",
                   [{"id": "k1", "accounts": ["a"]}])
    labels = tmp_path / "labels.csv"
    labels.write_text("account_id,campaign,population\na,c1,reasoning\nb,,casual_chat\n"
                      "c,,university\n")
    events = tmp_path / "events.parquet"
    pq.write_table(pa.table({"account_id": ["a", "a", "b", "c"],
                             "ts": pa.array([0, 1, 2, 3], pa.timestamp("ms", tz="UTC"))}), events)
    app = typer.Typer()
    eval_cli.register(app)
    result = CliRunner().invoke(app, ["eval", "--detections", str(d), "--labels", str(labels),
                                      "--events", str(events), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["roc_auc"] == 1.0
    assert data["attack_request_share_flagged"] == 1.0
    assert data["campaigns"][0]["coverage"] == 1.0


def test_eval_prints_the_margin_of_a_deciding_run(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from frontierguard.cli.common import State

    monkeypatch.setattr(State, "quiet", False)  # another test's --quiet must not hide it
    d = _write_run(tmp_path, "a,0.9,true,C001,x\nb,0.2,false,,\nc,0.1,false,,\n",
                   [{"id": "C001", "accounts": ["a"]}])
    (d / "decision.json").write_text(json.dumps({"campaign_threshold": 0.5, "communities": [
        {"score": 0.8, "accounts": ["a"]}, {"score": 0.3, "accounts": ["b", "c"]}]}))
    labels = tmp_path / "labels.csv"
    labels.write_text("account_id,campaign\na,c1\nb,\nc,\n")
    app = typer.Typer()
    eval_cli.register(app)
    result = CliRunner().invoke(app, ["eval", "--detections", str(d), "--labels", str(labels)])
    assert result.exit_code == 0, result.output
    assert "margin 0.5000 around the threshold 0.5" in " ".join(result.output.split())


def test_eval_command_bad_input_is_a_usage_error(tmp_path: Path) -> None:
    d = _write_run(tmp_path, "a,0.9,maybe,,\n")
    labels = tmp_path / "labels.csv"
    labels.write_text("account_id,campaign\na,c1\n")
    app = typer.Typer()
    eval_cli.register(app)
    result = CliRunner().invoke(app, ["eval", "--detections", str(d), "--labels", str(labels)])
    assert result.exit_code == 2
    assert "flagged" in result.output


_scores = st.lists(st.tuples(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), st.booleans()),
                   min_size=2, max_size=40)


@settings(max_examples=200, deadline=None)
@given(_scores)
def test_roc_auc_equals_pairwise_count(rows: list[tuple[float, bool]]) -> None:
    scores = np.array([s for s, _ in rows])
    positive = np.array([p for _, p in rows])
    pos, neg = scores[positive], scores[~positive]
    auc = roc_auc(scores, positive)
    if len(pos) == 0 or len(neg) == 0:
        assert auc is None
        return
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    assert auc == pytest.approx(wins / (len(pos) * len(neg)))


@settings(max_examples=200, deadline=None)
@given(_scores, st.sampled_from([0.01, 0.1, 0.3, 0.5]))
def test_recall_at_fpr_never_exceeds_the_rate(rows: list[tuple[float, bool]], fpr: float) -> None:
    scores = np.array([s for s, _ in rows])
    positive = np.array([p for _, p in rows])
    if positive.all():
        return
    r = recall_at_fpr(scores, positive, fpr)
    assert r.achieved_fpr <= fpr + 1e-12
