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

import LoopbackPeers

/// The leak check itself finds every form it claims to (so a passing leak test means something).
@Suite struct SecretFormsTests {
    static let secret = "MTk4.Dsc0rd+Secret/Tok3n.vQ9x"

    @Test func findsTheSecretAsTypedPercentEncodedAndBase64AtAnyOffset() throws {
        let secrets = ["token": Self.secret]
        #expect(SecretForms.leak(in: "Authorization: Bot \(Self.secret)", secrets: secrets) != nil)
        let encoded = try #require(Self.secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(SecretForms.leak(in: "GET /x?access_token=\(encoded)", secrets: secrets) != nil)
        for user in ["", "a", "ab", "abc", "peerbot"] {
            let basic = Data("\(user):\(Self.secret)".utf8).base64EncodedString()
            #expect(SecretForms.leak(in: "Authorization: Basic \(basic)", secrets: secrets) != nil, "user \(user)")
        }
        #expect(SecretForms.leak(in: "Authorization: Bot <redacted>", secrets: secrets) == nil)
        #expect(SecretForms.leak(in: "MTk4.Dsc0rd", secrets: secrets) == nil)
    }
}
