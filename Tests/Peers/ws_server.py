#!/usr/bin/env python3
"""Loopback WebSocket peer for PeerBot's transport tests and benchmarks.

Listens on 127.0.0.1 on a free port, prints "PORT <n>", serves until stdin
closes or it is killed. With --cert/--key it serves wss://.

Paths:
  /echo              echoes every message (text as text, binary as binary)
  /close/<code>      closes at once with <code> and the reason in ?reason=
  /fragments         sends fragmented messages (text, binary, 100 KB text), then echoes
  /silent            sends "ready", then stops reading: no pongs, no close
  /handshake         sends one JSON message: Authorization header, chosen subprotocol,
                     negotiated extensions; then echoes
  /flood?count=n     sends n numbered text messages ("0", "1", ...) as fast as it can
  /empty             sends an empty text message, then "after"
"""
import argparse
import asyncio
import json
import ssl
from urllib.parse import parse_qs, urlparse

from websockets.asyncio.server import serve

from peer_support import announce


async def handler(ws):
    url = urlparse(ws.request.path)
    query = parse_qs(url.query)
    path = url.path
    if path == "/echo":
        async for message in ws:
            await ws.send(message)
    elif path.startswith("/close/"):
        code = int(path.split("/")[2])
        await ws.close(code, query.get("reason", [""])[0])
    elif path == "/fragments":
        await ws.send(["frag", "mented ", "text"])
        await ws.send([b"\x00\x01", b"\x02", b"\x03\x04"])
        await ws.send(["x" * 1000 for _ in range(100)])
        async for message in ws:
            await ws.send(message)
    elif path == "/silent":
        await ws.send("ready")
        ws.transport.pause_reading()
        await asyncio.sleep(3600)
    elif path == "/handshake":
        await ws.send(json.dumps({
            "authorization": ws.request.headers.get("Authorization"),
            "subprotocol": ws.subprotocol,
            "extensions": ws.response.headers.get("Sec-WebSocket-Extensions"),
        }))
        async for message in ws:
            await ws.send(message)
    elif path == "/flood":
        for i in range(int(query.get("count", ["1000"])[0])):
            await ws.send(str(i))
        async for message in ws:
            await ws.send(message)
    elif path == "/empty":
        await ws.send("")
        await ws.send("after")
        async for message in ws:
            await ws.send(message)
    else:
        await ws.close(4404, "unknown path")


SUBPROTOCOLS = ["peerbot.v1", "chat"]


def select_subprotocol(connection, offered):
    """The first offered subprotocol this server speaks; none (not a refusal) otherwise."""
    return next((name for name in offered if name in SUBPROTOCOLS), None)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    async with serve(handler, "127.0.0.1", 0, ssl=context, max_size=None, ping_interval=None,
                     select_subprotocol=select_subprotocol, compression="deflate") as server:
        announce(server.sockets[0].getsockname()[1])
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    asyncio.run(main())
