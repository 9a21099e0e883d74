#!/usr/bin/env bash
# `make fuzz`: builds peerbot-fuzz with libFuzzer's coverage instrumentation and
# AddressSanitizer in its own build folder (.build-fuzz), optimised by default
# (FUZZ_CONFIG=release; debug info kept so reports are symbolised), then runs
# each target for FUZZ_SECONDS with LeakSanitizer on (suppressions:
# Fuzz/lsan.supp). New inputs go to <FUZZ_OUT>/corpus/<target>; findings
# (crash-*, leak-*, timeout-*, oom-*, slow-unit-*) to <FUZZ_OUT>/artifacts/<target>;
# the log of each run to <FUZZ_OUT>/logs/<target>.log.
#
# Why not `-sanitize=fuzzer`: SwiftPM links an executable's `main` to the
# module's own entry point (`--defsym main=<Module>_main`), which clashes with
# the `main` in libFuzzer's runtime. So the Swift code is compiled with
# `-sanitize=address` plus `-sanitize-coverage=…` (the instrumentation
# `-sanitize=fuzzer` would add), the C++ of TOMLKit with the same coverage, and
# the driver links libFuzzer's `fuzzer_no_main` runtime and calls
# `LLVMFuzzerRunDriver` from its own `main` (Fuzz/Driver).
#
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_TARGETS (default
# all), FUZZ_CONFIG (release or debug, default release), FUZZ_OUT (default
# .build-fuzz; a new folder runs from the committed corpus alone, as the
# README's measurements do), FUZZ_ARGS (more
# libFuzzer options, e.g. "-runs=1000"), ASAN_OPTIONS / LSAN_OPTIONS (added to
# the defaults below), SWIFT.
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-commands config discord-gateway matrix-sync mastodon-frame mastodon-html}
FUZZ_CONFIG=${FUZZ_CONFIG:-release}
FUZZ_ARGS=${FUZZ_ARGS:-}
SCRATCH=.build-fuzz
FUZZ_OUT=${FUZZ_OUT:-$SCRATCH}
case "$FUZZ_CONFIG" in
    release|debug) ;;
    *) echo "fuzz: FUZZ_CONFIG must be release or debug, not $FUZZ_CONFIG" >&2; exit 2 ;;
esac

toolchain_bin=$(dirname "$(command -v swiftc)")
runtime=$("$toolchain_bin/clang" -print-file-name="libclang_rt.fuzzer_no_main-$(uname -m).a")
if [ ! -f "$runtime" ]; then
    echo "fuzz: libFuzzer's runtime ($runtime) is not in this toolchain" >&2
    exit 1
fi
coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table

# -g: a release build keeps line tables too, so ASan's and LSan's stacks name files and lines.
echo "fuzz: building peerbot-fuzz ($FUZZ_CONFIG) in $SCRATCH (coverage + AddressSanitizer)"
"$SWIFT" build --product peerbot-fuzz --scratch-path "$SCRATCH" -c "$FUZZ_CONFIG" \
    --sanitize=address \
    -Xswiftc "-sanitize-coverage=$coverage" -Xswiftc -DPEERBOT_FUZZ -Xswiftc -g \
    -Xcc "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp" -Xcc -g \
    -Xcxx "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp" -Xcxx -g \
    -Xlinker "$runtime" -Xlinker -lstdc++ \
    2>&1 | grep -v "Cannot export local symbol" || true
binary="$SCRATCH/$FUZZ_CONFIG/peerbot-fuzz"
if [ ! -x "$binary" ]; then
    echo "fuzz: the build failed" >&2
    exit 1
fi

failed=()
for target in $FUZZ_TARGETS; do
    mkdir -p "$FUZZ_OUT/corpus/$target" "$FUZZ_OUT/artifacts/$target" "$FUZZ_OUT/logs"
    dict=()
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
    log="$FUZZ_OUT/logs/$target.log"
    echo "fuzz: $target for ${FUZZ_SECONDS}s (log: $log)"
    # SWIFT_BACKTRACE off: a Swift trap must reach libFuzzer's handler, which saves the input.
    # LeakSanitizer on: libFuzzer re-runs an input that allocated more than it freed under LSan
    # and reports a leak-* finding; Fuzz/lsan.supp names the one-time runtime allocations it skips.
    SWIFT_BACKTRACE=enable=no \
    ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        "$binary" "$target" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -report_slow_units=2 -print_final_stats=1 "${dict[@]}" \
        -artifact_prefix="$FUZZ_OUT/artifacts/$target/" $FUZZ_ARGS \
        "$FUZZ_OUT/corpus/$target" "Fuzz/Corpus/$target" >"$log" 2>&1
    status=$?
    grep -E "^#[0-9]+" "$log" | tail -1
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log"
    slow=$(grep -c "Slowest unit" "$log")
    [ "$slow" -gt 0 ] && echo "fuzz: $target: $slow slow unit(s) reported (see $log)"
    # After 1,000 inputs that allocated more than they freed without a leak report, libFuzzer stops
    # checking each input (the config target's TOMLKit leaks do that); LSan still checks at exit.
    grep -q "disabled leak detection after every mutation" "$log" &&
        echo "fuzz: $target: libFuzzer stopped checking each input for leaks (README \"Fuzzing\")"
    if [ $status -ne 0 ]; then
        echo "fuzz: $target FAILED (exit $status): see $log and $FUZZ_OUT/artifacts/$target/" >&2
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no findings"
