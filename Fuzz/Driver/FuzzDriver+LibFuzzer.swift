#if PEERBOT_FUZZ
import Foundation
import FuzzTargets

/// libFuzzer's entry for a program with its own `main` (compiler-rt FuzzerInterface.h).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// A C callback cannot capture the chosen target, so there is one per target.
private typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

extension FuzzDriver {
    /// Hands `options` (the arguments after the target name) to libFuzzer and runs `target` on every input.
    static func runLibFuzzer(_ target: FuzzTarget, options: [String]) -> Int32 {
        // libFuzzer reads argv[0] as the program and the rest as its options and corpus directories.
        var arguments = [CommandLine.arguments[0]] + options
        if !arguments.contains(where: { $0.hasPrefix("-max_len=") }) {
            arguments.insert("-max_len=\(target.maximumInputLength)", at: 1)
        }
        // The processes libFuzzer starts for -merge=1, -fork and -jobs get argv[0] and the options
        // only; without this they printed the usage and merged or fuzzed nothing.
        setenv(targetVariable, target.rawValue, 1)
        var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cStrings { free(pointer) } }
        var argc = Int32(arguments.count)
        return cStrings.withUnsafeMutableBufferPointer { buffer in
            guard var argv = buffer.baseAddress else { return 1 }
            return LLVMFuzzerRunDriver(&argc, &argv, callback(for: target))
        }
    }

    private static func callback(for target: FuzzTarget) -> FuzzCallback {
        switch target {
        case .commands: { data, size in runInput(.commands, data, size) }
        case .config: { data, size in runInput(.config, data, size) }
        case .discordGateway: { data, size in runInput(.discordGateway, data, size) }
        case .matrixSync: { data, size in runInput(.matrixSync, data, size) }
        case .mastodonFrame: { data, size in runInput(.mastodonFrame, data, size) }
        case .mastodonHTML: { data, size in runInput(.mastodonHTML, data, size) }
        }
    }

}

/// One libFuzzer input through `target` (a free function: a C callback cannot capture even a type).
private func runInput(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    _ = target.run(bytes)
    return 0
}
#endif
