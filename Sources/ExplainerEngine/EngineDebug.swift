import Foundation

/// Development switches read once from the environment (temporary).
enum EngineDebug {
    static let dump = ProcessInfo.processInfo.environment["EXPLAINER_DEBUG"] != nil
    static let time = ProcessInfo.processInfo.environment["EXPLAINER_TIME"] != nil
}
