import Foundation

/// A gateway payload that could not be understood.
public enum GatewayFrameError: Error, Sendable, Equatable {
    case invalidResumeURL
}
