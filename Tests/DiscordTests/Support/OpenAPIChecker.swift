import Foundation

/// Checks HTTP requests against Discord's OpenAPI 3.1 description
/// (Fixtures/discord-openapi.json): the path matches a template, the method
/// exists on it, path and query parameters are declared (path values satisfy
/// their schemas), and the JSON body satisfies the request body schema —
/// required fields, types, enums and constants, lengths, patterns, nested
/// objects and arrays, `$ref`, `allOf`, `anyOf` and `oneOf`. Properties a
/// schema does not declare are reported too: Discord ignores unknown fields
/// silently, so a misspelt `enforce_nonce` would otherwise go unnoticed.
struct OpenAPIChecker: Sendable {
    let spec: JSONValue
    /// The path templates split into segments.
    private let templates: [(template: String, segments: [String])]

    init(data: Data) throws {
        spec = try JSONValue.parse(data)
        templates = (spec["paths"]?.object?.keys.sorted() ?? []).map { ($0, $0.split(separator: "/").map(String.init)) }
    }

    static func bundled() throws -> OpenAPIChecker {
        guard let url = Bundle.module.url(forResource: "discord-openapi", withExtension: "json", subdirectory: "Fixtures") else {
            throw CheckerError.fixtureMissing
        }
        return try OpenAPIChecker(data: Data(contentsOf: url))
    }

    enum CheckerError: Error { case fixtureMissing }

    /// The template a concrete path (without the `/api/v10` base) matches; literal segments win over parameters.
    func template(for path: String) -> String? {
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        var best: (template: String, literals: Int)?
        for (template, parts) in templates where parts.count == segments.count {
            var literals = 0
            var matches = true
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") && part.hasSuffix("}") {
                    if segment.isEmpty { matches = false; break }
                } else if part == segment {
                    literals += 1
                } else {
                    matches = false
                    break
                }
            }
            if matches, literals > (best?.literals ?? -1) { best = (template, literals) }
        }
        return best?.template
    }

    /// Every problem with one request; empty when it conforms.
    func problems(method: String, path: String, query: [String] = [], body: Data?) -> [String] {
        guard let template = template(for: path) else { return ["\(method) \(path): no such path in the spec"] }
        guard let pathItem = spec["paths"]?[template], let operation = pathItem[method.lowercased()] else {
            return ["\(method) \(template): the spec has no \(method) on this path"]
        }
        var problems: [String] = []
        let parameters = (pathItem["parameters"]?.array ?? []) + (operation["parameters"]?.array ?? [])
        // Path parameters: each value must satisfy its schema (e.g. snowflake ids).
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        for (part, segment) in zip(template.split(separator: "/").map(String.init), segments) where part.hasPrefix("{") {
            let name = String(part.dropFirst().dropLast())
            guard let parameter = parameters.first(where: { $0["name"]?.string == name && $0["in"]?.string == "path" }) else {
                problems.append("\(method) \(template): path parameter \(name) is not declared")
                continue
            }
            if let schema = parameter["schema"] {
                problems += validate(.string(segment), schema, at: "path.\(name)")
            }
        }
        for name in query where !parameters.contains(where: { $0["name"]?.string == name && $0["in"]?.string == "query" }) {
            problems.append("\(method) \(template): query parameter \(name) is not declared")
        }
        let requestBody = operation["requestBody"]
        switch (requestBody, body) {
        case (nil, nil):
            break
        case (nil, _?):
            problems.append("\(method) \(template): sends a body, but the operation takes none")
        case (let declared?, nil):
            if declared["required"]?.bool == true { problems.append("\(method) \(template): the request body is required") }
        case (let declared?, let data?):
            guard let schema = declared["content"]?["application/json"]?["schema"] else {
                problems.append("\(method) \(template): the operation takes no JSON body")
                break
            }
            do {
                problems += validate(try JSONValue.parse(data), schema, at: "body").map { "\(method) \(template): \($0)" }
            } catch {
                problems.append("\(method) \(template): the body is not JSON")
            }
        }
        return problems
    }

    // MARK: - Schema validation

    func resolve(_ schema: JSONValue) -> JSONValue {
        var current = schema
        var hops = 0
        while let ref = current["$ref"]?.string, hops < 32 {
            let parts = ref.hasPrefix("#/") ? ref.dropFirst(2).split(separator: "/").map(String.init) : []
            var target: JSONValue? = spec
            for part in parts { target = target?[part] }
            guard let found = target else { return .object([:]) }
            current = found
            hops += 1
        }
        return current
    }

    /// Problems with `value` against `schema`, each naming the location.
    func validate(_ value: JSONValue, _ schema: JSONValue, at location: String, strictProperties: Bool = true) -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if let types = typeList(schema["type"]), !types.contains(where: { matches(value, type: $0) }) {
            return ["\(location): expected \(types.joined(separator: " or ")), found \(value.typeName)"]
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(where: { equal($0, value) }) {
            problems.append("\(location): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], !equal(constant, value) {
            problems.append("\(location): expected \(constant), found \(value)")
        }
        for branch in schema["allOf"]?.array ?? [] {
            problems += validate(value, branch, at: location, strictProperties: false)
        }
        for key in ["anyOf", "oneOf"] {
            guard let branches = schema[key]?.array else { continue }
            let results = branches.map { validate(value, $0, at: location) }
            if !results.contains(where: \.isEmpty) {
                let closest = results.min { $0.count < $1.count } ?? []
                problems.append("\(location): matches none of the \(key) alternatives (closest: \(closest.joined(separator: "; ")))")
            }
        }
        switch value {
        case .string(let text):
            problems += stringProblems(text, schema, at: location)
        case .integer(let number):
            problems += numberProblems(Double(number), schema, at: location)
        case .number(let number):
            problems += numberProblems(number, schema, at: location)
        case .array(let items):
            if let min = schema["minItems"]?.int, items.count < min { problems.append("\(location): fewer than \(min) items") }
            if let max = schema["maxItems"]?.int, items.count > max { problems.append("\(location): more than \(max) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { problems += validate(item, itemSchema, at: "\(location)[\(index)]") }
            }
        case .object(let object):
            problems += objectProblems(object, schema, at: location, strictProperties: strictProperties)
        case .null, .bool:
            break
        }
        return problems
    }

    private func objectProblems(_ object: [String: JSONValue], _ schema: JSONValue, at location: String, strictProperties: Bool) -> [String] {
        var problems: [String] = []
        for name in schema["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
            problems.append("\(location): required field \"\(name)\" is missing")
        }
        let properties = schema["properties"]?.object ?? [:]
        for (name, child) in object {
            if let propertySchema = properties[name] {
                problems += validate(child, propertySchema, at: "\(location).\(name)")
            } else if let additional = schema["additionalProperties"], additional.object != nil {
                problems += validate(child, additional, at: "\(location).\(name)")
            }
        }
        if strictProperties, let known = knownProperties(schema) {
            for name in object.keys.sorted() where !known.contains(name) {
                problems.append("\(location): field \"\(name)\" is not in the schema")
            }
        }
        return problems
    }

    /// The properties an object schema declares, across `allOf`; nil when it accepts any.
    private func knownProperties(_ schema: JSONValue) -> Set<String>? {
        let schema = resolve(schema)
        if schema["additionalProperties"] != nil && schema["additionalProperties"]?.bool != false { return nil }
        var names = Set(schema["properties"]?.object?.keys.map { $0 } ?? [])
        var declaresAny = schema["properties"] != nil
        for branch in schema["allOf"]?.array ?? [] {
            guard let more = knownProperties(branch) else { return nil }
            names.formUnion(more)
            declaresAny = declaresAny || !more.isEmpty
        }
        return declaresAny ? names : nil
    }

    private func stringProblems(_ text: String, _ schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        let length = text.unicodeScalars.count
        if let min = schema["minLength"]?.int, length < min { problems.append("\(location): shorter than \(min) characters") }
        if let max = schema["maxLength"]?.int, length > max { problems.append("\(location): longer than \(max) characters") }
        if let pattern = schema["pattern"]?.string,
            let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            problems.append("\(location): \"\(text.prefix(40))\" does not match \(pattern)")
        }
        return problems
    }

    private func numberProblems(_ number: Double, _ schema: JSONValue, at location: String) -> [String] {
        var problems: [String] = []
        if let min = schema["minimum"].flatMap(numeric), number < min { problems.append("\(location): below \(min)") }
        if let max = schema["maximum"].flatMap(numeric), number > max { problems.append("\(location): above \(max)") }
        return problems
    }

    private func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    private func typeList(_ value: JSONValue?) -> [String]? {
        switch value {
        case .string(let type)?: [type]
        case .array(let types)?: types.compactMap(\.string)
        default: nil
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object):
            true
        default:
            false
        }
    }

    private func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)): Double(a) == b
        default: lhs == rhs
        }
    }
}
