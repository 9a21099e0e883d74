#!/usr/bin/env python3
"""A fault-injecting HTTP/1.1 proxy between PeerBot and Synapse, for the soak test.

    fault_proxy.py --upstream http://127.0.0.1:PORT

Listens on 127.0.0.1 on a free port, prints "PORT <n>" and forwards every
request to the upstream homeserver (one upstream connection per request).
While faults are on, every Nth request of a class (sync: GET /sync; send:
PUT .../send/...; other: everything else) meets a fault instead of a clean
answer, cycling through the kinds:

  429        answered here with 429 M_LIMIT_EXCEEDED and retry_after_ms, like
             Synapse (client-server API, "Rate limiting"); every other one also
             carries a Retry-After header
  drop       the connection is closed after the request was read, before it
             reaches the homeserver
  lost       forwarded, the homeserver acts on it, and the connection is closed
             before the answer: a send must be retried with the same txnId,
             which the homeserver deduplicates; a sync must be repeated from the
             same position
  truncated  forwarded, and the answer is cut off half-way through its body
  hangup     (sync only) the connection is closed while the long poll is held

When the homeserver is down (restarted by the test) the proxy answers 502, as
a reverse proxy would.

Control (never forwarded):
  POST /_fault/config   JSON {"enabled": bool, "every": {"sync": n, "send": n, "other": n}}
  GET  /_fault/stats    JSON counters: requests and faults per class and kind
"""
import argparse
import http.client
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from peer_support import announce

KINDS = {
    "sync": ["429", "lost", "drop", "hangup", "truncated"],
    "send": ["429", "lost", "drop", "truncated"],
    "other": ["429", "drop", "lost"],
}
# Headers that describe one hop, not the request (RFC 9110 §7.6.1), and what the proxy recomputes.
HOP_HEADERS = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
               "expect", "host", "content-length"}


class Faults:
    """The schedule and the counters, shared by the handler threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.enabled = False
        self.every = {"sync": 7, "send": 11, "other": 5}
        self.seen = {name: 0 for name in KINDS}
        self.faults = {name: 0 for name in KINDS}
        self.stats = {"requests": 0, "forwarded": 0, "upstream_down": 0,
                      "by_kind": {name: {kind: 0 for kind in kinds} for name, kinds in KINDS.items()}}

    def configure(self, body):
        with self.lock:
            if "enabled" in body:
                self.enabled = bool(body["enabled"])
            for name, value in (body.get("every") or {}).items():
                if name in self.every:
                    self.every[name] = max(1, int(value))

    def decide(self, name):
        """The fault for this request of class `name`, or None."""
        with self.lock:
            self.stats["requests"] += 1
            self.seen[name] += 1
            if not self.enabled or self.seen[name] % self.every[name] != 0:
                return None
            kinds = KINDS[name]
            kind = kinds[self.faults[name] % len(kinds)]
            self.faults[name] += 1
            self.stats["by_kind"][name][kind] += 1
            return kind

    def count(self, key):
        with self.lock:
            self.stats[key] += 1

    def snapshot(self):
        with self.lock:
            return json.loads(json.dumps({**self.stats, "enabled": self.enabled, "every": self.every}))


def classify(method, path):
    if path.startswith("/_matrix/client/v3/sync") and method == "GET":
        return "sync"
    if method == "PUT" and "/send/" in path:
        return "send"
    return "other"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def hang_up(self):
        """Closes the client's connection without a word (curl: empty reply / connection reset)."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def route(self):
        body = self.read_body()
        faults = self.server.faults
        path = urlparse(self.path).path
        if path == "/_fault/config":
            faults.configure(json.loads(body or b"{}"))
            return self.reply(200, json.dumps(faults.snapshot()).encode(), [("Content-Type", "application/json")])
        if path == "/_fault/stats":
            return self.reply(200, json.dumps(faults.snapshot()).encode(), [("Content-Type", "application/json")])

        kind = faults.decide(classify(self.command, path))
        if kind == "429":
            retry_ms = 250 + 250 * (faults.seen["send"] % 4)
            headers = [("Content-Type", "application/json")]
            if faults.stats["requests"] % 2 == 0:
                headers.append(("Retry-After", str((retry_ms + 999) // 1000)))
            error = {"errcode": "M_LIMIT_EXCEEDED", "error": "Too Many Requests", "retry_after_ms": retry_ms}
            return self.reply(429, json.dumps(error).encode(), headers)
        if kind == "drop":
            return self.hang_up()

        upstream = self.server.upstream
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=180)
        try:
            headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_HEADERS}
            if kind == "hangup":
                # Let the homeserver hold the long poll a moment, then cut the client off.
                connection.request(self.command, self.path, body=body, headers=headers)
                time.sleep(0.5)
                return self.hang_up()
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            answer_headers = [(n, v) for n, v in response.getheaders() if n.lower() not in HOP_HEADERS]
        except (ConnectionError, OSError, http.client.HTTPException):
            faults.count("upstream_down")
            error = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return self.reply(502, error, [("Content-Type", "text/html")])
        finally:
            connection.close()
        faults.count("forwarded")
        if kind == "lost":
            return self.hang_up()
        if kind == "truncated":
            self.send_response(response.status)
            for name, value in answer_headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer[: len(answer) // 2])
            return self.hang_up()
        self.reply(response.status, answer, answer_headers)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--upstream", required=True)
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.upstream = urlparse(args.upstream)
    server.faults = Faults()
    announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
