"""Suite-wide settings: nothing here may fail a test for being slow on a busy machine."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Hypothesis' default 200 ms deadline per example and its too-slow health check fail tests on
# a loaded CI machine that pass on an idle one; properties, not timings, are what they check.
settings.register_profile("frontierguard", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("frontierguard")
