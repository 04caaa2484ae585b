"""Account attributes and request parameters shared by benign and attack populations."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from blocks import Ctx, hexes, ipv4, pick, strs
from timing import DAY

BROWSER_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Version/18.1 Safari/605.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
]
SDK_UAS = ["anthropic-python/0.42.0", "openai-python/1.58.1", "langchain/0.3.12",
           "litellm/1.55.3", "node-fetch/3.3.2", "Go-http-client/2.0"]
BROWSER_TLS = ["t13d1516h2_8daaf6152771_e5627efa2ab1", "t13d1517h2_8daaf6152771_b0da82dd1658",
               "t13d1715h2_5b57614c22b0_3d5424432f57"]
COUNTRIES = ["US", "GB", "DE", "IN", "BR", "JP", "FR", "CA", "KR", "NG", "ID", "MX"]
TZ = {"US": -6, "GB": 0, "DE": 1, "IN": 5.5, "BR": -3, "JP": 9, "FR": 1, "CA": -5, "KR": 9,
      "NG": 1, "ID": 7, "MX": -6, "SG": 8, "HK": 8, "CN": 8}


def accounts(ctx: Ctx, prefix: str, n: int, *, asn_type: str, asn_base: int, asn_pool: int,
             countries: list[str] | None = None, uas: list[str] | None = None,
             tls: list[str] | None = None, payment_pool: int | None = None,
             created_days: tuple[float, float] = (30, 900), signup: list[str] | None = None,
             ip_block: int = 10) -> dict[str, object]:
    """Per-account attributes: ids, network, client, payment, account age and signup."""
    rng = ctx.rng
    country = pick(rng, countries or COUNTRIES, n)
    ids = strs(f"{prefix}-", rng.permutation(n * 7 + 11)[:n] + 100_000)
    age = rng.uniform(*created_days, n)
    created = ctx.t0 - (age * DAY).astype(np.int64)
    return {
        "account_id": ids,
        "org_id": strs("org-", rng.integers(0, 10**8, n)),
        "api_key_id": strs("key-", rng.integers(0, 10**9, n)),
        "asn": pa.array(asn_base + rng.integers(0, asn_pool, n)),
        "asn_type": pa.array([asn_type] * n),
        "country": country,
        "ip": ipv4(ip_block + rng.integers(0, 150, n), rng.integers(0, 256, n),
                   rng.integers(0, 256, n), rng.integers(1, 255, n), n),
        "user_agent": pick(rng, uas or BROWSER_UAS, n),
        "tls_fingerprint": pick(rng, tls or BROWSER_TLS, n),
        "payment_fingerprint": hexes(rng, n, payment_pool or 10**9, "pm_"),
        "account_created": pa.array(created, pa.timestamp("ms", tz="UTC")),
        "signup_channel": pick(rng, signup or ["web", "web", "google_sso", "github_sso"], n),
        "_tz": np.array([TZ[c] for c in country.to_pylist()], dtype=np.float64),
    }


def params(ctx: Ctx, m: int, *, turns: float, tool_p: float, tools: int, thinking_p: float,
           max_tokens: list[int], out_mean: float) -> dict[str, object]:
    """Request parameters drawn from ranges that benign and attack traffic share."""
    rng = ctx.rng
    with_tools = rng.random(m) < tool_p
    return {
        "turns": pa.array((1 + rng.poisson(max(turns - 1, 0), m)).astype(np.int32)),
        "tools": pa.array(np.where(with_tools, rng.integers(1, tools + 1, m), 0).astype(np.int32)),
        "thinking": pa.array(rng.random(m) < thinking_p),
        "max_tokens": pa.array(rng.choice(max_tokens, m).astype(np.int32)),
        "output_tokens": pa.array(np.clip(rng.lognormal(np.log(out_mean), 0.7, m), 5, 32000)
                                  .astype(np.int32)),
        "temperature": pa.array(rng.choice([0.0, 0.2, 0.7, 1.0], m).astype(np.float32)),
    }


def models(ctx: Ctx, ts: np.ndarray, adopt: float) -> pa.Array:
    """Model per request: older models, and the new one after its release with share ``adopt``."""
    rng = ctx.rng
    old = rng.choice(len(ctx.models), len(ts), p=[0.6, 0.3, 0.1])
    names = np.array([*ctx.models, ctx.new_model])
    use_new = (ts >= ctx.release_ms) & (rng.random(len(ts)) < adopt)
    return pa.array(names[np.where(use_new, len(ctx.models), old)])
