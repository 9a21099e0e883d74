#!/usr/bin/env bash
# `make fuzz`: builds peerbot-fuzz with libFuzzer's coverage instrumentation and
# AddressSanitizer in its own build folder (.build-fuzz), then runs each target
# for FUZZ_SECONDS. New inputs go to .build-fuzz/corpus/<target>; findings
# (crash-*, timeout-*, oom-*, slow-unit-*) to .build-fuzz/artifacts/<target>;
# the log of each run to .build-fuzz/logs/<target>.log.
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
# all), FUZZ_ARGS (more libFuzzer options, e.g. "-jobs=2"), SWIFT.
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-commands config discord-gateway matrix-sync mastodon-frame mastodon-html}
FUZZ_ARGS=${FUZZ_ARGS:-}
SCRATCH=.build-fuzz

toolchain_bin=$(dirname "$(command -v swiftc)")
runtime=$("$toolchain_bin/clang" -print-file-name="libclang_rt.fuzzer_no_main-$(uname -m).a")
if [ ! -f "$runtime" ]; then
    echo "fuzz: libFuzzer's runtime ($runtime) is not in this toolchain" >&2
    exit 1
fi
coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table

echo "fuzz: building peerbot-fuzz in $SCRATCH (coverage + AddressSanitizer)"
"$SWIFT" build --product peerbot-fuzz --scratch-path "$SCRATCH" \
    --sanitize=address \
    -Xswiftc "-sanitize-coverage=$coverage" -Xswiftc -DPEERBOT_FUZZ \
    -Xcc "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp" \
    -Xcxx "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp" \
    -Xlinker "$runtime" -Xlinker -lstdc++ \
    2>&1 | grep -v "Cannot export local symbol" || true
binary="$SCRATCH/debug/peerbot-fuzz"
if [ ! -x "$binary" ]; then
    echo "fuzz: the build failed" >&2
    exit 1
fi

failed=()
for target in $FUZZ_TARGETS; do
    mkdir -p "$SCRATCH/corpus/$target" "$SCRATCH/artifacts/$target" "$SCRATCH/logs"
    dict=()
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
    log="$SCRATCH/logs/$target.log"
    echo "fuzz: $target for ${FUZZ_SECONDS}s (log: $log)"
    # SWIFT_BACKTRACE off: a Swift trap must reach libFuzzer's handler, which saves the input.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
        "$binary" "$target" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -report_slow_units=2 -print_final_stats=1 "${dict[@]}" \
        -artifact_prefix="$SCRATCH/artifacts/$target/" $FUZZ_ARGS \
        "$SCRATCH/corpus/$target" "Fuzz/Corpus/$target" >"$log" 2>&1
    status=$?
    grep -E "^#[0-9]+" "$log" | tail -1
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log"
    slow=$(grep -c "Slowest unit" "$log")
    [ "$slow" -gt 0 ] && echo "fuzz: $target: $slow slow unit(s) reported (see $log)"
    if [ $status -ne 0 ]; then
        echo "fuzz: $target FAILED (exit $status): see $log and $SCRATCH/artifacts/$target/" >&2
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no findings"
