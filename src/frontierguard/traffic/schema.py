"""The API event model: one row per model API request (see docs/events.md).

``EVENT_SCHEMA`` is the canonical Arrow schema after ingest. Readers coerce
their input to it; columns not in the model are kept as extra columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

TS = pa.timestamp("ms", tz="UTC")

ASN_TYPES = ("hosting", "residential", "mobile", "business", "education", "unknown")


@dataclass(frozen=True)
class Column:
    """One column of the event model."""

    name: str
    type: pa.DataType
    required: bool
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("ts", TS, True, "request time: RFC 3339 UTC or epoch milliseconds"),
    Column("account_id", pa.string(), True, "the customer account that sent the request"),
    Column("model", pa.string(), True, "model name requested"),
    Column("request_id", pa.string(), False, "provider request id; the ingest dedupe key"),
    Column("org_id", pa.string(), False, "organisation the account belongs to"),
    Column("api_key_id", pa.string(), False, "API key used"),
    Column("ip", pa.string(), False, "client IP address (v4 or v6)"),
    Column("asn", pa.int64(), False, "autonomous system number of the client IP"),
    Column("asn_type", pa.string(), False, "hosting, residential, mobile, business, "
           "education or unknown"),
    Column("country", pa.string(), False, "ISO 3166-1 alpha-2 country of the client IP"),
    Column("user_agent", pa.string(), False, "HTTP User-Agent or SDK identifier"),
    Column("tls_fingerprint", pa.string(), False, "TLS client fingerprint (e.g. JA3/JA4)"),
    Column("payment_fingerprint", pa.string(), False, "hash of the payment instrument"),
    Column("account_created", TS, False, "when the account was created"),
    Column("signup_channel", pa.string(), False, "how the account signed up (web, sso, "
           "reseller, ...)"),
    Column("endpoint", pa.string(), False, "API endpoint called"),
    Column("prompt", pa.string(), False, "the user prompt (last user turn)"),
    Column("system_prompt", pa.string(), False, "the system prompt, if any"),
    Column("turns", pa.int32(), False, "number of conversation turns sent"),
    Column("max_tokens", pa.int32(), False, "max output tokens requested"),
    Column("temperature", pa.float32(), False, "sampling temperature"),
    Column("thinking", pa.bool_(), False, "extended thinking / reasoning requested"),
    Column("tools", pa.int32(), False, "number of tool definitions sent"),
    Column("input_tokens", pa.int32(), False, "input tokens billed"),
    Column("output_tokens", pa.int32(), False, "output tokens billed"),
    Column("reasoning_tokens", pa.int32(), False, "reasoning tokens produced"),
    Column("stop_reason", pa.string(), False, "why generation stopped"),
    Column("refused", pa.bool_(), False, "the model refused the request"),
)

BY_NAME = {c.name: c for c in COLUMNS}
REQUIRED = tuple(c.name for c in COLUMNS if c.required)
EVENT_SCHEMA = pa.schema([pa.field(c.name, c.type, nullable=not c.required) for c in COLUMNS])

RELEASES_SCHEMA = pa.schema([
    pa.field("model", pa.string(), nullable=False),
    pa.field("released_at", TS, nullable=False),
])

LABELS_SCHEMA = pa.schema([
    pa.field("account_id", pa.string(), nullable=False),
    pa.field("campaign", pa.string()),
    pa.field("population", pa.string()),
])
