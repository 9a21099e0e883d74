#!/usr/bin/env bash
# A loopback Synapse homeserver for the Matrix adapter tests.
#
#   synapse.sh install            install matrix-synapse into the test venv (idempotent)
#   synapse.sh start DIR [PID]    start (or reuse) a homeserver whose data lives in DIR;
#                                 with PID, stop it when that process ends; prints KEY=VALUE lines
#   synapse.sh stop DIR           stop it (the data stays, so `start DIR` brings the same server back)
#   synapse.sh status DIR         print the KEY=VALUE lines when it is running, else exit 1
#
# The server listens on 127.0.0.1 on a free port chosen at the first start and
# kept afterwards, has relaxed rate limits (tests send bursts; the 429 test
# tightens one user's limit through the admin API), serves room version 12
# (opaque room ids) and has four users registered with the shared secret:
# admin (server admin), peerbot (the bot), alice (a member), sam (a facilitator).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${PEERS_VENV:-$HERE/.venv}
PY=$VENV/bin/python
SYNAPSE_VERSION=${SYNAPSE_VERSION:-1.163.2}
SECRET=peerbot-test-shared-secret
USERS="admin peerbot alice sam"

log() { echo "[synapse.sh] $*" >&2; }
die() { log "$*"; exit 1; }

have_synapse() { [ -x "$PY" ] && "$PY" -c 'import synapse' 2>/dev/null; }

install() {
    if have_synapse; then return 0; fi
    if [ ! -x "$PY" ]; then
        command -v "${PYTHON:-python3}" >/dev/null || die "python3 is missing: install it (make deps) and run make peers"
        log "creating the test venv at $VENV"
        "${PYTHON:-python3}" -m venv "$VENV" || die "cannot create $VENV (is python3-venv installed? run make deps)"
    fi
    log "installing matrix-synapse==$SYNAPSE_VERSION into $VENV (takes a minute or two, once)"
    "$VENV/bin/pip" install -q "matrix-synapse==$SYNAPSE_VERSION" || die "pip could not install matrix-synapse"
}

# Background children must not keep the caller's descriptors: the Swift tests'
# Process notices that this script ended only when every copy of its child-end
# socket is closed, so a homeserver holding one would hang the caller.
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
}

pid_of() { cat "$1/synapse.pid" 2>/dev/null || true; }
running() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
base_url() { echo "http://127.0.0.1:$(cat "$1/port")"; }
healthy() { [ "$(curl -s -m 2 "$(base_url "$1")/health" 2>/dev/null)" = OK ]; }

# Writes homeserver.yaml, the signing key and the log config once per DIR.
configure() {
    local dir=$1
    mkdir -p "$dir/media"
    [ -f "$dir/port" ] || "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' > "$dir/port"
    [ -f "$dir/signing.key" ] || "$PY" -c '
import sys
from signedjson.key import generate_signing_key, write_signing_keys
with open(sys.argv[1], "w") as f: write_signing_keys(f, [generate_signing_key("a_peer")])' "$dir/signing.key"
    [ -f "$dir/homeserver.yaml" ] && return 0
    cat > "$dir/log.yaml" <<EOF
version: 1
formatters: {precise: {format: '%(asctime)s %(levelname)s %(name)s %(message)s'}}
handlers: {file: {class: logging.FileHandler, formatter: precise, filename: '$dir/homeserver.log'}}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
EOF
    local r='{per_second: 1000, burst_count: 1000}'
    {
        cat <<EOF
server_name: localhost
pid_file: $dir/homeserver.pid
listeners: [{port: $(cat "$dir/port"), bind_addresses: ['127.0.0.1'], type: http, tls: false, x_forwarded: false, resources: [{names: [client], compress: false}]}]
database: {name: sqlite3, args: {database: '$dir/homeserver.db'}}
log_config: $dir/log.yaml
media_store_path: $dir/media
signing_key_path: $dir/signing.key
registration_shared_secret: "$SECRET"
macaroon_secret_key: "peerbot-test-macaroon-$RANDOM$RANDOM"
form_secret: "peerbot-test-form-$RANDOM$RANDOM"
report_stats: false
bcrypt_rounds: 4
enable_registration: false
enable_metrics: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
presence: {enabled: false}
url_preview_enabled: false
rc_login: {address: $r, account: $r, failed_attempts: $r}
rc_joins: {local: $r, remote: $r}
rc_invites: {per_room: $r, per_user: $r, per_issuer: $r}
rc_presence: {per_user: $r}
EOF
        for k in message registration joins_per_room 3pid_validation third_party_invite admin_redaction \
            media_create room_creation delayed_event_mgmt reports user_directory profile; do
            echo "rc_$k: $r"
        done
    } > "$dir/homeserver.yaml"
}

# Registers the test users once (shared-secret registration, Synapse admin API)
# and logs each in, writing DIR/tokens.env.
users() {
    local dir=$1
    "$PY" - "$(base_url "$dir")" "$SECRET" "$dir/tokens.env" $USERS <<'EOF'
import hashlib, hmac, json, sys, urllib.request, urllib.error
base, secret, out, names = sys.argv[1], sys.argv[2].encode(), sys.argv[3], sys.argv[4:]
def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r: return r.status, json.load(r)
    except urllib.error.HTTPError as e: return e.code, json.load(e)
lines = [f"MATRIX_BASE_URL={base}", "MATRIX_SERVER_NAME=localhost", f"MATRIX_SHARED_SECRET={secret.decode()}"]
for name in names:
    password = f"{name}-password"
    status, body = call("POST", "/_matrix/client/v3/login", {"type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": name}, "password": password, "device_id": "PEERTEST"})
    if status != 200:
        nonce = call("GET", "/_synapse/admin/v1/register")[1]["nonce"]
        admin = name == "admin"
        mac = hmac.new(secret, digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode(), b"admin" if admin else b"notadmin"]))
        status, body = call("POST", "/_synapse/admin/v1/register", {"nonce": nonce, "username": name,
            "password": password, "admin": admin, "mac": mac.hexdigest()})
        if status != 200: sys.exit(f"[synapse.sh] cannot register {name}: {status} {body}")
    upper = name.upper()
    lines += [f"MATRIX_{upper}_USER={body['user_id']}", f"MATRIX_{upper}_PASSWORD={password}",
              f"MATRIX_{upper}_TOKEN={body['access_token']}"]
with open(out + ".tmp", "w") as f: f.write("\n".join(lines) + "\n")
import os; os.replace(out + ".tmp", out)
EOF
}

# Stops the server when process $2 ends (the test run) and removes DIR, so a
# crashed or interrupted test run never leaves a homeserver or its data behind.
watch_owner() {
    local dir=$1 owner=$2
    [ -f "$dir/watcher.pid" ] && kill -0 "$(cat "$dir/watcher.pid")" 2>/dev/null && return 0
    (
        close_inherited_fds
        trap '' HUP
        while kill -0 "$owner" 2>/dev/null; do sleep 1; done
        "$HERE/synapse.sh" stop "$dir" >/dev/null 2>&1 || true
        rm -rf "$dir"
    ) </dev/null >/dev/null 2>&1 &
    echo $! > "$dir/watcher.pid"
}

start() {
    local dir=${1:?usage: synapse.sh start DIR [OWNER_PID]} owner=${2:-}
    have_synapse || die "matrix-synapse is not installed in $VENV: run make peers"
    command -v curl >/dev/null || die "curl is missing: run make deps"
    configure "$dir"
    if running "$dir" && healthy "$dir"; then
        log "already running (pid $(pid_of "$dir"))"
    else
        local t0=$SECONDS
        (close_inherited_fds; cd "$dir" && exec nohup "$PY" -m synapse.app.homeserver -c homeserver.yaml \
            >>"$dir/stdout.log" 2>&1 </dev/null) &
        echo $! > "$dir/synapse.pid"
        for _ in $(seq 480); do
            healthy "$dir" && break
            running "$dir" || { tail -20 "$dir/stdout.log" "$dir/homeserver.log" >&2 2>/dev/null; die "Synapse exited during start (see $dir)"; }
            sleep 0.125
        done
        healthy "$dir" || die "Synapse was not healthy after 60 s (see $dir/homeserver.log)"
        log "healthy after $((SECONDS - t0)) s, pid $(pid_of "$dir"), $(base_url "$dir")"
    fi
    [ -n "$owner" ] && watch_owner "$dir" "$owner"
    [ -f "$dir/tokens.env" ] || users "$dir"
    cat "$dir/tokens.env"
}

stop() {
    local dir=${1:?usage: synapse.sh stop DIR} p
    p=$(pid_of "$dir")
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
        kill "$p"
        for _ in $(seq 80); do kill -0 "$p" 2>/dev/null || break; sleep 0.125; done
        kill -0 "$p" 2>/dev/null && kill -9 "$p"
        log "stopped pid $p"
    fi
    rm -f "$dir/synapse.pid"
}

status() {
    local dir=${1:?usage: synapse.sh status DIR}
    running "$dir" && healthy "$dir" && [ -f "$dir/tokens.env" ] || { echo stopped; return 1; }
    cat "$dir/tokens.env"
}

case "${1:-}" in
    install) install ;;
    start | stop | status) cmd=$1; shift; "$cmd" "$@" ;;
    *) echo "usage: $0 install | start DIR [OWNER_PID] | stop DIR | status DIR" >&2; exit 2 ;;
esac
