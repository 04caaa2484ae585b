from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from frontierguard.traffic.baselines.common import load_requests
from frontierguard.traffic.baselines.volume import score_volume

DAY = 86_400_000


@pytest.mark.parametrize(("per_day", "days", "limit", "flagged"), [
    (10, 1, 10, True),
    (9, 1, 10, False),
    (10, 3, 10, True),  # a rate per active day, not a total
    (4, 3, 10, False),
])
def test_volume_threshold_per_active_day(
    events_file: Callable[[dict[str, list[tuple[int, str]]]], Path],
    per_day: int, days: int, limit: float, flagged: bool,
) -> None:
    rows = [(d * DAY + i * 1000, "q") for d in range(days) for i in range(per_day)]
    path = events_file({"busy": rows, "quiet": [(0, "q")]})
    s = score_volume(load_requests([path], with_vectors=False), per_day=limit)
    assert s.flagged.tolist() == [flagged, False]
    assert s.score[0] > s.score[1]
    assert f"{per_day} requests per active day" in s.reasons[0]
