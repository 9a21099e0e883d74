import CCurl
import CWebsockets

/// Versions of the C libraries the transport links, for `peerbot --version`.
public enum LibraryVersions {
    /// libcurl's version string (`libcurl/7.88.1 OpenSSL/3.0.x …`).
    public static var curl: String {
        String(cString: curl_version())
    }

    /// libwebsockets' version string (`4.1.6-…`).
    public static var websockets: String {
        String(cString: lws_get_library_version())
    }
}
