#!/usr/bin/env python3
"""Writes the seed corpus (Fuzz/Corpus/<target>/seed-*) from the project's own
test fixtures, the shipped configuration and typical command lines; edge-*
files are inputs the code must refuse (not commands, not TOML). Files named
crash-*, slow-* and hostile-* (inputs that crashed or stalled the code, and
deliberately hostile ones) are kept by hand and never touched here.

Run from the repository root: python3 Fuzz/make-seeds.py. Idempotent; files
the fuzzer found (crash-*, slow-*, oom-*) are left alone. Needs PyYAML (the
Mastodon cassettes are YAML).
"""
import glob
import json
import os
import shutil

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(target, name, data, prefix="seed-"):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(directory, prefix + name), "wb") as f:
        f.write(data)


def reset(target):
    directory = os.path.join(CORPUS, target)
    for path in glob.glob(os.path.join(directory, "seed-*")) + glob.glob(os.path.join(directory, "edge-*")):
        os.remove(path)


# --- commands: every command with typical arguments, console lines, look-alikes.
COMMANDS = [
    "!help", "!resources", "!resources crisis US", "!resources \"eating disorders\" GB", "!helplines de",
    "!region GB", "!region clear", "!timezone Europe/Berlin", "!tz clear", "!quiet 22:00-07:30", "!quiet off",
    "!checkin", "!checkin 3 tired but ok", "!checkin 4/5", "!checkin daily 09:00", "!checkin history",
    "!check-in pause", "!facilitator", "!facilitator anon I need someone to talk to", "!escalate \u201cplease help\u201d",
    "!ack 1", "!claim 12", "!handoff 3 @sam", "!resolve 2 talked it through", "!reply 4 \"I'm here\"",
    "!cancel", "!withdraw 2", "!tickets", "!oncall on 2h", "!onduty off", "!norms", "!agreements",
    "!boundary set no DMs please", "!boundaries clear", "!boundary remind off", "!crisisscan off",
    "!mydata", "!forgetme confirm", "  !RESOURCES   crisis   us  ", "\uff01help",
    "!resources\tcrisis\u202eSU", "alice: !checkin 2", "sam@facilitators: !ack 1", "alice@dm: !facilitator",
    "!checkin \"unclosed quote runs on", "!chekin 3",
]
# Lines that are not commands (a look-alike letter, console directives, plain text, an overlong name).
NOT_COMMANDS = ["!h\u0435lp", ":advance 90m", ":join bob", "# a comment", "I don't want to be here anymore", "!" + "x" * 40]

# --- discord-gateway: frames after the gateway-events documentation's structures
# (written for PeerBot, as Tests/DiscordTests/Support/Payloads.swift is).
GUILD, CHANNEL, BOT, APP = "800000000000000001", "800000000000000010", "800000000000000999", "800000000000000998"
ALICE, SAM, ROLE = "800000000000001001", "800000000000001002", "800000000000000100"


def user(uid, name, bot=False):
    u = {"id": uid, "username": name, "global_name": None, "discriminator": "0", "avatar": None}
    if bot:
        u["bot"] = True
    return u


def member(roles, nick=None, uid=None, name=None):
    m = {"roles": roles, "nick": nick, "joined_at": "2026-01-01T00:00:00.000000+00:00", "deaf": False, "mute": False, "flags": 0}
    if uid:
        m["user"] = user(uid, name)
    return m


def frame(op, d=None, s=None, t=None):
    return json.dumps({"op": op, "d": d, "s": s, "t": t}, ensure_ascii=False, separators=(",", ":"))


def dispatch(name, seq, d):
    return frame(0, d, seq, name)


HELLO = frame(10, {"heartbeat_interval": 41250})
READY = dispatch("READY", 1, {"v": 10, "user": user(BOT, "peerbot", True), "guilds": [{"id": GUILD, "unavailable": True}],
                              "session_id": "session-1", "resume_gateway_url": "wss://resume.example", "shard": [0, 1],
                              "application": {"id": APP, "flags": 0}})
GUILD_CREATE = dispatch("GUILD_CREATE", 2, {"id": GUILD, "name": "Peer space", "channels": [
    {"id": CHANNEL, "type": 0, "name": "general", "guild_id": GUILD}], "threads": [], "members": [], "member_count": 3})


def message(seq, content, guild=True, roles=None, author=ALICE, name="alice"):
    d = {"id": "90000000000000%04d" % seq, "channel_id": CHANNEL, "author": user(author, name), "content": content,
         "timestamp": "2026-03-28T19:00:00.000000+00:00", "edited_timestamp": None, "tts": False,
         "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
         "pinned": False, "type": 0}
    if guild:
        d["guild_id"] = GUILD
        d["member"] = member(roles or [])
    return dispatch("MESSAGE_CREATE", seq, d)


def slash(seq, name, options):
    return dispatch("INTERACTION_CREATE", seq, {
        "id": "90000000000005%04d" % seq, "application_id": APP, "type": 2,
        "data": {"id": "900000000000000500", "name": name, "type": 1, "options": options},
        "guild_id": GUILD, "channel_id": CHANNEL, "member": dict(member([], "Al", ALICE, "alice"), permissions="0"),
        "token": "interaction-token-1", "version": 1, "app_permissions": "0", "locale": "en-US"})


def button(seq, custom_id):
    return dispatch("INTERACTION_CREATE", seq, {
        "id": "90000000000006%04d" % seq, "application_id": APP, "type": 3,
        "data": {"custom_id": custom_id, "component_type": 2}, "guild_id": GUILD,
        "member": dict(member([ROLE], None, SAM, "sam"), permissions="0"), "channel_id": CHANNEL,
        "token": "interaction-token-2", "version": 1, "message": {"id": "900000000000000070", "channel_id": CHANNEL}})


def reaction(seq, emoji):
    return dispatch("MESSAGE_REACTION_ADD", seq, {
        "user_id": SAM, "channel_id": CHANNEL, "message_id": "900000000000000070", "guild_id": GUILD,
        "member": member([ROLE], None, SAM, "sam"), "emoji": {"id": None, "name": emoji}, "burst": False, "type": 0})


DISCORD = {
    "hello-identify-ready": [HELLO, frame(11), READY, GUILD_CREATE],
    "message": [HELLO, READY, message(3, "!resources crisis US")],
    "direct-message": [HELLO, READY, message(3, "!facilitator I need help", guild=False)],
    "slash-command": [HELLO, READY, slash(4, "resources", [{"name": "topic", "type": 3, "value": "crisis"},
                                                          {"name": "region", "type": 3, "value": "US"}])],
    "button": [HELLO, READY, button(5, "ack:1")],
    "reaction": [HELLO, READY, reaction(6, "\u2705")],
    "member-add": [HELLO, READY, dispatch("GUILD_MEMBER_ADD", 7, dict(member([]), guild_id=GUILD, user=user(ALICE, "alice")))],
    "reconnect-resume": [HELLO, READY, frame(7), HELLO, dispatch("RESUMED", 8, None)],
    "invalid-session": [HELLO, frame(9, False), HELLO, frame(9, True)],
    "heartbeat-request": [HELLO, frame(1), frame(11)],
    "channel-create": [HELLO, READY, dispatch("CHANNEL_CREATE", 9, {"id": "800000000000000012", "type": 0, "name": "support", "guild_id": GUILD})],
    "unknown-dispatch": [HELLO, READY, dispatch("TYPING_START", 10, {"channel_id": CHANNEL, "user_id": ALICE, "timestamp": 1774724400})],
}

MATRIX_FIXTURES = os.path.join(ROOT, "Tests", "MatrixTests", "Fixtures")
MASTODON_CASSETTES = os.path.join(ROOT, "Tests", "MastodonTests", "Fixtures", "cassettes")


def mastodon_frames():
    """Every WebSocket message received in the recorded streaming cassettes, one per line."""
    frames = {}
    for path in sorted(glob.glob(os.path.join(MASTODON_CASSETTES, "*.ws.yaml"))):
        with open(path) as f:
            cassette = yaml.safe_load(f)
        lines = []
        for connection in cassette.get("connections", []):
            for interaction in connection.get("interactions", []):
                received = interaction.get("receive")
                if received is not None:
                    lines.append(json.dumps(received, ensure_ascii=False, separators=(",", ":")))
        name = os.path.basename(path).replace(".ws.yaml", "").replace("[", "-").replace("]", "")
        frames[name] = lines
    return frames


def mastodon_statuses():
    """The `content` of every status in the recorded REST cassettes."""
    contents = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("content"), str) and "id" in value and value["content"]:
                contents.append(value["content"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in sorted(glob.glob(os.path.join(MASTODON_CASSETTES, "*.yaml"))):
        with open(path) as f:
            cassette = yaml.safe_load(f)
        for interaction in cassette.get("interactions", []) or []:
            body = ((interaction.get("response") or {}).get("body") or {}).get("string")
            if body:
                try:
                    walk(json.loads(body))
                except ValueError:
                    pass
        for frame_lines in mastodon_frames().values():
            for line in frame_lines:
                payload = json.loads(line).get("payload")
                if isinstance(payload, str) and payload.startswith("{"):
                    walk(json.loads(payload))
    return sorted(set(contents))


HTML = [
    '<p><span class="h-card" translate="no"><a href="http://localhost:3000/@peerbot" class="u-url mention">@<span>peerbot</span></a></span> !resources crisis US</p>',
    '<p><span class="h-card"><a href="http://localhost:3000/@peerbot" class="u-url mention">@<span>peerbot</span></a></span> !handoff 3 <span class="h-card"><a href="http://localhost:3000/@sam" class="u-url mention">@<span>sam</span></a></span></p>',
    '<p>!checkin 3 <a href="https://example.social/tags/tired" class="mention hashtag" rel="tag">#<span>tired</span></a></p><p>second&nbsp;paragraph &amp; more&#x21;</p>',
    '<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul><pre><code>!help</code></pre><br/>line<br>line',
    '<p>&lt;script&gt; &#128512; &unknown; &#0; &#xD800;</p><script>alert(1)</script><style>p{}</style><!-- note --><!DOCTYPE html>',
]


def main():
    for target in ["commands", "config", "discord-gateway", "matrix-sync", "mastodon-frame", "mastodon-html"]:
        reset(target)
    for index, line in enumerate(COMMANDS):
        write("commands", "%02d.txt" % index, line)
    for index, line in enumerate(NOT_COMMANDS):
        write("commands", "%02d.txt" % index, line, prefix="edge-")
    write("config", "peerbot.toml", open(os.path.join(ROOT, "config", "peerbot.toml"), "rb").read())
    write("config", "resources.toml", open(os.path.join(ROOT, "config", "resources.toml"), "rb").read())
    for path in sorted(glob.glob(os.path.join(ROOT, "config", "crisis", "*.txt"))):
        write("config", "crisis-" + os.path.basename(path), open(path, "rb").read(), prefix="edge-")
    write("config", "adapters.toml", ADAPTERS_TOML)
    for name, frames in DISCORD.items():
        write("discord-gateway", name + ".jsonl", "\n".join(frames) + "\n")
    for path in sorted(glob.glob(os.path.join(MATRIX_FIXTURES, "*.json"))):
        write("matrix-sync", os.path.basename(path), open(path, "rb").read())
    for name, lines in mastodon_frames().items():
        if lines:
            write("mastodon-frame", name + ".jsonl", "\n".join(lines) + "\n")
    for index, content in enumerate(mastodon_statuses() + HTML):
        write("mastodon-html", "%02d.html" % index, content)


ADAPTERS_TOML = """\
[bot]
name = "PeerBot"
command_prefix = "!"
default_region = "GB"

[console]
enabled = false

[discord]
enabled = true
token = "${PEERBOT_TOKEN}"
application_id = "800000000000000998"
facilitator_role_ids = ["800000000000000100"]
slash_commands = "global"

[matrix]
enabled = true
homeserver = "http://localhost:8008"
user_id = "@peerbot:localhost"
access_token = "${PEERBOT_TOKEN}"
rooms = ["!room"]
facilitators_room = "!facilitators"

[mastodon]
enabled = true
instance = "https://example.social"
access_token = "${PEERBOT_TOKEN}"
facilitators = ["@sam", "@mod@example.social"]

[escalation]
destination = "matrix:!facilitators"

[[escalation.tiers]]
mention = "on-duty"

[[escalation.tiers]]
mention = "all"
destination = "discord:800000000000000011"
members = ["matrix:@sam:localhost", "mastodon:109876543210"]
"""

if __name__ == "__main__":
    main()
