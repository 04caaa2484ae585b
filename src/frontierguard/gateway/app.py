"""The gateway service: the three model APIs proxied with a decision per request, and admin.

Routes: ``POST /v1/chat/completions``, ``POST /v1/responses``, ``POST /v1/messages`` (decided,
then forwarded or refused), ``GET /v1/models`` (passed through), ``GET /gateway/health``,
``GET /gateway/metrics`` and ``POST /gateway/reload`` (behind a token from
``frontierguard tokens create``; reload needs an admin token). Any other path is 404 in the
API's error shape. One ``httpx.AsyncClient`` is the upstream connection pool.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from frontierguard.core.errors import StoreBusyError
from frontierguard.core.settings import resolve
from frontierguard.core.store import connect, table_exists
from frontierguard.core.tokens import Principal, verify_token
from frontierguard.gateway import apis, proxy
from frontierguard.gateway.apis import ROUTES, Usage, error_body, loads_object, parse_ask
from frontierguard.gateway.budgets import Budgets
from frontierguard.gateway.calls import Call, event_row
from frontierguard.gateway.config import GatewayConfig
from frontierguard.gateway.cot import CotScorer
from frontierguard.gateway.decide import Decision, Facts, decide, with_budget
from frontierguard.gateway.events import EventWriter
from frontierguard.gateway.forwarded import client_ip, trusted_networks
from frontierguard.gateway.keys import KeyHasher, load_secret, presented_key
from frontierguard.gateway.metrics import Metrics
from frontierguard.gateway.policy import Policy
from frontierguard.gateway.policy_source import Loaded, PolicySource
from frontierguard.gateway.standing import Standings
from frontierguard.gateway.strip import strip_reply
from frontierguard.traffic.features import TEXT_CHARS

log = logging.getLogger("frontierguard.gateway")


class BodyTooLarge(Exception):
    pass


def refusal(api: str, kind: str, message: str | None = None,
            retry_after: int | None = None) -> JSONResponse:
    """A refusal in ``api``'s own error shape (``kind``: a key of ``apis.REFUSALS``)."""
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(error_body(api, kind, message), apis.REFUSALS[kind][0], headers=headers)


class Gateway:
    """Policy, scorer, standings, budgets, event writer and the upstream pool."""

    def __init__(self, config: GatewayConfig) -> None:
        self.config, self.values = config, config.values()
        chars = int(resolve([TEXT_CHARS], None)["signals_text_chars"])
        self.policies = PolicySource(config.policy, chars)
        self.trusted = trusted_networks(self.values["gateway_trusted_proxies"])
        self.standings = Standings(config.watchlist, config.db)
        self.budgets, self.metrics = Budgets(), Metrics()
        self.hasher = KeyHasher(load_secret(self.values["gateway_key_secret"], config.db))
        v = self.values
        self.writer = EventWriter(config.db, config.spool(v), v["gateway_queue_size"],
                                  v["gateway_batch_size"], v["gateway_flush_s"],
                                  v["gateway_store_retry_s"])
        self.client: httpx.AsyncClient | None = None
        self._reloader: asyncio.Task[None] | None = None

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        timeout = self.values["gateway_upstream_timeout_s"]
        conns = self.values["gateway_upstream_connections"]
        self.client = httpx.AsyncClient(
            base_url=self.config.upstream.rstrip("/"), timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=conns, max_keepalive_connections=conns))
        await asyncio.to_thread(self.standings.refresh)
        self.writer.start()
        self._reloader = asyncio.get_running_loop().create_task(self._reload_loop())

    async def stop(self) -> None:
        if self._reloader is not None:
            self._reloader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reloader
        if self.client is not None:
            await self.client.aclose()
        await self.writer.close(self.values["gateway_close_timeout_s"])

    @property
    def policy(self) -> Policy:
        """The policy in force (reloaded when its file changes)."""
        return self.policies.current.policy

    @property
    def scorer(self) -> CotScorer:
        """The CoT scorer of the policy in force."""
        return self.policies.current.scorer

    def _refresh(self) -> bool:
        """Reload the standing source and the policy file where they changed."""
        standing = self.standings.refresh()
        return self.policies.refresh() or standing

    async def _reload_loop(self) -> None:
        while True:
            await asyncio.sleep(self.values["gateway_watchlist_poll_s"])
            await asyncio.to_thread(self._refresh)

    # -- deciding --------------------------------------------------------------------------

    def _facts(self, call: Call, loaded: Loaded) -> Facts:
        if not self.standings.loaded:
            raise RuntimeError(f"standing source unavailable: {self.standings.error}")
        st = self.standings.lookup(call.account_id)
        cot = loaded.scorer.score(call.ask.system_prompt, call.ask.prompt)
        return Facts(call.account_id, st.standing, st.reason, call.ask.model,
                     loaded.policy.new_release(call.ask.model, call.ts), call.ask.thinking,
                     cot.score, cot.rules)

    def decide(self, call: Call) -> Decision:
        """The policy's decision for ``call``; on failure, the fail mode's."""
        loaded = self.policies.current  # one policy for the whole decision
        try:
            call.facts = self._facts(call, loaded)
            d = decide(loaded.policy, call.facts)
            if d.forwards:
                wait, why = self.budgets.admit(call.account_id,
                                               loaded.policy.budget_for(call.facts.standing))
                d = with_budget(d, wait, why)
            return d
        except Exception as exc:
            log.warning("cannot decide (fail %s): %s", self.values["gateway_fail_mode"], exc)
            why = f"cannot decide: {exc}"
            if self.values["gateway_fail_mode"] == "open":
                return Decision("allow", (f"gw.fail_open: {why}; forwarded",), ("gw.fail_open",))
            return Decision("block", (f"gw.fail_closed: {why}",), ("gw.fail_closed",),
                            extra={"refusal": "unavailable"})

    # -- the model APIs --------------------------------------------------------------------

    async def _body(self, request: Request) -> bytes:
        limit = self.values["gateway_max_body_bytes"]
        if int(request.headers.get("content-length") or 0) > limit:
            raise BodyTooLarge()
        parts, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise BodyTooLarge()
            parts.append(chunk)
        return b"".join(parts)

    def _call(self, request: Request, api: str, key: str, body: dict[str, Any]) -> Call:
        account, key_id = self.hasher.ids(key)
        fingerprint = request.headers.get(self.values["gateway_tls_fingerprint_header"])
        peer = request.client.host if request.client else None
        return Call(api, request.url.path, parse_ask(api, body), account, key_id,
                    client_ip(peer, request.headers.get("x-forwarded-for"), self.trusted),
                    request.headers.get("user-agent"), fingerprint)

    async def model_request(self, request: Request) -> Response:
        started = time.perf_counter()
        api = ROUTES[request.url.path]
        key = presented_key(request.headers)
        if key is None:
            return refusal(api, "unauthenticated")
        try:
            raw = await self._body(request)
        except BodyTooLarge:
            return refusal(api, "too_large")
        body = loads_object(raw)
        if body is None:
            return refusal(api, "bad_request")
        call = self._call(request, api, key, body)
        call.started = started
        call.decision = self.decide(call)
        self.metrics.decisions[call.decision.action] += 1
        log.debug("%s %s for %s: %s", call.request_id, call.decision.action, call.account_id,
                  " | ".join(call.decision.reasons))
        if call.decision.forwards:
            return await self._forward(request, call, raw)
        return self._refuse(call)

    def _refuse(self, call: Call) -> Response:
        d = call.decision
        kind = d.extra.get("refusal", d.action)
        message = f"{apis.MESSAGES_TEXT[kind]} Reasons: {' | '.join(d.reasons)}"
        response = refusal(call.api, kind, message, d.retry_after_s)
        self._finish(call, response.status_code, Usage())
        self.metrics.latency.observe(time.perf_counter() - call.started)
        return response

    def _finish(self, call: Call, status: int, usage: Usage, charge: bool = True) -> None:
        if charge:
            self.budgets.charge(call.account_id, usage.total)
        self.writer.offer(event_row(call, status, usage))

    def _upstream_failed(self, call: Call, exc: httpx.HTTPError) -> Response:
        self.metrics.upstream_errors += 1
        timed_out = isinstance(exc, httpx.TimeoutException)
        status = 504 if timed_out else 502
        text = "The upstream timed out." if timed_out else "The upstream is unreachable."
        body = error_body(call.api, "unavailable", text)
        self._finish(call, status, Usage())
        return JSONResponse(body, status)

    async def _send(self, request: Request, body: bytes | None = None) -> httpx.Response:
        assert self.client is not None, "the gateway has not started"
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        req = self.client.build_request(request.method, path, content=body,
                                        headers=proxy.upstream_headers(request.headers))
        return await self.client.send(req, stream=True)

    async def _forward(self, request: Request, call: Call, raw: bytes) -> Response:
        pre = time.perf_counter() - call.started
        try:
            response = await self._send(request, raw)
        except httpx.HTTPError as exc:
            return self._upstream_failed(call, exc)
        strip = call.decision.action == "strip_reasoning" and response.is_success
        usage = Usage()
        if proxy.is_stream(response):
            self.metrics.latency.observe(pre)
            stream = proxy.relay(call.api, response, strip, usage,
                                 lambda: self._finish(call, response.status_code, usage))
            return StreamingResponse(stream, response.status_code,
                                     headers=proxy.reply_headers(response, True))
        try:
            body = await response.aread()
        except httpx.HTTPError as exc:
            return self._upstream_failed(call, exc)
        finally:
            await response.aclose()
        return self._whole(call, response, body, strip, usage, pre)

    def _whole(self, call: Call, response: httpx.Response, body: bytes, strip: bool,
               usage: Usage, pre: float) -> Response:
        post = time.perf_counter()
        doc = loads_object(body) if "json" in response.headers.get("content-type", "") else None
        if doc is not None:
            apis.read_usage(call.api, doc, usage)
        rewritten = strip and doc is not None
        if rewritten and doc is not None:
            body = json.dumps(strip_reply(call.api, doc), ensure_ascii=False).encode()
        self.budgets.charge(call.account_id, usage.total)  # before the client can ask again
        self.metrics.latency.observe(pre + time.perf_counter() - post)
        return Response(body, response.status_code,
                        headers=proxy.reply_headers(response, rewritten),
                        background=BackgroundTask(self._finish, call, response.status_code,
                                                  usage, charge=False))

    async def models(self, request: Request) -> Response:
        try:
            response = await self._send(request)
            body = await response.aread()
            await response.aclose()
        except httpx.HTTPError:
            self.metrics.upstream_errors += 1
            return refusal(apis.CHAT, "unavailable", "The upstream is unreachable.")
        return Response(body, response.status_code, headers=proxy.reply_headers(response, False))

    async def not_found(self, request: Request) -> Response:
        anthropic = "anthropic-version" in request.headers or request.url.path.startswith(
            "/v1/messages")
        return refusal(apis.MESSAGES if anthropic else apis.CHAT, "not_found",
                       f"Unknown request URL: {request.method} {request.url.path}.")

    # -- admin -----------------------------------------------------------------------------

    def _verify(self, token: str | None) -> Principal | None:
        if not token or not self.config.db.exists():
            return None
        con = connect(self.config.db)
        try:
            return verify_token(con, token) if table_exists(con, "api_tokens") else None
        finally:
            con.close()

    async def _admin(self, request: Request, role: str) -> Principal | Response:
        auth = request.headers.get("authorization", "")
        token = auth[7:].strip() if auth[:7].lower() == "bearer " else None
        try:
            principal = await asyncio.to_thread(self._verify, token)
        except StoreBusyError as exc:
            return JSONResponse({"detail": str(exc)}, 503)
        if principal is None:
            return JSONResponse({"detail": "a valid token is required (frontierguard tokens "
                                 "create)"}, 401, headers={"WWW-Authenticate": "Bearer"})
        if not principal.can(role):
            return JSONResponse({"detail": f"this needs the {role} role"}, 403)
        return principal

    def _standing_state(self) -> dict[str, Any]:
        s = self.standings
        return {"source": str(s.source) if s.source else None, "accounts": len(s.table),
                "loaded": s.loaded, "error": s.error or None, "reloads": s.reloads}

    def _policy_state(self) -> dict[str, Any]:
        p = self.policies
        return {"file": str(p.path) if p.path else None, "reloads": p.reloads,
                "error": p.error or None}

    async def health(self, request: Request) -> Response:
        who = await self._admin(request, "analyst")
        if isinstance(who, Response):
            return who
        return JSONResponse({
            "status": "ok", "policy": self.policy.name, "cot_rules": self.policy.cot_rules,
            "policy_source": self._policy_state(),
            "upstream": self.config.upstream, "fail_mode": self.values["gateway_fail_mode"],
            "standing": self._standing_state(), "queue_depth": self.writer.queue.qsize(),
            "spool_files": len(self.writer.spool_files()), "events_written": self.writer.written,
            "time": dt.datetime.now(dt.UTC).isoformat()})

    async def metrics_text(self, request: Request) -> Response:
        who = await self._admin(request, "analyst")
        if isinstance(who, Response):
            return who
        w = self.writer
        text = self.metrics.render(w.queue.qsize(), len(w.spool_files()), w.written, w.busy,
                                   self.standings.reloads)
        return PlainTextResponse(text, media_type="text/plain; version=0.0.4")

    async def reload(self, request: Request) -> Response:
        who = await self._admin(request, "admin")
        if isinstance(who, Response):
            return who
        changed = await asyncio.to_thread(self._refresh)
        return JSONResponse({"reloaded": changed, **self._standing_state(),
                             "policy": self.policy.name, "policy_source": self._policy_state()})


def create_app(config: GatewayConfig) -> Starlette:
    """The gateway as an ASGI app (its state on ``app.state.gateway``)."""
    gw = Gateway(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await gw.start()
        yield
        await gw.stop()

    routes = [Route(path, gw.model_request, methods=["POST"]) for path in ROUTES]
    routes += [Route("/v1/models", gw.models, methods=["GET"]),
               Route("/gateway/health", gw.health, methods=["GET"]),
               Route("/gateway/metrics", gw.metrics_text, methods=["GET"]),
               Route("/gateway/reload", gw.reload, methods=["POST"]),
               Route("/{path:path}", gw.not_found,
                     methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.gateway = gw
    return app
