# PeerBot — the two commands an admin needs are `make run` and `make test`.
SWIFT ?= swift
CONFIG ?= config/peerbot.toml
BIN := .build/debug/peerbot
PEERS_VENV := Tests/Peers/.venv
# Under sanitizers the transport's lock is a pthread mutex: TSan misreads Synchronization.Mutex on Linux.
SANITIZE_FLAGS := -Xswiftc -DPEERBOT_PTHREAD_LOCK

.PHONY: all deps peers build run console test sanitize bench clean

all: build

deps:
	@bash deploy/install-deps.sh

# The loopback test peers (Python websockets / http.server) in a virtual environment.
# Quick when already done: pip runs again only when requirements.txt changes.
peers: deps $(PEERS_VENV)/.installed

$(PEERS_VENV)/.installed: Tests/Peers/requirements.txt
	python3 -m venv $(PEERS_VENV)
	$(PEERS_VENV)/bin/pip install --quiet --disable-pip-version-check -r Tests/Peers/requirements.txt
	touch $@

build: deps
	$(SWIFT) build --product peerbot

# Start PeerBot with the shipped configuration (the console adapter: type lines such as `alice: !help`).
run: build
	$(BIN) run --config $(CONFIG)

# The whole test suite: unit tests, SQLite on disk, transport tests against loopback peers,
# and transcripts piped through the real executable.
test: deps peers
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The transport tests under AddressSanitizer (with LeakSanitizer), then ThreadSanitizer,
# each in its own build folder. Swift Testing only: the empty XCTest pass leaks inside XCTest.
sanitize: deps peers
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address $(SANITIZE_FLAGS)
	$(SWIFT) test --skip-build --scratch-path .build-asan --sanitize=address --disable-xctest --filter TransportTests
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread $(SANITIZE_FLAGS)
	TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread --disable-xctest --filter TransportTests

# Benchmarks in release: a table of medians (core, crisis scan, latency, the console
# executable, memory, transport). BENCH_ARGS passes options, e.g. BENCH_ARGS="--filter crisis".
bench: deps peers
	$(SWIFT) build -c release --product peerbot
	$(SWIFT) build -c release --product peerbot-bench
	.build/release/peerbot-bench $(BENCH_ARGS)

clean:
	rm -rf .build .build-asan .build-tsan
