# PeerBot — the two commands an admin needs are `make run` and `make test`.
SWIFT ?= swift
CONFIG ?= config/peerbot.toml
BIN := .build/debug/peerbot
PEERS_VENV := Tests/Peers/.venv

# `make install`: where things go (GNU conventions; DESTDIR is prepended for staging and packaging).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/peerbot
DOCDIR ?= $(PREFIX)/share/doc/peerbot
SYSCONFDIR ?= /etc
STATEDIR ?= /var/lib/peerbot
# The health endpoint of the installed configuration.
HEALTH_LISTEN ?= 127.0.0.1:9464
# The binary `install-files` copies (`make install` builds it in release first).
INSTALL_BIN ?= .build/release/peerbot
INSTALL ?= install
# The shipped binary (`release`, `install`, `bench`, the Dockerfile): Swift's runtime and Foundation
# linked in statically, which with lld and packed relocations (Package.swift) lowers idle RSS (README
# "Performance"). Debug builds (`build`, `test`) stay dynamic. Every release build uses the same flags,
# so SwiftPM never rebuilds everything to switch between them.
RELEASE_FLAGS := -c release --static-swift-stdlib
# Under sanitizers the transport's lock is a pthread mutex: TSan misreads Synchronization.Mutex on Linux.
SANITIZE_FLAGS := -Xswiftc -DPEERBOT_PTHREAD_LOCK

.PHONY: all deps peers build release run console test soak sanitize fuzz bench install install-files uninstall clean

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

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product peerbot

# Install the release binary, the help-line directory and crisis lists, the docs,
# the systemd unit (as a template) and a configuration for a service
# (absolute paths, console off, health on HEALTH_LISTEN). An existing
# $(SYSCONFDIR)/peerbot/peerbot.toml is never overwritten: the new one is
# written next to it as peerbot.toml.new. The configuration is 0644 (the
# service's dynamic user must read it): secrets belong in peerbot.env, never
# in it. See docs/admin-guide.md.
install: release
	$(MAKE) --no-print-directory install-files

# The copying half of `install`, without a build (INSTALL_BIN names the binary).
install-files:
	@test -x "$(INSTALL_BIN)" || { echo "install: $(INSTALL_BIN) is missing; run make install (or make release)" >&2; exit 1; }
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/crisis $(DESTDIR)$(DOCDIR) $(DESTDIR)$(SYSCONFDIR)/peerbot
	$(INSTALL) -m 0755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/peerbot
	$(INSTALL) -m 0644 config/resources.toml config/RESOURCES.md $(DESTDIR)$(DATADIR)/
	$(INSTALL) -m 0644 config/crisis/*.txt $(DESTDIR)$(DATADIR)/crisis/
	$(INSTALL) -m 0644 deploy/peerbot.env.example $(DESTDIR)$(DATADIR)/
	sed 's|/usr/local/bin/peerbot|$(BINDIR)/peerbot|g; s|/usr/local/share/doc/peerbot|$(DOCDIR)|g; s|/etc/peerbot|$(SYSCONFDIR)/peerbot|g' \
	  deploy/peerbot.service > $(DESTDIR)$(DATADIR)/peerbot.service
	chmod 0644 $(DESTDIR)$(DATADIR)/peerbot.service
	$(INSTALL) -m 0644 README.md docs/*.md $(DESTDIR)$(DOCDIR)/
	deploy/render-config.sh $(STATEDIR) $(DATADIR) $(HEALTH_LISTEN) < config/peerbot.toml > $(DESTDIR)$(DATADIR)/peerbot.toml.example
	chmod 0644 $(DESTDIR)$(DATADIR)/peerbot.toml.example
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/peerbot/peerbot.toml ]; then \
	  $(INSTALL) -m 0644 $(DESTDIR)$(DATADIR)/peerbot.toml.example $(DESTDIR)$(SYSCONFDIR)/peerbot/peerbot.toml.new; \
	  echo "install: kept $(DESTDIR)$(SYSCONFDIR)/peerbot/peerbot.toml; the new template is peerbot.toml.new"; \
	else \
	  $(INSTALL) -m 0644 $(DESTDIR)$(DATADIR)/peerbot.toml.example $(DESTDIR)$(SYSCONFDIR)/peerbot/peerbot.toml; \
	fi

# Removes what install-files put in place, except the configuration and the database.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/peerbot
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

# Start PeerBot with the shipped configuration (the console adapter: type lines such as `alice: !help`).
run: build
	$(BIN) run --config $(CONFIG)

# The whole test suite: unit tests, SQLite on disk, transport tests against loopback peers,
# and transcripts piped through the real executable.
test: deps peers
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The soak test (issue 11): the real `peerbot run` with the Matrix adapter against a real
# Synapse, SOAK_MEMBERS members × SOAK_COMMANDS commands at once, the homeserver restarted
# SOAK_RESTARTS times and a proxy answering 429s and dropping connections. Fails unless every
# command is answered exactly once, every escalation paged/acknowledged/closed once, RSS grows
# < 10 % after warm-up and nothing is logged at error level. Figures: .build/soak-report.txt.
# (`make test` runs a short version of the same test.)
SOAK_MEMBERS ?= 10
SOAK_COMMANDS ?= 1000
SOAK_RESTARTS ?= 2
soak: deps peers
	$(SWIFT) build --build-tests
	@rm -f .build/soak-report.txt
	PEERBOT_SOAK_MEMBERS=$(SOAK_MEMBERS) PEERBOT_SOAK_COMMANDS=$(SOAK_COMMANDS) PEERBOT_SOAK_RESTARTS=$(SOAK_RESTARTS) \
	  PEERBOT_SOAK_REPORT=$(CURDIR)/.build/soak-report.txt \
	  $(SWIFT) test --skip-build --filter MatrixSoakTests; status=$$?; \
	  cat .build/soak-report.txt 2>/dev/null; exit $$status

# The transport tests under AddressSanitizer (with LeakSanitizer), then ThreadSanitizer,
# each in its own build folder. Swift Testing only: the empty XCTest pass leaks inside XCTest.
sanitize: deps peers
	$(SWIFT) build --build-tests --scratch-path .build-asan --sanitize=address $(SANITIZE_FLAGS)
	$(SWIFT) test --skip-build --scratch-path .build-asan --sanitize=address --disable-xctest --filter TransportTests
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread $(SANITIZE_FLAGS)
	TSAN_OPTIONS=halt_on_error=1 \
	  $(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread --disable-xctest --filter TransportTests

# libFuzzer on each fuzz target for FUZZ_SECONDS (default 60) in .build-fuzz (README "Fuzzing"),
# an optimised build with AddressSanitizer and LeakSanitizer (FUZZ_CONFIG=debug for an unoptimised one).
# FUZZ_TARGETS="config matrix-sync" picks targets; FUZZ_ARGS passes libFuzzer options.
# Not part of `make test`, which replays the committed corpus (Fuzz/Corpus) instead.
FUZZ_SECONDS ?= 60
FUZZ_CONFIG ?= release
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_CONFIG="$(FUZZ_CONFIG)" Fuzz/fuzz.sh

# Benchmarks in release: a table of medians (core, crisis scan, latency, the console
# executable, memory, transport). BENCH_ARGS passes options, e.g. BENCH_ARGS="--filter crisis".
bench: deps peers
	$(SWIFT) build $(RELEASE_FLAGS) --product peerbot
	$(SWIFT) build $(RELEASE_FLAGS) --product peerbot-bench
	.build/release/peerbot-bench $(BENCH_ARGS)

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz
