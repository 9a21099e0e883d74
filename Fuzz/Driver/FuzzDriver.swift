import Foundation
import FuzzTargets

#if canImport(Glibc)
import Glibc
#endif

/// `peerbot-fuzz TARGET [libFuzzer options] [CORPUS…]`.
///
/// Built by `make fuzz` (`-D PEERBOT_FUZZ`, coverage instrumentation, linked
/// with libFuzzer's `fuzzer_no_main` runtime) it hands the remaining arguments
/// to libFuzzer with `LLVMFuzzerRunDriver`. SwiftPM links an executable's
/// `main` to the module's own entry point, which clashes with the `main` that
/// `-sanitize=fuzzer` would link in; driving libFuzzer from our `main` avoids
/// that. Built normally it replays files (`peerbot-fuzz TARGET FILE…`), to
/// reproduce a finding with an ordinary debug build.
@main
struct FuzzDriver {
    /// Names the target for the processes libFuzzer starts itself (`-merge=1`, `-fork`, `-jobs`):
    /// it runs this program again with its own options only, so the target name is not in them.
    static let targetVariable = "PEERBOT_FUZZ_TARGET"

    static func main() {
        let arguments = CommandLine.arguments
        let target: FuzzTarget
        let options: [String]
        if arguments.count >= 2, let named = FuzzTarget(rawValue: arguments[1]) {
            (target, options) = (named, Array(arguments.dropFirst(2)))
        } else if let inherited = ProcessInfo.processInfo.environment[targetVariable].flatMap(FuzzTarget.init(rawValue:)) {
            (target, options) = (inherited, Array(arguments.dropFirst()))
        } else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: peerbot-fuzz \(names) [OPTIONS] [CORPUS…]\n".utf8))
            exit(2)
        }
        #if PEERBOT_FUZZ
        exit(runLibFuzzer(target, options: options))
        #else
        exit(replay(target, paths: options))
        #endif
    }

    /// Runs each file (or each file in each directory) through `target` and prints what it came to.
    static func replay(_ target: FuzzTarget, paths: [String]) -> Int32 {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("peerbot-fuzz: no such file \(path)\n".utf8))
                return 1
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let report = target.run(data)
            print("\(file.lastPathComponent): decoded \(report.decoded), rejected \(report.rejected)")
        }
        return 0
    }
}
