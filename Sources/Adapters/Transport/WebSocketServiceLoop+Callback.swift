import CWebsockets

/// The protocol callback libwebsockets calls, always on the service thread.
/// A non-capturing C function: the session comes from the connection's
/// opaque user data (set at connect time, retained until WSI_DESTROY).
func webSocketCallback(
    _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
    _ input: UnsafeMutableRawPointer?, _ length: Int
) -> Int32 {
    guard let wsi, let opaque = lws_get_opaque_user_data(wsi) else { return 0 }
    let session = Unmanaged<WebSocketSession>.fromOpaque(opaque).takeUnretainedValue()
    if reason != LWS_CALLBACK_WSI_DESTROY, session.wsi == nil {
        // Callbacks can run inside lws_client_connect_via_info, before it returns the wsi.
        session.wsi = wsi
    }
    switch reason {
    case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER:
        return session.appendHandshakeHeaders(input, length: length)
    case LWS_CALLBACK_CLIENT_FILTER_PRE_ESTABLISH:
        session.readHandshakeResponse()
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        session.didEstablish()
    case LWS_CALLBACK_OPENSSL_PERFORM_SERVER_CERT_VERIFICATION:
        // `user` is OpenSSL's X509_STORE_CTX, `length` its preverify result;
        // returning 0 leaves OpenSSL's verdict as it is.
        session.noteCertificateProblem(user, preverified: length != 0)
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
        let message = input.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? "connection failed"
        session.didFailToConnect(message)
    case LWS_CALLBACK_CLIENT_RECEIVE:
        return session.didReceive(input, length: length)
    case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
        session.didReceivePong()
    case LWS_CALLBACK_CLIENT_WRITEABLE:
        return session.writeable()
    case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
        session.peerInitiatedClose(input, length: length)
    case LWS_CALLBACK_CLIENT_CLOSED:
        session.finish()
    case LWS_CALLBACK_WSI_DESTROY:
        session.loop.connectionDestroyed(session)
    default:
        break
    }
    return 0
}
