import Foundation

/// Printing a request, its headers or a handshake's options (a debug log, an
/// error message, `dump`) never shows a credential: authorization and cookie
/// values, and query values whose names look like credentials
/// (`access_token=`), are replaced. Issue 11 item 5:
/// tokens never appear in logs or error messages.
extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Header names whose values are credentials.
    static let sensitiveNames: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-auth-token"]

    /// The value as it may be shown.
    static func shown(_ field: Field) -> String {
        sensitiveNames.contains(field.name.lowercased()) ? "<redacted>" : field.value
    }

    public var description: String {
        "[" + fields.map { "\($0.name): \(Self.shown($0))" }.joined(separator: ", ") + "]"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: fields.map { (label: $0.name, value: Self.shown($0) as Any) }, displayStyle: .dictionary)
    }
}

extension HTTPHeaders.Field: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "\(name): \(HTTPHeaders.shown(self))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "value": HTTPHeaders.shown(self)]) }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `GET https://host/path?access_token=redacted [headers]` — no body (a login body holds a password).
    public var description: String {
        "\(method.rawValue) \(Self.redacted(url)) \(headers)" + (body.map { " (body: \($0.count) bytes)" } ?? "")
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["request": description]) }

    /// The URL without user info, and with the values of credential-like
    /// query items replaced: some APIs take `access_token=` in the query.
    public static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<unreadable URL>" }
        if components.user != nil || components.password != nil {
            components.user = nil
            components.password = nil
        }
        if let items = components.queryItems, items.contains(where: { isCredential($0.name) }) {
            components.queryItems = items.map { isCredential($0.name) ? URLQueryItem(name: $0.name, value: "redacted") : $0 }
        }
        return components.string ?? "<unreadable URL>"
    }

    /// Query names that carry credentials (`access_token`, `password`, `api_key`, `sig`, …).
    static func isCredential(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["token", "password", "secret", "key", "auth", "sig"].contains { lowered.contains($0) }
    }
}
