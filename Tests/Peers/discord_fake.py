#!/usr/bin/env python3
"""A loopback fake of Discord for PeerBot's Discord adapter tests.

Serves the gateway (WebSocket, v10 JSON) and the REST API (HTTP, under
/api/v10) on 127.0.0.1, each on a free port (or the ports given by
--http-port and --gateway-port, so a test can stop the fake and start a new
one where the client expects Discord), and prints "PORT <http port>"
(GET /_test/info gives the gateway's port). Exits when stdin closes (the
test process ended).

It behaves as Discord's documentation describes: Hello with a heartbeat
interval, ACKs, READY with session_id and resume_gateway_url (a different
path, /resume, so tests see which URL a client used), Resume replaying the
dispatches a client missed and then RESUMED, op 9 for an unknown session,
close 4014 when Identify asks for intents the fake disallows, 4004 for a wrong
token. REST: create message (with enforce_nonce, a nonce the same author used in
the past few minutes returns the message already created, in any channel),
create DM, reactions, interaction callbacks (404
Unknown interaction after the 3-second deadline, 400 when already
acknowledged), webhook follow-ups and edits, command bulk overwrite, gateway/bot.
Every request and gateway payload is recorded.

Test control endpoints (HTTP, not part of Discord's API):
  GET  /_test/info                {"gateway_port": n}
  GET  /_test/log                 everything recorded, in order
  POST /_test/dispatch {t, d}     send a dispatch to the live session (kept for replay if disconnected)
  POST /_test/op {op, d}          send a raw opcode (1, 7, 9) to the open connection
  POST /_test/close {code}        close the open connection with a code
  POST /_test/config {...}        heartbeat_interval, disallowed_intents, ack_heartbeats, token,
                                  shards and max_concurrency (for GET /gateway/bot), nonce_window (s)
  POST /_test/script {method, path, status, headers, body, times}
                                  answer the next `times` matching requests (path is a regex)
                                  with this response instead (a 429, a 500, ...)
  POST /_test/hold {method, path, content, accept, times}
                                  hold the next `times` matching requests (path is a regex,
                                  content a regex searched in the JSON body's content): with
                                  accept the message is created first and then the response
                                  stalls (a response lost on the way); without, nothing is
                                  created and no response ever comes (a request never forwarded)
  GET  /_test/held                the requests held so far
  POST /_test/release             no more holds; stalled responses are written (to whoever
                                  still listens), unforwarded requests are dropped
  GET  /_test/messages?channel=ID the messages created in a channel, in order (after nonce dedupe)
"""
import argparse
import asyncio
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

LOCK = threading.RLock()
STATE = {
    "records": [],
    "config": {"heartbeat_interval": 45000, "disallowed_intents": 0, "ack_heartbeats": True, "token": "test-bot-token",
               "shards": 1, "max_concurrency": 1, "nonce_window": 300},
    "scripts": [],
    "sessions": {},          # session_id -> {"events": [(seq, frame)], "seq": int}
    "live": None,            # (session_id, connection) of the open connection, if any
    "connections": 0,
    "snowflake": 900000000000100000,
    "nonces": {},            # (author id, nonce) -> (monotonic time, message)
    "messages": {},          # channel id -> messages created there, in order
    "holds": [],             # rules from /_test/hold
    "held": [],              # requests held so far
    "release": threading.Event(),
    "interactions": {},      # interaction id -> {"at": time, "answered": bool}
}
SERVER_CLOSED = set()      # ids of connections the fake closed itself
LOOP = None
WS_PORT = None
APPLICATION_ID = "800000000000000998"
BOT_USER = {"id": "800000000000000999", "username": "peerbot", "global_name": None, "discriminator": "0",
            "avatar": None, "bot": True}


def record(entry):
    with LOCK:
        entry["seq_no"] = len(STATE["records"])
        entry["time"] = time.monotonic()
        STATE["records"].append(entry)


def create_or_find(channel, body):
    """Creates a message, unless enforce_nonce finds one the bot created with that nonce lately.
    Returns (message, deduplicated)."""
    nonce = body.get("nonce")
    with LOCK:
        if nonce and body.get("enforce_nonce"):
            known = STATE["nonces"].get((BOT_USER["id"], nonce))
            # "checked for uniqueness in the past few minutes" (message.mdx, Create Message,
            # enforce_nonce): config nonce_window, 300 s unless a test shortens it.
            if known and time.monotonic() - known[0] <= STATE["config"]["nonce_window"]:
                return known[1], True
        message = message_object(channel, body)
        if nonce:
            STATE["nonces"][(BOT_USER["id"], nonce)] = (time.monotonic(), message)
        STATE["messages"].setdefault(channel, []).append(message)
        return message, False


def next_snowflake():
    with LOCK:
        STATE["snowflake"] += 1
        return str(STATE["snowflake"])


# ---------------------------------------------------------------- gateway

async def send_dispatch(session_id, name, data):
    """Assigns the next sequence number and sends, or keeps it for replay when disconnected."""
    with LOCK:
        session = STATE["sessions"][session_id]
        session["seq"] += 1
        seq = session["seq"]
        frame = {"op": 0, "s": seq, "t": name, "d": data}
        session["events"].append((seq, frame))
        live = STATE["live"]
    if name == "INTERACTION_CREATE":
        with LOCK:
            STATE["interactions"][data["id"]] = {"at": time.monotonic(), "answered": False}
    if live and live[0] == session_id:
        try:
            await live[1].send(json.dumps(frame))
        except Exception:
            pass
    record({"kind": "dispatch", "t": name, "s": seq, "delivered": bool(live and live[0] == session_id)})
    return seq


async def gateway(ws):
    with LOCK:
        STATE["connections"] += 1
        conn = STATE["connections"]
        interval = STATE["config"]["heartbeat_interval"]
    path = urlparse(ws.request.path)
    record({"kind": "connect", "conn": conn, "path": path.path, "query": parse_qs(path.query)})
    await ws.send(json.dumps({"op": 10, "d": {"heartbeat_interval": interval}, "s": None, "t": None}))
    session_id = None
    try:
        async for message in ws:
            payload = json.loads(message)
            op, d = payload.get("op"), payload.get("d")
            record({"kind": "gateway", "conn": conn, "op": op, "d": d})
            if op == 1:
                with LOCK:
                    ack = STATE["config"]["ack_heartbeats"]
                if ack:
                    await ws.send(json.dumps({"op": 11}))
            elif op == 2:
                with LOCK:
                    config = dict(STATE["config"])
                if d.get("token") != config["token"]:
                    SERVER_CLOSED.add(id(ws))
                    await ws.close(4004, "Authentication failed.")
                    return
                if d.get("intents", 0) & config["disallowed_intents"]:
                    SERVER_CLOSED.add(id(ws))
                    await ws.close(4014, "Disallowed intent(s).")
                    return
                with LOCK:
                    session_id = f"session-{len(STATE['sessions']) + 1}"
                    STATE["sessions"][session_id] = {"events": [], "seq": 0}
                    STATE["live"] = (session_id, ws)
                shard = d.get("shard") or [0, 1]
                await send_dispatch(session_id, "READY", {
                    "v": 10, "user": BOT_USER, "guilds": [{"id": "800000000000000001", "unavailable": True}],
                    "session_id": session_id, "resume_gateway_url": f"ws://127.0.0.1:{WS_PORT}/resume",
                    "shard": shard, "application": {"id": APPLICATION_ID, "flags": 0}})
                await send_dispatch(session_id, "GUILD_CREATE", {
                    "id": "800000000000000001", "name": "Peer space", "member_count": 3, "members": [], "threads": [],
                    "channels": [{"id": "800000000000000010", "type": 0, "name": "general", "guild_id": "800000000000000001"},
                                 {"id": "800000000000000011", "type": 0, "name": "facilitators", "guild_id": "800000000000000001"}]})
            elif op == 6:
                wanted = d.get("session_id")
                with LOCK:
                    session = STATE["sessions"].get(wanted)
                if session is None:
                    await ws.send(json.dumps({"op": 9, "d": False}))
                    continue
                session_id = wanted
                with LOCK:
                    STATE["live"] = (session_id, ws)
                    missed = [frame for seq, frame in session["events"] if seq > d.get("seq", 0)]
                for frame in missed:
                    await ws.send(json.dumps(frame))
                record({"kind": "replayed", "conn": conn, "count": len(missed)})
                await send_dispatch(session_id, "RESUMED", {})
    except ConnectionClosed:
        pass
    except Exception as error:
        record({"kind": "error", "conn": conn, "error": str(error)})
    finally:
        with LOCK:
            if STATE["live"] and STATE["live"][1] is ws:
                STATE["live"] = None
        record({"kind": "disconnect", "conn": conn, "code": ws.close_code, "by_server": id(ws) in SERVER_CLOSED})


async def control_op(op, d):
    with LOCK:
        live = STATE["live"]
    if live:
        await live[1].send(json.dumps({"op": op, "d": d}))
    return bool(live)


async def control_close(code, reason):
    with LOCK:
        live = STATE["live"]
        STATE["live"] = None
    if live:
        SERVER_CLOSED.add(id(live[1]))
        await live[1].close(code, reason)
    return bool(live)


async def control_dispatch(name, data):
    with LOCK:
        sessions = list(STATE["sessions"])
    if not sessions:
        return None
    return await send_dispatch(sessions[-1], name, data)


def run_in_loop(coroutine):
    return asyncio.run_coroutine_threadsafe(coroutine, LOOP).result(timeout=10)


# ---------------------------------------------------------------- REST

def message_object(channel_id, body):
    return {"id": next_snowflake(), "channel_id": channel_id, "author": BOT_USER, "content": body.get("content") or "",
            "timestamp": "2026-03-28T19:00:00.000000+00:00", "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": body.get("flags") or 0, "components": body.get("components") or []}


ROUTES = [
    ("GET", r"/api/v10/gateway/bot", "gateway_bot"),
    ("POST", r"/api/v10/channels/(\d+)/messages", "create_message"),
    ("POST", r"/api/v10/users/@me/channels", "create_dm"),
    ("PUT", r"/api/v10/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me", "no_content"),
    ("POST", r"/api/v10/interactions/(\d+)/([^/]+)/callback", "callback"),
    ("PATCH", r"/api/v10/webhooks/(\d+)/([^/]+)/messages/@original", "webhook_message"),
    ("DELETE", r"/api/v10/webhooks/(\d+)/([^/]+)/messages/@original", "no_content"),
    ("POST", r"/api/v10/webhooks/(\d+)/([^/]+)", "webhook_message"),
    ("PUT", r"/api/v10/applications/(\d+)/commands", "echo"),
    ("PUT", r"/api/v10/applications/(\d+)/guilds/(\d+)/commands", "echo"),
]

RATE_HEADERS = [("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "1.000"),
                ("X-RateLimit-Bucket", "fakebucket")]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def reply(self, status, body=None, headers=()):
        # Recorded before the response is written, so a client that got its
        # answer always finds its request in the log.
        entry = getattr(self, "entry", None)
        if entry is not None:
            entry["status"] = status
            record(entry)
            self.entry = None
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return status

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        url = urlparse(self.path)
        if url.path.startswith("/_test/"):
            return self.control(url.path, raw)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        entry = {"kind": "rest", "method": self.command, "path": url.path, "query": sorted(parse_qs(url.query)),
                 "body": raw.decode("utf-8", "replace") if raw else None,
                 "authorized": self.headers.get("Authorization") == f"Bot {STATE['config']['token']}",
                 "content_type": self.headers.get("Content-Type"), "user_agent": self.headers.get("User-Agent")}
        self.entry = entry
        self.respond(url.path, body or {}, entry)

    def respond(self, path, body, entry):
        if not entry["authorized"]:
            return self.reply(401, {"message": "401: Unauthorized", "code": 0})
        scripted = None
        with LOCK:
            for script in STATE["scripts"]:
                if script["times"] > 0 and script["method"] == self.command and re.fullmatch(script["path"], path):
                    script["times"] -= 1
                    scripted = script
                    break
        if scripted is not None:
            entry["scripted"] = True
            return self.reply(scripted["status"], scripted.get("body"), [tuple(h) for h in scripted.get("headers", [])])
        hold = None
        with LOCK:
            for rule in STATE["holds"] if isinstance(body, dict) else []:
                if rule["times"] > 0 and rule["method"] == self.command and re.fullmatch(rule["path"], path) \
                        and re.search(rule.get("content") or "", body.get("content") or ""):
                    rule["times"] -= 1
                    hold = rule
                    break
        if hold is not None:
            return self.hold(hold, path, body, entry)
        for method, pattern, handler in ROUTES:
            match = re.fullmatch(pattern, path)
            if match and method == self.command:
                return getattr(self, handler)(match, body, entry)
        return self.reply(404, {"message": "404: Not Found", "code": 0})

    def gateway_bot(self, match, body, entry):
        with LOCK:
            shards, concurrency = STATE["config"]["shards"], STATE["config"]["max_concurrency"]
        return self.reply(200, {"url": f"ws://127.0.0.1:{WS_PORT}", "shards": shards, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": concurrency}}, RATE_HEADERS)

    def create_message(self, match, body, entry):
        message, deduplicated = create_or_find(match.group(1), body)
        if deduplicated:
            entry["deduplicated"] = True
        else:
            entry["message_id"] = message["id"]
        return self.reply(200, message, RATE_HEADERS)

    def hold(self, rule, path, body, entry):
        """Holds the request until /_test/release: a lost response (accept) or a lost request."""
        with LOCK:
            release = STATE["release"]
        match = re.fullmatch(r"/api/v10/channels/(\d+)/messages", path)
        message, deduplicated = create_or_find(match.group(1), body) if rule.get("accept") and match else (None, False)
        held = {"method": self.command, "path": path, "nonce": body.get("nonce"), "content": body.get("content"),
                "accepted": message is not None, "deduplicated": deduplicated,
                "message_id": message["id"] if message else None}
        entry.update({"held": True, "accepted": held["accepted"], "message_id": held["message_id"]})
        entry["status"] = 0
        record(entry)
        self.entry = None
        with LOCK:
            STATE["held"].append(held)
        release.wait(timeout=600)
        try:
            if message is None:
                self.close_connection = True
                self.connection.shutdown(2)
                return 0
            return self.reply(200, message, RATE_HEADERS)
        except OSError:
            return 0

    def create_dm(self, match, body, entry):
        recipient = body.get("recipient_id", "0")
        channel_id = str(700000000000000000 + int(recipient) % 100000000000000)
        return self.reply(200, {"id": channel_id, "type": 1, "last_message_id": None, "flags": 0,
                                "recipients": [{"id": recipient, "username": "member", "discriminator": "0",
                                                "global_name": None, "avatar": None}]})

    def no_content(self, match, body, entry):
        return self.reply(204)

    def callback(self, match, body, entry):
        interaction_id = match.group(1)
        with LOCK:
            interaction = STATE["interactions"].get(interaction_id)
            if interaction is not None:
                entry["elapsed_ms"] = int((time.monotonic() - interaction["at"]) * 1000)
        if interaction is None or time.monotonic() - interaction["at"] > 3.0:
            return self.reply(404, {"message": "Unknown interaction", "code": 10062})
        with LOCK:
            answered = interaction["answered"]
            interaction["answered"] = True
        if answered:
            return self.reply(400, {"message": "Interaction has already been acknowledged.", "code": 40060})
        return self.reply(204)

    def webhook_message(self, match, body, entry):
        return self.reply(200, message_object("800000000000000010", body))

    def echo(self, match, body, entry):
        commands = body if isinstance(body, list) else []
        return self.reply(200, [dict(command, id=next_snowflake(), application_id=APPLICATION_ID, version="1")
                                for command in commands])

    # ------------------------------------------------------------ control

    def control(self, path, raw):
        body = json.loads(raw) if raw else {}
        if path == "/_test/info":
            return self.reply(200, {"gateway_port": WS_PORT})
        if path == "/_test/log":
            with LOCK:
                return self.reply(200, {"records": STATE["records"]})
        if path == "/_test/dispatch":
            return self.reply(200, {"s": run_in_loop(control_dispatch(body["t"], body["d"]))})
        if path == "/_test/op":
            return self.reply(200, {"sent": run_in_loop(control_op(body["op"], body.get("d")))})
        if path == "/_test/close":
            return self.reply(200, {"closed": run_in_loop(control_close(body["code"], body.get("reason", "")))})
        if path == "/_test/config":
            with LOCK:
                STATE["config"].update(body)
            return self.reply(200, STATE["config"])
        if path == "/_test/hold":
            with LOCK:
                if STATE["release"].is_set():
                    STATE["release"] = threading.Event()
                STATE["holds"].append({"times": 1, "accept": False, **body})
            return self.reply(200, {})
        if path == "/_test/held":
            with LOCK:
                return self.reply(200, {"held": list(STATE["held"])})
        if path == "/_test/release":
            with LOCK:
                STATE["holds"] = []
                STATE["release"].set()
            return self.reply(200, {})
        if path == "/_test/messages":
            channel = (parse_qs(urlparse(self.path).query).get("channel") or [""])[0]
            with LOCK:
                return self.reply(200, {"messages": list(STATE["messages"].get(channel, []))})
        if path == "/_test/script":
            with LOCK:
                STATE["scripts"].append({"times": 1, **body})
            return self.reply(200, {})
        return self.reply(404, {"message": "unknown control path"})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def watch_stdin():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    finally:
        os._exit(0)


async def main():
    global LOOP, WS_PORT
    parser = argparse.ArgumentParser()
    parser.add_argument("--http-port", type=int, default=0, help="the REST port (0: a free one)")
    parser.add_argument("--gateway-port", type=int, default=0, help="the gateway port (0: a free one)")
    args = parser.parse_args()
    LOOP = asyncio.get_running_loop()
    async with serve(gateway, "127.0.0.1", args.gateway_port, ping_interval=None, compression=None, max_size=None) as server:
        WS_PORT = server.sockets[0].getsockname()[1]
        http = Server(("127.0.0.1", args.http_port), Handler)
        threading.Thread(target=http.serve_forever, daemon=True).start()
        print(f"PORT {http.server_address[1]}", flush=True)
        threading.Thread(target=watch_stdin, daemon=True).start()
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    asyncio.run(main())
