"""The traffic simulator: labelled model-API traffic with benign populations and campaigns.

``simulate(out, scenario=..., accounts=..., days=..., seed=...)`` writes ``events.parquet``,
``labels.csv`` and ``releases.csv``; see docs/simulator.md.
"""

from frontierguard.traffic.simulate.run import SETTINGS, SimulationResult, simulate
from frontierguard.traffic.simulate.scenario import SCENARIOS, Scenario

__all__ = ["SCENARIOS", "SETTINGS", "Scenario", "SimulationResult", "simulate"]
