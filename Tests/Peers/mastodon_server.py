#!/usr/bin/env python3
"""Loopback fake Mastodon for PeerBot's Mastodon adapter tests.

Serves responses recorded from real Mastodon servers by the Mastodon.py test
suite (MIT; the cassettes in Tests/MastodonTests/Fixtures/cassettes), with ids,
accounts and content rewritten where a test needs a specific mention, and the
streaming API over a WebSocket. Records every request.

Listens on 127.0.0.1: the REST API on one free port (printed as "PORT <n>"),
the streaming WebSocket on another (advertised by /api/v2/instance as
configuration.urls.streaming). Exits when stdin closes or it is killed.

REST (Authorization: Bearer TOKEN required, else 401):
  GET  /api/v2/instance, /api/v1/instance       test_instance*.yaml
  GET  /api/v1/accounts/verify_credentials       test_account.yaml (the bot; bot: true)
  GET  /api/v1/accounts/<id>                     test_account.yaml, as a known account
  GET  /api/v1/notifications                     types[], min_id, since_id, max_id, limit
  POST /api/v1/statuses                          JSON or form; Idempotency-Key honoured;
                                                 422 over max_characters
Streaming: /api/v1/streaming?stream=user:notification (Authorization header).

Test controls (no auth), all JSON:
  POST /_test/mention  {"text", "from": account key, "stream": bool, "visibility"}
                       → adds a mention notification; streams it when "stream" (default true)
  POST /_test/frame    {"text"}: sends a raw text frame to every stream
  POST /_test/replay   {"id"}: streams a stored notification again (a duplicate)
  POST /_test/delete   {"id"}: the status is gone: replies to it answer 404
  POST /_test/notifications/fail {"count"}: the next count GET /api/v1/notifications answer 502
  POST /_test/account  {"key"}: makes an account known (for GET /api/v1/accounts/<id>);
                       --account KEY=ID makes one known from the start, with that id
  POST /_test/drop     {"refuse": n}: aborts every stream (no close frame); refuses the next n handshakes
  POST /_test/refuse   {"count": n}: refuses the next n handshakes (0: accepts again), streams stay
  POST /_test/statuses/fail {"count", "status", "reset_in", "after_create"}: the next
                       count POST /api/v1/statuses answer `status` (429 with X-RateLimit-Reset
                       now+reset_in; with after_create the status is created first, as when a
                       proxy loses the response)
  POST /_test/statuses/hold {"match", "accept"}: the next POST /api/v1/statuses whose text
                       contains a match of the regex is held: with accept the status is created
                       first and the response stalls (lost on the way); without, nothing is
                       created and no response ever comes
  GET  /_test/held     the posts held so far; POST /_test/release: no more holds, held posts end
  GET  /_test/requests every request so far; GET /_test/statuses: created statuses;
  GET  /_test/streams  {"open", "connects"}
"""
import argparse
import asyncio
import html
import json
import os
import re
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import yaml
from websockets.asyncio.server import serve

from peer_support import announce


def iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def iso_micro(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def newer(a, b):
    """Mastodon ids order numerically: length first, then digits."""
    return (len(a), a) > (len(b), b)


class Cassettes:
    def __init__(self, directory):
        self.directory = directory

    def http(self, name, uri_part, method="GET"):
        with open(os.path.join(self.directory, name), encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        for interaction in data["interactions"]:
            request = interaction["request"]
            if uri_part in request["uri"] and request["method"] == method:
                return json.loads(interaction["response"]["body"]["string"])
        raise KeyError(f"{name}: no {method} {uri_part}")

    def received_frames(self, name):
        with open(os.path.join(self.directory, name), encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        return [i["receive"] for c in data["connections"] for i in c["interactions"] if "receive" in i]


class FakeMastodon:
    """All state; guarded by one lock (HTTP handlers run on threads)."""

    def __init__(self, cassettes, token, streaming):
        self.lock = threading.Lock()
        self.token = token
        self.streaming_enabled = streaming
        self.no_profile_scope = False
        self.deleted = set()
        self.failing_notification_reads = 0
        self.ws_port = None
        self.loop = None
        self.requests = []
        self.statuses = []
        self.idempotency = {}
        self.fail_plan = []
        self.holds = []
        self.held = []
        self.release = threading.Event()
        self.refuse_handshakes = 0
        self.streams = set()
        self.connects = 0
        self.remaining = 300
        self.next_id = 10_000
        self.instance_v2 = cassettes.http("test_instance.yaml", "/api/v2/instance")
        self.instance_v1 = cassettes.http("test_instance_v1.yaml", "/api/v1/instance")
        self.bot = cassettes.http("test_account.yaml", "verify_credentials")
        self.bot["bot"] = True
        self.account_template = cassettes.http("test_account.yaml", "/api/v1/accounts/117440810532227399")
        recorded_post = "test_status_post[None-direct].yaml"
        self.status_template = cassettes.http(recorded_post, "/api/v1/statuses", "POST")
        # The recorded mention notification streamed by a real server.
        frames = cassettes.received_frames("test_stream_websocket_user_direct.ws.yaml")
        self.mention_template = json.loads(next(f["payload"] for f in frames if f.get("event") == "notification"))
        # History: the recorded mentions list (old mentions a first start must not answer).
        self.notifications = cassettes.http("test_notifications_mentions_only.yaml", "/api/v1/notifications?")
        self.accounts = {"admin": self.mention_template["account"]}

    # -- accounts -------------------------------------------------------------------

    def account(self, key, account_id=None):
        """A known account by key, made on first use from the recorded one."""
        if key in self.accounts:
            return self.accounts[key]
        spec = key.split("@")
        username = spec[0]
        domain = spec[1] if len(spec) > 1 else None
        account = dict(self.mention_template["account"])
        account["id"] = account_id or str(117_446_000_000_000_000 + len(self.accounts) * 1000 + 1)
        account["username"] = username
        account["acct"] = key if domain else username
        host = domain or self.instance_v2["domain"]
        account["url"] = f"http://{host}/@{username}"
        account["uri"] = f"http://{host}/ap/users/{account['id']}"
        account["bot"] = False
        account["roles"] = []
        self.accounts[key] = account
        return account

    def account_by_id(self, account_id):
        for account in list(self.accounts.values()) + [self.bot]:
            if account["id"] == account_id:
                return account
        return None

    # -- mentions -------------------------------------------------------------------

    def make_mention(self, text, author_key="admin", visibility="direct", bot_author=False):
        with self.lock:
            self.next_id += 1
            notification_id = str(self.next_id)
            now = datetime.now(timezone.utc)
            author = dict(self.account(author_key))
            author["bot"] = bot_author
            notification = json.loads(json.dumps(self.mention_template))
            notification["id"] = notification_id
            notification["group_key"] = f"ungrouped-{notification_id}"
            notification["created_at"] = iso(now)
            notification["account"] = author
            status = notification["status"]
            status["id"] = str(117_500_000_000_000_000 + self.next_id)
            status["created_at"] = iso(now)
            status["visibility"] = visibility
            status["account"] = author
            status["uri"] = f"{author['uri']}/statuses/{status['id']}"
            status["url"] = f"{author['url']}/{status['id']}"
            bot = self.bot
            status["content"] = (
                f'<p><span class="h-card" translate="no"><a href="{bot["url"]}" class="u-url mention">'
                f'@<span>{bot["username"]}</span></a></span> {html.escape(text)}</p>')
            status["mentions"] = [{"id": bot["id"], "username": bot["username"], "url": bot["url"], "acct": bot["acct"]}]
            self.notifications.insert(0, notification)
            return notification

    def list_notifications(self, query):
        types = query.get("types[]", [])
        limit = min(int(query.get("limit", ["40"])[0]), 80)
        with self.lock:
            items = [n for n in self.notifications if not types or n["type"] in types]
        items.sort(key=lambda n: (len(n["id"]), n["id"]), reverse=True)
        if "max_id" in query:
            items = [n for n in items if newer(query["max_id"][0], n["id"])]
        if "since_id" in query:
            items = [n for n in items if newer(n["id"], query["since_id"][0])]
        if "min_id" in query:
            # min_id: the page immediately newer than the id, still newest first.
            items = [n for n in items if newer(n["id"], query["min_id"][0])]
            return items[-limit:]
        return items[:limit]

    # -- statuses -------------------------------------------------------------------

    def create_status(self, params, key):
        with self.lock:
            if key and key in self.idempotency:
                return 200, self.idempotency[key]
            text = params.get("status", "")
            max_chars = self.instance_v2["configuration"]["statuses"]["max_characters"]
            countable = re.sub(r"https?://\S+", "x" * 23, text)
            countable = re.sub(r"@(\w+)@[\w.:-]+", r"@\1", countable)
            if len(countable) > max_chars:
                return 422, {"error": f"Validation failed: Text character limit of {max_chars} exceeded"}
            self.next_id += 1
            status = json.loads(json.dumps(self.status_template))
            status["id"] = str(117_600_000_000_000_000 + self.next_id)
            status["created_at"] = iso(datetime.now(timezone.utc))
            status["visibility"] = params.get("visibility", "public")
            status["in_reply_to_id"] = params.get("in_reply_to_id")
            status["content"] = "<p>" + html.escape(text).replace("\n", "<br />") + "</p>"
            status["account"] = self.bot
            status["mentions"] = []
            # Mastodon's MENTION_RE: "@" at the start or after a non-word, non-"/" character.
            for acct in re.findall(r"(?:^|(?<=[^/\w]))@(\w[\w.-]*(?:@[\w.:-]+)?)", text):
                local = acct.split("@")[0] if acct.endswith("@" + self.instance_v2["domain"]) else acct
                account = self.accounts.get(local) or self.accounts.get(acct)
                if account and all(m["id"] != account["id"] for m in status["mentions"]):
                    status["mentions"].append(
                        {"id": account["id"], "username": account["username"], "url": account["url"], "acct": account["acct"]})
            self.statuses.append({"status": status, "text": text, "idempotency_key": key})
            if key:
                self.idempotency[key] = status
            return 200, status

    def take_hold(self, text):
        with self.lock:
            for hold in self.holds:
                if re.search(hold["match"], text):
                    self.holds.remove(hold)
                    return hold, self.release
        return None, None

    def next_failure(self):
        with self.lock:
            return self.fail_plan.pop(0) if self.fail_plan else None

    def rate_headers(self, reset_in=None):
        with self.lock:
            self.remaining = max(0, self.remaining - 1)
            remaining = self.remaining
        now = datetime.now(timezone.utc)
        if reset_in is None:
            reset = now + timedelta(seconds=300 - (now.timestamp() % 300))
        else:
            reset = now + timedelta(seconds=reset_in)
        return [("X-RateLimit-Limit", "300"), ("X-RateLimit-Remaining", str(remaining)), ("X-RateLimit-Reset", iso_micro(reset))]

    # -- streaming ------------------------------------------------------------------

    def broadcast(self, text):
        async def send_all():
            for ws in list(self.streams):
                try:
                    await ws.send(text)
                except Exception:
                    pass
        if self.loop:
            asyncio.run_coroutine_threadsafe(send_all(), self.loop).result(timeout=5)

    def drop_streams(self):
        def abort_all():
            for ws in list(self.streams):
                ws.transport.abort()
        if self.loop:
            self.loop.call_soon_threadsafe(abort_all)

    def record(self, entry):
        with self.lock:
            entry["index"] = len(self.requests)
            entry["time"] = time.time()
            self.requests.append(entry)


def make_handler(fake):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format, *args):
            pass

        def do_GET(self):
            self.route()

        do_POST = do_DELETE = do_GET

        def reply(self, status, payload, headers=()):
            body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def route(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            url = urlparse(self.path)
            query = parse_qs(url.query)
            if url.path.startswith("/_test/"):
                return self.control(url.path, raw)
            params = {}
            if raw:
                if (self.headers.get("Content-Type") or "").startswith("application/json"):
                    params = json.loads(raw)
                else:
                    params = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            fake.record({
                "method": self.command, "path": url.path, "query": url.query,
                "authorized": self.headers.get("Authorization") == f"Bearer {fake.token}",
                "idempotency_key": self.headers.get("Idempotency-Key"),
                "content_type": self.headers.get("Content-Type"),
                "user_agent": self.headers.get("User-Agent"),
                "params": params,
            })
            if self.headers.get("Authorization") != f"Bearer {fake.token}":
                return self.reply(401, {"error": "The access token is invalid"})
            if url.path == "/api/v2/instance":
                instance = json.loads(json.dumps(fake.instance_v2))
                instance["configuration"]["urls"]["streaming"] = (
                    f"ws://127.0.0.1:{fake.ws_port}" if fake.streaming_enabled else None)
                return self.reply(200, instance, fake.rate_headers())
            if url.path == "/api/v1/instance":
                instance = json.loads(json.dumps(fake.instance_v1))
                instance["urls"]["streaming_api"] = f"ws://127.0.0.1:{fake.ws_port}"
                return self.reply(200, instance, fake.rate_headers())
            if url.path == "/api/v1/accounts/verify_credentials":
                if fake.no_profile_scope:
                    return self.reply(403, {"error": "This action is outside the authorized scopes"})
                return self.reply(200, fake.bot, fake.rate_headers())
            if url.path.startswith("/api/v1/accounts/"):
                account = fake.account_by_id(url.path.rsplit("/", 1)[-1])
                if not account:
                    return self.reply(404, {"error": "Record not found"}, fake.rate_headers())
                answer = dict(fake.account_template)
                answer.update({k: account[k] for k in ("id", "username", "acct", "url", "bot")})
                return self.reply(200, answer, fake.rate_headers())
            if url.path == "/api/v1/notifications" and self.command == "GET":
                with fake.lock:
                    failing = fake.failing_notification_reads > 0
                    if failing:
                        fake.failing_notification_reads -= 1
                if failing:
                    return self.reply(502, {"error": "Bad gateway"}, fake.rate_headers())
                return self.reply(200, fake.list_notifications(query), fake.rate_headers())
            if url.path == "/api/v1/statuses" and self.command == "POST":
                key = self.headers.get("Idempotency-Key")
                hold, release = fake.take_hold(params.get("status", ""))
                if hold is not None:
                    return self.hold(hold, release, params, key)
                failure = fake.next_failure()
                if failure:
                    if failure.get("after_create"):
                        fake.create_status(params, key)
                    status = failure.get("status", 503)
                    headers = fake.rate_headers(failure.get("reset_in")) if status == 429 else fake.rate_headers()
                    return self.reply(status, {"error": "Too many requests" if status == 429 else "Bad gateway"}, headers)
                with fake.lock:
                    gone = params.get("in_reply_to_id") in fake.deleted
                if gone:
                    return self.reply(404, {"error": "Record not found"}, fake.rate_headers())
                status, body = fake.create_status(params, key)
                return self.reply(status, body, fake.rate_headers())
            return self.reply(404, {"error": "Not found"})

        def hold(self, hold, release, params, key):
            """Holds a status post until /_test/release: a lost response (accept) or a lost request."""
            created = fake.create_status(params, key)[1] if hold.get("accept") else None
            with fake.lock:
                fake.held.append({"idempotency_key": key, "accepted": created is not None, "text": params.get("status", ""),
                                  "id": created["id"] if created else None})
            release.wait(timeout=600)
            try:
                if created is None:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return None
                return self.reply(200, created, fake.rate_headers())
            except OSError:
                return None

        def control(self, path, raw):
            body = json.loads(raw) if raw else {}
            if path == "/_test/statuses/hold":
                with fake.lock:
                    if fake.release.is_set():
                        fake.release = threading.Event()
                    fake.holds.append({"match": body.get("match", ""), "accept": bool(body.get("accept"))})
                return self.reply(200, {})
            if path == "/_test/held":
                with fake.lock:
                    return self.reply(200, list(fake.held))
            if path == "/_test/release":
                with fake.lock:
                    fake.holds = []
                    fake.release.set()
                return self.reply(200, {})
            if path == "/_test/mention":
                notification = fake.make_mention(
                    body.get("text", ""), body.get("from", "admin"), body.get("visibility", "direct"), body.get("bot", False))
                if body.get("stream", True):
                    fake.broadcast(json.dumps({
                        "stream": ["user:notification"], "event": "notification", "payload": json.dumps(notification)}))
                return self.reply(200, notification)
            if path == "/_test/replay":
                with fake.lock:
                    found = next((n for n in fake.notifications if n["id"] == body["id"]), None)
                if not found:
                    return self.reply(404, {"error": "no such notification"})
                fake.broadcast(json.dumps({
                    "stream": ["user:notification"], "event": "notification", "payload": json.dumps(found)}))
                return self.reply(200, {})
            if path == "/_test/frame":
                fake.broadcast(body["text"])
                return self.reply(200, {})
            if path == "/_test/drop":
                with fake.lock:
                    fake.refuse_handshakes = int(body.get("refuse", 0))
                fake.drop_streams()
                return self.reply(200, {})
            if path == "/_test/refuse":
                with fake.lock:
                    fake.refuse_handshakes = int(body.get("count", 0))
                return self.reply(200, {})
            if path == "/_test/statuses/fail":
                with fake.lock:
                    fake.fail_plan.extend([body] * int(body.get("count", 1)))
                return self.reply(200, {})
            if path == "/_test/notifications/fail":
                with fake.lock:
                    fake.failing_notification_reads = int(body.get("count", 1))
                return self.reply(200, {})
            if path == "/_test/delete":
                with fake.lock:
                    fake.deleted.add(body["id"])
                return self.reply(200, {})
            if path == "/_test/account":
                return self.reply(200, fake.account(body["key"]))
            with fake.lock:
                if path == "/_test/requests":
                    return self.reply(200, fake.requests)
                if path == "/_test/statuses":
                    return self.reply(200, fake.statuses)
                if path == "/_test/streams":
                    return self.reply(200, {"open": len(fake.streams), "connects": fake.connects})
            return self.reply(404, {"error": "unknown control"})

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", required=True, help="the cassettes folder")
    parser.add_argument("--token", required=True)
    parser.add_argument("--no-streaming", action="store_true", help="advertise no streaming URL")
    parser.add_argument("--max-characters", type=int, help="the instance's status length limit")
    parser.add_argument("--no-profile-scope", action="store_true", help="verify_credentials answers 403")
    parser.add_argument("--account", action="append", default=[], help="KEY=ID: an account known from the start")
    args = parser.parse_args()
    fake = FakeMastodon(Cassettes(args.fixtures), args.token, not args.no_streaming)
    for entry in args.account:
        key, _, account_id = entry.partition("=")
        fake.account(key, account_id)
    fake.no_profile_scope = args.no_profile_scope
    if args.max_characters:
        fake.instance_v2["configuration"]["statuses"]["max_characters"] = args.max_characters
    fake.loop = asyncio.get_running_loop()

    def process_request(connection, request):
        url = urlparse(request.path)
        authorized = request.headers.get("Authorization") == f"Bearer {args.token}"
        fake.record({"method": "WEBSOCKET", "path": url.path, "query": url.query, "authorized": authorized})
        with fake.lock:
            refuse = fake.refuse_handshakes > 0
            if refuse:
                fake.refuse_handshakes -= 1
        if refuse:
            return connection.respond(503, "Service Unavailable\n")
        if url.path != "/api/v1/streaming" or parse_qs(url.query).get("stream") != ["user:notification"]:
            return connection.respond(404, "Not Found\n")
        if not authorized:
            return connection.respond(401, "Unauthorized\n")
        return None

    async def handler(ws):
        with fake.lock:
            fake.streams.add(ws)
            fake.connects += 1
        try:
            async for _ in ws:
                pass
        except Exception:
            pass
        finally:
            with fake.lock:
                fake.streams.discard(ws)

    async with serve(handler, "127.0.0.1", 0, process_request=process_request, ping_interval=None) as ws_server:
        fake.ws_port = ws_server.sockets[0].getsockname()[1]
        http_server = Server(("127.0.0.1", 0), make_handler(fake))
        threading.Thread(target=http_server.serve_forever, daemon=True).start()
        announce(http_server.server_address[1])
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    asyncio.run(main())
