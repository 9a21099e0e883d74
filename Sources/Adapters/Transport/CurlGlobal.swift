import CCurl

/// Process-wide libcurl setup, done exactly once before any thread uses curl:
/// `curl_global_init` is not thread-safe, and with `CURLOPT_NOSIGNAL` a peer
/// closing a socket would raise SIGPIPE, so SIGPIPE is ignored for the process.
enum CurlGlobal {
    /// The result of the one-time initialisation (`CURLE_OK` on success).
    private static let initialization: CURLcode = {
        peerbot_ignore_sigpipe()
        return curl_global_init(peerbot_curl_global_default())
    }()

    /// Initialises libcurl on first use; later calls return the first result.
    static func ensureInitialized() throws(HTTPError) {
        let code = initialization
        guard code == CURLE_OK else {
            throw HTTPError.transferFailed(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
        }
    }
}
