#!/usr/bin/env python3
"""A loopback HTTP proxy in front of a real server (Synapse) that can hold one request.

Forwards every request to --upstream unchanged (long polls included: one
thread per request) and prints "PORT <n>". A test asks it to hold the next
request that matches, so it can kill the client at an exact point of a
delivery: with accept the request reaches the server and the response is
kept back (a response lost on the way); without, the request never reaches
the server and no response ever comes. Exits when stdin closes.

Test control endpoints (not forwarded):
  POST /_test/hold {method, path, body, accept}   path and body are regexes (searched)
  GET  /_test/held                                 the requests held so far (with the upstream answer when accepted)
  GET  /_test/requests                             method and path of every request that came, held or not
  POST /_test/release                              no more holds; held requests end
"""
import http.client
import json
import re
import threading
from argparse import ArgumentParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from peer_support import announce

LOCK = threading.Lock()
STATE = {"holds": [], "held": [], "requests": [], "release": threading.Event()}
UPSTREAM = None
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", "host",
              "content-length"}


def forward(method, path, headers, body):
    connection = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=120)
    try:
        connection.request(method, path, body=body, headers={k: v for k, v in headers if k.lower() not in HOP_BY_HOP})
        response = connection.getresponse()
        return response.status, [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_BY_HOP], response.read()
    finally:
        connection.close()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def answer(self, status, headers, body):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/_test/"):
            return self.control(urlparse(self.path).path, body)
        text = body.decode("utf-8", "replace")
        hold = None
        with LOCK:
            STATE["requests"].append({"method": self.command, "path": self.path})
            for rule in STATE["holds"]:
                if rule["method"] == self.command and re.search(rule["path"], self.path) and re.search(rule.get("body") or "", text):
                    STATE["holds"].remove(rule)
                    hold = (rule, STATE["release"])
                    break
        if hold is None:
            try:
                return self.answer(*forward(self.command, self.path, self.headers.items(), body))
            except OSError as error:
                return self.answer(502, [("Content-Type", "application/json")],
                                   json.dumps({"errcode": "M_UNKNOWN", "error": f"proxy: {error}"}).encode())
        rule, release = hold
        upstream = forward(self.command, self.path, self.headers.items(), body) if rule.get("accept") else None
        with LOCK:
            STATE["held"].append({"method": self.command, "path": self.path, "accepted": upstream is not None,
                                  "status": upstream[0] if upstream else None,
                                  "response": upstream[2].decode("utf-8", "replace") if upstream else None})
        release.wait(timeout=600)
        try:
            if upstream is None:
                self.close_connection = True
                self.connection.shutdown(2)
                return None
            return self.answer(*upstream)
        except OSError:
            return None

    def control(self, path, raw):
        body = json.loads(raw) if raw else {}
        json_header = [("Content-Type", "application/json")]
        if path == "/_test/hold":
            with LOCK:
                if STATE["release"].is_set():
                    STATE["release"] = threading.Event()
                STATE["holds"].append(body)
            return self.answer(200, json_header, b"{}")
        if path == "/_test/held":
            with LOCK:
                return self.answer(200, json_header, json.dumps({"held": STATE["held"]}).encode())
        if path == "/_test/requests":
            with LOCK:
                return self.answer(200, json_header, json.dumps({"requests": STATE["requests"]}).encode())
        if path == "/_test/release":
            with LOCK:
                STATE["holds"] = []
                STATE["release"].set()
            return self.answer(200, json_header, b"{}")
        return self.answer(404, json_header, b'{"error": "unknown control path"}')


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def main():
    global UPSTREAM
    parser = ArgumentParser()
    parser.add_argument("--upstream", required=True, help="the server's base URL, e.g. http://127.0.0.1:8008")
    UPSTREAM = urlparse(parser.parse_args().upstream)
    server = Server(("127.0.0.1", 0), Handler)
    announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
