"""Response models of the traffic routes (detection runs, campaigns, accounts, feedback)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class DetectionStarted(BaseModel):
    job_id: str = Field(description="Poll GET /api/v1/detections/{job_id}.")


class DetectionStatus(BaseModel):
    job_id: str
    status: str = Field(description="queued (waiting for another run), running, done or failed")
    progress: float = Field(ge=0, le=1)
    message: str | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


class Prompt(BaseModel):
    prompt: str = Field(description="Verbatim prompt text (attacker-controlled: escape it).")
    requests: int


class HourlyVolume(BaseModel):
    hour: str
    model: str
    requests: int


class Campaign(BaseModel):
    """A reported campaign: members, evidence, volume and why it scored."""

    model_config = ConfigDict(extra="allow")
    id: str
    score: float
    accounts: list[str]
    requests: int | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    reasons: list[str] = []
    indicators: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict, description="Per kind: shared values and how many members share each.")
    capabilities: dict[str, int] = Field(default_factory=dict, description="Requests per capability.")
    representative_prompts: list[Prompt] = []
    timeline: list[HourlyVolume] = []
    flagged_accounts: int | None = None
    summary: str = ""


class Account(BaseModel):
    """A scored account and its reasons, strongest first."""

    account_id: str
    score: float
    flagged: bool
    cluster_id: str = Field(description="The reported campaign, or empty.")
    reasons: list[str]
    timeline: list[HourlyVolume] | None = Field(None, description="Only on GET /accounts/{id}.")


class Labelled(BaseModel):
    account_id: str
    verdict: str


class SettingInfo(BaseModel):
    name: str
    area: str
    type: str
    default: Any
    description: str
    old_names: list[str] = Field(default_factory=list,
                                 description="Earlier names, still accepted with a warning.")
