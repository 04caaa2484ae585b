"""The scenario model: dataclasses a scenario file is validated into (see scenario.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

POOLS = (
    "math",
    "logic",
    "coding",
    "agentic",
    "computer_use",
    "creative",
    "chat",
    "safety_probe",
    "extraction",
)
WRAPPERS = ("step", "eval_format", "harvest", "rubric", "safe_rewrite", "recall", "paraphrase")
SYSTEMS = ("assistant", "ide", "batch", "router", "harvest", "none")
CLIENT_FAMILIES = ("browser", "python_sdk", "node_sdk", "other_sdk", "ide_agent", "router")
TIMING_KINDS = ("sessions", "cron", "flat", "bursts")


@dataclass(frozen=True)
class Timing:
    """When an account's requests happen."""

    kind: str
    requests_per_day: float
    spread: float
    per_session: float
    gap_seconds: float
    gap_sigma: float
    profile: str
    weekend: float
    period_minutes: tuple[int, ...]
    burst_every_hours: float
    participation: float
    timezone: float | None
    lifetime_days: float | None


@dataclass(frozen=True)
class Requests:
    """What an account's requests look like."""

    mix: dict[str, float]
    wrappers: dict[str, float]
    max_tokens: dict[int, float]
    thinking: float
    tools: dict[int, float]
    turns: str
    multi_turn: float
    output_scale: float
    temperature: tuple[float, ...]
    templates: str
    templates_k: int
    system: str
    concentration: float
    cover_share: float
    cover_mix: dict[str, float]


@dataclass(frozen=True)
class Adoption:
    """How a group moves to a model released inside the simulated window."""

    first_day: float
    after: float
    release_burst: int
    burst_hours: float


@dataclass(frozen=True)
class Infra:
    """Where requests come from and how accounts were opened and paid for."""

    asn_types: dict[str, float]
    countries: tuple[str, ...]
    ips_per_account: int
    ip_pool: str
    pool_size: int
    org_size: int
    clients: dict[str, float]
    custom_client: bool
    second_client: float
    cards: int
    signup: dict[str, float]
    created: str
    created_days: tuple[float, float]
    burst_size: int


@dataclass(frozen=True)
class Group:
    """A benign population or an attack campaign."""

    name: str
    kind: str
    campaign: bool
    share: float
    min_accounts: int
    timing: Timing
    requests: Requests
    adoption: Adoption
    infra: Infra
    line: int


@dataclass(frozen=True)
class Model:
    """A model served during the window; ``released`` is in days from the start."""

    name: str
    share: float
    released: float


@dataclass(frozen=True)
class Scenario:
    """A complete simulation recipe."""

    name: str
    description: str
    source: str
    effective: dt.date
    accounts: int
    days: int
    start: dt.date
    hour_profiles: dict[str, tuple[float, ...]]
    models: tuple[Model, ...]
    groups: tuple[Group, ...]
    file: str

    @property
    def new_models(self) -> tuple[Model, ...]:
        """Models released inside the simulated window."""
        return tuple(m for m in self.models if 0 <= m.released < self.days)
