import Foundation
import Testing
@testable import Adapters

/// Printing a request or its headers never shows a credential (issue 11 item 5).
@Suite struct RedactionTests {
    static let token = "s3cret-T0ken+value/xyz"

    @Test func headersHideCredentialsHoweverPrinted() {
        let headers: HTTPHeaders = ["Authorization": "Bearer \(Self.token)", "Cookie": "session=\(Self.token)", "Accept": "application/json"]
        var dumped = ""
        dump(headers, to: &dumped)
        for text in ["\(headers)", String(describing: headers), String(reflecting: headers), dumped, "\(headers.fields)"] {
            #expect(!text.contains(Self.token), "\(text)")
        }
        #expect("\(headers)" == "[Authorization: <redacted>, Cookie: <redacted>, Accept: application/json]")
    }

    @Test func requestsHideHeadersBodiesAndCredentialQueryValues() throws {
        let url = try #require(URL(string: "https://user:s3cretpass@example.org/_matrix/client/v3/sync?since=s72&access_token=\(Self.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"))
        let request = HTTPRequest.post(
            url, body: Data(#"{"password": "\#(Self.token)"}"#.utf8), contentType: "application/json",
            headers: ["Authorization": "Bot \(Self.token)"])
        var dumped = ""
        dump(request, to: &dumped)
        for text in ["\(request)", String(reflecting: request), dumped] {
            #expect(!text.contains("s3cret"), "\(text)")
        }
        #expect("\(request)".hasPrefix("POST https://example.org/_matrix/client/v3/sync?since=s72&access_token=redacted ["))
        #expect("\(request)".hasSuffix("(body: \(#"{"password": "\#(Self.token)"}"#.utf8.count) bytes)"))
    }
}
