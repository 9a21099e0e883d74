# PeerBot — the two commands an admin needs are `make run` and `make test`.
SWIFT ?= swift
CONFIG ?= config/peerbot.toml
BIN := .build/debug/peerbot

.PHONY: all deps build run console test clean

all: build

deps:
	@bash deploy/install-deps.sh

build: deps
	$(SWIFT) build --product peerbot

# Start PeerBot with the shipped configuration (the console adapter: type lines such as `alice: !help`).
run: build
	$(BIN) run --config $(CONFIG)

# The whole test suite: unit tests, SQLite on disk, and transcripts piped through the real executable.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
