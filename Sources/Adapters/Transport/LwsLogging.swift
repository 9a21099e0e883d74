import CWebsockets
import Foundation
import Logging

/// Routes libwebsockets' own log lines (errors only) into swift-log.
/// libwebsockets' log level is process-wide, so it is set once.
enum LwsLogging {
    private static let installed: Bool = {
        lws_set_log_level(LLL_ERR, lwsLogEmit)
        return true
    }()

    static func install() {
        _ = installed
    }
}

/// libwebsockets' log callback: a non-capturing C function, so it makes its own Logger.
private func lwsLogEmit(_ level: Int32, _ line: UnsafePointer<CChar>?) {
    guard let line else { return }
    let text = String(cString: line).trimmingCharacters(in: .whitespacesAndNewlines)
    Logger(label: "peerbot.websocket.lws").warning("libwebsockets", metadata: ["lws": "\(text)"])
}
