"""Property-based API run against the service's own OpenAPI schema (schemathesis).

Every generated request, authorised as an admin, must never produce a server error
and every response must match the documented schema where one is documented.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from frontierguard.core.store import connect
from frontierguard.core.tokens import create_token
from frontierguard.web.app import ServiceConfig, create_app

_TMP = Path(tempfile.mkdtemp(prefix="fg-schemathesis-"))
_con = connect(_TMP / "store.duckdb")
TOKEN = create_token(_con, "admin", "schemathesis")
_con.close()
APP = create_app(ServiceConfig(_TMP / "store.duckdb", _TMP / "runs", max_upload_bytes=1 << 20))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: Any) -> None:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                           checks=[not_a_server_error, response_schema_conformance])
