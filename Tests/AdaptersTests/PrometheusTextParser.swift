import Foundation

/// A strict reader of the Prometheus text exposition format (0.0.4), enough
/// to prove that `/metrics` is well formed: every line is a HELP, a TYPE or a
/// sample; names and label names are valid; label values are quoted and
/// escaped; each family is declared once, before its samples; counters are
/// named `_total`; values are numbers; no series appears twice.
struct PrometheusTextParser {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    private(set) var samples: [Sample] = []
    private(set) var types: [String: String] = [:]

    init(_ text: String) throws {
        var seriesSeen: Set<String> = []
        var helpSeen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("# HELP ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
                guard let name = parts.first, Self.isMetricName(name), helpSeen.insert(String(name)).inserted,
                    types[String(name)] == nil
                else { throw Failure(line: number, reason: "bad or repeated HELP (it must come before TYPE)") }
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, Self.isMetricName(parts[0]),
                    ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]), types[String(parts[0])] == nil
                else { throw Failure(line: number, reason: "bad or repeated TYPE") }
                if parts[1] == "counter", !parts[0].hasSuffix("_total") {
                    throw Failure(line: number, reason: "counter \(parts[0]) is not named _total")
                }
                types[String(parts[0])] = String(parts[1])
            } else if line.hasPrefix("#") {
                continue
            } else {
                let sample = try Self.sample(line, number: number)
                guard types[Self.family(of: sample.name)] != nil else {
                    throw Failure(line: number, reason: "sample of \(sample.name) before its TYPE")
                }
                let key = sample.name + sample.labels.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ",")
                guard seriesSeen.insert(key).inserted else { throw Failure(line: number, reason: "series repeated: \(key)") }
                samples.append(sample)
            }
        }
    }

    /// The value of one series; nil when absent.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    private static func family(of name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    private static func sample(_ line: Substring, number: Int) throws -> Sample {
        var rest = line[...]
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        guard isMetricName(name) else { throw Failure(line: number, reason: "bad metric name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let labelName = rest.prefix { $0 != "=" }
                guard isLabelName(labelName), rest.dropFirst(labelName.count).hasPrefix("=\"") else {
                    throw Failure(line: number, reason: "bad label")
                }
                rest = rest.dropFirst(labelName.count + 2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first, ["\\", "\"", "n"].contains(escaped) else {
                            throw Failure(line: number, reason: "bad escape in a label value")
                        }
                        value.append(escaped == "n" ? "\n" : escaped)
                        rest = rest.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Failure(line: number, reason: "unterminated label value") }
                rest = rest.dropFirst()
                guard labels.updateValue(value, forKey: String(labelName)) == nil else {
                    throw Failure(line: number, reason: "label repeated")
                }
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ")
        guard rest.first == " ", (1...2).contains(fields.count), let value = Double(fields[0]) ?? specialValue(fields[0]) else {
            throw Failure(line: number, reason: "bad value")
        }
        if fields.count == 2, Int64(fields[1]) == nil { throw Failure(line: number, reason: "bad timestamp") }
        return Sample(name: String(name), labels: labels, value: value)
    }

    private static func specialValue(_ text: Substring) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: nil
        }
    }

    static func isMetricName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    static func isLabelName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
