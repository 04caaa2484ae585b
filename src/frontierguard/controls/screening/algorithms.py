"""The registry of published screening algorithms (add ``logic_v2`` beside ``logic_v1``)."""

from __future__ import annotations

from frontierguard.controls.screening.logic_v1 import LOGIC_V1
from frontierguard.controls.screening.model import Pair
from frontierguard.core.registry import Registry
from frontierguard.core.scoring import Algorithm

ALGORITHMS: Registry[Algorithm[Pair]] = Registry("screening algorithm", [LOGIC_V1])
