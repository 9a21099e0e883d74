import Foundation

/// A throwaway certificate authority and server certificates made with the
/// `openssl` command, for TLS tests: `server` is signed by the CA and valid
/// for `127.0.0.1` and `localhost`; `untrusted` is self-signed for the same names.
public struct TestCertificates: Sendable {
    /// The CA certificate (PEM) a client must trust.
    public let caFile: String
    public let serverCertificate: String
    public let serverKey: String
    public let untrustedCertificate: String
    public let untrustedKey: String

    /// Generates everything in a new temporary folder.
    public static func generate() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let names = "subjectAltName=IP:127.0.0.1,DNS:localhost"
        try """
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth
            \(names)
            """.write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + key + ["-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2",
            "-subj", "/CN=PeerBot Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try openssl(["req"] + key + ["-keyout", path("server.key"), "-out", path("server.csr"), "-subj", "/CN=localhost"])
        try openssl(["x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
            "-CAcreateserial", "-out", path("server.pem"), "-days", "2", "-extfile", path("server.ext")])
        try openssl(["req", "-x509"] + key + ["-keyout", path("untrusted.key"), "-out", path("untrusted.pem"), "-days", "2",
            "-subj", "/CN=localhost", "-addext", names])
        return TestCertificates(
            caFile: path("ca.pem"), serverCertificate: path("server.pem"), serverKey: path("server.key"),
            untrustedCertificate: path("untrusted.pem"), untrustedKey: path("untrusted.key"))
    }

    private static func openssl(_ arguments: [String]) throws {
        let (status, stderr) = try ChildProcess.run("openssl", arguments)
        guard status == 0 else {
            throw LoopbackPeerError("openssl \(arguments.first ?? "") failed (run `make deps`): \(stderr.suffix(400))")
        }
    }
}
