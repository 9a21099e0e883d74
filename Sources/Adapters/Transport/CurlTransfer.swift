import CCurl
import Foundation

/// One request in flight on the curl multi handle: the easy handle, its
/// header list and error buffer, and the response as it arrives.
///
/// `@unchecked Sendable` because it crosses from the caller's task to the
/// loop thread exactly once (under the loop's lock); from then on only the
/// loop thread touches it — curl's callbacks run on that thread inside
/// `curl_multi_perform` — and its continuation is resumed once, by that thread.
final class CurlTransfer: @unchecked Sendable {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxResponseBytes: Int
    private var statusLineSeen = false
    private var responseHeaders = HTTPHeaders()
    private var responseBody = Data()
    private var exceededCap = false
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?

    /// Creates and configures an easy handle for `request`.
    init(id: UInt64, request: HTTPRequest, configuration: HTTPClientConfiguration) throws(HTTPError) {
        guard let easy = curl_easy_init() else {
            throw HTTPError.transferFailed(code: -1, message: "curl_easy_init failed")
        }
        self.id = id
        self.easy = easy
        maxResponseBytes = configuration.maxResponseBytes
        errorBuffer = .allocate(capacity: peerbot_curl_error_size())
        errorBuffer.initialize(repeating: 0, count: peerbot_curl_error_size())
        try configure(request: request, configuration: configuration)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sets where the result goes; called once before the transfer is handed to the loop.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.continuation = continuation
    }

    /// Ends the transfer with `error` (cancelled, shut down) without a response.
    func fail(_ error: any Error) {
        continuation?.resume(throwing: error)
        continuation = nil
    }

    /// Ends the transfer with curl's result code.
    func complete(_ code: CURLcode) {
        guard let continuation else { return }
        self.continuation = nil
        if code == CURLE_OK {
            continuation.resume(returning: response())
        } else {
            continuation.resume(throwing: error(for: code))
        }
    }

    private func response() -> HTTPResponse {
        var status = 0
        var connects = 0
        peerbot_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        peerbot_curl_easy_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &connects)
        return HTTPResponse(status: status, headers: responseHeaders, body: responseBody, reusedConnection: connects == 0)
    }

    private func error(for code: CURLcode) -> HTTPError {
        let detail = errorBuffer.pointee == 0 ? String(cString: curl_easy_strerror(code)) : String(cString: errorBuffer)
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .hostNotFound(detail)
        case CURLE_COULDNT_CONNECT:
            return .connectionFailed(detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls(detail)
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionClosed(detail)
        case CURLE_WRITE_ERROR where exceededCap, CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(limit: maxResponseBytes)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidRequest(detail)
        default:
            return .transferFailed(code: Int(code.rawValue), message: detail)
        }
    }

    // MARK: - Receiving (loop thread, inside curl_multi_perform)

    /// A header line: a status line (`HTTP/…`) starts a new header block, so
    /// interim 1xx responses and redirect hops do not leak into the result.
    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            responseHeaders = HTTPHeaders()
            statusLineSeen = true
            return
        }
        guard statusLineSeen, let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        responseHeaders.add(name: name, value: value)
    }

    /// Body bytes; returns false (abort) once the cap would be exceeded.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            exceededCap = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    // MARK: - Configuration

    private func configure(request: HTTPRequest, configuration: HTTPClientConfiguration) throws(HTTPError) {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw HTTPError.invalidRequest("only http and https URLs are supported")
        }
        guard !request.headers.hasInvalidField else {
            throw HTTPError.invalidRequest("a header name or value contains a forbidden character")
        }
        let timeout = request.timeout ?? configuration.requestTimeout
        var failed: CURLcode = CURLE_OK
        func check(_ code: CURLcode) { if failed == CURLE_OK, code != CURLE_OK { failed = code } }

        check(peerbot_curl_easy_setopt_string(easy, CURLOPT_URL, request.url.absoluteString))
        // Required with threads: no SIGALRM for DNS timeouts (SIGPIPE is ignored in CurlGlobal).
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        check(peerbot_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.transportMilliseconds))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeout.transportMilliseconds))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile = configuration.caFile {
            check(peerbot_curl_easy_setopt_string(easy, CURLOPT_CAINFO, caFile))
        }
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, configuration.followRedirects ? 1 : 0))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_MAXREDIRS, configuration.maxRedirects))
        // Redirects never leave http(s) (curl 7.88 still allows others by default for some builds).
        check(peerbot_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        check(peerbot_curl_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        switch configuration.proxy {
        case .environment: break  // curl reads http_proxy/https_proxy/no_proxy itself
        case .none: check(peerbot_curl_easy_setopt_string(easy, CURLOPT_PROXY, ""))
        case .url(let proxy): check(peerbot_curl_easy_setopt_string(easy, CURLOPT_PROXY, proxy))
        }
        check(peerbot_curl_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)))
        // An empty value lets curl offer every encoding it was built with and decode the body.
        check(peerbot_curl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        check(peerbot_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_TCP_NODELAY, 1))
        check(peerbot_curl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))

        check(configureMethod(request))

        // An empty `Expect:` stops curl waiting for `100 Continue` on bodies over 1 KiB.
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Expect:")
        for field in request.headers {
            list = curl_slist_append(list, field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        headerList = list
        check(peerbot_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list))

        let me = Unmanaged.passUnretained(self).toOpaque()
        check(peerbot_curl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, me))
        check(peerbot_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me))
        check(peerbot_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        check(peerbot_curl_easy_setopt_datafn(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback))
        check(peerbot_curl_easy_setopt_datafn(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback))

        if failed != CURLE_OK {
            throw HTTPError.invalidRequest(String(cString: curl_easy_strerror(failed)))
        }
    }

    private func configureMethod(_ request: HTTPRequest) -> CURLcode {
        var code = CURLE_OK
        switch request.method {
        case .get where request.body == nil:
            code = peerbot_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case .head:
            code = peerbot_curl_easy_setopt_long(easy, CURLOPT_NOBODY, 1)
        default:
            if let body = request.body {
                // COPYPOSTFIELDS copies the bytes, so the request's Data need not outlive this call.
                code = peerbot_curl_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                if code == CURLE_OK {
                    code = body.withUnsafeBytes { raw in
                        guard let base = raw.baseAddress, !raw.isEmpty else {
                            return peerbot_curl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                        }
                        return peerbot_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                    }
                }
            }
            if code == CURLE_OK, request.method != .post || request.body == nil {
                code = peerbot_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
        }
        return code
    }
}

/// curl's header callback: one complete header line per call.
private func curlHeaderCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

/// curl's body callback; returning less than it was given aborts the transfer.
private func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?) -> Int {
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
}
