"""Request size and rate limits, as plain ASGI middleware answering in the API's one error shape."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass


def error_body(status: int, code: str, message: str, detail=None) -> bytes:
    return json.dumps({"error": {"code": code, "message": message, "detail": detail}}).encode()


async def send_error(send, status: int, code: str, message: str, detail=None, headers=()) -> None:
    body = error_body(status, code, message, detail)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses a request body over `max_bytes` with 413: at once when Content-Length says so, else
    as soon as the streamed body passes the limit."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.max_bytes
        message = (f"request body over {limit:,} bytes; send less per request "
                   "(split an ingest into several posts)")
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await send_error(send, 400, "bad_request", "Content-Length is not a number")
                if declared > limit:
                    return await send_error(send, 413, "payload_too_large", message,
                                            {"limit_bytes": limit, "received_bytes": declared})
        received = 0
        too_large = False

        async def counting_receive():
            nonlocal received, too_large
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > limit:
                    too_large = True
                    raise BodyTooLarge
            return event

        async def guarded_send(event):
            if not too_large:  # the app's answer to a body cut short is replaced by the 413 below
                await send(event)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            pass
        if too_large:
            await send_error(send, 413, "payload_too_large", message, {"limit_bytes": limit})


@dataclass(slots=True)
class Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """A token bucket per client address, in memory: `burst` requests at once, refilled at `per_second`.
    Only paths under `prefix` count (the dashboard's static files do not)."""

    def __init__(self, app, *, burst: int, per_second: float, prefix: str = "/api/", clock=time.monotonic):
        self.app = app
        self.burst = burst
        self.per_second = per_second
        self.prefix = prefix
        self.clock = clock
        self.buckets: dict[str, Bucket] = {}
        self.lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = self.clock()
        with self.lock:
            if len(self.buckets) > 10_000:  # forget clients whose bucket is full again
                full = now - self.burst / self.per_second
                self.buckets = {k: b for k, b in self.buckets.items() if b.stamp > full}
            bucket = self.buckets.get(client)
            if bucket is None:
                bucket = self.buckets[client] = Bucket(float(self.burst), now)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.stamp) * self.per_second)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.per_second

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix) or self.burst <= 0:
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.take(client)
        if wait > 0:
            retry = max(1, int(wait + 0.999))
            return await send_error(
                send, 429, "rate_limited",
                f"too many requests from {client}: at most {self.burst} at once and {self.per_second:g} per second; "
                f"retry in {retry} s", {"retry_after_seconds": retry},
                headers=[(b"retry-after", str(retry).encode())])
        return await self.app(scope, receive, send)
