#!/usr/bin/env python3
"""Loopback HTTP/1.1 peer for PeerBot's transport tests and benchmarks.

Listens on 127.0.0.1 on a free port, prints "PORT <n>", serves until stdin
closes or it is killed. With --cert/--key it serves https://.

Paths (any method):
  /hello          200 "hello"
  /echo           200, the request body back; X-Method, X-Authorization,
                  X-Content-Type and X-Expect tell what arrived
  /status/<n>     status n with a short body (429 and 503 add Retry-After: 2)
  /ratelimited    429 with X-RateLimit-* headers and {"retry_after": 1.5}
  /never          reads the request and never answers (until the client leaves)
  /truncated      promises 100000 bytes, sends 1000, closes the connection
  /bytes/<n>      n bytes of "a"
  /redirect       302 to /hello
  /continue       an interim "100 Continue" with a header, then 200 "final"
A request in proxy form (absolute URL) is served by its path, with X-Proxied: yes.
"""
import argparse
import select
import ssl
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from peer_support import announce


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Without these, Python's server stalls 40 ms per response (Nagle) and drops
    # connections under load: test-server artefacts, not client bugs.
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route(self):
        body = self.read_body()
        url = urlparse(self.path)
        path = url.path
        extra = [("X-Proxied", "yes")] if url.scheme else []
        if path == "/hello":
            self.reply(200, b"hello", [("Content-Type", "text/plain")] + extra)
        elif path == "/echo":
            self.reply(200, body, [
                ("X-Method", self.command),
                ("X-Authorization", self.headers.get("Authorization", "")),
                ("X-Content-Type", self.headers.get("Content-Type", "")),
                ("X-Expect", self.headers.get("Expect", "")),
            ] + extra)
        elif path.startswith("/status/"):
            code = int(path.split("/")[2])
            headers = [("Retry-After", "2")] if code in (429, 503) else []
            self.reply(code, f"status {code}".encode(), headers)
        elif path == "/ratelimited":
            self.reply(429, b'{"retry_after": 1.5, "global": false}', [
                ("Content-Type", "application/json"),
                ("Retry-After", "2"),
                ("X-RateLimit-Limit", "5"),
                ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset-After", "1.5"),
                ("X-RateLimit-Bucket", "abc123"),
            ])
        elif path == "/never":
            # Hold the connection open without answering, until the client goes away.
            while True:
                readable, _, _ = select.select([self.connection], [], [], 1.0)
                if readable and not self.connection.recv(1024):
                    break
            self.close_connection = True
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"a" * 1000)
            self.wfile.flush()
            self.close_connection = True
        elif path.startswith("/bytes/"):
            self.reply(200, b"a" * int(path.split("/")[2]))
        elif path == "/redirect":
            self.reply(302, b"", [("Location", "/hello")])
        elif path == "/continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n")
            self.reply(200, b"final", [("X-Final", "yes")])
        else:
            self.reply(404, b"not found")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
