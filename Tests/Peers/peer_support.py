"""Shared start-up for the loopback peers: announce the port, exit with the parent."""
import os
import sys
import threading


def announce(port):
    """Prints the port the test reads, then exits when stdin closes (the test process ended)."""
    print(f"PORT {port}", flush=True)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(1024):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
