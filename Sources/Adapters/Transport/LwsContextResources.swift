import CWebsockets

/// The C arrays and strings a libwebsockets context and its vhosts point
/// at: the protocols and extensions arrays (each with a zeroed terminator),
/// their names and the CA paths. libwebsockets keeps pointers to them, so
/// they live as long as the service loop, which outlives the context.
final class LwsContextResources {
    /// The name our one protocol is registered under (connections bind to it by name).
    let protocolName = cString("peerbot")
    let protocols: UnsafeMutablePointer<lws_protocols>
    let extensions: UnsafeMutablePointer<lws_extension>
    private let strings = LwsCStrings()

    init() {
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0].name = protocolName
        protocols[0].callback = webSocketCallback
        protocols[0].per_session_data_size = 0
        // Bytes handed to one RECEIVE callback; bigger messages arrive in several.
        protocols[0].rx_buffer_size = 64 * 1024
        extensions = .allocate(capacity: 2)
        extensions.initialize(repeating: lws_extension(), count: 2)
        extensions[0].name = cString("permessage-deflate")
        extensions[0].callback = peerbot_lws_pm_deflate_callback()
        extensions[0].client_offer = cString("permessage-deflate; client_max_window_bits")
    }

    deinit {
        protocols.deinitialize(count: 2)
        protocols.deallocate()
        extensions.deinitialize(count: 2)
        extensions.deallocate()
    }

    /// Creation info for the context (its default vhost) or a further vhost.
    func creationInfo(vhostName: String, caFile: String?, compression: Bool) -> lws_context_creation_info {
        var info = lws_context_creation_info()
        info.protocols = UnsafePointer(protocols)
        info.extensions = compression ? UnsafePointer(extensions) : nil
        info.options = peerbot_lws_server_option_do_ssl_global_init()
        info.vhost_name = UnsafePointer(strings.copy(vhostName))
        info.client_ssl_ca_filepath = UnsafePointer(strings.copy(caFile))
        info.gid = -1
        info.uid = -1
        return info
    }
}

/// A static, NUL-terminated C string from a literal (lives as long as the program).
private func cString(_ literal: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
}
